"""Normalised look-up keys under which spellings of one name meet (used by the KB, resolution and queries)."""

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


_ARABIC_TO_LATIN = str.maketrans(
    {
        "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
        "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f",
        "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "",
    }
)  # fmt: skip
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "s"), ("ph", "f"))
_LETTER_CLASSES = str.maketrans({"q": "k", "g": "j", "c": "k", "w": "u", "y": "i", "x": "ks", "v": "f", "p": "b"})
_VOWELS = re.compile(r"[aeiou]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
_REPEATS = re.compile(r"(\w)\1+")


def translit_key(name: str) -> str:
    """A consonant skeleton under which transliterations of one Arabic name meet:
    Jolani, Julani, Jawlani, Golani and الجولاني all give "jln".

    Coarse by design: it proposes candidates, which a similarity check confirms.
    """
    words = []
    for word in name_key(name).split():
        if _ARABIC_SCRIPT.search(word):
            word = word.removesuffix("ه").translate(_ARABIC_TO_LATIN)
        else:
            for digraph, letter in _DIGRAPHS:
                word = word.replace(digraph, letter)
        skeleton = _REPEATS.sub(r"\1", _VOWELS.sub("", word.translate(_LETTER_CLASSES)))
        words.append(skeleton or word)
    return " ".join(words)
