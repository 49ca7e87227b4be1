"""re3d's schema for what the pipeline finds in a document, for scoring against re3d gold.

Where re3d's conventions differ from factiongraph's, the mapping lives here and, for relation types, in
:mod:`factiongraph.export.re3d_store` (shared with the store's re3d export): control of a place is re3d's
``InChargeOf``; a title run into a name is one mention there; synonyms and communication are annotated from
both ends.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from factiongraph.export.re3d_store import RE3D_BOTH_WAYS, RE3D_RELATION_TYPE
from factiongraph.ingest.article import Article
from factiongraph.nlp import MENTIONS_KEY, NESTED_KEY, FoundRelation
from factiongraph.nlp.spans import span_keys


def _possessive(mention: Span) -> bool:
    """A possessive pronoun ("its", "their"), "it", or a place adverb ("there"), which re3d's annotators seldom
    mark: no span there."""
    return len(mention) == 1 and (mention[0].tag_ in ("PRP$", "RB") or mention[0].lower_ == "it")


def _re3d_keeps(relation: FoundRelation) -> bool:
    """re3d reads a title run into a name ("Foreign Minister Julie Bishop") as one person, not a synonym
    pair: only a title set off by a comma or brackets is ``IsSynonymOf`` there. A possessive pronoun is
    no span there, so no relation runs through one; nor does one join a span to a span inside it."""
    if _possessive(relation.source) or _possessive(relation.target):
        return False
    if relation.source.start < relation.target.end and relation.target.start < relation.source.end:
        return False  # "Iraqi" in "Iraqi Security Forces": re3d joins disjoint spans only
    if relation.type != "IsSynonymOf":
        return True
    first, second = sorted((relation.source, relation.target), key=lambda s: s.start)
    return bool(first.doc[first.end : second.start].text.strip())  # the tokens between, not the whole text


def document_id(article: Article) -> str:
    """re3d's ``_id`` when the article came from re3d, else where it came from."""
    return article.external_id or article.source


def re3d_entities(article: Article, doc: Doc) -> list[dict[str, Any]]:
    """Every mention but those nested in a larger one (re3d annotates the larger span) and possessive
    pronouns ("its", "their"), which re3d leaves out as spans though relations run through them."""
    nested = span_keys(list(doc.spans[NESTED_KEY]))
    return [
        {
            "documentId": document_id(article),
            "begin": m.start_char,
            "end": m.end_char,
            "type": m.label_,
            "value": m.text,
        }
        for m in doc.spans[MENTIONS_KEY]
        if (m.start, m.end) not in nested and not _possessive(m)
    ]


def _overlaps(a: dict[str, Any], b: dict[str, Any], end: str) -> bool:
    return min(a[f"{end}End"], b[f"{end}End"]) > max(a[f"{end}Begin"], b[f"{end}Begin"])


def _one_per_span_pair(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record where several say the same thing between overlapping spans ("the town of Tel Tamer" and
    "Tel Tamer"): re3d annotates the relation once, on the widest spans, as sure as the surest of them
    (so a confidence threshold does not drop a fact that a narrower record of it would have kept)."""
    kept: list[dict[str, Any]] = []
    widest_first = sorted(records, key=lambda r: r["sourceBegin"] - r["sourceEnd"] + r["targetBegin"] - r["targetEnd"])
    for record in widest_first:
        same = next(
            (
                k
                for k in kept
                if k["type"] == record["type"] and _overlaps(k, record, "source") and _overlaps(k, record, "target")
            ),
            None,
        )
        if same is None:
            kept.append(record)
        elif record["confidence"] > same["confidence"]:
            same.update(confidence=record["confidence"], construction=record["construction"])
    return kept


def re3d_relations(article: Article, doc: Doc) -> list[dict[str, Any]]:
    """The document's relations as re3d records, each type and pair of spans once, with the confidence
    and construction the decision layer gave them, so a scorer can trade precision for recall after
    one extraction."""
    records = []
    for relation in doc._.fg_relations:
        if not _re3d_keeps(relation):
            continue
        ends = [(relation.source, relation.target)]
        if relation.type in RE3D_BOTH_WAYS:
            ends.append((relation.target, relation.source))
        records += [
            {
                "documentId": document_id(article),
                "type": RE3D_RELATION_TYPE.get(relation.type, relation.type),
                "sourceBegin": source.start_char,
                "sourceEnd": source.end_char,
                "source": source.text,
                "targetBegin": target.start_char,
                "targetEnd": target.end_char,
                "target": target.text,
                "confidence": round(relation.confidence, 4),
                "construction": relation.construction,
            }
            for source, target in ends
        ]
    return _one_per_span_pair(records)
