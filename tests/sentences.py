"""What the pipeline reads from a sentence or a short article of the tests' own: the relations kept, and the
graph an article adds to a store, named as written."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.export import export_json
from factiongraph.vocab import SYMMETRIC

Triple = tuple[str, str, str]


def relations(nlp: Language, text: str) -> set[Triple]:
    """(type, source, target) of every relation kept, as written in the text."""
    return {(r.type, r.source.text, r.target.text) for r in nlp(text)._.fg_relations}


def related(nlp: Language, text: str, kind: str, first: str, second: str) -> bool:
    """Whether a kept relation of this type joins two mentions that contain these words, either way round for
    the symmetric types."""
    return any(
        found == kind
        and ((first in source and second in target) or (kind in SYMMETRIC and first in target and second in source))
        for found, source, target in relations(nlp, text)
    )


def article_graph(db: Database, text: str, tmp_path: Path, published: str = "2021-06") -> tuple[set[str], set[Triple]]:
    """The node names and the (type, source name, target name) edges of the store once ``text`` is ingested as
    an article of its own."""
    article = tmp_path / "article.txt"
    article.write_text(f"Test article\n\n{text}\n", encoding="utf-8")
    ingest(db, [article], published=published)
    exported = export_json(db)
    name = {n["id"]: n["name"] for n in exported["nodes"]}
    return set(name.values()), {(e["type"], name[e["source"]], name[e["target"]]) for e in exported["edges"]}
