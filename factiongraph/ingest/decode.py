"""Bytes to text in every encoding a newsroom archive holds; one reason for a file that is not text.

Older Arabic sites saved Windows-1256 or ISO-8859-6, older English ones Windows-1252 or Latin-1,
and Windows tools save UTF-16, with or without a byte-order mark. A BOM is trusted; UTF-8 is tried
next (most files are); anything else is left to charset-normalizer, chosen among those encodings
only, since a free choice among all of them reads Windows-1252 English as Central European.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32LE"),  # before UTF-16LE's, which it starts with
    (codecs.BOM_UTF32_BE, "UTF-32BE"),
    (codecs.BOM_UTF8, "UTF-8"),
    (codecs.BOM_UTF16_LE, "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "UTF-16BE"),
)
"""Byte-order marks and the encoding each one announces."""

UTF16_ENCODINGS = ("utf_16_le", "utf_16_be")
"""What a file with NUL bytes and no BOM may be: UTF-16 where its bytes make that clear, else binary."""

LEGACY_ENCODINGS = ("utf_8", "cp1256", "iso8859_6", "cp1252", "latin_1")
"""What a file without NUL bytes that is not valid UTF-8 may be: UTF-8 stays a candidate so that
damaged UTF-8 is recognised as such instead of read as Windows-1256 mojibake."""

ARABIC_ARTICLE = "ال"
"""Arabic's definite article, in nearly every sentence: of Windows-1256 and ISO-8859-6, which a short
text may fit equally well, the one that reads more of it is right (the other reads "ان" or "وا")."""

ENCODINGS_TRIED = "UTF-8, UTF-16, Windows-1256, ISO-8859-6, Windows-1252 or Latin-1"

_SAMPLE = 8192
"""How much of a text is searched for NUL characters, the mark of a binary file."""


class NotText(ValueError):
    """Bytes that are no text in any encoding tried; ``reason`` says why in words for one line."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def decode_text(raw: bytes) -> str:
    """``raw`` as text, decoded by its BOM, as UTF-8, or in the encoding detected; else :class:`NotText`."""
    text = _decode(raw)
    if "\x00" in text[:_SAMPLE]:
        raise NotText("is binary, not text")
    return text


def _decode(raw: bytes) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                at = len(bom) + error.start
                reason = f"starts with a {encoding} byte-order mark but is not {encoding} (byte {at})"
                raise NotText(reason) from error
    if b"\x00" in raw[:_SAMPLE]:
        best = from_bytes(raw, cp_isolation=list(UTF16_ENCODINGS)).best()
        if best is None:
            raise NotText("is binary, not text")
        return _decoded(raw, best.encoding)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        invalid_at = error.start
    matches = from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS))
    best = matches.best()
    if best is None or best.encoding == "utf_8":
        raise NotText(f"is not text in {ENCODINGS_TRIED} (not UTF-8 from byte {invalid_at})")
    tied = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    return max((_decoded(raw, encoding) for encoding in tied), key=lambda text: text.count(ARABIC_ARTICLE))


def _decoded(raw: bytes, encoding: str) -> str:
    """``raw`` decoded whole in the encoding detected, which charset-normalizer checks only in samples
    of a large file: a byte further on that the encoding lacks still makes it no text."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotText(f"is not text in {ENCODINGS_TRIED} (not {encoding} from byte {error.start})") from error
