"""The state on a date (``factiongraph snapshot``): who holds, belongs to and commands what, and since when.

The fixture articles are short texts written for these tests; each says one kind of thing the snapshot
has to date: a handover, a holder followed by another, undated statements, a membership and a command.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlite_utils import Database
from typer.testing import CliRunner

from factiongraph.api import create_app, models
from factiongraph.build import ingest
from factiongraph.cli import app
from factiongraph.graph import Snapshot, find_actor, snapshot, snapshot_json
from factiongraph.graph.snapshot import statement_interval
from factiongraph.store import open_store
from tests.conftest import SEED_ARTICLE, needs_shared_data
from tests.reads import actor


def article(title: str, body: str, published: str | None = None) -> str:
    """A ``.txt`` article: its publication date in the header block when it has one, the title, the body."""
    header = f"---\npublished: {published}\n---\n" if published else ""
    return f"{header}{title}\n\n{body}\n"


ARTICLES = {
    "crossing.txt": article(
        "Trade resumes at a northern crossing",
        "Goods entered through the Bab al-Salama crossing, which was under the control of the Levant Front, "
        "only to be controlled by Hayat Tahrir al-Sham in July 2017.",
        "2019-03",
    ),
    "saraqib.txt": article(
        "Saraqib changes hands",
        "Hayat Tahrir al-Sham has controlled Saraqib since 2017. "
        "The Syrian regime took control of Saraqib in February 2020.",
        "2020-06",
    ),
    "saraqib-2019.txt": article("Saraqib in winter", "Hayat Tahrir al-Sham controls Saraqib.", "2019-01"),
    "sarmada.txt": article("Life in Sarmada", "Hayat Tahrir al-Sham controls Sarmada.", "2020-06"),
    "sarmada-again.txt": article("Sarmada, a year on", "Hayat Tahrir al-Sham still controls Sarmada.", "2021-02"),
    "factions.txt": article(
        "Who leads the Hamza Division",
        "The Hamza Division is part of the Syrian National Army. Sayf Abu Bakr is the commander of the Hamza Division.",
        "2020-06",
    ),
    "azaz-no-date.txt": article("A town in the north", "The Levant Front controls Azaz."),
}

runner = CliRunner()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture articles, ingested once for the module."""
    folder = tmp_path_factory.mktemp("snapshot")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "snapshot.db"
    db = open_store(path)
    summary = ingest(db, [folder])
    assert (summary.new, summary.failed) == (len(ARTICLES), 0)
    db.close()
    return path


@pytest.fixture(scope="module")
def db(store_path: Path) -> Iterator[Database]:
    store = open_store(store_path)
    yield store
    store.close()


def holders(state: Snapshot, place: str) -> dict[str, tuple[str | None, str | None]]:
    """Who holds ``place`` in ``state``, with the interval of each holding."""
    return {item.source.name: (item.start, item.end) for item in state.controls if item.target.name == place}


def name_of(db: Database, name: str) -> str:
    """The graph's name for the actor called ``name`` (the knowledge base may prefer another)."""
    return actor(db, name).name


def invoke(*args: str | Path):  # noqa: ANN201
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    ("stored", "interval"),
    [
        (("2017", "2017", "year", "2020-06"), ("2017", None)),  # a point date: held then and from then on
        (("2017-07-14", "2017-07-14", "day", None), ("2017-07-14", None)),
        ((None, "2017-07", "interval", "2019-03"), (None, "2017-07")),  # "until": open to the past
        (("2017-07", None, "interval", "2019-03"), ("2017-07", None)),  # "since": open on
        (("2014", "2017", "interval", "2019-03"), ("2014", "2017")),
        ((None, "2021-02", "unknown", "2021-02"), ("2021-02", None)),  # "recently": surely by its later bound
        ((None, None, "unknown", "2020-06"), ("2020-06", None)),  # undated: from publication on
        ((None, None, "unknown", None), None),  # nothing dates it
        (("2017-13", "2017-13", "month", "2020-06"), None),  # not a date
    ],
)
def test_snapshot_statement_interval_reads_stored_dates(
    stored: tuple[str | None, str | None, str, str | None], interval: tuple[str | None, str | None] | None
) -> None:
    assert statement_interval(*stored) == interval


@pytest.mark.slow
def test_snapshot_handover_puts_the_crossing_under_each_holder_in_turn(db: Database) -> None:
    hts, levant_front = name_of(db, "HTS"), name_of(db, "Levant Front")
    assert holders(snapshot(db, "2017-01"), "Bab al-Salama crossing") == {levant_front: (None, "2017-07")}
    assert holders(snapshot(db, "2018-01"), "Bab al-Salama crossing") == {hts: ("2017-07", None)}


