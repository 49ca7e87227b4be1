"""The lexicons the NLP pipeline reads its knowledge from, kept as versioned data with a schema.

Each file in ``data/lexicons/`` (and ``data/boilerplate.json``) carries ``"version": 1`` and is
validated against its model below whenever it is read: unknown keys are an error (a misspelt rule
option cannot silently do nothing), relation, entity and event types must be known ones, and every
regular expression must compile (a trigger rule's after its ``{fragments}`` are filled in). A
user's file given in place of a shipped one (``triggers_path``, ``verbs_path``, ``heads_path``,
``pronouns_path``, ``cues_path`` in the pipeline config) is held to the same schema; a file that
does not validate raises :class:`~factiongraph.errors.LexiconError` naming the file and the first
problem.

A component takes its lexicon's model as it is (:func:`lexicon_model`) and reads its fields, with the
lookups the model builds from its words; :func:`load_lexicon` gives the validated content as it stands
in the file, without its ``version``.
"""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar, cast

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, Strict, field_validator, model_validator

from factiongraph.errors import LexiconError, validated
from factiongraph.keys import name_key
from factiongraph.places import Kind
from factiongraph.schema import StrictModel
from factiongraph.vocab import (
    ACLED_SUB_EVENT_TYPES,
    AcledEventType,
    Category,
    EventType,
    MentionType,
    RelationType,
    Stance,
)

LEXICON_VERSION = 1
"""The only version of the lexicon files this code reads."""


_FRAGMENT = re.compile(r"(?<!\\)\{([A-Za-z_]\w*)\}")
"""A ``{name}`` left in a trigger pattern: a fragment that does not exist (a quantifier is ``{1,3}``)."""


def _compiles(pattern: str, flags: int = 0) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as error:
        raise ValueError(f"regular expression does not compile: {error}") from error


def _not_null(value: object) -> object:
    """An optional key is left out when unused; ``null`` would reach the rule as a value."""
    if value is None:
        raise ValueError("leave the key out rather than set it to null")
    return value


def _by_word(groups: dict[RelationType, list[str]]) -> dict[str, RelationType]:
    """A lookup from a section listed by relation type: each word to the type it is listed under."""
    return {word: kind for kind, words in groups.items() for word in words}


class _Strict(StrictModel):
    """A lexicon's values as written: no string read as a number, nor a number as a string."""

    model_config = ConfigDict(strict=True)


def _listed_once(words: object) -> object:
    """A word listed twice in one list is a slip (a typo where another word was meant), not a choice."""
    if isinstance(words, list) and all(isinstance(w, str) for w in words):
        if twice := sorted({w for w in words if words.count(w) > 1}):
            raise ValueError(f"listed more than once: {', '.join(twice)}")
    return words


Member = TypeVar("Member", bound=str)
SetOf = Annotated[
    frozenset[Member], Strict(False), BeforeValidator(_listed_once), PlainSerializer(sorted, return_type=list[str])
]
"""A list a component looks words or types up in: a JSON array in the file, a set in the model (so the
component takes the model's field as it is, with no copy in another shape), written back sorted."""
Words = SetOf[str]


class _Commented(_Strict):
    comment: str | None = Field(None, alias="$comment")


