"""Where the pipeline leaves its results on a ``Doc``, and the data files its components read."""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_SPACE, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import Clauses, lexicon_model
from factiongraph.settings import setting

MENTIONS_KEY = "fg_mentions"
"""Every typed mention: names, descriptions, group nouns, pronouns."""
DESCRIPTIONS_KEY = "fg_descriptions"
"""Mentions that stand for an actor without naming it: they resolve to a named one or to nothing."""
NESTED_KEY = "fg_nested"
"""Mentions inside a larger mention ("Syrian" in "the Syrian opposition"): kept for relations, not as spans."""

STATES_KEY = "fg_states"
"""Mentions of a state by its name as a place ("Turkey"): a place that may also act ("accused Turkey")."""
DATELINES_KEY = "fg_datelines"
"""Each sentence's dateline up to its dash ("AZAZ, Syria (Levant Wire)"), found once by ``fg_mentions``: it
opens with the place the sentence is datelined at, which acts in nothing the sentence says."""

HYPHENS = frozenset({"-", "–"})
"""A hyphen as the tokenizer leaves it between the parts of "Turkish-backed", "X-held", "pro-X": the ASCII one
and the en dash."""


@dataclass(frozen=True)
class FoundRelation:
    """A typed relation between two mentions, with the sentence that says it, the construction that
    found it and how sure the decision layer is of it (0 to 1)."""

    type: str
    source: Span
    target: Span
    evidence: Span
    construction: str = "trigger"
    confidence: float = 1.0


@dataclass(frozen=True)
class FoundEvent:
    """Something that happened, typed with a PLOVER category: who took part, where, and the sentence."""

    type: str
    trigger: Span
    sources: tuple[Span, ...]
    targets: tuple[Span, ...]
    place: Span | None
    evidence: Span
    mode: str | None = None
    """How it was done, in PLOVER's words ("firearms", "shelling", "arrest")."""
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    killed: int | None = None
    injured: int | None = None


for _extension in ("fg_relations", "fg_events"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


@dataclass(frozen=True)
class TokenColumns:
    """A document's token attributes as plain lists, read once: spaCy builds a new ``Token`` on every
    ``doc[i]`` and every step of ``for token in doc``, which loops that look at every word pay for again
    and again."""

    text: list[str]
    lower: list[str]
    tag: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    is_alpha: list[bool]
    is_space: list[bool]
    sent_start: list[bool]
    """True where a sentence starts; False where none does or the parse has not said."""
    space_after: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> TokenColumns:
        strings = doc.vocab.strings
        attributes = [ORTH, LOWER, TAG, POS, DEP, IS_ALPHA, IS_SPACE, SENT_START, SPACY]
        orth, lower, tag, pos, dep, is_alpha, is_space, sent_start, space_after = (
            doc.to_array(attributes).T.tolist() if len(doc) else [[]] * len(attributes)
        )
        offsets = (
            doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
        )  # signed: a head comes before or after
        return cls(
            text=[strings[h] for h in orth],
            lower=[strings[h] for h in lower],
            tag=[strings[h] for h in tag],
            pos=[strings[h] for h in pos],
            dep=[strings[h] for h in dep],
            head=[i + offset for i, offset in enumerate(offsets)],
            is_alpha=list(map(bool, is_alpha)),
            is_space=list(map(bool, is_space)),
            sent_start=[s == 1 for s in sent_start],
            space_after=list(map(bool, space_after)),
        )

    def text_of(self, start: int, end: int) -> str:
        """What ``doc[start:end].text`` says, read from the columns without building a ``Span``."""
        text, space_after = self.text, self.space_after
        return "".join(text[i] + " " * space_after[i] for i in range(start, end - 1)) + text[end - 1]


def span_keys(spans: list[Span]) -> set[tuple[int, int]]:
    return {(s.start, s.end) for s in spans}


def tokens_of_pos(doc: Doc, parts: frozenset[str], held: list[int], minimum: int) -> Iterator[Token]:
    """The tokens of these parts of speech in sentences that hold at least ``minimum`` mentions, read from
    the doc's arrays: spaCy makes a new ``Token`` for every word a loop looks at, which the rules that read
    only verbs or nouns need not pay for the others."""
    wanted = {POS_IDS[part] for part in parts}
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos in wanted and held[i] >= minimum:
            yield doc[i]


def coordinated_modifiers(token: Token) -> list[Token]:
    """Names the parser hung on a name as its modifiers though "and" joins them ("the SDF and Delta Crescent
    Energy": SDF as a modifier of Energy): conjuncts, as a reader takes them."""
    return [
        c
        for c in token.children
        if c.dep_ in ("nmod", "compound")
        and c.pos_ == "PROPN"
        and any(t.lower_ in ("and", "or") and t.dep_ == "cc" for t in token.doc[c.i + 1 : token.i])
    ]


def cut_off(clause: Token) -> bool:
    """Whether a clause the parser hung on a later verb is cut off from it by a semicolon: a sentence of its own,
    not that verb's complement ("A blamed B; C denied that it used gas" does not deny the blame)."""
    head = clause.head
    return clause.i < head.i and any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : head.i])