@pytest.mark.slow
def test_snapshot_date_is_read_as_the_range_it_names(db: Database) -> None:
    both = {name_of(db, "Levant Front"), name_of(db, "HTS")}
    assert set(holders(snapshot(db, "2017"), "Bab al-Salama crossing")) == both
    assert set(holders(snapshot(db, "2017-07"), "Bab al-Salama crossing")) == both
    assert set(holders(snapshot(db, "2017-08-01"), "Bab al-Salama crossing")) == {name_of(db, "HTS")}


@pytest.mark.slow
def test_snapshot_later_holder_closes_an_open_control(db: Database) -> None:
    hts, regime = name_of(db, "HTS"), name_of(db, "Syrian regime")
    # "since 2017" has no end of its own: the regime's taking it in February 2020 is where it ends, not
    # HTS's own later word (2019-01), which is the same holding said again and ends there too.
    assert holders(snapshot(db, "2018"), "Saraqib") == {hts: ("2017", "2020-02")}
    state = snapshot(db, "2019")
    assert holders(state, "Saraqib") == {hts: ("2017", "2020-02")}
    [saraqib] = [item for item in state.controls if item.target.name == "Saraqib"]
    assert [e.published for e in saraqib.evidence] == ["2019-01", "2020-06"]
    assert holders(snapshot(db, "2021"), "Saraqib") == {regime: ("2020-02", None)}


@pytest.mark.slow
def test_snapshot_undated_statement_holds_from_publication_not_before(db: Database) -> None:
    assert holders(snapshot(db, "2019-12"), "Sarmada") == {}
    assert holders(snapshot(db, "2020-06"), "Sarmada") == {name_of(db, "HTS"): ("2020-06", None)}


@pytest.mark.slow
def test_snapshot_undated_statement_without_publication_date_is_left_out(db: Database) -> None:
    for on in ("1990", "2020", "2030"):
        assert holders(snapshot(db, on), "Azaz") == {}


@pytest.mark.slow
def test_snapshot_statements_of_one_fact_are_one_item_with_all_their_evidence(db: Database) -> None:
    [sarmada] = [item for item in snapshot(db, "2021-06").controls if item.target.name == "Sarmada"]
    assert (sarmada.start, sarmada.end) == ("2020-06", None)
    assert [e.published for e in sarmada.evidence] == ["2020-06", "2021-02"]  # oldest article first
    assert [e.sentence.strip() for e in sarmada.evidence] == [
        "Hayat Tahrir al-Sham controls Sarmada.",
        "Hayat Tahrir al-Sham still controls Sarmada.",
    ]


@pytest.mark.slow
def test_snapshot_membership_and_command_items(db: Database) -> None:
    state = snapshot(db, "2021")
    memberships = {(i.source.name, i.target.name, i.start, i.end) for i in state.memberships}
    assert memberships == {("Hamza Division", name_of(db, "SNA"), "2020-06", None)}
    [command] = state.commands
    assert (command.source.name, command.target.name) == (name_of(db, "Sayf Abu Bakr"), "Hamza Division")
    assert "is the commander of the Hamza Division" in command.evidence[0].sentence
    assert snapshot(db, "2019").memberships == snapshot(db, "2019").commands == []


@pytest.mark.slow
def test_snapshot_actor_filter_keeps_its_items_by_any_name(db: Database) -> None:
    hts = name_of(db, "HTS")
    state = snapshot(db, "2021", actor=find_actor(db, "Tahrir al-Sham"))
    assert {(i.source.name, i.target.name) for i in state.controls} == {
        (hts, "Bab al-Salama crossing"),
        (hts, "Sarmada"),
    }  # not Saraqib: the regime held it by then, though the filter leaves the regime out
    assert state.memberships == state.commands == []
    commander = snapshot(db, "2021", actor=find_actor(db, "Sayf Abu Bakr"))
    assert [i.target.name for i in commander.commands] == ["Hamza Division"]
    assert commander.controls == commander.memberships == []
    assert holders(snapshot(db, "2019", actor=find_actor(db, "Saraqib")), "Saraqib") == {hts: ("2017", "2020-02")}


