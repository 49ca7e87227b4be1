"""Resolve one parsed document: group its mentions into actors and link them to the KB or the store.

Within a document, mentions meet when the KB gives them one id, when the text
says they are one ("X, known as Y", "Y (X)"), when their normalised names are
equal, with or without a group's kind word ("the Ahrar al-Sharqiya faction" /
"Ahrar al-Sharqiya"), when they are one name spelt two ways ("Sulaiman Haddad" /
"Suleiman Haddad") or a group's or place's name with one word mistyped ("Sham
Crop" / "Sham Corps"), when a short name ends a longer one ("al-Assaad" /
"Abdullah al-Assaad"), or when an acronym spells a name's initials ("SIG" /
"Syrian Interim Government"). A name written lower case links to a KB actor
only as the KB spells it, never by a near spelling or without its kind word.
A description ("the isolated commander of ...") joins the actor the text or the
KB makes clear; one that stays alone is left out of the graph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from factiongraph.dates import TimeSpan, resolve_time
from factiongraph.ingest.article import Article
from factiongraph.kb import KnowledgeBase
from factiongraph.keys import mistyped, name_key, spelled_alike, translit_key
from factiongraph.nlp import DESCRIPTIONS_KEY, MENTIONS_KEY
from factiongraph.nlp.mentions import ends_head, referent_of
from factiongraph.nlp.names import NameWords
from factiongraph.nlp.spans import DATELINES_KEY, FoundRelation, read_lexicon
from factiongraph.places import Place, PlaceIndex
from factiongraph.records import (
    Alias,
    ClaimRecord,
    EntityRecord,
    EventRecord,
    MentionRecord,
    PlaceRecord,
    RelationRecord,
    ResolvedDocument,
)
from factiongraph.settings import setting
from factiongraph.vocab import ACTOR_TYPES, BETWEEN_ACTORS, LASTING, MEMBERSHIP, PLACED

_AT_THE_TIME = re.compile(r"\bat (?:that|the) time\b|\bthen\b", re.IGNORECASE)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_REFER_BACK_SENTENCES = setting("refer_back_sentences")
_TOPIC_MENTIONS = setting("topic_mentions")
_WORD = re.compile(r"[a-z]+")
_INSIDE_A_PHRASE = frozenset({"conj", "pobj", "prep", "poss", "compound", "amod", "nmod", "appos"})
_INITIALS_SKIP = {"of", "the", "for", "and", "al", "el", "in", "on", "to"}

CandidateFinder = Callable[[list[str], list[str], str], list[tuple[str, str, bool]]]
"""Given name keys, transliteration keys and a type: stored entities that may be the one meant,
as ``(entity key, the matching alias's name key, whether the name key matched exactly)``."""


def _place_record(place: Place) -> PlaceRecord:
    return PlaceRecord(place.id, place.latitude, place.longitude, place.precision)


def make_alias(name: str) -> Alias:
    return Alias(name, name_key(name), translit_key(name))


def _initials(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


def _shortens(short: Span) -> Callable[[str], bool] | None:
    """Whether a longer name of ``short``'s type is the one ``short`` shortens; ``None`` for a name that is
    no short form: a person's last names, an organisation's acronym, or the last words of its head ("the
    Observatory" after "the Syrian Observatory for Human Rights", "the Central Committee" after "the Daraa
    Central Committee")."""
    if short.label_ == "Person":
        tail = " " + name_key(short.text)
        return lambda text: name_key(text).endswith(tail)
    if short.label_ == "Organisation" and _is_acronym(short.text):
        return lambda text: _initials(text) == short.text
    if short.label_ == "Organisation" and not short.id_ and short[0].text[:1].isupper():
        return lambda text: ends_head(text, short.text)
    return None


def _acronyms_the_article_defines(mentions: list[Span], is_description: list[bool], kb_ids: list[str]) -> None:
    """An acronym in brackets after the name it abbreviates is that name's all through the article, whatever the
    KB holds under it: "the Somali National Army (SNA)" is not the Syrian National Army, nor is "the SNA" after."""
    ending_at = {m.end: j for j, m in enumerate(mentions) if not is_description[j]}
    defined: dict[tuple[str, str], str] = {}
    for i, mention in enumerate(mentions):
        if is_description[i] or not kb_ids[i] or not _is_acronym(mention.text) or mention.start < 2:
            continue
        if mention.doc[mention.start - 1].text != "(":
            continue
        j = ending_at.get(mention.start - 1)
        if j is not None and mentions[j].label_ == mention.label_ and _initials(mentions[j].text) == mention.text:
            defined.setdefault((mention.text, kb_ids[i]), kb_ids[j])
    for i, mention in enumerate(mentions):
        if (mention.text, kb_ids[i]) in defined and not is_description[i]:
            kb_ids[i] = defined[(mention.text, kb_ids[i])]


def _held_over_time(
    found: FoundRelation, when: TimeSpan | None, published: str | None, ended_words: frozenset[str]
) -> TimeSpan | None:
    """The span a durable relation holds over: through a title put in the past ("the isolated commander
    of X") or said to be past ("X, formerly a member of Y") it ended by the time of the text."""
    first, second = sorted((found.source, found.target), key=lambda m: m.start)
    said = [*found.source, *found.source.doc[first.end : second.start]]
    if any(t.lower_.removesuffix("-") in ended_words for t in said):
        end = (when.end or when.start) if when else published
        return TimeSpan(None, end, "interval", when.text if when else "") if end else when
    return when


def _control_changing_hands(relations: list[RelationRecord]) -> list[RelationRecord]:
    """One sentence that names several holders of a place with one date ("X, under the control of A,
    only to be controlled by B in July 2017") tells a handover: the earlier holders until then,
    the last one from then on."""
    holders: dict[tuple[int, str], list[int]] = {}
    for i, r in enumerate(relations):
        if r.type == "Controls" and r.when_start and r.when_start == r.when_end:
            holders.setdefault((r.sentence, r.target_key), []).append(i)
    changed = list(relations)
    for group in holders.values():
        if len({relations[i].source_key for i in group}) < 2:
            continue
        group.sort(key=lambda i: relations[i].source_begin)
        for i in group[:-1]:
            changed[i] = replace(relations[i], when_start=None, precision="interval")
        last = group[-1]
        changed[last] = replace(relations[last], when_end=None, precision="interval")
    return changed


def _told_once(events: list[EventRecord], dateline_place: str | None) -> list[EventRecord]:
    """A report dates and places its event once ("clashed in Saraqib on Monday") and speaks of it bare
    after ("the attack killed three"): an event without a date or a place takes them from the nearest
    event of its kind before it (else after it) that shares an actor, or names none; without one, its
    place is the article's dateline ("IDLIB, Syria —")."""
    found = []
    for event in events:
        actors = {key for key, _ in event.actors}
        kin = [
            e
            for e in events
            if e is not event
            and e.type == event.type
            and (not actors or not e.actors or actors & {key for key, _ in e.actors})
        ]
        before = [e for e in kin if e.sentence <= event.sentence]
        after = [e for e in kin if e.sentence > event.sentence]
        dated = [e for e in [*reversed(before), *after] if e.when_start or e.when_end]
        placed = [e for e in [*reversed(before), *after] if e.place_key]
        if not (event.when_start or event.when_end) and dated:
            source = dated[0]
            event = replace(event, when_start=source.when_start, when_end=source.when_end, precision=source.precision)
        if not event.place_key:
            event = replace(event, place_key=placed[0].place_key if placed else dateline_place)
        found.append(event)
    return found


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


def _areas_named_after_actors(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]
) -> dict[int, int]:
    """Place descriptions named after one actor ("the National Army areas"), mapped to that actor's mention:
    meeting or fighting "the National Army areas" is meeting or fighting the National Army."""
    named = _names_inside(mentions, is_description, entity_of_mention, "Organisation")
    return {i: actors[0] for i, actors in named.items() if len(actors) == 1}


def _is_subject(mention: Span) -> bool:
    """Whether a mention is, or is listed with, the subject of its clause."""
    token = mention.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"))


def _reporting_subject(
    pronoun: Span, before: list[Span], entity_of_mention: dict[int, str], entities: dict[str, EntityRecord]
) -> int | None:
    """The subject of the verb whose reported clause a pronoun is the subject of ("X said on Telegram that it
    was leaving", "Turkey said it was in contact with Russia"): the one who speaks of itself, a state too."""
    root = pronoun.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "ccomp":
        return None
    governor = root.head.head
    for j in range(len(before) - 1, -1, -1):
        head = before[j].root  # "the Liwa al-Quds militia said": the name inside the subject's phrase too
        while head.dep_ in ("conj", "compound", "nmod", "poss") and head.head != head:
            head = head.head
        if head.head == governor and head.dep_ in ("nsubj", "nsubjpass") and (key := entity_of_mention.get(j)):
            entity = entities.get(key)
            if entity is not None and (entity.type == pronoun.label_ or _is_country(entity)):
                return j
    return None


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


def _salient(candidates: list[Span], mention: Span, indices: list[int], entity_of_mention: dict[int, str]) -> list[int]:
    """Which of the actors that agree with a description, named in its sentence before it or in the two before,
    it stands for, nearest first: one named inside the subject of its own sentence ("a spokesman for the YPG
    said the group ..."); else the only one named there; else the subjects of the sentences before, or else
    one named inside them ("the Islamic State's war ... the group's fighters"). Never
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
    before = [(j, m) for j, m in allowed if m.start < here]
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


def _men_named_after_actors(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str], speak_for: frozenset[str]
) -> dict[int, int]:
    """Plural group descriptions that name one group ("HTS fighters", "fighters of the NLF", "the Hamza
    Division's men", "its fighters" once "its" is resolved), and nameless officials of one ("an HTS
    official"), mapped to that group's mention: what its men do, it does. A singular group description
    ("a faction of the SNA") is a unit of the group, not the group, and is left alone."""
    found: dict[int, int] = {}
    for i, outer in enumerate(mentions):
        men = outer.label_ == "Organisation" and outer.root.tag_ in ("NNS", "NNPS")
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
    return found


def _resolve_appositions(mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]) -> None:
    """A description in apposition to a name is that name's: "the Salvation Government, the civil
    administration aligned with HTS", "the Manbij Military Council, a local force allied with the SDF"; so is
    one whose head is the name's own ("the Syrian army's Fourth Division": the Syrian army)."""
    named_at = {m.root.i: i for i, m in enumerate(mentions) if not is_description[i] and i in entity_of_mention}
    for i, mention in enumerate(mentions):
        if not is_description[i] or i in entity_of_mention:
            continue
        same_head = named_at.get(mention.root.i)
        if same_head is not None and mentions[same_head].label_ == mention.label_:
            entity_of_mention[i] = entity_of_mention[same_head]
            continue
        # "X, the civil administration ..." and "the SDF's internal security forces, the Asayish"
        beside = [mention.root.head] if mention.root.dep_ == "appos" else []
        beside += [c for c in mention.root.children if c.dep_ == "appos"]
        named = [j for t in beside if (j := named_at.get(t.i)) is not None and mentions[j].label_ == mention.label_]
        if named:
            entity_of_mention[i] = entity_of_mention[named[0]]


def _resolve_latter_and_former(
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


def _in_office(formed: str | None, dissolved: str | None, published: str | None) -> bool:
    """Whether a body formed and dissolved on these (partial) dates existed on ``published``."""
    if published is None:
        return formed is None and dissolved is None
    return (formed is None or formed <= published[: len(formed)]) and (
        dissolved is None or published[: len(dissolved)] < dissolved
    )


def _is_country(entity: EntityRecord | None) -> bool:
    return entity is not None and entity.place is not None and entity.place.precision == "country"


def _resolve_places_by_name(
    mentions: list[Span], is_description: list[bool], entity_of_mention: dict[int, str]
) -> None:
    """A place description that names one place ("the towns of Ras al-Ain", "the Atma area",
    "the southern Turkish city of Şanlıurfa") stands for that place."""
    for i, places in _names_inside(mentions, is_description, entity_of_mention, "Location").items():
        if len(named := {entity_of_mention[j] for j in places}) == 1:
            entity_of_mention[i] = named.pop()


def _is_place(identifier: str) -> bool:
    """Place-index ids have a scheme ("fg:atma", "geonames:169389"); KB actor ids do not."""
    return ":" in identifier


class _Clusters:
    """Union-find over mention indices that never joins two different KB actors; a place the text
    names twice ("the Olive Branch areas (Afrin and its countryside)") may join a KB actor."""

    def __init__(self, kb_ids: list[str]) -> None:
        self.parent = list(range(len(kb_ids)))
        self.kb_id = list(kb_ids)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        first, second = self.kb_id[ra], self.kb_id[rb]
        if ra == rb or (first and second and first != second and not (_is_place(first) or _is_place(second))):
            return
        self.parent[rb] = ra
        self.kb_id[ra] = min((i for i in (first, second) if i), key=_is_place, default="")

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


@dataclass
class DocumentResolver:
    """Turns a parsed :class:`~spacy.tokens.Doc` into a :class:`ResolvedDocument`."""

    kb: KnowledgeBase
    candidates: CandidateFinder
    places: PlaceIndex = field(default_factory=PlaceIndex.default)
    names: NameWords = field(default_factory=NameWords.read)

    def __post_init__(self) -> None:
        self._kb_by_key: dict[tuple[str, str], str] = {}
        self._kb_by_translit: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for actor_id, actor_type, name, key, skeleton in self.kb.name_keys:
            self._kb_by_key.setdefault((key, actor_type), actor_id)
            self._kb_by_translit.setdefault((skeleton, actor_type), []).append((name, actor_id))
        by_the_state = read_lexicon(None, "events.json")["by_the_state"]
        self._state_categories = frozenset(by_the_state["categories"])
        self._state_sub_event_types: dict[str, str] = by_the_state["sub_event_types"]
        heads = read_lexicon(None, "noun_heads.json")
        self._ended_words = frozenset(heads["ended"])
        self._refer_back = {word: kind for kind, words in heads["refer_back"].items() for word in words}
        references = read_lexicon(None, "references.json")
        self._agreements = {
            head: _Agreement(
                frozenset(rule.get("categories", rule.get("kinds"))), frozenset(rule["words"]), rule["unlisted"]
            )
            for section in ("groups", "places")
            for head, rule in references[section].items()
        }
        self._place_nouns = frozenset(heads["place"])
        area_words = "|".join(map(re.escape, heads["area_words"]))
        self._area_words = re.compile(rf"\b(?:{area_words})\b|[’']s\b", re.IGNORECASE)
        self._personal_pronouns = frozenset(read_lexicon(None, "pronouns.json")["personal"])
        self._group_name_words = frozenset(heads["group_name_words"]["first"] + heads["group_name_words"]["last"])
        self._kind_words = self._place_nouns | {w for rule in references["groups"].values() for w in rule["words"]}
        self._speak_for = frozenset(heads["speak_for"])
        self._titles = frozenset(heads["person_command"]) | frozenset(heads["person_other"])
        self._facilities = frozenset(heads["facilities"])
        self._government_words = frozenset(heads["government"])
        self._government_plain = self._government_words | frozenset(heads["government_bodies"]) | _DEFINITE
        self._governments: dict[str, list[str]] = {}
        for actor in self.kb.actors:
            state = self.kb.get(actor.government_of) if actor.government_of else None
            place = self.places.lookup(state.name) if state else None
            if place is not None and place.precision == "country":
                self._governments.setdefault(place.country, []).append(actor.id)
        self._commanders: dict[str, set[str]] = {}
        for actor in self.kb.actors:
            for relation in actor.relations:
                if relation.type == "InChargeOf":
                    self._commanders.setdefault(relation.target, set()).add(actor.id)

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
        clusters = self._cluster(doc, mentions, is_description, index_of)
        entity_of_mention, entities = self._entities(mentions, is_description, clusters, doc, index_of)
        self._name_facilities(mentions, is_description, entity_of_mention, entities)
        self._resolve_personal_pronouns(mentions, is_description, sentence_of, entity_of_mention, entities)
        _resolve_places_by_name(mentions, is_description, entity_of_mention)
        _resolve_latter_and_former(mentions, is_description, index_of, entity_of_mention)
        _resolve_appositions(mentions, is_description, entity_of_mention)
        self._resolve_references(mentions, is_description, sentence_of, entity_of_mention, entities)
        _resolve_places_by_name(mentions, is_description, entity_of_mention)  # "the city's neighbourhoods"
        self._resolve_home_government(mentions, is_description, entity_of_mention, entities, article.published)
        dates = [m for m in mentions if m.label_ == "Temporal"]  # what _when reads, for each fact of the text

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
        held_by = _areas_named_after_actors(mentions, is_description, entity_of_mention)
        men_of = _men_named_after_actors(mentions, is_description, entity_of_mention, self._speak_for)
        for found in doc._.fg_relations:
            ends = [index_of[(found.source.start, found.source.end)], index_of[(found.target.start, found.target.end)]]
            if found.type in BETWEEN_ACTORS:
                ends = [held_by.get(i, i) for i in ends]
            if found.type in BETWEEN_ACTORS:
                ends = [men_of.get(i, i) for i in ends]
            elif found.type in PLACED:
                ends = [men_of.get(ends[0], ends[0]), ends[1]]
            elif found.type == "BelongsTo":  # "SNA factions including the Hamza Division": the SNA's
                ends = [ends[0], men_of.get(ends[1], ends[1])]
            source, target = (entity_of_mention.get(i) for i in ends)
            fact = (found.type, source or "", target or "", found.evidence.start)
            if source is None or target is None or source == target or fact in said:
                continue
            if found.type == "Controls" and _is_country(entities.get(target)):
                continue  # a faction holds towns and regions; "the crossing with Turkey, which ..." is not Turkey
            said.add(fact)
            when = self._when(found.evidence, dates, article.published, sentences)
            if found.type in LASTING:
                when = _held_over_time(found, when, article.published, self._ended_words)
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
        relations = _control_changing_hands(relations)
        relations += self._units_in_leaders_coalitions(relations, entities)
        relations += self._roles_the_kb_confirms(
            mentions, is_description, entity_of_mention, entities, relations, sentence_of, article.published
        )
        events = []
        for event in doc._.fg_events or []:
            roles = [("source", m) for m in event.sources] + [("target", m) for m in event.targets]
            actors = [(entity_of_mention.get(index_of[(m.start, m.end)]), role) for role, m in roles]
            actors = list(dict.fromkeys((key, role) for key, role in actors if key))
            place = event.place and entity_of_mention.get(index_of[(event.place.start, event.place.end)])
            if not actors and not place:
                continue
            when = self._when(event.evidence, dates, article.published, sentences)
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
                    acled_sub_event_type=self._sub_event_type(event.acled_sub_event_type, actors, entities),
                    killed=event.killed,
                    injured=event.injured,
                )
            )
        events = _told_once(events, self._dateline_place(doc, index_of, entity_of_mention))
        claims = []
        last_speaker: tuple[str, int] | None = None  # a person who spoke, and in which sentence
        for claim in doc._.fg_claims or []:
            speaker = claim.speaker and entity_of_mention.get(
                index_of.get((claim.speaker.start, claim.speaker.end), -1)
            )
            sentence = sentence_of[claim.evidence.start]
            if (
                claim.speaker is not None
                and claim.speaker.text.lower() in self._personal_pronouns
                and last_speaker is not None
                and sentence - last_speaker[1] <= 1
            ):
                speaker = last_speaker[0]  # "X said ... He denied ...": he is the one who just spoke
            if speaker and entities.get(speaker) is not None and entities[speaker].type == "Person":
                last_speaker = (speaker, sentence)
            about = [entity_of_mention.get(index_of[(m.start, m.end)]) for m in claim.about]
            when = self._when(claim.evidence, dates, article.published, sentences)
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

    def _cluster(
        self, doc: Doc, mentions: list[Span], is_description: list[bool], index_of: dict[tuple[int, int], int]
    ) -> _Clusters:
        kb_ids = [m.id_ or self._kb_actor(m.text, m.label_) for m in mentions]
        _acronyms_the_article_defines(mentions, is_description, kb_ids)
        clusters = _Clusters([k if not is_description[i] else "" for i, k in enumerate(kb_ids)])
        first_with: dict[tuple[str, str], int] = {}
        for i, m in enumerate(mentions):
            if is_description[i] or m.label_ not in ACTOR_TYPES:
                continue
            same = (kb_ids[i] or name_key(m.text), m.label_)
            if same in first_with:
                clusters.union(first_with[same], i)
            else:
                first_with[same] = i
        for found in doc._.fg_relations:
            if found.type == "IsSynonymOf":
                clusters.union(
                    index_of[(found.source.start, found.source.end)], index_of[(found.target.start, found.target.end)]
                )
        named = [i for i, m in enumerate(mentions) if not is_description[i] and m.label_ in ACTOR_TYPES]
        self._join_variants(mentions, named, clusters)
        # one mention of each name as written, type, length and KB id: first_with put the others in its
        # cluster, so a short form is looked for among names, not among every mention (a long article has
        # thousands, and all with all grew with their square)
        names: dict[tuple[str, str, int, str], int] = {}
        for j in named:
            names.setdefault((mentions[j].text, mentions[j].label_, len(mentions[j]), kb_ids[j]), j)
        longer_forms: dict[tuple[str, str, int, str, str], list[int] | None] = {}
        for i in named:
            short = mentions[i]
            form = (short.text, short.label_, len(short), short.id_, short[0].text)
            if form not in longer_forms:
                shortens = _shortens(short)
                longer_forms[form] = (
                    None
                    if shortens is None
                    else [
                        j
                        for (text, label, size, _), j in names.items()
                        if label == short.label_ and size > len(short) and shortens(text)
                    ]
                )
            longer = longer_forms[form]
            if longer is None:
                continue
            matches = {clusters.find(j) for j in longer}
            if len(matches) == 1:
                clusters.union(matches.pop(), i)
        return clusters

    def _join_variants(self, mentions: list[Span], named: list[int], clusters: _Clusters) -> None:
        """Join names that differ by a group's kind word, by spelling, or by one mistyped word of a
        group's or place's name. Each distinct name is compared once, within its type, and by spelling
        only within its transliteration skeleton, so an article's names are not compared all with all."""
        first_of: dict[tuple[str, str], int] = {}
        for i in named:
            if self.names.capitalised(mentions[i].text):
                first_of.setdefault((name_key(mentions[i].text), mentions[i].label_), i)
        groups: dict[tuple[str, ...], list[int]] = {}
        long_names: dict[str, list[int]] = {}
        for (key, label), i in first_of.items():
            bare = self.names.without_kind(key) if label == "Organisation" else key
            if bare != key and (" " in bare or (bare, label) in first_of):
                groups.setdefault(("kind", bare, label), []).append(i)
                if (bare, label) in first_of:
                    groups[("kind", bare, label)].append(first_of[(bare, label)])
            groups.setdefault(("skeleton", translit_key(key), label), []).append(i)
            if label in ("Organisation", "Location") and " " in key:
                long_names.setdefault(label, []).append(i)
        similarity, edits = self.names.similarity, self.names.typo_edits
        for (how, *_), group in groups.items():
            for n, i in enumerate(group):
                for j in group[n + 1 :]:
                    if how == "kind" or spelled_alike(mentions[i].text, mentions[j].text, similarity):
                        clusters.union(i, j)
        for group in long_names.values():
            for n, i in enumerate(group):
                for j in group[n + 1 :]:
                    if clusters.find(i) != clusters.find(j) and mistyped(
                        mentions[i].text, mentions[j].text, similarity, edits
                    ):
                        clusters.union(i, j)

    def _entities(
        self,
        mentions: list[Span],
        is_description: list[bool],
        clusters: _Clusters,
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
            entity = self._entity_for(names, kb_id)
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
        clusters: _Clusters,
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

    def _units_in_leaders_coalitions(
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

    def _roles_the_kb_confirms(
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
                if not _in_office(role.start, role.end, published):
                    continue
                known.add(fact)
                sentence = person.sent
                found.append(
                    RelationRecord(
                        type=role.type,
                        source_key=key,
                        target_key=target,
                        source_begin=person.start_char,
                        source_end=person.end_char,
                        target_begin=first_named[target].start_char,
                        target_end=first_named[target].end_char,
                        sentence=sentence_of[sentence.start],
                        evidence_begin=sentence.start_char,
                        evidence_end=sentence.end_char,
                        precision="unknown",
                    )
                )
        return found

    def _titled(self, person: Span) -> bool:
        """Whether a title is written in the name, just before it ("US Defense Secretary Jim Mattis") or
        in apposition ("Vladimir Putin, the Russian president")."""
        before = []
        for token in reversed(person.doc[max(person.sent.start, person.start - 4) : person.start]):
            if token.pos_ not in ("PROPN", "NOUN", "ADJ") and token.text not in ("-", "–"):
                break
            before.append(token)
        appositions = [person.root.head] if person.root.dep_ == "appos" else []
        appositions += [c for c in person.root.children if c.dep_ == "appos"]
        return any(t.lower_ in self._titles for t in [*person, *before, *appositions])

    def _entity_for(self, names: list[Span], kb_id: str) -> EntityRecord:
        surface = list(dict.fromkeys(m.text for m in names))
        if _is_place(kb_id) and (place := self.places.get(kb_id)):
            return self._place_entity(place, surface)
        actor = self.kb.get(kb_id) if kb_id else None
        if actor is not None:
            return self._kb_entity(actor.id, surface)
        kind = max((m.label_ for m in names), key=[m.label_ for m in names].count)
        canonical = max(surface, key=lambda n: (not _is_acronym(n), len(n)))
        canonical = canonical[4:] if canonical.lower().startswith("the ") else canonical
        if kind == "Location" and (place := self.places.lookup(canonical)):
            return self._place_entity(place, surface)
        key = self._stored_entity(surface, kind) or f"{kind.lower()}:{name_key(canonical)}"
        return EntityRecord(
            key=key, type=kind, name=canonical, aliases=tuple(make_alias(n) for n in [canonical, *surface])
        )

    def _resolve_personal_pronouns(
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
            if not is_description[i] or mention.text.lower() not in self._personal_pronouns or i in entity_of_mention:
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

    def _resolve_references(
        self,
        mentions: list[Span],
        is_description: list[bool],
        sentence_of: dict[int, int],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
    ) -> None:
        """ "the group", "the new army", "the city", "its", "they": what the article named before of that kind.

        A description whose head ends a name written before is that name's ("the new army" after "the
        Syrian National Army", however far back). Otherwise a pronoun is the nearest actor of its kind
        named in its sentence or the two before, a description the nearest that was the subject of one of
        the two sentences before, and a place the nearest town named there (never a country). A
        description that names something itself is no reference."""
        referred: set[int] = set()  # descriptions resolved here: "the group" said, "the militia" after it
        for i, mention in enumerate(mentions):
            if not is_description[i] or i in entity_of_mention:
                continue
            kind = self._refer_back.get(mention.root.lower_)
            pronoun = mention.root.tag_ in ("PRP", "PRP$")
            # "the group", "the new body", "the city": a determiner, modifiers and a singular head, nothing after
            plain = mention[0].lower_ in _DEFINITE and mention.root.tag_ == "NN" and mention.root.i == mention.end - 1
            plain = plain and not _names_inside_any(i, mentions, is_description)  # "the UN envoy", "the GNU's ministry"
            if kind is None or not (pronoun or plain) or mention.label_ != kind:
                continue
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
                and not (kind == "Location" and _is_country(entities[key]))
                and (pronoun or self._agrees(mention.root.lower_, entities[key]))
            ]
            head = mention.root.lemma_.lower()
            named_alike = [j for j in earlier if not pronoun and mentions[j][-1].lemma_.lower() == head]
            here = sentence_of[mention.start]
            near = [j for j in earlier if sentence_of[mentions[j].start] >= here - _REFER_BACK_SENTENCES]
            if kind == "Organisation" and not pronoun:
                near = _salient([mentions[j] for j in near], mention, near, entity_of_mention)
            elif kind == "Person" and not pronoun:
                near = [j for j in near if _is_subject(mentions[j]) and sentence_of[mentions[j].start] < here]

            speaker = _reporting_subject(mention, mentions[:i], entity_of_mention, entities) if pronoun else None
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

    def _kinds(self, place: Place) -> set[str]:
        """A place's kind, and a governorate's for a town it is named after ("the province" after "Suwayda")."""
        region = self.places.get(place.within) if place.within else None
        named_after = (
            region is not None and region.kind == "governorate" and name_key(place.name) in name_key(region.name)
        )
        return {place.kind, "governorate"} if named_after else {place.kind}

    def _name_facilities(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
    ) -> None:
        """A facility named by the words before its head ("the Conoco gas field", "the M5 highway", "the
        Qamishli airport") is a place of its own under that name; an unknown name inside it is the
        facility's, a known town's stays the town's."""
        for i, mention in enumerate(mentions):
            if not is_description[i] or i in entity_of_mention or mention.label_ != "Location":
                continue
            root = mention.root
            if root.lower_ not in self._facilities or root.i != mention.end - 1:
                continue
            words = [t for t in mention if t.i < root.i and t.lower_ not in _DEFINITE]
            if not any(t.pos_ == "PROPN" or any(c.isdigit() for c in t.text) for t in words):
                continue
            named = mention.doc[words[0].i : root.i + 1]
            entity = entities.get((found := self._entity_for([named], "")).key, found)
            inside = [
                j
                for j, inner in enumerate(mentions)
                if j != i and not is_description[j] and not inner.id_ and mention.start <= inner.start < root.i
            ]
            short = tuple(make_alias(mentions[j].text) for j in inside)  # "al-Omar" for "the al-Omar oil field"
            entities[entity.key] = replace(entity, aliases=tuple(dict.fromkeys([*entity.aliases, *short])))
            for j in [i, *inside]:
                entity_of_mention[j] = entity.key

    def _resolve_home_government(
        self,
        mentions: list[Span],
        is_description: list[bool],
        entity_of_mention: dict[int, str],
        entities: dict[str, EntityRecord],
        published: str | None,
    ) -> None:
        """ "government forces", "the government", "government troops", nothing more, are the government of
        the country the article's places are in, the one in office when it was published."""
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
        if not bare:
            return
        countries = [
            place.country
            for i, m in enumerate(mentions)
            if m.label_ == "Location" and not is_description[i] and (place := self.places.lookup(m.text))
        ]
        if not countries:
            return
        home = max(dict.fromkeys(countries), key=countries.count)
        in_office = [
            actor_id
            for actor_id in self._governments.get(home, [])
            if (actor := self.kb.get(actor_id)) is not None and _in_office(actor.formed, actor.dissolved, published)
        ]
        if len(in_office) != 1:
            return
        entity = next((e for e in entities.values() if e.kb_id == in_office[0]), None)
        if entity is None:
            entity = self._kb_entity(in_office[0], [])
            entities[entity.key] = entity
        for i in bare:
            entity_of_mention[i] = entity.key

    def _kb_entity(self, actor_id: str, surface: list[str]) -> EntityRecord:
        actor = self.kb.get(actor_id)
        assert actor is not None
        place = self.places.lookup(actor.name) if actor.type == "Location" else None
        return EntityRecord(
            key=f"kb:{actor.id}",
            type=actor.type,
            name=actor.name,
            kb_id=actor.id,
            aliases=tuple(make_alias(n) for n in dict.fromkeys([*actor.all_names(), *surface])),
            place=_place_record(place) if place else None,
        )

    def _place_entity(self, place: Place, surface: list[str]) -> EntityRecord:
        """A place's node. An area named after its town ("Idlib Governorate", "Latakia countryside"), not
        after a river or a country, is the node of the name analysts use for both ("Idlib"), as the KB or the
        index knows it. That node keeps the area's own names: an area written in Arabic ("ريف حلب الغربي")
        is then on the node of its English name ("western countryside of Aleppo"), not of the town's alone."""
        names = [place.name, *surface, *place.names]
        if place.kind in ("governorate", "region", "district"):
            base = " ".join(self._area_words.sub(" ", place.name).split())
            town = self.places.lookup(base)
            if town is not None and town.precision == "town":  # not a river's or a country's: "east of the Euphrates"
                if actor_id := self._kb_by_key.get((name_key(base), "Location")):
                    return self._kb_entity(actor_id, names)
                place, names = town, [town.name, *names, *town.names]
        return EntityRecord(
            key=f"place:{place.id}",
            type="Location",
            name=place.name,
            aliases=tuple(make_alias(n) for n in dict.fromkeys(names)),
            place=_place_record(place),
        )

    def _kb_actor(self, text: str, kind: str) -> str:
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

    def _sub_event_type(
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

    @staticmethod
    def _dateline_place(
        doc: Doc, index_of: dict[tuple[int, int], int], entity_of_mention: dict[int, str]
    ) -> str | None:
        """The place the article is datelined from ("SARAQIB, Syria (Wire) —"), as an entity key."""
        for opening in doc.spans.get(DATELINES_KEY, []):
            for mention in doc.spans[MENTIONS_KEY]:
                if mention.start == opening.start and mention.label_ == "Location":
                    return entity_of_mention.get(index_of.get((mention.start, mention.end), -1))
        return None

    @staticmethod
    def _when(sentence: Span, dates: list[Span], published: str | None, sentences: list[Span]) -> TimeSpan | None:
        """The first date the sentence gives (of ``dates``, the article's Temporal mentions), read against the
        publication date; a sentence that says "at the time" takes the date of the sentence before it."""
        for mention in dates:
            if sentence.start <= mention.start < sentence.end:
                resolved = resolve_time(mention.text, published=published)
                if resolved is not None:
                    return resolved
        if _AT_THE_TIME.search(sentence.text):
            earlier = [s for s in sentences if s.end <= sentence.start]
            if earlier:
                return DocumentResolver._when(earlier[-1], dates, published, [])
        return None
