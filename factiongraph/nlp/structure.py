"""``fg_structure``: relations from the grammar of a sentence, by constructions that recur in every outlet.

Where the trigger rules read the words between two mentions, these rules read the
dependency parse, so they hold whatever lies between: a title joined to a person
and a group ("Y commander X", "X, the head of Y's media office", "its leader X"),
a modifier ("Turkish-backed factions", "HTS-linked force", "National Army-held
areas"), a named event and its participants ("clashes between X and Y in Z", "the
killing of HTS fighters by NLF fighters", "X's attack on Y", "sanctions on X", "a
visit to Z"), a copula or apposition ("X is part of Y", "X, a faction of Y", "X is
the main rival of Y", "X is affiliated with Y") and membership lists ("included
factions of A, B and C"). Every argument is distributed over its conjuncts. The
words of each construction are data (``constructions.json``); whether a candidate
is kept is for ``fg_decide``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import ClaimCues, Constructions, lexicon_model
from factiongraph.nlp.spans import (
    DATELINES_KEY,
    DESCRIPTIONS_KEY,
    HYPHENS,
    STATES_KEY,
    ClauseWords,
    FoundRelation,
    coordinated_modifiers,
    group_of,
    mentions_of,
    mentions_per_token,
    once_per_document,
    past_dateline,
    tokens_of_pos,
)
from factiongraph.vocab import AGENTS, COLLECTIVES, MET_THERE, RelationType

GROUPS = frozenset({"Organisation"})
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
"""Where a gerund or a word tagged an adjective is a noun: "Fighting between X and Y left nine dead", "Turkey's
offensive in Z began"."""
_THROUGH_LEADERS = frozenset({"Likes", "Dislikes", "FightingAgainst"})
"""What is said of a man's fighters that is said of him too: a stance or a fight, not a place nor a membership."""
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADP", "AUX", "SCONJ"})
"""Parts of speech a construction's word can have ("including" is a preposition, "part" a noun)."""


@Language.factory(
    "fg_structure",
    default_config={"constructions_path": None, "clauses_path": None},
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["doc._.fg_relations"],
)
def make_structure(
    nlp: Language, name: str, constructions_path: str | None, clauses_path: str | None
) -> StructureFinder:
    reporting = frozenset(lexicon_model(None, ClaimCues).clause_only)
    return StructureFinder(lexicon_model(constructions_path, Constructions), ClauseWords.read(clauses_path), reporting)


@dataclass(frozen=True)
class _MentionTables:
    """The document's mentions by the words that find them, read once per document (``fg_structure`` and
    ``fg_events`` both index them) and never changed."""

    states: set[tuple[int, int]]
    descriptions: set[tuple[int, int]]
    by_root: dict[int, Span]
    ending_at: dict[int, Span]
    description_of: dict[int, Span]
    starting_at: dict[int, list[Span]]
    place_holding: dict[int, Span]
    """The named place each of its words is in: the parser may hang a place's name by any of its words."""


def _mention_tables(doc: Doc) -> _MentionTables:
    tables = _MentionTables(
        states={(s.start, s.end) for s in doc.spans.get(STATES_KEY, [])},
        descriptions={(d.start, d.end) for d in group_of(doc, DESCRIPTIONS_KEY)},
        by_root={},
        ending_at={},
        description_of={},
        starting_at={},
        place_holding={},
    )
    for mention in mentions_of(doc):
        tables.starting_at.setdefault(mention.start, []).append(mention)
        tables.by_root.setdefault(mention.root.i, mention)
        tables.ending_at.setdefault(mention.end - 1, mention)
        if (mention.start, mention.end) in tables.descriptions:
            tables.description_of[mention.root.i] = mention
        elif mention.label_ == "Location":
            tables.place_holding.update(dict.fromkeys(range(mention.start, mention.end), mention))
    return tables


class MentionIndex:
    """The document's mentions by the token that heads them, and by the token where they end."""

    def __init__(self, doc: Doc, clauses: ClauseWords, arms_nouns: frozenset[str]) -> None:
        """``arms_nouns``: what a state's or a group's name before it makes theirs ("Russian jets", "two Turkish
        ministries")."""
        self.clauses = clauses
        self.arms_nouns = arms_nouns
        tables = once_per_document(doc, _mention_tables)
        self.states = tables.states
        self.descriptions = tables.descriptions
        self.by_root = tables.by_root
        self.ending_at = tables.ending_at
        self.description_of = tables.description_of
        self.starting_at = tables.starting_at
        self.place_holding = tables.place_holding

    def may_act(self, mention: Span) -> bool:
        """An actor, or a state named as a place ("the support of Turkey")."""
        return mention.label_ in AGENTS or (mention.start, mention.end) in self.states

    def is_description(self, mention: Span) -> bool:
        return (mention.start, mention.end) in self.descriptions

    def named_beside(self, token: Token) -> list[Span]:
        """The name a description stands in apposition to ("the Salvation Government, the civil administration
        aligned with HTS"): what is said of the description is said of it."""
        described = self.by_root.get(token.i)
        if described is None or not self.is_description(described):
            return []
        named = self.by_root.get(token.head.i) if token.dep_ == "appos" else None
        if named is None and described.start >= 2 and token.doc[described.start - 1].text == ",":
            named = self.ending_at.get(described.start - 2)  # the parser may hang the apposition far off
        if named is None or named.label_ != described.label_ or self.is_description(named):
            return []
        return [named]

    def of(self, token: Token, named_members: bool = True) -> list[Span]:
        """The mentions a phrase headed by ``token`` stands for, one per conjunct ("A, B and C");
        a partitive or a group noun that names its members after "of" stands for them ("one of the
        factions of X", "factions of A, B and C"), and a thing named by whose it is stands for its owner
        ("facilities used by X")."""
        found: list[Span] = []
        heads = [token, *token.conjuncts, *coordinated_modifiers(token)]
        heads += [t for head in heads for t in self.listed_after_name(head)]
        for head in heads:
            # a name whose words the parser hung apart ("in northeast Syria") is found by its last word
            mention = self.by_root.get(head.i) or self.ending_at.get(head.i) or self.place_holding.get(head.i)
            members = self.named_after_of(head)
            if mention is not None and self.is_description(mention) and mention.label_ == "Location":
                # "the Jabal al-Zawiya area of southern Idlib" names Jabal al-Zawiya, not Idlib
                members = self.places_named_before(mention, head) or members
            if mention is None or (self.is_description(mention) and mention.label_ == "Location"):
                members += [m for owner in self.clauses.owners_by_participle(head) for m in self.of(owner)]
            if named_members and (mention is None or self.is_description(mention)):  # "villages including A, B"
                named = [m for member in self.clauses.members_named(head) for m in self.of(member)]
                members += [m for m in named if mention is None or m.label_ == mention.label_]
            if mention is not None and not (members and self.is_description(mention)):
                found.append(mention)
            elif members:
                found += members
            else:  # "Faylaq al-Sham gunmen", "Russian jets", "US troops": men and arms named after their side
                armed = head.lower_ in self.arms_nouns
                found += [
                    m
                    for c in head.children
                    if (c.dep_ in ("compound", "amod", "nmod") or (armed and c.dep_ == "poss"))
                    and (m := self.by_root.get(c.i)) is not None
                    and (m.label_ in ("Organisation", "Person") or (armed and self.may_act(m)))
                ]
        return list(dict.fromkeys(found))

    def listed_after_name(self, head: Token) -> list[Token]:
        """The items of a list the parser hung on a word inside the name ``head`` heads rather than on ``head``
        ("A, the Front for Liberation, B and C": B and C as conjuncts of "Liberation"), or on a name it took for
        a second name of ``head``."""
        mention = self.by_root.get(head.i)
        if mention is None or self.is_description(mention):
            return []
        hung = [c for t in mention if t.i != head.i for c in t.children if c.dep_ == "conj" and c.i >= mention.end]
        items = [t for c in hung for t in [c, *c.conjuncts] if t.i >= mention.end]
        # "A, the B for C, D and E": the parser may take the second name for one of the first, the rest for its items
        for appos in [c for c in head.children if c.dep_ == "appos"]:
            named = self.by_root.get(appos.i)
            if named is not None and named.label_ == mention.label_ and not self.is_description(named):
                rest = [*appos.conjuncts, *self.listed_after_name(appos)]
                items += [appos, *rest] if rest else []
        return items

    def places_named_before(self, description: Span, head: Token) -> list[Span]:
        """The places named inside a place description before its head noun ("the Bab Amr neighbourhood"), or
        named before it as its modifiers ("the Ghweiran and al-Zuhour neighbourhoods")."""
        inside = [
            m
            for m in self.by_root.values()
            if description.start <= m.start
            and m.end <= head.i
            and m.label_ == "Location"
            and not self.is_description(m)
        ]
        if inside:
            return inside
        modifiers = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i]
        named = [self.by_root.get(t.i) for c in modifiers for t in [c, *c.conjuncts]]
        return [m for m in named if m is not None and m.label_ == "Location" and not self.is_description(m)]

    def named_after_of(self, head: Token) -> list[Span]:
        if head.i in self.by_root and not self.is_description(self.by_root[head.i]):
            return []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if head.dep_ == "pobj" and head.head.lower_ == "between" and not head.conjuncts:
                    # "clashes between factions of X and Y": a "between" has two sides, and with none joined to the
                    # noun the parser hung the second on X; Y owns no faction
                    joined = {c.i for g in objects for c in g.conjuncts}
                    return [m for g in objects for m in self.of(g) if m.root.i not in joined]
                return [m for g in objects for m in self.of(g)]
        return []


def _place_lists(doc: Doc) -> dict[tuple[int, int], list[Span]]:
    """The lists of named places a document writes, by each item's span: runs of places that only commas and a
    closing "and" or "or" join ("A, the B field and C"), read from the words, since the parser often breaks a list
    of names up."""
    outermost: list[Span] = []
    for mention in sorted(mentions_of(doc), key=lambda m: (m.start, -m.end)):
        if not outermost or mention.start >= outermost[-1].end:
            outermost.append(mention)
    lists: dict[tuple[int, int], list[Span]] = {}
    run: list[Span] = []
    for mention in [*outermost, None]:
        between = doc[run[-1].end : mention.start] if run and mention is not None else []
        if between and mention.label_ == "Location" and all(t.text == "," or t.pos_ == "CCONJ" for t in between):
            run.append(mention)
            continue
        closed = len(run) > 1 and doc[run[-2].end : run[-1].start][-1].pos_ == "CCONJ"
        lists.update(dict.fromkeys([(m.start, m.end) for m in run], run) if closed else {})
        run = [mention] if mention is not None and mention.label_ == "Location" else []
    return lists


def _listed_places(found: list[FoundRelation], doc: Doc) -> list[FoundRelation]:
    """ "fighting spread to the A plain and B", "troops at A, the B field and C": whoever is at one place of a
    list is at each of them."""
    lists = _place_lists(doc)
    return [
        FoundRelation("CoLocated", relation.source, item, relation.evidence, "list")
        for relation in found
        if relation.type == "CoLocated" and relation.source.label_ in AGENTS
        for item in lists.get((relation.target.start, relation.target.end), [])
        if item.start != relation.target.start and not (relation.source.start <= item.start < relation.source.end)
    ]


