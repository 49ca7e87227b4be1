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
  "هجوم X على Y"), the doer a light verb or a preposition names ("هجوم شنّه X", "شنّت X هجوماً",
  "على يد X"), and the men a death before it counts ("قُتل ثلاثة عناصر من X في هجوم": X suffered it);
  an event noun or verb also tells an event of one side, or of its place alone when its kind allows
  ("انفجرت سيارة مفخخة في سوق الباب");
* where an event happened: a place after a preposition of place in its clause ("في", "قرب", "في محيط",
  "على أطراف", "بريف"), after the trigger or else before it, a place struck ("غارة على X"), or the place
  left ("انسحاب X من Z"); a state is a side, never a place.

Every end distributes over the list it stands in. A verb or noun preceded by a negator or a hedge
("لم تقصف", "قد تهاجم"), in a clause that calls for, threatens, plans or habitually sees it ("دعت إلى
وقف القصف", "هددت بشن هجوم"), followed by a word that makes it unreal ("هجوم محتمل"), or inside a claim
that is not asserted, makes nothing. Relations are the English pipeline's :class:`FoundRelation`, with
the construction that found them and its confidence from the lexicon; events are :class:`FoundEvent`,
their trigger labelled with the lexicon's word, under which ``events.json`` gives their mode and ACLED types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph import lexicons
from factiongraph.lexicons import lexicon_model
from factiongraph.nlp.arabic.reading import Phrase, Sentence, phrase, phrases, states, verb_phrases
from factiongraph.nlp.spans import MENTIONS_KEY, FoundEvent, FoundRelation
from factiongraph.settings import setting
from factiongraph.vocab import AGENTS, SYMMETRIC

_SYMMETRIC = SYMMETRIC - {"IsSynonymOf"}
"""A name and the name it refers back to keep their direction."""
_SUBJECT_REACH = setting("arabic_subject_reach")
"""Words (a body, a title, an adjective) that may stand between a verb and the name of its subject."""
_OBJECT_REACH = setting("arabic_object_reach")
_OWNER_REACH = setting("arabic_owner_reach")
"""Words (a number, a body, a title) that may stand between an event noun and its owner ("مقتل ثلاثة عناصر من X")."""
_PLACE_REACH = setting("arabic_place_reach")


@dataclass(frozen=True)
class _Verb:
    type: str
    preps: frozenset[Phrase]
    objects: frozenset[str]
    place_object: bool
    event: str | None
    direct: bool
    word: str
    """The verb as the lexicon writes it: what its event's trigger is labelled with."""
    outcome: bool


@dataclass(frozen=True)
class _Nominal:
    type: str | None
    event: str | None
    owner: str
    outcome: bool
    place_from: bool
    word: str


@dataclass(frozen=True)
class _Reading:
    """What a trigger's clause says: the relation between its sides, its event, its sides, and a place its
    own words name (a verb's object, "غارة على X")."""

    type: str | None
    event: str | None
    source: Span | None
    targets: tuple[Span, ...]
    construction: str
    place: Span | None = None


@dataclass(frozen=True)
class _Rule:
    type: str
    first: frozenset[str]
    second: frozenset[str]
    source: str


class ArabicRelations:
    """Relations and events in each sentence of an Arabic doc (see the module docstring)."""

    def __init__(
        self, nlp: Language, words: lexicons.ArabicRelations, min_confidence: float, states: frozenset[str]
    ) -> None:
        self.states = states
        self.confidence = words.confidence
        self.min_confidence = min_confidence
        self.between: dict[Phrase, list[_Rule]] = {}
        for rule in words.between:
            entry = _Rule(rule.type, frozenset(rule.first), frozenset(rule.second), rule.source)
            for keys in phrases(nlp, rule.phrases):
                self.between.setdefault(keys, []).append(entry)
        self.titles = {keys: t.type for t in words.titles for keys in phrases(nlp, t.words)}
        self.title_links = phrases(nlp, words.title_links)
        self.title_words = {k for keys in self.titles for k in keys}
        self.max_filler = words.max_filler
        self.bodies = {k[0] for k in phrases(nlp, words.bodies)}
        self.verbs: dict[Phrase, _Verb] = {}
        for verb in words.verbs:
            entry = _Verb(
                verb.type,
                frozenset(phrases(nlp, verb.preps)),
                frozenset(verb.objects if verb.objects is not None else ["Person", "Organisation", "Nationality"]),
                bool(verb.place_object),
                verb.event,
                not verb.preps or "" in verb.preps,
                verb.past or verb.forms[0],
                bool(verb.outcome),
            )
            for keys in verb_phrases(nlp, verb):
                self.verbs.setdefault(keys, entry)
        self.nominals: dict[Phrase, _Nominal] = {}
        for nominal in words.nominals:
            for word in nominal.words:
                entry = _Nominal(
                    nominal.type,
                    nominal.event,
                    nominal.owner or "source",
                    bool(nominal.outcome),
                    bool(nominal.place_from),
                    word,
                )
                keys = phrase(nlp, word)
                self.nominals.setdefault(keys, entry)
                self.nominals.setdefault(_accusative(keys), entry)  # "شنت X هجوماً", "قصفاً مدفعياً"
        self.nominal_preps = phrases(nlp, words.nominal_preps)
        self.light_verbs = {k for entry in words.light_verbs for k in verb_phrases(nlp, entry)}
        self.agent_preps = phrases(nlp, words.agent_preps)
        self.cause_preps = phrases(nlp, words.cause_preps)
        self.casualty_words = phrases(nlp, words.casualty_words)
        self.numbers = {k for keys in phrases(nlp, words.number_words) for k in keys}
        self.place_only = words.place_only_events
        self.between_words = phrases(nlp, words.between_words)
        self.place_preps = phrases(nlp, words.place_preps)
        self.joiners = phrases(nlp, words.list_joiners)
        self.unasserting = phrases(nlp, words.negators) | phrases(nlp, words.hedges)
        self.negators_before = phrases(nlp, words.negators_before)
        self.unreal_clause = phrases(nlp, words.unreal_clause)
        self.unreal_after = phrases(nlp, words.unreal_after)
        self.guard_window = words.guard_window
        self.clause_breaks = phrases(nlp, words.clause_breaks)
        self.between_fillers = {k for keys in phrases(nlp, words.between_fillers) for k in keys}
        self.object_fillers = {k for keys in phrases(nlp, words.object_fillers) for k in keys}
        self.within = phrases(nlp, words.within_words)
        self.ranks = {k for keys in phrases(nlp, words.ranks) for k in keys}
        self.pronouns = {k for keys in phrases(nlp, words.title_pronouns) for k in keys}
        self.list_fillers = frozenset(self.object_fillers | self.bodies)
        self.verb_keys, self.nominal_keys = set(self.verbs), set(self.nominals)
        self.longest = max(len(k) for k in [*self.between, *self.titles, *self.verbs, *self.nominals])
        self.longest_nominal = max(len(k) for k in self.nominals)
        self.nominal_heads = {k[0] for k in self.nominals}
        self.owner_links = {k for keys in self.title_links for k in keys} | {"من"}

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

    def _clause_start(self, sentence: Sentence, before: int) -> int:
        """Where the clause that holds token ``before`` opens: after the last word before it that opens one."""
        opening = sentence.span.start
        for i in sentence.words:
            if i >= before:
                break
            if sentence.matches_at(i, self.clause_breaks, 2):
                opening = i + 1
        return opening

    def _unreal(self, sentence: Sentence, trigger: int, last: int) -> bool:
        """Whether the clause tells the event as not having happened: a negator just before ("ما قصفت"), a
        call, threat, plan or habit earlier in the clause ("دعت إلى وقف القصف", "هددت بشن هجوم"), or a word
        after that makes it unreal ("هجوم محتمل", "هجمات متكررة")."""
        at = sentence.position[trigger]
        if at and (sentence.key(sentence.words[at - 1]),) in self.negators_before:
            return True
        opening = self._clause_start(sentence, trigger)
        if any(sentence.matches_at(i, self.unreal_clause, 3) for i in sentence.words if opening <= i < trigger):
            return True
        following = [i for i in sentence.words if i > last][:2]
        return any((sentence.key(i),) in self.unreal_after for i in following)

    def _trigger(self, sentence: Sentence, token: int) -> tuple[int, _Verb | _Nominal] | None:
        """The verb or event noun that starts at ``token``, with its last token: a noun written as one ("القصف",
        "بقصف", "قصفاً مدفعياً") before a verb of the same letters, and event nouns in a row ("انفجار سيارة
        مفخخة", "هجوم بعبوة ناسفة") read as one event named by the last."""
        key = sentence.key(token)
        verb_keys = (key,) if (key,) in self.verb_keys else None
        noun_keys = (
            sentence.matches_at(token, self.nominal_keys, self.longest_nominal) if key in self.nominal_heads else None
        )
        if verb_keys is not None and (
            noun_keys is None or (len(noun_keys) == 1 and not self._noun_form(sentence, token))
        ):
            return token, self.verbs[verb_keys]
        if noun_keys is None:
            return None
        entry = self.nominals[noun_keys]
        last = sentence.words[sentence.position[token] + len(noun_keys) - 1]
        while not entry.outcome:
            at = sentence.word_after(last)
            if at is not None and (sentence.key(at),) == ("ب",):
                at = sentence.word_after(at)
            following = sentence.matches_at(at, self.nominal_keys, self.longest_nominal) if at is not None else None
            if following is None or self.nominals[following].outcome:
                break
            means = self.nominals[following]
            entry = _Nominal(
                entry.type or means.type, entry.event or means.event, entry.owner, False, entry.place_from, means.word
            )
            last = sentence.words[sentence.position[at] + len(following) - 1]
        return last, entry

    def _noun_form(self, sentence: Sentence, token: int) -> bool:
        """Whether a word that may be a verb is written as a noun: with the article, the accusative ending, or
        after a preposition or a light verb ("القصف", "قصفاً", "بقصف", "شنت هجوماً")."""
        text = sentence.doc[token].text
        if text.startswith("ال") or "\u064b" in text:
            return True
        at = sentence.position[token]
        before = (sentence.key(sentence.words[at - 1]),) if at else ()
        return before in self.cause_preps or before in self.light_verbs

    def _clauses(
        self, sentence: Sentence, unasserted: list[tuple[int, int]]
    ) -> tuple[list[FoundRelation], list[FoundEvent]]:
        """Verbs and event nouns with their sides and place."""
        relations: list[FoundRelation] = []
        events: list[FoundEvent] = []
        triggers = self._triggers(sentence)
        for token, (last, entry) in triggers.items():
            if self._guarded(sentence, token, unasserted) or self._unreal(sentence, token, last):
                continue
            if isinstance(entry, _Verb) and self._noun_follows(sentence, token, triggers):
                continue  # "تتواصل منذ أسابيع الاشتباكات", "صدّوا هجوماً شنّته X": the noun tells the event
            if entry.outcome and any(not o.outcome and o.event == entry.event for _, o in triggers.values()):
                continue  # "قُتل ثلاثة في هجوم", "اشتباكات ... أسفرت عن مقتل ثلاثة": the attack is the event told
            end = self._clause_end(sentence, last)
            if isinstance(entry, _Verb):
                reading = self._verb(sentence, token, end, entry)
            else:
                reading = self._nominal(sentence, token, last + 1, end, entry)
            source, targets = reading.source, reading.targets
            first = targets[0] if targets else source
            place = self._place(sentence, max(token, first.end if first is not None else token), end)
            if reading.type is not None and source is not None:
                for target in targets:
                    relations += self._relation(reading.type, source, target, sentence, reading.construction)
                if not targets and reading.construction == "verb" and reading.type in _SYMMETRIC:
                    first_item, *others = sentence.items(source)  # "التقى X و Y", "وقع X و Y اتفاقاً"
                    for other in others:
                        relations += self._relation(reading.type, first_item, other, sentence, reading.construction)
            sides = [
                *(sentence.items(source) if source is not None else []),
                *(m for t in targets for m in sentence.items(t) if reading.type in _SYMMETRIC),
            ]
            for side in sides:  # both sides of a fight or a meeting were where it happened
                if place is not None and side.label_ != "Location":
                    relations += self._relation("CoLocated", side, place, sentence, "place")
            if reading.event:
                event = self._event(sentence, token, last, entry.word, reading, place, end)
                if event is not None:
                    events.append(event)
        return relations, events

    def _event(
        self, sentence: Sentence, token: int, last: int, word: str, reading: _Reading, place: Span | None, end: int
    ) -> FoundEvent | None:
        """The event a trigger tells, when it names a side, or a place for a kind that may be told of its
        place alone; its place the one its words name, else the clause's."""
        sources = list(dict.fromkeys(sentence.items(reading.source) if reading.source is not None else []))
        targets = [m for t in reading.targets for m in sentence.items(t) if m not in sources]
        towns = [m for m in [*sources, *targets] if m.label_ == "Location" and m.id_ not in self.states]
        sources = [m for m in sources if m not in towns]  # "زار X مدينة Y", "حول سد تشرين ومسيرات تركية تقصف"
        targets = [m for m in targets if m not in towns]
        if place is None or place.id_ in self.states:
            place = self._place(sentence, last + 1, end, states=False) or self._place_before(sentence, token)
        place = reading.place or (towns[0] if towns else None) or place
        if not sources and not targets and (place is None or reading.event not in self.place_only):
            return None
        trigger = Span(sentence.doc, token, last + 1, label=word)
        return FoundEvent(reading.event, trigger, tuple(sources), tuple(dict.fromkeys(targets)), place, sentence.span)

    @staticmethod
    def _noun_follows(sentence: Sentence, verb: int, triggers: dict[int, tuple[int, _Verb | _Nominal]]) -> bool:
        """Whether an event noun follows the verb within three words, no name between (its subject or object)."""
        for count in range(1, 4):
            at = sentence.word_after(verb, count)
            if at is None or sentence.mention_at(at) is not None:
                return False
            if at in triggers and isinstance(triggers[at][1], _Nominal):
                return True
        return False

    def _triggers(self, sentence: Sentence) -> dict[int, tuple[int, _Verb | _Nominal]]:
        """The sentence's verbs and event nouns by first token, each with its last token and lexicon entry."""
        found: dict[int, tuple[int, _Verb | _Nominal]] = {}
        passed = sentence.span.start
        for token in sentence.words:
            if token >= passed and (trigger := self._trigger(sentence, token)) is not None:
                found[token] = trigger
                passed = trigger[0] + 1  # past the nouns in a row that name one event
        return found

    def _verb(self, sentence: Sentence, verb: int, end: int, frame: _Verb) -> _Reading:
        """The verb's subject (just before it, else just after it) and object, or the place that is its
        object; the men counted after a killing ("قُتل ثلاثة عناصر من X") suffered it; with no subject, the doer
        a preposition names ("برصاص X"), if any."""
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
                if frame.outcome and self._counts(sentence, verb + 1, subject.start):
                    agent = self._agent(sentence, subject.end, end)
                    return _Reading(frame.type, frame.event, agent, (subject,), "verb")
                after = self._past_modifiers(sentence, sentence.items(subject)[-1].end, end)
            else:
                subject = self._topic(sentence, verb)
                if subject is None:
                    return _Reading(frame.type, frame.event, self._agent(sentence, verb + 1, end), (), "verb")
        after, end = self._past_relative(sentence, after, end)
        obj = sentence.next_mention(after, _OBJECT_REACH)
        titled = obj is not None and sentence.keys(after, obj.start)[:1]
        person = sentence.next_mention(obj.end, 0) if obj is not None and obj.label_ != "Person" else None
        if titled and _indefinite(titled[0]) in self.title_words and person is not None and person.label_ == "Person":
            obj = person  # "اعتقلت X القيادي في الغرفة Y": the person the title names, not the group
        if obj is not None and (obj.start >= end or not self._object_linked(sentence, after, obj, frame)):
            obj = None
        type_, place = frame.type, None
        kind = obj and ("Organisation" if obj.id_ in self.states else obj.label_)
        if obj is not None and kind == "Location" and frame.place_object:
            type_ = "CoLocated"
        elif obj is not None and kind not in frame.objects:
            place = obj if kind == "Location" else None  # a town is no side of a fight: it is where it happened
            obj = None
        return _Reading(type_, frame.event, subject, (obj,) if obj is not None else (), "verb", place)

    def _counts(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the words before a mention count men of it ("ثلاثة عناصر من", "عنصران من"): a number or
        "من" of the part."""
        return any(
            k in self.numbers or k == "من" or sentence.doc[i].like_num
            for i, k in ((i, sentence.key(i)) for i in sentence.words if start <= i < end)
        )

    def _agent(self, sentence: Sentence, after: int, end: int) -> Span | None:
        """The doer a preposition names in the clause ("على يد X", "من قبل X", "برصاص X")."""
        for i in sentence.words:
            if after <= i < end and (keys := sentence.matches_at(i, self.agent_preps, 2)) is not None:
                at = sentence.word_after(i, len(keys))
                agent = sentence.next_mention(at, 2) if at is not None else None
                if agent is not None and agent.start < end and self._acts(agent):
                    return agent
        return None

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
        return mention.label_ in AGENTS or mention.id_ in self.states

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

    def _nominal(self, sentence: Sentence, noun: int, after: int, end: int, entry: _Nominal) -> _Reading:
        """ "بين X و Y"; else the noun's owner ("هجوم X", "اغتيال X": its doer or what it was done to, as the
        noun has it) and the side or place after a preposition ("على Y"); the doer a light verb or a preposition
        names ("هجوم شنّه X", "شنّت X هجوماً", "على يد X"); and the men a death before it counts."""
        pair = self._between_sides(sentence, after, end)
        source, targets, place = (pair[0], [pair[1]], None) if pair else (None, [], None)
        if pair is None:
            position = after
            owner = self._owner(sentence, after, end)
            if owner is not None and entry.owner == "target":
                targets.append(owner)
            elif owner is not None:
                source = owner
            if owner is not None:
                position = sentence.items(owner)[-1].end
            other = self._after_prep(sentence, position, end)
            if other is not None and self._acts(other):
                targets.append(other)
            elif other is not None and source is None and not targets:
                place = other  # "غارة على قرية X": the place struck
            if source is None:
                source = self._light_agent(sentence, noun, after, end) or self._agent(sentence, after, end)
        victims = self._victims(sentence, noun)
        if victims is not None and victims != source:
            targets.append(victims)
        if entry.place_from:
            place = place or self._left(sentence, after, end)
        return _Reading(entry.type, entry.event, source, tuple(dict.fromkeys(targets)), "nominal", place)

    def _between_sides(self, sentence: Sentence, after: int, end: int) -> tuple[Span, Span] | None:
        """The two sides of "بين X و Y" after an event noun ("اشتباكات، مساء السبت، بين X و Y")."""
        near = [i for i in sentence.words if after <= i < end][:6]
        first_word = next((i for i in near if sentence.matches_at(i, self.between_words, 1)), None)
        if first_word is None:
            return None
        first = sentence.next_mention(first_word + 1, 2)
        if first is None or first.start >= end or not self._acts(first):
            return None  # "على الطريق الواصل بين مدينتي X و Y": places, not sides
        items = sentence.items(first)
        if len(items) > 1:
            return items[0], items[1]
        second = sentence.next_mention(first.end, 6)
        joined = sentence.keys(first.end, second.start) if second is not None else ()
        if second is None or second.start >= end or not _and_then(joined, self.bodies) or not self._acts(second):
            return None
        return first, second

    def _linking(self, keys: Phrase) -> bool:
        """Whether words may stand between an event noun and its owner: numbers, bodies, titles, "من", "لـ"."""
        return all(
            k in self.numbers
            or k in self.bodies
            or k in self.object_fillers
            or k in self.owner_links
            or _indefinite(k) in self.title_words
            or k.isdigit()
            for k in keys
        )

    def _owner(self, sentence: Sentence, after: int, end: int) -> Span | None:
        """The actor the noun is of, just after it ("هجوم لهيئة تحرير الشام", "مقتل ثلاثة عناصر من X")."""
        owner = sentence.next_mention(after, _OWNER_REACH)
        if owner is None or owner.start >= end or not self._acts(owner):
            return None
        return owner if self._linking(sentence.keys(after, owner.start)) else None

    def _after_prep(self, sentence: Sentence, after: int, end: int) -> Span | None:
        """The mention after a preposition of the noun's other side ("على Y", "ضد Y", "على حاجز لـ Y")."""
        other = sentence.next_mention(after, _OWNER_REACH)
        if other is None or other.start >= end:
            return None
        between = sentence.keys(after, other.start)
        prep = next((p for p in self.nominal_preps if between[: len(p)] == p), None)
        if prep is None or not self._linking(between[len(prep) :]):
            return None
        return other

    def _light_agent(self, sentence: Sentence, noun: int, after: int, end: int) -> Span | None:
        """The subject of a light verb that carries the noun: after it ("هجوم شنّه X", "غارة نفّذتها طائرة
        تركية") or before it ("شنّت X هجوماً", "قامت X بتفجير")."""
        at = sentence.position[noun]
        following = sentence.words[sentence.position[after - 1] + 1 :][:1] if after - 1 in sentence.position else []
        if following and following[0] < end and (sentence.key(following[0]),) in self.light_verbs:
            agent = sentence.next_mention(following[0] + 1, _SUBJECT_REACH)
            if agent is not None and agent.start < end and self._acts(agent):
                return agent
        opening = self._clause_start(sentence, noun)
        for i in reversed(sentence.words[max(0, at - 6) : at]):
            if i < opening:
                break
            if (sentence.key(i),) in self.light_verbs:
                agent = sentence.next_mention(i + 1, _SUBJECT_REACH)
                if agent is not None and agent.end <= noun and self._acts(agent):
                    return agent
                agent = sentence.previous_mention(i, 0)
                return agent if agent is not None and self._acts(agent) else None
        return None

    def _victims(self, sentence: Sentence, noun: int) -> Span | None:
        """The men a death or wound before the noun counts, when a word of cause joins them to it ("قُتل
        ثلاثة عناصر من X ... في هجوم", "مقتل عنصرين من X بغارة")."""
        at = sentence.position[noun]
        if not at or (sentence.key(sentence.words[at - 1]),) not in self.cause_preps:
            return None
        opening = self._clause_start(sentence, noun)
        for i in sentence.words:
            if i < opening or i >= noun:
                continue
            if (sentence.key(i),) in self.casualty_words:
                men = sentence.next_mention(i + 1, _OWNER_REACH)
                if men is not None and men.end <= noun and self._acts(men):
                    return men if self._linking(sentence.keys(i + 1, men.start)) else None
                return None
        return None

    def _left(self, sentence: Sentence, after: int, end: int) -> Span | None:
        """The place left ("انسحاب X من Z")."""
        for mention in sentence.mentions:
            if after <= mention.start < end and mention.label_ == "Location" and mention.id_ not in self.states:
                before = sentence.keys(max(after, mention.start - 3), mention.start)
                if "من" in before:
                    return mention
        return None

    def _place(self, sentence: Sentence, after: int, end: int, *, states: bool = True) -> Span | None:
        """The place the clause names after a preposition of place ("في ريف إدلب"); a state only when
        ``states`` (a fight's sides were in Turkey, but an event is placed at a town)."""
        for mention in sentence.mentions:
            if mention.start < after or mention.start >= end:
                continue
            if mention.label_ == "Location" and (states or mention.id_ not in self.states):
                before = sentence.keys(max(after, mention.start - _PLACE_REACH), mention.start)
                if any(before[i : i + len(p)] == p for p in self.place_preps for i in range(len(before))):
                    return mention
        return None

    def _place_before(self, sentence: Sentence, trigger: int) -> Span | None:
        """The last place named before the trigger in its clause ("قُتل ثلاثة في بلدة X بهجوم")."""
        opening = self._clause_start(sentence, trigger)
        places = [
            m
            for m in sentence.mentions
            if opening <= m.start and m.end <= trigger and m.label_ == "Location" and m.id_ not in self.states
        ]
        for place in reversed(places):
            before = sentence.keys(max(opening, place.start - _PLACE_REACH), place.start)
            if any(before[i : i + len(p)] == p for p in self.place_preps for i in range(len(before))):
                return place
        return None


def _and_then(keys: Phrase, bodies: set[str]) -> bool:
    """Whether the words between the two sides of "بين X و Y" are و, then perhaps the men of Y ("ومقاتلي")."""
    if keys[:2] == ("من", "جهه"):  # "بين X من جهة و Y من جهة أخرى"
        keys = keys[2:]
    return bool(keys) and keys[0] == "و" and all(k in bodies for k in keys[1:])


def _accusative(keys: Phrase) -> Phrase:
    """A phrase with the alef of the accusative indefinite on every word that takes it ("قصفاً مدفعياً")."""
    return tuple(k if k.endswith(("ه", "ات")) else k + "ا" for k in keys)


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
    words = lexicon_model(relations_path, lexicons.ArabicRelations)
    return ArabicRelations(nlp, words, min_confidence, states(kb_path))