class LexiconFile(_Commented):
    """What every lexicon file has: an optional ``$comment`` and the format ``version``."""

    version: int

    @field_validator("version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != LEXICON_VERSION:
            raise ValueError(f"version {value} is not one this factiongraph reads (it reads {LEXICON_VERSION})")
        return value

    def content(self) -> dict[str, Any]:
        """The file's data as the components read it: as written, without the version."""
        return self.model_dump(by_alias=True, exclude_unset=True, exclude={"version"})


Lexicon = TypeVar("Lexicon", bound=LexiconFile)


# --------------------------------------------------------------------------------------------
# relation_triggers.json: read by factiongraph.nlp.relations
# --------------------------------------------------------------------------------------------


class RelationRule(_Strict):
    """Types at each end, and the text that must lie between the two mentions (see ``relations.py``)."""

    type: RelationType
    first: list[MentionType] = Field(min_length=1)
    second: list[MentionType] = Field(min_length=1)
    source: Literal["first", "second"]
    between: str
    before: str | None = None
    same_type: bool | None = None
    across_mentions: bool | None = None
    first_is_description: bool | None = None
    second_is_description: bool | None = None
    first_commands: bool | None = None
    first_definite: bool | None = None
    not_in_list: bool | None = None
    mutual: bool | None = None

    _given = field_validator(
        "before",
        "same_type",
        "across_mentions",
        "first_is_description",
        "second_is_description",
        "first_commands",
        "first_definite",
        "not_in_list",
        "mutual",
        mode="before",
    )(_not_null)

    @field_validator("before")
    @classmethod
    def _before_compiles(cls, value: str) -> str:
        _compiles(f"(?:{value})$", re.IGNORECASE)
        return value


class RelationTriggers(LexiconFile):
    fragments: dict[str, str]
    rules: list[RelationRule]
    hypothetical_before: str

    @field_validator("hypothetical_before")
    @classmethod
    def _hypothetical_compiles(cls, value: str) -> str:
        _compiles(f"(?:{value})$", re.IGNORECASE)
        return value

    @model_validator(mode="after")
    def _rules_compile(self) -> RelationTriggers:
        for index, rule in enumerate(self.rules):
            pattern = rule.between
            for key, value in self.fragments.items():
                pattern = pattern.replace("{" + key + "}", value)
            unknown = _FRAGMENT.search(pattern)
            try:
                if unknown:
                    raise ValueError(f"no fragment named {unknown[1]!r}")
                _compiles(f"(?:{pattern})", re.IGNORECASE)
            except ValueError as error:
                raise ValueError(f"rules.{index}.between ({rule.type}): {error}") from error
        return self


# --------------------------------------------------------------------------------------------
# verb_relations.json: read by factiongraph.nlp.frames
# --------------------------------------------------------------------------------------------


class VerbFrame(_Strict):
    """What a verb says between its subject and its objects (see ``frames.py``)."""

    type: RelationType | None
    preps: list[str]
    event: EventType | None = None
    military_objects: RelationType | None = None
    objects: list[MentionType] | None = None
    object_located: bool | None = None
    place_object: bool | None = None
    felt_by_subject: bool | None = None
    prep_types: dict[str, RelationType] | None = None
    place_type: RelationType | None = None
    actor_type: RelationType | None = None

    _given = field_validator(
        "event",
        "place_type",
        "actor_type",
        "military_objects",
        "objects",
        "object_located",
        "place_object",
        "felt_by_subject",
        "prep_types",
        mode="before",
    )(_not_null)


class VerbRelations(LexiconFile):
    places: Words
    verbs: dict[str, VerbFrame]
    military_words: Words
    joint_subjects: dict[RelationType, RelationType]
    judging_verbs: Words
    judgements: dict[RelationType, list[str]]
    lemmas: dict[str, str]
    opposed_preps: Words = frozenset()
    expelling_verbs: Words = frozenset()
    leaving_words: Words = frozenset()

    @cached_property
    def judgement_type(self) -> dict[str, RelationType]:
        """What calling someone a word makes of the caller and them ("terrorists": Dislikes)."""
        return _by_word(self.judgements)


# --------------------------------------------------------------------------------------------
# noun_heads.json, pronouns.json: read by factiongraph.nlp.mentions (and relations, resolve)
# --------------------------------------------------------------------------------------------


class _GroupNameWords(_Strict):
    """Words that open, or close, the name of a group ("the Free Syrian Army")."""

    first: Words
    last: Words


class NounHeads(LexiconFile):
    person_command: Words
    person_other: Words
    group: list[str]
    place: Words
    ended: Words
    refer_back: dict[MentionType, list[str]]
    group_name_words: _GroupNameWords
    place_openers: Words
    speak_for: Words
    government: Words
    government_bodies: Words
    facilities: Words
    area_words: list[str]
    named_features: Words = frozenset()
    place_parts: Words = frozenset()
    office_bodies: dict[str, str] = {}


class _GroupAgreement(_Strict):
    categories: SetOf[Category]
    words: Words
    unlisted: bool


class _PlaceAgreement(_Strict):
    kinds: SetOf[Kind]
    words: Words
    unlisted: bool


class PluralReferences(_Commented):
    """The phrases that stand for two actors at once (see ``references.json``'s ``plural``)."""

    heads: dict[str, list[MentionType]]
    both: Words
    numbers: Words
    list_numbers: dict[str, int]
    bare_heads: Words
    pronouns: Words
    pronoun_heads: Words = frozenset()
    echo_openers: Words = frozenset()
    echo_closers: Words = frozenset()
    echo_verbs: Words = frozenset()
    reciprocals: list[str]
    pair_types: SetOf[RelationType]
    own_types: SetOf[RelationType]
    companions: Words
    opposing_heads: Words

    @cached_property
    def reciprocal_words(self) -> frozenset[tuple[str, ...]]:
        """The reciprocals word by word ("each other": ("each", "other"))."""
        return frozenset(tuple(words.split()) for words in self.reciprocals)


class References(LexiconFile):
    """What a definite description stands for, by its head noun: which groups and places agree with it; and
    the phrases that stand for two actors at once."""

    determiners: Words
    parts: Words
    capitals: Words
    role_plurals: Words
    line_heads: Words
    line_preps: Words
    first_person: Words = frozenset()
    statement_nouns: Words = frozenset()
    statement_openers: Words = frozenset()
    author_preps: Words = frozenset()
    constituents: Words = frozenset()
    groups: dict[str, _GroupAgreement]
    places: dict[str, _PlaceAgreement]
    plural: PluralReferences


class Clauses(LexiconFile):
    """Words that tell what a clause does: describe a noun, hedge, or set a condition."""

    relative_pronouns: Words
    hedging_auxiliaries: Words
    conditions: Words
    directions: Words
    place_parts: Words
    part_preps: Words
    owner_participles: Words
    members_after: Words
    shares: Words
    place_relatives: Words
    sending_verbs: Words
    requesting_verbs: Words


class Decisions(LexiconFile):
    """How the decision layer weighs and filters candidate relations (see the file's ``$comment``)."""

    constructions: dict[str, float]
    direct_hops: int = Field(ge=0)
    hop_factor: float = Field(gt=0, le=1)
    pathless: Words
    unasserting: Words
    not_fighting: Words
    civilian_categories: Words
    civilian_heads: Words
    armed_heads: Words = frozenset()
    agent_types: SetOf[RelationType]
    side_types: SetOf[RelationType]
    participle_readers: Words

    @field_validator("constructions")
    @classmethod
    def _probabilities(cls, weights: dict[str, float]) -> dict[str, float]:
        for name, weight in weights.items():
            if not 0 <= weight <= 1:
                raise ValueError(f"the confidence of {name!r} must be between 0 and 1, not {weight}")
        return weights


class Modifier(_Strict):
    type: RelationType
    source: Literal["modifier", "modified"]
    organisation_type: RelationType | None = None


class Circumstances(_Strict):
    """Where an event noun is the circumstance of a verb (see ``constructions.json``)."""

    preps: Words
    measure_nouns: Words


class Accompaniment(_Strict):
    """Who acts with a verb's subject (see ``constructions.json``)."""

    preps: Words
    adverbs: Words
    participles: Words
    loyalty: Words
    leading: Words
    joining: Words = frozenset()


class Mediation(_Strict):
    """Who brokers a deal or talks (see ``constructions.json``)."""

    verbs: Words
    nouns: Words
    preps: Words


class ClauseLinks(_Strict):
    """The small words a construction reads a relation through (see ``constructions.json``)."""

    be_verbs: Words
    describing_verbs: Words
    member_links: Words
    office_links: Words
    agent_preps: Words
    other_side_preps: Words
    holder_preps: Words
    sought_preps: Words
    inside_preps: Words
    beside_preps: Words
    title_links: Words
    acting_preps: Words
    loser_preps: Words
    state_preps: Words
    role_preps: Words
    posting_links: Words


class Areas(_Strict):
    """Unnamed places named by the place they lie around (see ``constructions.json``)."""

    nouns: Words
    preps: Words


class Constructions(LexiconFile):
    """The words of the structural constructions (see the file's ``$comment``)."""

    titles: dict[RelationType, list[str]]
    sub_units: Words
    modifiers: dict[str, Modifier]
    nominals: dict[RelationType, list[str]]
    patient_nouns: Words
    visits: Words
    copulas: dict[RelationType, list[str]]
    affiliations: dict[RelationType, list[str]]
    including: Words
    place_preps: Words
    doing_verbs: Words
    partitives: Words
    body_nouns: Words
    circumstances: Circumstances
    arms_nouns: Words
    standoff_arms: Words = frozenset()
    arms_origins: Words = frozenset()
    sending_targets: Words = frozenset()
    heading_words: Words
    deputy_words: Words
    under_nouns: dict[RelationType, list[str]]
    naming_verbs: Words
    among: Words
    accompaniment: Accompaniment
    judging_verbs: dict[RelationType, list[str]]
    strongholds: Words
    seats: Words
    clause_links: ClauseLinks
    joint_nominals: dict[RelationType, RelationType]
    joint_words: Words
    mediation: Mediation
    containers: Words
    ally_prefixes: Words
    state_bodies: Words = frozenset()
    falling_verbs: Words = frozenset()
    retaking_verbs: Words = frozenset()
    countering_verbs: Words = frozenset()
    areas: Areas
    lying_verbs: Words = frozenset()

    @cached_property
    def title_type(self) -> dict[str, RelationType]:
        """A title's relation by word."""
        return _by_word(self.titles)

    @cached_property
    def member_titles(self) -> frozenset[str]:
        """Titles that make their holder a member, not the one in charge ("spokesman", "fighter")."""
        return frozenset(self.titles.get("BelongsTo", []))

    @cached_property
    def nominal_type(self) -> dict[str, RelationType]:
        return _by_word(self.nominals)

    @cached_property
    def copula_type(self) -> dict[str, RelationType]:
        return _by_word(self.copulas)

    @cached_property
    def affiliation_type(self) -> dict[str, RelationType]:
        return _by_word(self.affiliations)

    @cached_property
    def under_type(self) -> dict[str, RelationType]:
        return _by_word(self.under_nouns)

    @cached_property
    def judging_type(self) -> dict[str, RelationType]:
        return _by_word(self.judging_verbs)


class PlaceLists(_Strict):
    """Where a list of names is a list of places (see ``names.json``)."""

    nouns: Words
    preps: Words
    known_place_preps: Words


class Names(LexiconFile):
    """How names that vary land on one actor: spelling similarity, kind words, name particles."""

    similarity: float = Field(ge=0, le=100)
    typo_edits: int = Field(ge=0)
    kind_words: list[str]
    particles: Words
    joining_words: Words
    directions: Words
    max_words: int = Field(ge=1)
    list_conjunctions: Words
    initials_skip: Words
    definite: Words
    spelling_verbs: Words
    renaming_verbs: Words
    other_words: Words
    place_lists: PlaceLists

    @field_validator(
        "kind_words",
        "particles",
        "joining_words",
        "directions",
        "list_conjunctions",
        "initials_skip",
        "definite",
        "spelling_verbs",
        "renaming_verbs",
        "other_words",
    )
    @classmethod
    def _lower_case(cls, words: list[str]) -> list[str]:
        if wrong := [w for w in words if w != w.lower()]:
            raise ValueError(f"words are matched in lower case: {', '.join(wrong)}")
        return words

    @cached_property
    def kind_keys(self) -> tuple[str, ...]:
        """The kind words as name keys, longest first, so "brigades" is cut before "brigade"."""
        return tuple(sorted((name_key(w) for w in self.kind_words), key=len, reverse=True))

    @cached_property
    def inside(self) -> frozenset[str]:
        """Words that may stand inside a name but neither open nor close one: particles and joining words."""
        return self.particles | self.joining_words

    def without_kind(self, key: str) -> str:
        """A name key without the kind word that ends it ("ahrar sharqiya faction" → "ahrar sharqiya"),
        or the key itself when nothing would be left."""
        for kind in self.kind_keys:
            if key.endswith(" " + kind):
                return key[: -len(kind) - 1]
        return key

    def with_and_without_kind(self, key: str) -> list[str]:
        """The keys a group's name may be written under, with or without a kind word: "x division" is
        "x" and, when "x" is two words or more, "x brigade" too; "x" is "x division" and "x brigade"."""
        bare = self.without_kind(key)
        keys = [key, bare]
        if bare == key or " " in bare:
            keys += [f"{bare} {kind}" for kind in self.kind_keys]
        return list(dict.fromkeys(keys))

    def capitalised(self, name: str) -> bool:
        """Whether a name is written as one: its first word that is neither a particle nor a joining
        word starts upper case (or its script has no case)."""
        first = next((w for w in name.replace("-", " ").split() if w.lower() not in self.inside), "")
        return not first[:1].islower()


class Pronouns(LexiconFile):
    """Pronouns by the type of actor they stand for."""

    Person: list[str] | None = None
    Organisation: list[str] | None = None
    Location: list[str] | None = None
    Nationality: list[str] | None = None
    Temporal: list[str] | None = None
    acting_subjects: dict[MentionType, list[str]] = {}
    impersonal_verbs: Words = frozenset()
    personal: Words = frozenset()

    _given = field_validator("Person", "Organisation", "Location", "Nationality", "Temporal", mode="before")(_not_null)

    @property
    def by_type(self) -> dict[MentionType, list[str]]:
        """The pronouns of each type the file lists, in the order of the fields."""
        listed: dict[MentionType, list[str] | None] = {
            "Person": self.Person,
            "Organisation": self.Organisation,
            "Location": self.Location,
            "Nationality": self.Nationality,
            "Temporal": self.Temporal,
        }
        return {kind: words for kind, words in listed.items() if words is not None}


# --------------------------------------------------------------------------------------------
# claim_cues.json: read by factiongraph.nlp.claims
# --------------------------------------------------------------------------------------------


def _stance_by_word(section: str) -> cached_property[dict[str, Stance]]:
    """A lookup built once from a section listed by stance: each word to the stance it is listed under."""
    return cached_property(lambda cues: {w: stance for stance, words in getattr(cues, section).items() for w in words})


class ClaimCues(LexiconFile):
    """The cues a claim hangs on (see the file's ``$comment``), with the lookups ``fg_claims`` makes from
    them, built once: the component takes this model itself, not a copy of it in another shape."""

    verbs: dict[Stance, list[str]]
    clause_only: list[str]
    negation_denies: list[str]
    object_verbs: list[str]
    modal_nouns: dict[Stance, list[str]]
    claim_nouns: list[str]
    modal_adjectives: dict[Stance, list[str]]
    modal_auxiliaries: dict[Stance, list[str]]
    modal_adverbs: dict[Stance, list[str]]
    negators: list[str]
    existential_negators: list[str]
    document_nouns: list[str]
    sources: list[str]
    quoting_verbs: list[str]
    object_preps: list[str]
    leading_words: list[str]
    issuer_preps: list[str]
    speaker_preps: list[str]

    @field_validator(
        "clause_only",
        "negation_denies",
        "object_verbs",
        "claim_nouns",
        "negators",
        "existential_negators",
        "document_nouns",
        "sources",
        "quoting_verbs",
        "object_preps",
        "leading_words",
        "issuer_preps",
        "speaker_preps",
    )
    @classmethod
    def _lower_case(cls, words: list[str]) -> list[str]:
        """Cues are matched against lower-case forms and lemmas."""
        return [w.lower() for w in words]

    @field_validator("verbs", "modal_nouns", "modal_adjectives", "modal_auxiliaries", "modal_adverbs")
    @classmethod
    def _lower_case_by_stance(cls, words: dict[Stance, list[str]]) -> dict[Stance, list[str]]:
        return {stance: [w.lower() for w in listed] for stance, listed in words.items()}

    @cached_property
    def verb_stances(self) -> dict[str, Stance]:
        """A one-word reporting verb's stance, by lemma."""
        return {lemma: stance for lemma, particle, stance in _verb_parts(self.verbs) if not particle}

    @cached_property
    def phrasal_stances(self) -> dict[str, dict[str, Stance]]:
        """A phrasal reporting verb's stance, by lemma and then particle ("rule" "out")."""
        phrasal: dict[str, dict[str, Stance]] = {}
        for lemma, particle, stance in _verb_parts(self.verbs):
            if particle:
                phrasal.setdefault(lemma, {})[particle] = stance
        return phrasal

    modal_noun_stances = _stance_by_word("modal_nouns")
    modal_adjective_stances = _stance_by_word("modal_adjectives")
    modal_auxiliary_stances = _stance_by_word("modal_auxiliaries")
    modal_adverb_stances = _stance_by_word("modal_adverbs")

    @cached_property
    def source_links(self) -> dict[str, str]:
        """A source phrase's second word by its first ("according" "to")."""
        return dict(_first_word_and_rest(phrase) for phrase in self.sources)

    def triggers(self) -> frozenset[str]:
        """Words or lemmas without which a sentence holds no claim: the pre-filter."""
        return frozenset(
            [
                *self.verb_stances,
                *self.phrasal_stances,
                *self.modal_noun_stances,
                *self.modal_adjective_stances,
                *self.source_links,
                *self.quoting_verbs,
            ]
        )


def _verb_parts(verbs: dict[Stance, list[str]]) -> list[tuple[str, str, Stance]]:
    """Each reporting verb as its lemma, its particle ("" for none) and its stance, in the file's order."""
    return [(*_first_word_and_rest(w), stance) for stance, words in verbs.items() for w in words]


def _first_word_and_rest(phrase: str) -> tuple[str, str]:
    first, _, rest = phrase.partition(" ")
    return first, rest


# --------------------------------------------------------------------------------------------
# casualties.json: read by factiongraph.nlp.casualties
# --------------------------------------------------------------------------------------------


class Outcome(_Strict):
    """The words that say people were killed, or injured, by where their count stands."""

    verbs: Words
    subject_verbs: Words
    adjectives: Words
    nouns: Words


class _Lives(_Strict):
    nouns: Words
    lost: Words
    taken: Words


class _Tolls(_Strict):
    nouns: Words
    verbs: Words
    preps: Words


class _ArabicCasualties(_Strict):
    killed: list[str]
    injured: list[str]
    proclitics: list[str]
    counted: list[str]
    numbers: dict[str, int]
    teens: list[str]
    plurals: dict[str, int]
    at_least: list[str]
    at_least_after: list[str]
    about: list[str]
    fillers: list[str]
    tolls: list[str]
    toll_reach: int = Field(ge=0)
    not_people: list[str]


class CasualtyWords(LexiconFile):
    """The words a sentence counts its dead and injured with (see the file's ``$comment``)."""

    killed: Outcome
    injured: Outcome
    lives: _Lives
    tolls: _Tolls
    numbers: dict[str, int]
    multipliers: dict[str, int]
    plurals: dict[str, int]
    at_least: list[str]
    about: list[str]
    none: Words
    hedges: Words
    not_people: Words
    one: Words
    articles: Words
    arabic: _ArabicCasualties

    @model_validator(mode="after")
    def _lower_case(self) -> CasualtyWords:
        """English words are matched as lower-case forms and lemmas: one written otherwise would never match."""
        english = self.model_dump(exclude={"comment", "version", "arabic"})
        if wrong := [w for w in _words(english) if w != w.lower()]:
            raise ValueError(f"words are matched in lower case: {', '.join(wrong)}")
        return self


def _words(value: object) -> list[str]:
    """The words of a section: its strings, and the keys of its counts ("one": 1)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [w for item in value for w in _words(item)]
    if isinstance(value, dict):
        return [w for key, item in value.items() for w in (_words(item) if isinstance(item, (list, dict)) else [key])]
    return []


# --------------------------------------------------------------------------------------------
# date_rules.json: read by factiongraph.dates
# --------------------------------------------------------------------------------------------


class _Keyed(_Commented):
    """A section keyed by its vocabulary (a month number, a number word) next to its ``$comment``."""

    model_config = ConfigDict(extra="allow")
    keys: ClassVar[frozenset[str] | None] = None
    """The keys the code reads, when it reads only some; any word is a key otherwise."""

    @property
    def entries(self) -> dict[str, Any]:
        """The section's vocabulary by key, in the file's order, without its ``$comment``."""
        return dict(self.model_extra or {})

    @model_validator(mode="after")
    def _known_keys(self) -> _Keyed:
        allowed = self.keys
        unknown = sorted(set(self.model_extra or {}) - allowed) if allowed is not None else []
        if unknown:
            expected = ", ".join(sorted(allowed, key=lambda k: (len(k), k)))
            raise ValueError(f"unknown key(s) {', '.join(map(repr, unknown))}: expected {expected}")
        return self


class _Months(_Keyed):
    __pydantic_extra__: dict[str, list[str]] = Field(init=False)  # type: ignore[assignment]
    keys = frozenset(str(n) for n in range(1, 13))


class _Weekdays(_Keyed):
    __pydantic_extra__: dict[str, list[str]] = Field(init=False)  # type: ignore[assignment]
    keys = frozenset(str(n) for n in range(7))


class _Units(_Keyed):
    __pydantic_extra__: dict[str, list[str]] = Field(init=False)  # type: ignore[assignment]
    keys = frozenset({"day", "week", "month", "year", "decade"})


class _Counts(_Keyed):
    __pydantic_extra__: dict[str, int] = Field(init=False)  # type: ignore[assignment]


class _Words(_Commented):
    words: list[str]


class _BeforeAfter(_Commented):
    before: list[str]
    after: list[str]


class DateRules(LexiconFile):
    months: _Months
    weekdays: _Weekdays
    numbers: _Counts
    units: _Units
    ago: _Words
    last: _BeforeAfter
    this: _BeforeAfter
    days: _Counts
    day_parts: _Words
    prefixes: _Words
    month_year_joiners: _Words
    since: _Words
    onwards: _Words
    until: _Words
    range_from: _Words
    range_to: _Words
    range_between: _Words
    range_and: _Words
    context: _Words
    recent: _Words
    never_alone: _Words


# --------------------------------------------------------------------------------------------
# boilerplate.json: read by factiongraph.ingest.clean
# --------------------------------------------------------------------------------------------


class Boilerplate(LexiconFile):
    tail_fraction: float = Field(ge=0, le=1)
    cut_from: list[str]
    drop_line: list[str]

    @field_validator("cut_from", "drop_line")
    @classmethod
    def _lines_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            _compiles(pattern, re.IGNORECASE)
        return patterns


# --------------------------------------------------------------------------------------------
# arabic_words.json, arabic_relations.json, arabic_claims.json, arabic_names.json: read by factiongraph.nlp.arabic
# --------------------------------------------------------------------------------------------


class _ArabicClitics(_Strict):
    conjunctions: list[str]
    prepositions: list[str]
    enclitics: list[str]
    article_letters: int = Field(ge=1)


class _ArabicInflections(_Strict):
    """The endings of a past stem and the prefixes and endings of a present one ("" for the bare stem)."""

    past_endings: list[str]
    present_prefixes: list[str]
    present_endings: list[str]


class ArabicWords(LexiconFile):
    clitics: _ArabicClitics
    words: list[str]
    verb_inflections: _ArabicInflections


class ArabicVerbForms(_Strict):
    """A verb by its past and present stems, or its forms written out (at least one of them)."""

    past: str | None = None
    present: str | None = None
    forms: list[str] | None = None

    @model_validator(mode="after")
    def _some_form(self) -> ArabicVerbForms:
        if not (self.past or self.present or self.forms):
            raise ValueError("a verb needs 'past', 'present' or 'forms'")
        return self


class _ArabicVerb(ArabicVerbForms):
    type: RelationType
    preps: list[str]
    objects: list[MentionType] | None = None
    place_object: bool | None = None
    event: EventType | None = None
    outcome: bool | None = None
    """A death told as what another event did ("قُتل N في هجوم"): that event is the one told."""


class _ArabicBetween(_Strict):
    type: RelationType
    first: list[MentionType] = Field(min_length=1)
    second: list[MentionType] = Field(min_length=1)
    source: Literal["first", "second"]
    phrases: list[str] = Field(min_length=1)


class _ArabicTitle(_Strict):
    type: RelationType
    words: list[str] = Field(min_length=1)


class _ArabicNominal(_Strict):
    type: RelationType | None = None
    event: EventType | None = None
    owner: Literal["source", "target"] | None = None
    """What the noun's owner is to the event: its doer ("هجوم X") or what it was done to ("اغتيال X")."""
    outcome: bool | None = None
    place_from: bool | None = None
    words: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _tells_something(self) -> _ArabicNominal:
        if self.type is None and self.event is None:
            raise ValueError("a nominal needs a relation 'type' or an 'event'")
        return self


class ArabicRelations(LexiconFile):
    between: list[_ArabicBetween]
    titles: list[_ArabicTitle]
    title_links: list[str]
    max_filler: int = Field(ge=0)
    bodies: list[str]
    verbs: list[_ArabicVerb]
    nominals: list[_ArabicNominal]
    nominal_preps: list[str]
    light_verbs: list[ArabicVerbForms]
    agent_preps: list[str]
    cause_preps: list[str]
    casualty_words: list[str]
    number_words: list[str]
    place_only_events: SetOf[EventType]
    between_words: list[str]
    place_preps: list[str]
    list_joiners: list[str]
    negators: list[str]
    hedges: list[str]
    negators_before: list[str]
    unreal_clause: list[str]
    unreal_after: list[str]
    guard_window: int = Field(ge=0)
    confidence: dict[Literal["between", "title", "verb", "nominal", "list", "place", "within"], float]
    clause_breaks: list[str]
    between_fillers: list[str]
    object_fillers: list[str]
    within_words: list[str]
    ranks: list[str]
    title_pronouns: list[str]


class _ArabicKind(_Strict):
    type: MentionType
    keep_head: bool
    max_words: int = Field(ge=1)
    heads: list[str] = Field(min_length=1)


class ArabicNames(LexiconFile):
    kinds: list[_ArabicKind]
    plural_heads: Words
    given_names: Words
    kunya: Words
    person_max_words: int = Field(ge=1)
    stop_words: list[str]
    known_as: list[str]
    place_words: list[str]
    town_back: Words
    list_joiners: Words
    list_breaks: Words


class ArabicClaims(LexiconFile):
    verbs: dict[Stance, list[ArabicVerbForms]]
    sources: list[str]
    belief_verbs: list[str]
    negators: list[str]
    modal_words: dict[Stance, list[str]]
    content_openers: list[str]
    unnamed: list[str]
    speaks_for: list[str]
    list_joiners: list[str]
    claim_links: list[str]
    contrast_links: list[str]


# --------------------------------------------------------------------------------------------
# events.json: read by factiongraph.nlp.events
# --------------------------------------------------------------------------------------------


class AcledType(_Strict):
    event_type: AcledEventType
    sub_event_type: str

    @model_validator(mode="after")
    def _sub_type_of_type(self) -> AcledType:
        if self.sub_event_type not in ACLED_SUB_EVENT_TYPES[self.event_type]:
            known = ", ".join(ACLED_SUB_EVENT_TYPES[self.event_type])
            raise ValueError(f"{self.sub_event_type!r} is not an ACLED sub-event type of {self.event_type!r} ({known})")
        return self


class EventManner(_Strict):
    """How an event was done (PLOVER's mode) and what ACLED calls it."""

    mode: str | None = Field(None, pattern=r"^[a-z]+(?:-[a-z]+)*$")
    acled: AcledType | None = None

    _given = field_validator("mode", "acled", mode="before")(_not_null)


class EventNoun(EventManner):
    event: EventType
    place_from: bool | None = None

    _place_from_given = field_validator("place_from", mode="before")(_not_null)


class _ByTheState(_Strict):
    categories: Words = Field(min_length=1)
    sub_event_types: dict[str, str]


class EventWords(LexiconFile):
    nouns: dict[str, EventNoun]
    verbs: dict[str, EventManner]
    arabic: dict[str, EventManner]
    unreal: Words
    unreal_modifiers: Words
    habitual_modifiers: Words
    striking_verbs: Words
    place_preps: Words
    place_alone: SetOf[EventType]
    suffered_under: Words
    circumstances: Words
    struck_preps: Words
    done_together: SetOf[EventType]
    by_the_state: _ByTheState
    kind_nouns: dict[str, EventType] = {}

    @field_validator("nouns")
    @classmethod
    def _one_or_two_words(cls, value: dict[str, EventNoun]) -> dict[str, EventNoun]:
        for name in value:
            if name != name.lower() or not 1 <= len(name.split()) <= 3:
                raise ValueError(f"{name!r}: an event noun is one to three lower-case words")
        return value


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

SCHEMAS: dict[str, type[LexiconFile]] = {
    "relation_triggers.json": RelationTriggers,
    "verb_relations.json": VerbRelations,
    "noun_heads.json": NounHeads,
    "pronouns.json": Pronouns,
    "references.json": References,
    "clauses.json": Clauses,
    "names.json": Names,
    "decisions.json": Decisions,
    "constructions.json": Constructions,
    "events.json": EventWords,
    "claim_cues.json": ClaimCues,
    "date_rules.json": DateRules,
    "boilerplate.json": Boilerplate,
    "arabic_words.json": ArabicWords,
    "arabic_relations.json": ArabicRelations,
    "arabic_claims.json": ArabicClaims,
    "arabic_names.json": ArabicNames,
    "casualties.json": CasualtyWords,
}
"""Each shipped lexicon by file name, with its schema."""


def default_lexicon_path(name: str) -> Path:
    """The package's copy of a lexicon: ``data/lexicons/<name>``, or ``data/boilerplate.json``."""
    if name not in SCHEMAS:
        raise ValueError(f"no lexicon named {name!r}: one of {', '.join(SCHEMAS)}")
    data = resources.files("factiongraph") / "data"
    return Path(str(data / name if name == "boilerplate.json" else data / "lexicons" / name))


def read_lexicon_file(path: Path | str, name: str) -> LexiconFile:
    """Read one lexicon file and validate it as ``name``; errors name the file and the first problem."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise ValueError(f"no lexicon named {name!r}: one of {', '.join(SCHEMAS)}")
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LexiconError(path, f"cannot be read: {error}") from error
    return validated(schema, raw, path, LexiconError)


@cache
def _shipped(name: str) -> LexiconFile:
    return read_lexicon_file(default_lexicon_path(name), name)


def load_lexicon(path: Path | str | None, name: str) -> dict[str, Any]:
    """A lexicon's validated content: the user's file when given, else the package's copy of ``name``.

    A fresh dict on every call, so a caller may change it without touching anyone else's."""
    return _validated(path, name).content()


def lexicon_model(path: Path | str | None, schema: type[Lexicon]) -> Lexicon:
    """A lexicon as its validated model, for a component to take as it is: the user's file when given,
    else the package's copy, validated once a process (the model is frozen, so it is shared)."""
    name = next(name for name, known in SCHEMAS.items() if known is schema)
    return cast(Lexicon, _validated(path, name))


def _validated(path: Path | str | None, name: str) -> LexiconFile:
    return read_lexicon_file(path, name) if path else _shipped(name)
