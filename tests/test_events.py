"""Events as analysts count them: told by nouns as well as verbs, counted once across reports, with
their casualties, PLOVER mode and ACLED type; written on the project's own short reports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlite_utils import Database
from typer.testing import CliRunner

from factiongraph.api.app import create_app
from factiongraph.build import ingest_article
from factiongraph.cli import app
from factiongraph.cli.events import tolls
from factiongraph.export import export_json
from factiongraph.graph import EventItem, one_event
from factiongraph.ingest import Article
from factiongraph.resolve.events import EventPlace, Told, day_range, inside, reason_to_join
from factiongraph.settings import SettingError
from factiongraph.store import open_store
from factiongraph.store.settings import get_setting, set_setting
from tests.conftest import GATES
from tests.reads import events, latest

EVENT_CORPUS = Path(__file__).parent / "corpus" / "events"
runner = CliRunner()


def report(db: Database, text: str, *, published: str, outlet: str) -> int:
    """Ingest one short report; answers its document id."""
    return ingest_article(db, Article(text=text, source=outlet, outlet=outlet, published=published)).document_id


def only_event(db: Database, **filters: str) -> EventItem:
    [event] = events(db, **filters)
    return event


# -- events told by nouns -----------------------------------------------------------------------

NOMINAL = [
    ("Clashes erupted on Monday between Hayat Tahrir al-Sham and the Hamza Division in Saraqib.", "ASSAULT", "Saraqib"),
    ("Fighting broke out between Ahrar al-Sharqiya and the Sultan Murad Division in al-Bab.", "ASSAULT", "al-Bab"),
    ("Hayat Tahrir al-Sham launched an attack on the Syrian army near Kafr Nabl.", "ASSAULT", "Kafr Nabl"),
    ("The arrest of two men by the Military Police in Afrin angered residents.", "COERCE", "Afrin"),
    ("Russia and Turkey reached a ceasefire in Idlib on Thursday.", "AGREE", "Idlib"),
    ("The shelling of Ariha by government forces went on all night.", "ASSAULT", "Ariha"),
    ("The withdrawal of the SDF from Manbij was completed on Friday.", "RETREAT", "Manbij"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind", "place"), NOMINAL, ids=[t.split()[1] for t, _, _ in NOMINAL])
def test_events_an_event_noun_records_an_event_with_its_sides_and_place(
    fresh_db: Database, text: str, kind: str, place: str
) -> None:
    report(fresh_db, text, published="2024-03-15", outlet="Test Wire")
    found = [e for e in events(fresh_db) if e.type == kind]
    assert found, [e.type for e in events(fresh_db)]
    assert found[0].place is not None and place.lower() in found[0].place.name.lower()
    assert found[0].mode is not None


UNREAL = [
    "Turkey called for a ceasefire between the SDF and the Syrian National Army.",
    "No clashes were reported in Idlib on Monday.",
    "Officials fear a possible attack by the Islamic State on Deir ez-Zor.",
    "Hayat Tahrir al-Sham threatened an offensive against the Syrian army in Saraqib.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", UNREAL, ids=["called-for", "no-clashes", "possible", "threatened"])
def test_events_an_event_that_has_not_happened_is_none(fresh_db: Database, text: str) -> None:
    report(fresh_db, text, published="2024-03-15", outlet="Test Wire")
    assert [e.type for e in events(fresh_db) if e.type in ("AGREE", "ASSAULT")] == []


@pytest.mark.slow
def test_events_carry_plover_mode_and_acled_types(fresh_db: Database) -> None:
    report(fresh_db, "A Russian airstrike hit the village of Kafr Nabl on Monday.", published="2024-03-12", outlet="A")
    event = only_event(fresh_db)
    assert (event.type, event.mode) == ("ASSAULT", "aerial")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


# -- casualties ---------------------------------------------------------------------------------

TOLLS = [
    ("Clashes broke out between HTS and the Syrian army in Saraqib, leaving three fighters dead.", 3, None),
    ("HTS attacked Syrian army posts near Saraqib, killing 12 soldiers.", 12, None),
    ("HTS attacked Syrian army posts near Saraqib. Three soldiers were killed and five wounded.", 3, 5),
    ("The death toll from the HTS attack on the Syrian army in Saraqib rose to seven.", 7, None),
    ("At least five people died when government forces shelled Ariha.", 5, None),
    ("Government forces shelled Ariha on Monday; two civilians lost their lives and 14 were injured.", 2, 14),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed", "injured"), TOLLS, ids=["leaving", "killing", "next", "toll", "died", "lost"]
)
def test_events_read_casualties_as_numbers(fresh_db: Database, text: str, killed: int, injured: int | None) -> None:
    report(fresh_db, text, published="2024-03-12", outlet="Test Wire")
    [event] = [e for e in events(fresh_db) if e.type == "ASSAULT"]
    assert latest(event, "killed") == killed
    assert latest(event, "injured") == injured


# -- one event, many reports --------------------------------------------------------------------

WIRE = "SARAQIB, Syria (Levant Wire) — Clashes erupted on Monday between Hayat Tahrir al-Sham and the Syrian army in Saraqib, leaving three soldiers dead."  # noqa: E501
LOCAL = "Fighting broke out between HTS and regime forces on the outskirts of Saraqib on 11 March. Four soldiers were killed, our correspondent said."  # noqa: E501


@pytest.mark.slow
def test_events_the_same_clash_from_two_outlets_is_one_event_with_both_reports(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(fresh_db, LOCAL, published="2024-03-13", outlet="Idlib Daily")
    event = only_event(fresh_db, event_type="ASSAULT")
    assert [r.outlet for r in event.reports] == ["Levant Wire", "Idlib Daily"]
    assert tolls(event.reports, "killed") == {3: ("Levant Wire",), 4: ("Idlib Daily",)}
    assert event.when == "2024-03-11" and event.place is not None and event.place.name == "Saraqib"
    assert "shared actors: Hayat Tahrir al-Sham" in event.reports[1].joined_because
    assert "both in Saraqib" in event.reports[1].joined_because


@pytest.mark.slow
def test_events_two_events_on_one_day_in_two_towns_stay_two(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(
        fresh_db,
        "Clashes erupted on Monday between Hayat Tahrir al-Sham and the Syrian army in Maarat al-Numan.",
        published="2024-03-12",
        outlet="Idlib Daily",
    )
    places = sorted(e.place.name if e.place else "" for e in events(fresh_db, event_type="ASSAULT"))
    assert places == ["Maarat al-Numan", "Saraqib"]


@pytest.mark.slow
def test_events_the_same_sides_a_week_apart_are_two_events(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(fresh_db, WIRE.replace("on Monday", "on Tuesday"), published="2024-03-20", outlet="Levant Wire")
    assert sorted(e.when or "" for e in events(fresh_db, event_type="ASSAULT")) == ["2024-03-11", "2024-03-19"]


@pytest.mark.slow
def test_events_a_village_and_its_governorate_are_one_place(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(
        fresh_db,
        "Hayat Tahrir al-Sham fighters clashed with the Syrian army in the Idlib countryside on Monday.",
        published="2024-03-12",
        outlet="Monitor",
    )
    event = only_event(fresh_db, event_type="ASSAULT")
    assert event.place is not None and event.place.name == "Saraqib" and len(event.reports) == 2
    assert "Saraqib lies in Idlib" in event.reports[1].joined_because


@pytest.mark.slow
def test_events_on_monday_is_read_against_the_publication_date(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-13", outlet="Levant Wire")  # a Wednesday
    assert date.fromisoformat("2024-03-13").weekday() == 2
    assert only_event(fresh_db, event_type="ASSAULT").when == "2024-03-11"


@pytest.mark.slow
def test_events_the_window_is_a_setting(fresh_db: Database) -> None:
    assert get_setting(fresh_db, "event_window_days") == 2
    set_setting(fresh_db, "event_window_days", 0)
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(fresh_db, WIRE.replace("on Monday", "on Sunday"), published="2024-03-12", outlet="Other Wire")
    assert len(events(fresh_db, event_type="ASSAULT")) == 2
    with pytest.raises(SettingError, match="from 0 to 60"):
        set_setting(fresh_db, "event_window_days", 365)


@pytest.mark.slow
def test_events_an_article_speaks_of_its_event_bare_after_placing_and_dating_it(fresh_db: Database) -> None:
    report(
        fresh_db,
        "Islamic State militants attacked an SDF checkpoint in Diban on Saturday.\n\n"
        "The Islamic State claimed the attack the next day.",
        published="2024-04-21",
        outlet="Levant Wire",
    )
    event = only_event(fresh_db, event_type="ASSAULT")
    assert event.place is not None and event.place.name == "Dhiban" and event.when == "2024-04-20"


# -- corrections and views ----------------------------------------------------------------------


@pytest.mark.slow
def test_events_merge_and_split_by_the_cli(tmp_path: Path) -> None:
    db_path = tmp_path / "events.db"
    db = open_store(db_path)
    report(db, WIRE, published="2024-03-12", outlet="Levant Wire")
    second = report(db, LOCAL, published="2024-03-13", outlet="Idlib Daily")
    [event] = events(db, event_type="ASSAULT")
    shown = runner.invoke(app, ["event", str(event.id), "--db", str(db_path)])
    assert shown.exit_code == 0, shown.output
    assert "2 reports" in shown.stdout and "joined because: same kind (Battles)" in shown.stdout
    split = runner.invoke(app, ["split", str(event.id), str(second), "--event", "--db", str(db_path)])
    assert split.exit_code == 0, split.output
    assert len(events(db, event_type="ASSAULT")) == 2
    other = next(e.id for e in events(db, event_type="ASSAULT") if e.id != event.id)
    assert "split from event" in one_event(db, other).reports[0].joined_because
    merged = runner.invoke(app, ["merge", str(event.id), f"#{other}", "--events", "--db", str(db_path)])
    assert merged.exit_code == 0, merged.output
    assert "now has 2 report(s)" in merged.stdout
    listed = runner.invoke(app, ["events", "--db", str(db_path)])
    assert "(2 reports; 3 killed (Levant Wire) / 4 killed (Idlib Daily))" in listed.stdout
    assert runner.invoke(app, ["event", "999", "--db", str(db_path)]).exit_code == 1


@pytest.mark.slow
def test_events_export_counts_each_event_once_with_its_reports(fresh_db: Database) -> None:
    report(fresh_db, WIRE, published="2024-03-12", outlet="Levant Wire")
    report(fresh_db, LOCAL, published="2024-03-13", outlet="Idlib Daily")
    [event] = [e for e in export_json(fresh_db)["events"] if e["type"] == "ASSAULT"]
    nodes = {n["id"] for n in export_json(fresh_db)["nodes"]}
    assert event["place"] in nodes and event["fatalities"] == 4
    assert [(r["outlet"], r["published"], r["fatalities"]) for r in event["reports"]] == [
        ("Levant Wire", "2024-03-12", 3),
        ("Idlib Daily", "2024-03-13", 4),
    ]
    assert [e["document"] for e in event["evidence"]] == [r["document"] for r in event["reports"]]
    assert (event["acled_event_type"], event["acled_sub_event_type"]) == ("Battles", "Armed clash")


@pytest.mark.slow
def test_events_api_answers_one_event_and_its_corrections(tmp_path: Path) -> None:
    db_path = tmp_path / "api.db"
    db = open_store(db_path)
    report(db, WIRE, published="2024-03-12", outlet="Levant Wire")
    second = report(db, LOCAL, published="2024-03-13", outlet="Idlib Daily")
    [event] = events(db, event_type="ASSAULT")
    client = TestClient(create_app(db_path, token="t0ken"))
    answer = client.get(f"/api/events/{event.id}").json()
    assert [r["outlet"] for r in answer["reports"]] == ["Levant Wire", "Idlib Daily"]
    assert answer["acled_sub_event_type"] == "Armed clash"
    assert client.get("/api/events/999").status_code == 404
    auth = {"Authorization": "Bearer t0ken"}
    new = client.post("/api/events/split", json={"event": event.id, "document": second}, headers=auth).json()
    assert [r["outlet"] for r in new["reports"]] == ["Idlib Daily"]
    kept = client.post("/api/events/merge", json={"keep": event.id, "other": new["id"]}, headers=auth).json()
    assert len(kept["reports"]) == 2


# -- the linker's decisions ---------------------------------------------------------------------


def place(entity_id: int, name: str, precision: str, lat: float, lon: float, within: str = "") -> EventPlace:
    return EventPlace(entity_id, name, f"fg:{name}", frozenset({within} - {""}), "SY", lat, lon, precision)


SARAQIB = place(1, "saraqib", "town", 35.86, 36.8, "fg:idlib-governorate")
IDLIB_GOVERNORATE = place(2, "idlib-governorate", "governorate", 35.8, 36.6)
ARIHA = place(3, "ariha", "town", 35.81, 36.6, "fg:idlib-governorate")


def test_events_containment_by_the_gazetteer_not_by_distance_between_towns() -> None:
    assert inside(SARAQIB, IDLIB_GOVERNORATE) and not inside(IDLIB_GOVERNORATE, SARAQIB)
    assert not inside(SARAQIB, ARIHA)


def test_events_an_undated_report_may_tell_what_happened_days_before_it() -> None:
    assert day_range(None, None, "2024-03-12", 2) == (date(2024, 3, 10), date(2024, 3, 12))
    assert day_range("2024-03", "2024-03", None, 2) == (date(2024, 3, 1), date(2024, 3, 31))


def test_events_reports_with_different_actors_do_not_join() -> None:
    days = (date(2024, 3, 11), date(2024, 3, 11))
    first = Told("ASSAULT", "Battles", {10: "HTS"}, (SARAQIB,), days)
    other = Told("ASSAULT", "Battles", {11: "SDF"}, (SARAQIB,), days)
    unnamed = Told("ASSAULT", "Battles", {}, (IDLIB_GOVERNORATE,), days)
    assert reason_to_join(first, other, 2, 10) is None
    assert reason_to_join(unnamed, first, 2, 10) is not None
    assert reason_to_join(Told("ASSAULT", "Explosions/Remote violence", {10: "HTS"}, (), days), first, 2, 10) is None


# -- the project's own corpus of event reports --------------------------------------------------


@pytest.mark.slow
def test_events_corpus_counts_incidents_not_reports() -> None:
    result = runner.invoke(app, ["evaluate", "--events", str(EVENT_CORPUS), "--json", "--silent"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    gate = GATES["event_corpus"]
    assert figures["reports"]["share"] >= gate["reports"], figures
    assert figures["link_precision"] >= gate["link_precision"], figures
    assert figures["link_recall"] >= gate["link_recall"], figures
    assert figures["deaths"]["share"] >= gate["deaths"], figures
    assert figures["events"] <= gate["events_per_incident"] * figures["incidents"], figures


def test_events_settings_by_the_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "settings.db")
    listed = runner.invoke(app, ["settings", "--db", db])
    assert listed.exit_code == 0 and "event_window_days" in listed.stdout and "event_nearby_km" in listed.stdout
    assert (
        runner.invoke(app, ["settings", "event_window_days", "3", "--db", db]).stdout.strip() == "event_window_days = 3"
    )
    assert runner.invoke(app, ["settings", "event_window_days", "--db", db]).stdout.strip() == "3"
    wrong = runner.invoke(app, ["settings", "event_window_days", "three", "--db", db])
    assert wrong.exit_code == 1 and "takes a whole number" in wrong.stderr
    assert "no setting named 'nope'" in runner.invoke(app, ["settings", "nope", "--db", db]).stderr


HABITS_AND_WISHES = [
    "Islamic State cells carry out frequent hit-and-run attacks against the SDF in Deir ez-Zor.",
    "The SDF called on foreign states to take their citizens back from the camps in Hasakah.",
    "Hayat Tahrir al-Sham threatened to attack Syrian army positions in Saraqib.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", HABITS_AND_WISHES, ids=["habit", "called-on", "threatened-to"])
def test_events_a_habit_or_a_wish_is_no_event(fresh_db: Database, text: str) -> None:
    report(fresh_db, text, published="2024-03-15", outlet="Test Wire")
    assert [e.type for e in events(fresh_db) if e.type == "ASSAULT"] == []


VICTIMS = [
    ("Gunmen shot dead a member of the local council in al-Busayrah on Monday.", "al-Busayrah", 1),
    ("Two SAA soldiers killed, three wounded in HTS attack on Saraqib post", "Saraqib", 2),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "place", "killed"), VICTIMS, ids=["shot-dead", "headline"])
def test_events_the_killed_are_victims_with_their_place(fresh_db: Database, text: str, place: str, killed: int) -> None:
    report(fresh_db, text, published="2024-04-23", outlet="Test Wire")
    [event] = [e for e in events(fresh_db) if e.type == "ASSAULT"]
    assert event.place is not None and event.place.name.lower().replace(" ", "-") == place.lower()
    assert latest(event, "killed") == killed
    assert all(a.role == "target" for a in event.actors if "SAA" in a.name or "Syrian" in a.name)


@pytest.mark.slow
def test_events_a_state_retaking_a_town_is_government_regains_territory(fresh_db: Database) -> None:
    report(fresh_db, "The Syrian army recaptured Saraqib on Monday.", published="2024-03-12", outlet="A")
    report(fresh_db, "HTS fighters captured Kafr Nabl on Monday.", published="2024-03-12", outlet="B")
    kinds = {e.place.name if e.place else None: e.acled_sub_event_type for e in events(fresh_db, event_type="ASSAULT")}
    assert kinds == {"Saraqib": "Government regains territory", "Kafr Nabl": "Non-state actor overtakes territory"}
