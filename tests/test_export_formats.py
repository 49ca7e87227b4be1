"""The rdf, acled-csv and plover exports (issue 14) on the bundled sample corpus, ingested once for the module."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.export.acled import ACLED_COLUMNS
from factiongraph.export.model import ExportFilters, load_export_graph
from factiongraph.export.registry import export_graph
from factiongraph.store import open_store
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.slow

FILTERS = {
    "window": ExportFilters(start="2019", end="2019-12"),
    "actor": ExportFilters(actors=("Hayat Tahrir al-Sham",)),
    "type": ExportFilters(types=("ASSAULT",)),
}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    from factiongraph.build import ingest
    from factiongraph.demo import sample_corpus

    db = open_store(tmp_path_factory.mktemp("formats") / "sample.db")
    ingest(db, [sample_corpus()])
    return db


def _events_in_store(db: Database, filters: ExportFilters | None = None) -> int:
    return len(load_export_graph(db, filters).events)


def _export(db: Database, output_format: str, out: Path, filters: ExportFilters | None = None) -> Path:
    export_graph(db, output_format, out, filters)
    return out


def _turtle(path: Path):
    from rdflib import Graph

    return Graph().parse(path, format="turtle")


def test_export_formats_rdf_loads_in_rdflib_with_every_actor_and_statement(sample_db: Database, tmp_path: Path):
    from rdflib import Namespace
    from rdflib.namespace import PROV, RDF, TIME

    fg = Namespace("https://w3id.org/factiongraph/ns#")
    graph = load_export_graph(sample_db)
    turtle = _turtle(_export(sample_db, "rdf", tmp_path / "graph.ttl"))
    assert len(set(turtle.subjects(RDF.type, fg.Actor))) == len(graph.nodes) > 50
    statements = set(turtle.subjects(RDF.type, fg.Relation))
    assert len(statements) == len(graph.edges) > 50
    assert len(set(turtle.subjects(RDF.type, fg.Event))) == len(graph.events)
    assert len(set(turtle.subjects(RDF.type, fg.Claim))) == len(graph.claims)
    for statement in statements:  # reified: subject, predicate, object, evidence with offsets in a document
        assert {p for p in (RDF.subject, RDF.predicate, RDF.object) if turtle.value(statement, p) is not None} == {
            RDF.subject,
            RDF.predicate,
            RDF.object,
        }
        triple = tuple(turtle.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        assert triple in turtle
        evidence = turtle.value(statement, PROV.wasDerivedFrom)
        assert turtle.value(evidence, PROV.wasQuotedFrom) is not None
        assert turtle.value(evidence, Namespace("http://www.w3.org/ns/oa#").start) is not None
    dated = [s for s in statements if turtle.value(s, TIME.hasTime) is not None]
    assert dated and len(dated) == sum(1 for e in graph.edges if e.start or e.end)
    stances = {str(o).rsplit("#", 1)[1] for o in turtle.objects(None, fg.stance)}
    assert stances <= {"asserted", "denied", "possible", "likely"} and "asserted" in stances
    arabic = [o for o in turtle.objects(None, Namespace("http://www.w3.org/2004/02/skos/core#").altLabel)]
    assert any(getattr(o, "language", None) == "ar" for o in arabic)


def test_export_formats_acled_csv_has_acled_columns_and_one_row_per_event(sample_db: Database, tmp_path: Path):
    path = _export(sample_db, "acled-csv", tmp_path / "events.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    assert len(rows) == _events_in_store(sample_db) == sample_db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    battles = [r for r in rows if r["event_type"] == "Battles"]
    assert battles and all(r["disorder_type"] == "Political violence" for r in battles)
    assert all(r["time_precision"] in {"1", "2", "3"} for r in rows)
    assert all(r["geo_precision"] in {"", "1", "2", "3"} for r in rows)
    assert all(r["interaction"] == "" or len(r["interaction"]) == 2 for r in rows)
    assert all("\n" not in r["notes"] for r in rows)
    afrin = next(r for r in rows if r["location"] == "Afrin" and r["actor1"] == "Turkish Armed Forces")
    assert (afrin["inter1"], afrin["inter2"], afrin["interaction"]) == ("8", "2", "28")  # Turkey's army in Syria
    assert (afrin["country"], afrin["admin1"], afrin["geo_precision"]) == ("Syria", "Aleppo", "1")
    assert any(int(r["fatalities"]) > 0 for r in rows)


def test_export_formats_acled_csv_reads_in_pandas(sample_db: Database, tmp_path: Path):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(_export(sample_db, "acled-csv", tmp_path / "events.csv"))
    assert tuple(frame.columns) == ACLED_COLUMNS and len(frame) == _events_in_store(sample_db)


def test_export_formats_plover_validates_against_the_schema(sample_db: Database, tmp_path: Path):
    from jsonschema import Draft202012Validator

    schema = json.loads((TEST_DATA / "plover.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    records = json.loads(_export(sample_db, "plover", tmp_path / "events.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(records)
    assert len(records) == _events_in_store(sample_db)
    for record in records:  # the offsets point at the sentence in its article
        info = record["text_info"]
        text = sample_db.execute("SELECT text FROM documents WHERE id = ?", [info["document_id"]]).fetchone()[0]
        begin, end = info["offsets"]
        assert text[begin:end].strip() in record["event_text"] or record["event_text"].strip() in text[begin:end]
    assert any(r["event_loc"] and r["event_loc"]["resolution"] == "city" for r in records)


@pytest.mark.parametrize("name", FILTERS)
def test_export_formats_filters_narrow_each_format(sample_db: Database, tmp_path: Path, name: str):
    from rdflib import Namespace
    from rdflib.namespace import RDF

    filters = FILTERS[name]
    narrowed = load_export_graph(sample_db, filters)
    everything = load_export_graph(sample_db)
    assert 0 < len(narrowed.events) < len(everything.events)

    with _export(sample_db, "acled-csv", tmp_path / "events.csv", filters).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(narrowed.events)
    records = json.loads(_export(sample_db, "plover", tmp_path / "events.json", filters).read_text(encoding="utf-8"))
    assert len(records) == len(narrowed.events)
    turtle = _turtle(_export(sample_db, "rdf", tmp_path / "graph.ttl", filters))
    fg = Namespace("https://w3id.org/factiongraph/ns#")
    assert len(set(turtle.subjects(RDF.type, fg.Relation))) == len(narrowed.edges) <= len(everything.edges)
    assert len(set(turtle.subjects(RDF.type, fg.Event))) == len(narrowed.events)

    if name == "window":
        assert all("2019-01-01" <= r["event_date"] <= "2019-12-31" or r["time_precision"] == "3" for r in rows)
    if name == "type":
        assert {r["event_type"] for r in records} == {"ASSAULT"}
    if name == "actor":
        assert all(
            "Hayat Tahrir al-Sham" in {r["actor1"], r["actor2"], r["assoc_actor_1"], r["assoc_actor_2"]} for r in rows
        )
