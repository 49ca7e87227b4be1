"""The spaCy pipeline: assembled from the config, KB names typed right, relations from triggers."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import MENTIONS_KEY, load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def mentions(nlp: Language, text: str) -> dict[str, tuple[str, str]]:
    doc = nlp(text)
    return {m.text: (m.label_, m.id_) for m in doc.spans[MENTIONS_KEY]}


def relations(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return {(r.type, r.source.text, r.target.text) for r in doc._.fg_relations}


def test_nlp_pipeline_is_built_from_registered_components(nlp: Language) -> None:
    assert nlp.pipe_names[-8:] == [
        "ner",
        "fg_mentions",
        "fg_relations",
        "fg_frames",
        "fg_structure",
        "fg_events",
        "fg_claims",
        "fg_decide",
    ]
    assert "fg_actor_ruler" in nlp.pipe_names


def test_nlp_ruler_names_leave_room_for_the_articles_words(nlp: Language) -> None:
    """spaCy's vocabulary keeps no new word once it holds 10,000, and its tokenizer caches only the words it
    keeps: the ruler's names must not fill it, or every word of every article is tokenized anew."""
    assert len(nlp.vocab) < 10_000
    nlp.make_doc("The convoy zigzagged past Quweiris.")
    assert "zigzagged" in nlp.vocab
    assert mentions(nlp, "Fighters of Hayat Tahrir al-Sham entered Saraqib.")["Hayat Tahrir al-Sham"][1]


def test_nlp_gazetteer_types_names_plain_spacy_gets_wrong(nlp: Language) -> None:
    found = mentions(nlp, "Tahrir al-Sham met Abu Amsha in Atma.")
    assert found["Tahrir al-Sham"] == ("Organisation", "hayat-tahrir-al-sham")
    assert found["Abu Amsha"][0] == "Person"


def test_nlp_possessive_is_not_part_of_the_name(nlp: Language) -> None:
    assert "Abu Amsha" in mentions(nlp, "Abu Amsha’s recent move surprised many.")


def test_nlp_role_description_is_a_person_mention(nlp: Language) -> None:
    found = mentions(nlp, "The presence of the isolated commander of the Sultan Suleiman Shah Division angered many.")
    assert found["the isolated commander"] == ("Person", "")


def test_nlp_alias_and_command_triggers(nlp: Language) -> None:
    found = relations(
        nlp, "Mohammed al-Jassem, known as Abu Amsha, is the commander of the Sultan Suleiman Shah Division."
    )
    assert ("IsSynonymOf", "Mohammed al-Jassem", "Abu Amsha") in found
    assert ("IsSynonymOf", "Abu Amsha", "the commander") in found
    assert ("InChargeOf", "the commander", "Sultan Suleiman Shah Division") in found


def test_nlp_control_in_both_voices(nlp: Language) -> None:
    assert ("Controls", "Hayat Tahrir al-Sham", "Idlib") in relations(nlp, "Hayat Tahrir al-Sham controls Idlib.")
    found = relations(nlp, "Raqqa was controlled by the Islamic State until October 2017.")
    assert ("Controls", "Islamic State", "Raqqa") in found


def test_nlp_blank_line_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("A headline without a full stop\n\nThe HTS general commander Abu Mohammad al-Jolani spoke.")
    assert [s.text.strip() for s in doc.sents][0] == "A headline without a full stop"


def test_nlp_no_relation_across_another_mention(nlp: Language) -> None:
    found = relations(nlp, "Talks between the National Army and HTS general commander Abu Mohammad al-Jolani stalled.")
    assert ("InChargeOf", "Abu Mohammad al-Jolani", "National Army") not in found


def test_nlp_frames_read_subject_verb_object(nlp: Language) -> None:
    assert ("Dislikes", "United States", "ISIL") in relations(nlp, "The United States strongly condemns ISIL.")
    assert ("Controls", "ISIL", "Mosul") in relations(nlp, "Mosul was taken by ISIL in 2014.")
    found = relations(nlp, "The SDF remains committed to working with the Syrian National Army.")
    assert ("AlliesOf", "SDF", "Syrian National Army") in found


def test_nlp_relative_clause_subject_and_conjoined_places(nlp: Language) -> None:
    found = relations(
        nlp, "The Syrian National Army, which controls the towns of Ras al-Ain and Tal Abyad, rejected the plan."
    )
    assert ("Controls", "Syrian National Army", "Ras al-Ain") in found
    assert ("Controls", "Syrian National Army", "Tal Abyad") in found


def test_nlp_context_before_a_pair(nlp: Language) -> None:
    found = relations(nlp, "The clashes between Hayat Tahrir al-Sham and the Ahrar al-Sham Movement lasted a week.")
    assert ("FightingAgainst", "Hayat Tahrir al-Sham", "Ahrar al-Sham Movement") in found


