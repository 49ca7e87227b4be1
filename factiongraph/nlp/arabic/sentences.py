"""``fg_ar_sentences``: Arabic sentences end at . ؟ ! and at a line break, not at the Arabic comma ،."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset({".", "؟", "?", "!", "…"})
_CLOSING = frozenset({"»", "”", '"', ")", "]", "'", "’"})
"""A quote or bracket closing after the full stop still belongs to the sentence it closes."""


@Language.component("fg_ar_sentences", assigns=["token.is_sent_start"])
def arabic_sentences(doc: Doc) -> Doc:
    """Set every token's sentence start, so no other sentencizer is needed."""
    ended = True
    for token in doc:
        if ended and token.text not in _CLOSING and not token.is_space:
            token.is_sent_start = True
            ended = False
        elif token.i:
            token.is_sent_start = False
        if token.text in _ENDS or "\n" in token.text:
            ended = True
    if len(doc):
        doc[0].is_sent_start = True
    return doc
