"""Relations across the sentence boundary (issue 9): "the group", "its leader", "the town" and a
pronoun stand for the actor or place last named, so what is said of them lands on its node."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.export import export_json
from tests.sentences import article_graph

pytestmark = pytest.mark.slow


def test_references_the_group_is_the_group_last_named(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(
        fresh_db, "Jaysh al-Sunna was founded in Homs. The group later joined the Levant Front.", tmp_path
    )[1]
    assert any(kind == "BelongsTo" and "Sunna" in source and "Levant" in target for kind, source, target in found)


def test_references_its_leader_commands_the_group_last_named(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division deployed to Afrin on Monday. Its leader, Sayf Abu Bakr, toured the front."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "InChargeOf" and "Hamza" in target for kind, _, target in found)


def test_references_the_town_is_the_town_last_named_not_a_country(fresh_db: Database, tmp_path: Path) -> None:
    text = "Turkish drones struck Tal Tamr in Syria on Sunday. The SDF still controls the town."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "Controls" and target == "Tal Tamr" for kind, _, target in found)
    assert not any(kind == "Controls" and target == "Syria" for kind, _, target in found)


def test_references_a_description_that_names_its_group_is_not_a_reference(fresh_db: Database, tmp_path: Path) -> None:
    text = "Hayat Tahrir al-Sham met the Levant Front. The factions of the National Army and HTS may cooperate."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert not any(
        kind == "BelongsTo" and "Tahrir" in source and "National Army" in target for kind, source, target in found
    )


def test_references_a_groups_fighters_stand_for_the_group(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "Faylaq al-Sham fighters clashed with Jaysh al-Islam near Afrin.", tmp_path)[1]
    assert any(kind == "FightingAgainst" and "Faylaq" in s + t and "Jaysh" in s + t for kind, s, t in found)


def test_references_a_groups_unit_is_not_the_group(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division, a faction of the Syrian National Army commanded by Sayf Abu Bakr, entered Afrin."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert not any(kind == "InChargeOf" and "National Army" in t for kind, _, t in found)


def test_references_a_capital_that_acts_is_its_state(fresh_db: Database, tmp_path: Path) -> None:
    text = "Ankara said the talks between Washington and Moscow had failed. Shelling continued near Ankara's border."
    graph_names = article_graph(fresh_db, text, tmp_path)[1]
    nodes = {n["name"]: n for n in export_json(fresh_db)["nodes"]}
    assert "Ankara" in nodes["Turkey"]["aliases"]
    assert any(kind == "CommWith" and {s, t} == {"United States", "Russia"} for kind, s, t in graph_names)


def test_references_the_last_words_of_a_name_are_that_name(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Syrian Observatory for Human Rights counted nine dead. The Observatory said the toll could rise."
    article_graph(fresh_db, text, tmp_path)[1]
    observatory = [n for n in export_json(fresh_db)["nodes"] if "Observatory" in n["name"]]
    assert len(observatory) == 1


def test_references_members_listed_after_a_groups_factions_belong_to_the_group(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = "SNA factions including the Sultan Murad Division and the Hamza Division entered Tal Rifaat."
    found = article_graph(fresh_db, text, tmp_path)[1]
    for member in ("Sultan Murad Division", "Hamza Division"):
        assert ("BelongsTo", member, "Syrian National Army") in found, member


def test_references_a_nameless_official_acts_for_the_group(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "An HTS official accused the Levant Front of breaking the truce.", tmp_path)[1]
    assert ("Dislikes", "Hayat Tahrir al-Sham", "Levant Front") in found


def test_references_the_new_army_is_the_army_named_before(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Rebel factions announced the creation of the Syrian National Army in Azaz. "
        "Its first months were quiet. Later the Hamza Division, led by Sayf Abu Bakr, and the Sultan Murad "
        "Division joined the new army."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("BelongsTo", "Sultan Murad Division", "Syrian National Army") in found
    assert not any(kind == "InChargeOf" and target == "Sultan Murad Division" for kind, _, target in found)


def test_references_its_is_the_group_just_named_not_the_subject(fresh_db: Database, tmp_path: Path) -> None:
    text = "The European Union sanctioned the Hamza Division and its commander, Sayf Abu Bakr."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert not any(kind == "InChargeOf" and target == "European Union" for kind, _, target in found)


def test_references_a_surname_after_the_full_name_is_that_person(fresh_db: Database, tmp_path: Path) -> None:
    text = "Sheikh Ibrahim al-Hifl called on the tribes to rise. Fighters loyal to al-Hifl held Dhiban for a week."
    article_graph(fresh_db, text, tmp_path)[1]
    people = [n for n in export_json(fresh_db)["nodes"] if "Hifl" in n["name"]]
    assert len(people) == 1 and people[0]["type"] == "Person"


def test_references_bare_government_forces_are_the_government_of_the_articles_country(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = "Government forces shelled Saraqib and Ariha in Idlib on Monday, a day after rebels took Kafr Nabl."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("FightingAgainst", "Syrian government", "Saraqib") in found or any(
        source == "Syrian government" for _, source, _ in found
    )


def test_references_government_forces_in_office_when_the_article_was_published(
    fresh_db: Database, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Test\n\nGovernment forces entered Jableh in Latakia on Friday.\n", encoding="utf-8")
    ingest(fresh_db, [article], published="2025-03-08")
    names = {n["name"] for n in export_json(fresh_db)["nodes"]}
    assert "Syrian transitional government" in names
    assert "Syrian government" not in names


def test_references_a_description_in_apposition_is_the_name_it_follows(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Manbij Military Council, a local force allied with the Syrian Democratic Forces, entered Manbij."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("AlliesOf", "Manbij Military Council", "Syrian Democratic Forces") in found


def test_references_a_described_administration_is_not_the_home_government(fresh_db: Database, tmp_path: Path) -> None:
    text = "Traders in Idlib pay the Salvation Government, the civil administration aligned with HTS."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert not any(source == "Syrian government" for _, source, _ in found)
    assert any(source == "Syrian Salvation Government" and "Tahrir" in target for _, source, target in found)


def test_references_a_titled_person_holds_the_role_the_kb_gives_towards_a_named_actor(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = "The Syrian government rejected the plan. President Bashar al-Assad spoke in Damascus."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("InChargeOf", "Bashar al-Assad", "Syrian government") in found


def test_references_an_untitled_name_gets_no_role_from_the_kb(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "The Syrian government rejected the plan, Assad's critics said.", tmp_path)[1]
    assert not any(kind == "InChargeOf" for kind, _, _ in found)


def test_references_a_description_with_a_name_in_apposition_is_that_name(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(
        fresh_db, "The camp is guarded by the SDF's internal security forces, the Asayish.", tmp_path
    )[1]
    assert ("BelongsTo", "Asayish", "Syrian Democratic Forces") in found


def test_references_a_named_facility_is_a_place_of_its_own(fresh_db: Database, tmp_path: Path) -> None:
    text = "Fighters of the Levant Front shelled the al-Shaer gas field near Palmyra on Sunday."
    article = tmp_path / "article.txt"
    article.write_text(f"Test article\n\n{text}\n", encoding="utf-8")
    ingest(fresh_db, [article], published="2021-06")
    nodes = {n["name"]: n for n in export_json(fresh_db)["nodes"]}
    assert "al-Shaer gas field" in nodes
    assert "Palmyra" in nodes


def test_references_it_as_a_subject_is_the_group_that_speaks_of_itself(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Liwa al-Quds militia said on Telegram that it had withdrawn from Tadmur on Friday."
    found = article_graph(fresh_db, text, tmp_path)[1]
    palmyra = {"Palmyra", "Tadmur"}  # the node takes the gazetteer's name
    assert any(kind == "CoLocated" and "Quds" in source and target in palmyra for kind, source, target in found)
    assert not any("Telegram" in source for _, source, _ in found)


def test_references_it_reported_by_a_state_is_the_state(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "Jordan said it was in contact with Hayat Tahrir al-Sham.", tmp_path)[1]
    assert any(kind == "CommWith" and {"Jordan", "Hayat Tahrir al-Sham"} == {s, t} for kind, s, t in found)


def test_references_an_impersonal_it_stands_for_no_one(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division entered Afrin. It is likely that it will attack the Levant Front. It took days."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert not any(kind == "FightingAgainst" for kind, _, _ in found)


def test_references_the_town_is_a_town_not_a_dam_named_since(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Turkish drones struck Tal Tamr on Sunday. The SDF later retook the Tishreen Dam. "
        "The Hamza Division still controls the town."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("Controls", "Hamza Division", "Tal Tamr") in found
    assert not any(kind == "Controls" and "Tishreen" in target for kind, source, target in found if "Hamza" in source)


def test_references_the_group_is_an_armed_group_not_a_broadcaster(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Islamic State attacked Palmyra on Sunday. Syrian state television reported the attack on Monday. "
        "The group later captured Sukhnah."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "Controls" and source == "Islamic State" for kind, source, _ in found)
    assert not any(kind == "Controls" and "television" in source for kind, source, _ in found)


def test_references_the_town_far_from_its_name_is_the_town_the_article_is_about(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "The YPG has held Kobani since 2012. Kobani was besieged for months. Residents of Kobani fled to Turkey. "
        "Aid agencies said food was short. Many homes were destroyed. "
        "The Peshmerga joined the YPG in the town in October."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("CoLocated", "Peshmerga", "Kobani") in found


def test_references_the_province_is_the_one_named_after_its_town(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Islamic State gunmen attacked Suwayda on Wednesday and shelled Shahba. "
        "The Men of Dignity movement, which controls much of the province, fought them off."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "Controls" and "Dignity" in source and target == "Suwayda" for kind, source, target in found)
    assert not any(kind == "Controls" and target == "Shahba" for kind, _, target in found)


def test_references_a_description_headed_by_a_names_own_word_is_that_name(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "The Iraqi army's 9th Division shelled Tal Afar.", tmp_path)[1]
    assert any(kind == "BelongsTo" and "9th Division" in source and "Iraqi" in target for kind, source, target in found)


def test_references_the_company_is_the_group_the_kb_calls_a_company(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Russian contractors of the Wagner Group advanced on the SDF near Khasham. "
        "The US Treasury placed sanctions on the company last year."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(
        kind == "Dislikes" and "Treasury" in source and target == "Wagner Group" for kind, source, target in found
    )


def test_references_the_group_inside_the_speakers_phrase_is_that_group(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Liwa Thuwar al-Raqqa fought alongside the YPG in Kobani. "
        "Redur Xelil, a spokesman for the YPG, said the group had captured Sarrin."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("Controls", "People's Protection Units", "Sarrin") in found
    assert not any(kind == "Controls" and "Thuwar" in source for kind, source, _ in found)


def test_references_the_group_a_subject_speaks_of_is_another_group(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(fresh_db, "The SDF said the group had captured Sarrin.", tmp_path)[1]
    assert not any(kind == "Controls" and target == "Sarrin" for kind, _, target in found)


def test_references_a_description_that_owns_is_resolved_too(fresh_db: Database, tmp_path: Path) -> None:
    text = "The YPG was founded in 2011. The YPJ is the force's all-female wing."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("BelongsTo", "Women's Protection Units", "People's Protection Units") in found


def test_references_a_place_in_the_towns_own_quarters_is_the_town(fresh_db: Database, tmp_path: Path) -> None:
    text = "Turkish troops shelled Ras al-Ain on Monday. They hit SDF positions in the city's eastern neighbourhoods."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(
        kind in ("Controls", "CoLocated") and target == "Ras al-Ain" and "Democratic" in source
        for kind, source, target in found
    )


def test_references_a_unit_of_a_backed_group_led_by_a_person_is_led_by_them(fresh_db: Database, tmp_path: Path) -> None:
    """ "a faction of the Turkish-backed SNA led by X": X leads the faction, which belongs to the SNA, whose
    backer is Turkey."""
    text = (
        "Washington sanctioned Jaysh al-Nukhba, a faction of the Turkish-backed Syrian National Army led by Abu Fares."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "InChargeOf" and "Fares" in s and "Nukhba" in t for kind, s, t in found)
    assert not any(kind == "InChargeOf" and "National Army" in t for kind, _, t in found)
    assert any(kind == "BelongsTo" and "Nukhba" in s and "National Army" in t for kind, s, t in found)
    assert any(kind == "AlliesOf" and s == "Turkey" and "National Army" in t for kind, s, t in found)


def test_references_an_office_of_a_group_another_leads_is_a_part_of_it(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Asayish, the police force of the Kurdish-led Autonomous Administration, guards the camp."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(kind == "BelongsTo" and s == "Asayish" and "Autonomous Administration" in t for kind, s, t in found)


def test_references_an_acronym_the_article_defines_is_its_name_not_the_kbs(fresh_db: Database, tmp_path: Path) -> None:
    found = article_graph(
        fresh_db, "The Somali National Army (SNA) entered Baidoa. The SNA then shelled Bardale.", tmp_path
    )[1]
    sources = {source for _, source, _ in found}
    assert "Somali National Army" in sources
    assert "Syrian National Army" not in sources


# -- references to two actors at once ---------------------------------------------------------------


def linked(found: set[tuple[str, str, str]], kind: str, first: str, second: str) -> bool:
    """Whether an edge of this type joins two nodes whose names hold these words, either way round."""
    return any(k == kind and (first in s and second in t or first in t and second in s) for k, s, t in found)


def test_references_the_two_sides_that_agree_are_the_two_that_clashed(fresh_db: Database, tmp_path: Path) -> None:
    text = "Jaysh al-Islam and Faylaq al-Sham clashed in Afrin on Monday. The two sides agreed to a truce on Tuesday."
    assert linked(article_graph(fresh_db, text, tmp_path)[1], "CommWith", "Jaysh al-Islam", "Faylaq al-Sham")


def test_references_the_two_sides_that_did_not_meet_did_not_talk(fresh_db: Database, tmp_path: Path) -> None:
    text = "Jaysh al-Islam and Faylaq al-Sham clashed in Afrin on Monday. The two sides did not meet on Tuesday."
    assert not linked(article_graph(fresh_db, text, tmp_path)[1], "CommWith", "Jaysh al-Islam", "Faylaq al-Sham")


def test_references_what_is_told_of_both_sides_holds_for_each(fresh_db: Database, tmp_path: Path) -> None:
    text = "Hayat Tahrir al-Sham fought Ahrar al-Sham near Idlib. Qatar said it was in contact with both sides."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert linked(found, "CommWith", "Qatar", "Hayat Tahrir al-Sham")
    assert linked(found, "CommWith", "Qatar", "Ahrar al-Sham")


def test_references_both_groups_named_together_each_fight_a_third(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division and the Levant Front announced a merger. Both groups were fighting the SDF near Manbij."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert linked(found, "FightingAgainst", "Hamza Division", "Syrian Democratic Forces")
    assert linked(found, "FightingAgainst", "Levant Front", "Syrian Democratic Forces")
    assert not linked(found, "FightingAgainst", "Hamza Division", "Levant Front")


def test_references_they_after_two_reporting_subjects_is_both(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division and the Levant Front said on Monday that they had attacked the SDF near Manbij."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert linked(found, "FightingAgainst", "Hamza Division", "Syrian Democratic Forces")
    assert linked(found, "FightingAgainst", "Levant Front", "Syrian Democratic Forces")


def test_references_two_that_accuse_each_other_each_dislike_the_other(fresh_db: Database, tmp_path: Path) -> None:
    text = "Jaysh al-Islam and Faylaq al-Sham accused each other of looting in Afrin."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(k == "Dislikes" and "Faylaq" in s and "Jaysh" in t for k, s, t in found)
    assert any(k == "Dislikes" and "Jaysh" in s and "Faylaq" in t for k, s, t in found)


def test_references_who_mediates_between_the_two_sides_talks_with_each(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Asayish and the NDF clashed in Qamishli on Tuesday. Russian officers mediated between the two sides."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert linked(found, "CommWith", "Russia", "Asayish")
    assert linked(found, "CommWith", "Russia", "National Defence Forces")


def test_references_the_two_men_are_the_two_named_together(fresh_db: Database, tmp_path: Path) -> None:
    text = "Abu Hammam, along with Abu Ali, founded the Hamza Division. The two men later joined the Levant Front."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert any(k == "BelongsTo" and s == "Abu Hammam" and "Levant" in t for k, s, t in found)
    assert any(k == "BelongsTo" and s == "Abu Ali" and "Levant" in t for k, s, t in found)


def test_references_they_after_two_subjects_the_sentence_before_is_both(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division and the Levant Front entered Afrin on Sunday. They attacked the SDF near Manbij."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert linked(found, "FightingAgainst", "Hamza Division", "Syrian Democratic Forces")
    assert linked(found, "FightingAgainst", "Levant Front", "Syrian Democratic Forces")


def test_references_two_sides_are_never_two_that_acted_together_on_a_third(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Jaysh al-Islam and Faylaq al-Sham surrounded the Hamza Division's headquarters in Afrin, "
        "and clashes between the two sides lasted all night."
    )
    assert not linked(article_graph(fresh_db, text, tmp_path)[1], "FightingAgainst", "Jaysh al-Islam", "Faylaq al-Sham")
