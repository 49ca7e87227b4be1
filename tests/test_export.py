"""The export registry and its network formats on the bundled sample corpus: GraphML and GEXF read back by
networkx, Neo4j's CSVs, filters narrowing every format, an unknown format, and a plugin's exporter."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib.metadata import EntryPoint, EntryPoints
from pathlib import Path

import catalogue
import networkx as nx
import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from factiongraph.build import ingest
from factiongraph.cli import app
from factiongraph.demo import sample_corpus
from factiongraph.export import ExportFilters, ExportGraph, export_graph, known_exporters, register_exporter
from factiongraph.export.neo4j import (
    ABOUT_HEADER,
    CLAIMS_HEADER,
    ENTITIES_HEADER,
    EVENT_LINKS_HEADER,
    EVENTS_HEADER,
    RELATIONS_HEADER,
    SAID_HEADER,
)
from factiongraph.store import open_store

pytestmark = pytest.mark.slow

runner = CliRunner()
NARROWED = ExportFilters(start="2017", end="2019", actors=("HTS",), types=("Controls", "CoLocated"))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus, ingested once for the module."""
    path = tmp_path_factory.mktemp("export") / "sample.db"
    db = open_store(path)
    ingest(db, [sample_corpus()])
    db.close()
    return path


@pytest.fixture
def db(sample_db: Path) -> Database:
    return open_store(sample_db)


def _json(db: Database, out: Path, filters: ExportFilters | None = None) -> dict:
    """The JSON export the other formats are checked against."""
    export_graph(db, "json", out, filters)
    return json.loads(out.read_text(encoding="utf-8"))


def _csv(path: Path) -> tuple[list[str], list[list[str]]]:
    header, *rows = csv.reader(path.open(encoding="utf-8", newline=""))
    return header, rows


