"""Which entity an actor of a document is: a KB actor, a place of the index, an entity already in the store, or a
new one. A name written lower case links to a KB actor only as the KB spells it, never by a near spelling or
without its kind word."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from factiongraph.kb import KnowledgeBase
from factiongraph.keys import name_key, spelled_alike, translit_key
from factiongraph.lexicons import Names, NounHeads, lexicon_model
from factiongraph.places import Place, PlaceIndex
from factiongraph.records import Alias, EntityRecord, PlaceRecord
from factiongraph.resolve.clusters import Clusters, is_acronym, is_place
from factiongraph.vocab import ACTOR_TYPES

CandidateFinder = Callable[[list[str], list[str], str], list[tuple[str, str, bool]]]
"""Given name keys, transliteration keys and a type: stored entities that may be the one meant,
as ``(entity key, the matching alias's name key, whether the name key matched exactly)``."""


def place_record(place: Place) -> PlaceRecord:
    return PlaceRecord(place.id, place.latitude, place.longitude, place.precision)


def make_alias(name: str) -> Alias:
    return Alias(name, name_key(name), translit_key(name))


def is_country(entity: EntityRecord | None) -> bool:
    return entity is not None and entity.place is not None and entity.place.precision == "country"


@dataclass
class Linker:
    """Links the clusters of a document's names to their entities, and a description the KB makes clear to its actor."""

    kb: KnowledgeBase
    candidates: CandidateFinder
    places: PlaceIndex
    names: Names

    def __post_init__(self) -> None:
        self._kb_by_key: dict[tuple[str, str], str] = {}
        self._kb_by_translit: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for actor_id, actor_type, name, key, skeleton in self.kb.name_keys:
            self._kb_by_key.setdefault((key, actor_type), actor_id)
            self._kb_by_translit.setdefault((skeleton, actor_type), []).append((name, actor_id))
        area_words = "|".join(map(re.escape, lexicon_model(None, NounHeads).area_words))
        self._area_words = re.compile(rf"\b(?:{area_words})\b|[’']s\b", re.IGNORECASE)
        self._commanders: dict[str, set[str]] = {}
        for actor in self.kb.actors:
            for relation in actor.relations:
                if relation.type == "InChargeOf":
                    self._commanders.setdefault(relation.target, set()).add(actor.id)

    def entities(
        self,
        mentions: list[Span],
        is_description: list[bool],
        clusters: Clusters,
        doc: Doc,
        index_of: dict[tuple[int, int], int],
    ) -> tuple[dict[int, str], dict[str, EntityRecord]]:
        entity_of_mention: dict[int, str] = {}
        entities: dict[str, EntityRecord] = {}
        kb_entity_keys: dict[str, str] = {}
        for root, members in clusters.groups().items():
            names = [mentions[i] for i in members if not is_description[i] and mentions[i].label_ in ACTOR_TYPES]
            kb_id = clusters.kb_id[root]
            if not names or (not kb_id and all(m.label_ == "Nationality" for m in names)):
                continue
            entity = self.entity_for(names, kb_id)
            if entity.key in entities:
                known = entities[entity.key]
                entity = replace(known, aliases=tuple(dict.fromkeys([*known.aliases, *entity.aliases])))
            entities[entity.key] = entity
            if kb_id:
                kb_entity_keys[kb_id] = entity.key
            for i in members:
                entity_of_mention[i] = entity.key
        self._resolve_descriptions_by_kb(doc, clusters, is_description, index_of, entity_of_mention, kb_entity_keys)
        return entity_of_mention, entities

    def _resolve_descriptions_by_kb(
        self,
        doc: Doc,
        clusters: Clusters,
        is_description: list[bool],
        index_of: dict[tuple[int, int], int],
        entity_of_mention: dict[int, str],
        kb_entity_keys: dict[str, str],
    ) -> None:
        """ "the commander of X" stands for the one actor of this document the KB says commands X."""
        for found in doc._.fg_relations:
            source = index_of[(found.source.start, found.source.end)]
            if found.type != "InChargeOf" or not is_description[source] or source in entity_of_mention:
                continue
            target_kb = clusters.kb_id[clusters.find(index_of[(found.target.start, found.target.end)])]
            candidates = {kb_entity_keys[c] for c in self._commanders.get(target_kb, ()) if c in kb_entity_keys}
            if len(candidates) == 1:
                entity_of_mention[source] = candidates.pop()

    def entity_for(self, names: list[Span], kb_id: str) -> EntityRecord:
        surface = list(dict.fromkeys(m.text for m in names))
        if is_place(kb_id) and (place := self.places.get(kb_id)):
            return self._place_entity(place, surface)
        actor = self.kb.get(kb_id) if kb_id else None
        if actor is not None:
            return self.kb_entity(actor.id, surface)
        kind = max((m.label_ for m in names), key=[m.label_ for m in names].count)
        canonical = max(surface, key=lambda n: (not is_acronym(n), len(n)))
        canonical = canonical[4:] if canonical.lower().startswith("the ") else canonical
        if kind == "Location" and (place := self.places.lookup(canonical)):
            return self._place_entity(place, surface)
        key = self._stored_entity(surface, kind) or f"{kind.lower()}:{name_key(canonical)}"
        return EntityRecord(
            key=key, type=kind, name=canonical, aliases=tuple(make_alias(n) for n in [canonical, *surface])
        )

    def kb_entity(self, actor_id: str, surface: list[str]) -> EntityRecord:
        actor = self.kb.get(actor_id)
        assert actor is not None
        place = self.places.lookup(actor.name) if actor.type == "Location" else None
        return EntityRecord(
            key=f"kb:{actor.id}",
            type=actor.type,
            name=actor.name,
            kb_id=actor.id,
            aliases=tuple(make_alias(n) for n in dict.fromkeys([*actor.all_names(), *surface])),
            place=place_record(place) if place else None,
        )

    def _place_entity(self, place: Place, surface: list[str]) -> EntityRecord:
        """A place's node. An area named after its town ("Idlib Governorate", "Latakia countryside"), not
        after a river or a country, is the node of the name analysts use for both ("Idlib"), as the KB or the
        index knows it. That node keeps the area's own names: an area written in Arabic ("ريف حلب الغربي")
        is then on the node of its English name ("western countryside of Aleppo"), not of the town's alone."""
        names = [place.name, *surface, *place.names]
        if place.kind in ("governorate", "region", "district"):
            # named after a town by its own name ("Idlib Governorate") or as the text writes it ("Damascus countryside")
            for written in dict.fromkeys([place.name, *surface]):
                base = " ".join(self._area_words.sub(" ", written).split())
                town = self.places.lookup(base)
                if town is None or town.precision != "town":  # not a river's or a country's: "east of the Euphrates"
                    continue
                if actor_id := self._kb_by_key.get((name_key(base), "Location")):
                    return self.kb_entity(actor_id, names)
                place, names = town, [town.name, *names, *town.names]
                break
        return EntityRecord(
            key=f"place:{place.id}",
            type="Location",
            name=place.name,
            aliases=tuple(make_alias(n) for n in dict.fromkeys(names)),
            place=place_record(place),
        )

    def kb_actor(self, text: str, kind: str) -> str:
        """The KB actor of this type named ``text`` in any spelling the keys fold, with or without a
        group's kind word, or spelt alike (:func:`~factiongraph.keys.spelled_alike`), or "".

        A name written lower case is linked by its key alone: a description is never taken for a
        capitalised name by a near spelling or without its kind word."""
        key = name_key(text)
        if not self.names.capitalised(text):
            return self._kb_by_key.get((key, kind), "")
        bare = self.names.without_kind(key) if kind == "Organisation" else key
        if exact := self._kb_by_key.get((key, kind)) or self._kb_by_key.get((bare, kind)):
            return exact
        similar = {
            actor_id
            for name in dict.fromkeys((key, bare))
            for known, actor_id in self._kb_by_translit.get((translit_key(name), kind), [])
            if spelled_alike(name, known, self.names.similarity)
        }
        return similar.pop() if len(similar) == 1 else ""

    def family_names(self, mentions: list[Span], is_description: list[bool], kb_ids: list[str]) -> None:
        """A person's last name alone, spelt as the KB spells it for a person the article names in full, is that
        person ("Daglo" after "Mohamed Hamdan Dagalo", whom the KB also spells "Mohamed Hamdan Daglo"): the
        KB vouches for the spelling, the article's full name for the sound (one skeleton, so a given name the
        KB lists in a long form is not taken for a last name); a name two such people share stays unlinked."""
        sounds: dict[str, set[str]] = {}  # KB person of the article -> skeletons of the last names it is written with
        for kb_id, mention, description in zip(kb_ids, mentions, is_description, strict=True):
            if kb_id and not description and mention.label_ == "Person" and len(words := mention.text.split()) > 1:
                sounds.setdefault(kb_id, set()).add(translit_key(words[-1]))
        last_names: dict[str, set[str]] = {}
        for person in sounds:
            actor = self.kb.get(person)
            for spelling in actor.all_names() if actor is not None else ():
                words = name_key(spelling).split()
                if len(words) > 1 and spelling.isascii() and translit_key(words[-1]) in sounds[person]:
                    last_names.setdefault(words[-1], set()).add(person)
        for i, mention in enumerate(mentions):
            if kb_ids[i] or is_description[i] or mention.label_ != "Person" or len(mention) != 1:
                continue
            found = last_names.get(name_key(mention.text), set())
            if len(found) == 1:
                kb_ids[i] = next(iter(found))

    def _stored_entity(self, surface: list[str], kind: str) -> str | None:
        """The stored entity these names are, when exactly one fits by name (a group's with or without
        its kind word) or by confirmed spelling."""
        keys = list(dict.fromkeys(name_key(n) for n in surface))
        exact_keys = keys
        if kind == "Organisation":
            capitalised = [name_key(n) for n in surface if self.names.capitalised(n)]
            exact_keys = list(
                dict.fromkeys(keys + [k for c in capitalised for k in self.names.with_and_without_kind(c)])
            )
        found = self.candidates(exact_keys, list(dict.fromkeys(translit_key(n) for n in surface)), kind)
        exact = {entity for entity, _, is_exact in found if is_exact}
        if exact:
            return exact.pop() if len(exact) == 1 else None
        similar = {
            entity
            for entity, alias, _ in found
            if any(spelled_alike(k, alias, self.names.similarity, min_words=1) for k in keys)
        }
        return similar.pop() if len(similar) == 1 else None
