"""``fg_mentions``: every mention of an actor, place, date or nationality, typed as analysts annotate.

Names come from the model's and the KB ruler's entities. Beyond names, a noun
phrase headed by a title ("the Foreign Secretary"), a group noun ("the regime",
"the people of Mosul") or a place noun ("the town") is a mention, and so is a
pronoun that stands for an actor ("we", "he"). Those are *descriptions*: they
resolve to a named actor of the document or to nothing. A name inside a larger
mention ("Syrian" in "the Syrian opposition") is *nested*: relations see it,
span outputs do not. Names the ruler or the model cut short, run together or
missed are mended first (:mod:`factiongraph.nlp.names`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.kb import load_kb
from factiongraph.keys import name_key
from factiongraph.lexicons import (
    Constructions,
    Names,
    NounHeads,
    PluralReferences,
    Pronouns,
    References,
    VerbRelations,
    lexicon_model,
)
from factiongraph.nlp.names import NameMender, respelt_by
from factiongraph.nlp.plural import PLURAL_KEY, plural_references
from factiongraph.nlp.spans import (
    DATELINES_KEY,
    DESCRIPTIONS_KEY,
    HYPHENS,
    MENTIONS_KEY,
    NESTED_KEY,
    STATES_KEY,
    TokenColumns,
    find_dateline,
    find_place_label,
    may_open_with_dateline,
    opens_dateline,
)
from factiongraph.places import PlaceIndex
from factiongraph.settings import setting
from factiongraph.vocab import ATTITUDES, MENTION_TYPES

DEFAULT_LABEL_MAP = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "DATE": "Temporal",
    "TIME": "Temporal",
    "NORP": "Nationality",
    **{t: t for t in MENTION_TYPES},
}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLAUSAL = frozenset({"ccomp", "xcomp", "csubj"})
_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp"})
"""Where a verb that judges its object hangs the predicate ("held X responsible", "called X a threat")."""
_PLURAL_TAGS = {"NNS", "NNPS"}
_ARMS_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_MAX_TITLE_TAIL = setting("title_tail")
_STATE_OWNED = frozenset({"agency", "state-force"})
"""KB categories of bodies that belong to a state: the state that opens their name is theirs."""


@Language.factory(
    "fg_mentions",
    default_config={
        "label_map": DEFAULT_LABEL_MAP,
        "heads_path": None,
        "pronouns_path": None,
        "kb_path": None,
        "names_path": None,
    },
    requires=["doc.ents", "token.dep", "token.pos", "token.tag"],
    assigns=["doc.spans"],
)
def make_mentions(
    nlp: Language,
    name: str,
    label_map: dict[str, str],
    heads_path: str | None,
    pronouns_path: str | None,
    kb_path: str | None,
    names_path: str | None,
) -> MentionFinder:
    heads = lexicon_model(heads_path, NounHeads)
    pronouns = lexicon_model(pronouns_path, Pronouns)
    kb = load_kb(Path(kb_path) if kb_path else None)
    pronoun_types = {p: kind for kind, words in pronouns.by_type.items() for p in words}
    acting = ActingSubjects(
        {p: kind for kind, words in pronouns.acting_subjects.items() for p in words},
        pronouns.impersonal_verbs,
    )
    states = frozenset(a.id for a in kb.actors if a.category == "state")
    state_words = {
        word.lower(): (actor.id, label)
        for actor in kb.actors
        if actor.category == "state"
        for names, label in ((actor.all_names(), "Location"), (actor.demonyms, "Nationality"))
        for word in names
        if " " not in word
    }
    owned = frozenset(a.id for a in kb.actors if a.category in _STATE_OWNED)
    group_names = {
        word.lower(): actor.id
        for actor in kb.actors
        if actor.type == "Organisation" and actor.category != "state"
        for word in actor.all_names()
    }
    seats = {a.seat.lower(): a.id for a in kb.actors if a.seat}
    verbs = lexicon_model(None, VerbRelations)
    titles = heads.person_command | heads.person_other
    mender = NameMender(lexicon_model(names_path, Names), kb, PlaceIndex.default(), heads.place, titles)
    return MentionFinder(
        label_map,
        heads,
        lexicon_model(None, Constructions),
        pronoun_types,
        states,
        mender,
        (state_words, owned),
        seats,
        acting=acting,
        plural=lexicon_model(None, References).plural,
        group_names=group_names,
        judging=Judging(
            frozenset(lemma for lemma, frame in verbs.verbs.items() if frame.type in ATTITUDES),
            verbs.judging_verbs,
        ),
    )


@dataclass(frozen=True)
class ActingSubjects:
    """Pronouns that stand for an actor only as the subject of a verb of doing ("it said", not "it is likely")."""

    types: dict[str, str]
    impersonal_verbs: frozenset[str]

    def spans(self, doc: Doc, tokens: TokenColumns, covered: set[int]) -> list[Span]:
        found = []
        for i, lower in enumerate(tokens.lower):
            if lower not in self.types or i in covered or tokens.dep[i] not in _SUBJECT_DEPS:
                continue
            verb = doc[tokens.head[i]]
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            clause_after = any(t.dep_ in _CLAUSAL for t in verb.subtree if t.i > verb.i)
            if clause_after and (verb.lemma_.lower() in self.impersonal_verbs or tokens.dep[i] == "nsubjpass"):
                continue  # "it is likely that ...", "it took three days to ...", "it was reported that ..."
            found.append(Span(doc, i, i + 1, label=self.types[lower]))
        return found


@dataclass(frozen=True)
class Judging:
    """Verbs whose object is judged, so that a capital there stands for its state ("accused Tehran of X", "held
    Washington responsible"): verbs of liking or disliking, and verbs that judge through a predicate."""

    attitude_verbs: frozenset[str] = frozenset()
    predicate_verbs: frozenset[str] = frozenset()

    def judges(self, obj: Token) -> bool:
        """Whether a direct object is the one its verb judges ("regards Ankara as an enemy", not "held Ankara")."""
        lemma = obj.head.lemma_.lower()
        if obj.dep_ != "dobj" or lemma not in self.attitude_verbs | self.predicate_verbs:
            return False
        if lemma in self.attitude_verbs:
            return True
        predicates = [
            c for c in obj.head.children if c.dep_ in _PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ == "as")
        ]
        return bool(predicates) or any(c.dep_ in ("amod", "oprd") and c.i > obj.i for c in obj.children)


