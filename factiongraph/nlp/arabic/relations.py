"""``fg_ar_relations``: relations and events from Arabic constructions, kept as data
(``data/lexicons/arabic_relations.json``), over clitic-split tokens and the gazetteer's mentions.

No Arabic parser runs offline, so the constructions are read from word order within a sentence:

* the words between two mentions ("X التابعة لـ Y", "X المدعوم من Y", "Z الخاضعة لسيطرة X");
* a title between a person and a group, or before both ("X، قائد Y", "القائد العام لـ Y X");
* a verb with its subject just before it or, as Arabic mostly has it, just after it, then its
  object ("قصفت قوات النظام مواقع لـ Y", "اعتقلت X قيادياً في Y", "التقى X بـ Y"); a group's body
  or men before its name ("عناصر الهيئة", "الجهاز الأمني لـ X") stand for the group, as English
  "HTS fighters" does;
* an event noun with "بين X و Y" or its owner and the other side ("اشتباكات بين X و Y",
  "هجوم X على Y"), and a place after "في" where it happened.

Every end distributes over the list it stands in. A verb or noun preceded by a negator or a hedge
("لم تقصف", "قد تهاجم"), or inside a claim that is not asserted, makes no relation. Relations are the
English pipeline's :class:`FoundRelation`, with the construction that found them and its confidence
from the lexicon; events are :class:`FoundEvent`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.lexicons import load_lexicon
from factiongraph.nlp.arabic.reading import ACTORS, Phrase, Sentence, phrases, states, verb_phrases
from factiongraph.nlp.spans import MENTIONS_KEY, FoundEvent, FoundRelation

_SYMMETRIC = frozenset({"FightingAgainst", "AlliesOf", "CommWith", "CoLocated"})
_HOSTILE = frozenset({"FightingAgainst", "Dislikes"})
_SUBJECT_REACH = 4
"""Words (a body, a title, an adjective) that may stand between a verb and the name of its subject."""
_OBJECT_REACH = 5


@dataclass(frozen=True)
class _Verb:
    type: str
    preps: frozenset[Phrase]
    objects: frozenset[str]
    place_object: bool
    event: str | None
    direct: bool


@dataclass(frozen=True)
class _Rule:
    type: str
    first: frozenset[str]
    second: frozenset[str]
    source: str


class ArabicRelations:
    """Relations and events in each sentence of an Arabic doc (see the module docstring)."""

    def __init__(self, nlp: Language, raw: dict[str, Any], min_confidence: float, states: frozenset[str]) -> None:
        self.states = states
        self.confidence = raw["confidence"]
        self.min_confidence = min_confidence
        self.between: dict[Phrase, list[_Rule]] = {}
        for rule in raw["between"]:
            entry = _Rule(rule["type"], frozenset(rule["first"]), frozenset(rule["second"]), rule["source"])
            for keys in phrases(nlp, rule["phrases"]):
                self.between.setdefault(keys, []).append(entry)
        self.titles = {keys: t["type"] for t in raw["titles"] for keys in phrases(nlp, t["words"])}
        self.title_links = phrases(nlp, raw["title_links"])
        self.title_words = {k for keys in self.titles for k in keys}
        self.max_filler = raw["max_filler"]
        self.bodies = {k[0] for k in phrases(nlp, raw["bodies"])}
        self.verbs: dict[Phrase, _Verb] = {}
        for verb in raw["verbs"]:
            entry = _Verb(
                verb["type"],
                frozenset(phrases(nlp, verb["preps"])),
                frozenset(verb.get("objects", ["Person", "Organisation", "Nationality"])),
                verb.get("place_object", False),
                verb.get("event"),
                not verb["preps"] or "" in verb["preps"],
            )
            for keys in verb_phrases(nlp, verb):
                self.verbs.setdefault(keys, entry)
        self.nominals = {
            keys: (n["type"], n.get("event")) for n in raw["nominals"] for keys in phrases(nlp, n["words"])
        }
        self.nominal_preps = phrases(nlp, raw["nominal_preps"])
        self.between_words = phrases(nlp, raw["between_words"])
        self.place_preps = phrases(nlp, raw["place_preps"])
        self.joiners = phrases(nlp, raw["list_joiners"])
        self.unasserting = phrases(nlp, raw["negators"]) | phrases(nlp, raw["hedges"])
        self.guard_window = raw["guard_window"]
        self.clause_breaks = phrases(nlp, raw["clause_breaks"])
        self.between_fillers = {k for keys in phrases(nlp, raw["between_fillers"]) for k in keys}
        self.object_fillers = {k for keys in phrases(nlp, raw["object_fillers"]) for k in keys}
        self.within = phrases(nlp, raw["within_words"])
        self.ranks = {k for keys in phrases(nlp, raw["ranks"]) for k in keys}
        self.pronouns = {k for keys in phrases(nlp, raw["title_pronouns"]) for k in keys}
        self.list_fillers = frozenset(self.object_fillers | self.bodies)
        self.verb_keys, self.nominal_keys = set(self.verbs), set(self.nominals)
        self.longest = max(len(k) for k in [*self.between, *self.titles, *self.verbs, *self.nominals])

    def __call__(self, doc: Doc) -> Doc:
        relations: list[FoundRelation] = []
        events: list[FoundEvent] = []
        unasserted = [(c.content.start, c.content.end) for c in doc._.fg_claims or [] if c.stance != "asserted"]
        for span in doc.sents:
            sentence = Sentence(span, self.joiners, self.list_fillers)
            if len(sentence.mentions) < 1:
                continue
            found = self._between(sentence) + self._titles(sentence) + self._located(sentence, unasserted)
            found += self._within(sentence)
            clauses, sentence_events = self._clauses(sentence, unasserted)
            found += clauses
            events += sentence_events
            relations += [r for r in found if r.confidence >= self.min_confidence]
        doc._.fg_relations = _unique([*(doc._.fg_relations or []), *relations])  # fg_ar_names' synonyms first
        doc._.fg_events = events
        return doc

    def _relation(
        self, type_: str, source: Span, target: Span, sentence: Sentence, construction: str
    ) -> list[FoundRelation]:
        """The relation between two ends, and between every other item of the lists they stand in; a verb's
        object stands first in its list (what comes before it is no object of the verb)."""
        found = []
        targets = sentence.items(target)
        if construction == "verb":
            targets = [t for t in targets if t.start >= target.start]
        for s in sentence.items(source):
            for t in targets:
                if s.start == t.start or (s.id_ and s.id_ == t.id_):
                    continue
                listed = (s, t) != (source, target)
                how = "list" if listed else construction
                found.append(FoundRelation(type_, s, t, sentence.span, how, self.confidence[how]))
        return found

    def _between(self, sentence: Sentence) -> list[FoundRelation]:
        """Pairs of neighbouring mentions whose words between are a phrase of the lexicon."""
        found = []
        for first, second in zip(sentence.mentions, sentence.mentions[1:], strict=False):
            rules = self.between.get(self._trimmed(sentence.keys(first.end, second.start)), [])
            rule = next((r for r in rules if first.label_ in r.first and second.label_ in r.second), None)
            if rule is None:
                continue
            source, target = (first, second) if rule.source == "first" else (second, first)
            found += self._relation(rule.type, source, target, sentence, "between")
        return found

    def _trimmed(self, keys: Phrase) -> Phrase:
        """The words between two mentions without what may open them ("وهما فصيلان") or close them before the
        second ("مدينة", "معظم"), when some words are left."""
        if keys in self.between:
            return keys
        start, end = 0, len(keys)
        while start < end - 1 and keys[start] in self.between_fillers:
            start += 1
        while end > start + 1 and (keys[end - 1] in self.object_fillers or keys[end - 1] in self.bodies):
            end -= 1
        return keys[start:end]

    def _within(self, sentence: Sentence) -> list[FoundRelation]:
        """A place and the place it lies in: "بلدة X في ريف Y", "ولاية X وسط السودان", "X، عاصمة Y"; every
        place of a list before lies in it."""
        found = []
        for first, second in zip(sentence.mentions, sentence.mentions[1:], strict=False):
            if first.label_ != "Location" or second.label_ != "Location":
                continue
            keys = sentence.keys(first.end, second.start)
            while keys and keys[-1] in self.object_fillers:
                keys = keys[:-1]
            if keys in self.within or (not keys and self._dateline(sentence, first, second)):
                found += self._relation("CoLocated", first, second, sentence, "within")
        return found

    def _dateline(self, sentence: Sentence, town: Span, state: Span) -> bool:
        """A dateline, "القامشلي، سوريا -": a town and its state open the sentence, then a dash."""
        dash = sentence.doc[state.end] if state.end < len(sentence.doc) else None
        return (
            town.start == sentence.span.start
            and state.id_ in self.states
            and town.id_ not in self.states
            and dash is not None
            and dash.text in "-–—"
        )

    def _title(self, sentence: Sentence, keys: Phrase) -> str | None:
        """The relation a title gives, for the words between a person and a group: the title, up to
        ``max_filler`` more words ("القائد العام"), and a word that links it to the group ("لـ", "في")."""
        if keys:
            keys = (_indefinite(keys[0]), *keys[1:])  # "أميراً جديداً للتنظيم": the accusative of a title
        for cut in range(len(keys), 0, -1):
            head, rest = keys[:cut], keys[cut:]
            if head not in self.titles:
                continue
            if rest and rest[-1:] in self.title_links:
                rest = rest[:-1]
            if len(rest) <= self.max_filler:
                return self.titles[head]
        return None

    def _titles(self, sentence: Sentence) -> list[FoundRelation]:
        """ "X، قائد Y" (the person first) and "قائد Y X" / "القيادي في Y X" (the title first)."""
        found = []
        for first, second in zip(sentence.mentions, sentence.mentions[1:], strict=False):
            if first.label_ == "Person" and second.label_ == "Organisation":
                type_ = self._title(sentence, sentence.keys(first.end, second.start))
                if type_:
                    found += self._relation(type_, first, second, sentence, "title")
            if first.label_ == "Organisation" and second.label_ == "Person":
                if any(k not in self.ranks for k in sentence.keys(first.end, second.start)):
                    continue  # "قائد Y العقيد X": a rank may stand before the person
                before = [i for i in sentence.words if i < first.start][-(self.longest + self.max_filler + 1) :]
                for start in before:
                    type_ = self._title(sentence, sentence.keys(start, first.start))
                    if type_:
                        found += self._relation(type_, second, first, sentence, "title")
                        break
        return found + self._own_titles(sentence)

    def _own_titles(self, sentence: Sentence) -> list[FoundRelation]:
        """ "زعيمه X", "المتحدث باسمه X": a title with a pronoun, then a person, is a title of the group
        named last before it in the article."""
        found = []
        groups = [m for m in sentence.doc.spans[MENTIONS_KEY] if m.label_ == "Organisation"]
        for person in sentence.mentions:
            if person.label_ != "Person" or person.start < 2:
                continue
            pronoun = sentence.doc[person.start - 1]
            if pronoun.norm_ not in self.pronouns or pronoun.whitespace_ == "" and pronoun.i + 1 != person.start:
                continue
            words = [i for i in sentence.words if i < pronoun.i][-(self.longest + 1) :]
            type_ = next((t for start in words if (t := self._title(sentence, sentence.keys(start, pronoun.i)))), None)
            group = next((g for g in reversed(groups) if g.end <= person.start), None)
            if type_ and group is not None:
                found.append(FoundRelation(type_, person, group, sentence.span, "title", self.confidence["title"]))
        return found

    def _located(self, sentence: Sentence, unasserted: list[tuple[int, int]]) -> list[FoundRelation]:
        """An actor of a clause was at the place the clause names after a preposition of place ("X ... في
        ريف إدلب"): the nearest actor before the place, with no clause opening between them."""
        found = []
        for place in sentence.mentions:
            if place.label_ != "Location" or place.id_ in self.states:
                continue
            before = sentence.keys(max(sentence.span.start, place.start - 3), place.start)
            if not any(before[i : i + len(p)] == p for p in self.place_preps for i in range(len(before))):
                continue
            if self._guarded(sentence, place.start, unasserted):
                continue
            actor = next((m for m in reversed(sentence.mentions) if m.end <= place.start and self._acts(m)), None)
            if actor is None or any(
                sentence.matches_at(i, self.clause_breaks, 2) for i in sentence.words if actor.end <= i < place.start
            ):
                continue
            found += self._relation("CoLocated", actor, place, sentence, "place")
        return found

    def _guarded(self, sentence: Sentence, token: int, unasserted: list[tuple[int, int]]) -> bool:
        """Whether a negator or a hedge comes just before the word, or a claim that is not asserted holds it."""
        if any(start <= token < end for start, end in unasserted):
            return True
        at = sentence.position[token]
        window = sentence.words[max(0, at - self.guard_window) : at]
        return any(sentence.keys(i, token)[:width] in self.unasserting for i in window for width in (1, 2))

    def _clause_end(self, sentence: Sentence, after: int) -> int:
        """Where the clause that goes on after token ``after`` stops: at a word that opens another."""
        for i in sentence.words:
            if i > after and sentence.matches_at(i, self.clause_breaks, 2):
                return i
        return sentence.span.end

    def _clauses(
        self, sentence: Sentence, unasserted: list[tuple[int, int]]
    ) -> tuple[list[FoundRelation], list[FoundEvent]]:
        """Verbs and event nouns with their sides and place."""
        relations: list[FoundRelation] = []
        events: list[FoundEvent] = []
        for token in sentence.words:
            verb_keys = sentence.matches_at(token, self.verb_keys, 1)
            noun_keys = sentence.matches_at(token, self.nominal_keys, 2)
            if verb_keys is None and noun_keys is None:
                continue
            if self._guarded(sentence, token, unasserted):
                continue
            end = self._clause_end(sentence, token)
            if verb_keys is not None:
                found = self._verb(sentence, token, end, self.verbs[verb_keys])
            else:
                type_, event = self.nominals[noun_keys]
                found = self._nominal(sentence, token + len(noun_keys), end, type_, event)
            if found is None:
                continue
            type_, event, source, target, construction = found
            place = self._place(sentence, max(token, (target or source).end), end)
            if target is not None:
                relations += self._relation(type_, source, target, sentence, construction)
            elif construction == "verb" and type_ in _SYMMETRIC and len(sentence.items(source)) > 1:
                first, *others = sentence.items(source)  # "التقى X و Y", "وقع X و Y اتفاقاً": with each other
                for other in others:
                    relations += self._relation(type_, first, other, sentence, construction)
            sides = [
                *sentence.items(source),
                *(sentence.items(target) if target is not None and type_ in _SYMMETRIC else []),
            ]
            for s in sides:  # both sides of a fight or a meeting were where it happened
                if place is not None and s.label_ != "Location":
                    relations += self._relation("CoLocated", s, place, sentence, "place")
            if event:
                events.append(
                    FoundEvent(
                        event,
                        sentence.doc[token : token + 1],
                        tuple(sentence.items(source)),
                        tuple(sentence.items(target)) if target is not None else (),
                        place,
                        sentence.span,
                    )
                )
        return relations, events

    def _verb(
        self, sentence: Sentence, verb: int, end: int, frame: _Verb
    ) -> tuple[str, str | None, Span, Span | None, str] | None:
        """The verb's subject (just before it, else just after it) and object."""
        subject = sentence.previous_mention(verb, 1)
        if subject is not None and (
            not self._acts(subject) or any(t.text in "،,:-–—" for t in sentence.doc[subject.end : verb])
        ):
            subject = None  # "... في إدلب، قصفت X": what ends the clause before is no subject
        after = verb + 1
        if subject is None and sentence.doc[verb - 1].text in "،,":
            subject = self._topic(sentence, verb)  # "X، قائد Y، التقى ...": the apposition closed, X acts
        if subject is None:
            subject = sentence.next_mention(verb + 1, _SUBJECT_REACH)
            if subject is not None and subject.end <= end and self._acts(subject):
                after = self._past_modifiers(sentence, sentence.items(subject)[-1].end, end)
            else:
                subject = self._topic(sentence, verb)
                if subject is None:
                    return None
        after, end = self._past_relative(sentence, after, end)
        obj = sentence.next_mention(after, _OBJECT_REACH)
        titled = obj is not None and sentence.keys(after, obj.start)[:1]
        person = sentence.next_mention(obj.end, 0) if obj is not None and obj.label_ != "Person" else None
        if titled and _indefinite(titled[0]) in self.title_words and person is not None and person.label_ == "Person":
            obj = person  # "اعتقلت X القيادي في الغرفة Y": the person the title names, not the group
        if obj is not None and (obj.start >= end or not self._object_linked(sentence, after, obj, frame)):
            obj = None
        type_ = frame.type
        kind = obj and ("Organisation" if obj.id_ in self.states else obj.label_)
        if obj is not None and kind == "Location" and frame.place_object:
            type_ = "CoLocated"
        elif obj is not None and kind not in frame.objects:
            obj = None  # a town is no side of a fight: it is where it happened
        return type_, frame.event, subject, obj, "verb"

    def _past_modifiers(self, sentence: Sentence, after: int, end: int) -> int:
        """Past what describes the subject ("X الموالية لـ Z") and a date set off after it ("، أمس السبت،"):
        where the verb's object may start."""
        while (following := sentence.next_mention(after, 4)) is not None and following.start < end:
            keys = self._trimmed(sentence.keys(after, following.start))
            if not keys or keys not in self.between:
                break
            after = sentence.items(following)[-1].end
        dates = [m for m in sentence.doc.spans[MENTIONS_KEY] if m.label_ == "Temporal" and m.start >= after]
        date = dates[0] if dates else None
        if date is not None and not sentence.keys(after, date.start):
            comma = next((i for i in range(date.end, min(date.end + 3, end)) if sentence.doc[i].text in "،,"), None)
            after = comma + 1 if comma is not None else after
        return after

    def _past_relative(self, sentence: Sentence, after: int, end: int) -> tuple[int, int]:
        """Where a verb's object is looked for once a relative clause set off by commas after the subject is
        passed ("اتهمت قسد، التي تسيطر على ...، تركيا بـ"), and where its clause then ends."""
        doc = sentence.doc
        following = next((i for i in sentence.words if i > after), None)
        if after < end and doc[after].text in "،," and following == end and end != sentence.span.end:
            close = next((i for i in range(end + 1, sentence.span.end) if doc[i].text in "،,"), None)
            if close is not None:
                return close + 1, self._clause_end(sentence, close)
        return after, end

    def _acts(self, mention: Span) -> bool:
        """A person, a group, or a state (a place the knowledge base knows as one: "قصفت تركيا")."""
        return mention.label_ in ACTORS or mention.id_ in self.states

    def _topic(self, sentence: Sentence, verb: int) -> Span | None:
        """The actor a sentence opens with, set off by an apposition before its verb ("X، قائد Y، التقى"),
        when no verb stands between."""
        first = sentence.mentions[0] if sentence.mentions else None
        if first is None or not self._acts(first) or len(sentence.keys(sentence.span.start, first.start)) > 1:
            return None
        if first.end > verb or any(sentence.matches_at(i, self.verb_keys, 1) for i in range(first.end, verb)):
            return None
        return first

    def _object_linked(self, sentence: Sentence, after: int, obj: Span, frame: _Verb) -> bool:
        """Whether the words before the object join it to the verb as the frame wants: through one of its
        prepositions, or directly (a body of the object, "مواقع لـ", may stand between)."""
        between = sentence.keys(after, obj.start)
        prep = next((p for p in frame.preps if between[: len(p)] == p or between[-len(p) :] == p), None)
        if prep is None and not frame.direct:
            return False
        if prep is not None and between[: len(prep)] == prep:
            between = between[len(prep) :]
        elif prep is not None:
            between = between[: -len(prep)]
        if between and _indefinite(between[0]) in self.title_words and len(between) <= 4:
            return True  # "اعتقلت X القيادي في الغرفة Y": the object is the person the title names
        return len(between) <= 1 or all(
            k in self.bodies
            or k in self.object_fillers
            or _indefinite(k) in self.title_words
            or (k,) in self.title_links
            for k in between
        )

    def _nominal(
        self, sentence: Sentence, after: int, end: int, type_: str, event: str | None
    ) -> tuple[str, str | None, Span, Span | None, str] | None:
        """ "بين X و Y", else the noun's owner and the side after a preposition ("هجوم X على Y")."""
        near = [i for i in sentence.words if after <= i < end][:4]  # "اشتباكات يوم الجمعة بين ..."
        first_word = next((i for i in near if sentence.matches_at(i, self.between_words, 1)), None)
        if first_word is not None:
            first = sentence.next_mention(first_word + 1, 2)
            if first is None or first.start >= end:
                return None
            items = sentence.items(first)
            if len(items) > 1:
                return type_, event, items[0], items[1], "nominal"
            second = sentence.next_mention(first.end, 6)
            joined = sentence.keys(first.end, second.start) if second is not None else ()
            if second is None or second.start >= end or not _and_then(joined, self.bodies):
                return None
            return type_, event, first, second, "nominal"
        owner = sentence.next_mention(after, 2)
        if owner is None or owner.start >= end or not self._acts(owner):
            return None
        other = sentence.next_mention(sentence.items(owner)[-1].end, 3)
        if other is not None and other.start < end and self._acts(other):
            between = sentence.keys(sentence.items(owner)[-1].end, other.start)
            if any(between[: len(p)] == p for p in self.nominal_preps):
                return type_, event, owner, other, "nominal"
        return type_, event, owner, None, "nominal"

    def _place(self, sentence: Sentence, after: int, end: int) -> Span | None:
        """The place the clause names after a preposition of place ("في ريف إدلب")."""
        for mention in sentence.mentions:
            if mention.start < after or mention.start >= end:
                continue
            if mention.label_ == "Location":
                before = sentence.keys(max(after, mention.start - 4), mention.start)
                if any(before[i : i + len(p)] == p for p in self.place_preps for i in range(len(before))):
                    return mention
        return None


def _and_then(keys: Phrase, bodies: set[str]) -> bool:
    """Whether the words between the two sides of "بين X و Y" are و, then perhaps the men of Y ("ومقاتلي")."""
    if keys[:2] == ("من", "جهه"):  # "بين X من جهة و Y من جهة أخرى"
        keys = keys[2:]
    return bool(keys) and keys[0] == "و" and all(k in bodies for k in keys[1:])


def _indefinite(key: str) -> str:
    """A noun without the alef of its accusative indefinite ending ("قيادياً" is "قيادي")."""
    return key[:-1] if len(key) > 3 and key.endswith("ا") else key


def _unique(relations: list[FoundRelation]) -> list[FoundRelation]:
    """One relation per type, ends and sentence: the surest, and a symmetric one only one way."""
    best: dict[tuple[Any, ...], FoundRelation] = {}
    for relation in relations:
        ends = ((relation.source.start, relation.source.end), (relation.target.start, relation.target.end))
        if relation.type in _SYMMETRIC:
            ends = tuple(sorted(ends))
        key = (relation.type, ends, relation.evidence.start)
        if key not in best or best[key].confidence < relation.confidence:
            best[key] = relation
    return list(best.values())


@Language.factory(
    "fg_ar_relations",
    default_config={"relations_path": None, "kb_path": None, "min_confidence": 0.3},
    requires=["doc.spans", "doc.sents", "doc._.fg_claims"],
    assigns=["doc._.fg_relations", "doc._.fg_events"],
)
def make_arabic_relations(
    nlp: Language, name: str, relations_path: str | None, kb_path: str | None, min_confidence: float
) -> ArabicRelations:
    return ArabicRelations(nlp, load_lexicon(relations_path, "arabic_relations.json"), min_confidence, states(kb_path))
