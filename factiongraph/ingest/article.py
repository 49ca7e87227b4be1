"""An article's language, and a file that could not become one. :class:`Article` itself is a plain record
(:mod:`factiongraph.records`), so that the store needs nothing of ingest."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factiongraph.keys import ARABIC_SCRIPT
from factiongraph.records import Article
from factiongraph.settings import setting

__all__ = ["MAX_REASON_CHARS", "Article", "ReadFailure", "detect_language"]


_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """``"ar"`` for a text mostly in Arabic script, else ``"en"``: the two languages the pipelines read."""
    sample = text[: int(setting("language_sample_chars"))]
    letters = len(_LETTER.findall(sample))
    return "ar" if letters and len(ARABIC_SCRIPT.findall(sample)) / letters > setting("arabic_letter_share") else "en"


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