def past_dateline(subjects: list[Token]) -> list[Token]:
    """The subjects a dateline hides: in "DIBAN, Syria (Wire) — IS militants attacked" the parser makes
    the place the subject and the militants its apposition; the subject is what follows the dash."""
    openings = [(d.start, d.end) for s in subjects[:1] for d in s.doc.spans.get(DATELINES_KEY, [])]
    if not openings:
        return subjects
    found = []
    for subject in subjects:
        opening = next(((start, end) for start, end in openings if start <= subject.i < end), None)
        if opening is None:
            found.append(subject)
            continue
        found += [c for c in subject.children if c.dep_ in ("appos", "conj") and c.i >= opening[1]]
    return found


_T = TypeVar("_T")
_SHARED_GROUPS = (MENTIONS_KEY, DESCRIPTIONS_KEY, NESTED_KEY, STATES_KEY)
"""The span groups ``fg_mentions`` sets once, whose spans the later components read."""
_per_document: dict[Callable[[Doc], Any], tuple[Doc, tuple[object, ...], tuple[int, ...], Any]] = {}
"""Each :func:`once_per_document` function's value for the last document it read, with that document's groups."""


def once_per_document(doc: Doc, compute: Callable[[Doc], _T]) -> _T:
    """``compute(doc)`` for a function of the document's mention span groups, computed once for all the components
    that need it: spaCy builds every span again on each read of a group. Only ``fg_mentions`` sets the groups, so
    the value is read again only for another document or a group set again or grown."""
    groups = tuple(doc.spans.get(key) for key in _SHARED_GROUPS)
    sizes = tuple(-1 if group is None else len(group) for group in groups)
    held = _per_document.get(compute)
    if held is not None and held[0] is doc and held[2] == sizes and all(map(operator.is_, held[1], groups)):
        return held[3]
    value = compute(doc)
    _per_document[compute] = (doc, groups, sizes, value)
    return value


def mentions_of(doc: Doc) -> list[Span]:
    """The document's mentions (``doc.spans[MENTIONS_KEY]``), built as spans once for all the components that read
    them: a list to read, not to change."""
    return group_of(doc, MENTIONS_KEY)


def group_of(doc: Doc, key: str) -> list[Span]:
    """``doc.spans[key]`` for one of the groups ``fg_mentions`` sets, built as spans once for all the components
    that read it: a list to read, not to change."""
    return once_per_document(doc, _GROUP_READERS[key])


def _read_group(key: str, doc: Doc) -> list[Span]:
    return list(doc.spans[key])


_GROUP_READERS = {key: partial(_read_group, key) for key in _SHARED_GROUPS}


def mentions_per_token(doc: Doc) -> list[int]:
    """For each token, how many mentions its sentence holds: a sentence with fewer than two has no
    relation in it, and the rules that read the parse can pass over its words. Computed once per document."""
    return once_per_document(doc, _mentions_per_token)


def _mentions_per_token(doc: Doc) -> list[int]:
    starts = sorted(m.start for m in mentions_of(doc))
    counts = [0] * len(doc)
    for sentence in doc.sents:
        held = bisect_left(starts, sentence.end) - bisect_left(starts, sentence.start)
        counts[sentence.start : sentence.end] = [held] * (sentence.end - sentence.start)
    return counts