def test_nlp_byline_author_belongs_to_outlet(nlp: Language) -> None:
    assert ("BelongsTo", "Hassan Ibrahim", "Enab Baladi") in relations(nlp, "Enab Baladi – Hassan Ibrahim")


def test_nlp_relation_extends_to_listed_names(nlp: Language) -> None:
    found = relations(
        nlp, "Deputy Secretary Blinken met Turkish, Iraqi and Kurdish officials in Erbil, Baghdad and Mosul."
    )
    assert {("CoLocated", "Baghdad"), ("CoLocated", "Mosul")} <= {(t, target) for t, _, target in found}


def test_nlp_places_listed_as_peers_are_not_located_in_each_other(nlp: Language) -> None:
    found = relations(nlp, "The envoy held talks with the ministers of Jordan, Lebanon, Egypt and Qatar.")
    assert not {r for r in found if r[0] == "CoLocated"}
    assert ("CoLocated", "Raqqa", "Syria") in relations(nlp, "Fighting resumed near Raqqa, Syria.")


def test_nlp_fighting_through_a_campaign_noun(nlp: Language) -> None:
    found = relations(nlp, "Kurdish forces pressed on in their campaign to defeat the Islamic State near Raqqa.")
    assert ("FightingAgainst", "Kurdish forces", "Islamic State") in found
    # towns attacked are where the attacker fought, not a side it fought
    found = relations(nlp, "Observers counted the regime's repeated attacks on Daraya and Douma.")
    assert {("CoLocated", "regime", "Daraya"), ("CoLocated", "regime", "Douma")} <= {
        (t, s.removeprefix("the "), o) for t, s, o in found
    }


def test_nlp_alias_in_brackets_with_also(nlp: Language) -> None:
    found = relations(nlp, "The statement named Jabhat al-Nusra (also known as the Nusra Front) as a threat.")
    assert any(t == "IsSynonymOf" and "Nusra Front" in o for t, _, o in found)


def test_nlp_part_of_a_coalition_belongs_to_it(nlp: Language) -> None:
    found = relations(nlp, "France is fighting as part of the Global Coalition in Syria.")
    assert ("BelongsTo", "France", "Global Coalition") in found


def test_nlp_actors_that_meet_together_communicate(nlp: Language) -> None:
    found = relations(nlp, "The Turkish president and the Russian president discussed the ceasefire in Idlib.")
    assert ("CommWith", "The Turkish president", "the Russian president") in found


def test_nlp_urging_is_an_event_not_a_relation(nlp: Language) -> None:
    doc = nlp("The envoy urged the Syrian government to open the crossings.")
    assert not [r for r in doc._.fg_relations if r.type == "CommWith"]
    assert [e.type for e in doc._.fg_events] == ["REQUEST"]


def test_nlp_title_outside_a_noun_phrase_is_a_person(nlp: Language) -> None:
    found = relations(nlp, "Minister for the Middle East, Tobias Ellwood said the attack was appalling.")
    assert ("IsSynonymOf", "Minister for the Middle East", "Tobias Ellwood") in found


def test_nlp_an_office_is_not_a_member_of_its_department(nlp: Language) -> None:
    found = relations(nlp, "The Secretary of State will travel to Baghdad on Monday.")
    assert not [r for r in found if r[0] == "BelongsTo"]


def test_nlp_a_group_including_a_state_takes_it_as_member(nlp: Language) -> None:
    found = relations(nlp, "The international community – including Russia and Iran – must act now.")
    assert {
        ("BelongsTo", "Russia", "The international community"),
        ("BelongsTo", "Iran", "The international community"),
    } <= found
    assert not relations(nlp, "The strikes killed civilians, including children.") & {
        ("BelongsTo", "children", "civilians")
    }


def test_nlp_a_list_of_held_places_runs_through_part_of(nlp: Language) -> None:
    found = relations(nlp, "The Islamic State controls Raqqa and part of Deir ez-Zor and Palmyra.")
    assert {("Controls", "Islamic State", p) for p in ("Raqqa", "Deir ez-Zor", "Palmyra")} <= found


def test_nlp_a_place_hung_on_the_phrase_before_is_still_where_it_happened(nlp: Language) -> None:
    found = relations(nlp, "Abu Amsha appeared at the house of a sheikh in Atma.")
    assert ("CoLocated", "Abu Amsha", "Atma") in found


def test_nlp_a_group_is_where_it_was_formed(nlp: Language) -> None:
    found = relations(nlp, "Rebel factions formed the Army of Conquest in Idlib in March 2015.")
    assert ("CoLocated", "Army of Conquest", "Idlib") in found


def test_nlp_the_latter_is_typed_like_the_actor_it_stands_for(nlp: Language) -> None:
    found = mentions(nlp, "Hamza Division joined the Levant Front, and the latter grew stronger.")
    assert found["the latter"][0] == "Organisation"