@pytest.mark.slow
def test_snapshot_cli_json_shape(store_path: Path) -> None:
    result = invoke("snapshot", "--on", "2021", "--format", "json", "--db", store_path)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert list(answer) == ["on", "controls", "memberships", "commands"]
    assert answer["on"] == "2021"
    evidence = {"document_id", "title", "published", "sentence", "start", "end"}
    for kind, source, target in (
        ("controls", "actor", "place"),
        ("memberships", "member", "group"),
        ("commands", "commander", "unit"),
    ):
        assert answer[kind], f"no {kind} on 2021"
        for item in answer[kind]:
            assert list(item) == [source, target, "start", "end", "evidence"]
            assert isinstance(item[source], str) and isinstance(item[target], str)
            assert item["evidence"] and all(set(e) == evidence for e in item["evidence"])
    [crossing] = [i for i in answer["controls"] if i["place"] == "Bab al-Salama crossing"]
    assert (crossing["start"], crossing["end"]) == ("2017-07", None)
    quote = crossing["evidence"][0]
    assert "only to be controlled by Hayat Tahrir al-Sham" in quote["sentence"]
    assert quote["title"] == "Trade resumes at a northern crossing" and quote["published"] == "2019-03"


@pytest.mark.slow
def test_snapshot_cli_text_lists_each_holding_with_its_interval_and_a_quote(store_path: Path) -> None:
    result = invoke("snapshot", "--on", "2017-01", "--db", store_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "State on 2017-01"
    at = lines.index("  Bab al-Salama crossing")
    assert lines[at + 1].split() == ["held", "by", "Levant", "Front", "until", "2017-07"]
    assert "which was under the control of the Levant Front" in lines[at + 2]
    later = invoke("snapshot", "--on", "2021", "--actor", "Sayf Abu Bakr", "--db", store_path)
    assert "Commands" in later.stdout and "→ Hamza Division  since 2020-06" in later.stdout
    assert "Controls" not in later.stdout
    nothing = invoke("snapshot", "--on", "1990", "--actor", "Sarmada", "--db", store_path)
    assert "nothing is known to hold on 1990" in nothing.stdout


@pytest.mark.slow
@pytest.mark.parametrize("on", ["2017-13", "July 2017", "17"])
def test_snapshot_cli_bad_date_is_one_line_and_exit_1(store_path: Path, on: str) -> None:
    result = invoke("snapshot", "--on", on, "--db", store_path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: on: {on!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.slow
def test_snapshot_api_answers_the_cli_content_with_actor_refs(store_path: Path, db: Database) -> None:
    client = TestClient(create_app(store_path))
    response = client.get("/api/snapshot", params={"on": "2021", "actor": "HTS"})
    assert response.status_code == 200, response.text
    answer = response.json()
    models.Snapshot.model_validate(answer)
    sarmada = next(i for i in answer["controls"] if i["place"]["name"] == "Sarmada")
    assert sarmada["place"]["lat"] is not None and sarmada["actor"]["type"] == "Organisation"
    as_names = {
        kind: [{key: value["name"] if isinstance(value, dict) else value for key, value in i.items()} for i in items]
        for kind, items in answer.items()
        if kind != "on"
    }
    assert {"on": answer["on"], **as_names} == snapshot_json(snapshot(db, "2021", actor=find_actor(db, "HTS")))


@pytest.mark.slow
def test_snapshot_api_errors_in_the_one_shape(store_path: Path) -> None:
    client = TestClient(create_app(store_path))
    bad = client.get("/api/snapshot", params={"on": "2021-02-30"})
    assert (bad.status_code, bad.json()["error"]["message"]) == (
        422,
        "on: '2021-02-30' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
    )
    assert client.get("/api/snapshot").status_code == 422
    unknown = client.get("/api/snapshot", params={"on": "2021", "actor": "Nobody At All"})
    assert unknown.status_code == 404 and "no actor known as 'Nobody At All'" in unknown.json()["error"]["message"]


@pytest.mark.slow
@needs_shared_data
def test_snapshot_seed_article_bab_al_hawa_changes_hands_in_july_2017(tmp_path: Path) -> None:
    db = open_store(tmp_path / "seed.db")
    ingest(db, [SEED_ARTICLE], published="2022-05")
    ahrar, hts = name_of(db, "Ahrar al-Sham"), name_of(db, "HTS")
    assert set(holders(snapshot(db, "2017-01"), "Bab al-Hawa crossing")) == {ahrar}
    assert set(holders(snapshot(db, "2018-01"), "Bab al-Hawa crossing")) == {hts}
    result = invoke(
        "snapshot", "--on", "2018-01", "--actor", "Bab al-Hawa", "--format", "json", "--db", tmp_path / "seed.db"
    )
    [item] = json.loads(result.stdout)["controls"]
    assert (item["actor"], item["start"]) == (hts, "2017-07")
    assert "only to be controlled by the HTS in July 2017" in item["evidence"][0]["sentence"]
