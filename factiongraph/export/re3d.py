"""re3d's schema for what the pipeline finds in a document, for scoring against re3d gold.

Where re3d's conventions differ from factiongraph's, the mapping lives here:
control of a place is re3d's ``InChargeOf``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from factiongraph.ingest.article import Article
from factiongraph.nlp import MENTIONS_KEY

RE3D_RELATION_TYPE = {"Controls": "InChargeOf"}


def document_id(article: Article) -> str:
    """re3d's ``_id`` when the article came from re3d, else where it came from."""
    return article.external_id or article.source


def re3d_entities(article: Article, doc: Doc) -> list[dict[str, Any]]:
    return [
        {
            "documentId": document_id(article),
            "begin": m.start_char,
            "end": m.end_char,
            "type": m.label_,
            "value": m.text,
        }
        for m in doc.spans[MENTIONS_KEY]
    ]


def re3d_relations(article: Article, doc: Doc) -> list[dict[str, Any]]:
    return [
        {
            "documentId": document_id(article),
            "type": RE3D_RELATION_TYPE.get(r.type, r.type),
            "sourceBegin": r.source.start_char,
            "sourceEnd": r.source.end_char,
            "source": r.source.text,
            "targetBegin": r.target.start_char,
            "targetEnd": r.target.end_char,
            "target": r.target.text,
        }
        for r in doc._.fg_relations
    ]
