"""Queries at scale (issue 13): the API's hot queries read indexes, and migration 0006 upgrades an old store
to answer exactly as a new one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlite_utils import Database

from factiongraph.api import create_app
from factiongraph.build import ingest
from factiongraph.demo import build_demo
from factiongraph.graph.corrections import merge_ids, split_id
from factiongraph.graph.items import claims_page, dated_order, events_page, page_ids
from factiongraph.graph.network import EdgeTable, map_view
from factiongraph.graph.profile import _pair_claims, actor_detail, pair_timeline
from factiongraph.graph.queries import pair_sides
from factiongraph.graph.search import search_actors
from factiongraph.kb import load_kb
from factiongraph.keys import name_key
from factiongraph.store import connect, open_store, schema_versions
from factiongraph.store.events import merge_events, split_event
from factiongraph.store.migrations import migrations
from factiongraph.store.queries import placeholders, published_window, window_clause
from tests.conftest import TEST_DATA

_BIG_TABLES = "relations|events|claims|mentions|claim_about|event_actors|event_mentions|documents|sentences"
_FULL_SCAN = re.compile(rf"^SCAN (\w+ AS )?\w*\b({_BIG_TABLES})\b(?! USING)|^SCAN ({_BIG_TABLES})$")
_ARTICLES = [TEST_DATA / "abu-amsha-visit.txt", TEST_DATA / "hts-idlib-ar.txt"]


def traced_plans(db: Database, call: object) -> list[tuple[str, list[str]]]:
    """Each SELECT that ``call()`` runs, with the lines of its query plan."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()  # type: ignore[operator]
    finally:
        db.conn.set_trace_callback(None)
    plans = []
    for sql in dict.fromkeys(s for s in statements if s.lstrip().upper().startswith("SELECT")):
        rows = db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        plans.append((sql, [row[3] for row in rows]))
    return plans


