"""``fg_events``: events as analysts count them, told by nouns as well as verbs.

``fg_frames`` reads an event from a verb with an actor ("HTS attacked the town"); most
reports name the event instead: "clashes broke out between A and B in Z", "an attack by
A on B", "the shelling of Z", "the arrest of N by A", "A launched an offensive". An event
noun from ``events.json`` that the sentence reports as having happened (not "called for
a ceasefire", "a possible attack", "no clashes") records an event whose participants and
place are read as for the named events of :class:`~factiongraph.nlp.structure.NamedEvents`;
it needs an actor or a named place. Every event, from a noun or a verb, is given PLOVER's
mode and ACLED's event and sub-event type from ``events.json``, and the people killed and
injured that its sentence (or the next, when that tells no event) counts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import Constructions, EventManner, EventNoun, EventWords, VerbRelations, lexicon_model
from factiongraph.nlp.casualties import CasualtyWords, read_casualties
from factiongraph.nlp.spans import DATELINES_KEY, MENTIONS_KEY, ClauseWords, FoundEvent, FoundRelation
from factiongraph.nlp.structure import MentionIndex, NamedEvents, pobjs
from factiongraph.vocab import ATTITUDES

_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT"})
"""Where an event word stands as a noun ("Fighting broke out", "after clashes with Y")."""


def event_noun(words: EventWords, token: Token) -> EventNoun | None:
    """What an event noun records, by its two-word name first ("air strike", "car bomb")."""
    forms = (token.lower_, token.lemma_.lower())
    for compound in (c for c in token.children if c.dep_ in ("compound", "amod")):
        for form in forms:
            if (entry := words.nouns.get(f"{compound.lower_} {form}")) is not None:
                return entry
    return next((words.nouns[form] for form in forms if form in words.nouns), None)


@Language.factory(
    "fg_events",
    default_config={
        "events_path": None,
        "constructions_path": None,
        "clauses_path": None,
        "casualties_path": None,
        "verbs_path": None,
    },
    requires=["doc.spans"],
    assigns=["doc._.fg_events", "doc._.fg_relations"],
)
def make_events(
    nlp: Language,
    name: str,
    events_path: str | None,
    constructions_path: str | None,
    clauses_path: str | None,
    casualties_path: str | None,
    verbs_path: str | None,
) -> EventFinder:
    return EventFinder(
        lexicon_model(events_path, EventWords),
        lexicon_model(constructions_path, Constructions),
        ClauseWords.read(clauses_path),
        CasualtyWords.read(casualties_path),
        lexicon_model(verbs_path, VerbRelations),
    )


class EventFinder:
    """Events from event nouns, and every event's mode, ACLED type and place (see the module docstring)."""

    def __init__(
        self,
        words: EventWords,
        constructions: Constructions,
        clauses: ClauseWords,
        casualties: CasualtyWords,
        verbs: VerbRelations,
    ) -> None:
        self.words = words
        self.verbs = verbs
        self.constructions = constructions
        self.clauses = clauses
        self.casualties = casualties
        self.named = NamedEvents(constructions, clauses)
        self._heads: frozenset[int] | None = None
        self._cues: frozenset[int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        events = [self._described(e, self._manner(e.trigger)) for e in doc._.fg_events or []]
        parsed = doc.has_annotation("DEP") and MENTIONS_KEY in doc.spans  # Arabic docs carry no parse
        columns = doc.to_array([LOWER, LEMMA]).tolist() if parsed else []
        candidates = self._event_words(doc, columns) if parsed else []
        if parsed and (events or candidates):
            mentions = MentionIndex(doc, self.clauses, self.constructions.arms_nouns | self.constructions.state_bodies)
            told = {e.trigger.start for e in events}
            named: list[FoundEvent] = []
            for token in (doc[i] for i in candidates if i not in told):
                if token.dep_ not in _NOUN_SLOTS or token.pos_ not in ("NOUN", "PROPN", "VERB"):
                    continue
                entry = event_noun(self.words, token)
                if entry is not None and self._happened(token):
                    event = self._named(token, entry, mentions)
                    if event is not None:
                        named.append(event)
            # a verb tells an event of its participants; a noun may tell one of its place alone
            told_by_verbs = [
                e
                for e in (
                    self._placed(_actors_only(_suffered(e, self.words.striking_verbs), mentions), mentions)
                    for e in events
                )
                if (e.sources or e.targets or (e.place is not None and e.type in self.words.place_alone))
                and not self._asked_for(e.trigger.root)
            ]
            told_by_nouns = [e for e in (_actors_only(e, mentions) for e in named) if e.sources or e.targets or e.place]
            events = _one_per_clause(told_by_verbs, told_by_nouns, self.words.circumstances)
            judged = self._judged(doc, candidates, events, mentions)
            if judged:
                doc._.fg_relations = [*(doc._.fg_relations or []), *judged]
        doc._.fg_events = self._counted(sorted(events, key=lambda e: e.trigger.start), columns)
        return doc

    def _judged(
        self, doc: Doc, candidates: list[int], events: list[FoundEvent], mentions: MentionIndex
    ) -> list[FoundRelation]:
        """Who condemns or praises an event dislikes or likes those who did it ("Iran condemned the operation",
        "the minister praised the offensive"): the event's own doers, else those of the latest event told
        before it by its word ("the strikes" after "jets struck ...")."""
        found: list[FoundRelation] = []
        # not deals or talks; in the order told, as verbs and nouns tell them apart
        acts = sorted((e for e in events if e.type not in self.words.done_together), key=lambda e: e.trigger.start)
        for token in (doc[i] for i in candidates):
            frame = self.verbs.verbs.get(token.head.lemma_.lower()) if token.dep_ == "dobj" else None
            if frame is None or frame.type not in ATTITUDES or frame.felt_by_subject:
                continue
            judges = [m for c in token.head.children if c.dep_ == "nsubj" for m in mentions.of(c)]
            doers = (_doers(token, acts) or self._doers_by_kind(token, acts)) if judges else ()
            found += [
                FoundRelation(frame.type, judge, doer, token.sent, "judged-event")
                for judge in judges
                for doer in doers
                if judge.id_ != doer.id_ or not judge.id_
            ]
        return found

    def _doers_by_kind(self, judged: Token, events: list[FoundEvent]) -> tuple[Span, ...]:
        """Who did the act a noun names by its kind ("the operation"): the latest act of that kind told in its
        sentence or the one before (see ``kind_nouns``)."""
        kind = self.words.kind_nouns.get(judged.lemma_.lower())
        sentence = judged.sent
        near = sentence.start if sentence.start == 0 else judged.doc[sentence.start - 1].sent.start
        latest = [e for e in events if e.type == kind and e.sources and near <= e.trigger.start < judged.i]
        return latest[-1].sources if latest else ()

    def _counted(self, events: list[FoundEvent], columns: list[list[int]]) -> list[FoundEvent]:
        """Each event with the dead and wounded its sentence counts, or, when it counts none, the next
        sentence if that tells no event of its own ("Clashes broke out in Z. Four fighters were killed.")."""
        if not events:
            return events
        doc = events[0].evidence.doc
        # the sentences' bounds from the doc's array: iterating doc.sents costs a Span for each
        starts = [i for i, start in enumerate(doc.to_array(SENT_START).tolist()) if start == 1 or i == 0]
        bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
        index = {start: i for i, start in enumerate(starts)}
        with_events = {index[e.evidence.start] for e in events if e.evidence.start in index}
        read: dict[int, tuple[int | None, int | None]] = {}
        if columns:  # a sentence without a word of death or wounds counts nobody: not read
            if self._cues is None:
                self._cues = frozenset(doc.vocab.strings.add(w) for w in self.casualties.cue_words)
            cued = {bisect_right(starts, i) - 1 for i in _tokens_among(columns, self._cues)}
            read = {i: (None, None) for i in range(len(starts)) if i not in cued}

        def counts(i: int) -> tuple[int | None, int | None]:
            if i not in read:
                found = read_casualties(doc[bounds[i][0] : bounds[i][1]], self.casualties)
                read[i] = (
                    found.killed.number if found.killed else None,
                    found.injured.number if found.injured else None,
                )
            return read[i]

        counted = []
        for event in events:
            i = index.get(event.evidence.start)
            if i is None:
                counted.append(event)
                continue
            killed, injured = counts(i)
            if killed is None and injured is None and i + 1 < len(starts) and i + 1 not in with_events:
                killed, injured = counts(i + 1)
            same = killed == event.killed and injured == event.injured
            counted.append(event if same else replace(event, killed=killed, injured=injured))
        return counted

    def _event_words(self, doc: Doc, columns: list[list[int]]) -> list[int]:
        """The tokens whose word or lemma ends an event noun."""
        if self._heads is None:
            names = [*self.words.nouns, *self.words.kind_nouns]
            self._heads = frozenset(doc.vocab.strings.add(name.split()[-1]) for name in names)
        return _tokens_among(columns, self._heads)

    def _places(self, word: Token, participants: list[Span], mentions: MentionIndex) -> list[Span]:
        """Where the event was: a phrase of place on its word, its verb, or one of its participants ("by
        the police in Afrin", "clashed with the army in Idlib province"), or on the verb the noun hangs on
        ("targeted by a bomb near Palmyra"), one step further in when the place phrase names no place
        ("along the front near Atarib"); a state is a side, not a place; a named place before a description."""
        preps = self.words.place_preps
        found = [m for p in dict.fromkeys(participants) for m in self.named.places(word, [p], mentions, preps)]
        found = found or self.named.places(word, [], mentions, preps)
        governor = _governing_verb(word)
        if not found and governor is not None:
            found = self.named.places(governor, [], mentions, preps)
        if not found:
            every = self.constructions.place_preps | preps
            phrases = [pobj for holder in (word, governor) if holder is not None for _, pobj in pobjs(holder, every)]
            # "killed a member of the council in Z": the place hangs on what the participant is of
            phrases += [pobj for p in participants for _, pobj in pobjs(p.root, {"of"})]
            found = [m for pobj in phrases for m in self.named.places(pobj, [], mentions, preps)]
        found = [m for m in dict.fromkeys(found) if (m.start, m.end) not in mentions.states]
        return sorted(found, key=mentions.is_description)

    def _placed(self, event: FoundEvent, mentions: MentionIndex) -> FoundEvent:
        """A verb's event of violence without a place object takes one hung on its participants."""
        if event.place is not None or event.type not in self.words.place_alone:
            return event
        places = self._places(event.trigger.root, [*event.sources, *event.targets], mentions)
        return replace(event, place=places[0]) if places else event

    def _manner(self, trigger: Span) -> EventManner | None:
        """How the event was done and its ACLED types: an English trigger's by its lemma, an Arabic one's by
        the lexicon word it is labelled with (its text may be inflected, voweled or hold a clitic)."""
        lemma = trigger.root.lemma_.lower() if trigger.doc.has_annotation("LEMMA") else ""
        return self.words.verbs.get(lemma) or self.words.arabic.get(trigger.label_ or trigger.text)

    @staticmethod
    def _described(event: FoundEvent, manner: EventManner | None) -> FoundEvent:
        acled = manner.acled if manner is not None else None
        return replace(
            event,
            mode=manner.mode if manner is not None else None,
            acled_event_type=acled.event_type if acled is not None else None,
            acled_sub_event_type=acled.sub_event_type if acled is not None else None,
        )

    def _happened(self, noun: Token) -> bool:
        """Whether the sentence tells the event as having happened: not "called for a ceasefire",
        "threatened an attack", "plans to launch an offensive", "a possible attack", "no clashes", nor a
        habit ("frequent attacks", "cells carry out attacks")."""
        if noun.dep_ == "compound":
            return False  # "attack helicopters", "ceasefire talks": the noun it is part of says what it is
        if any(c.lower_ in self.words.unreal_modifiers for c in noun.children):
            return False
        if any(c.dep_ == "amod" and c.lower_ in self.words.habitual_modifiers for c in noun.children):
            return False  # "frequent attacks", "sporadic clashes": a habit, not an event
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.tag_ == "NNS" and governor.tag_ in ("VBP", "VBZ") and governor.lemma_ != "be":
            return False  # "IS cells carry out attacks on the SDF": what they do, not what they did
        for _ in range(3):
            if governor.lemma_.lower() in self.words.unreal:
                return False  # "threatened an attack", "is likely to launch an attack"
            if governor.pos_ not in ("VERB", "AUX"):
                break
            if not self.clauses.asserted(governor):
                return False
            if governor.dep_ not in ("xcomp", "ccomp", "advcl") or governor.head is governor:
                break
            governor = governor.head
        return True

    def _asked_for(self, verb: Token) -> bool:
        """Whether a verb's clause is what someone calls for, plans or threatens ("called on states to take
        them back", "threatened to attack Manbij") or is only likely to happen ("is likely to attack"),
        not what happened."""
        for _ in range(3):
            if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head is verb:
                return False
            verb = verb.head
            if verb.lemma_.lower() in self.words.unreal:
                return True
        return False

    def _named(self, noun: Token, entry: EventNoun, mentions: MentionIndex) -> FoundEvent | None:
        between, agents, others = self.named.sides(noun, mentions)
        verb = self.named.verb_of_subject(noun)
        if verb is not None and verb.lemma_.lower() in self.words.striking_verbs:
            # "the strike hit Saraqib", "the attack killed three HTS fighters": what the event struck
            others += [m for c in verb.children if c.dep_ == "dobj" for m in mentions.of(c)]
            others += [m for _, pobj in pobjs(verb, self.words.struck_preps) for m in mentions.of(pobj)]
        if entry.place_from:  # "the withdrawal of the SDF from Manbij"
            others += [m for _, pobj in pobjs(noun, {"from"}) for m in mentions.of(pobj) if m.label_ == "Location"]
        if noun.dep_ == "pobj" and noun.head.lower_ in self.words.suffered_under:
            # "an army patrol came under attack": the subject suffered it
            suffered = [m for m in self.named.subject_of_governing_verb(noun, mentions)]
            agents = [m for m in agents if m not in suffered]
            others = [*others, *suffered]
        sources = [m for m in [*between, *agents] if mentions.may_act(m)]
        targets = [m for m in others if mentions.may_act(m) and m.label_ != "Location"]
        targets += [m for m in others if m.label_ == "Location" and (m.start, m.end) in mentions.states]
        places = [m for m in others if m.label_ == "Location" and (m.start, m.end) not in mentions.states]
        places += self._places(noun, [*between, *agents, *others], mentions)
        # "Idlib clashes", "an attack on a Saraqib post": a place named as a modifier
        modified = [noun, *(pobj for _, pobj in pobjs(noun, self.words.struck_preps))]
        places += [
            m
            for word in modified
            for c in word.children
            if c.dep_ in ("compound", "nmod")
            and (m := mentions.by_root.get(c.i)) is not None
            and m.label_ == "Location"
            and (m.start, m.end) not in mentions.states
        ]
        sources = list(dict.fromkeys(sources))
        targets = [m for m in dict.fromkeys(targets) if m not in sources]
        if not sources and not targets and not places:
            return None
        trigger = noun.doc[noun.i : noun.i + 1]
        places.sort(key=mentions.is_description)  # "in a crowded market in Azaz": Azaz
        place = places[0] if places else None
        event = FoundEvent(entry.event, trigger, tuple(sources), tuple(targets), place, noun.sent)
        return self._described(event, entry)


def _one_per_clause(
    told_by_verbs: list[FoundEvent], told_by_nouns: list[FoundEvent], circumstances: frozenset[str]
) -> list[FoundEvent]:
    """A verb whose subject or object is an event noun tells that event, not a second one: "a Russian
    airstrike hit Kafr Nabl", "Russia and Turkey agreed a ceasefire", "the SNA repelled an HTS offensive";
    so does a verb whose circumstance it is ("killed in an attack"). The noun's event, which says what it
    was, takes the verb's participants."""
    by_verb = {e.trigger.start: e for e in told_by_verbs}
    merged = []
    for event in told_by_nouns:
        noun = event.trigger.root
        verb_event = by_verb.pop(noun.head.i, None) if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        if verb_event is None and noun.dep_ == "pobj" and noun.head.lower_ in circumstances:
            # "two soldiers killed, three wounded in an HTS attack": the dead are the attack's
            word = noun.head.head
            for _ in range(3):  # up the clause: "killed, three wounded in an attack"
                if (verb_event := by_verb.pop(word.i, None)) is not None or word.head is word:
                    break
                word = word.head
        if verb_event is not None:
            sources = tuple(dict.fromkeys([*event.sources, *verb_event.sources]))
            targets = tuple(m for m in dict.fromkeys([*event.targets, *verb_event.targets]) if m not in sources)
            event = replace(event, sources=sources, targets=targets, place=event.place or verb_event.place)
        merged.append(event)
    return _consequences_folded([*by_verb.values(), *merged])


def _consequences_folded(events: list[FoundEvent]) -> list[FoundEvent]:
    """ "A car bomb went off in Azaz, killing eight people", "HTS attacked the post, wounding two": the
    participle tells what the event did, not another event; its sides join the event of its clause."""
    by_trigger = {e.trigger.start: e for e in events}
    host_of: dict[int, int] = {}
    for event in events:
        word = event.trigger.root
        if word.tag_ != "VBG" or word.dep_ not in ("advcl", "xcomp", "conj"):
            continue
        host = by_trigger.get(word.head.i) or next(
            (e for e in events if e is not event and e.trigger.root.head.i == word.head.i), None
        )
        if host is not None and host is not event:
            host_of[event.trigger.start] = host.trigger.start
    kept = dict(by_trigger)
    for gone, host in host_of.items():
        if host in host_of:
            continue  # a chain of participles: each keeps its own
        into, folded = kept[host], by_trigger[gone]
        targets = tuple(m for m in dict.fromkeys([*into.targets, *folded.targets]) if m not in into.sources)
        kept[host] = replace(into, targets=targets, place=into.place or folded.place)
        del kept[gone]
    return [kept[e.trigger.start] for e in events if e.trigger.start in kept]


def _actors_only(event: FoundEvent, mentions: MentionIndex) -> FoundEvent:
    """The event without the participants that cannot take part: a place that is not a state, or the
    place and country of a dateline."""
    openings = [(d.start, d.end) for d in event.evidence.doc.spans.get(DATELINES_KEY, [])]

    def takes_part(mention: Span) -> bool:
        if any(start <= mention.start < end for start, end in openings):
            return False
        return mention.label_ != "Location" or (mention.start, mention.end) in mentions.states

    sources = tuple(m for m in event.sources if takes_part(m))
    targets = tuple(m for m in event.targets if takes_part(m))
    if sources == event.sources and targets == event.targets:
        return event
    return replace(event, sources=sources, targets=targets)


def _tokens_among(columns: list[list[int]], words: frozenset[int]) -> list[int]:
    """The tokens whose lower-case form or lemma is among ``words`` (string hashes), read from the doc's
    arrays (``LOWER``, ``LEMMA``) at once: looking at every token one by one costs more than the rest of
    the component."""
    return [i for i, (lower, lemma) in enumerate(columns) if lower in words or lemma in words]


def _governing_verb(word: Token) -> Token | None:
    """The verb a noun hangs on, directly or through a preposition ("targeted by a bomb")."""
    head = word.head.head if word.dep_ == "pobj" and word.head.dep_ in ("prep", "agent") else word.head
    return head if head is not word and head.pos_ in ("VERB", "AUX") else None


def _suffered(event: FoundEvent, striking: frozenset[str]) -> FoundEvent:
    """A headline's bare participle tells what its subject suffered ("2 SAA soldiers killed, 3 wounded"):
    the parse makes them the subject of a verb of striking that has no object; they are its target."""
    verb = event.trigger.root
    bare = verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
    if not bare or not event.sources or verb.lemma_.lower() not in striking or verb.dep_ not in ("ROOT", "conj", "acl"):
        return event
    return replace(event, sources=(), targets=tuple(dict.fromkeys([*event.targets, *event.sources])))


def _doers(judged: Token, events: list[FoundEvent]) -> tuple[Span, ...]:
    """Who did the event a word names: the event it tells itself, else the latest told before it by the same
    word with its doers named ("the strikes" after "US jets struck"; not "the deal" after "X and Y agreed",
    where other deals may stand between)."""
    own = next((e for e in events if e.trigger.start <= judged.i < e.trigger.end), None)
    if own is not None and own.sources:
        return own.sources
    lemma = judged.lemma_.lower()
    before = [
        e
        for e in events
        if e.trigger.start < judged.i and e.sources and _same_word(lemma, e.trigger.root.lemma_.lower())
    ]
    return before[-1].sources if before else ()


def _same_word(noun: str, verb: str) -> bool:
    """Whether a noun names what a verb does: the same lemma ("the attack", "attacked"), or its gerund ("the
    shelling", "shelled"; "the seizing", "seized")."""
    return noun in (verb, f"{verb}ing", f"{verb[:-1]}ing" if verb.endswith("e") else verb)
