"""A text longer than a pipeline's ``max_length`` parsed in pieces and joined into one ``Doc``.

spaCy refuses a text over ``nlp.max_length`` (E088) because its parser's memory grows with the
text, and factiongraph's own components grow faster than the text on one long ``Doc``. So a long
article is cut where a paragraph ends (else a sentence, else a space), each piece goes through the
whole pipeline alone (a batch of pieces would cost all their memory at once), and the pieces are
joined: tokens, sentences, entities and span groups by ``Doc.from_docs``, the document-level results
(``doc._.fg_relations`` ...) moved onto the joined ``Doc`` here. Its text is the article's to the
character, so every offset holds.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.settings import setting

PIECE_CHARS = int(setting("piece_chars"))
"""How long one piece may be: a tenth of spaCy's ``max_length``, a long news feature's length."""

_CUTS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"[.!?؟…][\"'”’»)\]]*\s+"), re.compile(r"\s+"))
"""Where a piece may end, best first: after a blank line, after a sentence's end, after a space."""


def split_text(text: str, piece_chars: int = PIECE_CHARS) -> list[str]:
    """Pieces of at most ``piece_chars`` that join back into ``text``, each cut at the last paragraph
    end in the second half of its window (else sentence end, else space; a text of none is cut hard)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > piece_chars:
        window = text[start : start + piece_chars]
        cut = next(
            (ends[-1] for pattern in _CUTS if (ends := [m.end() for m in pattern.finditer(window, piece_chars // 2)])),
            piece_chars,
        )
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_in_pieces(nlp: Language, text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """``text`` parsed by ``nlp`` piece by piece (:func:`split_text`, no piece over ``nlp.max_length``) into
    one ``Doc`` of the whole text."""
    docs = list(nlp.pipe(split_text(text, min(piece_chars, nlp.max_length)), batch_size=1))
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    offsets = [0]
    for doc in docs[:-1]:
        offsets.append(offsets[-1] + len(doc))
    names = dict.fromkeys(key[1] for doc in docs for key in doc.user_data if _is_doc_extension(key))
    for name in names:
        values = [(doc._.get(name), offset) for doc, offset in zip(docs, offsets, strict=True)]
        if any(value is not None and not isinstance(value, list) for value, _ in values):
            raise TypeError(f"doc._.{name} is not a list, so its pieces cannot be joined")
        joined._.set(name, [_moved(item, joined, offset) for value, offset in values for item in value or []])
    return joined


def _is_doc_extension(key: object) -> bool:
    """A key of ``Doc.user_data`` that holds a ``doc._`` value (token and span values carry offsets)."""
    return isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is None and key[3] is None


def _moved(value: Any, doc: Doc, offset: int) -> Any:
    """``value`` with every ``Span`` and ``Token`` in it (through dataclasses, tuples and lists) moved
    ``offset`` tokens on into ``doc``."""
    if isinstance(value, Span):
        start, end = value.start + offset, value.end + offset
        return Span(doc, start, end, label=value.label, kb_id=value.kb_id, span_id=value.id)
    if isinstance(value, Token):
        return doc[value.i + offset]
    if isinstance(value, list | tuple):
        return type(value)(_moved(item, doc, offset) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        moved = {f.name: _moved(getattr(value, f.name), doc, offset) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **moved)
    return value