class ClauseWords:
    """What a clause's small words tell (``clauses.json``): what opens a describing clause, and what keeps
    one from asserting, read over the parse from the lexicon's validated model."""

    def __init__(self, lexicon: Clauses) -> None:
        self.lexicon = lexicon

    @classmethod
    def read(cls, path: str | None = None) -> ClauseWords:
        """From the user's file at ``path``, else the package's."""
        return cls(lexicon_model(path, Clauses))

    def place_of_relative(self, verb: Token) -> list[Token]:
        """The place a clause opened by "where" happens in: the noun it describes ("Manbij, where US troops
        were stationed")."""
        if verb.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ in self.lexicon.place_relatives for c in verb.children
        ):
            return []
        return [verb.head]

    def members_named(self, noun: Token) -> list[Token]:
        """The members named after "including" or "such as" on a noun ("villages including A and B",
        "Iranian-backed militias such as Liwa Fatemiyoun")."""
        return [
            pobj
            for prep in noun.children
            if prep.dep_ == "prep"
            and (
                prep.lower_ in self.lexicon.members_after
                or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))
            )
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]

    def whole_of_share(self, noun: Token) -> Token | None:
        """Who a share of ``noun`` is: the subject of "X is one of the factions", the noun "X, one of
        the factions" is in apposition to, the subject of "X was among the factions"."""
        if noun.dep_ != "pobj":
            return None
        link = noun.head
        if link.lower_ == "of" and link.head.lower_ in self.lexicon.shares:
            share = link.head  # "one of the factions"
        elif link.lower_ in self.lexicon.shares:
            share = link  # "among the factions"
        else:
            return None
        if share.dep_ == "appos":
            return share.head
        verb = share.head if share.dep_ in ("attr", "prep") else None
        if verb is not None and verb.lemma_ == "be":
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return None

    def places_by_direction(self, token: Token) -> list[Token]:
        """The objects of "east of X", "north of X", "on the outskirts of X" hung on ``token``: a phrase of place
        like "near X"."""
        children = list(token.children)  # spaCy builds each child anew on every walk: walk once
        directions = [c for c in children if c.lower_ in self.lexicon.directions]
        directions += [
            part
            for prep in children
            if prep.dep_ == "prep" and prep.lower_ in self.lexicon.part_preps
            for part in prep.children
            if part.dep_ == "pobj" and part.lower_ in self.lexicon.place_parts
        ]
        return [
            pobj
            for direction in directions
            for prep in direction.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]

    def owners_by_participle(self, thing: Token) -> list[Token]:
        """Whose a thing is by the participle that follows it: the X of "facilities used by X",
        "positions held by X"."""
        return [
            pobj
            for participle in thing.children
            if participle.dep_ == "acl" and participle.lemma_.lower() in self.lexicon.owner_participles
            for agent in participle.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
        ]

    def asserted(self, verb: Token) -> bool:
        """Whether the clause says it happened: not negated ("did not meet"), hedged ("could meet")
        or conditional ("if they meet")."""
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in self.lexicon.hedging_auxiliaries):
                return False
            if child.dep_ == "mark" and child.lower_ in self.lexicon.conditions:
                return False
        return True


DATELINE_DASHES = frozenset({"—", "–", "--"})
DATELINE_MAX_TOKENS = int(setting("dateline_max_tokens"))


def find_dateline(sentence: Span, mentions: list[Span]) -> tuple[Span, int] | None:
    """The place of a dateline that opens a sentence ("AZAZ, Syria (Levant Wire) — ...", "GENEVA,
    6 October 2016 — ..."), and the index of the dash after it; None when the sentence has none.

    The dash comes early and the words before it open with a place."""
    dash = next((t.i for t in sentence[:DATELINE_MAX_TOKENS] if t.text in DATELINE_DASHES), None)
    if dash is None or dash == sentence.start:
        return None
    before = [m for m in mentions if sentence.start <= m.start and m.end <= dash]
    places = [m for m in before if m.label_ == "Location"]
    if not places or places[0].start != sentence.start:
        return None
    return places[0], dash


def find_place_label(sentence: Span, mentions: list[Span]) -> tuple[Span, int] | None:
    """The place that labels a paragraph of a report before a colon ("Z: X shelled Y", "Z (W): ..."), read as a
    dateline is (:func:`find_dateline`), and the index of the colon; None when the paragraph opens otherwise."""
    doc = sentence.doc
    if sentence.start_char and doc.text[sentence.start_char - 1] != "\n":
        return None
    opening = next((m for m in mentions if m.start == sentence.start and m.label_ == "Location"), None)
    if opening is None:
        return None
    aside = False  # inside a second name in brackets ("Z (W):")
    for token in sentence[opening.end - sentence.start : DATELINE_MAX_TOKENS]:
        if token.text.endswith(":") and (not aside or token.text == "):"):  # "):" is one token
            return opening, token.i
        if token.text in ("(", ")"):
            aside = token.text == "("
        elif not aside:
            return None  # "Z saw the worst of it: ...": a sentence about the place, no label
    return None


def opens_dateline(name: Span) -> bool:
    """Whether a name in capitals opens its sentence before an early dash, as a dateline's place does, which the
    parser makes the subject ("MOSCOW (Wire) — X and Y agreed"), whatever the model typed it."""
    sentence = name.sent
    early = sentence[name.end - sentence.start : DATELINE_MAX_TOKENS]
    return name.start == sentence.start and name.text.isupper() and any(t.text in DATELINE_DASHES for t in early)


def may_open_with_dateline(tokens: TokenColumns, sentence: Span) -> bool:
    """Whether a dash comes early enough in a sentence for a dateline to end at it (:func:`find_dateline`):
    most sentences have none, and need not be looked at further."""
    early = tokens.text[sentence.start + 1 : min(sentence.end, sentence.start + DATELINE_MAX_TOKENS)]
    return any(text in DATELINE_DASHES for text in early)


def dateline_of(sentence: Span) -> Span | None:
    """The dateline that opens a sentence, as ``fg_mentions`` found it."""
    group = sentence.doc.spans.get(DATELINES_KEY, [])
    return next((d for d in group if d.start == sentence.start), None)
