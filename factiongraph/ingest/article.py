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

    @classmethod
    def from_error(cls, source: str, doing: str, error: BaseException) -> ReadFailure:
        """An unexpected error met while ``doing`` something to one article, told in one short line: what
        broke on one article (a library's bug, a text it chokes on) is that article's failure alone."""
        message = " ".join(str(error).split())
        if len(message) > MAX_REASON_CHARS:
            message = message[: MAX_REASON_CHARS - 1] + "…"
        return cls(source, f"{doing} ({type(error).__name__}{': ' + message if message else ''})")

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


MAX_REASON_CHARS = 200
"""How much of an unexpected error's message a failure line keeps."""