@pytest.mark.slow
def test_query_plans_hot_queries_read_indexes(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    busiest = fresh_db.execute(
        "SELECT entity_id FROM entity_mentions ORDER BY mentions DESC, entity_id LIMIT 2"
    ).fetchall()
    a, b = busiest[0][0], busiest[1][0]
    place = fresh_db.execute("SELECT place_id FROM events WHERE place_id IS NOT NULL LIMIT 1").fetchone()
    kb, table = load_kb(), EdgeTable.load(fresh_db)
    calls = {
        "actor": lambda: actor_detail(fresh_db, a, kb=kb),
        "pair": lambda: pair_timeline(fresh_db, a, b),
        "pair in a window": lambda: pair_timeline(fresh_db, a, b, start="2017", end="2022"),
        "pair with members": lambda: pair_timeline(fresh_db, a, b, include_members=True, kb=kb, table=table),
        "events": lambda: events_page(fresh_db),
        "events by actor": lambda: events_page(fresh_db, actor=a),
        "events at a place": lambda: events_page(fresh_db, place=place[0] if place else a),
        "events in a window": lambda: events_page(fresh_db, start="2017", end="2022"),
        "claims": lambda: claims_page(fresh_db),
        "claims about": lambda: claims_page(fresh_db, about=a),
        "claims by": lambda: claims_page(fresh_db, speaker=a),
        "claims by with a stance": lambda: claims_page(fresh_db, speaker=a, stance="asserted"),
        "claims about with a stance": lambda: claims_page(fresh_db, about=a, stance="asserted"),
        "map": lambda: map_view(fresh_db),
        "map in a window": lambda: map_view(fresh_db, start="2017", end="2022"),
        "map from a date": lambda: map_view(fresh_db, start="2019-06"),
        "search": lambda: search_actors(fresh_db, "Tahrir"),
        "most mentioned": lambda: search_actors(fresh_db),
    }
    scans = [
        f"{name}: {line} in {sql}"
        for name, call in calls.items()
        for sql, lines in traced_plans(fresh_db, call)
        for line in lines
        if _FULL_SCAN.search(line)
    ]
    assert scans == []


@pytest.mark.slow
def test_query_plans_claims_by_a_speaker_with_a_stance_read_their_own_index(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    speaker = fresh_db.execute("SELECT speaker_id FROM claims WHERE speaker_id IS NOT NULL LIMIT 1").fetchone()[0]
    plans = traced_plans(fresh_db, lambda: claims_page(fresh_db, speaker=speaker, stance="asserted"))
    listed = [lines for sql, lines in plans if "c.speaker_id =" in sql]
    assert listed and all("claims_speaker_stance_listed" in " ".join(lines) for lines in listed)


@pytest.mark.slow
def test_query_plans_claims_about_an_actor_counted_from_claim_about_are_all_its_claims(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    for (about,) in fresh_db.execute("SELECT DISTINCT entity_id FROM claim_about").fetchall():
        counted = fresh_db.execute(
            "SELECT COUNT(*) FROM claims WHERE id IN (SELECT claim_id FROM claim_about WHERE entity_id = ?)", [about]
        ).fetchone()[0]
        assert claims_page(fresh_db, about=about).total == counted


def test_query_plans_full_scan_pattern_tells_a_scan_from_an_index() -> None:
    assert _FULL_SCAN.search("SCAN relations")
    assert _FULL_SCAN.search("SCAN r") is None
    assert _FULL_SCAN.search("SCAN e USING INDEX events_listed") is None
    assert _FULL_SCAN.search("SEARCH claims USING INDEX claims_speaker_listed (speaker_id=?)") is None


def answers(path: Path) -> dict[str, object]:
    """What the API answers on the store at ``path``, for every endpoint the upgrade changes."""
    client = TestClient(create_app(path))
    db = connect(path)
    ids = [r[0] for r in db.execute("SELECT entity_id FROM entity_mentions ORDER BY mentions DESC, entity_id LIMIT 4")]
    urls = ["/api/actors", "/api/actors?q=Abu", "/api/events", "/api/events?from=2021&to=2022", "/api/claims",
            "/api/map", "/api/map?from=2019&to=2022", "/api/graph"]  # fmt: skip
    for i in ids:
        urls += [f"/api/actors/{i}", f"/api/events?actor={i}", f"/api/claims?about={i}", f"/api/claims?speaker={i}"]
        urls += [f"/api/pair?a={i}&b={j}&include_members={m}" for j in ids if j != i for m in ("false", "true")]
    return {url: client.get(url).json() for url in urls}


@pytest.mark.slow
def test_query_plans_an_old_store_upgrades_and_answers_as_a_new_one(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    db = connect(old)
    migrations.apply(db, stop_before="0006_queries_at_scale")
    ingest(db, _ARTICLES)
    db.close()
    new = tmp_path / "new.db"
    ingest(open_store(new), _ARTICLES)
    upgraded = open_store(old)
    assert "0006_queries_at_scale" in schema_versions(upgraded)
    for table in ("relations", "events", "claims"):
        assert upgraded.execute(
            f"SELECT COUNT(*) FROM {table} f JOIN documents d ON d.id = f.document_id "
            "WHERE f.published IS NOT d.published"
        ).fetchone() == (0,)
    assert answers(old) == answers(new)


def mention_counts(db: Database) -> tuple[dict[int, int], dict[int, int]]:
    """Each entity's mentions as the trigger-kept table says and as a count of the mentions says."""
    kept = dict(db.execute("SELECT entity_id, mentions FROM entity_mentions WHERE mentions > 0").fetchall())
    counted = dict(
        db.execute("SELECT entity_id, COUNT(*) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id").fetchall()
    )
    return kept, counted


@pytest.mark.slow
def test_query_plans_mention_counts_follow_ingest_merge_and_split(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    kept, counted = mention_counts(fresh_db)
    assert kept == counted and kept
    first, second = sorted(counted, key=counted.get, reverse=True)[:2]
    merge_ids(fresh_db, first, second)
    kept, counted = mention_counts(fresh_db)
    assert kept == counted and second not in kept
    name = fresh_db.execute("SELECT text FROM mentions WHERE entity_id = ? LIMIT 1", [first]).fetchone()[0]
    split_id(fresh_db, first, name)
    assert mention_counts(fresh_db)[0] == mention_counts(fresh_db)[1]


@pytest.mark.slow
def test_query_plans_pair_with_members_from_the_edge_table_is_the_pair_from_sql(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    kb, table = load_kb(), EdgeTable.load(fresh_db)
    ids = [r[0] for r in fresh_db.execute("SELECT entity_id FROM entity_mentions ORDER BY mentions DESC LIMIT 6")]
    for a in ids:
        for b in ids:
            for window in ({}, {"start": "2019", "end": "2021-07"}, {"start": "2022"}):
                if a != b:
                    from_sql = pair_timeline(fresh_db, a, b, include_members=True, kb=kb, limit=5, **window)
                    from_table = pair_timeline(
                        fresh_db, a, b, include_members=True, kb=kb, limit=5, table=table, **window
                    )
                    assert from_table == from_sql


def map_from_one_query(db: Database, start: str | None, end: str | None, limit: int) -> dict[str, object]:
    """The map's lists as one query each reads them (before migration 0008): ids and totals."""
    located = "SELECT id FROM entities WHERE latitude IS NOT NULL"
    dated, dated_end = "COALESCE(e.when_start, e.when_end)", "COALESCE(e.when_end, e.when_start)"
    answer: dict[str, object] = {}
    for key, table, where in (
        ("events", "events", f"e.place_id IN ({located})"),
        ("controlled", "relations", f"e.type = 'Controls' AND e.target_id IN ({located})"),
    ):
        params: list[object] = []
        if start or end:
            window, params = window_clause(dated, dated_end, start, end)
            where += f" AND {dated} IS NOT NULL AND {window}"
        answer[key] = page_ids(db, "e.id", f"FROM {table} e WHERE {where}", params, dated_order("e"), limit)
    return answer


@pytest.mark.slow
def test_query_plans_map_read_in_parts_is_the_map_from_one_query(fresh_db: Database) -> None:
    build_demo(fresh_db)
    fresh_db.execute(
        "UPDATE events SET when_end = '2023-03' WHERE id IN (SELECT id FROM events WHERE when_start IS NOT NULL "
        "AND place_id IS NOT NULL ORDER BY id LIMIT 4)"
    )
    fresh_db.execute(
        "UPDATE relations SET when_start = '2017', when_end = '2021-05' WHERE id IN "
        "(SELECT id FROM relations WHERE type = 'Controls' ORDER BY id LIMIT 3)"
    )
    fresh_db.execute(  # an end before its start: kept exactly as a single query keeps it
        "UPDATE relations SET when_start = '2020-02', when_end = '2018' WHERE id IN "
        "(SELECT id FROM relations WHERE type = 'Controls' ORDER BY id DESC LIMIT 1)"
    )
    windows = [(None, None), ("2019", "2021"), ("2020-06", None), (None, "2018"), ("2023", "2023"), ("2022", "2019")]
    for start, end in windows:
        for limit in (3, 500):
            view = map_view(fresh_db, start=start, end=end, limit=limit)
            ids = {"events": [e.id for e in view.events], "controlled": [r.id for r in view.controlled]}
            parts = {key: (view.totals[key], ids[key]) for key in ids}
            assert parts == map_from_one_query(fresh_db, start, end, limit), (start, end, limit)


def pair_claims_from_sql(
    db: Database, side_a: set[int], side_b: set[int], start: str | None, end: str | None
) -> list[int]:
    """The claims between two sides as one SQL query selects them: by one about the other, or about both."""
    marks_a, marks_b = placeholders(side_a), placeholders(side_b)
    said = (
        "SELECT c.id FROM claims c JOIN claim_about x ON x.claim_id = c.id "
        "WHERE c.speaker_id IN ({}) AND x.entity_id IN ({})"
    )
    both = (
        f"SELECT claim_id FROM claim_about WHERE entity_id IN ({marks_a}) "
        f"INTERSECT SELECT claim_id FROM claim_about WHERE entity_id IN ({marks_b})"
    )
    candidates = f"{said.format(marks_a, marks_b)} UNION {said.format(marks_b, marks_a)} UNION SELECT * FROM ({both})"
    window, params = published_window("c", start, end)
    rows = db.execute(
        f"SELECT c.id FROM claims c WHERE c.id IN ({candidates}) AND {window} ORDER BY {dated_order('c')}",
        [*side_a, *side_b, *side_b, *side_a, *side_a, *side_b, *params],
    )
    return [row[0] for row in rows]


@pytest.mark.slow
def test_query_plans_pair_claims_joined_as_sets_are_the_claims_from_sql(fresh_db: Database) -> None:
    build_demo(fresh_db)
    kb = load_kb()
    ids = [r[0] for r in fresh_db.execute("SELECT entity_id FROM entity_mentions ORDER BY mentions DESC LIMIT 8")]
    pairs = 0
    for a in ids:
        for b in ids:
            for members in (False, True):
                side_a, side_b = pair_sides(fresh_db, a, b, members, kb, None)
                for start, end in ((None, None), ("2019", "2021-07"), ("2022", None)):
                    expected = pair_claims_from_sql(fresh_db, side_a, side_b, start, end)
                    assert _pair_claims(fresh_db, side_a, side_b, start, end, 5) == (expected[:5], len(expected))
                    pairs += bool(expected)
    assert pairs


@pytest.mark.slow
def test_query_plans_pair_claims_from_the_claim_table_are_the_claims_from_sql(fresh_db: Database) -> None:
    build_demo(fresh_db)
    kb, claims = load_kb(), EdgeTable.load(fresh_db).claims
    ids = [r[0] for r in fresh_db.execute("SELECT entity_id FROM entity_mentions ORDER BY mentions DESC LIMIT 8")]
    pairs = 0
    for a in ids:
        for b in ids:
            for members in (False, True):
                side_a, side_b = pair_sides(fresh_db, a, b, members, kb, None)
                for start, end in ((None, None), ("2019", "2021-07"), ("2022", None), (None, "2018")):
                    expected = pair_claims_from_sql(fresh_db, side_a, side_b, start, end)
                    assert claims.between(side_a, side_b, start, end, 5) == (expected[:5], len(expected))
                    pairs += bool(expected)
    assert pairs


def relation_counts(db: Database) -> tuple[dict[tuple[int, str, str], int], dict[tuple[int, str, str], int]]:
    """Each entity's relations per end and type as the trigger-kept table says and as a count says."""
    kept = {
        (entity, end, kind): n
        for entity, end, kind, n in db.execute("SELECT * FROM relation_counts WHERE relations != 0").fetchall()
    }
    counted: dict[tuple[int, str, str], int] = {}
    for end in ("source", "target"):
        for entity, kind, n in db.execute(f"SELECT {end}_id, type, COUNT(*) FROM relations GROUP BY {end}_id, type"):
            counted[(entity, end, kind)] = n
    return kept, counted


@pytest.mark.slow
def test_query_plans_relation_counts_follow_ingest_merge_and_split(fresh_db: Database) -> None:
    ingest(fresh_db, _ARTICLES)
    kept, counted = relation_counts(fresh_db)
    assert kept == counted and kept
    busiest = fresh_db.execute(
        "SELECT source_id FROM relations GROUP BY source_id ORDER BY COUNT(*) DESC, source_id LIMIT 2"
    ).fetchall()
    first, second = busiest[0][0], busiest[1][0]
    merge_ids(fresh_db, first, second)
    kept, counted = relation_counts(fresh_db)
    assert kept == counted and all(entity != second for entity, _, _ in kept)
    name = fresh_db.execute("SELECT text FROM mentions WHERE entity_id = ? LIMIT 1", [first]).fetchone()[0]
    split_id(fresh_db, first, name)
    kept, counted = relation_counts(fresh_db)
    assert kept == counted
    detail = actor_detail(fresh_db, first)
    assert (
        detail.totals["relations"]
        == fresh_db.execute(
            "SELECT COUNT(*) FROM relations WHERE source_id = ?1 OR target_id = ?1", [first]
        ).fetchone()[0]
        + fresh_db.execute(
            "SELECT COUNT(*) FROM relations WHERE source_id = ?1 AND target_id = ?1", [first]
        ).fetchone()[0]
    )


def map_counts(db: Database) -> tuple[dict[tuple[str, str | None, str | None], int], ...]:
    """The map's facts per list and date span as migration 0011's triggers keep them and as a count says."""
    kept = {
        (listed, dated, dated_end): n
        for listed, dated, dated_end, n in db.execute("SELECT list, dated, dated_end, facts FROM map_counts")
        if n
    }
    located = "SELECT id FROM entities WHERE latitude IS NOT NULL"
    counted: dict[tuple[str, str | None, str | None], int] = {}
    for listed, table, where in (
        ("events", "events", f"place_id IN ({located})"),
        ("controlled", "relations", f"type = 'Controls' AND target_id IN ({located})"),
    ):
        for dated, dated_end, n in db.execute(
            f"SELECT COALESCE(when_start, when_end), COALESCE(when_end, when_start), COUNT(*) FROM {table} "
            f"WHERE {where} GROUP BY 1, 2"
        ):
            counted[(listed, dated, dated_end)] = n
    return kept, counted


@pytest.mark.slow
def test_query_plans_map_counts_follow_ingest_corrections_and_coordinates(fresh_db: Database) -> None:
    build_demo(fresh_db)
    kept, counted = map_counts(fresh_db)
    assert kept == counted and {listed for listed, _, _ in kept} == {"events", "controlled"}
    assert any(dated is None for _, dated, _ in kept)  # undated facts have a count of their own
    busiest = [
        row[0]
        for row in fresh_db.execute(
            "SELECT place_id FROM events WHERE place_id IS NOT NULL GROUP BY place_id ORDER BY COUNT(*) DESC, place_id"
        )
    ]
    merge_ids(fresh_db, busiest[1], busiest[0])
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    unplaced = fresh_db.execute("SELECT id FROM entities WHERE type = 'Location' AND latitude IS NULL").fetchone()[0]
    held = fresh_db.execute("SELECT target_id FROM relations WHERE type = 'Controls' LIMIT 1").fetchone()[0]
    merge_ids(fresh_db, unplaced, held)  # a held place folded into one without coordinates leaves the map
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    place, name = next(
        (entity, text)
        for entity, text, canonical in fresh_db.execute(
            "SELECT e.id, m.text, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE e.latitude IS NOT NULL ORDER BY e.id, m.id"
        )
        if name_key(text) != name_key(canonical)
    )
    split_id(fresh_db, place, name)
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    placed = fresh_db.execute("SELECT id, document_id FROM events WHERE place_id IS NOT NULL ORDER BY id").fetchall()
    first, (second, second_document) = placed[0][0], next(e for e in placed if e[1] != placed[0][1])
    merge_events(fresh_db, first, second)
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    split_event(fresh_db, first, second_document)
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    with fresh_db.conn:
        fresh_db.execute("UPDATE entities SET latitude = NULL WHERE id = ?", [busiest[1]])
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    with fresh_db.conn:
        fresh_db.execute("UPDATE entities SET latitude = 35.9 WHERE id IN (?, ?)", [busiest[1], unplaced])
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    with fresh_db.conn:
        fresh_db.execute("UPDATE events SET when_start = NULL, when_end = '2016' WHERE id = ?", [placed[2][0]])
        fresh_db.execute("UPDATE OR IGNORE relations SET type = 'Controls' WHERE type = 'CoLocated'")
        fresh_db.execute("DELETE FROM relations WHERE id = (SELECT MIN(id) FROM relations WHERE type = 'Controls')")
        fresh_db.execute(
            "INSERT INTO events (type, document_id, sentence_id, place_id, when_start, evidence_begin, evidence_end) "
            "SELECT type, document_id, sentence_id, place_id, '2015-03', evidence_begin, evidence_end FROM events "
            "WHERE id = ?",
            [first],
        )
    assert map_counts(fresh_db)[0] == map_counts(fresh_db)[1]
    with fresh_db.conn:  # a place deleted: its events lose it, its relations go
        fresh_db.execute(
            "DELETE FROM entities WHERE id = (SELECT place_id FROM events e JOIN relations r "
            "ON r.target_id = e.place_id WHERE r.type = 'Controls' GROUP BY place_id ORDER BY COUNT(*) DESC LIMIT 1)"
        )
    kept, counted = map_counts(fresh_db)
    assert kept == counted
    view = map_view(fresh_db)
    assert view.totals == {
        listed: sum(n for (kind, _, _), n in counted.items() if kind == listed) for listed in ("events", "controlled")
    }


@pytest.mark.slow
def test_query_plans_map_totals_read_map_counts_by_its_index(fresh_db: Database) -> None:
    build_demo(fresh_db)
    for window in ({}, {"start": "2019", "end": "2021"}, {"start": "2020-06"}, {"end": "2018"}):
        totals = [
            lines
            for sql, lines in traced_plans(fresh_db, lambda w=window: map_view(fresh_db, **w))
            if "map_counts" in sql
        ]
        searched = "SEARCH map_counts USING INDEX map_counts_dated (list=?"
        assert len(totals) == 2 and all(len(lines) == 1 and lines[0].startswith(searched) for lines in totals), window


@pytest.mark.slow
def test_query_plans_a_busy_actors_events_and_claims_are_read_in_date_order(fresh_db: Database) -> None:
    build_demo(fresh_db)
    most = "SELECT entity_id FROM {} GROUP BY entity_id ORDER BY COUNT(*) DESC, entity_id LIMIT 1"
    spoken_of, taking_most = (fresh_db.execute(most.format(t)).fetchone()[0] for t in ("claim_about", "event_actors"))
    busiest = [r[0] for r in fresh_db.execute("SELECT entity_id FROM entity_mentions ORDER BY mentions DESC LIMIT 5")]
    busiest += [spoken_of, taking_most]
    about = "SELECT claim_id FROM claim_about WHERE entity_id = ?1"
    taking_part = "SELECT event_id FROM event_actors WHERE entity_id = ?1"
    for entity_id in busiest:
        for limit in (1, 3, 50):
            detail = actor_detail(fresh_db, entity_id, limit=limit)
            claims = fresh_db.execute(
                f"SELECT c.id FROM claims c WHERE c.id IN ({about}) ORDER BY {dated_order('c')} LIMIT ?2",
                [entity_id, limit],
            ).fetchall()
            events = fresh_db.execute(
                f"SELECT e.id FROM events e WHERE e.id IN ({taking_part}) OR e.place_id = ?1 "
                f"ORDER BY {dated_order('e')} LIMIT ?2",
                [entity_id, limit],
            ).fetchall()
            assert [c.id for c in detail.claims_about] == [row[0] for row in claims]
            assert [e.id for e in detail.events] == [row[0] for row in events]
    for entity_id, index in ((spoken_of, "claims_dated"), (taking_most, "events_dated")):
        plans = traced_plans(fresh_db, lambda e=entity_id: actor_detail(fresh_db, e, limit=1))
        ordered = [lines for sql, lines in plans if f"INDEXED BY {index}" in sql]
        assert ordered and not any("TEMP B-TREE" in line for lines in ordered for line in lines), index
