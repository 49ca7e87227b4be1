"""The unit everything downstream works on: one article's text and metadata."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Article:
    """An article as read from a file, before any NLP.

    ``source`` names where it came from (a path, ``path#line``); ``external_id``
    keeps a corpus's own identifier (re3d's ``_id``) so outputs can refer to it.
    """

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    external_id: str | None = None

    def with_defaults(self, **defaults: str | None) -> Article:
        """Fill metadata the file did not give from ``defaults`` (CLI flags); the file wins."""
        missing = {k: v for k, v in defaults.items() if v is not None and getattr(self, k) is None}
        return replace(self, **missing) if missing else self

    @property
    def fingerprint(self) -> str:
        """Content key: identical texts (up to case and white space) get the same fingerprint."""
        canonical = re.sub(r"\s+", " ", self.text).strip().casefold()
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """``"ar"`` for a text mostly in Arabic script, else ``"en"``: the two languages the pipelines read."""
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    return "ar" if letters and len(_ARABIC_LETTER.findall(sample)) / letters > 0.5 else "en"


@dataclass(frozen=True)
class ReadFailure:
    """A file (or one line of it) that could not become an article, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
