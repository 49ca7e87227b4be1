"""Normalised look-up keys under which spellings of one name meet (used by the KB, resolution and queries)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

ARABIC_LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
"""Arabic letters written for one another (the alef's hamzas and madda, alef maqsura, taa marbuta, hamza seats),
each to the one letter keys and date words are compared by."""
ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
"""Arabic short vowels, shadda, sukun, dagger alef and tatweel: written or not, the same word."""
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
"""Arabic-Indic and Persian digits to ASCII ones."""
ARABIC_CONJUNCTIONS = ("و", "ف")
ARABIC_PREPOSITIONS = ("ب", "ل", "ك")
"""The one-letter words written onto the next one: "and", and "in/by", "to", "like" (data/lexicons/arabic_words.json
gives the tokenizer the same letters)."""
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘´\"“”]")
_LEADING_THE = re.compile(r"^the\s+")
_ARTICLE = re.compile(r"(?:(?<=\s)|^)(?:(?:al|el|ad|ag|ah|ak|an|ar|as|ash|at|az|ath|adh)-|(?:al|el)\s+(?=\S))")
_ARABIC_ARTICLE = re.compile(r"(?:(?<=\s)|^)ال(?=\S{2,})")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,]+")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Case, diacritics, apostrophes, a leading "the", the article al-/el-/… and Arabic letter
    variants (alef, ya, taa marbuta) folded away, so "the al-Nusra Front" meets "Nusra Front".

    Folded until nothing changes, so a key is its own key: one pass leaves "the x" of "the-x" and "al x"
    of "al-al-x" (what one pass uncovers), and a key looked up again would miss."""
    key = _fold(name)
    for _ in range(8):  # each pass after the first only removes; names never need more than two or three
        again = _fold(key)
        if again == key:
            break
        key = again
    return key


def _fold(name: str) -> str:
    """One pass of :func:`name_key`'s folding."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = ARABIC_MARKS.sub("", text.translate(ARABIC_LETTER_FOLDS)).casefold()
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
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
"""A letter of the Arabic block: what tells an Arabic word, name or text from one in Latin letters."""
_REPEATS = re.compile(r"(\w)\1+")
_TAA_MARBUTA = re.compile(r"(?<=[a-z]{2})(?:ah|at|eh)$")
"""A feminine ending written -a, -ah, -eh or, before a genitive, -at: "Jabha", "Jabhah", "Jabhat"."""


@lru_cache(maxsize=1 << 16)
def translit_key(name: str) -> str:
    """A consonant skeleton under which transliterations of one Arabic name meet:
    Jolani, Julani, Jawlani, Golani and الجولاني all give "jln".

    Coarse by design: it proposes candidates, which a similarity check confirms.
    """
    words = []
    for word in name_key(name).split():
        if ARABIC_SCRIPT.search(word):
            word = word.removesuffix("ه").translate(_ARABIC_TO_LATIN)
        else:
            for digraph, letter in _DIGRAPHS:
                word = word.replace(digraph, letter)
            word = _TAA_MARBUTA.sub("a", word)
        skeleton = _REPEATS.sub(r"\1", _VOWELS.sub("", word.translate(_LETTER_CLASSES)))
        words.append(skeleton or word)
    return " ".join(word for word in words if word)  # a word of letters that fold away ("ع") leaves no gap


_LONG_VOWELS = (("ee", "i"), ("oo", "u"))
_DIPHTHONGS = ((re.compile(r"(?:ai|ei|ay|ey)(?![aeiou])"), "ai"), (re.compile(r"(?:aw|ow|au|ou)(?![aeiou])"), "u"))
_IYA = re.compile(r"(?<=i)y(?=a)")
_LOOSE_LETTERS = {frozenset(pair) for pair in ("ae", "ei", "iy", "gj", "kq")}
"""Letters transliterations swap one for the other: "Tel"/"Tal", "Idleb"/"Idlib", "Abyad"/"Abiad", "Golani"/"Jolani"."""


def _vowels_folded(word: str) -> str:
    """A Latin word with its vowel spellings folded: doubled letters, ee/oo, ai/ei/ay, aw/ou, o/u, -iya/-ia,
    and the feminine ending (see :data:`_TAA_MARBUTA`)."""
    for long, short in _LONG_VOWELS:
        word = word.replace(long, short)
    word = _REPEATS.sub(r"\1", word)
    word = _TAA_MARBUTA.sub("a", word)
    for pattern, folded in _DIPHTHONGS:
        word = pattern.sub(folded, word)
    return _IYA.sub("", word.replace("o", "u"))


def _alike_words(first: str, second: str, similarity: float) -> bool:
    if first == second:
        return True
    a, b = _vowels_folded(first), _vowels_folded(second)
    if len(a) == len(b) and all(x == y or frozenset((x, y)) in _LOOSE_LETTERS for x, y in zip(a, b, strict=True)):
        return True
    return translit_key(first) == translit_key(second) and fuzz.ratio(first, second) >= similarity


def spelled_alike(first: str, second: str, similarity: float, *, min_words: int = 2) -> bool:
    """Whether two names of ``min_words`` words or more are one name spelt two ways.

    Word for word, each pair is the same once vowel spellings are folded ("Sulaiman"/"Suleiman",
    "Tal"/"Tel", "Jabhat"/"Jabha"), or has one consonant skeleton and a rapidfuzz ratio of at least
    ``similarity`` ("Jabaha"/"Jabha", "Golani"/"Jolani"). Word by word, so a shared skeleton does not
    make "Hassan" "Hussein" or "Ahmed" "Hamid". One word is too little to trust a near spelling where
    nothing else vouches for it ("al-Assaad" is not "al-Assad"), hence ``min_words``.
    """
    a, b = name_key(first).split(), name_key(second).split()
    return len(a) == len(b) >= min_words and all(_alike_words(x, y, similarity) for x, y in zip(a, b, strict=True))


def mistyped(first: str, second: str, similarity: float, edits: int) -> bool:
    """Whether one name is the other with one word mistyped ("Sham Crop" for "Sham Corps").

    The other words are spelt alike, the odd word starts with the same letter and is at most ``edits``
    edits (a transposition counts one) from its twin, and the two names have a rapidfuzz ratio of at
    least ``similarity``. Kept for names of two words or more, where the rest of the name vouches.
    """
    a, b = name_key(first).split(), name_key(second).split()
    if not len(a) == len(b) >= 2 or fuzz.ratio(" ".join(a), " ".join(b)) < similarity:
        return False
    odd = [(x, y) for x, y in zip(a, b, strict=True) if not _alike_words(x, y, similarity)]
    if len(odd) != 1:
        return False
    x, y = odd[0]
    return x[0] == y[0] and OSA.distance(x, y) <= edits


def without_arabic_proclitics(word: str) -> list[str]:
    """``word`` without the proclitics that attach to a name, fewest letters first: a conjunction, a
    preposition, or both ("وبإدلب": "بإدلب", then "إدلب"). ل before the article drops the article's alef
    ("للرقة" is ل + "الرقة"), so that is put back. Only readings whose first word keeps three letters."""
    readings: list[str] = []
    for conjunction in ("", *ARABIC_CONJUNCTIONS):
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction) :]
        if conjunction:
            readings.append(rest)
        if rest.startswith("لل"):
            readings.append("ال" + rest[2:])
        elif rest[:1] in ARABIC_PREPOSITIONS:
            readings.append(rest[1:])
    return [r for r in readings if len(r.split(" ", 1)[0]) >= 3]
