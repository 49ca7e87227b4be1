"""Every command through the CLI, on small fixtures: exit codes, output, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app, main
from factiongraph.cli.kb import kb_app

runner = CliRunner()


def invoke(*args: str | Path):  # noqa: ANN201
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def test_cli_every_command_has_help() -> None:
    for command in app.registered_commands:
        assert command.callback.__doc__, f"{command.name} has no help"
        assert invoke(command.name, "--help").exit_code == 0
    for command in kb_app.registered_commands:
        assert command.callback.__doc__, f"kb {command.name} has no help"
        assert invoke("kb", command.name, "--help").exit_code == 0


@pytest.mark.slow
def test_cli_ingest_reports_new_stored_and_failed(db: Path, test_data: Path, tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x00binary")
    result = invoke("ingest", test_data, tmp_path / "blob.txt", "--db", db, "--silent")
    assert result.exit_code == 1
    assert f"{tmp_path / 'blob.txt'}: is binary, not text" in result.stderr
    assert "articles.jsonl:2: is not valid JSON" in result.stderr
    assert "7 new, 0 already stored, 2 failed" in result.stdout
    again = invoke("ingest", test_data / "abu-amsha-visit.txt", "--db", db, "--silent")
    assert again.exit_code == 0
    assert "0 new, 1 already stored, 0 failed" in again.stdout


@pytest.mark.slow
def test_cli_db_from_environment(tmp_path: Path, test_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTIONGRAPH_DB", str(tmp_path / "env.db"))
    assert invoke("ingest", test_data / "abu-amsha-visit.txt", "--silent").exit_code == 0
    assert (tmp_path / "env.db").exists()


@pytest.mark.slow
def test_cli_actor_by_any_alias_shows_names_and_quotes(db: Path, test_data: Path) -> None:
    invoke("ingest", test_data / "abu-amsha-visit.txt", "--published", "2022-05", "--db", db, "--silent")
    result = invoke("actor", "Abu Amsha", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Mohammed al-Jassem" in result.stdout
    assert "InChargeOf → Sultan Suleiman Shah Division" in result.stdout
    assert "is the commander of the Sultan Suleiman Shah Division" in result.stdout
    listing = invoke("actors", "--db", db)
    assert "Hayat Tahrir al-Sham" in listing.stdout


def test_cli_unknown_actor_is_one_line_and_exit_1(db: Path) -> None:
    result = invoke("actor", "Nobody At All", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "no actor known as 'Nobody At All'" in result.stderr


@pytest.mark.slow
def test_cli_export_json_has_nodes_edges_with_evidence(db: Path, test_data: Path, tmp_path: Path) -> None:
    invoke("ingest", test_data / "abu-amsha-visit.txt", "--db", db, "--silent")
    out = tmp_path / "graph.json"
    assert invoke("export", "--format", "json", "--out", out, "--db", db).exit_code == 0
    graph = json.loads(out.read_text())
    assert set(graph) == {"nodes", "edges", "events", "claims"}
    abu_amsha = next(n for n in graph["nodes"] if "Abu Amsha" in [n["name"], *n["aliases"]])
    assert "Mohammed al-Jassem" in [abu_amsha["name"], *abu_amsha["aliases"]]
    edge = next(e for e in graph["edges"] if e["type"] == "Controls")
    text = (test_data / "abu-amsha-visit.txt").read_text()
    evidence = edge["evidence"][0]
    assert evidence["text"] in text and evidence["end"] > evidence["begin"]


@pytest.mark.slow
def test_cli_extract_re3d_writes_json_lines(tmp_path: Path, test_data: Path) -> None:
    out = tmp_path / "pred"
    result = invoke("extract", test_data / "re3d-mini" / "documents.json", "--format", "re3d", "--out", out, "--silent")
    assert result.exit_code == 0, result.output
    entities = [json.loads(line) for line in (out / "entities.json").read_text().splitlines()]
    relations = [json.loads(line) for line in (out / "relations.json").read_text().splitlines()]
    assert {e["documentId"] for e in entities} == {"T1"}
    assert {"documentId", "begin", "end", "type", "value"} <= set(entities[0])
    assert {"sourceBegin", "sourceEnd", "source", "targetBegin", "targetEnd", "target"} <= set(relations[0])


@pytest.mark.slow
def test_cli_evaluate_prints_figures(test_data: Path) -> None:
    result = invoke("evaluate", "--gold", test_data / "re3d-mini", "--json", "--silent")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1
    assert report["entities"]["gold"] == 5
    assert 0 < report["entities"]["f1"] <= 1


@pytest.mark.slow
def test_cli_demo_shows_aliases_affiliations_and_a_timeline(tmp_path: Path) -> None:
    result = invoke("demo", "--db", tmp_path / "demo.db", "--silent")
    assert result.exit_code == 0, result.output
    assert "10 new documents" in result.stdout
    assert "written as: HTS; Hayat Tahrir al-Sham; Tahrir al-Sham" in result.stdout
    assert "InChargeOf → Sultan Suleiman Shah Division" in result.stdout
    assert "Syrian National Army ↔ Hayat Tahrir al-Sham" in result.stdout
    assert "Hayat Tahrir al-Sham AlliesOf National Front for Liberation" in result.stdout  # NFL joined the SNA
    again = invoke("demo", "--db", tmp_path / "demo.db", "--silent")
    assert "0 new documents, 10 already stored" in again.stdout


def test_cli_kb_validate_list_show(tmp_path: Path) -> None:
    assert "actors, valid" in invoke("kb", "validate").stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {id: X Y, type: Person, category: person, name: X}\n")
    result = invoke("kb", "validate", bad)
    assert result.exit_code == 1
    assert "bad.yaml: actors.0.id" in result.stderr
    assert "hayat-tahrir-al-sham" in invoke("kb", "list", "--category", "armed-group").stdout
    shown = invoke("kb", "show", "Julani")
    assert shown.exit_code == 0
    assert "Abu Mohammad al-Jolani" in shown.stdout and "الجولاني" in shown.stdout


def test_cli_user_kb_from_the_environment(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - {id: new-group, type: Organisation, category: armed-group, name: New Group}\n")
    shown = runner.invoke(app, ["kb", "show", "New Group"], env={"FACTIONGRAPH_KB": str(mine)})
    assert shown.exit_code == 0, shown.output
    assert "New Group" in shown.stdout


@pytest.mark.slow
def test_cli_merge_and_split(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Profile\n\nThe rebel commander Khaled Haddad, known as Abu Omar, met Omar Saleh in Azaz.\n")
    invoke("ingest", article, "--db", db, "--silent")
    split = invoke("split", "Khaled Haddad", "Abu Omar", "--db", db)
    assert split.exit_code == 0, split.output
    assert "Abu Omar (Person) is an actor of its own" in split.stdout
    merged = invoke("merge", "Khaled Haddad", "Omar Saleh", "--db", db)
    assert merged.exit_code == 0, merged.output
    assert "Omar Saleh" in merged.stdout
    assert invoke("merge", "Khaled Haddad", "Nobody Known", "--db", db).exit_code == 1


@pytest.mark.slow
def test_cli_relations_timeline_between_two_actors(db: Path, test_data: Path) -> None:
    invoke("ingest", test_data / "abu-amsha-visit.txt", "--published", "2022-05", "--db", db, "--silent")
    result = invoke("relations", "Abu Amsha", "Sultan Suleiman Shah Division", "--db", db)
    assert result.exit_code == 0, result.output
    assert "pub. 2022-05  Mohammed al-Jassem InChargeOf Sultan Suleiman Shah Division" in result.stdout
    assert "“Mohammed al-Jassem, known as Abu Amsha, is the commander" in result.stdout
    assert "no relation found" in invoke("relations", "Abu Amsha", "SNA", "--db", db).stdout
    members = invoke("relations", "Abu Amsha", "SNA", "--include-members", "--db", db)
    assert "InChargeOf Sultan Suleiman Shah Division" in members.stdout
    empty = invoke("relations", "Abu Amsha", "SNA", "--from", "2023", "--db", db)
    assert "no relation found" in empty.stdout


@pytest.mark.slow
def test_cli_events_are_typed_dated_placed_and_exported(db: Path, test_data: Path, tmp_path: Path) -> None:
    invoke("ingest", test_data / "raqqa-offensive.txt", "--db", db, "--silent")
    result = invoke("events", "--type", "ASSAULT", "--db", db)
    assert result.exit_code == 0, result.output
    assert (
        "2017-06  #1 ASSAULT [Armed clash] Syrian Democratic Forces (source), Islamic State (target) at Raqqa "
        "(1 report)" in result.stdout
    )
    assert "no event found" in invoke("events", "--actor", "SDF", "--to", "2016", "--db", db).stdout
    out = tmp_path / "graph.json"
    invoke("export", "--out", out, "--db", db)
    events = json.loads(out.read_text())["events"]
    assault = next(e for e in events if e["type"] == "ASSAULT")
    assert assault["when"] == "2017-06" and assault["place"] == "kb:raqqa"
    assert set(assault["actors"]) == {"kb:syrian-democratic-forces", "kb:islamic-state"}
    assert "attacked the Islamic State in Raqqa" in assault["evidence"][0]["text"]


@pytest.mark.slow
def test_cli_claims_by_speaker_and_stance(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "claims.txt"
    article.write_text(
        "Analysis\n\nThe researcher Omar Khalil does not believe that Hayat Tahrir al-Sham will leave Idlib. "
        "He said it is likely that the Syrian National Army will keep its positions in Azaz.\n",
        encoding="utf-8",
    )
    invoke("ingest", article, "--db", db, "--silent")
    denied = invoke("claims", "--speaker", "Omar Khalil", "--stance", "denied", "--db", db)
    assert denied.exit_code == 0, denied.output
    assert (
        "Omar Khalil DENIED: Hayat Tahrir al-Sham will leave Idlib (about Hayat Tahrir al-Sham, Idlib)" in denied.stdout
    )
    about = invoke("claims", "--about", "SNA", "--db", db)
    assert "LIKELY" in about.stdout
    assert invoke("claims", "--stance", "sure", "--db", db).exit_code == 2


@pytest.mark.parametrize("module", ["factiongraph.cli", "factiongraph.store", "factiongraph.graph"])
def test_cli_commands_that_parse_nothing_import_no_spacy(module: str) -> None:
    """Each command imports what it calls in its own body: help and the store's queries load no parser."""
    heavy = ("spacy", "thinc", "trafilatura", "fastapi", "networkx", "pandas", "ray", "rdflib", "datasette")
    code = f"import sys, {module}; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert imported == []


def test_cli_an_unexpected_error_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in a command is one line on stderr naming what broke, not a traceback."""

    def broken() -> None:
        raise RuntimeError("the [disk] is\non fire")

    monkeypatch.setattr("factiongraph.cli.app", broken)
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err == "error: unexpected RuntimeError: the [disk] is on fire\n"
