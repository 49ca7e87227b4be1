"""Constructions of membership, alliance, command and contact (issue 9): lists, coordinated phrases and
founding, each on sentences written for it, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph, related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_a_list_the_parser_hangs_inside_a_name_still_names_every_member(nlp: Language) -> None:
    text = (
        "The new alliance includes Jaysh al-Islam, the National Front for Liberation, Faylaq al-Rahman and "
        "Jaysh al-Izza, which joined last year."
    )
    for member in ("Jaysh al-Islam", "National Front for Liberation", "Faylaq al-Rahman", "Jaysh al-Izza"):
        assert related(nlp, text, "BelongsTo", member, "alliance"), member


def test_states_listed_as_the_members_of_a_coalition_belong_to_it(nlp: Language) -> None:
    text = "Since 2015 the alliance has included Qatar, Bahrain and Egypt."
    for member in ("Qatar", "Bahrain", "Egypt"):
        assert related(nlp, text, "BelongsTo", member, "alliance"), member


def test_a_predicate_adjective_with_two_prepositions_ties_its_subjects_to_both(nlp: Language) -> None:
    text = "The Levant Front and Jaysh al-Islam, both loyal to Turkey and to the Syrian Interim Government, left Afrin."
    for group in ("Levant Front", "Jaysh al-Islam"):
        assert related(nlp, text, "AlliesOf", group, "Turkey"), group
        assert related(nlp, text, "AlliesOf", group, "Syrian Interim Government"), group


def test_a_body_named_inside_a_description_of_an_owners_force_belongs_to_the_owner(nlp: Language) -> None:
    text = "Gunmen attacked a checkpoint of the SDF's Asayish security forces in Hasakah."
    kept = {(r.type, r.source.text, r.target.text) for r in nlp(text)._.fg_relations}
    assert ("BelongsTo", "Asayish", "SDF") in kept


def test_a_share_of_a_list_set_off_by_commas_stands_for_the_list(nlp: Language) -> None:
    text = "The Levant Front, Faylaq al-Sham and Jaysh al-Islam, all of them backed by Turkey, entered Jindires."
    for group in ("Levant Front", "Faylaq al-Sham", "Jaysh al-Islam"):
        assert related(nlp, text, "AlliesOf", "Turkey", group), group


def test_what_a_participle_says_of_a_noun_stays_with_the_noun(nlp: Language) -> None:
    text = "The alliance led by the YPG holds a third of Syria."
    assert not related(nlp, text, "Controls", "YPG", "Syria")


def test_who_mediates_a_truce_is_in_contact_with_each_side(nlp: Language) -> None:
    text = "A ceasefire agreed by the Houthis and the Yemeni government under Omani mediation took effect on Sunday."
    assert related(nlp, text, "CommWith", "Omani", "Houthis")
    assert related(nlp, text, "CommWith", "Omani", "Yemeni government")


def test_who_brokers_a_deal_is_in_contact_with_the_other_side(nlp: Language) -> None:
    text = "Jaysh al-Islam accepted a deal with the Syrian government brokered by Russia."
    assert related(nlp, text, "CommWith", "Russia", "Syrian government")


def test_talks_under_the_mediation_of_a_state_put_it_in_contact_with_both_sides(nlp: Language) -> None:
    text = "The talks between Hamas and Israel under the mediation of Qatar resumed."
    assert related(nlp, text, "CommWith", "Qatar", "Hamas")
    assert related(nlp, text, "CommWith", "Qatar", "Israel")


def test_an_official_of_a_states_office_belongs_to_the_state(nlp: Language) -> None:
    text = "Ibrahim Kalin, the Turkish presidency's communications director, said the talks had failed."
    assert related(nlp, text, "BelongsTo", "Ibrahim Kalin", "Turkish")


def test_a_second_participle_of_a_relative_clause_describes_the_same_noun(nlp: Language) -> None:
    text = "The Syrian Interim Government, which is based in Gaziantep and headed by Abdul Rahman Mustafa, refused."
    assert related(nlp, text, "InChargeOf", "Abdul Rahman Mustafa", "Syrian Interim Government")


def test_members_listed_for_the_fighters_a_force_consists_of_belong_to_the_force(nlp: Language) -> None:
    text = (
        "Washington backs the SDF, an alliance consisting of Kurdish and Arab fighters including the YPG and the "
        "Syriac Military Council."
    )
    assert related(nlp, text, "BelongsTo", "YPG", "alliance")
    assert related(nlp, text, "BelongsTo", "Syriac Military Council", "alliance")
    assert not related(nlp, text, "BelongsTo", "Kurdish", "alliance")


def test_groups_listed_for_the_factions_an_umbrella_gathers_belong_to_the_umbrella(nlp: Language) -> None:
    text = "The Islamic Resistance in Iraq, an umbrella of armed factions that includes Kataib Hezbollah, claimed it."
    assert related(nlp, text, "BelongsTo", "Kataib Hezbollah", "Islamic Resistance in Iraq")


def test_a_capitalised_description_refers_back_as_a_plain_one_does(fresh_db: Database, tmp_path: Path) -> None:
    text = "Operation Inherent Resolve struck Raqqa on Monday. The Coalition also trains the SDF in Hasakah."
    _, found = article_graph(fresh_db, text, tmp_path, "2019-06")
    assert any(
        kind == "AlliesOf" and "Inherent Resolve" in s + t and "Syrian Democratic" in s + t for kind, s, t in found
    )


def test_a_formation_named_in_apposition_belongs_to_the_army_it_is_within(nlp: Language) -> None:
    text = "Ahmad al-Awda commands the Eighth Brigade, a Russian-backed formation within the Syrian army."
    assert related(nlp, text, "BelongsTo", "Eighth Brigade", "Syrian army")


def test_a_part_of_an_owner_named_by_a_copula_belongs_to_the_owner(nlp: Language) -> None:
    assert related(nlp, "The SDF's main armed wing is the YPG.", "BelongsTo", "YPG", "SDF")


def test_a_part_named_by_a_copula_in_a_whose_clause_belongs_to_the_noun_described(nlp: Language) -> None:
    text = "Turkey backs the Second Legion, whose largest component is the Hamza Division."
    assert related(nlp, text, "BelongsTo", "Hamza Division", "Second Legion")
