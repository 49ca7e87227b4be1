"""Resolve one parsed document: group its mentions into actors (:mod:`~factiongraph.resolve.clusters`), link them
to the KB, the place index or the store (:mod:`~factiongraph.resolve.linking`), find what its descriptions and
pronouns stand for (:mod:`~factiongraph.resolve.references`), date its facts (:mod:`~factiongraph.resolve.timing`)
and add what the KB implies (:mod:`~factiongraph.resolve.inference`), as records for the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from factiongraph.ingest.article import Article
from factiongraph.kb import KnowledgeBase
from factiongraph.keys import name_key
from factiongraph.lexicons import Names, NounHeads, lexicon_model
from factiongraph.nlp import DESCRIPTIONS_KEY, MENTIONS_KEY
from factiongraph.places import PlaceIndex
from factiongraph.records import ClaimRecord, EntityRecord, EventRecord, MentionRecord, RelationRecord, ResolvedDocument
from factiongraph.resolve.clusters import cluster
from factiongraph.resolve.inference import Inference
from factiongraph.resolve.linking import CandidateFinder, Linker, is_country
from factiongraph.resolve.references import (
    References,
    areas_named_after_actors,
    article_country,
    groups_led,
    men_named_after_actors,
    resolve_appositions,
    resolve_latter_and_former,
    resolve_places_by_name,
)
from factiongraph.resolve.timing import control_changing_hands, dateline_place, held_over_time, sentence_date, told_once
from factiongraph.vocab import BETWEEN_ACTORS, LASTING, PLACED


@dataclass
class DocumentResolver:
    """Turns a parsed :class:`~spacy.tokens.Doc` into a :class:`ResolvedDocument`."""

    kb: KnowledgeBase
    candidates: CandidateFinder
    places: PlaceIndex = field(default_factory=PlaceIndex.default)
    names: Names = field(default_factory=lambda: lexicon_model(None, Names))

    def __post_init__(self) -> None:
        self.linker = Linker(self.kb, self.candidates, self.places, self.names)
        self.references = References(self.kb, self.places, self.linker)
        self.inference = Inference(self.kb, self.places)
        self._ended_words = lexicon_model(None, NounHeads).ended

    def resolve(self, doc: Doc, article: Article) -> ResolvedDocument:
        sentences = list(doc.sents)
        sentence_of = {}
        for number, sentence in enumerate(sentences):
            for token in sentence:
                sentence_of[token.i] = number
        mentions = list(doc.spans[MENTIONS_KEY])
        descriptions = {(d.start, d.end) for d in doc.spans[DESCRIPTIONS_KEY]}
        is_description = [(m.start, m.end) in descriptions for m in mentions]
        index_of = {(m.start, m.end): i for i, m in enumerate(mentions)}
        kb_ids = [m.id_ or self.linker.kb_actor(m.text, m.label_) for m in mentions]
        self.linker.family_names(mentions, is_description, kb_ids)
        clusters = cluster(doc, mentions, is_description, index_of, kb_ids, self.names)
        entity_of_mention, entities = self.linker.entities(mentions, is_description, clusters, doc, index_of)
        facilities = self.references.name_facilities(mentions, is_description, entity_of_mention, entities)
        named_facilities = frozenset(facilities)
        self.references.name_descriptions(mentions, is_description, entity_of_mention, entities, article.published)
        self.references.resolve_personal_pronouns(mentions, is_description, sentence_of, entity_of_mention, entities)
        author = self.references.resolve_first_person(mentions, is_description, entity_of_mention)
        resolve_places_by_name(mentions, is_description, entity_of_mention, named_facilities, entities)
        resolve_latter_and_former(mentions, is_description, index_of, entity_of_mention)
        resolve_appositions(mentions, is_description, entity_of_mention)
        home = article_country(mentions, is_description, self.places)
        self.references.resolve_references(mentions, is_description, sentence_of, entity_of_mention, entities, home)
        # "the city's neighbourhoods"
        resolve_places_by_name(mentions, is_description, entity_of_mention, named_facilities, entities)
        self.references.resolve_home_government(
            mentions, is_description, entity_of_mention, entities, article.published, home
        )
        dates = [m for m in mentions if m.label_ == "Temporal"]  # what sentence_date reads, for each fact of the text

        records = [
            MentionRecord(
                m.start_char,
                m.end_char,
                m.text,
                m.label_,
                sentence_of[m.start],
                entity_of_mention.get(i),
                name_key(m.text),
            )
            for i, m in enumerate(mentions)
        ]
        relations = []
        said: set[tuple[str, str, str, int]] = set()
        held_by = areas_named_after_actors(mentions, is_description, entity_of_mention)
        led = groups_led(doc._.fg_relations, index_of, is_description, entity_of_mention)
        men_of = men_named_after_actors(
            mentions, is_description, entity_of_mention, self.references.speak_for, self.references.constituents, led
        )
        for found in [*doc._.fg_relations, *self.references.judged_by_the_author(mentions, author)]:
            ends = [index_of[(found.source.start, found.source.end)], index_of[(found.target.start, found.target.end)]]
            if found.type in BETWEEN_ACTORS:
                ends = [held_by.get(i, i) for i in ends]
            if found.type in BETWEEN_ACTORS:
                ends = [men_of.get(i, i) for i in ends]
            elif found.type in PLACED:  # what is at "Qamishli airport" is at the airport, not the town
                ends = [men_of.get(ends[0], ends[0]), facilities.get(ends[1], ends[1])]
            elif found.type == "BelongsTo":  # "SNA factions including the Hamza Division": the SNA's
                # "RSF units were sent to Z as part of Y": what a group's men are part of, the group is; not men
                # named by apposition ("the SDF's internal security forces, the Asayish")
                men = ends[0] if ends[0] in entity_of_mention else men_of.get(ends[0], ends[0])
                ends = [men, men_of.get(ends[1], ends[1])]
            source, target = (entity_of_mention.get(i) for i in ends)
            fact = (found.type, source or "", target or "", found.evidence.start)
            if source is None or target is None or source == target or fact in said:
                continue
            if found.type == "Controls" and is_country(entities.get(target)):
                continue  # a faction holds towns and regions; "the crossing with Turkey, which ..." is not Turkey
            said.add(fact)
            when = sentence_date(found.evidence, dates, article.published, sentences)
            if found.type in LASTING:
                when = held_over_time(found, when, article.published, self._ended_words)
            relations.append(
                RelationRecord(
                    type=found.type,
                    source_key=source,
                    target_key=target,
                    source_begin=found.source.start_char,
                    source_end=found.source.end_char,
                    target_begin=found.target.start_char,
                    target_end=found.target.end_char,
                    sentence=sentence_of[found.evidence.start],
                    evidence_begin=found.evidence.start_char,
                    evidence_end=found.evidence.end_char,
                    when_start=when.start if when else None,
                    when_end=when.end if when else None,
                    precision=when.precision if when else "unknown",
                )
            )
        relations = control_changing_hands(relations)
        relations += self.inference.units_in_leaders_coalitions(relations, entities)
        relations += self.inference.forces_act_for_their_state(relations, entities, mentions, entity_of_mention, home)
        relations += self.inference.roles_the_kb_confirms(
            mentions, is_description, entity_of_mention, entities, relations, sentence_of, article.published
        )
        relations += self.inference.offices_of_named_bodies(
            mentions, is_description, entity_of_mention, entities, relations, sentence_of
        )
        relations = self.inference.members_of_what_their_chief_leads(relations, entities)
        relations = _heads_of_state_are_no_members(relations, entities)
        events = []
        for event in doc._.fg_events or []:
            roles = [("source", m) for m in event.sources] + [("target", m) for m in event.targets]
            actors = [(entity_of_mention.get(index_of[(m.start, m.end)]), role) for role, m in roles]
            actors = list(dict.fromkeys((key, role) for key, role in actors if key))
            place = event.place and entity_of_mention.get(index_of[(event.place.start, event.place.end)])
            if not actors and not place:
                continue
            when = sentence_date(event.evidence, dates, article.published, sentences)
            events.append(
                EventRecord(
                    type=event.type,
                    actors=tuple(actors),
                    place_key=place or None,
                    sentence=sentence_of[event.evidence.start],
                    evidence_begin=event.evidence.start_char,
                    evidence_end=event.evidence.end_char,
                    when_start=when.start if when else None,
                    when_end=when.end if when else None,
                    precision=when.precision if when else "unknown",
                    trigger=event.trigger.text,
                    mode=event.mode,
                    acled_event_type=event.acled_event_type,
                    acled_sub_event_type=self.inference.sub_event_type(event.acled_sub_event_type, actors, entities),
                    killed=event.killed,
                    injured=event.injured,
                )
            )
        events = told_once(events, dateline_place(doc, index_of, entity_of_mention))
        claims = []
        last_speaker: tuple[str, int] | None = None  # a person who spoke, and in which sentence
        for claim in doc._.fg_claims or []:
            speaker = claim.speaker and entity_of_mention.get(
                index_of.get((claim.speaker.start, claim.speaker.end), -1)
            )
            sentence = sentence_of[claim.evidence.start]
            if (
                claim.speaker is not None
                and claim.speaker.text.lower() in self.references.personal_pronouns
                and last_speaker is not None
                and sentence - last_speaker[1] <= 1
            ):
                speaker = last_speaker[0]  # "X said ... He denied ...": he is the one who just spoke
            if speaker and entities.get(speaker) is not None and entities[speaker].type == "Person":
                last_speaker = (speaker, sentence)
            about = [entity_of_mention.get(index_of[(m.start, m.end)]) for m in claim.about]
            when = sentence_date(claim.evidence, dates, article.published, sentences)
            claims.append(
                ClaimRecord(
                    speaker_key=speaker or None,
                    speaker_text=claim.speaker.text if claim.speaker else None,
                    stance=claim.stance,
                    content=claim.content.text,
                    cue=claim.cue.text,
                    about=tuple(dict.fromkeys(k for k in about if k and k != speaker)),
                    sentence=sentence_of[claim.evidence.start],
                    evidence_begin=claim.evidence.start_char,
                    evidence_end=claim.evidence.end_char,
                    when_start=when.start if when else None,
                    when_end=when.end if when else None,
                )
            )
        used = {k for k in entity_of_mention.values()}
        return ResolvedDocument(
            article=article,
            sentences=[(s.start_char, s.end_char) for s in sentences],
            entities={k: v for k, v in entities.items() if k in used},
            mentions=records,
            relations=relations,
            events=events,
            claims=claims,
        )


def _heads_of_state_are_no_members(
    relations: list[RelationRecord], entities: dict[str, EntityRecord]
) -> list[RelationRecord]:
    """One the article has lead a state is its head, not one more of its people ("Erdogan and his Russian
    counterpart, X" of Russia's president): a membership said beside the command adds nothing."""
    leading = {(r.source_key, r.target_key) for r in relations if r.type == "InChargeOf"}
    return [
        r
        for r in relations
        if not (
            r.type == "BelongsTo" and (r.source_key, r.target_key) in leading and is_country(entities.get(r.target_key))
        )
    ]