def _place_phrase(place: Token, mentions: MentionIndex) -> Token:
    """The head of the phrase that names a place: the name a description stands in apposition to ("Z, a town held
    by Y"), the description a name follows "of" in ("the Y-held town of Z")."""
    while True:
        if place.dep_ == "appos":
            place = place.head
        elif (
            place.dep_ == "pobj"
            and place.head.lower_ == "of"
            and (outer := mentions.by_root.get(place.head.head.i)) is not None
            and outer.label_ == "Location"
        ):
            place = place.head.head
        else:
            return place


def _with_the_whole(found: list[FoundRelation]) -> list[FoundRelation]:
    """ "X units were sent to Z as part of the coalition fighting Y", "X, a faction of the alliance that fights Y":
    a part fights whom the phrase naming its whole says the whole fights."""
    fought: dict[tuple[int, int], list[Span]] = {}
    for relation in found:
        whole, other = relation.source, relation.target
        if relation.type == "FightingAgainst" and whole.root.left_edge.i <= other.root.i <= whole.root.right_edge.i:
            fought.setdefault((whole.start, whole.end), []).append(other)
    return [
        FoundRelation("FightingAgainst", relation.source, other, relation.evidence, "whole-fights")
        for relation in found
        if relation.type == "BelongsTo" and relation.construction == "copula" and relation.source.label_ in AGENTS
        for other in fought.get((relation.target.start, relation.target.end), [])
        if other.start != relation.source.start
    ]


def _set_off_after(place: Span, holder: Span) -> bool:
    """Whether the holder opens the phrase set off by a comma right after the place, wherever the parser hangs it
    ("the offensive on the city, the government's last stronghold, cost ...")."""
    doc = place.doc
    between = doc[place.end : holder.start]
    return (
        len(between) > 0
        and between[0].text == ","
        and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between[1:])
    )


def _named_inside(description: Span) -> bool:
    """Whether a description holds a name of its own ("the M5 highway", "the Conoco gas field")."""
    return any(t.pos_ == "PROPN" for t in description)


def _after_a_preposition(mention: Span) -> bool:
    return mention.start > 0 and mention.doc[mention.start - 1].pos_ == "ADP"


