"""The article that started the project: ingest it and ask who Abu Amsha is."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.evaluation import SYMMETRIC
from factiongraph.export import export_json
from factiongraph.graph import EVERY, claims_page, find_actor, pair_timeline
from factiongraph.kb import load_kb
from factiongraph.keys import name_key
from tests.conftest import SEED_ARTICLE, SEED_GOLD, needs_shared_data
from tests.reads import actor

pytestmark = [needs_shared_data, pytest.mark.slow]


def test_seed_article_abu_amsha_is_al_jassem_and_commands_his_division(fresh_db: Database) -> None:
    summary = ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    assert (summary.new, summary.failed) == (1, 0)
    abu_amsha = actor(fresh_db, "Abu Amsha")
    assert "Mohammed al-Jassem" in [abu_amsha.name, *abu_amsha.names]
    command = [r for r in abu_amsha.commands if "Suleiman Shah" in r.target.name]
    assert command, "no InChargeOf relation to the Sultan Suleiman Shah Division"
    assert "commander of the Sultan Suleiman Shah Division" in command[0].evidence.sentence
    assert command[0].evidence.sentence in SEED_ARTICLE.read_text(encoding="utf-8")


def test_seed_article_boilerplate_is_not_content(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    text = fresh_db.execute("SELECT text FROM documents").fetchone()[0]
    for line in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["not_content"]:
        assert line not in text
    assert text.endswith("from the military side to the security and economic side.")


def test_seed_article_every_gold_entity_found_with_its_type_and_aliases_on_its_node(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    nodes = export_json(fresh_db)["nodes"]
    names_of = {n["id"]: {name_key(x) for x in [n["name"], *n["aliases"]]} for n in nodes}
    type_of = {n["id"]: n["type"] for n in nodes}
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    for entity in gold["entities"]:
        holders = {node for node, names in names_of.items() if name_key(entity["name"]) in names}
        assert holders, f"{entity['name']} is not in the graph"
        assert {type_of[n] for n in holders} == {entity["type"]}, f"{entity['name']} has the wrong type"
        for alias in entity["aliases"]:
            assert holders & {n for n, names in names_of.items() if name_key(alias) in names}, (
                f"{alias} is not on the node of {entity['name']}"
            )


def test_seed_article_timeline_between_sna_and_hts_is_dated_and_quoted(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    sna, hts = find_actor(fresh_db, "SNA"), find_actor(fresh_db, "HTS")
    timeline = pair_timeline(fresh_db, sna, hts, include_members=True, kb=load_kb(), limit=EVERY).relations
    dated = {(r.type, r.when) for r in timeline}
    assert ("Dislikes", "2019-09") in dated  # the insult
    assert ("CoLocated", "2021-07") in dated  # an HTS commander's visit and meetings in SNA-held Azaz
    assert ("Likes", "2021-09") in dated  # the statement of willingness
    assert ("CoLocated", "2022-04") in dated  # Abu Amsha seen in HTS-held Atma "last April"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert all(r.evidence.sentence in text for r in timeline)


def test_seed_article_claims_have_the_gold_speaker_and_stance(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    names = {e["id"]: {name_key(n) for n in [e["name"], *e["aliases"]]} for e in gold["entities"]}
    found = {(name_key(c.speaker.name), c.stance) for c in claims_page(fresh_db, limit=EVERY).items if c.speaker}
    matched = [c for c in gold["claims"] if any((n, c["stance"]) in found for n in names[c["speaker"]])]
    assert len(matched) >= 4, f"{len(matched)} of {len(gold['claims'])} gold claims found"


def test_seed_article_gold_relations_are_in_the_graph_with_their_dates(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    graph = export_json(fresh_db)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    names_of = {n["id"]: {name_key(x) for x in [n["name"], *n["aliases"]]} for n in graph["nodes"]}

    def nodes(gold_id: str) -> set[str]:
        entity = next(e for e in gold["entities"] if e["id"] == gold_id)
        wanted = {name_key(n) for n in [entity["name"], *entity["aliases"]]}
        return {node for node, names in names_of.items() if names & wanted}

    def found(relation: dict) -> bool:
        if relation["type"] == "IsSynonymOf" and relation["source"] == relation["target"]:
            return len(nodes(relation["source"])) == 1
        sources, targets = nodes(relation["source"]), nodes(relation["target"])
        symmetric = relation["type"] in SYMMETRIC
        edges = [
            e
            for e in graph["edges"]
            if e["type"] == relation["type"]
            and (
                (e["source"] in sources and e["target"] in targets)
                or (symmetric and e["source"] in targets and e["target"] in sources)
            )
        ]
        return bool(edges) and (not relation.get("when") or any(e["when"] for e in edges))

    matched = [r for r in gold["relations"] if found(r)]
    assert len(matched) >= 30, f"{len(matched)} of {len(gold['relations'])} gold relations found"


def test_seed_article_pair_view_shows_the_visits_into_each_others_territory(fresh_db: Database) -> None:
    ingest(fresh_db, [SEED_ARTICLE], published="2022-05")
    sna, hts = find_actor(fresh_db, "SNA"), find_actor(fresh_db, "HTS")
    timeline = pair_timeline(fresh_db, sna, hts, include_members=True, kb=load_kb())
    assert {("CoLocated", "2021-07"), ("CoLocated", "2022-04")} <= {(r.type, r.when) for r in timeline.relations}
    starts = [r.start for r in timeline.relations if r.start]
    assert starts == sorted(starts)