class MentionFinder:
    """Names, descriptions and pronouns as typed spans (see the module docstring)."""

    def __init__(
        self,
        label_map: dict[str, str],
        heads: NounHeads,
        constructions: Constructions,
        pronoun_types: dict[str, str],
        states: frozenset[str],
        mender: NameMender,
        state_prefixes: tuple[dict[str, tuple[str, str]], frozenset[str]] = ({}, frozenset()),
        seats: dict[str, str] | None = None,
        *,
        acting: ActingSubjects | None = None,
        plural: PluralReferences | None = None,
        group_names: dict[str, str] | None = None,
        judging: Judging | None = None,
    ) -> None:
        self.label_map = label_map
        self.heads = heads
        self.constructions = constructions
        self.head_types = {
            **dict.fromkeys(heads.named_features, "Location"),
            **dict.fromkeys(heads.place, "Location"),
            **dict.fromkeys(heads.group, "Organisation"),
            **dict.fromkeys(heads.person_other | heads.person_command, "Person"),
        }
        self.pronoun_types = pronoun_types
        self.states = states
        self.mender = mender
        self.state_words, self.state_owned = state_prefixes
        self.seats = seats or {}
        self.acting = acting or ActingSubjects({}, frozenset())
        # "the town centre": a part of a place heads a description, never a name ("the Carter Center" stays a group)
        self.phrase_heads = {**self.head_types, **dict.fromkeys(heads.place_parts, "Location")}
        self.plural = plural
        self.group_names = group_names or {}
        self.judging = judging or Judging()

    def __call__(self, doc: Doc) -> Doc:
        tokens = TokenColumns.of(doc)
        names = self._names(doc)
        names = _harmonise(self.mender(doc, names + self._unlabelled_names(doc, tokens, names), tokens))
        phrases = self._noun_phrases(doc, tokens, names)
        phrases += self._prefixed_governments(doc, tokens, names + phrases)
        phrases += self._armed_governments(doc, tokens, names + phrases)
        plural = plural_references(self.plural, doc, tokens) if self.plural is not None else []
        if plural:  # "both groups", "the two men": a phrase for two actors, typed by its head
            counted = {p.root.i for p in plural}
            phrases = [p for p in phrases if p.root.i not in counted] + plural
        covered = {i for span in names + phrases for i in range(span.start, span.end)}
        lower = tokens.lower
        pronouns = [
            Span(doc, i, i + 1, label=self.pronoun_types[lower[i]])
            for i, tag in enumerate(tokens.tag)
            # "set up checkpoints there": a place adverb hung on a verb stands for a place; not "there were"
            if (tag in ("PRP", "PRP$") or (tag == "RB" and tokens.dep[i] == "advmod"))
            and lower[i] in self.pronoun_types
            and i not in covered
            and not (lower[i] == "us" and tokens.text[i] != "us")
        ]
        # "its leader", "their fighters": the possessive inside a description stands for an actor too
        owners = [
            Span(doc, p.start, p.start + 1, label=self.pronoun_types[lower[p.start]])
            for p in phrases
            if len(p) > 1 and tokens.tag[p.start] == "PRP$" and lower[p.start] in self.pronoun_types
        ]
        pronouns += self.acting.spans(doc, tokens, covered)
        pronouns += _latter_and_former(doc, tokens, names, covered)
        states = self._states_in_names(names)
        states += self._groups_opening_names(names, {s.start for s in states})
        nested = [n for n in names if any(p.start <= n.start and n.end <= p.end for p in phrases)]
        owners += self._possessors(doc, tokens, names + phrases)
        nested += owners + states
        pronouns += owners
        names += states
        doc.spans[MENTIONS_KEY] = sorted(names + phrases + pronouns, key=lambda s: (s.start, -s.end))
        doc.spans[DESCRIPTIONS_KEY] = phrases + pronouns
        doc.spans[NESTED_KEY] = nested
        doc.spans[PLURAL_KEY] = plural
        doc.spans[STATES_KEY] = [n for n in names if n.label_ == "Location" and n.id_ in self.states]
        mentions = list(doc.spans[MENTIONS_KEY])
        doc.spans[DATELINES_KEY] = [
            doc[sentence.start : found[1]]
            for sentence in doc.sents
            if (may_open_with_dateline(tokens, sentence) and (found := find_dateline(sentence, mentions)))
            or (found := find_place_label(sentence, mentions))
        ]
        return doc

    def _prefixed_governments(self, doc: Doc, tokens: TokenColumns, mentions: list[Span]) -> list[Span]:
        """The government a "pro-" prefix names ("pro-government militias", "pro-regime gunmen"): a description
        of its own, to resolve as "the government" does; only where the noun the prefix modifies is a mention."""
        lower, size = tokens.lower, len(tokens.lower)
        held = {(m.start, m.end) for m in mentions}
        roots = {m.root.i for m in mentions}
        return [
            Span(doc, i + 2, i + 3, label="Organisation")
            for i in range(size - 2)
            if lower[i] in self.constructions.ally_prefixes
            and tokens.text[i + 1] in HYPHENS
            and lower[i + 2] in self.heads.government
            and (i + 2, i + 3) not in held
            and tokens.head[i] in roots
        ]

    def _armed_governments(self, doc: Doc, tokens: TokenColumns, mentions: list[Span]) -> list[Span]:
        """The government a bare government word names as the owner of arms ("regime aircraft", "Russian and regime
        warplanes", constructions.json's arms_nouns): a description of its own, to resolve as "the government"
        does, so that the arms act for it as a state's do for the state."""
        held = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        for i, lower in enumerate(tokens.lower):
            if lower not in self.heads.government or i in held or tokens.dep[i] not in _ARMS_MODIFIERS | {"conj"}:
                continue
            armed = doc[i].head
            if tokens.dep[i] == "conj":  # "Russian and regime aircraft": listed with the arms' first modifier
                armed = armed.head if armed.dep_ in _ARMS_MODIFIERS else armed
            while armed.dep_ == "compound" and armed.head != armed:
                armed = armed.head  # "regime fighter jets"
            if armed.i != i and armed.lower_ in self.constructions.arms_nouns:
                found.append(Span(doc, i, i + 1, label="Organisation"))
        return found

    def _possessors(self, doc: Doc, tokens: TokenColumns, mentions: list[Span]) -> list[Span]:
        """A definite description that owns what follows it ("the force's all-female wing", "the city's
        neighbourhoods", "the group's fighters"): a mention of its own, to resolve as a description is."""
        found = []
        starts = {(m.start, m.end) for m in mentions}
        for i, lower in enumerate(tokens.lower):
            kind = self.head_types.get(lower)
            if kind not in ("Organisation", "Location") or tokens.dep[i] != "poss" or tokens.tag[i] != "NN":
                continue
            start = doc[i].left_edge.i
            if tokens.lower[start] != "the" or (start, i + 1) in starts:
                continue
            found.append(Span(doc, start, i + 1, label=kind))
        return found

    def _states_in_names(self, names: list[Span]) -> list[Span]:
        """The state that opens a group's name ("US Central Command", "the Russian Foreign Ministry", the
        "US" of "US-led coalition"), as a mention of its own inside the name, for a name the KB does not
        hold as a group of its own, or holds as a state's agency or force."""
        found = []
        for name in names:
            first = name[1] if name[0].lower_ == "the" and len(name) > 1 else name[0]
            state = self.state_words.get(first.lower_)
            if state is None or name.label_ != "Organisation" or first.i + 1 >= name.end or name.id_ == state[0]:
                continue
            if any(t.lower_ in self.heads.government for t in name):
                continue  # "the Syrian government (forces)" is the state's own, not a body of it
            hyphenated = name.doc[first.i + 1].text in HYPHENS
            if name.id_ and name.id_ not in self.state_owned and not hyphenated:
                continue
            found.append(Span(name.doc, first.i, first.i + 1, label=state[1], span_id=state[0]))
        return found

    def _groups_opening_names(self, names: list[Span], held: set[int]) -> list[Span]:
        """The KB group whose one-word name opens another KB group's name ("UN Security Council"), as a
        mention of its own inside the name: the bigger body is the smaller's owner (see ``_states_in_names``)."""
        found = []
        for name in names:
            first = name[1] if name[0].lower_ == "the" and len(name) > 1 else name[0]
            if not name.id_ or name.label_ != "Organisation" or first.i in held or first.i + 1 >= name.end:
                continue
            if not first.text[:1].isupper() or self._head_kind(name.root.lower_) != "Organisation":
                continue  # a body's name has a body's head ("Council"), not a name's word ("Shabab al-Sunna")
            owner = self.group_names.get(first.lower_)
            if owner is not None and owner != name.id_:
                found.append(Span(name.doc, first.i, first.i + 1, label="Organisation", span_id=owner))
        return found

    def _names(self, doc: Doc) -> list[Span]:
        names = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_) or self._typed_by_head(ent)
            prefixed = len(ent) > 1 and ent[0].lower_ in self.constructions.ally_prefixes and ent[1].text in HYPHENS
            if label is None or (prefixed and len(ent) == 2):
                continue  # "pro-" alone is no one's name
            end = ent.end - 1 if ent[-1].tag_ == "POS" and len(ent) > 1 else ent.end
            # "Ankara said", "talks between Washington and Moscow": the state acts; not "MOSCOW (Wire) — X said"
            acts = label == "Location" and self._acts(ent.root) and not opens_dateline(ent)
            seat_of = self.seats.get(ent.text.lower()) if acts else None
            if seat_of is not None:
                span = Span(doc, ent.start, end, label="Organisation", span_id=seat_of)
            elif prefixed:
                span = self._after_prefix(ent, end, self._retype(ent, label))
            else:
                span = Span(doc, ent.start, end, label=self._retype(ent, label), span_id=ent.ent_id_ or 0)
            names.append(span)
        return names

    def _after_prefix(self, ent: Span, end: int, label: str) -> Span:
        """ "pro-Turkish", "pro-HTS": the actor is the name after the prefix, known by it as the KB knows it."""
        named = ent.doc[ent.start + 2 : end]
        key = named.text.lower()
        known = ent.ent_id_ or self.state_words.get(key, ("", ""))[0] or self.group_names.get(key, "")
        return Span(ent.doc, named.start, end, label=label, span_id=known or 0)

    def _typed_by_head(self, ent: Span) -> str | None:
        """A name the model gave no actor's or place's type ("the Forces of X and Y" taken for a law, "Tower 22"
        for an event) is a group's or a place's when its capitalised head is a group's or a place's word, or when
        a description in apposition says what it is ("Tower 22, a small base")."""
        root = ent.root
        if root.text[:1].isupper() and (kind := self._head_kind(root.lower_)) is not None:
            return kind
        return next((kind for c in root.children if c.dep_ == "appos" and (kind := self._head_kind(c.lower_))), None)

    def _head_kind(self, word: str) -> str | None:
        """The type a head noun gives a name: a group's or a place's (people's titles name no one)."""
        kind = "Organisation" if word in self.heads.group_name_words.last else self.head_types.get(word)
        return kind if kind in ("Organisation", "Location") else None

    def _unlabelled_names(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        """Names the model found nothing in: a group's or place's capitalised head and its number ("Brigade 30",
        "Camp 5"), and an acronym a description in apposition says is a group or a place ("X, a militia")."""
        held = {i for n in names if n.label_ != "Temporal" for i in range(n.start, n.end)}
        found = []
        text, lower, size = tokens.text, tokens.lower, len(tokens.text)
        surnames = {n[-1].lower_ for n in names if n.label_ == "Person" and len(n) > 1 and n[-1].is_alpha}
        for i in range(size):
            if i in held or not tokens.is_alpha[i]:
                continue
            if lower[i] in surnames and self._alone(tokens, i):
                found.append(Span(doc, i, i + 1, label="Person"))  # "Isa" after "Fehim Isa", which the model missed
                continue
            numbered = i + 1 < size and text[i + 1].isdigit() and i + 1 not in held and text[i][:1].isupper()
            if numbered and (kind := self._head_kind(lower[i])) is not None and not tokens.sent_start[i + 1]:
                found.append(Span(doc, i, i + 2, label=kind))
            elif len(text[i]) >= 3 and text[i].isupper() and tokens.pos[i] == "PROPN":
                appositions = (c.lower_ for c in doc[i].children if c.dep_ == "appos")
                kind = next((k for word in appositions if (k := self._head_kind(word))), None)
                if kind is not None:
                    found.append(Span(doc, i, i + 1, label=kind))
            elif self.head_types.get(lower[i]) == "Person" and tokens.pos[i] == "NOUN":
                found += self._titled_person(doc, tokens, i, held)
        return found

    @staticmethod
    def _alone(tokens: TokenColumns, i: int) -> bool:
        """Whether a capitalised proper noun stands as a name by itself: no capitalised word beside it, and not the
        modifier of a noun ("the Assad regime")."""
        size = len(tokens.text)
        return (
            tokens.pos[i] == "PROPN"
            and tokens.text[i][:1].isupper()
            and tokens.dep[i] != "compound"
            and (i == 0 or tokens.sent_start[i] or not tokens.text[i - 1][:1].isupper())
            and (i + 1 >= size or tokens.sent_start[i + 1] or not tokens.text[i + 1][:1].isupper())
        )

    def _titled_person(self, doc: Doc, tokens: TokenColumns, title: int, held: set[int]) -> list[Span]:
        """The person a title stands in apposition to, set off by commas after it and what it is of or to ("the
        envoy to X, Y Z, said"), when the model found no name there: two or three capitalised proper nouns."""
        text, size = tokens.text, len(tokens.text)
        i = title + 1
        if i < size and tokens.pos[i] == "ADP" and tokens.head[i] == title:  # "the envoy to X", "the head of X"
            i += 1
            while i < size and (tokens.lower[i] == "the" or (text[i][:1].isupper() and tokens.is_alpha[i])):
                i += 1
        if i >= size or text[i] != ",":
            return []
        start = end = i + 1
        while end < size and end not in held and tokens.pos[end] == "PROPN" and text[end][:1].isupper():
            end += 1
        if not 2 <= end - start <= 3 or end >= size or text[end] not in (",", ".") or not tokens.is_alpha[start]:
            return []
        if any(tokens.lower[k] in self.head_types for k in range(start, end)):
            return []  # "the envoy to X, Deputy Minister Y": another title, not a name
        return [Span(doc, start, end, label="Person")]

    def _retype(self, ent: Span, label: str) -> str:
        """A people named by its plural demonym, or a state that acts, is an organisation; so is a name
        that begins or ends with a word only groups' names have ("Jaysh al-Sunna", "Northern Storm Brigade");
        a name before a place's head noun is a place."""
        if label == "Nationality" and ent.root.tag_ in _PLURAL_TAGS:
            return "Organisation"
        if label in ("Person", "Location") and not ent.ent_id_ and len(ent) > 1:
            first = ent[0] if ent[0].lower_ != "the" else ent[1]
            if first.lower_ in self.heads.group_name_words.first or ent[-1].lower_ in self.heads.group_name_words.last:
                return "Organisation"
        if label in ("Person", "Organisation") and not ent.ent_id_ and len(ent) > 1:
            if ent[-1].lower_ in self.heads.facilities:
                return "Location"  # "the Umayyad Mosque", "Tabqa Dam": a building's or a site's name
            if ent[0].lower_ in self.heads.place_openers:
                return "Location"  # "Kafr Nabuda", "Tal Tamr", "Deir Hafer": a name opened by a place's noun
        if label == "Location" and ent.ent_id_ in self.states and _subject_or_listed_with_one(ent.root):
            return "Organisation"  # "the United States and Britain carried out strikes": each state acts
        if label == "Location" and ent.ent_id_ in self.states and ent.root.dep_ in ("compound", "poss", "nmod"):
            armed = ent.root.head
            while armed.dep_ == "compound" and armed.head != armed:
                armed = armed.head  # "US fighter jets"
            if armed.lower_ in self.constructions.arms_nouns:
                return "Organisation"  # "US fighter jets struck ...", "Turkey's drones": the state acts
        if label in ("Person", "Organisation") and not ent.ent_id_ and self._listed_as_places(ent.root):
            return "Location"  # "villages in Z, including A, B and C": the places listed
        if label == "Organisation" and not ent.ent_id_ and self._titled(ent):
            return "Person"  # "its spokesman, X", "X, a founder of Y", "General X": a title is a person's
        if label == "Person" and not ent.ent_id_ and self._listed_with_other_groups(ent.root):
            return "Organisation"  # "a merger of A, B and other jihadist groups": B is a group
        if not ent.ent_id_ and (renamed := self._renamed(ent)) is not None:
            return renamed  # "the Special Deterrence Force, also known as Rada": a group's other name
        owner = respelt_by(ent.doc, ent.end, self.mender.words.spelling_verbs) if not ent.ent_id_ else ""
        if self.pronoun_types.get(owner) == "Person":
            return "Person"  # "X, as his name is also transliterated": a man's name
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if label != "Location" and not ent.ent_id_ and after is not None and ent.root.dep_ == "compound":
            if ent.root.head == after and self.head_types.get(after.lower_) == "Location":
                return "Location"  # "the Bab Amr neighbourhood", "the Kaljibrin village": a place's name
        return label

    def _listed_with_other_groups(self, name: Token) -> bool:
        """Whether a name is listed with a group noun that stands for more of the same ("A, B and other groups")."""
        return any(
            self.head_types.get(item.lower_) == "Organisation"
            and any(c.lower_ in self.mender.words.other_words for c in item.children)
            for item in name.conjuncts
        )

    def _renamed(self, ent: Span) -> str | None:
        """The actor's type of the name another name is given as, read from the words before it, as the parser may
        hang the participle anywhere ("X, also known as Y", "X, known locally as Y": X's type), or ``None``."""
        doc, i = ent.doc, ent.start - 1
        if i < 1 or doc[i].lower_ != "as":
            return None
        i -= 1 + (doc[i - 1].pos_ == "ADV")  # "known locally as"
        if i < 1 or doc[i].lower_ not in self.mender.words.renaming_verbs:
            return None
        i -= 1
        while i >= 0 and (doc[i].pos_ == "ADV" or doc[i].text == ","):
            i -= 1
        label = self.label_map.get(doc[i].ent_type_) if i >= 0 and doc[i].ent_type_ else None
        return label if label in ("Person", "Organisation", "Location") else None

    def _titled(self, ent: Span) -> bool:
        """Whether a name stands beside a person's title: in apposition to it, either way round, or right after a
        capitalised one ("commanded by General X")."""
        root = ent.root
        beside = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        return any(self.head_types.get(t.lower_) == "Person" and t.pos_ == "NOUN" for t in beside) or (
            before is not None and before.text[:1].isupper() and self.head_types.get(before.lower_) == "Person"
        )

    def _listed_as_places(self, name: Token) -> bool:
        """Whether a name is listed after "including" on a plural place noun ("villages including A and B"), or on
        the verb that noun is the object of, where the parser hangs the list ("stormed villages in Z, including A")."""
        while name.dep_ == "conj" and name.head != name:
            name = name.head
        link = name.head
        if name.dep_ != "pobj" or link.dep_ != "prep" or link.lower_ not in self.constructions.including:
            return False
        owner = link.head
        if owner.pos_ in ("VERB", "AUX"):
            owner = next((c for c in owner.children if c.dep_ == "dobj" and c.i < link.i), owner)
        return owner.tag_ in _PLURAL_TAGS and self.head_types.get(owner.lower_) == "Location"

    def _noun_phrases(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        name_at = {i: n for n in names for i in range(n.start, n.end)}
        phrases: list[Span] = []
        lower, pos = tokens.lower, tokens.pos
        heads = [
            i
            for i, kind in enumerate(map(self.phrase_heads.get, lower))
            if kind is not None and pos[i] in ("NOUN", "PROPN") and i not in name_at
        ]
        if not heads:
            return phrases  # no word that heads a description: no noun phrase to read
        chunks = _noun_chunks(doc, tokens)
        is_head = set(heads)
        for start, end in chunks:
            for i in range(start, end):
                if i not in is_head:
                    continue
                kind = self.phrase_heads[lower[i]]
                before_name = i + 1 in name_at and name_at[i + 1].label_ == "Person"
                if i != doc[start:end].root.i and not (kind == "Person" and before_name):
                    continue
                if lower[i] in self.heads.named_features and not any(
                    tokens.text[k][:1].isupper() for k in range(start, i)
                ):
                    break  # "a range of", "laid mines": a feature is a place only with its name before it
                if lower[i] in self.heads.place_parts and not any(
                    self.head_types.get(lower[k]) == "Location" for k in range(start, i)
                ):
                    break  # "the town centre" is a place, "the SDF media centre" none
                phrases.append(Span(doc, start, self._phrase_end(tokens, i, kind, name_at), label=kind))
                break
        in_chunk = {i for start, end in chunks for i in range(start, end)}
        for i in heads:
            # A capitalised title the parser left out of every noun phrase ("Minister for the Middle East, X said")
            if self.phrase_heads[lower[i]] == "Person" and i not in in_chunk and tokens.text[i][:1].isupper():
                phrases.append(Span(doc, i, self._phrase_end(tokens, i, "Person", name_at), label="Person"))
        return phrases

    def _acts(self, token: Token) -> bool:
        """Whether a name is written as one who acts: a subject, a possessor, an agent ("by X"), one side of
        "between", the one a verb judges ("accused Tehran of"), or a conjunct of one of those."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ in ("nsubj", "nsubjpass", "poss") or self.judging.judges(token):
            return True
        preposition = token.head
        acting = preposition.lower_ in self.constructions.clause_links.acting_preps
        return token.dep_ == "pobj" and acting and preposition.dep_ in ("agent", "prep")

    def _phrase_end(self, tokens: TokenColumns, head: int, kind: str, name_at: dict[int, Span]) -> int:
        """Where a phrase ends: after its head, or after "of/for ..." that belongs to it.

        A capitalised title keeps its complement ("Minister for the Middle East",
        "Secretary of State"); a group or place noun keeps "of" and the name after it
        ("the people of Iraq", "the town of Dabiq").
        """
        lower, text, size = tokens.lower, tokens.text, len(tokens.text)
        end = head + 1
        if end >= size or lower[end] not in self.constructions.clause_links.title_links:
            return end
        if kind == "Person" and text[head][:1].isupper():
            tail = end + 1
            while tail < size and tail - end <= _MAX_TITLE_TAIL:
                in_person = tail in name_at and name_at[tail].label_ == "Person"
                if in_person or not (lower[tail] == "the" or text[tail][:1].isupper() or tail in name_at):
                    break
                tail += 1
            return tail if tail > end + 1 else end
        if kind in ("Organisation", "Location") and lower[end] == "of":
            following = end + 2 if end + 2 < size and lower[end + 1] == "the" else end + 1
            if following in name_at and name_at[following].start == following:
                after = name_at[following].end
                if after + 2 < size and text[after] in HYPHENS:
                    # "a faction of the Turkish-backed Syrian National Army": the name the modifier is on
                    named = name_at.get(after + 2)
                    return named.end if named is not None and named.start == after + 2 else end
                return after
        return end


_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})


def _noun_chunks(doc: Doc, tokens: TokenColumns) -> list[tuple[int, int]]:
    """Where ``doc.noun_chunks`` begin and end, found as spaCy's English iterator finds them
    (spacy/lang/en/syntax_iterators.py) but over the token columns: that one builds a ``Token`` for every word.

    A noun or pronoun that is a subject, object or the like, or a conjunct of one, ends a chunk that begins at
    its leftmost dependent; chunks do not nest."""
    dep, head = tokens.dep, tokens.head
    chunks = []
    end = -1
    for i, pos in enumerate(tokens.pos):
        if pos not in ("NOUN", "PROPN", "PRON"):
            continue
        if dep[i] == "conj":
            first = head[i]
            while dep[first] == "conj" and head[first] < first:
                first = head[first]
            if dep[first] not in _NP_DEPS:
                continue
        elif dep[i] not in _NP_DEPS:
            continue
        start = doc[i].left_edge.i
        if start > end:
            end = i
            chunks.append((start, i + 1))
    return chunks


def _ends_a_full_name(text: str, full_names: list[str]) -> bool:
    key = name_key(text)
    return bool(key) and any(full != key and full.endswith(" " + key) for full in full_names)


def ends_head(longer: str, short: str) -> bool:
    """Whether ``short`` is the last words of ``longer``'s head, the part before "for" or "of"
    ("Observatory" of "Syrian Observatory for Human Rights", "Central Committee" of "Daraa Central Committee")."""
    words = name_key(longer).split()
    for link in ("for", "of"):
        if link in words[1:]:
            words = words[: words.index(link, 1)]
    tail = name_key(short).split()
    return 0 < len(tail) < len(words) and words[-len(tail) :] == tail


def referent_of(reference: Span, names: list[Span]) -> Span | None:
    """What "the latter" or "the former" stands for: the last, or the one before the last, of the
    actors named before it in its own or the previous sentence."""
    sentence = reference.sent
    earliest = sentence.start
    if sentence.start > 0:
        earliest = reference.doc[sentence.start - 1].sent.start
    before = [n for n in names if earliest <= n.start and n.end <= reference.start and n.label_ in _REFERENT_TYPES]
    distinct = list(dict.fromkeys(reversed([n.text for n in before])))
    index = 0 if reference[-1].lower_ == "latter" else 1
    if len(distinct) <= index:
        return None
    return next(n for n in reversed(before) if n.text == distinct[index])


_REFERENT_TYPES = ("Person", "Organisation")


def _latter_and_former(doc: Doc, tokens: TokenColumns, names: list[Span], covered: set[int]) -> list[Span]:
    """ "the latter" and "the former" as mentions typed like the actor they stand for."""
    found = []
    lower = tokens.lower
    for i in range(1, len(lower)):
        if lower[i] in ("latter", "former") and lower[i - 1] == "the" and i not in covered:
            reference = doc[i - 1 : i + 1]
            referent = referent_of(reference, names)
            if referent is not None:
                found.append(Span(doc, reference.start, reference.end, label=referent.label_))
    return found


def _harmonise(names: list[Span]) -> list[Span]:
    """One name, one type within a document, as a reader assumes.

    A single word that ends a person's full name in the document is that person
    ("Sharifa" after "Abbas Sharifa"), and the last words of a KB group's name that group's
    ("the Observatory"), whatever the model guessed; a name the model
    typed two ways takes the type the KB gave it, else its most frequent type.
    """
    read = [(n, n.text, n.label_, n.id_) for n in names]  # a span's text is built anew on every access
    surnames = {n[-1].lower_ for n, _, label, _ in read if label == "Person" and len(n) > 1}
    full_names = [name_key(text) for _, text, label, _ in read if label == "Person" and len(text.split()) > 1]
    known_groups = [text for n, text, label, i in read if label == "Organisation" and len(n) > 1 and i]
    votes: dict[str, Counter[str]] = {}
    kb_type: dict[str, str] = {}
    for _, text, label, span_id in read:
        votes.setdefault(text, Counter())[label] += 1
        if span_id:
            kb_type[text] = label
    harmonised = []
    for name, text, original, span_id in read:
        label = original
        if span_id or label == "Temporal":
            pass  # the type the KB gave stands, and a date is a date
        elif label in ("Location", "Organisation") and len(name) == 1 and name[0].lower_ in surnames:
            label = "Person"
        elif label in ("Location", "Organisation") and _ends_a_full_name(text, full_names):
            label = "Person"  # "al-Hifl" after "Ibrahim al-Hifl"
        elif label in ("Person", "Location") and any(ends_head(o, text) for o in known_groups):
            label = "Organisation"  # "the Observatory" after "the Syrian Observatory for Human Rights"
        elif text in kb_type:
            label = kb_type[text]
        else:
            label = votes[text].most_common(1)[0][0]
        if label != original:
            name = Span(name.doc, name.start, name.end, label=label, span_id=span_id or 0)
        harmonised.append(name)
    return harmonised


def _subject_or_listed_with_one(root: Token) -> bool:
    """Whether a name is a subject, or listed by "and" after a name that is ("A and B struck Z"; not the country
    of a dateline, "CITY, Country —", which the parser may take for a second subject)."""
    first = root
    while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head != first:
        first = first.head
    listed = first is root or any(c.dep_ == "cc" for t in [first, *first.conjuncts] for c in t.children)
    return listed and first.dep_ in _SUBJECT_DEPS