def test_nlp_tension_between_two_actors_goes_both_ways(nlp: Language) -> None:
    found = relations(nlp, "The move caused tension between the Levant Front and the Hamza Division.")
    assert {("Dislikes", "Levant Front", "Hamza Division"), ("Dislikes", "Hamza Division", "Levant Front")} <= found


def test_nlp_control_changing_hands(nlp: Language) -> None:
    found = relations(
        nlp, "Fighting reached Saraqib, which was held by Ahrar al-Sham, only to be captured by the Islamic State."
    )
    assert {("Controls", "Ahrar al-Sham", "Saraqib"), ("Controls", "Islamic State", "Saraqib")} <= found


def test_nlp_taking_a_position_makes_a_person_that_member(nlp: Language) -> None:
    found = relations(nlp, "Abu Amsha assumed the position of a member of the Hamza Division.")
    assert ("IsSynonymOf", "Abu Amsha", "a member") in found
    assert ("BelongsTo", "a member", "Hamza Division") in found


def test_nlp_an_office_in_a_government_belongs_to_it(nlp: Language) -> None:
    found = relations(nlp, "Salim Idris, the Minister of Defense in the Syrian Interim Government, resigned.")
    assert ("BelongsTo", "the Minister of Defense", "Syrian Interim Government") in found


def test_nlp_a_group_formed_by_people_led_by_someone_is_in_their_charge(nlp: Language) -> None:
    found = relations(nlp, "The Army of Conquest was formed by a group of commanders, led by Abu Mohammad al-Jolani.")
    assert ("InChargeOf", "Abu Mohammad al-Jolani", "Army of Conquest") in found


def test_nlp_negated_hedged_and_conditional_relations_are_not_facts(nlp: Language) -> None:
    for text in (
        "The Levant Front did not attack Jaysh al-Islam.",
        "If the Levant Front attacks Jaysh al-Islam, the truce ends.",
        "The Levant Front could attack Jaysh al-Islam.",
        "The expert raised the possibility of a rapprochement between the Levant Front and Jaysh al-Islam.",
    ):
        assert not relations(nlp, text), text
    assert relations(nlp, "The Levant Front attacked Jaysh al-Islam.")


def test_nlp_a_listed_title_with_its_own_group_is_not_a_conjunct(nlp: Language) -> None:
    found = relations(nlp, "The HTS general commander Abu Mohammad al-Jolani and SNA leader Mohammed al-Jassem met.")
    assert ("InChargeOf", "SNA leader", "HTS") not in found
    assert not [r for r in found if r[0] == "IsSynonymOf" and "SNA leader" in r and "commander" in r[1]]


def test_nlp_feelings_are_read_from_the_one_who_feels(nlp: Language) -> None:
    found = relations(nlp, "The council members are encouraged by the decision of the Levant Front.")
    assert any(t == "Likes" and o == "Levant Front" for t, _, o in found)
    assert not relations(nlp, "The envoy encouraged the Levant Front to negotiate.")


def test_nlp_visiting_a_place_puts_the_visitor_there(nlp: Language) -> None:
    assert ("CoLocated", "Tobias Ellwood", "Turkey") in relations(nlp, "Tobias Ellwood visited Turkey on 4 April.")


def test_nlp_a_pronoun_after_a_comma_starts_a_clause_not_a_list_item(nlp: Language) -> None:
    found = relations(nlp, "Since Mosul was taken by ISIL terrorists, we have heard of horrendous abuses.")
    assert ("Controls", "ISIL terrorists", "Mosul") in found
    assert not [r for r in found if r[1] == "we"]


def test_nlp_people_who_meet_somewhere_are_both_there(nlp: Language) -> None:
    found = relations(nlp, "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al-Jaafari in London today.")
    assert ("CoLocated", "Boris Johnson", "London") in found


def test_nlp_an_effort_is_made_by_its_owner(nlp: Language) -> None:
    found = relations(nlp, "The report praised Hezbollah efforts to support the Syrian Arab Army.")
    assert ("AlliesOf", "Hezbollah", "Syrian Arab Army") in found


def test_nlp_a_spokesman_speaks_for_his_group(nlp: Language) -> None:
    found = relations(nlp, "A spokesman for Ahrar al-Sham accused HTS of attacking its positions.")
    assert ("Dislikes", "Ahrar al-Sham", "HTS") in found


def test_nlp_fighting_alongside_is_an_alliance(nlp: Language) -> None:
    found = relations(nlp, "Hayat Tahrir al-Sham fought alongside the National Front for Liberation in Idlib.")
    assert ("AlliesOf", "Hayat Tahrir al-Sham", "National Front for Liberation") in found
    assert not [r for r in found if r[0] == "FightingAgainst"]
