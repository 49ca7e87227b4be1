"""What a description or a pronoun of a document stands for ("the group", "its", "the city", "the latter", "government
forces"): the actor the text or the KB makes clear; one that stays alone is left out of the graph."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from factiongraph import lexicons
from factiongraph.kb import KnowledgeBase
from factiongraph.keys import name_key
from factiongraph.lexicons import Names, NounHeads, Pronouns, VerbRelations, lexicon_model
from factiongraph.nlp.mentions import referent_of
from factiongraph.nlp.spans import FoundRelation, opens_dateline, past_dateline
from factiongraph.places import Place, PlaceIndex, capital_names
from factiongraph.records import EntityRecord
from factiongraph.resolve.linking import Linker, is_country, make_alias
from factiongraph.resolve.timing import in_office
from factiongraph.settings import setting

_REFER_BACK_SENTENCES = setting("refer_back_sentences")
_TOPIC_MENTIONS = setting("topic_mentions")
_WORD = re.compile(r"[a-z]+")
_ARGUMENT_LINKS = frozenset({"dobj", "dative", "pobj", "prep", "attr", "oprd"})
_OBJECTS = frozenset({"dobj", "dative", "pobj"})
_INSIDE_A_PHRASE = frozenset({"conj", "pobj", "prep", "poss", "compound", "amod", "nmod", "appos"})


def _names_inside(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str], label: str
) -> dict[int, list[int]]:
    """For each place description, the resolved names of type ``label`` written inside it. Mentions are
    sorted by start, longest first, so what a mention holds follows it."""
    inside: dict[int, list[int]] = {}
    for i, outer in enumerate(mentions):
        if not is_description[i] or outer.label_ != "Location":
            continue
        j = i + 1
        while j < len(mentions) and mentions[j].start < outer.end:
            inner = mentions[j]
            named = not is_description[j] or inner.root.dep_ == "poss"  # "the city's eastern neighbourhoods"
            if inner.end <= outer.end and inner.label_ == label and named and j in entity_of_mention:
                inside.setdefault(i, []).append(j)
            j += 1
    return inside


def areas_named_after_actors(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]
) -> dict[int, int]:
    """Place descriptions named after one actor ("the National Army areas"), mapped to that actor's mention:
    meeting or fighting "the National Army areas" is meeting or fighting the National Army."""
    named = _names_inside(mentions, is_description, entity_of_mention, "Organisation")
    return {i: actors[0] for i, actors in named.items() if len(actors) == 1}


def _heads_named_with(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str], heads: frozenset[str]
) -> dict[str, set[str]]:
    """The heads of the place descriptions each place was named with ("the town of Jasim", "the al-Maqwas
    neighbourhood", "Khasham, the village"): what the text calls it, so that "the town", "the neighbourhood" later
    stands for it before a nearer place of another kind. The name before the head is the one called so, else the
    one after its "of"."""
    named_at = {m.root.i: i for i, m in enumerate(mentions) if not is_description[i] and m.label_ == "Location"}
    called: dict[str, set[str]] = {}
    for i, mention in enumerate(mentions):
        root = mention.root
        if not is_description[i] or mention.label_ != "Location" or root.lemma_.lower() not in heads:
            continue
        children = list(root.children)
        before = [c for c in children if c.dep_ in ("compound", "amod", "nmod") and c.i in named_at]
        after = [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        beside = [c for c in children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        for token in before or [*after, *beside]:
            for named in [token, *token.conjuncts]:
                key = entity_of_mention.get(named_at.get(named.i, -1))
                if key is not None and entity_of_mention.get(i, key) == key:  # "Qamishli airport" is no town's name
                    called.setdefault(key, set()).add(root.lemma_.lower())
    return called


def _in_relative_clause(mention: Span) -> bool:
    """Whether a mention is inside a relative clause ("which many in B expect")."""
    return any(t.dep_ == "relcl" for t in mention.root.ancestors)


def _listed_together(nearer: Span, farther: Span) -> bool:
    """Whether two mentions are neighbours in one list ("Ain Issa and Tal Tamr", "A, B"): equally near to what
    comes after them."""
    between = nearer.doc[farther.end : nearer.start]
    return nearer.sent == farther.sent and 0 < len(between) and all(t.lower_ in (",", "and", "or") for t in between)


def _capitalised_word(token: Token) -> bool:
    """A word of a name: a capitalised proper noun."""
    return token.text[:1].isupper() and token.pos_ == "PROPN"


def _names_a_facility(token: Token) -> bool:
    """A word that may name a facility: a proper noun or one with a digit ("Brigade 93", "M5")."""
    return token.pos_ == "PROPN" or any(c.isdigit() for c in token.text)


def _is_subject(mention: Span) -> bool:
    """Whether a mention is, or is listed with, the subject of its clause."""
    token = mention.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"))


def _clause_subject(pronoun: Span, before: list[Span], candidates: list[int]) -> int | None:
    """The actor a possessive is bound to: the subject of the clause it sits in, or of the verb that clause is
    joined to or controlled by ("the alliance honoured X, killed fighting Y, and thanked its partners"), not the
    nearest actor named. ``candidates`` are the indices into ``before`` that agree with the pronoun."""
    root = pronoun.root
    if root.tag_ != "PRP$":
        return None
    verb = _clause_of(root.head)
    clause = [verb]
    singular = root.morph.get("Number") == ["Sing"]
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if singular and (len(subjects) > 1 or (subjects and subjects[0].conjuncts)) and verb.dep_ == "ccomp":
            # "X announced that A, B and C have joined its ranks": "its" is none of a list, but who reports it
            subjects, verb = [], _clause_of(verb.head)
            clause.append(verb)
            continue
        if subjects or verb.dep_ not in ("conj", "xcomp") or verb.head == verb:
            break
        verb = verb.head
        clause.append(verb)
    if not subjects:
        return None
    since = [j for j in candidates if before[j].start > subjects[0].i]
    if any(_argument_of(before[j].root) in clause for j in since):
        return None  # "placed sanctions on the company over its role": an object of the clause named since is nearer
    return next((j for j in candidates if before[j].root == subjects[0]), None)


def _argument_of(token: Token) -> Token:
    """The word a noun is an object of, through prepositions and their nouns ("sanctions on the company": the
    verb that takes "sanctions"); the noun itself when it is no object ("SDF" in "SDF fighters")."""
    while token.dep_ in _ARGUMENT_LINKS and token.head != token:
        token = token.head
    return token


def _clause_of(token: Token) -> Token:
    """The verb of the clause a word is part of: the first verb above it."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def _bound_by_role(pronoun: Span, candidates: list[Span], indices: list[int]) -> list[int]:
    """The actors, nearest first, a pronoun may stand for by its role in its clause: an object ("drove them out")
    is none named in the subject of its own clause ("X and its allies drove them out"); a subject ("they fought
    Y") named in no sentence of its own before it is the nearest named in the subject of a clause, one that acts,
    before one a clause acts on ("X fought Y around Z. In 2018 they ...": X), not one that only reports what others
    did ("the Observatory said ...") nor the subject of a clause that describes a noun ("a district Y had held")."""
    root = pronoun.root
    if root.tag_ != "PRP":
        return indices
    if root.dep_ in _OBJECTS:
        clause = root.head.head if root.dep_ == "pobj" else root.head
        if clause.pos_ != "VERB":
            return indices  # "many of them": no argument of a verb
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        own = {t.i for s in subjects for t in s.subtree}
        return [j for j, m in zip(indices, candidates, strict=True) if m.root.i not in own]
    if root.dep_ not in ("nsubj", "nsubjpass") or (candidates and candidates[0].sent == pronoun.sent):
        return indices  # "accusing the group of abuses in areas it controls": the nearest, named in its sentence
    acting = [
        j
        for j, m in zip(indices, candidates, strict=True)
        if _in_subject(m) and not _speaks(m) and not _in_relative_clause(m)
    ]
    return acting or indices


def _reporting_subject(
    pronoun: Span, before: list[Span], entity_of_mention: dict[int, str], entities: dict[str, EntityRecord]
) -> int | None:
    """The subject of the verb whose reported clause a pronoun is the subject of ("X said on Telegram that it
    was leaving", "Turkey said it was in contact with Russia"): the one who speaks of itself, a state too."""
    root = pronoun.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "ccomp":
        return None
    governor = root.head.head
    # "QAMISHLI, Syria (Wire) — X, a force allied with Y, said that it ...": the parser makes the dateline's place
    # the subject, X its apposition
    subjects = past_dateline([c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")])
    for j in range(len(before) - 1, -1, -1):
        if j and _inside_a_name_of(before[j - 1], before[j], pronoun.label_, entity_of_mention.get(j - 1), entities):
            continue  # "US Central Command said that it had ...": the command, not the state that opens its name
        head = before[j].root  # "the Liwa al-Quds militia said": the name inside the subject's phrase too
        while head.dep_ in ("conj", "compound", "nmod", "poss") and head.head != head:
            head = head.head
        if head in subjects and (key := entity_of_mention.get(j)):
            entity = entities.get(key)
            if entity is not None and (entity.type == pronoun.label_ or is_country(entity)):
                return j
    return None


def _inside_a_name_of(outer: Span, inner: Span, label: str, key: str | None, entities: dict[str, EntityRecord]) -> bool:
    """Whether ``inner`` lies inside ``outer``, a name of an actor of the kind ``label`` names."""
    entity = entities.get(key) if key else None
    contains = outer.start <= inner.start and inner.end <= outer.end and len(outer) > len(inner)
    return contains and entity is not None and entity.type == label


@dataclass(frozen=True)
class _Agreement:
    """Which actors a description's head can stand for (``data/lexicons/references.json``): KB categories or
    gazetteer kinds, words of a name or KB description, and whether one neither knows may be meant."""

    kinds: frozenset[str]
    words: frozenset[str]
    unlisted: bool


def _in_subject(mention: Span) -> bool:
    """Whether a mention is the subject of its clause or inside it ("a spokesman for the YPG said")."""
    token = mention.root
    while token.dep_ in _INSIDE_A_PHRASE and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"))


def _commands(candidate: Span, mention: Span) -> bool:
    """Whether a candidate is the subject of a verb that governs the mention: "the SDF said the group ..."
    speaks of another group, as a name would have been repeated or "it" used."""
    token = candidate.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head in list(mention.root.ancestors)


def _acts_on(candidate: Span, mention: Span) -> bool:
    """Whether a candidate is named inside the subject of a verb that governs the mention ("fighters of X,
    backed by Y, fought the attackers"): the one acting on what the mention names."""
    token = candidate.root
    while (token.dep_ in _INSIDE_A_PHRASE or token.dep_ == "acl") and token.head != token:  # "X, known as Y"
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head in list(mention.root.ancestors)


def _speaks(mention: Span) -> bool:
    """Whether a mention is the subject of a verb that reports a clause ("the Observatory said more than 500
    were killed"): a source of the story, not one of the actors a later "the group" acts as."""
    token = mention.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in token.head.children)


def _salient(candidates: list[Span], mention: Span, indices: list[int], entity_of_mention: dict[int, str]) -> list[int]:
    """Which of the actors that agree with a description, named in its sentence before it or in the two before,
    it stands for, nearest first: one named inside the subject of its own sentence ("a spokesman for the YPG
    said the group ..."); else the only one named there; else the subjects of the sentences before, or else
    one named inside them ("the Islamic State's war ... the group's fighters"), none that only reports
    what others did ("the Observatory said ..."). Never
    the subject of a verb that governs it ("the SDF said the group ...")."""
    here = mention.sent.start
    allowed = [
        (j, m) for j, m in zip(indices, candidates, strict=True) if not (m.start >= here and _commands(m, mention))
    ]
    inside = [j for j, m in allowed if m.start >= here and _in_subject(m) and not _is_subject(m)]
    if inside:
        return inside
    if len({entity_of_mention[j] for j, _ in allowed}) == 1:
        return [allowed[0][0]]
    before = [(j, m) for j, m in allowed if m.start < here and not _speaks(m)]
    return [j for j, m in before if _is_subject(m)] or [j for j, m in before if _in_subject(m)]


def _names_inside_any(i: int, mentions: list[Span], is_description: list[bool]) -> bool:
    """Whether a mention holds the name of an actor or a place (a people's name, "the Kurdish militia", is
    none). Mentions are sorted by start, longest first, so what a mention holds follows it."""
    j = i + 1
    while j < len(mentions) and mentions[j].start < mentions[i].end:
        if not is_description[j] and mentions[j].label_ in ("Person", "Organisation", "Location"):
            return True
        j += 1
    return False


def _topic(earlier: list[int], entity_of_mention: dict[int, str]) -> list[int]:
    """The one actor or place of a kind that an article is about, when a description finds none named near it:
    the one named before it at least three times and twice as often as any other of its kind."""
    ranked = Counter(entity_of_mention[j] for j in earlier).most_common(2)
    if not ranked or ranked[0][1] < _TOPIC_MENTIONS or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return []
    return [next(j for j in earlier if entity_of_mention[j] == ranked[0][0])]


def article_country(mentions: list[Span], is_description: list[bool], places: PlaceIndex) -> str | None:
    """The country most of the places an article names lie in (ISO code): where its story happens, by its
    towns and regions first (an article about US strikes in Syria names the United States often, and is set
    in Syria), else by the countries it names."""
    named = [
        p
        for i, m in enumerate(mentions)
        if m.label_ == "Location" and not is_description[i] and (p := places.lookup(m.text))
    ]
    inside = [p.country for p in named if p.precision != "country"] or [p.country for p in named]
    return max(dict.fromkeys(inside), key=inside.count) if inside else None


def groups_led(
    relations: list[FoundRelation],
    index_of: dict[tuple[int, int], int],
    is_description: list[bool],
    entity_of_mention: dict[int, str],
) -> dict[str, int]:
    """The one named group the document says each person leads ("the RSF, led by X"), by the person's entity: a
    mention of the group."""
    led: dict[str, dict[str, int]] = {}
    for relation in relations:
        if relation.type != "InChargeOf" or relation.source.label_ != "Person":
            continue
        person = index_of[(relation.source.start, relation.source.end)]
        group = index_of[(relation.target.start, relation.target.end)]
        if relation.target.label_ != "Organisation" or is_description[group] or is_description[person]:
            continue
        if person in entity_of_mention and group in entity_of_mention:
            led.setdefault(entity_of_mention[person], {}).setdefault(entity_of_mention[group], group)
    return {person: next(iter(groups.values())) for person, groups in led.items() if len(groups) == 1}


def men_named_after_actors(
    mentions: list[Span],
    is_description: list[bool],
    entity_of_mention: dict[int, str],
    speak_for: frozenset[str],
    constituents: frozenset[str] = frozenset(),
    led: dict[str, int] | None = None,
) -> dict[int, int]:
    """Plural group descriptions that name one group ("HTS fighters", "fighters of the NLF", "the Hamza
    Division's men", "its fighters" once "its" is resolved), or the man who leads it, where the document says
    whom he leads (``led``: "X's forces" after "the RSF, led by X"), and nameless officials of one ("an HTS
    official"), mapped to that group's mention: what its men do, it does. A singular group description ("a
    faction of the SNA") is a unit of the group, not the group, and is left alone; so are the people a group
    speaks for ("our people", "their families", ``constituents``), who are not its men."""
    led = led or {}
    found: dict[int, int] = {}
    for i, outer in enumerate(mentions):
        men = outer.label_ == "Organisation" and outer.root.tag_ in ("NNS", "NNPS")
        men = men and outer.root.lemma_.lower() not in constituents and outer.root.lower_ not in constituents
        # "an HTS official", "a YPG spokesman": a nameless one who speaks or acts for the group
        envoy = outer.label_ == "Person" and outer.root.lemma_.lower() in speak_for and i not in entity_of_mention
        if not is_description[i] or not (men or envoy):
            continue
        inner = [
            j
            for j in range(i + 1, len(mentions))
            if mentions[j].start < outer.end
            and mentions[j].end <= outer.end
            and mentions[j].label_ == "Organisation"
            and (not is_description[j] or mentions[j].root.dep_ == "poss")  # "its fighters", "the group's men"
            and j in entity_of_mention
        ]
        if len({entity_of_mention[j] for j in inner}) == 1:
            found[i] = inner[0]
        elif men and not inner:  # "Hemedti's forces": the group its leader's name stands for
            leaders = [
                led[entity_of_mention[j]]
                for j in range(i + 1, len(mentions))
                if mentions[j].end <= outer.end
                and mentions[j].label_ == "Person"
                and mentions[j].root.dep_ == "poss"
                and entity_of_mention.get(j) in led
            ]
            if len(leaders) == 1:
                found[i] = leaders[0]
    return found


def resolve_appositions(mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]) -> None:
    """A description in apposition to a name is that name's: "the Salvation Government, the civil
    administration aligned with HTS", "the Manbij Military Council, a local force allied with the SDF"; so is
    one whose head is the name's own ("the Syrian army's Fourth Division": the Syrian army)."""
    named_at = {m.root.i: i for i, m in enumerate(mentions) if not is_description[i] and i in entity_of_mention}
    named_ending_at = {mentions[i].end: i for i in sorted(named_at.values(), reverse=True)}
    for i, mention in enumerate(mentions):
        if not is_description[i] or i in entity_of_mention:
            continue
        same_head = named_at.get(mention.root.i)
        if same_head is not None and mentions[same_head].label_ == mention.label_:
            entity_of_mention[i] = entity_of_mention[same_head]
            continue
        # "X, the civil administration ..." and "the SDF's internal security forces, the Asayish"
        beside = [mention.root.head] if mention.root.dep_ == "appos" else []
        # not a list the parser hung on it ("Fighters of A, B and C": B is no name of the fighters)
        beside += [
            c for c in mention.root.children if c.dep_ == "appos" and not any(g.dep_ == "conj" for g in c.children)
        ]
        named = [j for t in beside if (j := named_at.get(t.i)) is not None and mentions[j].label_ == mention.label_]
        if not named and (j := _set_off_after_a_name(mention, named_ending_at)) is not None:
            named = [j] if mentions[j].label_ == mention.label_ else []
        if named:
            entity_of_mention[i] = entity_of_mention[named[0]]


def _set_off_after_a_name(description: Span, named_ending_at: dict[int, int]) -> int | None:
    """The name a description follows, set off by a comma, where the parser hung the description elsewhere ("merged
    into the SNA, the Turkish-backed force that ..."); not an item of a list ("the SNA, government forces and
    the YPG"), nor the subject after a phrase that opens the clause ("Within the SNA, the division has ...")."""
    doc, start, end = description.doc, description.start, description.end
    if start < 2 or doc[start - 1].text != "," or description.root.dep_ == "conj":
        return None
    following = [t.lower_ for t in doc[end : end + 2]]
    if following[:1] in (["and"], ["or"]) or following in ([",", "and"], [",", "or"]):
        return None
    named = named_ending_at.get(start - 1)
    if named is None:
        return None
    if description.root.dep_ in ("nsubj", "nsubjpass") and description.root.head.i > end:
        opening = doc[start - 2]
        while opening.dep_ not in ("pobj", "ROOT") and opening.head != opening:
            opening = opening.head
        if opening.dep_ == "pobj" and opening.head.head == description.root.head:
            return None
    return named


def resolve_latter_and_former(
    mentions: list[Span],
    is_description: list[bool],
    index_of: dict[tuple[int, int], int],
    entity_of_mention: dict[int, str],
) -> None:
    """ "the latter" and "the former" are the actor they refer back to."""
    names = [m for i, m in enumerate(mentions) if not is_description[i]]
    for i, mention in enumerate(mentions):
        if is_description[i] and mention.text.lower() in ("the latter", "the former"):
            referent = referent_of(mention, names)
            if referent is not None and (j := index_of[(referent.start, referent.end)]) in entity_of_mention:
                entity_of_mention[i] = entity_of_mention[j]


def resolve_places_by_name(
    mentions: list[Span],
    is_description: list[bool],
    entity_of_mention: dict[int, str],
    facilities: frozenset[int] = frozenset(),
    entities: dict[str, EntityRecord] | None = None,
) -> None:
    """A place description that names one place ("the towns of Ras al-Ain", "the Atma area",
    "the southern Turkish city of Şanlıurfa") stands for that place; a named facility ("Qamishli airport",
    ``facilities``) stays a place of its own, and so does one a country's name comes before ("a small US base",
    "a Turkish border post"): whose the place is, not which."""
    for i, places in _names_inside(mentions, is_description, entity_of_mention, "Location").items():
        if i in facilities or len(named := {entity_of_mention[j] for j in places}) != 1:
            continue
        country = entities is not None and is_country(entities.get(entity_of_mention[places[0]]))
        if country and all(
            mentions[j].root.head == mentions[i].root and mentions[j].root.dep_ in ("compound", "amod", "nmod")
            for j in places
        ):
            continue
        entity_of_mention[i] = named.pop()


@dataclass
class References:
    """Resolves a document's descriptions and pronouns to the entities its names were linked to."""

    kb: KnowledgeBase
    places: PlaceIndex
    linker: Linker

    def __post_init__(self) -> None:
        heads = lexicon_model(None, NounHeads)
        self._refer_back = {word: kind for kind, words in heads.refer_back.items() for word in words}
        references = lexicon_model(None, lexicons.References)
        self._agreements = {
            **{
                head: _Agreement(rule.categories, rule.words, rule.unlisted) for head, rule in references.groups.items()
            },
            **{head: _Agreement(rule.kinds, rule.words, rule.unlisted) for head, rule in references.places.items()},
        }
        self._place_nouns = heads.place
        self.personal_pronouns = frozenset(lexicon_model(None, Pronouns).personal)
        self._group_name_words = heads.group_name_words.first | heads.group_name_words.last
        self._kind_words = self._place_nouns | {w for rule in references.groups.values() for w in rule.words}
        self.speak_for = heads.speak_for
        self.constituents = references.constituents
        self._facilities = heads.facilities
        self._government_words = heads.government
        self._determiners = references.determiners
        self._parts = references.parts
        self._capital_heads = references.capitals
        self._role_plurals = references.role_plurals
        self._line_heads = references.line_heads
        self._line_preps = references.line_preps
        self._first_person = references.first_person
        self._statement_nouns = references.statement_nouns
        self._statement_openers = references.statement_openers
        self._author_preps = references.author_preps
        self._judgements = lexicon_model(None, VerbRelations).judgement_type
        self._capitals = frozenset(
            found.id
            for country, name in capital_names().items()
            if (found := self.places.lookup(name)) is not None and found.country == country
        )
        names = lexicon_model(None, Names)
        self._particles = names.particles
        self._list_words = names.list_conjunctions | {","}
        self._title_links = names.joining_words - names.list_conjunctions - names.definite
        self._named_heads = {
            "Organisation": frozenset(heads.group_name_words.last | set(heads.refer_back.get("Organisation", ()))),
            "Location": (heads.place - heads.facilities) | heads.named_features,
        }
        self._government_plain = self._government_words | heads.government_bodies | self._determiners
        self._governments: dict[str, list[str]] = {}
        for actor in self.kb.actors:
            state = self.kb.get(actor.government_of) if actor.government_of else None
            place = self.places.lookup(state.name) if state else None
            if place is not None and place.precision == "country":
                self._governments.setdefault(place.country, []).append(actor.id)

    def resolve_personal_pronouns(
        self,
        mentions: list[Span],
        is_description: list[bool],
        sentence_of: dict[int, int],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
    ) -> None:
        """ "he", "his", "she" stand for the person last named in this or the previous sentence,
        when the people named there since are one person; otherwise they stay unresolved."""
        for i, mention in enumerate(mentions):
            if not is_description[i] or mention.text.lower() not in self.personal_pronouns or i in entity_of_mention:
                continue
            window = sentence_of[mention.start] - 1
            named = {
                entity_of_mention[j]
                for j in range(i)
                if not is_description[j]
                and sentence_of[mentions[j].start] >= window
                and entity_of_mention.get(j) in entities
                and entities[entity_of_mention[j]].type == "Person"
            }
            if len(named) == 1:
                entity_of_mention[i] = named.pop()

    def resolve_first_person(
        self, mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]
    ) -> int | None:
        """ "we", "our", "us" in the text of a statement are the group that issued it, when a sentence that
        introduces the text names one as its author ("The following statement was issued by the media office of
        X"): a statement speaks of its author in the first person, whoever it names last. Not inside quotation
        marks, where someone else may speak. Returns the author's mention, if the text names one."""
        authors = [i for i, m in enumerate(mentions) if i in entity_of_mention and self._issues_the_statement(m)]
        if len({entity_of_mention[i] for i in authors}) != 1:
            return None
        introduced = mentions[authors[0]].start
        for i, mention in enumerate(mentions):
            if (
                is_description[i]
                and i not in entity_of_mention
                and mention.start > introduced
                and mention.text.lower() in self._first_person
                and not any(t.is_quote for t in mention.sent)
            ):
                entity_of_mention[i] = entity_of_mention[authors[0]]
        return authors[0]

    def judged_by_the_author(self, mentions: list[Span], author: int | None) -> list[FoundRelation]:
        """What the text of a statement calls an actor is what its author thinks of it ("the criminal X regime",
        "the Russian occupier": verb_relations.json's judgements, as an adjective on the actor's name or as the
        noun a people's adjective describes), outside quotation marks, where someone else may speak."""
        if author is None:
            return []
        found = []
        for mention in mentions[author + 1 :]:
            if mention.label_ not in ("Organisation", "Person", "Nationality") or any(t.is_quote for t in mention.sent):
                continue
            root = mention.root
            words = [c.lower_ for c in root.children if c.dep_ == "amod"]
            if mention.label_ == "Nationality" and root.dep_ == "amod":
                words.append(root.head.lower_)
            kinds = {self._judgements[word] for word in words if word in self._judgements}
            found += [FoundRelation(kind, mentions[author], mention, mention.sent, "judgement") for kind in kinds]
        return found

    def _issues_the_statement(self, mention: Span) -> bool:
        """Whether a group is named as the author of a statement its sentence introduces ("the following statement
        was issued by X", "a translation of a statement published by the general command of X", "X's statement")."""
        if mention.label_ != "Organisation" or not any(t.lower_ in self._statement_openers for t in mention.sent):
            return False
        token = mention.root
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head  # "by the media office of X": a body of X speaks for it
        if token.dep_ == "poss":
            return token.head.lemma_.lower() in self._statement_nouns
        if token.dep_ != "pobj" or token.head.lower_ not in self._author_preps:
            return False
        holder = token.head.head
        if holder.pos_ != "VERB":  # "a statement from X"
            return holder.lemma_.lower() in self._statement_nouns
        issued = [holder.head] if holder.dep_ in ("acl", "relcl") else []  # "a statement published by X"
        issued += [c for c in holder.children if c.dep_ == "nsubjpass"]  # "the statement was issued by X"
        return any(t.lemma_.lower() in self._statement_nouns for t in issued)

    def resolve_references(
        self,
        mentions: list[Span],
        is_description: list[bool],
        sentence_of: dict[int, int],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        home: str | None = None,
    ) -> None:
        """ "the group", "the new army", "the city", "its", "they": what the article named before of that kind.

        A description whose head ends a name written before is that name's ("the new army" after "the
        Syrian National Army", however far back). Otherwise a pronoun is the nearest actor of its kind
        named in its sentence or the two before, a description the nearest that was the subject of one of
        the two sentences before, and a place the nearest town named there (never a country); "the capital" is
        the capital of the article's country (``home``, see :func:`article_country`) named before. A
        description that names something itself is no reference."""
        referred: set[int] = set()  # descriptions resolved here: "the group" said, "the militia" after it
        called = _heads_named_with(mentions, is_description, entity_of_mention, frozenset(self._refer_back))
        # "the SDF, a separatist militia, ... The militia's leaders": what the text called a group it agrees with
        for j, described in enumerate(mentions):
            if is_description[j] and described.label_ == "Organisation" and (key := entity_of_mention.get(j)):
                called.setdefault(key, set()).add(described.root.lemma_.lower())
        for i, mention in enumerate(mentions):
            if not is_description[i] or i in entity_of_mention:
                continue
            role = mention.root.lower_ in self._role_plurals  # "the militants": one group, by what its men do
            kind = "Organisation" if role else self._refer_back.get(mention.root.lower_)
            pronoun = mention.root.tag_ in ("PRP", "PRP$", "RB")  # "its", "they", and "there" for a place
            # "the group", "the new body", "the city": a determiner, modifiers and a singular head, nothing after
            plain = (
                mention[0].lower_ in self._determiners
                and (mention.root.tag_ in ("NN", "NNP") or role)  # "the group", "the Coalition", "the militants"
                and mention.root.i == mention.end - 1
            )
            plain = plain and not _names_inside_any(i, mentions, is_description)  # "the UN envoy", "the GNU's ministry"
            if kind is None or not (pronoun or plain) or mention.label_ != kind:
                continue
            if mention.root.lower_ in self._line_heads and mention.root.head.lower_ in self._line_preps:
                continue  # "on the northern front": a battle line, no group
            agreeing = mention.root.lower_
            if agreeing in self._parts:  # "the town centre" is the town's: it agrees as "the town" would
                whole = [
                    c.lower_ for c in mention.root.children if c.dep_ == "compound" and c.lower_ in self._agreements
                ]
                if not whole:
                    continue
                agreeing = whole[0]
            earlier = [
                j
                for j in range(i - 1, -1, -1)
                # a pronoun takes up a description already resolved too: "accusing the group of ... in areas it
                # controls"
                if (
                    not is_description[j] or (pronoun and mentions[j].root.tag_ not in ("PRP", "PRP$")) or j in referred
                )
                and mentions[j].end <= mention.start
                and (key := entity_of_mention.get(j)) in entities
                and entities[key].type == kind
                and not (kind == "Location" and is_country(entities[key]))
                and not (kind == "Organisation" and opens_dateline(mentions[j]))  # "MOGADISHU — ..." is no group
                and (pronoun or self._agrees(agreeing, entities[key]) or agreeing in called.get(key, ()))
            ]
            head = mention.root.lemma_.lower()
            named_alike = [j for j in earlier if not pronoun and mentions[j][-1].lemma_.lower() == head]
            here = sentence_of[mention.start]
            near = [j for j in earlier if sentence_of[mentions[j].start] >= here - _REFER_BACK_SENTENCES]
            if kind == "Organisation" and not pronoun:
                if (
                    role
                ):  # "X fought the attackers": who acts on them is none of them; the story's attackers, however far
                    near = [j for j in earlier if not _acts_on(mentions[j], mention)]
                near = _salient([mentions[j] for j in near], mention, near, entity_of_mention)
                first = sentence_of[mentions[near[0]].start] if near else here
                if role and len({entity_of_mention[j] for j in near if sentence_of[mentions[j].start] == first}) > 1:
                    continue  # "A and B stormed Z. The militants ...": either of two equally near
            elif kind == "Person" and not pronoun:
                near = [j for j in near if _is_subject(mentions[j]) and sentence_of[mentions[j].start] < here]
            elif kind == "Location":
                # "the capital" is one however far back; "the town" the nearest one called a town in the sentence
                # of the nearest place ("the town of X, in the countryside of Y"), if any was
                if agreeing in self._capital_heads:
                    near = [
                        j for j in earlier if home is None or self._in_country(entities[entity_of_mention[j]], home)
                    ]
                nearest = sentence_of[mentions[near[0]].start] if near else here
                # "Attention turned to A, which many in B expect ...": a place of a clause that describes a noun is
                # background to one of the sentence's own clause
                same = [j for j in near if sentence_of[mentions[j].start] == nearest]
                background = {j for j in same if _in_relative_clause(mentions[j])}
                if len(background) < len(same):
                    near = [j for j in near if j not in background]
                near = [
                    j
                    for j in near
                    if sentence_of[mentions[j].start] == nearest and agreeing in called.get(entity_of_mention[j], ())
                ] or near
                if not named_alike and len(near) > 1 and entity_of_mention[near[0]] != entity_of_mention[near[1]]:
                    if _listed_together(mentions[near[0]], mentions[near[1]]):
                        continue  # "clashes in A and B. The town ...": either of two equally near

            speaker = _reporting_subject(mention, mentions[:i], entity_of_mention, entities) if pronoun else None
            if pronoun and speaker is None:
                speaker = _clause_subject(mention, mentions, earlier)
            if pronoun and speaker is None:
                near = _bound_by_role(mention, [mentions[j] for j in near], near)
            chosen = [speaker] if speaker is not None else (named_alike or near)[:1]
            if not (chosen or pronoun):
                chosen = _topic(earlier, entity_of_mention)
            if chosen:
                entity_of_mention[i] = entity_of_mention[chosen[0]]
                referred.update([i] if kind == "Organisation" else [])

    def _agrees(self, head: str, entity: EntityRecord) -> bool:
        """Whether a description headed by ``head`` can stand for ``entity``: "the company" for a company,
        "the camp" for a camp, "the town" for a town, not a dam (``data/lexicons/references.json``)."""
        agreement = self._agreements.get(head)
        if agreement is None:
            return True
        words = {w for alias in entity.aliases for w in _WORD.findall(alias.name.lower())}
        words |= set(_WORD.findall(entity.name.lower()))
        if entity.type == "Location":
            place = self.places.get(entity.place.id) if entity.place else None
            if head in self._capital_heads:
                return place is not None and place.id in self._capitals
            if place is not None and agreement.kinds & self._kinds(place):
                return True
            if words & agreement.words:
                return True
            return agreement.unlisted and place is None and not words & self._place_nouns
        actor = self.kb.get(entity.kb_id) if entity.kb_id else None
        if actor is not None and actor.category in agreement.kinds:
            return True
        if actor is not None and actor.description:
            words |= set(_WORD.findall(actor.description.lower()))
        if words & agreement.words:
            return True
        # a group's name word makes a group ("Jaysh al-Sunna"), another kind word no group ("Foreign Ministry")
        named_a_group = bool(words & self._group_name_words) or not words & self._kind_words
        return agreement.unlisted and actor is None and named_a_group

    def _in_country(self, entity: EntityRecord, country: str) -> bool:
        """Whether a place lies in the country of this ISO code."""
        place = self.places.get(entity.place.id) if entity.place else None
        return place is not None and place.country == country

    def _kinds(self, place: Place) -> set[str]:
        """A place's kind, and a governorate's for a town it is named after ("the province" after "Suwayda")."""
        region = self.places.get(place.within) if place.within else None
        named_after = (
            region is not None and region.kind == "governorate" and name_key(place.name) in name_key(region.name)
        )
        return {place.kind, "governorate"} if named_after else {place.kind}

    def name_facilities(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
    ) -> dict[int, int]:
        """A facility named by the words before its head ("the Conoco gas field", "the M5 highway", "the
        Qamishli airport") is a place of its own under that name; an unknown name inside it is the
        facility's, a known town's stays the town's. A state's or a people's name is no facility's ("a
        small US base"), nor is the actor of a participle before it ("the Houthi-held X air base").
        Returns each facility's mention, and each known place named inside one, mapped to the facility's
        mention: what is placed at the town a facility is named after is placed at the facility."""
        facility_of: dict[int, int] = {}
        for i, mention in enumerate(mentions):
            if not is_description[i] or i in entity_of_mention or mention.label_ != "Location":
                continue
            root = mention.root
            if root.lower_ not in self._facilities or root.i != mention.end - 1:
                continue
            start = self._facility_name_start([t for t in mention if t.i < root.i])
            if start is None:
                continue
            inside = [
                j
                for j, inner in enumerate(mentions)
                if j != i and not is_description[j] and start <= inner.start and inner.end <= root.i
            ]
            states = {
                t
                for j in inside
                if mentions[j].id_
                and (mentions[j].label_ == "Nationality" or is_country(entities.get(entity_of_mention.get(j, ""))))
                for t in range(mentions[j].start, mentions[j].end)
            }
            if not any(_names_a_facility(t) and t.i not in states for t in mention.doc[start : root.i]):
                continue
            named = Span(mention.doc, start, root.i + 1, label="Location")
            entity = entities.get((found := self.linker.entity_for([named], "")).key, found)
            unknown = [j for j in inside if not mentions[j].id_]
            short = tuple(make_alias(mentions[j].text) for j in unknown)  # "al-Omar" for "the al-Omar oil field"
            entities[entity.key] = replace(entity, aliases=tuple(dict.fromkeys([*entity.aliases, *short])))
            for j in [i, *unknown]:
                entity_of_mention[j] = entity.key
            facility_of[i] = i
            for j in inside:
                if mentions[j].id_ and mentions[j].label_ == "Location" and j not in facility_of:
                    facility_of[j] = i
        return facility_of

    def name_descriptions(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        published: str | None,
    ) -> None:
        """A description whose head a name of its own comes before is that name's actor or place, as analysts
        name it: a group with its head when it is capitalised ("the Sudan Shield Forces", "the Syrian Foreign
        Ministry"), without it when it is not ("the Abu Salim Central Security force"), a place the same way
        ("the Middle Euphrates River Valley", "the Qarachogh mountains"); a state's government ("the Malian
        government") is the government the KB says was in office. The name holds a capitalised word no known
        name covers, after "the" or nothing ("a ... group" is no name)."""
        for i, mention in enumerate(mentions):
            if not is_description[i] or i in entity_of_mention or len(mention) < 2:
                continue
            root = mention.root
            if root.i != mention.end - 1 or any(t.lower_ in self._list_words for t in mention):
                continue  # "the A and B neighbourhoods" are two places, named by no one name
            inside = []
            j = i + 1
            while j < len(mentions) and mentions[j].start < root.i:
                if not is_description[j] and mentions[j].end <= root.i:
                    inside.append(j)
                j += 1
            # "the X coalition", "the X group": X, named right after the determiner, is the group the head says
            known = [
                j
                for j in inside
                if mentions[j].start == mention.start + 1 and mentions[j].end == root.i and j in entity_of_mention
            ]
            if (
                known
                and mention.label_ == mentions[known[0]].label_ == "Organisation"
                and mention[0].lower_ in self._determiners
                and root.is_lower
                and root.lower_ in self._agreements
                and entities.get(entity_of_mention[known[0]]) is not None
                and self._agrees(root.lower_, entities[entity_of_mention[known[0]]])
            ):
                entity_of_mention[i] = entity_of_mention[known[0]]
                continue
            if mention.label_ == "Organisation" and root.lower_ in self._government_words:
                entity = self._state_government(mentions, inside, root.i, entities, published)
            elif root.lower_ in self._named_heads.get(mention.label_, ()):
                entity = self._named_by_words(mention, mentions, inside, entities)
            else:
                continue
            if entity is None:
                continue
            written = mention[1:] if mention[0].lower_ in self._determiners else mention  # "Malian government"
            entity = entities.get(entity.key, entity)
            entities[entity.key] = replace(
                entity, aliases=tuple(dict.fromkeys([*entity.aliases, make_alias(written.text)]))
            )
            for j in [i, *(j for j in inside if not mentions[j].id_)]:
                entity_of_mention[j] = entity.key

    def _state_government(
        self,
        mentions: list[Span],
        inside: list[int],
        root: int,
        entities: dict[str, EntityRecord],
        published: str | None,
    ) -> EntityRecord | None:
        """The government in office of the state named right before a government word ("the Malian government")."""
        state = next((mentions[j] for j in inside if mentions[j].end == root), None)
        actor = self.kb.get(state.id_) if state is not None and state.id_ else None
        place = self.places.lookup(actor.name) if actor is not None and actor.category == "state" else None
        if place is None:
            return None
        governing = [
            actor_id
            for actor_id in self._governments.get(place.country, [])
            if (found := self.kb.get(actor_id)) is not None and in_office(found.formed, found.dissolved, published)
        ]
        if len(governing) != 1:
            return None
        known = next((e for e in entities.values() if e.kb_id == governing[0]), None)
        return known or self.linker.kb_entity(governing[0], [])

    def _named_by_words(
        self, mention: Span, mentions: list[Span], inside: list[int], entities: dict[str, EntityRecord]
    ) -> EntityRecord | None:
        """The actor or place a description's capitalised words before its head name (see
        :meth:`name_descriptions`), or None when no word of them is a name's no known name covers."""
        doc, root = mention.doc, mention.root
        known = {t for j in inside if mentions[j].id_ for t in range(mentions[j].start, mentions[j].end)}
        named = {t for j in inside for t in range(mentions[j].start, mentions[j].end)}
        start = root.i
        if root.is_lower:  # "the X tribal confederation": what kind of group, between its name and its head
            while start - 1 > mention.start and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_lower:
                start -= 1
        name_end = start
        while start > mention.start:
            token = doc[start - 1]
            capitalised = token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN"
            if not (capitalised or start - 1 in named or token.lower_ in self._particles or token.text == "-"):
                break
            start -= 1
        nameless_peoples = {mentions[j].start: mentions[j].end for j in inside if mentions[j].label_ == "Nationality"}
        while start < name_end:
            if doc[start].text == "-":
                start += 1
            elif start in nameless_peoples and not known.intersection(range(start, nameless_peoples[start])):
                start = nameless_peoples[start]  # "the Islamist X Brigade": what it is, not its name
            else:
                break
        if start > mention.start and mention[0].lower_ not in self._determiners:
            return None  # "a Specially Designated Global Terrorist group" names no group
        end = root.i + 1 if root.text[:1].isupper() else name_end
        if end > root.i:  # a capitalised title keeps what it is of or for ("the X Ministry of Defence")
            tail = end
            while tail + 1 < len(doc) and doc[tail].lower_ in self._title_links and _capitalised_word(doc[tail + 1]):
                tail += 2
                while tail < len(doc) and _capitalised_word(doc[tail]) and tail not in known:
                    tail += 1
            end = tail if tail > end and all(t not in known for t in range(end, tail)) else end
        free = [
            t
            for t in [*range(start, name_end), *range(root.i + 1, end)]
            if _capitalised_word(doc[t])
            and t not in known
            and not doc[t].is_sent_start  # "Government forces", "Eleven SDF fighters": capitalised as first words
            and doc[t].lower_ not in self._government_plain
        ]
        if not free:
            return None
        named_span = Span(doc, start, end, label=mention.label_)
        actor_id = self.linker.kb_actor(named_span.text, mention.label_)
        found = (
            self.linker.kb_entity(actor_id, [named_span.text]) if actor_id else self.linker.entity_for([named_span], "")
        )
        return entities.get(found.key, found)

    def _facility_name_start(self, words: list[Token]) -> int | None:
        """Where a facility's name begins among the words before its head: at its first proper noun or number
        (with the article before a hyphen that opens it, "al-Omar"), past a determiner, an adjective and a
        participle modifier ("Houthi-held")."""
        k = 0
        while k < len(words):
            token = words[k]
            opens_name = token.lower_ in self._particles and k + 1 < len(words) and words[k + 1].text == "-"
            if not (_names_a_facility(token) or opens_name):
                k += 1
                continue
            modifier = k + 2 < len(words) and words[k + 1].text == "-" and words[k + 2].is_lower
            if modifier and not opens_name:  # "Houthi-held", "US-backed": who holds it, not its name
                k += 3
                continue
            return token.i
        return None

    def resolve_home_government(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        published: str | None,
        home: str | None,
    ) -> None:
        """ "government forces", "the government", "government troops", nothing more, are the government of
        the article's country (``home``, see :func:`article_country`), the one in office when it was published."""
        bare = [
            i
            for i, m in enumerate(mentions)
            if is_description[i]
            and i not in entity_of_mention
            and m.label_ == "Organisation"
            and any(t.lower_ in self._government_words for t in m)
            and all(t.lower_ in self._government_plain for t in m)
            and not any(j != i and m.start <= o.start and o.end <= m.end for j, o in enumerate(mentions))
        ]
        if not bare or home is None:
            return
        governing = [
            actor_id
            for actor_id in self._governments.get(home, [])
            if (actor := self.kb.get(actor_id)) is not None and in_office(actor.formed, actor.dissolved, published)
        ]
        if len(governing) != 1:
            return
        entity = next((e for e in entities.values() if e.kb_id == governing[0]), None)
        if entity is None:
            entity = self.linker.kb_entity(governing[0], [])
            entities[entity.key] = entity
        for i in bare:
            entity_of_mention[i] = entity.key