def test_export_graphml_and_gexf_read_by_networkx_with_the_json_counts(db: Database, tmp_path: Path) -> None:
    graph = _json(db, tmp_path / "graph.json")
    export_graph(db, "graphml", tmp_path / "graph.graphml")
    export_graph(db, "gexf", tmp_path / "graph.gexf")
    graphml = nx.read_graphml(tmp_path / "graph.graphml")
    gexf = nx.read_gexf(tmp_path / "graph.gexf")
    counts = (len(graph["nodes"]), len(graph["edges"]))
    assert counts[1] > 50
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == counts
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == counts

    hts = graphml.nodes["kb:hayat-tahrir-al-sham"]
    assert hts["type"] == "Organisation" and hts["kb_id"] == "hayat-tahrir-al-sham"
    assert "هيئة تحرير الشام" in hts["arabic_names"].split(" | ")
    crossing = graphml.nodes["place:fg:bab-al-hawa-crossing"]
    assert isinstance(crossing["latitude"], float) and isinstance(crossing["longitude"], float)
    edge = graphml.edges["kb:hayat-tahrir-al-sham", "place:fg:northwest-syria", "e1"]
    assert edge["relation"] == "CoLocated" and (edge["start"], edge["end"]) == ("2017-07-01", "2017-07-31")
    assert edge["precision"] == "month" and edge["evidence_count"] >= 1 and "July 2017" in edge["quote"]

    root = (tmp_path / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in root and 'timeformat="date"' in root
    timed = [d for _s, _t, d in gexf.edges(data=True) if "start" in d or "end" in d]
    assert len(timed) == gexf.number_of_edges()  # dated, else from its article's date on: all play
    assert {d["relation"] for _s, _t, d in gexf.edges(data=True)} == {e["type"] for e in graph["edges"]}


def test_export_neo4j_csvs_have_import_headers_and_the_json_counts(db: Database, tmp_path: Path) -> None:
    graph = _json(db, tmp_path / "graph.json")
    out = tmp_path / "neo4j"
    export_graph(db, "neo4j", out)
    headers = {
        "entities.csv": ENTITIES_HEADER,
        "events.csv": EVENTS_HEADER,
        "claims.csv": CLAIMS_HEADER,
        "relations.csv": RELATIONS_HEADER,
        "event_links.csv": EVENT_LINKS_HEADER,
        "claims_said.csv": SAID_HEADER,
        "claims_about.csv": ABOUT_HEADER,
    }
    tables = {name: _csv(out / name) for name in headers}
    for name, (header, _rows) in tables.items():
        assert header == headers[name]
    assert ENTITIES_HEADER[:4] == ["id:ID(Entity)", ":LABEL", "name:string", "type:string"]
    assert RELATIONS_HEADER[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert "start:date" in RELATIONS_HEADER
    assert len(tables["entities.csv"][1]) == len(graph["nodes"])
    assert len(tables["relations.csv"][1]) == len(graph["edges"])
    assert len(tables["events.csv"][1]) == len(graph["events"])
    assert len(tables["claims.csv"][1]) == len(graph["claims"])
    entity_ids = {row[0] for row in tables["entities.csv"][1]}
    assert {row[0] for row in tables["relations.csv"][1]} | {row[1] for row in tables["relations.csv"][1]} <= entity_ids
    assert {row[0] for row in tables["event_links.csv"][1]} <= entity_ids
    assert {row[1] for row in tables["claims_about.csv"][1]} <= entity_ids
    hts = next(row for row in tables["entities.csv"][1] if row[0] == "kb:hayat-tahrir-al-sham")
    assert hts[1] == "Entity;Organisation" and "HTS" in hts[4].split(";")
    cypher = (out / "load.cypher").read_text(encoding="utf-8")
    assert all(f"file:///{name}" in cypher for name in headers)
    assert "neo4j-admin database import full" in cypher


@pytest.mark.parametrize("output_format", ["json", "graphml", "gexf", "neo4j", "re3d"])
def test_export_filters_narrow_every_format(db: Database, tmp_path: Path, output_format: str) -> None:
    whole = _json(db, tmp_path / "whole.json")
    narrowed = _json(db, tmp_path / "narrowed.json", NARROWED)
    hts = "kb:hayat-tahrir-al-sham"
    assert 0 < len(narrowed["edges"]) < len(whole["edges"])
    assert 0 < len(narrowed["nodes"]) < len(whole["nodes"])
    assert all(hts in (e["source"], e["target"]) for e in narrowed["edges"])
    assert {e["type"] for e in narrowed["edges"]} <= {"Controls", "CoLocated"}
    assert all(hts in e["actors"] or e["place"] == hts for e in narrowed["events"])
    touched = {k for e in narrowed["edges"] for k in (e["source"], e["target"])}
    assert touched <= {n["id"] for n in narrowed["nodes"]}

    out = tmp_path / f"narrowed.{output_format}"
    summary = export_graph(db, output_format, out, NARROWED)
    expected = (len(narrowed["nodes"]), len(narrowed["edges"]))
    assert (summary.nodes, summary.edges) == expected
    if output_format == "graphml":
        network = nx.read_graphml(out)
        assert (network.number_of_nodes(), network.number_of_edges()) == expected
    elif output_format == "gexf":
        network = nx.read_gexf(out)
        assert (network.number_of_nodes(), network.number_of_edges()) == expected
    elif output_format == "neo4j":
        assert (len(_csv(out / "entities.csv")[1]), len(_csv(out / "relations.csv")[1])) == expected
        assert len(_csv(out / "events.csv")[1]) == len(narrowed["events"])
    elif output_format == "re3d":
        relations = [json.loads(line) for line in (out / "relations.json").read_text().splitlines()]
        said = sum(len(e["evidence"]) for e in narrowed["edges"])
        assert len(relations) == said and {r["type"] for r in relations} <= {"InChargeOf", "CoLocated"}


def test_export_window_keeps_facts_dated_or_published_in_it(db: Database) -> None:
    from factiongraph.export import load_export_graph

    graph = load_export_graph(db, ExportFilters(start="2019", end="2019"))
    assert graph.edges and graph.events
    for edge in graph.edges:
        start = edge.start or edge.end or graph.documents[edge.evidence[0].document_id].published
        end = edge.end or edge.start or graph.documents[edge.evidence[0].document_id].published
        assert start[:4] <= "2019" <= end[:4]


def test_export_cli_unknown_format_is_one_line_listing_the_known(sample_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "pajek", "--out", str(tmp_path / "x"), "--db", str(sample_db)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "unknown export format 'pajek': known formats are" in result.stderr
    for name in ("json", "re3d", "graphml", "gexf", "neo4j"):
        assert name in result.stderr
    assert not (tmp_path / "x").exists()


def test_export_cli_filters_and_bad_filters(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    args = ["export", "--format", "graphml", "--out", str(out), "--db", str(sample_db)]
    result = runner.invoke(app, [*args, "--actor", "HTS", "--from", "2017", "--to", "2019", "--type", "Controls"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() == int(result.stdout.split(" nodes, ")[1].split(" edges")[0])
    for bad, message in (
        (["--from", "2017-13"], "--from: '2017-13' is not a date"),
        (["--type", "Likes"], "the store has no relation or event of type 'Likes'"),
        (["--actor", "Nobody At All"], "no actor known as 'Nobody At All'"),
    ):
        result = runner.invoke(app, [*args, *bad])
        assert result.exit_code == 1 and message in result.stderr
        assert result.stderr.strip().count("\n") == 0


def write_edge_list(graph: ExportGraph, out: Path) -> None:
    """One line per edge: source, relation, target (a plugin's exporter, found through its entry point)."""
    out.write_text("".join(f"{e.source}\t{e.type}\t{e.target}\n" for e in graph.edges), encoding="utf-8")


@pytest.fixture
def plugin_exporters(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """An exporter registered with the decorator, and one a package declares as an entry point; both removed
    from catalogue's registry after the test."""
    entry_point = EntryPoint("entry-edges", f"{__name__}:write_edge_list", "factiongraph_exporters")
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", EntryPoints([entry_point]))
    register_exporter("edge-count")(lambda graph, out: out.write_text(str(len(graph.edges))))
    yield ["edge-count", "entry-edges"]
    catalogue._remove(("factiongraph", "exporters", "edge-count"))


def test_export_plugin_is_listed_and_used(plugin_exporters: list[str], sample_db: Path, tmp_path: Path) -> None:
    known = known_exporters()
    assert set(plugin_exporters) | {"json", "graphml", "gexf", "neo4j", "re3d"} <= set(known)
    assert known["entry-edges"].description.startswith("One line per edge")
    graph = _json(open_store(sample_db), tmp_path / "graph.json")
    for name in plugin_exporters:
        out = tmp_path / name
        result = runner.invoke(app, ["export", "--format", name, "--out", str(out), "--db", str(sample_db)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "edge-count").read_text() == str(len(graph["edges"]))
    assert len((tmp_path / "entry-edges").read_text().splitlines()) == len(graph["edges"])
