"""Normalised look-up keys under which spellings of one name meet."""

from __future__ import annotations

import re
import unicodedata

_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘´\"“”]")
_LEADING_THE = re.compile(r"^the\s+")
_ARTICLE = re.compile(r"(?:(?<=\s)|^)(?:(?:al|el|ad|ag|ah|ak|an|ar|as|ash|at|az|ath|adh)-|(?:al|el)\s+(?=\S))")
_ARABIC_ARTICLE = re.compile(r"(?:(?<=\s)|^)ال(?=\S{2,})")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,]+")


def name_key(name: str) -> str:
    """Case, diacritics, apostrophes, a leading "the", the article al-/el-/… and Arabic letter
    variants (alef, ya, taa marbuta) folded away, so "the al-Nusra Front" meets "Nusra Front"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _ARABIC_MARKS.sub("", text.translate(_ARABIC_LETTERS)).casefold()
    text = _APOSTROPHES.sub("", text).strip()
    text = _LEADING_THE.sub("", text)
    text = _ARTICLE.sub("", text)
    text = _ARABIC_ARTICLE.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()
