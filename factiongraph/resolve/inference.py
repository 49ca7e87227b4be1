"""Relations a document implies with the KB: a coalition leader's unit in his coalition, a titled person's roles the
KB gives at the article's date, what a state's armed forces do abroad as the state's own act, and ACLED's sub-event
type as it names an act by a state; and, from the article alone, the ministry a minister's title names and the group
a man's deputy is in."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from factiongraph.kb import KnowledgeBase
from factiongraph.lexicons import EventWords, NounHeads, lexicon_model
from factiongraph.nlp.spans import HYPHENS
from factiongraph.places import PlaceIndex
from factiongraph.records import EntityRecord, RelationRecord
from factiongraph.resolve.timing import in_office
from factiongraph.vocab import BETWEEN_ACTORS, MEMBERSHIP, PLACED, RelationType

_TITLE_LINKS = frozenset({"of", "the"})
"""Words that join a title's parts ("Secretary of State"), no part of its field."""
_TITLE_WORDS = frozenset({"PROPN", "NOUN", "ADJ"})


def _title_before(person: Span) -> frozenset[str]:
    """The words of the title written right before a name in its sentence ("Secretary of State", "Defence
    Minister"), lower case."""
    words: list[str] = []
    doc = person.doc
    for token in reversed(doc[max(person.sent.start, person.start - 6) : person.start]):
        if token.pos_ not in _TITLE_WORDS and not (token.lower_ in _TITLE_LINKS and words):
            break
        words.append(token.lower_)
    while words and words[-1] in _TITLE_LINKS:
        words.pop()
    return frozenset(words)