def pobjs(token: Token, words: Collection[str]) -> list[tuple[str, Token]]:
    """(preposition, object) for the prepositions among ``words`` hung on ``token``, and those joined to them
    ("subordinate to X and to Y")."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    preps += [c for prep in preps for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    return [
        (prep.lower_, pobj) for prep in preps if prep.lower_ in words for pobj in prep.children if pobj.dep_ == "pobj"
    ]


class NamedEvents:
    """Who took part in an event named by a noun, and where: read for relations here and for events by
    ``fg_events``."""

    def __init__(self, words: Constructions, clauses: ClauseWords) -> None:
        self.words = words
        self.clauses = clauses

    def sides(self, noun: Token, mentions: MentionIndex) -> tuple[list[Span], list[Span], list[Span]]:
        """(both sides of "between", agents, the other side) of a named event."""
        between = [m for _, pobj in pobjs(noun, {"between", "among"}) for m in mentions.of(pobj)]
        for verb in [] if between else self.clause_verbs(noun):
            # "Clashes erupted on Monday between X and Y", "the clashes that broke out in Z between X and Y":
            # the parser hangs the sides on the verb, or on the phrase of time or place before them ("broke out
            # in Z on the night of 14 August between X and Y")
            phrases = self.phrase_objects([verb])
            for holder in [verb, *phrases, *self.phrase_objects(phrases)]:
                between += [m for _, pobj in pobjs(holder, {"between", "among"}) for m in mentions.of(pobj)]
        agents = [m for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for m in mentions.of(c)]
        agents += [m for _, pobj in pobjs(noun, self.words.clause_links.agent_preps) for m in mentions.of(pobj)]
        others = [m for _, pobj in pobjs(noun, self.words.clause_links.other_side_preps) for m in mentions.of(pobj)]
        if (measure := self.measure_of(noun)) is not None:  # "the start of strikes on Y": the parser hangs Y on it
            others += [
                m for _, pobj in pobjs(measure, self.words.clause_links.other_side_preps) for m in mentions.of(pobj)
            ]
        if self.light_verb(noun) is not None:  # "X exchanged fire with Y", "X held talks with Y"
            others += [
                m for _, pobj in pobjs(noun.head, self.words.clause_links.other_side_preps) for m in mentions.of(pobj)
            ]
        of = [m for _, pobj in pobjs(noun, {"of"}) for m in mentions.of(pobj)]
        if noun.lemma_.lower() in self.words.patient_nouns or noun.lower_ in self.words.patient_nouns:
            others += of
        elif not agents:
            agents += of
        if not agents and not between:
            agents += self.subject_of_governing_verb(noun, mentions)
        return between, agents, others

    @staticmethod
    def phrase_objects(heads: list[Token]) -> list[Token]:
        """The objects of the phrases hung on these words, but for "between" and "among" ("in Z", "on the night")."""
        return [
            g
            for head in heads
            for c in head.children
            if c.dep_ == "prep" and c.lower_ not in ("between", "among")
            for g in c.children
            if g.dep_ == "pobj"
        ]

    def clause_verbs(self, noun: Token) -> list[Token]:
        """The verbs that tell of the event noun: the one it is the subject of ("fighting broke out"), the
        clauses that describe it ("the clashes that broke out in Z and that continued in Y", where the parser
        may hang the second clause on the verb of the sentence, before the noun)."""
        verb = self.verb_of_subject(noun)
        described = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        relative = self.clauses.lexicon.relative_pronouns
        described += [
            t
            for t in (noun.doc[described[-1].i + 1 : noun.sent.end] if described else [])
            if t.dep_ == "conj"
            and t.pos_ == "VERB"
            and t.head.i < noun.i
            and any(c.dep_ == "nsubj" and c.lower_ in relative for c in t.children)
        ]
        return ([verb] if verb is not None else []) + described

    @staticmethod
    def verb_of_subject(noun: Token) -> Token | None:
        """The verb the event noun is the subject of ("fighting broke out"); after a dateline the parser
        makes the noun a second name of the place ("SARAQIB, Syria — Clashes erupted")."""
        if noun.dep_ == "appos" and noun.head.dep_ in ("nsubj", "nsubjpass"):
            noun = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
            return noun.head
        return None

    def measure_of(self, noun: Token) -> Token | None:
        """The noun that measures or starts the event noun after its "of" ("a wave of strikes", "the start of
        clashes")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            measure = noun.head.head
            if measure.pos_ == "NOUN" and measure.lemma_.lower() in self.words.circumstances.measure_nouns:
                return measure
        return None

    def light_verb(self, noun: Token) -> Token | None:
        """The verb of doing whose object the event noun is ("launched an attack", "engaged in clashes"), or the
        first of the event nouns it is listed with ("took part in sieges and attacks")."""
        while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head
        noun = self.measure_of(noun) or noun  # "carried out a second round of strikes"
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if noun.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() in self.words.doing_verbs:
            return verb
        return None

    def circumstance_verb(self, noun: Token) -> Token | None:
        """The verb whose circumstance the event is: "X seized the town after three days of clashes
        with Y", "three X fighters were killed in clashes with Y": X took part in it."""
        measured = noun.dep_ == "pobj" and noun.head.lower_ == "of"
        if measured and noun.head.head.lemma_.lower() in self.words.circumstances.measure_nouns:
            noun = noun.head.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in self.words.circumstances.preps:
            return None
        verb = prep.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "X carried out strikes in support of Y"
            verb = verb.head
        return verb if verb.pos_ in ("VERB", "AUX") else None  # "X was in contact with Y" too

    def subject_of_governing_verb(self, noun: Token, mentions: MentionIndex) -> list[Span]:
        """ "X launched an attack on Y", "X engaged in clashes with Y", "X was killed in clashes with Y":
        the event is the subject's; not when the verb only speaks of it ("X condemned the attack on Y",
        "X blamed the strike on Y")."""
        verb = self.light_verb(noun)
        dependents: tuple[str, ...] = ("nsubj",)
        if verb is None and (verb := self.circumstance_verb(noun)) is not None:
            dependents = ("nsubj", "nsubjpass")
        if verb is None:
            return []
        subjects = past_dateline([c for c in verb.children if c.dep_ in dependents])
        # "X agreed to leave under a deal with Y": the one who agreed; "X closed the crossing and responded with
        # attacks on Y": the subject of the first verb, when the event is the means of the second
        means = verb.dep_ == "conj" and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head == verb
        if not subjects and (verb.dep_ == "xcomp" or means):
            subjects = [c for c in verb.head.children if c.dep_ in dependents]
        if verb.dep_ == "relcl" and any(s.lower_ in self.clauses.lexicon.relative_pronouns for s in subjects):
            subjects = [verb.head]  # "X, which has waged an insurgency against Y": the noun the clause describes
        return [m for s in subjects for m in mentions.of(s)]

    def places(
        self, noun: Token, between: list[Span], mentions: MentionIndex, more_preps: frozenset[str] = frozenset()
    ) -> list[Span]:
        """The named places of an event: "in Z" on the noun, or on its last side ("between X and Y in Z",
        "fire with Y near Z"); ``more_preps`` adds prepositions of place to the construction's own."""
        # "clashes between X and Y continued around Z", "fighting spread to Z", "the clashes that broke out in Z"
        holders = [noun, *(m.root for m in between[-1:]), *self.clause_verbs(noun)]
        if (verb := self.light_verb(noun)) is not None:
            holders.append(verb)  # "X exchanged fire with Y near Z"
        # "attacks on civilians in Z", "strikes on positions of the SDF in Z": where the side it befell was
        befell = [pobj for _, pobj in pobjs(noun, self.words.clause_links.other_side_preps)]
        holders += befell + [g for t in befell for _, g in pobjs(t, {"of"})]
        preps = self.words.place_preps | more_preps
        objects = [pobj for holder in holders for _, pobj in pobjs(holder, preps)]
        objects += [pobj for holder in holders for pobj in self.clauses.places_by_direction(holder)]
        objects += [place for holder in holders for place in self.clauses.place_of_relative(holder)]
        # "were reported at a checkpoint near Z": a named place one unnamed place further down
        objects += [inner for pobj in objects if pobj.i not in mentions.by_root for _, inner in pobjs(pobj, preps)]
        objects += [
            inner
            for pobj in objects
            if (m := mentions.by_root.get(pobj.i)) is not None and mentions.is_description(m)
            for _, inner in pobjs(pobj, preps)
        ]
        return [m for pobj in objects for m in mentions.of(pobj) if m.label_ == "Location"]


class StructureFinder:
    """Candidate relations from the constructions of the module docstring."""

    def __init__(self, words: Constructions, clauses: ClauseWords, reporting: frozenset[str]) -> None:
        self.words = words
        self.clauses = clauses
        self.reporting = reporting
        """Verbs that report a clause ("..., the monitor said"): their subject tells of the place, is not in it."""
        self.named = NamedEvents(words, clauses)

    def __call__(self, doc: Doc) -> Doc:
        mentions = MentionIndex(doc, self.clauses, self.words.arms_nouns | self.words.state_bodies)
        found: list[FoundRelation] = list(doc._.fg_relations or [])
        held = mentions_per_token(doc)
        # punctuation, determiners, numbers, a sentence of one mention: no construction
        for token in tokens_of_pos(doc, _CONTENT, held, 2):
            pos = token.pos_
            lemma, lower = token.lemma_.lower(), token.lower_
            if pos in ("NOUN", "PROPN") or token.dep_ in _NOUN_SLOTS:
                if lower in self.words.title_type or lemma in self.words.title_type:
                    found += self._title(token, mentions)
                if lower in self.words.nominal_type or lemma in self.words.nominal_type:
                    found += self._nominal(token, mentions)
                if lemma in self.words.visits:
                    found += self._visit(token, mentions)
                if lemma in self.words.copula_type:
                    found += self._copula(token, mentions)
                if lemma in self.words.strongholds:
                    found += self._stronghold(token, mentions, "Controls")
                if lemma in self.words.seats:
                    found += self._stronghold(token, mentions, "CoLocated")
                found += self._placed(token, mentions)
                if lower in self.words.arms_nouns:
                    found += self._arms_placed(token, mentions)
                found += self._place_within(token, mentions)
                found += self._placed_by_participle(token, mentions)
                found += self._owned(token, mentions)
                if lower in self.words.body_nouns or lemma in self.words.sub_units:
                    found += self._named_part(token, mentions)
            if pos in ("VERB", "ADJ", "NOUN") and token.i > 0 and lemma in self.words.modifiers:
                found += self._modifier(token, lemma, mentions)
            if lower in self.words.ally_prefixes:
                found += self._ally_prefix(token, mentions)
            if lower in self.words.affiliation_type or lemma in self.words.affiliation_type:
                found += self._affiliation(token, mentions)
            if lemma in self.words.including or lower in self.words.including:
                found += self._including(token, mentions)
            if lower in self.words.among and token.dep_ == "prep":
                found += self._among(token, mentions)
            if lower in self.words.accompaniment.preps and token.dep_ == "prep":
                found += self._owner_alongside(token, mentions)
            if lower == "under" and token.dep_ == "prep":
                found += self._under(token, mentions)
            if lemma in self.words.accompaniment.leading and token.dep_ == "acl":
                found += self._led_part(token, mentions)
            if lower in self.words.clause_links.inside_preps and token.dep_ == "prep":
                found += self._set_off_place(token, mentions)
            if pos == "VERB" and lemma in self.words.falling_verbs:
                found += self._fell_to(token, mentions)
            if pos == "VERB" and lemma in self.words.countering_verbs:
                found += self._countered(token, mentions)
            if lower in self.words.arms_nouns and token.dep_ == "nsubj":
                found += self._armed_together(token, mentions)
            if pos == "VERB" and lemma in self.clauses.lexicon.sending_verbs:
                found += self._sent_against(token, mentions)
            if pos == "VERB" and lemma in self.words.lying_verbs:
                found += self._lies_in(token, mentions)
        found += self._datelines(doc, mentions)
        found += self._through_leaders(found, mentions)
        found += _listed_places(found, doc)
        found += self._around_places(found, mentions)
        found += self._with_the_included(found, mentions)
        found += self._through_members(found, mentions)
        found += self._against_the_holders(found, mentions)
        found += _with_the_whole(found)
        doc._.fg_relations = found
        return doc

    def _through_leaders(self, found: list[FoundRelation], mentions: MentionIndex) -> list[FoundRelation]:
        """ "Y cheered X's fighters", "Y fought X's men": who is for, against or at war with a man's fighters is
        so with the man who leads them (a group's fighters are the group already, by reference)."""
        carried = []
        for relation in found:
            if relation.type not in _THROUGH_LEADERS:
                continue
            if (leader := self._leader_of(relation.target, mentions)) not in (None, relation.source):
                carried.append(replace(relation, target=leader))
            if (leader := self._leader_of(relation.source, mentions)) not in (None, relation.target):
                carried.append(replace(relation, source=leader))
        return carried

    def _around_places(self, found: list[FoundRelation], mentions: MentionIndex) -> list[FoundRelation]:
        """ "X fighters were moved to the area around Z", "X killed civilians in the border areas with Z": an
        unnamed area named by the place it lies around is where that place is, so who is in it is at the place."""
        areas = self.words.areas
        carried = []
        for relation in found:
            area = relation.target
            if relation.type != "CoLocated" or relation.source.label_ not in AGENTS or area.label_ != "Location":
                continue
            if area.root.lemma_.lower() not in areas.nouns or not mentions.is_description(area):
                continue
            for _, pobj in pobjs(area.root, areas.preps):
                # "around the Z airport" is at the airport, which mentions.of would read as the town it is named after
                named = [mentions.by_root.get(t.i) for t in (pobj, *pobj.conjuncts)]
                places = [m for m in named if m is not None] or mentions.of(pobj)
                carried += [replace(relation, target=p) for p in places if p.label_ == "Location"]
        return carried

    def _with_the_included(self, found: list[FoundRelation], mentions: MentionIndex) -> list[FoundRelation]:
        """ "Government forces, including units of X, sealed the roads into Z": the groups a subject is said to include
        are where it is."""
        carried = []
        for relation in found:
            if relation.type != "CoLocated" or relation.source.label_ not in AGENTS:
                continue
            listed = self.clauses.members_named(relation.source.root)
            members = [m for t in listed for named in [t, *t.conjuncts] for m in mentions.of(named)]
            carried += [replace(relation, source=m) for m in members if m.label_ in AGENTS]
        return carried

    def _through_members(self, found: list[FoundRelation], mentions: MentionIndex) -> list[FoundRelation]:
        """ "stormed villages in Z, including A, B and C": what is said of places named by a plural noun in a
        place or a hand on them (the villages lie in Z, X stormed them) is said of each place it lists."""
        carried = []
        for relation in found:
            if relation.type not in ("CoLocated", "Controls"):
                continue
            for member in self._places_listed(relation.target, mentions):
                if member.start != relation.source.start:
                    carried.append(replace(relation, target=member, construction="coordination"))
            if relation.type == "CoLocated" and relation.source.label_ == "Location":
                for member in self._places_listed(relation.source, mentions):
                    if member.start != relation.target.start:
                        carried.append(replace(relation, source=member, construction="coordination"))
        return carried

    def _against_the_holders(self, found: list[FoundRelation], mentions: MentionIndex) -> list[FoundRelation]:
        """ "X captured Z, the last town held by Y", "X retook Z, a district Y had held since May", "X's assault on
        Z, Y's last stronghold": who takes or attacks a place fights whom the phrase naming the place says holds
        it."""
        holders: dict[int, list[Span]] = {}
        takers: list[tuple[int, FoundRelation]] = []
        for relation in found:
            if relation.target.label_ != "Location" or relation.type not in ("Controls", "FightingAgainst"):
                continue
            phrase = _place_phrase(relation.target.root, mentions)
            inside = phrase.left_edge.i <= relation.source.root.i <= phrase.right_edge.i
            inside = inside or _set_off_after(relation.target, relation.source)
            if inside and relation.type == "Controls":
                holders.setdefault(phrase.i, []).append(relation.source)
            elif not inside and relation.source.label_ in AGENTS:
                takers.append((phrase.i, relation))
        return [
            FoundRelation("FightingAgainst", taker.source, holder, taker.evidence, "held-before")
            for phrase, taker in takers
            for holder in holders.get(phrase, [])
            if holder.label_ in AGENTS and holder.text != taker.source.text
        ]

    def _places_listed(self, places: Span, mentions: MentionIndex) -> list[Span]:
        """The named places a plural place description lists after "including", on itself or, where the parser
        hangs the list, on the verb it is the object of ("stormed villages in Z, including A and B")."""
        root = places.root
        if places.label_ != "Location" or root.tag_ != "NNS" or not mentions.is_description(places):
            return []
        listed = self.clauses.members_named(root)
        if root.dep_ == "dobj":
            listed += [t for t in self.clauses.members_named(root.head) if t.i > root.i]
        # "retook three districts of Z from Y, including A": the parser may hang the list on the noun of a phrase on
        # the plural or, after it, on its verb
        phrases = [*root.children, *(c for c in root.head.children if c.i > root.i and root.dep_ == "dobj")]
        objects = [g for prep in phrases if prep.dep_ == "prep" for g in prep.children if g.dep_ == "pobj"]
        listed += [t for g in objects for t in self.clauses.members_named(g)]
        members = [
            m
            for t in listed
            for named in [t, *t.conjuncts]
            for m in mentions.of(named)
            if m.label_ == "Location" and not mentions.is_description(m)
        ]
        # "the A and B neighbourhoods", "A and B, towns held by X": the places named inside it before its noun
        return members or mentions.places_named_before(places, root)

    def _leader_of(self, men: Span, mentions: MentionIndex) -> Span | None:
        """The person named as the possessor of a description of men ("X's fighters")."""
        if not mentions.is_description(men) or men.root.lower_ not in self.words.body_nouns:
            return None
        owners = [m for c in men.root.children if c.dep_ == "poss" for m in mentions.of(c)]
        return owners[0] if len(owners) == 1 and owners[0].label_ == "Person" else None

    def _datelines(self, doc: Doc, mentions: MentionIndex) -> list[FoundRelation]:
        """ "AZAZ, Syria — Turkish troops entered ...": who acts in a datelined sentence was where it is datelined;
        not who reports it after the fact ("..., the monitor said")."""
        found = []
        for opening in doc.spans.get(DATELINES_KEY, []):
            place = next((m for m in mentions.starting_at.get(opening.start, []) if m.label_ == "Location"), None)
            if place is None:
                continue
            sentence, dash = opening.sent, opening.end
            subjects = [
                m
                for t in doc[dash + 1 : sentence.end]
                # the subjects after the dash, or what the parser hung on the place as if it were one
                if (t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"))
                or (t.dep_ in ("appos", "conj") and opening.start <= t.head.i < dash)
                if not self._reports_what_came_before(t)
                for m in mentions.of(t)
                if m.label_ in AGENTS
            ]
            # "GENEVA — The UN envoy for Syria, X, said": the person named beside a subject, wherever it is hung
            subjects += [
                m
                for s in list(subjects)
                for t in s.root.subtree
                if t.dep_ == "appos" and t.i < s.root.head.i
                for m in mentions.of(t)
                if m.label_ == "Person"
            ]
            found += [FoundRelation("CoLocated", s, place, sentence, "dateline") for s in dict.fromkeys(subjects)]
        return found

    def _reports_what_came_before(self, subject: Token) -> bool:
        """Whether the subject's verb reports the clause before it ("the death toll has risen, the monitor said")."""
        verb = subject.head
        return verb.lemma_.lower() in self.reporting and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)

    # -- titles -------------------------------------------------------------------------------

    def _title(self, title: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Y commander X", "X, the commander of Y", "its leader X", "X is a member of Y"."""
        people = self._titled_people(title, mentions)
        if not people:
            return []
        kind = self.words.title_type.get(title.lower_) or self.words.title_type[title.lemma_.lower()]
        found = []
        heads = any(c.lower_ in self.words.heading_words for c in title.children)  # "Prime Minister X"
        deputy = any(c.lower_ in self.words.deputy_words for c in title.children)  # "the deputy commander X"
        # "the STC's vice-president": the parser may hang the owner on the deputy word before the hyphen
        doc = title.doc
        hyphenated = title.i >= 2 and doc[title.i - 1].text in HYPHENS
        prefix = doc[title.i - 2] if hyphenated and doc[title.i - 2].lower_ in self.words.deputy_words else None
        groups = self._title_groups(title, mentions)
        if prefix is not None:
            groups += self._title_groups(prefix, mentions)
        # "Army spokesman General X": a member's title before the rank makes its holder a member
        ranked = any(c.dep_ == "compound" and c.lemma_.lower() in self.words.member_titles for c in title.children)
        a_member = deputy or ranked or prefix is not None
        for link, group in groups:
            member = (title.lemma_.lower() in self.words.member_titles and not heads) or a_member
            relation_type = "BelongsTo" if link == "member" or member else ("InChargeOf" if heads else kind)
            for person in people:
                if person.start <= group.start < person.end:
                    continue
                found.append(FoundRelation(relation_type, person, group, title.sent, "title"))
        return found

    def _titled_people(self, title: Token, mentions: MentionIndex) -> list[Span]:
        candidates: list[Token] = [c for c in title.children if c.dep_ == "appos"]
        # "the head of Y's political office, X", "a spokesman for the Front for Liberation, X": the name
        # hangs on the last noun of the title's phrase
        links = self.words.clause_links
        candidates += [
            t
            for _, pobj in pobjs(title, links.office_links | links.member_links | links.posting_links)
            for t in pobj.subtree
            if t.dep_ == "appos"
        ]
        if title.dep_ in ("appos", "compound") and title.head.i != title.i:
            candidates.append(title.head)
        candidates += mentions.clauses.members_named(title)  # "the SDF's leaders, including Mazloum Abdi"
        slot = title  # "X becomes one of the deputies": the share is what the copula says of X
        if title.dep_ == "pobj" and title.head.lower_ == "of" and title.head.head.lower_ in self.words.partitives:
            slot = title.head.head
        if slot.dep_ == "attr" and slot.head.lemma_ in self.words.clause_links.be_verbs:
            candidates += [c for c in slot.head.children if c.dep_ == "nsubj"]
        people = [mentions.by_root.get(token.i) for token in candidates]  # a title is one person's, not a list's
        named = [
            m
            for m in people
            if m is not None
            and m.label_ == "Person"
            and not mentions.is_description(m)
            and not (m.start <= title.i < m.end)
        ]
        return named + [m for m in self._in_role(title, mentions) if m.label_ == "Person" and m not in named]

    def _title_groups(self, title: Token, mentions: MentionIndex) -> list[tuple[str, Span]]:
        """The groups a title is of, with how it is linked: "office" (of/for/at, a possessive or a
        compound: in charge) or "member" (in/within/from, or through a unit of the group)."""
        found: list[tuple[str, Span]] = []
        deputy = title.lemma_.lower() in self.words.deputy_words
        for child in title.children:
            if (
                child.dep_ in ("poss", "compound")
                and child.lower_ in self.words.sub_units
                and child.i not in mentions.by_root
            ):
                # "the Turkish presidency's communications director", "the SDF media office head": a member
                found += [("member", m) for m in self._unit_owner(child, mentions)]
            elif child.dep_ in ("poss", "compound", "amod", "nmod"):
                # "HTS commander X", "its leader X", "Turkish President X", "the US Defense Secretary X";
                # a name right after a preposition is its object, whatever the parse ("In Turkey Minister X")
                found += [
                    ("office", m)
                    for m in mentions.of(child)
                    if (
                        (m.label_ in COLLECTIVES or m[0].tag_ == "PRP$")
                        and not (m[0].tag_ != "PRP$" and m.start and m.doc[m.start - 1].pos_ == "ADP")
                    )
                    # "one of Idris's deputies": a deputy is of whom he stands in for, and so of what that man leads
                    or (deputy and child.dep_ == "poss" and m.label_ == "Person")
                ]
        for prep, pobj in pobjs(title, self.words.clause_links.office_links | self.words.clause_links.member_links):
            link = "member" if prep in self.words.clause_links.member_links else "office"
            if pobj.lemma_.lower() in self.words.sub_units and pobj.i not in mentions.by_root:
                # "the head of the SDF media centre", "the head of Y's political office": a member of Y
                found += [("member", m) for m in self._unit_owner(pobj, mentions)]
                continue
            found += [(link, m) for m in mentions.of(pobj) if m.label_ in GROUPS]
        return found

    def _unit_owner(self, unit: Token, mentions: MentionIndex) -> list[Span]:
        """Whose office, wing or council it is ("the head of Ahrar al-Sham's political office")."""
        owners = [m for c in unit.children if c.dep_ in ("poss", "compound", "amod") for m in mentions.of(c)]
        owners += [m for _, pobj in pobjs(unit, {"of"}) for m in mentions.of(pobj)]
        return [m for m in owners if mentions.may_act(m) and m.label_ != "Person"]  # "the Turkish presidency"

    # -- named events -------------------------------------------------------------------------

    def _nominal(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        relation_type = self.words.nominal_type.get(noun.lower_) or self.words.nominal_type[noun.lemma_.lower()]
        sentence = noun.sent
        if relation_type == "Controls":
            return self._change_of_hands(noun, mentions)
        if relation_type == "CommWith" and any(
            self.words.nominal_type.get(c.lemma_.lower()) == "AlliesOf" for c in noun.children if c.dep_ == "compound"
        ):
            relation_type = "AlliesOf"  # "a military cooperation agreement with Y", "a coordination meeting": allies
        between, agents, others = self.named.sides(noun, mentions)
        found = self._led_by_another(noun, relation_type, agents, mentions)
        agents = agents + [r.target for r in found]
        if relation_type == "AlliesOf" and agents and not others and not between:
            # "X holds Z with the backing of Y"; "Z was taken by X with the support of Y": the passive's agent
            verb = self.named.circumstance_verb(noun)
            agents_of_verb = [] if verb is None else [a for a in verb.children if a.dep_ == "agent"]
            doers = [m for a in agents_of_verb for g in a.children if g.dep_ == "pobj" for m in mentions.of(g)]
            others = doers or self.named.subject_of_governing_verb(noun, mentions)
        between = [m for m in between if mentions.may_act(m)]
        for first, second in combinations(between, 2):
            found.append(FoundRelation(relation_type, first, second, sentence, "nominal"))
        for agent in [m for m in agents if mentions.may_act(m)]:
            for other in [
                m
                for m in others
                if mentions.may_act(m) or (relation_type == "FightingAgainst" and m.label_ == "Location")
            ]:
                if agent.start != other.start:
                    found.append(FoundRelation(relation_type, agent, other, sentence, "nominal"))
        found += self._judged(noun, agents, mentions)
        found += self._joint(noun, relation_type, between, others, mentions)
        found += self._co_agents(noun, relation_type, between, mentions)
        if relation_type == "CommWith":
            found += self._mediated(noun, [*between, *agents, *others], mentions)
        if relation_type in MET_THERE:
            places = self.named.places(noun, between or others, mentions)
            # "clashes with the army around the city": the other side fought there too; who strikes from afar only
            # where the strike is said to fall ("a drone strike at Z"), not where its target is ("air strikes on
            # positions near Z")
            modifiers = [m for c in noun.children if c.dep_ in ("compound", "nmod", "amod") for m in [c, *c.conjuncts]]
            afar = any(m.lower_ in self.words.standoff_arms for m in modifiers)
            hit = [m for _, pobj in pobjs(noun, self.words.place_preps) for m in mentions.of(pobj)]
            for participant in [m for m in dict.fromkeys([*between, *agents, *others]) if mentions.may_act(m)]:
                from_afar = afar and participant in agents and participant not in [*between, *others]
                at = [p for p in hit if p.label_ == "Location"] if from_afar else places
                found += [FoundRelation("CoLocated", participant, p, sentence, "place") for p in at]
        return found

    def _joint(
        self, noun: Token, relation_type: RelationType, between: list[Span], others: list[Span], mentions: MentionIndex
    ) -> list[FoundRelation]:
        """Named actors that carry out one event together, as the subjects of the verb of doing it: allies when
        they act on another side or do it jointly ("X and Y launched a (joint) attack on Z", "X and Y formed an
        alliance"), parties to each other in talks with no one else ("X and Y held talks")."""
        verb = self.named.light_verb(noun)
        kind = self.words.joint_nominals.get(relation_type)
        if verb is None or kind is None or between:
            return []
        parts = [noun]
        if noun.i >= 2 and noun.doc[noun.i - 1].text in HYPHENS:
            parts.append(noun.doc[noun.i - 2])  # "a joint counter-attack": the parser may hang "joint" on "counter"
        joint = any(c.lemma_.lower() in self.words.joint_words for t in parts for c in t.children if c.dep_ == "amod")
        if kind == relation_type and any(mentions.may_act(m) for m in others):
            return []  # "X and Y held talks with Z": each talked with Z, not with each other (not "on Monday")
        if kind != relation_type and not (others or joint):
            return []  # "X and Y exchanged fire": with each other, or with someone unnamed
        # the names listed as the subject, not the members of a description ("fighters of X, including A and B")
        subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in [c, *c.conjuncts]]
        named = [m for t in subjects if (m := mentions.by_root.get(t.i)) is not None]
        # "X and the government in Z announced a deal": a description listed with a name is a side of talks
        actors = [
            m
            for m in dict.fromkeys(named)
            if mentions.may_act(m) and (kind == "CommWith" or not mentions.is_description(m))
        ]
        if all(mentions.is_description(m) for m in actors):
            return []
        doc = noun.doc
        return [
            FoundRelation(kind, first, second, noun.sent, "joint-subject")
            for first, second in combinations(sorted(actors, key=lambda m: m.start), 2)
            # not a name and its short form: "the Malian Armed Forces (FAMa)"
            if first.end <= second.start and not all(t.is_punct for t in doc[first.end : second.start])
        ]

    def _led_by_another(
        self, noun: Token, relation_type: RelationType, agents: list[Span], mentions: MentionIndex
    ) -> list[FoundRelation]:
        """ "X took part in the offensives led by Y": who leads an event is one of its doers, and an ally of those
        who take part in it."""
        if relation_type == "AlliesOf" or self.words.joint_nominals.get(relation_type) != "AlliesOf":
            return []  # an alliance "led by Y" names its members, not its allies
        leaders = [
            m
            for participle in noun.children
            if participle.dep_ == "acl" and participle.lemma_.lower() in self.words.accompaniment.leading
            for agent in participle.children
            if agent.dep_ == "agent"
            for g in agent.children
            if g.dep_ == "pobj"
            for m in mentions.of(g)
            if mentions.may_act(m)
        ]
        # "the advance, led by X and backed by Russian air strikes": who backs what another leads is its ally
        backers = [
            m
            for participle in noun.children
            if participle.dep_ == "acl"
            for backing in [participle, *participle.conjuncts]
            if backing.tag_ == "VBN" and backing.lemma_.lower() in self.words.accompaniment.participles
            for agent in backing.children
            if agent.dep_ == "agent"
            for g in agent.children
            if g.dep_ == "pobj"
            for m in self._doers(g, mentions)
        ]
        return [
            FoundRelation("AlliesOf", agent, leader, noun.sent, "accompaniment")
            for agent in [*agents, *backers]
            if mentions.may_act(agent)
            for leader in leaders
            if agent.start != leader.start
        ]

    def _doers(self, noun: Token, mentions: MentionIndex) -> list[Span]:
        """Who a phrase names as acting: its actors, or the doers of the event it names ("Russian air strikes")."""
        named = [m for m in mentions.of(noun) if mentions.may_act(m)]
        if named or noun.lemma_.lower() not in self.words.nominal_type:
            return named
        return [m for m in self.named.sides(noun, mentions)[1] if mentions.may_act(m)]

    @staticmethod
    def _armed_together(arms: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Russian and regime aircraft carried out strikes on Z", "US and Iraqi troops stormed Z": the sides listed
        together on the arms that do something to an object act as one side; not where the verb has no object
        ("US and Russian jets clashed": with each other)."""
        if not any(c.dep_ == "dobj" for c in arms.head.children):
            return []
        listed = [t for c in arms.children if c.dep_ in ("amod", "compound", "nmod") for t in [c, *c.conjuncts]]
        if not any(c.dep_ == "cc" for t in listed for c in t.children):
            return []
        sides = [m for t in listed if (m := mentions.by_root.get(t.i)) is not None and mentions.may_act(m)]
        return [
            FoundRelation("AlliesOf", first, second, arms.sent, "joint-subject")
            for first, second in combinations(sorted(dict.fromkeys(sides), key=lambda m: m.start), 2)
            if first.end <= second.start
        ]

    def _co_agents(
        self, noun: Token, relation_type: RelationType, between: list[Span], mentions: MentionIndex
    ) -> list[FoundRelation]:
        """Named actors listed together on the noun as the doers of one event act as one side: "air strikes by
        Syrian and Russian aircraft", "Turkish and Iraqi air strikes" (allies, as 'joint_nominals' says); not the
        subjects of the verb of doing it, which ``_joint`` reads ("X and Y exchanged fire": with each other)."""
        kind = self.words.joint_nominals.get(relation_type)
        if kind != "AlliesOf" or between:
            return []
        agents = [m for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for m in mentions.of(c)]
        agents += [m for _, pobj in pobjs(noun, self.words.clause_links.agent_preps) for m in mentions.of(pobj)]
        actors = sorted(
            (m for m in dict.fromkeys(agents) if mentions.may_act(m) and not mentions.is_description(m)),
            key=lambda m: m.start,
        )
        doc = noun.doc
        return [
            FoundRelation(kind, first, second, noun.sent, "joint-subject")
            for first, second in combinations(actors, 2)
            # listed with each other: only commas, "and" and articles between; not a name and its short form
            if first.end < second.start
            and all(t.is_punct or t.dep_ in ("cc", "det") for t in doc[first.end : second.start])
            and any(t.dep_ == "cc" for t in doc[first.end : second.start])
        ]

    def _mediated(self, noun: Token, parties: list[Span], mentions: MentionIndex) -> list[FoundRelation]:
        """ "a deal with Y brokered by X", "a truce agreed by A and B under X mediation", "talks under the
        mediation of X": who brokers a deal or talks is in contact with each side of it."""
        mediation = self.words.mediation
        described = [c for c in noun.children if c.dep_ == "acl"]
        mediators: list[Span] = []
        for verb in described:  # "brokered by X" mediates; "agreed by A and B", "signed by A and B" names the sides
            agents = [m for a in verb.children if a.dep_ == "agent" for g in a.children for m in mentions.of(g)]
            if verb.lemma_.lower() in mediation.verbs:
                mediators += agents
            else:
                parties = parties + agents
        # the parser may hang the broker's phrase on the last noun of the deal's: "a deal with Y brokered by X"
        parties = list(dict.fromkeys(parties))
        for verb in [c for m in parties for c in m.root.children if c.dep_ == "acl"]:
            if verb.lemma_.lower() in mediation.verbs:
                mediators += [m for a in verb.children if a.dep_ == "agent" for g in a.children for m in mentions.of(g)]
        governing = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else noun
        for holder in dict.fromkeys([noun, *described, governing, *(m.root for m in parties)]):
            for _, means in pobjs(holder, mediation.preps):
                if means.lemma_.lower() not in mediation.nouns:
                    continue
                mediators += [
                    m for c in means.children if c.dep_ in ("poss", "compound", "amod") for m in mentions.of(c)
                ]
                mediators += [m for _, named in pobjs(means, {"of", "by"}) for m in mentions.of(named)]
        return [
            FoundRelation("CommWith", mediator, party, noun.sent, "mediation")
            for mediator in dict.fromkeys(mediators)
            if mentions.may_act(mediator)
            for party in parties
            if mentions.may_act(party) and party.start != mediator.start
        ]

    def _judged(self, noun: Token, agents: list[Span], mentions: MentionIndex) -> list[FoundRelation]:
        """ "X condemned Y's attack", "X condemned the shelling by Y": who judges an event judges who did it (the
        parser may hang the event's "by" on the judging verb)."""
        verb = noun.head
        kind = self.words.judging_type.get(verb.lemma_.lower())
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or kind is None:
            return []
        judges = [m for c in verb.children if c.dep_ == "nsubj" for m in mentions.of(c)]
        doers = agents + [m for _, pobj in pobjs(verb, self.words.clause_links.agent_preps) for m in mentions.of(pobj)]
        return [
            FoundRelation(kind, judge, doer, noun.sent, "nominal")
            for judge in judges
            if mentions.may_act(judge)
            for doer in dict.fromkeys(doers)
            if mentions.may_act(doer) and judge.start != doer.start
        ]

    def _change_of_hands(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X announced the capture of Z", "the fall of Z to X", "Z's capture by X": X holds Z."""
        holders = [m for _, pobj in pobjs(noun, self.words.clause_links.holder_preps) for m in mentions.of(pobj)]
        if not holders and noun.dep_ == "pobj" and noun.head.lower_ in self.words.clause_links.state_preps:
            # "the deal leaves X in control of Z": the one the verb puts in control
            holders = [m for c in noun.head.head.children if c.dep_ == "dobj" for m in mentions.of(c)]
        if not holders and noun.dep_ == "dobj":  # "the deal gives X control of Z": whom the verb gives it
            holders = [m for c in noun.head.children if c.dep_ == "dative" for m in mentions.of(c)]
        if not holders and noun.dep_ == "dobj":  # "follows the fall of Z to X": the parser hangs "to X" on the verb
            holders = [
                m
                for _, pobj in pobjs(noun.head, self.words.clause_links.holder_preps)
                if pobj.i > noun.i
                for m in mentions.of(pobj)
            ]
        if not holders:  # "X control of Z", where the parser hangs the holder on the noun
            holders = [m for c in noun.children if c.dep_ in ("compound", "nmod") for m in mentions.of(c)]
        if not holders:
            holders = self.named.subject_of_governing_verb(noun, mentions)
        # "control of the M4 road and of Z": each "of" phrase
        of_phrases = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in [c, *c.conjuncts]]
        places = [m for p in of_phrases for g in p.children if g.dep_ == "pobj" for m in mentions.of(g)]
        places += [m for c in noun.children if c.dep_ == "poss" for m in mentions.of(c)]
        # "took control of the city from the YPG", "the capture of Jarablus from the Islamic State"
        losers = [m for _, pobj in pobjs(noun, self.words.clause_links.loser_preps) for m in mentions.of(pobj)]
        if noun.head.pos_ == "VERB":
            losers += [
                m for _, pobj in pobjs(noun.head, self.words.clause_links.loser_preps) for m in mentions.of(pobj)
            ]
        found = []
        # "fought for control of Z", "a battle over Z's capture": they fought there, and nobody holds it yet
        sought = noun.dep_ == "pobj" and noun.head.lower_ in self.words.clause_links.sought_preps
        if sought and (verb := noun.head.head).pos_ == "VERB":  # "X fought Y for control of Z": both were there
            holders += [m for c in verb.children if c.dep_ in ("nsubj", "dobj") for m in mentions.of(c)]
            holders += [
                m for _, pobj in pobjs(verb, self.words.clause_links.other_side_preps) for m in mentions.of(pobj)
            ]
        for holder in [h for h in dict.fromkeys(holders) if h.label_ in AGENTS]:
            found += [
                FoundRelation("CoLocated" if sought else "Controls", holder, p, noun.sent, "nominal")
                for p in places
                if p.label_ == "Location"
            ]
            if sought:
                continue
            found += [
                FoundRelation("FightingAgainst", holder, loser, noun.sent, "nominal")
                for loser in losers
                if loser.label_ in AGENTS
            ]
        return found

    def _fell_to(self, verb: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Z fell to X", "A and B fell to the militants": X holds the places that are the verb's subject."""
        places = [m for c in verb.children if c.dep_ == "nsubj" for m in mentions.of(c) if m.label_ == "Location"]
        holders = [m for _, pobj in pobjs(verb, self.words.clause_links.holder_preps) for m in mentions.of(pobj)]
        return [
            FoundRelation("Controls", holder, place, verb.sent, "verb")
            for holder in holders
            if holder.label_ in AGENTS
            for place in places
        ]

    def _lies_in(self, verb: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Z, which sits on the W highway", "Z lies in the south of W", "X, whose lands straddle A and B": a place
        said to lie somewhere is there, and so is one whose land is said to."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        relative = any(s.lower_ in self.clauses.lexicon.relative_pronouns for s in subjects)
        owned = any(c.dep_ == "poss" and c.lower_ == "whose" for s in subjects for c in s.children)
        holders = [verb.head] if verb.dep_ == "relcl" and (relative or owned) else subjects
        kinds = AGENTS | {"Location"} if owned else {"Location"}
        within = [m for t in holders for m in mentions.of(t) if m.label_ in kinds]
        links = self.words.clause_links
        phrases = [pobj for _, pobj in pobjs(verb, links.inside_preps | links.beside_preps)]
        phrases += [c for c in verb.children if c.dep_ == "dobj"] + self.clauses.places_by_direction(verb)
        # "in the south of W": the place is the direction's
        directions = self.clauses.lexicon.directions
        phrases += [g for pobj in phrases if pobj.lower_ in directions for _, g in pobjs(pobj, {"of"})]
        around = [m for t in phrases for m in mentions.of(t) if m.label_ == "Location"]
        return [
            FoundRelation("CoLocated", place, outer, verb.sent, "place")
            for place in within
            for outer in around
            # a place the text names ("the M5 highway"), not one that refers back ("the town")
            if outer.start != place.start and (not mentions.is_description(outer) or _named_inside(outer))
        ]

    def _countered(self, verb: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X broke Y's siege of Z", "X repelled an assault by Y", "X halted the Y advance": who counters an event of
        fighting fights whoever waged it."""
        events = [
            c
            for c in verb.children
            if c.dep_ == "dobj" and self.words.nominal_type.get(c.lemma_.lower()) == "FightingAgainst"
        ]
        if not events:
            return []
        subjects = past_dateline([c for c in verb.children if c.dep_ == "nsubj"])
        counterers = [m for s in subjects for m in mentions.of(s) if m.label_ in AGENTS]
        return [
            FoundRelation("FightingAgainst", counterer, agent, verb.sent, "nominal")
            for event in events
            for agent in self.named.sides(event, mentions)[1]
            if agent.label_ in AGENTS
            for counterer in counterers
            if counterer.start != agent.start
        ]

    def _visit(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X's visit to Z", "the visit of X to the town of Z": X was in Z."""
        _, agents, _ = self.named.sides(noun, mentions)
        places = [m for _, pobj in pobjs(noun, {"to", "in", "into"}) for m in mentions.of(pobj)]
        return [
            FoundRelation("CoLocated", agent, place, noun.sent, "nominal")
            for agent in agents
            if agent.label_ in AGENTS
            for place in places
            if place.label_ == "Location"
        ]

    def _placed(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """A phrase of place on an actor's phrase puts the actor there ("Turkish troops in Afrin",
        "positions of the Syrian army around Saraqib"); "in" on a place puts it inside the other ("the
        village of Balyun, in the Jabal al-Zawiya area"), "on" by the other ("the Tishreen Dam on the Euphrates")."""
        directions = self.clauses.lexicon.directions
        if not any(c.dep_ == "prep" or c.lower_ in directions for c in noun.children):
            return []  # no phrase hung on it that could place it: most nouns, spared the walks below
        links = self.words.clause_links
        phrases = pobjs(noun, self.words.place_preps | links.beside_preps)
        phrases += [("near", p) for p in self.clauses.places_by_direction(noun)]
        places = [(prep, m) for prep, pobj in phrases for m in mentions.of(pobj) if m.label_ == "Location"]
        if not places:
            return []
        owners = mentions.of(noun)
        if noun.dep_ == "appos" and all(mentions.is_description(m) for m in owners):
            owners += mentions.of(noun.head)  # "Kafr Takharim, a town in the Harem district"
        if all(mentions.is_description(m) for m in owners):
            # "X was one of the most powerful men in Z", "X, the administration in Z": what is said of X
            slot = noun.head.head if noun.dep_ == "pobj" and noun.head.head.lower_ in self.words.partitives else noun
            owners += [m for m in self._described(slot, mentions) if m.label_ in AGENTS]
            owners += mentions.named_beside(noun)
        # "the town of A, in the countryside of B", "A and C, in the B countryside": a phrase set off by a comma
        # is about the whole list or the place the description names
        apart = [t for t in noun.children if t.dep_ == "prep" and t.i > 0 and noun.doc[t.i - 1].text == ","]
        named = {t.i for t in noun.conjuncts} | {m.root.i for m in mentions.named_after_of(noun)} if apart else set()
        found = []
        for owner in owners:
            for prep, place in places:
                described = (
                    owner.root == noun or (noun.dep_ == "appos" and owner.root == noun.head) or owner.root.i in named
                )
                inside = owner.label_ == "Location" and prep in links.inside_preps | links.beside_preps and described
                placed = owner.label_ in AGENTS and prep in self.words.place_preps
                if (placed or inside) and not (owner.start <= place.start < owner.end):
                    found.append(FoundRelation("CoLocated", owner, place, noun.sent, "place"))
        return found

    def _arms_placed(self, arms: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X artillery stationed near Z", "X jets flying from Z", "X artillery firing from outside Z": the side of
        arms is where the participle that describes them puts them."""
        participles = [c for c in arms.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")]
        if not participles:
            return []
        origins = self.words.arms_origins
        phrases = [pobj for p in participles for _, pobj in pobjs(p, self.words.place_preps | origins)]
        # "from outside Z": a preposition of place under the one of origin
        phrases += [
            pobj
            for p in participles
            for prep in p.children
            if prep.dep_ == "prep" and prep.lower_ in origins
            for inner in prep.children
            if inner.dep_ in ("prep", "pcomp") and inner.lower_ in self.words.place_preps
            for pobj in inner.children
            if pobj.dep_ == "pobj"
        ]
        places = [m for pobj in phrases for m in mentions.of(pobj) if m.label_ == "Location"]
        sides = [m for m in mentions.of(arms) if mentions.may_act(m)] if places else []
        return [FoundRelation("CoLocated", side, place, arms.sent, "place") for side in sides for place in places]

    def _sent_against(self, verb: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X sent two car bombs against Y positions", "X dispatched reinforcements against Y": who sends men or
        arms against a side fights it (constructions.json's sending_targets, on the verb or on what it sends)."""
        targets = self.words.sending_targets
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        sides = [m for h in holders for _, pobj in pobjs(h, targets) for m in mentions.of(pobj) if mentions.may_act(m)]
        senders = [m for c in verb.children if c.dep_ == "nsubj" for m in mentions.of(c) if mentions.may_act(m)]
        return [
            FoundRelation("FightingAgainst", sender, side, verb.sent, "verb")
            for sender in senders
            for side in sides
            if sender.start != side.start
        ]

    @staticmethod
    def _place_within(noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """A place named with the place it lies in: "Iraq's Nineveh province", "the Karm al-Zeitoun
        neighbourhood of Homs", "the Jabal al-Zawiya area of southern Idlib"."""
        place = mentions.by_root.get(noun.i)
        if place is None or place.label_ != "Location":
            return []
        outer = [m for c in noun.children if c.dep_ == "poss" for m in mentions.of(c)]
        inner = [place]
        if mentions.is_description(place):  # the name before the head noun is the place, "of" the one it is in
            inner = mentions.places_named_before(place, noun)
            outer += [m for _, pobj in pobjs(noun, {"of"}) for m in mentions.of(pobj)] if inner else []
        return [
            FoundRelation("CoLocated", within, around, noun.sent, "place")
            for within in inner
            for around in outer
            if around.label_ == "Location" and around.start != within.start
        ]

    def _placed_by_participle(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "A and B, towns held by X in the north of Z", "villages controlled by X in Z": a phrase of place on a
        participle that describes named places puts them inside it, whoever the participle names."""
        participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        described = mentions.by_root.get(noun.i) if participles else None
        if described is None or described.label_ != "Location" or not mentions.is_description(described):
            return []
        inside = self.words.clause_links.inside_preps
        phrases = [pobj for participle in participles for _, pobj in pobjs(participle, inside)]
        directions = self.clauses.lexicon.directions
        # "in the north of Z": the place is the direction's
        phrases += [g for pobj in phrases if pobj.lower_ in directions for _, g in pobjs(pobj, {"of"})]
        around = [m for pobj in phrases for m in mentions.of(pobj) if m.label_ == "Location"]
        within = [m for m in mentions.of(noun) if m.label_ == "Location" and not mentions.is_description(m)]
        return [
            FoundRelation("CoLocated", place, outer, noun.sent, "place")
            for place in within
            for outer in around
            if not mentions.is_description(outer) and outer.start != place.start
        ]

    @staticmethod
    def _set_off_place(prep: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "in Jindires, in the Afrin countryside", "the Ghab plain and Jabal Shahshabu, in the Hama countryside": a
        phrase of place set off by a comma right after named places puts them inside its own, wherever the parser
        hangs it; not one phrase of a list of them ("in Idlib, in Hama and in Latakia")."""
        doc = prep.doc
        if prep.i < 2 or doc[prep.i - 1].text != "," or prep.conjuncts:
            return []
        outer = [m for c in prep.children if c.dep_ == "pobj" for m in mentions.of(c) if m.label_ == "Location"]
        inner: list[Span] = []
        end = prep.i - 2
        while (place := mentions.place_holding.get(end)) is not None and place.end == end + 1:
            inner.append(place)  # the places listed before the comma, back to the first
            joint = doc[place.start - 1] if place.start > 0 else None
            if joint is None or joint.lower_ not in (",", "and"):
                break
            end = place.start - 2
        return [
            FoundRelation("CoLocated", within, around, prep.sent, "set-off")
            for within in inner
            for around in outer
            if not mentions.is_description(around) and around.start != within.start
        ]

    def _owned(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """A body named with its owner belongs to it: "Iran's Revolutionary Guard", "the SDF's Asayish
        security forces", "US Central Command", "the Russian Foreign Ministry"; not "its allies"."""
        body = mentions.by_root.get(noun.i)
        if body is None or body.label_ != "Organisation":
            return []
        if mentions.is_description(body) and noun.lower_ not in self.words.body_nouns:
            return []
        owned = [m for c in noun.children if c.dep_ == "poss" for m in mentions.of(c)]
        owners = [m for m in owned if m.label_ in COLLECTIVES]
        # "Khalifa Haftar's Libyan National Army", "the Syrian army of Bashar al-Assad": the man whose force it is
        leaders = [m for m in owned if m.label_ == "Person"]
        if not mentions.is_description(body):
            leaders += [m for _, pobj in pobjs(noun, {"of"}) for m in mentions.of(pobj) if m.label_ == "Person"]
        found = [FoundRelation("InChargeOf", leader, body, noun.sent, "modifier") for leader in leaders]
        first = body[1] if body[0].lower_ == "the" and len(body) > 1 else body[0]
        opening = None if mentions.is_description(body) else mentions.by_root.get(first.i)
        if opening is not None and opening != body and opening.end == first.i + 1 and opening.label_ in COLLECTIVES:
            if first.i + 1 < body.end and body.doc[first.i + 1].text not in HYPHENS:
                owners.append(opening)
        bodies = [body]
        if mentions.is_description(body):  # "the SDF's Asayish security forces": the body it names is the owner's
            bodies += [
                m
                for c in noun.children
                if c.dep_ in ("compound", "amod", "nmod")
                and (m := mentions.by_root.get(c.i)) is not None
                and m.label_ == "Organisation"
                and not mentions.is_description(m)
            ]
        return found + [
            FoundRelation("BelongsTo", named, owner, noun.sent, "modifier")
            for named in bodies
            for owner in owners
            if owner != named
        ]

    def _named_part(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """A part of an owner named by apposition or a copula: "OCHA, the UN humanitarian office", "the YPG, the
        SDF's Kurdish core", "the refugee agency of the UN, UNHCR", "the STC's armed wing is the Security Belt":
        the name belongs to the owner."""
        own = mentions.by_root.get(noun.i)
        if own is not None and not mentions.is_description(own):
            return []  # a name of its own ("the Kurdish National Council"): no part named beside it
        doc = noun.doc
        beside = [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ == "appos":
            beside.append(noun.head)
            # "Z, which fought the YPG, the SDF's Kurdish core": the parser may hang the apposition far off; the name
            # right before the comma is the one it describes
            start = noun.left_edge.i
            if start >= 2 and doc[start - 1].text == "," and (before := mentions.ending_at.get(start - 2)) is not None:
                beside.append(before.root)
                if mentions.is_description(before):  # "Troops of X, the Y mission": the name ending the phrase
                    beside.append(doc[start - 2])
        names = [
            m
            for t in beside
            if (m := mentions.by_root.get(t.i)) is not None
            and m.label_ in GROUPS
            and not mentions.is_description(m)
            # only a comma between the name and the phrase: "OCHA, the UN humanitarian office"
            and (
                (m.end + 1 == noun.left_edge.i and doc[m.end].text == ",")
                or (m.start == noun.i + 2 and doc[noun.i + 1].text == ",")
            )
        ]
        if noun.dep_ == "nsubj" and noun.head.lemma_ in self.words.clause_links.be_verbs:
            names += [
                m
                for t in noun.head.children
                if t.dep_ == "attr"
                and (m := mentions.by_root.get(t.i)) is not None
                and m.label_ in GROUPS
                and not mentions.is_description(m)
            ]
        if not names:
            return []
        owners = [m for c in noun.children if c.dep_ in ("poss", "compound", "nmod") for m in mentions.of(c)]
        owners += [m for _, pobj in pobjs(noun, {"of"}) for m in mentions.of(pobj)]
        if noun.head.dep_ == "relcl" and any(c.dep_ == "poss" and c.tag_ == "WP$" for c in noun.children):
            owners += mentions.of(noun.head.head)  # "Y, whose largest component is X": Y's
        return [
            FoundRelation("BelongsTo", name, owner, noun.sent, "copula")
            for name in names
            for owner in owners
            if mentions.may_act(owner) and owner.start != name.start and not (name.start <= owner.start < name.end)
        ]

    # -- copulas, appositions, affiliations, memberships --------------------------------------

    def _described(self, slot: Token, mentions: MentionIndex) -> list[Span]:
        """What a predicate noun or adjective says something of: the subject of "to be", the noun
        it is in apposition to or describes, the noun a relative clause hangs on."""
        describing = self.words.clause_links.be_verbs | self.words.clause_links.describing_verbs
        if slot.dep_ in ("attr", "acomp", "oprd") and slot.head.lemma_ in describing:
            verb = slot.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if verb.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
                subjects = [verb.head]
            if not subjects and verb.dep_ == "conj":
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return [m for s in subjects for m in mentions.of(s)]
        if slot.dep_ in ("appos", "acl", "amod"):
            return mentions.of(slot.head) + mentions.named_beside(slot.head)
        return self._in_role(slot, mentions)

    def _in_role(self, slot: Token, mentions: MentionIndex) -> list[Span]:
        """The subject of the verb a noun is the role of ("units were sent to Z as part of Y", "he rose as a commander
        in Y"), a pronoun too, which fg_resolve names."""
        verb = slot.head.head
        if slot.dep_ != "pobj" or slot.head.lower_ not in self.words.clause_links.role_preps or verb.pos_ != "VERB":
            return []
        return [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in mentions.of(c)]

    def _copula(self, noun: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X is part of Y", "X, a faction of Y", "X is one of the factions of Y", "X is the main rival of Y"."""
        slot = noun
        if noun.dep_ == "pobj" and noun.head.head.lower_ in self.words.partitives:
            slot = noun.head.head
        subjects = [m for m in self._described(slot, mentions) if m.label_ in AGENTS]
        groups = [m for c in noun.children if c.dep_ in ("poss", "compound") for m in mentions.of(c)]
        groups += [m for _, pobj in pobjs(noun, {"of", "in", "within", "to", "with"}) for m in mentions.of(pobj)]
        groups += self._whole_of_which(slot, mentions)
        relation_type = self.words.copula_type[noun.lemma_.lower()]
        found: list[FoundRelation] = []
        if (
            relation_type != "BelongsTo"
        ):  # "its allies Russia and Iran", "their Russian allies", "its coalition partners"
            owners = [m for c in noun.children if c.dep_ == "poss" for m in mentions.of(c)]
            # the named one, else what the noun's modifiers name ("his Russian counterpart, Sergei Lavrov": Lavrov)
            named = [m for c in noun.children if c.dep_ == "appos" for m in mentions.of(c)]
            named = named or [m for c in noun.children if c.dep_ in ("amod", "compound") for m in mentions.of(c)]
            subjects += [m for m in named if mentions.may_act(m) and m not in owners] if owners else []
            groups = owners or groups
            # "his Russian counterpart, X": the person named is of the people the noun's adjective names
            peoples = [
                m for c in noun.children if c.dep_ == "amod" for m in mentions.of(c) if m.label_ == "Nationality"
            ]
            found += [
                FoundRelation("BelongsTo", person, people, noun.sent, "copula")
                for person in named
                if person.label_ == "Person" and not mentions.is_description(person)
                for people in peoples
            ]
        return found + [
            FoundRelation(relation_type, subject, group, noun.sent, "copula")
            for subject in dict.fromkeys(subjects)
            for group in groups
            if group.label_ in AGENTS
            and subject.start != group.start
            and not (group.start <= subject.start < group.end)
        ]

    def _stronghold(self, noun: Token, mentions: MentionIndex, relation_type: str) -> list[FoundRelation]:
        """ "Z, the last LNA stronghold", "Z, the government's stronghold", "Z is a stronghold of X", "the X
        stronghold of Z": X holds Z; "Z, the seat of X", "Z is a base of X": X is at Z (``relation_type``). Z may be
        a description that refers back ("the offensive on the city, the government's last stronghold")."""
        after_of = [m for _, pobj in pobjs(noun, {"of"}) for m in mentions.of(pobj)]
        places = [m for m in self._described(noun, mentions) if m.label_ == "Location"]
        places += [m for m in after_of if m.label_ == "Location" and not mentions.may_act(m)]
        # "Z, the last X stronghold": the parser may hang the apposition far off; the name before the comma is Z
        start = noun.left_edge.i
        if start >= 2 and noun.doc[start - 1].text == "," and (before := mentions.ending_at.get(start - 2)) is not None:
            places += [before] if before.label_ == "Location" and before not in places else []
        holders = [m for c in noun.children if c.dep_ in ("poss", "compound", "nmod") for m in mentions.of(c)]
        holders += [m for m in after_of if m not in places]
        return [
            FoundRelation(relation_type, holder, place, noun.sent, "copula")
            for holder in holders
            if mentions.may_act(holder)
            for place in places
            if not (holder.start <= place.start < holder.end or place.start <= holder.start < place.end)
        ]

    def _whole_of_which(self, slot: Token, mentions: MentionIndex) -> list[Span]:
        """ "Y, of which X is formally part": the noun the relative clause describes, whose "of which" the parser
        hangs on the clause's verb."""
        verb = slot.head
        if slot.dep_ != "attr" or verb.dep_ != "relcl":
            return []
        fronted = any(
            c.dep_ in ("prep", "dep")
            and c.lower_ == "of"
            and c.i < slot.i
            and any(g.lower_ in self.clauses.lexicon.relative_pronouns for g in c.children)
            for c in verb.children
        )
        return mentions.of(verb.head) if fronted else []

    def _affiliation(self, word: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X is affiliated with Y", "a faction linked to Y", "X, loyal to Y"."""
        relation_type = self.words.affiliation_type.get(word.lower_) or self.words.affiliation_type[word.lemma_.lower()]
        subjects = [m for m in self._described(word, mentions) if m.label_ in AGENTS]
        if not subjects and word.pos_ in ("VERB", "ADJ"):  # "X belongs to Y", "X and Y, both loyal to Z, refused"
            subjects = [m for c in word.children if c.dep_ == "nsubj" for m in mentions.of(c)]
            relative = any(c.lower_ in self.clauses.lexicon.relative_pronouns for c in word.children)
            if word.dep_ == "relcl" and relative:  # "X, a force that is now affiliated with Y": what it describes
                subjects = [m for m in mentions.of(word.head) + mentions.named_beside(word.head) if m.label_ in AGENTS]
        groups = [m for _, pobj in pobjs(word, {"with", "to"}) for m in mentions.of(pobj)]
        return [
            FoundRelation(relation_type, subject, group, word.sent, "copula")
            for subject in subjects
            for group in groups
            if mentions.may_act(group) and subject.start != group.start
        ]

    def _including(self, word: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "factions including A and B", "consisting of A, B and C", "the new body included factions of A, B"."""
        if word.pos_ == "VERB" and word.dep_ not in ("prep", "acl"):
            groups = [m for c in word.children if c.dep_ in ("nsubj", "nsubjpass") for m in mentions.of(c)]
            if word.dep_ == "relcl":
                groups = mentions.of(word.head, named_members=False)
        else:
            groups = mentions.of(word.head, named_members=False)
        if word.dep_ in ("relcl", "prep", "acl"):
            groups += self._container(word.head, mentions)
        members = [m for c in word.children if c.dep_ in ("dobj", "pobj") for m in mentions.of(c)]
        members += [m for _, pobj in pobjs(word, {"of", "as"}) for m in mentions.of(pobj)]
        affiliated = self._affiliated_list(word, members, mentions) or self._allied_list(word, members, mentions)
        if affiliated:
            return affiliated
        places = [
            FoundRelation("CoLocated", member, area, word.sent, "coordination")
            for area in groups
            if area.label_ == "Location" and not mentions.is_description(area)
            for member in members
            if member.label_ == "Location" and not mentions.is_description(member) and member.start != area.start
        ]  # "Deir ez-Zor province, including the towns of al-Mayadin and Albu Kamal"
        return places + [
            FoundRelation("BelongsTo", member, group, word.sent, "coordination")
            for group in groups
            # "the militia's leaders, including X": the title makes them lead the militia, not members of its leaders
            if group.label_ in GROUPS
            and not (
                mentions.is_description(group) and self.words.title_type.get(group.root.lemma_.lower()) == "InChargeOf"
            )
            for member in members
            # a coalition of states, a council of men: "the alliance includes Qatar and Egypt"; not a people
            if mentions.may_act(member)
            and member.label_ != "Nationality"
            and not mentions.is_description(member)
            and member.start != group.start
            and not (group.start <= member.start < group.end)
        ]

    def _container(self, noun: Token, mentions: MentionIndex) -> list[Span]:
        """ "an umbrella of factions that includes A", "an alliance of militias including A": the body the
        listed groups are gathered in, named by it or beside it ("X, an umbrella of ...")."""
        holder = noun.head.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or holder.lemma_.lower() not in self.words.containers:
            return []
        named = mentions.of(holder, named_members=False)
        if holder.dep_ == "appos":
            named += [m for m in mentions.of(holder.head, named_members=False) if not mentions.is_description(m)]
        return named

    def _affiliated_list(self, word: Token, members: list[Span], mentions: MentionIndex) -> list[FoundRelation]:
        """ "groups loyal to Z, including A and B", "factions linked to Z, among them A": the parser hangs the list on
        Z, the last noun before it; the list names the described groups, which are what the modifier says to Z."""
        other, prep = word.head, word.head.head
        modifier = prep.head
        if other.dep_ != "pobj" or prep.dep_ != "prep" or modifier.dep_ not in ("amod", "acl") or word.i < other.i:
            return []
        kind = self.words.affiliation_type.get(modifier.lower_) or self.words.affiliation_type.get(modifier.lemma_)
        if kind is None or word.doc[word.i - 1].text != ",":
            return []
        return [
            FoundRelation(kind, member, group, word.sent, "coordination")
            for group in mentions.of(other)
            if group.label_ in AGENTS
            for member in members
            if member.label_ in GROUPS and member.start != group.start
        ]

    def _allied_list(self, word: Token, members: list[Span], mentions: MentionIndex) -> list[FoundRelation]:
        """ "government forces and allied militias, including A and B": the groups named are allies of the side the
        allied ones are listed with, not its members."""
        if word.dep_ not in ("prep", "acl"):
            return []
        doc = word.doc
        # the parser may hang the list far off; the allied groups are then the last noun before the comma
        described = [word.head, *([doc[word.i - 2]] if word.i >= 2 and doc[word.i - 1].text == "," else [])]
        groups = next(
            (
                t
                for t in described
                if t.dep_ == "conj"
                and any(
                    self.words.affiliation_type.get(c.lemma_.lower()) == "AlliesOf"
                    for c in t.children
                    if c.dep_ == "amod"
                )
            ),
            None,
        )
        if groups is None:
            return []
        return [
            FoundRelation("AlliesOf", member, side, word.sent, "coordination")
            for side in mentions.of(groups.head, named_members=False)
            if mentions.may_act(side) and side.root.i != groups.i
            for member in members
            if member.label_ in GROUPS and not mentions.is_description(member) and member.start != side.start
        ]

    @staticmethod
    def _owner_alongside(prep: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X's role alongside Y", "X's campaign alongside Y": whose doing a noun is acts with the one beside it."""
        noun = prep.head
        if noun.pos_ != "NOUN" or noun.i in mentions.by_root:
            return []  # a verb's "alongside" is fg_frames'; "X's fighters alongside Y" are a body, not a doing
        owners = [m for c in noun.children if c.dep_ == "poss" for m in mentions.of(c) if mentions.may_act(m)]
        companions = [m for g in prep.children if g.dep_ == "pobj" for m in mentions.of(g)]
        return [
            FoundRelation("AlliesOf", owner, companion, prep.sent, "accompaniment")
            for owner in owners
            for companion in companions
            if mentions.may_act(companion) and owner.start != companion.start
        ]

    @staticmethod
    def _among(prep: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Several FSA groups, among them A and B": the groups named are members of those the description
        is of (fg_resolve takes "FSA groups" for the FSA)."""
        if not any(c.dep_ == "pobj" and c.tag_ == "PRP" for c in prep.children):
            return []
        named, described = prep.head, prep.head.head
        if named.dep_ != "appos" and named.pos_ in ("VERB", "AUX"):
            # the parser may hang "among them" on the verb and make both nouns its subjects
            subjects = [c for c in named.children if c.dep_ in ("nsubj", "nsubjpass")]
            before, after = [c for c in subjects if c.i < prep.i], [c for c in subjects if c.i > prep.i]
            if not before or not after:
                return []
            named, described = after[0], before[-1]
        elif named.dep_ != "appos":
            return []
        whole = mentions.by_root.get(described.i)
        if whole is None or whole.label_ not in GROUPS or not mentions.is_description(whole):
            return []
        return [
            FoundRelation("BelongsTo", member, whole, prep.sent, "coordination")
            for member in mentions.of(named)
            if member.label_ in GROUPS and not mentions.is_description(member)
        ]

    def _under(self, prep: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "the council under General X", "units placed under Y", "fought under the command of X", "the
        town was under Y control": who is under a person is led by them, a group under a group is part of
        it, a place under a group's control is held by it."""
        word = prep.head
        if word.pos_ in ("VERB", "AUX") and prep.i < word.i:
            return []  # "Under Prime Minister X, the force grew": a time, not a chain of command
        if any(c.dep_ == "neg" for c in prep.children):
            return []  # "the last city not under X control"
        if word.pos_ in ("VERB", "AUX") and word.dep_ == "acl":  # "X, placed under Y": the noun it describes
            under = mentions.of(word.head) + mentions.named_beside(word.head)
        elif word.pos_ in ("VERB", "AUX"):  # "was placed under Y": the subject of the verb is under Y
            under = [m for c in word.children if c.dep_ in ("nsubj", "nsubjpass") for m in mentions.of(c)]
        elif word.lemma_.lower() in self.words.title_type:  # "deputy head of the council under X": the council
            under = [m for _, pobj in pobjs(word, {"of"}) for m in mentions.of(pobj) if m.label_ in GROUPS]
        elif word.conjuncts:  # "Y was formed from a merger of A, B and other groups under X": Y is, not the last item
            clause = word
            while clause.dep_ in ("conj", "pobj", "prep") and clause.pos_ not in ("VERB", "AUX"):
                clause = clause.head
            verb_subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            under = [m for c in verb_subjects for m in mentions.of(c)] if clause.pos_ in ("VERB", "AUX") else []
        else:  # the noun alone
            under = mentions.of(word)
        found = []
        for pobj in [c for c in prep.children if c.dep_ == "pobj"]:
            kind = self.words.under_type.get(pobj.lemma_.lower())
            if kind is None:  # the one named, not whose sanctions or mediation it is ("under US sanctions")
                above = [m for t in [pobj, *pobj.conjuncts] if (m := mentions.by_root.get(t.i)) is not None]
            else:  # "under the leadership of X", "under LNA control"
                above = [m for c in pobj.children if c.dep_ in ("poss", "compound", "amod") for m in mentions.of(c)]
                above += [m for _, named in pobjs(pobj, {"of"}) for m in mentions.of(named)]
            for upper in [m for m in above if mentions.may_act(m) and not mentions.is_description(m)]:
                for lower in [m for m in under if m.start != upper.start]:
                    if kind == "Controls" and lower.label_ == "Location":
                        found.append(FoundRelation("Controls", upper, lower, prep.sent, "copula"))
                    elif kind == "Dislikes" and mentions.may_act(lower):  # "X is under US sanctions"
                        found.append(FoundRelation("Dislikes", upper, lower, prep.sent, "copula"))
                    elif kind != "Controls" and lower.label_ in GROUPS and upper.label_ == "Person":
                        found.append(FoundRelation("InChargeOf", upper, lower, prep.sent, "copula"))
                    elif kind != "Controls" and lower.label_ in GROUPS and upper.label_ in GROUPS:
                        found.append(FoundRelation("BelongsTo", lower, upper, prep.sent, "copula"))
        return found

    def _led_part(self, participle: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "X, a faction of Y commanded by Z", "a unit of Y's ministry led by Z": the parser hangs the participle on
        the last noun, but it describes the part the phrase names, which Z commands (and X, named beside it), not Y;
        "a Y garrison commanded by Z": Z is one of Y's men, in charge of the garrison only."""
        leaders = [m for a in participle.children if a.dep_ == "agent" for g in a.children for m in mentions.of(g)]
        leaders = [m for m in leaders if m.label_ == "Person"]
        inner = participle.head
        part = inner.head.head
        of_a_part = inner.dep_ == "pobj" and inner.head.lower_ == "of"
        if of_a_part and self.words.copula_type.get(part.lemma_) == "BelongsTo":
            described = mentions.by_root.get(part.i)
            if described is None or not mentions.is_description(described):
                return []
            # and the phrase it stands beside, a name or a description fg_resolve names ("the division, a faction ...")
            beside = mentions.of(part.head) if part.dep_ == "appos" else mentions.named_beside(part)
            return [
                FoundRelation("InChargeOf", leader, led, participle.sent, "title")
                for leader in leaders
                for led in [described, *beside]
            ]
        body = mentions.by_root.get(inner.i)
        if inner.lower_ not in self.words.body_nouns or (body is not None and not mentions.is_description(body)):
            return []
        owners = [m for c in inner.children if c.dep_ in ("compound", "poss") for m in mentions.of(c)]
        return [
            FoundRelation("BelongsTo", leader, owner, participle.sent, "title")
            for leader in leaders
            for owner in owners
            if owner.label_ in GROUPS and not mentions.is_description(owner)
        ]

    # -- modifiers ----------------------------------------------------------------------------

    @staticmethod
    def _ally_prefix(prefix: Token, mentions: MentionIndex) -> list[FoundRelation]:
        """ "pro-Turkish factions", "the Hamza Division, a pro-Turkish faction": the modified noun's actor is
        the named actor's ally."""
        doc = prefix.doc
        if prefix.i + 2 >= len(doc) or doc[prefix.i + 1].text not in HYPHENS:
            return []
        ally = next((m for m in mentions.starting_at.get(prefix.i + 2, []) if m.label_ in COLLECTIVES), None)
        head = mentions.by_root.get(prefix.head.i)
        if ally is None or head is None or head.label_ not in AGENTS or ally.root == head.root:
            return []
        return [
            FoundRelation("AlliesOf", modified, ally, prefix.sent, "modifier")
            for modified in [head, *mentions.named_beside(prefix.head)]
        ]

    def _modifier(self, word: Token, lemma: str, mentions: MentionIndex) -> list[FoundRelation]:
        """ "Turkish-backed factions", "the HTS-linked Salvation Government", "National Army-held areas"."""
        doc = word.doc
        before = word.i - 1 if doc[word.i - 1].text in HYPHENS else word.i
        modifier = mentions.ending_at.get(before - 1)
        if modifier is None or modifier.end > word.i or modifier.label_ not in COLLECTIVES:
            return []  # a place may modify ("US-led", "Afrin-based"): fg_decide keeps only states as agents
        hyphenated = before != word.i
        if not hyphenated and not (word.dep_ in ("amod", "compound") and word.head.i > word.i):
            return []  # without a hyphen, only a modifier before its noun: "Turkish backed factions"
        head = mentions.by_root.get(word.head.i)  # the modified noun alone, not its conjuncts
        modified = [head] if head is not None else []
        if head is None and word.head.dep_ == "appos" and (named := mentions.by_root.get(word.head.head.i)):
            modified.append(named)  # "the Fifth Corps, a Russian-backed formation": a noun no mention, its name
        if head is not None and mentions.is_description(head):  # "the Zenki-held towns of A, B and C"
            modified += mentions.named_after_of(word.head)
            # "Iranian-backed militias such as Liwa Fatemiyoun"
            modified += [m for t in self.clauses.members_named(word.head) for m in mentions.of(t)]
            if word.head.dep_ == "conj" and any(c.lower_ == "other" for c in word.head.children if c.dep_ == "amod"):
                # "its fighters and other Iranian-backed forces": those listed before are such forces too
                modified += [m for m in mentions.of(word.head.head) if m.root.i != word.head.i]
        rule = self.words.modifiers[lemma]
        if rule.type == "AlliesOf":  # "an umbrella of Iran-aligned factions": the body that gathers them
            modified += self._container(word.head, mentions)
        # a description the modifier opens ("the Zenki-held towns of A"), not one whose head it follows ("the
        # police force of the Kurdish-led Autonomous Administration" is not Kurdish-led)
        modified += [
            m for m in mentions.description_of.values() if m.start <= modifier.start and word.i < m.root.i < m.end
        ]
        found = []
        for target in dict.fromkeys(modified):
            if target.start == modifier.start and target.end == modifier.end:
                continue
            relation_type = rule.type
            if rule.organisation_type and modifier.label_ != "Person":
                relation_type = rule.organisation_type
            if relation_type == "Controls" and target.label_ != "Location":
                continue
            if relation_type != "Controls" and target.label_ not in AGENTS:
                continue
            source, other = (modifier, target) if rule.source == "modifier" else (target, modifier)
            if relation_type == "BelongsTo" and rule.organisation_type:
                source, other = modifier, target  # "the US-led coalition": the US is in it
            found.append(FoundRelation(relation_type, source, other, word.sent, "modifier"))
        return found
