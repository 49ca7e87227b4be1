"""``fg_claims``: who claims what, how firmly, on sentences written in the style of conflict reporting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.lexicons import ClaimCues, lexicon_model, load_lexicon
from factiongraph.nlp import MENTIONS_KEY, load_pipeline
from factiongraph.nlp.claims import ClaimFinder, FoundClaim, make_claims
from factiongraph.vocab import STANCES


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def finder(nlp: Language) -> ClaimFinder:
    return make_claims(nlp, "fg_claims", None)


def claims(nlp: Language, finder: ClaimFinder, text: str) -> list[FoundClaim]:
    doc: Doc = finder(nlp(text))
    return doc._.fg_claims


def summary(claim: FoundClaim) -> tuple[str | None, str, str, str]:
    return (claim.speaker.text if claim.speaker else None, claim.stance, claim.cue.text, claim.content.text)


def test_claims_factory_is_registered_and_lexicon_documented() -> None:
    assert Language.has_factory("fg_claims")
    raw = load_lexicon(None, "claim_cues.json")
    assert raw["$comment"]
    assert set(raw["verbs"]) <= set(STANCES)


def test_claims_component_takes_the_validated_lexicon_model() -> None:
    """One model, validated once a process: the component holds it, not a copy in another shape."""
    cues = lexicon_model(None, ClaimCues)
    assert make_claims(spacy.blank("en"), "fg_claims", None).cues is cues
    assert lexicon_model(None, ClaimCues) is cues


def test_claims_cue_lookups_are_lower_case_by_lemma_and_particle(tmp_path: Path) -> None:
    raw = load_lexicon(None, "claim_cues.json")
    raw["verbs"]["asserted"].append("Boast")
    raw["verbs"]["possible"].append("Hint At")
    raw["sources"] = ["According To"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({"version": 1, **raw}), "utf-8")
    cues = lexicon_model(str(path), ClaimCues)
    assert cues.verb_stances["boast"] == "asserted"
    assert cues.phrasal_stances["hint"] == {"at": "possible"}
    assert cues.source_links == {"according": "to"}
    assert {"boast", "hint", "according"} <= cues.triggers()


@pytest.mark.slow
def test_claims_said_that_is_asserted(nlp: Language, finder: ClaimFinder) -> None:
    found = claims(nlp, finder, "The spokesman for the Free Syrian Army said that the regime shelled Azaz on Monday.")
    assert [summary(c) for c in found] == [
        ("Free Syrian Army", "asserted", "said", "the regime shelled Azaz on Monday"),  # he speaks for it
    ]


@pytest.mark.slow
def test_claims_does_not_believe_is_denied_across_an_aside(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "A leader in the National Army, in an interview with Enab Baladi, "
        "does not believe that Hayat Tahrir al-Sham will enter Afrin."
    )
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == ("A leader", "denied", "does not believe", "Hayat Tahrir al-Sham will enter Afrin")
    assert [a.text for a in claim.about] == ["Hayat Tahrir al-Sham", "Afrin"]


@pytest.mark.slow
def test_claims_possibility_and_denial_in_one_sentence_share_the_speaker(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The analyst Omar Khalil suggested the possibility of talks between the two factions, "
        "denying at the same time the possibility of a complete merger."
    )
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Omar Khalil", "possible", "suggested the possibility of", "talks between the two factions"),
        ("Omar Khalil", "denied", "denying at the same time the possibility of", "a complete merger"),
    ]


@pytest.mark.slow
def test_claims_denying_that_clause_after_an_adverbial(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The analyst Omar Khalil suggested the possibility of talks between the two factions, "
        "denying at the same time that a merger was near."
    )
    found = claims(nlp, finder, text)
    assert summary(found[1]) == ("Omar Khalil", "denied", "denying", "a merger was near")


@pytest.mark.slow
def test_claims_it_is_likely_is_the_speakers_likely_claim(nlp: Language, finder: ClaimFinder) -> None:
    text = "The military analyst said that it is likely that the Turkish army will withdraw from Tal Abyad."
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == (
        "The military analyst",
        "likely",
        "it is likely that",
        "the Turkish army will withdraw from Tal Abyad",
    )
    assert {a.text: a.label_ for a in claim.about} == {"Turkish army": "Organisation", "Tal Abyad": "Location"}


@pytest.mark.slow
def test_claims_modal_frames_without_a_speaker(nlp: Language, finder: ClaimFinder) -> None:
    [possible] = claims(nlp, finder, "It is possible that the Islamic State will regroup in the desert.")
    assert summary(possible) == (
        None,
        "possible",
        "It is possible that",
        "the Islamic State will regroup in the desert",
    )
    [expected] = claims(nlp, finder, "The Syrian Democratic Forces are expected to withdraw from Manbij.")
    assert (expected.speaker, expected.stance, expected.cue.text) == (None, "likely", "are expected to")


@pytest.mark.slow
def test_claims_likely_frame_in_a_conjunct_takes_the_main_speaker(nlp: Language, finder: ClaimFinder) -> None:
    text = "Russia accused Turkey of supporting the rebels, and it is likely that the talks will collapse."
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Russia", "asserted", "accused", "Turkey of supporting the rebels"),
        ("Russia", "likely", "it is likely that", "the talks will collapse"),
    ]


@pytest.mark.slow
def test_claims_according_to_before_and_after_the_clause(nlp: Language, finder: ClaimFinder) -> None:
    text = "According to the Syrian Observatory for Human Rights, the regime shelled Idlib on Monday."
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Syrian Observatory for Human Rights", "asserted", "According to", "the regime shelled Idlib on Monday"),
    ]
    text = "The shelling of Idlib continued, according to a statement by the Syrian Civil Defence."
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Syrian Civil Defence", "asserted", "according to", "The shelling of Idlib continued"),
    ]


@pytest.mark.slow
def test_claims_quotes_are_attributed_to_their_speaker(nlp: Language, finder: ClaimFinder) -> None:
    text = "“They are the sons of this country and will return to their villages,” Abu Amsha said."
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == (
        "Abu Amsha",
        "asserted",
        "said",
        "They are the sons of this country and will return to their villages",
    )
    [claim] = claims(nlp, finder, "He said, “they are the sons of this country and we will not abandon them.”")
    assert summary(claim)[:3] == ("He", "asserted", "said")
    assert claim.speaker in list(claim.speaker.doc.spans[MENTIONS_KEY])
    assert claim.content.text == "they are the sons of this country and we will not abandon them"


@pytest.mark.slow
def test_claims_no_cue_no_claim(nlp: Language, finder: ClaimFinder) -> None:
    assert claims(nlp, finder, "Fighters of the Islamic State attacked a checkpoint near Deir Ezzor on Sunday.") == []
    assert claims(nlp, finder, "Aid must reach Idlib as soon as possible.") == []
    assert claims(nlp, finder, "The attack raised fears among residents of Azaz.") == []
    assert claims(nlp, finder, "The faction said.") == []


@pytest.mark.slow
def test_claims_stance_from_the_reported_clause(nlp: Language, finder: ClaimFinder) -> None:
    text = "There will be no complete merger between the factions, the commander told Enab Baladi."
    [claim] = claims(nlp, finder, text)
    assert (claim.speaker.text, claim.stance) == ("the commander", "denied")
    [claim] = claims(nlp, finder, "The opposition may lose Saraqeb within weeks, the analyst warned.")
    assert summary(claim) == ("the analyst", "possible", "may", "The opposition may lose Saraqeb within weeks")


@pytest.mark.slow
def test_claims_ruling_out_and_not_ruling_out(nlp: Language, finder: ClaimFinder) -> None:
    text = "The commander raised the possibility of a Turkish operation in Manbij, but ruled out an attack on Raqqa."
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("The commander", "possible", "raised the possibility of", "a Turkish operation in Manbij"),
        ("The commander", "denied", "ruled out", "an attack on Raqqa"),
    ]
    [claim] = claims(nlp, finder, "Turkish officials did not rule out a military operation in Tal Rifaat.")
    assert (claim.stance, claim.cue.text) == ("possible", "did not rule out")


@pytest.mark.slow
def test_claims_participle_is_a_claim_of_its_own(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The Syrian Observatory for Human Rights said the strikes killed 12 civilians, "
        "adding that Russian jets may have been involved."
    )
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Syrian Observatory for Human Rights", "asserted", "said", "the strikes killed 12 civilians"),
        ("Syrian Observatory for Human Rights", "possible", "may", "Russian jets may have been involved"),
    ]


@pytest.mark.slow
def test_claims_denial_of_reports_and_statement_issuers(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "The ministry denied reports that its forces had entered Afrin.")
    assert summary(claim) == ("The ministry", "denied", "denied", "its forces had entered Afrin")
    text = "The faction issued a statement saying that its fighters would not withdraw from Jarablus."
    [claim] = claims(nlp, finder, text)
    assert (claim.speaker.text, claim.stance) == ("The faction", "denied")  # a reported "will not" denies


@pytest.mark.slow
def test_claims_a_negated_or_conditional_report_is_denied_or_possible(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "An HTS official said the group had not attacked the checkpoint.")
    assert (claim.speaker.text, claim.stance) == ("HTS", "denied")  # an official of a group speaks for it
    [claim] = claims(nlp, finder, "Turkish officials said the army would respond if the SDF advanced.")
    assert (claim.speaker.text, claim.stance) == ("Turkish", "possible")


@pytest.mark.slow
def test_claims_a_spokesman_who_is_named_speaks_himself(nlp: Language, finder: ClaimFinder) -> None:
    text = "A spokesman for the National Front for Liberation, Naji Mustafa, said the deal held."
    [claim] = claims(nlp, finder, text)
    assert claim.speaker.text == "Naji Mustafa"


@pytest.mark.slow
def test_claims_evidence_is_the_sentence_and_about_spans_are_mentions(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "Fighting resumed near Manbij on Friday. "
        "The researcher expects the Syrian Democratic Forces to lose control of Manbij."
    )
    doc = finder(nlp(text))
    [claim] = doc._.fg_claims
    assert claim.evidence.text == "The researcher expects the Syrian Democratic Forces to lose control of Manbij."
    assert (claim.speaker.text, claim.stance) == ("The researcher", "likely")
    mentions = {(m.start, m.end) for m in doc.spans[MENTIONS_KEY]}
    assert [a.text for a in claim.about] == ["Syrian Democratic Forces", "Manbij"]
    assert all((a.start, a.end) in mentions for a in claim.about)
    assert all(claim.content.start <= a.start and a.end <= claim.content.end for a in claim.about)


@pytest.mark.slow
def test_claims_custom_lexicon(nlp: Language, tmp_path: Path) -> None:
    raw = load_lexicon(None, "claim_cues.json")
    raw["verbs"]["asserted"].append("boast")
    raw["clause_only"].append("boast")
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({"version": 1, **raw}), "utf-8")
    finder = make_claims(nlp, "fg_claims", str(path))
    [claim] = finder(nlp("The commander boasted that his men had taken Azaz."))._.fg_claims
    assert summary(claim) == ("The commander", "asserted", "boasted", "his men had taken Azaz")


@pytest.mark.slow
def test_claims_quotes_beside_the_verb_belong_to_it_alone(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "Asked whether the group would disarm, he said: “Never.”")
    assert summary(claim) == ("he", "asserted", "said", "Never")
    text = (
        "“We have no intention of leaving,” a commander in Jaish al-Islam told Reuters, "
        "adding that the siege of Douma could last months."
    )
    assert [summary(c)[2:] for c in claims(nlp, finder, text)] == [
        ("no", "We have no intention of leaving"),  # told, and denied by its "no"
        ("adding", "the siege of Douma could last months"),
    ]


@pytest.mark.slow
def test_claims_coordinated_clauses_each_bring_their_stance(nlp: Language, finder: ClaimFinder) -> None:
    text = "The commander said that the truce was holding, and that the regime may attack Saraqib."
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("The commander", "asserted", "said", "the truce was holding"),
        ("The commander", "possible", "may", "the regime may attack Saraqib"),
    ]
    text = "The spokesman said the group was ready to talk but would not leave Jarablus."
    assert [summary(c)[1:] for c in claims(nlp, finder, text)] == [
        ("asserted", "said", "the group was ready to talk"),
        ("denied", "not", "would not leave Jarablus"),
    ]


@pytest.mark.slow
def test_claims_a_reported_no_denies(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "The ministry said no soldiers had been killed in Azaz.")
    assert summary(claim) == ("The ministry", "denied", "no", "no soldiers had been killed in Azaz")
    [claim] = claims(nlp, finder, "The faction said it had no role in the shelling of Afrin.")
    assert (claim.stance, claim.cue.text) == ("denied", "no")


@pytest.mark.slow
def test_claims_regarding_calling_and_estimating(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "Damascus regards the SDF as a separatist militia.")
    assert summary(claim) == ("Damascus", "asserted", "regards", "the SDF as a separatist militia")
    [claim] = claims(nlp, finder, "The Syrian Interim Government called the raid a crime against civilians.")
    assert (claim.speaker.text, claim.stance, claim.content.text) == (
        "Syrian Interim Government",
        "asserted",
        "the raid a crime against civilians",
    )
    [claim] = claims(nlp, finder, "The envoy called for a ceasefire in Idlib.")
    assert summary(claim) == ("The envoy", "asserted", "called for", "a ceasefire in Idlib")
    [claim] = claims(nlp, finder, "Aid groups estimate that 300 fighters remain in the pocket.")
    assert (claim.speaker.text, claim.stance) == ("Aid groups", "likely")


@pytest.mark.slow
def test_claims_a_denial_in_a_relative_clause_denies_what_it_comments_on(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "The Free Syrian Army is funded by Qatar, a claim Doha has denied.")
    assert summary(claim) == ("Doha", "denied", "denied", "The Free Syrian Army is funded by Qatar")
    text = "Residents accused the police of looting shops in Azaz, a charge the Interior Ministry denied."
    assert [summary(c)[:2] for c in claims(nlp, finder, text)] == [
        ("Residents", "asserted"),
        ("Interior Ministry", "denied"),
    ]


@pytest.mark.slow
def test_claims_a_body_without_a_name_speaks_for_its_owner(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "The SDF's media centre said its fighters had repelled the attack on Ain Issa.")
    assert (claim.speaker.text, claim.stance) == ("SDF", "asserted")
    [claim] = claims(nlp, finder, "The SDF holds Raqqa, and its leaders have said they will stay in the city.")
    assert (claim.speaker.text, claim.speaker.label_) == ("its", "Organisation")  # resolved as "its" is


@pytest.mark.slow
def test_claims_the_speaker_after_the_clause_is_not_its_content(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "Fighting between the two factions continued near Ras al-Ain and Tal Abyad, "
        "the Syrian Observatory for Human Rights said."
    )
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == (
        "Syrian Observatory for Human Rights",
        "asserted",
        "said",
        "Fighting between the two factions continued near Ras al-Ain and Tal Abyad",
    )
    [claim] = claims(nlp, finder, "Shelling hit Kafranbel and Hass, the Syrian Civil Defence said.")
    assert summary(claim) == ("Syrian Civil Defence", "asserted", "said", "Shelling hit Kafranbel and Hass")
    assert claims(nlp, finder, "After meeting the envoy, he said.") == []


@pytest.mark.slow
def test_claims_a_surname_the_model_missed_is_the_named_person(nlp: Language, finder: ClaimFinder) -> None:
    doc = nlp("Mazloum Abdi met the delegation on Monday. Abdi has warned that the talks could collapse.")
    doc.spans[MENTIONS_KEY] = [m for m in doc.spans[MENTIONS_KEY] if m.text != "Abdi"]
    [claim] = finder(doc)._.fg_claims
    assert (claim.speaker.text, claim.stance) == ("Mazloum Abdi", "possible")


@pytest.mark.slow
def test_claims_a_spokesman_speaks_for_a_body_the_model_took_for_a_person(nlp: Language, finder: ClaimFinder) -> None:
    doc = nlp("A spokesman for the Central Committee said the operation would continue.")
    doc.spans[MENTIONS_KEY] = [
        Span(doc, m.start, m.end, label="Person") if m.text == "the Central Committee" else m
        for m in doc.spans[MENTIONS_KEY]
    ]
    [claim] = finder(doc)._.fg_claims
    assert claim.speaker.text == "the Central Committee"


@pytest.mark.slow
def test_claims_speakers_listed_together_each_say_it(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The Syrian government and Russia have justified the offensive by the presence of Nusra fighters in the city."
    )
    assert [summary(c) for c in claims(nlp, finder, text)] == [
        ("Syrian government", "asserted", "justified", "the offensive"),
        ("Russia", "asserted", "justified", "the offensive"),
    ]


@pytest.mark.slow
def test_claims_it_speaks_for_the_body_just_named_as_a_subject(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The US-led coalition stayed out of the fighting. In a statement, it said the clashes only helped the rebels."
    )
    [claim] = claims(nlp, finder, text)
    assert (claim.speaker.text, claim.stance) == ("US-led coalition", "asserted")
    assert claims(nlp, finder, "The statement said it was time to act.")[0].speaker is None


@pytest.mark.slow
def test_claims_an_office_named_beside_its_description(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(
        nlp, finder, "Thousands fled the camp near Hasakah last week, the UN humanitarian office, OCHA, said."
    )
    assert summary(claim) == ("OCHA", "asserted", "said", "Thousands fled the camp near Hasakah last week")


@pytest.mark.slow
def test_claims_condemning_rejecting_and_presenting_as(nlp: Language, finder: ClaimFinder) -> None:
    [claim] = claims(nlp, finder, "The Syrian Interim Government condemned the shelling of Maarat al-Numan.")
    assert summary(claim) == ("Syrian Interim Government", "asserted", "condemned", "the shelling of Maarat al-Numan")
    [claim] = claims(nlp, finder, "The Hamza Division rejected the accusations of looting.")
    assert summary(claim) == ("Hamza Division", "denied", "rejected", "the accusations of looting")
    [claim] = claims(nlp, finder, "The president presented the deal as proof that the war was over.")
    assert (claim.stance, claim.content.text) == ("asserted", "proof that the war was over")


@pytest.mark.slow
def test_claims_a_title_is_the_person_named_with_it_before(nlp: Language, finder: ClaimFinder) -> None:
    text = (
        "The UN Special Envoy for Yemen, Hans Grundberg, arrived in Aden on Monday. Fighting continued near Marib. "
        "The Special Envoy said that the truce could collapse."
    )
    [claim] = claims(nlp, finder, text)
    assert (claim.speaker.text, claim.stance) == ("Hans Grundberg", "possible")


@pytest.mark.slow
def test_claims_it_in_a_relative_clause_is_not_the_noun_it_describes(nlp: Language, finder: ClaimFinder) -> None:
    text = "Russia stayed silent. Turkey wants the YPG, which it regards as a terrorist group, to leave Tal Rifaat."
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == ("Turkey", "asserted", "regards", "a terrorist group")


@pytest.mark.slow
def test_claims_of_two_subjects_the_nearer_speaks(nlp: Language, finder: ClaimFinder) -> None:
    text = "The SDF wants to keep its own units inside the army, something Interior Minister Anas Khattab has rejected."
    [claim] = claims(nlp, finder, text)
    assert summary(claim) == (
        "Anas Khattab",
        "denied",
        "rejected",
        "The SDF wants to keep its own units inside the army",
    )


@pytest.mark.slow
def test_claims_calling_by_a_name_or_on_a_day_is_no_claim(nlp: Language, finder: ClaimFinder) -> None:
    assert claims(nlp, finder, "The army launched the campaign it calls Northern Shield on Sunday.") == []
    assert claims(nlp, finder, "A militia calling itself the Free Tribes Army took the village.") == []
    [claim] = claims(nlp, finder, "Turkey called on Sunday for talks between the factions.")
    assert (claim.speaker.text, claim.content.text) == ("Turkey", "talks between the factions")