@dataclass
class Inference:
    """Adds what the KB implies to a document's relations and events."""

    kb: KnowledgeBase
    places: PlaceIndex

    def __post_init__(self) -> None:
        by_the_state = lexicon_model(None, EventWords).by_the_state
        self._state_categories = by_the_state.categories
        self._state_sub_event_types: dict[str, str] = by_the_state.sub_event_types
        heads = lexicon_model(None, NounHeads)
        self._titles = heads.person_command | heads.person_other
        self._office_bodies = heads.office_bodies

    def units_in_leaders_coalitions(
        self, relations: list[RelationRecord], entities: dict[str, EntityRecord]
    ) -> list[RelationRecord]:
        """A coalition's leader who commands a unit ("SNA leader Mohammed al-Jassem", commander of the
        Sultan Suleiman Shah Division) puts that unit in the coalition, said where he is called its leader."""

        def is_coalition(key: str) -> bool:
            kb_id = entities[key].kb_id if key in entities else None
            actor = self.kb.get(kb_id) if kb_id else None
            return actor is not None and actor.category == "coalition"

        commands = [r for r in relations if r.type == "InChargeOf" and r.target_key in entities]
        known = {(r.type, r.source_key, r.target_key) for r in relations}
        inferred = []
        for leads in (r for r in commands if is_coalition(r.target_key)):
            for unit in commands:
                fact = ("BelongsTo", unit.target_key, leads.target_key)
                if (
                    unit.source_key == leads.source_key
                    and unit.target_key != leads.target_key
                    and entities[unit.target_key].type == "Organisation"
                    and not is_coalition(unit.target_key)
                    and fact not in known
                ):
                    known.add(fact)
                    inferred.append(
                        replace(
                            leads,
                            type="BelongsTo",
                            source_key=unit.target_key,
                            source_begin=unit.target_begin,
                            source_end=unit.target_end,
                        )
                    )
        return inferred

    @staticmethod
    def members_of_what_their_chief_leads(
        relations: list[RelationRecord], entities: dict[str, EntityRecord]
    ) -> list[RelationRecord]:
        """ "X becomes one of Idris's deputies": one who belongs to a man belongs to what that man leads in the
        article, said where he is called his; a man is no group to belong to, so the membership goes."""
        leads: dict[str, list[RelationRecord]] = {}
        for relation in relations:
            target = entities.get(relation.target_key)
            if relation.type == "InChargeOf" and target is not None and target.type != "Person":
                leads.setdefault(relation.source_key, []).append(relation)
        known = {(r.type, r.source_key, r.target_key) for r in relations}
        kept: list[RelationRecord] = []
        for relation in relations:
            target = entities.get(relation.target_key)
            if relation.type != "BelongsTo" or target is None or target.type != "Person":
                kept.append(relation)
                continue
            for led in leads.get(relation.target_key, []):
                fact = ("BelongsTo", relation.source_key, led.target_key)
                if fact not in known and relation.source_key != led.target_key:
                    known.add(fact)
                    kept.append(replace(relation, target_key=led.target_key))
        return kept

    def forces_act_for_their_state(
        self,
        relations: list[RelationRecord],
        entities: dict[str, EntityRecord],
        mentions: list[Span],
        entity_of_mention: dict[int, str],
        home: str | None,
    ) -> list[RelationRecord]:
        """What a state's armed forces do, the state does, as analysts and event datasets say it: "Turkish
        troops entered Afrin" puts Turkey in Afrin, "the US military struck IS" has the United States fight
        it. Said where the forces' relation is said, beside it. Not where the forces are at home ("the
        Malian army retook Kidal" does not put Mali in Mali; in an article set in Mali, ``home``, the Malian
        army is an actor of its own), nor for a government itself. The state's end is where the text
        names it: in the forces' own name ("US" of "US troops"), else nearest to them."""
        named_at: dict[str, list[tuple[int, int]]] = {}
        for i, mention in enumerate(mentions):
            if (key := entity_of_mention.get(i)) is not None:
                named_at.setdefault(key, []).append((mention.start_char, mention.end_char))
        key_of_actor = {e.kb_id: key for key, e in entities.items() if e.kb_id}
        key_of_place = {e.place.id: key for key, e in entities.items() if e.place}
        known = {(r.type, r.source_key, r.target_key) for r in relations}
        found: list[RelationRecord] = []
        for relation in relations:
            if relation.type not in BETWEEN_ACTORS | PLACED:
                continue
            for end in ("source", "target"):
                state = self._state_of_forces(entities.get(getattr(relation, f"{end}_key")))
                state_key = self._entity_of_state(state, key_of_actor, key_of_place) if state else None
                country = self._country_of(state) if state else None
                at_home = country is not None and (
                    country == home
                    or (relation.type in PLACED and self._country_of_place(relation.target_key, entities) == country)
                )
                if state_key is None or at_home:
                    continue
                begin, finish = getattr(relation, f"{end}_begin"), getattr(relation, f"{end}_end")
                where = min(named_at.get(state_key, [(begin, finish)]), key=lambda at: abs(at[0] - begin))
                lifted = replace(
                    relation, **{f"{end}_key": state_key, f"{end}_begin": where[0], f"{end}_end": where[1]}
                )
                fact = (lifted.type, lifted.source_key, lifted.target_key)
                if lifted.source_key != lifted.target_key and fact not in known:
                    known.add(fact)
                    found.append(lifted)
        return found

    def _state_of_forces(self, entity: EntityRecord | None) -> str | None:
        """The KB id of the state whose armed forces an entity is, if it is a state's forces."""
        actor = self.kb.get(entity.kb_id) if entity and entity.kb_id else None
        if actor is None or actor.category != "state-force" or actor.government_of:
            return None
        owners = [self.kb.get(r.target) for r in actor.relations if r.type == "BelongsTo"]
        return next((o.id for o in owners if o is not None and o.category == "state"), None)

    def _entity_of_state(self, state: str, key_of_actor: dict[str, str], key_of_place: dict[str, str]) -> str | None:
        """The document's entity for a state: the KB actor, or the country a Location names ("US troops")."""
        actor = self.kb.get(state)
        country = self.places.lookup(actor.name) if actor else None
        return key_of_actor.get(state) or (key_of_place.get(country.id) if country else None)

    def _country_of(self, state: str) -> str | None:
        """The ISO code of a state's country."""
        actor = self.kb.get(state)
        country = self.places.lookup(actor.name) if actor else None
        return country.country if country is not None and country.precision == "country" else None

    def _country_of_place(self, key: str, entities: dict[str, EntityRecord]) -> str | None:
        entity = entities.get(key)
        place = self.places.get(entity.place.id) if entity and entity.place else None
        return place.country if place else None

    def roles_the_kb_confirms(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        relations: list[RelationRecord],
        sentence_of: dict[int, int],
        published: str | None,
    ) -> list[RelationRecord]:
        """A person named with a title ("President Bashar al-Assad", "Secretary of State Pompeo") holds the
        roles the KB gives them at the article's date towards actors the article names: the title says
        there is a role, the gazetteer says of what."""
        first_named: dict[str, Span] = {}  # where the article names each actor first (a description if only that)
        for i, mention in sorted(enumerate(mentions), key=lambda item: is_description[item[0]]):
            if (key := entity_of_mention.get(i)) is not None:
                first_named.setdefault(key, mention)
        known = {(r.type, r.source_key, r.target_key) for r in relations}
        found: list[RelationRecord] = []
        for i, person in enumerate(mentions):
            key = entity_of_mention.get(i)
            actor = self.kb.get(entities[key].kb_id or "") if key in entities else None
            if actor is None or actor.type != "Person" or is_description[i] or not self._titled(person):
                continue
            for role in actor.relations:
                target = next((k for k, e in entities.items() if e.kb_id == role.target and k in first_named), None)
                fact = (role.type, key, target)
                if role.type not in MEMBERSHIP or target is None or fact in known:
                    continue
                if not in_office(role.start, role.end, published):
                    continue
                known.add(fact)
                found.append(_said_of_person(role.type, person, key, first_named[target], target, sentence_of))
        return found

    def offices_of_named_bodies(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        relations: list[RelationRecord],
        sentence_of: dict[int, int],
    ) -> list[RelationRecord]:
        """A minister or secretary named with the field of his office ("Defence Minister X", "Secretary of State X")
        heads the body of that field the article names ("the Ministry of Defence", "the Department of State"), the
        one named nearest: the title's words are the body's, its own word turned into the body's. Every word of the
        title must be in the body's name ("the Russian Defence Minister" heads no Syrian ministry)."""
        named: list[tuple[Span, str, frozenset[str]]] = [
            (mention, key, frozenset(t.lower_ for t in mention if t.is_alpha))
            for i, mention in enumerate(mentions)
            if (key := entity_of_mention.get(i)) is not None
            and not is_description[i]
            and entities[key].type == "Organisation"
        ]
        known = {(r.type, r.source_key, r.target_key) for r in relations}
        found: list[RelationRecord] = []
        for i, person in enumerate(mentions):
            key = entity_of_mention.get(i)
            if key is None or is_description[i] or entities[key].type != "Person":
                continue
            title = _title_before(person)
            offices = [w for w in title if w in self._office_bodies]
            field = title - set(offices) - _TITLE_LINKS
            if len(offices) != 1 or not field:
                continue
            body_word = self._office_bodies[offices[0]]
            bodies = [(m, k) for m, k, words in named if body_word in words and field <= words]
            if not bodies:
                continue
            body, body_key = min(bodies, key=lambda b: abs(b[0].start - person.start))
            if ("InChargeOf", key, body_key) in known:
                continue
            known.add(("InChargeOf", key, body_key))
            found.append(_said_of_person("InChargeOf", person, key, body, body_key, sentence_of))
        return found

    def _titled(self, person: Span) -> bool:
        """Whether a title is written in the name, just before it ("US Defense Secretary Jim Mattis") or
        in apposition ("Vladimir Putin, the Russian president")."""
        before = []
        for token in reversed(person.doc[max(person.sent.start, person.start - 4) : person.start]):
            if token.pos_ not in ("PROPN", "NOUN", "ADJ") and token.text not in HYPHENS:
                break
            before.append(token)
        appositions = [person.root.head] if person.root.dep_ == "appos" else []
        appositions += [c for c in person.root.children if c.dep_ == "appos"]
        return any(t.lower_ in self._titles for t in [*person, *before, *appositions])

    def sub_event_type(
        self, sub_event_type: str | None, actors: list[tuple[str, str]], entities: dict[str, EntityRecord]
    ) -> str | None:
        """ACLED's sub-event type, as it names the same act by a state otherwise ("the army retook Z":
        Government regains territory)."""
        if sub_event_type not in self._state_sub_event_types:
            return sub_event_type
        for key, role in actors:
            actor = self.kb.get(entities[key].kb_id or "") if role == "source" and key in entities else None
            if actor is not None and actor.category in self._state_categories:
                return self._state_sub_event_types[sub_event_type]
        return sub_event_type


def _said_of_person(
    kind: RelationType, person: Span, key: str, target: Span, target_key: str, sentence_of: dict[int, int]
) -> RelationRecord:
    """A relation the document infers for a named person, with the person's sentence as its evidence."""
    sentence = person.sent
    return RelationRecord(
        type=kind,
        source_key=key,
        target_key=target_key,
        source_begin=person.start_char,
        source_end=person.end_char,
        target_begin=target.start_char,
        target_end=target.end_char,
        sentence=sentence_of[sentence.start],
        evidence_begin=sentence.start_char,
        evidence_end=sentence.end_char,
        precision="unknown",
    )
