"""``fg_claims``: claims, that is statements attributed to a speaker, each with a stance.

A claim hangs on a cue kept as data (``data/lexicons/claim_cues.json``):

* a reporting verb whose grammatical subject is the speaker ("X said that ...",
  "..., X said", "“...”, X said", "X, in an interview with Y, does not believe
  that ..."); a participle or conjunct without a subject of its own shares the
  speaker of the reporting verb above it ("X suggested A, denying B");
* a source phrase ("according to X, ...");
* an impersonal modal frame ("it is likely that ...", "there is no possibility
  of ...", "X is likely to ..."), which takes the speaker of the reporting verb
  that governs it, else none.

The stance comes from the cue (denial verbs, negated belief verbs, "suggested
the possibility of") or, when the cue merely reports, from the reported clause
itself ("said the regime may attack" is possible, "said there will be no
merger" is denied). Modal words alone ("may", "probably") are the reporter's
voice and make no claim. Only sentences holding a cue word are looked at, so
the component costs little on text without claims.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.nlp.spans import DESCRIPTIONS_KEY, MENTIONS_KEY, ClauseWords, dateline_of, read_lexicon
from factiongraph.settings import setting
from factiongraph.vocab import COLLECTIVES, SPEAKERS, STANCES

ABOUT_LABELS = frozenset({"Person", "Organisation", "Location"})
_OBJECT_PREPS = frozenset({"of", "for", "over", "about", "against", "on", "to", "as"})
"""Prepositions whose object is what a nominal reporting verb reports ("warned of X", "accused Y of X",
"described Y as X")."""
_SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "prep", "relcl", "ccomp", "parataxis"})
_MAX_CLIMB = int(setting("clause_climb"))
"""Enough steps up the tree to reach a participle's governing verb; a bound keeps odd parses cheap."""
_ISSUER_PREPS = frozenset({"by", "of", "from"})
"""Whose statement it is: "a statement by the SDF", "a communiqué from the ministry"."""
_NESTED_CLAUSE_DEPS = frozenset({"advcl", "conj", "parataxis", "relcl"})
"""A reporting clause that closes another's content is a claim of its own: "said A, adding that B"."""
_LEADING_JUNK = frozenset({"that", "and", "but", "to", ":", ",", "-", "—"})

if not Doc.has_extension("fg_claims"):
    Doc.set_extension("fg_claims", default=None)


@dataclass(frozen=True)
class FoundClaim:
    """What a speaker (or nobody in particular) claims, how firmly, and the words that say so."""

    speaker: Span | None
    stance: str
    content: Span
    about: tuple[Span, ...]
    evidence: Span
    cue: Span


@dataclass(frozen=True)
class ClaimCues:
    """The lexicon, indexed for lookups by lower-cased word or lemma."""

    verbs: dict[str, str]
    phrasal: dict[str, dict[str, str]]
    clause_only: frozenset[str]
    negation_denies: frozenset[str]
    object_verbs: frozenset[str]
    modal_nouns: dict[str, str]
    claim_nouns: frozenset[str]
    modal_adjectives: dict[str, str]
    modal_auxiliaries: dict[str, str]
    modal_adverbs: dict[str, str]
    negators: frozenset[str]
    existential_negators: frozenset[str]
    document_nouns: frozenset[str]
    quoting_verbs: frozenset[str]
    sources: dict[str, str]

    @classmethod
    def from_lexicon(cls, raw: dict[str, Any]) -> ClaimCues:
        verbs: dict[str, str] = {}
        phrasal: dict[str, dict[str, str]] = {}
        for stance, words in raw["verbs"].items():
            if stance not in STANCES:
                raise ValueError(f"claim_cues.json: unknown stance {stance!r}")
            for word in words:
                lemma, _, particle = word.lower().partition(" ")
                if particle:
                    phrasal.setdefault(lemma, {})[particle] = stance
                else:
                    verbs[lemma] = stance

        def by_stance(key: str) -> dict[str, str]:
            return {w.lower(): stance for stance, words in raw[key].items() for w in words}

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in raw[key])

        sources = {}
        for phrase in raw["sources"]:
            first, _, second = phrase.lower().partition(" ")
            sources[first] = second
        return cls(
            verbs=verbs,
            phrasal=phrasal,
            clause_only=words("clause_only"),
            negation_denies=words("negation_denies"),
            object_verbs=words("object_verbs"),
            modal_nouns=by_stance("modal_nouns"),
            claim_nouns=words("claim_nouns"),
            modal_adjectives=by_stance("modal_adjectives"),
            modal_auxiliaries=by_stance("modal_auxiliaries"),
            modal_adverbs=by_stance("modal_adverbs"),
            negators=words("negators"),
            existential_negators=words("existential_negators"),
            document_nouns=words("document_nouns"),
            quoting_verbs=words("quoting_verbs"),
            sources=sources,
        )

    def triggers(self) -> frozenset[str]:
        """Words or lemmas without which a sentence holds no claim: the pre-filter."""
        return frozenset(
            [*self.verbs, *self.phrasal, *self.modal_nouns, *self.modal_adjectives, *self.sources, *self.quoting_verbs]
        )


@cache
def _cues(path: str | None) -> ClaimCues:
    return ClaimCues.from_lexicon(read_lexicon(path, "claim_cues.json"))


@Language.factory(
    "fg_claims",
    default_config={"cues_path": None, "clauses_path": None, "heads_path": None},
    requires=["doc.spans", "token.dep"],
    assigns=["doc._.fg_claims"],
)
def make_claims(
    nlp: Language, name: str, cues_path: str | None, clauses_path: str | None = None, heads_path: str | None = None
) -> ClaimFinder:
    """The component, with the package's cue lexicon unless ``cues_path`` names another."""
    speak_for = frozenset(read_lexicon(heads_path, "noun_heads.json")["speak_for"])
    return ClaimFinder(nlp, _cues(cues_path), ClauseWords.read(clauses_path), speak_for)


@dataclass
class _Content:
    """A reported clause as a token range, its head, and any stance and cue words it brings with it."""

    start: int
    end: int
    head: Token
    stance: str | None = None
    cue: tuple[Token, ...] = ()


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A range without edge punctuation, spaces and quotes, a leading "that", or a trailing conjunction."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _LEADING_JUNK):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _root(doc: Doc, start: int, end: int) -> Token:
    """The head of a token range: its first token governed from outside it."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head == token:
            return token
    return doc[start]


_SPEAKS_FOR = frozenset({"for", "of"})
"""A speaker \"for/of X\" speaks for X; one \"in X\" (\"a leader in the National Army\") speaks for himself."""


def _a_time(preposition: Token) -> bool:
    """ "on Sunday" is when, not what: "called on Sunday for talks" is a call for talks."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in preposition.children)


def _judges(verb: Token, predicate: Token) -> bool:
    """Whether "called X Y" judges X rather than names it: a description, not a name ("the campaign it
    calls Claw-Sword"), of another, not oneself ("a group calling itself X")."""
    reflexive = any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)
    return predicate.pos_ != "PROPN" and not reflexive


def _is_subject(mention: Span) -> bool:
    """Whether a mention is the subject of its clause, or listed or set in apposition with it."""
    token = mention.root
    while token.dep_ in ("conj", "appos", "compound") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


class _Mentions:
    """The document's mentions, indexed once per document that has a cue sentence."""

    def __init__(self, doc: Doc, speak_for: frozenset[str] = frozenset()) -> None:
        self.speak_for = speak_for
        spans = doc.spans
        self.mentions = sorted(spans[MENTIONS_KEY] if MENTIONS_KEY in spans else [], key=lambda s: (s.start, -s.end))
        self.starts = [m.start for m in self.mentions]
        self.descriptions = {(s.start, s.end) for s in (spans[DESCRIPTIONS_KEY] if DESCRIPTIONS_KEY in spans else [])}
        self.covering: dict[int, list[Span]] = {}
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self.covering.setdefault(i, []).append(mention)

    def inside(self, start: int, end: int, labels: frozenset[str]) -> list[Span]:
        """Mentions of the given types within ``[start, end)``, in order: a bisection, not a scan of the doc."""
        found = []
        for k in range(bisect_left(self.starts, start), len(self.mentions)):
            mention = self.mentions[k]
            if mention.start >= end:
                break
            if mention.end <= end and mention.label_ in labels:
                found.append(mention)
        return found

    def _issuer(self, document: Token) -> Span | None:
        """Who a statement or report is by: "a statement by the SDF", "the ministry's statement", "the US statement"."""
        inner = []
        for child in document.children:
            if child.dep_ in ("poss", "compound") or (child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS):
                inner += self.inside(child.left_edge.i, child.right_edge.i + 1, SPEAKERS | {"Location"})
        ranked = sorted(inner, key=lambda m: (m.label_ == "Location", not self.is_name(m), m.start))
        return ranked[0] if ranked else None

    def _owner(self, head: Token) -> Span | None:
        """A body that names no actor itself is the one named beside it ("the UN humanitarian office, OCHA"),
        else speaks for the one it belongs to ("the SDF's media centre", "the army's general command")."""
        children = sorted(head.children, key=lambda c: c.dep_ != "appos")
        for child in children:
            if child.dep_ in ("appos", "poss", "compound", "nmod"):
                names = [m for m in self.covering.get(child.i, ()) if m.label_ in SPEAKERS and self.is_name(m)]
                if names:
                    return max(names, key=len)
        return None

    def _antecedent(self, it: Token) -> Span | None:
        """The body an "it" that speaks stands for: the group or state last named as a subject in its
        sentence or the one before ("The coalition stayed out of the fighting. In a statement, it said")."""
        sentence = it.sent
        start = sentence.start
        if start > 0:
            start = it.doc[start - 1].sent.start
        k = bisect_left(self.starts, it.i)
        # "the SDF, which it regards as ...": not the noun its relative clause describes
        described = it.head.head.i if it.head.dep_ == "relcl" else -1
        for mention in reversed(self.mentions[bisect_left(self.starts, start) : k]):
            if mention.label_ in COLLECTIVES - {"Nationality"} and self.is_name(mention) and _is_subject(mention):
                if not mention.start <= described < mention.end:
                    return mention
        return None

    def _surname(self, head: Token) -> Span | None:
        """A person's last name the model did not tag, after the full name was written: "Mazloum Abdi
        said ... Abdi warned" is Mazloum Abdi."""
        if any(c.dep_ == "compound" for c in head.children):
            return None
        k = bisect_left(self.starts, head.i)
        named = [
            m
            for m in self.mentions[:k]
            if m.label_ == "Person" and len(m) > 1 and m[-1].text == head.text and self.is_name(m)
        ]
        return named[-1] if named else None

    def before(self, verb: Token) -> Span | None:
        """The speaker's name that ends right before a verb, but for commas ("..., the UN office, OCHA, said")."""
        i = verb.i
        while i > 0 and verb.doc[i - 1].is_punct:
            i -= 1
        found = [m for m in self.covering.get(i - 1, ()) if m.end == i and m.label_ in SPEAKERS]
        names = [m for m in found if self.is_name(m)]
        return max(names or found, key=len) if found else None

    def first_actor_after(self, start: int, end: int) -> Span | None:
        """The first name of a speaker between two tokens, else the first description."""
        found = [m for m in self.inside(start, end, SPEAKERS)]
        names = [m for m in found if self.is_name(m)]
        return (names or found or [None])[0]

    def is_name(self, mention: Span) -> bool:
        return (mention.start, mention.end) not in self.descriptions

    def actor(self, head: Token, document_nouns: frozenset[str]) -> Span | None:
        """The mention a noun phrase headed by ``head`` stands for, preferring a name to a description.

        "The analyst Omar Khalil" is Omar Khalil; "fighters of the Islamic State" is
        the Islamic State; "a leader in the National Army" stays the leader; "a
        statement by the SDF" is the SDF.
        """
        if head.lower_ == "it" and head.dep_ == "nsubj" and (antecedent := self._antecedent(head)) is not None:
            return antecedent  # named here, whether or not the mentions hold "it" itself
        covering = [m for m in self.covering.get(head.i, ()) if m.label_ in SPEAKERS]
        if not covering:
            places = [m for m in self.covering.get(head.i, ()) if m.label_ == "Location" and self.is_name(m)]
            if places:
                return places[0]
            if head.pos_ == "PROPN":
                return self._surname(head)
            if head.lemma_.lower() in document_nouns or head.lower_ in document_nouns:
                return self._issuer(head)
            return self._owner(head)
        names = [m for m in covering if self.is_name(m)]
        if names:
            return min(names, key=len)
        description = max(covering, key=len)
        if len(description) > 1:
            for mention in self.inside(description.start, description.end, frozenset({description.label_})):
                if self.is_name(mention):
                    return mention
        for child in head.children:
            if child.dep_ in ("appos", "compound") and child.i not in range(description.start, description.end):
                for mention in self.covering.get(child.i, ()):
                    if self.is_name(mention) and mention.label_ == description.label_:
                        return mention
        return self._represented(description, head) or self._titled(description, head) or description

    def _titled(self, description: Span, head: Token) -> Span | None:
        """The person the article named with this title before: "The Special Envoy said" after "the UN
        Special Envoy for Syria, Staffan de Mistura"."""
        if description.label_ != "Person" or description[0].lower_ != "the" or head.pos_ not in ("NOUN", "PROPN"):
            return None
        doc, title = head.doc, head.lemma_.lower()
        for token in reversed(doc[: description.start]):
            if token.lemma_.lower() != title:
                continue
            # the name in apposition to the title's phrase, wherever the parse hung it ("Envoy for Syria, X")
            beside = [t for t in token.subtree if t.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
            for other in beside:
                names = [m for m in self.covering.get(other.i, ()) if m.label_ == "Person" and self.is_name(m)]
                if names:
                    return names[0]
        return None

    def _represented(self, description: Span, head: Token) -> Span | None:
        """The group a spokesman, official or commander speaks for: "for/of X", "an HTS official",
        "Turkish officials" (the state), "the group's spokesman"."""
        if description.label_ not in ("Person", "Organisation"):
            return None
        named = [  # "a spokesman for the Front for Liberation, Naji Mustafa, said": he speaks
            m
            for t in head.subtree
            if t.dep_ == "appos" and t.i > head.i
            for m in self.covering.get(t.i, ())
            if self.is_name(m) and m.label_ == "Person"
        ]
        if named:
            return named[0]
        # one who speaks for others by title ("a spokesman for X") speaks for a body the model took for a person
        bodies = SPEAKERS if head.lemma_.lower() in self.speak_for else frozenset({"Organisation"})
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _SPEAKS_FOR:
                groups = self.inside(child.i + 1, child.right_edge.i + 1, bodies)
                names = [m for m in groups if self.is_name(m)]
                if names:
                    return names[0]
            if child.dep_ in ("compound", "amod", "poss", "nmod") and description.start <= child.i < description.end:
                inner = [m for m in self.covering.get(child.i, ()) if m != description]
                if inner and inner[0].label_ in COLLECTIVES and self.is_name(inner[0]):
                    return inner[0]
                if inner and inner[0].label_ == "Organisation" and child.tag_ == "PRP$":
                    return inner[0]  # "its leaders", "their spokesman": the group "its" stands for
        return None


class ClaimFinder:
    """Claims in the sentences that hold a cue word (see the module docstring)."""

    def __init__(
        self, nlp: Language, cues: ClaimCues, clauses: ClauseWords, speak_for: frozenset[str] = frozenset()
    ) -> None:
        self.cues = cues
        self.speak_for = speak_for
        self.relative_pronouns = clauses.relative_pronouns
        self.conditions = clauses.conditions
        self.trigger_ids = frozenset(nlp.vocab.strings.add(w) for w in cues.triggers())

    def __call__(self, doc: Doc) -> Doc:
        found: list[FoundClaim] = []
        if len(doc):
            triggers = self.trigger_ids
            hits = [
                i
                for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist())
                if lower in triggers or lemma in triggers
            ]
            mentions: _Mentions | None = None
            last_end = -1
            for i in hits:
                token = doc[i]
                if i < last_end or not self._is_cue(token):
                    continue  # its sentence is done, or it is "the Islamic State" rather than "stated"
                sentence = token.sent
                last_end = sentence.end
                if mentions is None:
                    mentions = _Mentions(doc, self.speak_for)
                found += self.sentence_claims(sentence, mentions)
        doc._.fg_claims = found
        return doc

    # --- per sentence ---------------------------------------------------------------------------------

    def sentence_claims(self, sentence: Span, mentions: _Mentions) -> list[FoundClaim]:
        """Every claim of one sentence: reporting verbs first, then source phrases, then modal frames."""
        cues = self.cues
        opening = dateline_of(sentence)
        reporting: dict[int, tuple[str, Token | None]] = {}
        sources: list[tuple[Token, Token, Token, Token]] = []
        frames: list[Token] = []
        for token in sentence:
            lower = token.lower_
            if token.pos_ in ("VERB", "AUX") and (found := self._reporting(token)) is not None:
                reporting[token.i] = found
            elif lower in cues.sources:
                phrase = self._source_phrase(token)
                if phrase is not None:
                    sources.append(phrase)
            elif (lower in cues.modal_adjectives and token.dep_ == "acomp") or (
                lower in cues.modal_nouns and token.dep_ == "attr"
            ):
                frames.append(token)
        speakers: dict[int, Span | None] = {}
        consumed: set[int] = set()
        claims: list[FoundClaim] = []
        sourced = {head.i: mentions.actor(source, cues.document_nouns) for _, _, source, head in sources}
        for i, (stance, particle) in reporting.items():
            verb = sentence.doc[i]
            speaker = self._speaker(verb, reporting, mentions)
            if speaker is not None and opening is not None and speaker.start < opening.end:
                speaker = mentions.first_actor_after(opening.end, verb.i)  # "GENEVA — The Envoy warned"
            if speaker is None and i in sourced and self._subject(verb) is None:
                speaker = sourced[i]  # "X is expected to ..., according to Y"
            speakers[i] = speaker
            said = self._reported(verb, stance, particle, speaker, reporting, consumed, sentence, mentions)
            claims += said
            for other in self._co_speakers(verb, speaker, mentions):  # "Damascus and Moscow said ...": each says it
                claims += [replace(claim, speaker=other) for claim in said]
        for token, link, _, head in sources:
            if head.i not in reporting:
                speakers[head.i] = sourced[head.i]
                claim = self._sourced(token, link, head, sourced[head.i], sentence, reporting, consumed, mentions)
                if claim is not None:
                    claims.append(claim)
        for token in frames:
            claim = self._framed(token.head, sentence, reporting, speakers, consumed, mentions)
            if claim is not None:
                claims.append(claim)
        unique: dict[tuple[Any, ...], FoundClaim] = {}
        for claim in claims:
            key = (claim.speaker.start if claim.speaker else None, claim.stance, claim.content.start, claim.content.end)
            unique.setdefault(key, claim)
        return sorted(unique.values(), key=lambda c: (c.cue.start, c.content.start))

    def _is_cue(self, token: Token) -> bool:
        """Whether a pre-filter hit can start a claim, before its sentence is looked at."""
        cues = self.cues
        lower = token.lower_
        if token.pos_ in ("VERB", "AUX"):
            lemma = token.lemma_.lower()
            if lemma in cues.verbs or lemma in cues.phrasal or lemma in cues.quoting_verbs:
                return True
        return (
            lower in cues.sources
            or lower in cues.modal_nouns
            or (lower in cues.modal_adjectives and token.dep_ == "acomp")
        )

    def _reporting(self, verb: Token) -> tuple[str, Token | None] | None:
        """The stance a reporting verb gives, and its particle ("out" of "rule out"), or None if it reports nothing."""
        cues = self.cues
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
            return None  # "the ceasefire agreed in Moscow", "the attack described as": a modifier, not a report
        lemma = verb.lemma_.lower()
        if lemma in cues.verbs:
            return cues.verbs[lemma], None
        if lemma in cues.phrasal:
            particles = cues.phrasal[lemma]
            for child in verb.children:
                if child.dep_ in ("prt", "prep") and child.lower_ in particles and not _a_time(child):
                    return particles[child.lower_], child
                if child.dep_ == "oprd" and "as" in particles and _judges(verb, child):
                    return particles["as"], child  # "called the order a coup" as "regarded it as a coup"
            return None
        if lemma in cues.object_verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if any(o.lower_ in cues.modal_nouns for o in objects):
                return "asserted", None
        return None

    def _reported(
        self,
        verb: Token,
        stance: str,
        particle: Token | None,
        speaker: Span | None,
        reporting: dict[int, tuple[str, Token | None]],
        consumed: set[int],
        sentence: Span,
        mentions: _Mentions,
    ) -> list[FoundClaim]:
        """A reporting verb's claims: the stance from the verb, its negation, a modal object, or each clause."""
        cues = self.cues
        lemma = verb.lemma_.lower()
        cue: list[Token] = [verb] + ([particle] if particle is not None else [])
        negation = self._negation(verb)
        if negation:
            if lemma in cues.negation_denies:
                stance = "denied"
            elif stance == "denied":
                stance = "possible"
            else:
                return []
            cue += negation + [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
        passive = [c for c in verb.children if c.dep_ == "auxpass"]
        content = self._content(verb, particle, passive, sentence, reporting)
        if content is None:
            return []
        if passive and not any(c.dep_ == "ccomp" for c in verb.children):
            cue += passive + [a for c in verb.children if c.dep_ == "xcomp" for a in c.children if a.dep_ == "aux"]
        if content.stance is not None:
            # A modal noun: "suggested the possibility of", "denied the possibility of".
            claim = self._claim(
                speaker,
                stance if stance == "denied" else content.stance,
                content,
                cue + list(content.cue),
                sentence,
                mentions,
            )
            return [claim] if claim is not None else []
        found = []
        for part in self._conjuncts(content, reporting):
            part_stance, part_cue = stance, cue
            frame = self._frame(part.head, reporting)
            if frame is not None:
                consumed.add(part.head.i)
                if stance == "asserted":
                    part_stance, part_cue = frame.stance or stance, list(frame.cue)
                part = _Content(frame.start, frame.end, frame.head)
            elif stance == "asserted":
                inner = self._inner_stance(part.head)
                if inner is not None:
                    part_stance, part_cue = inner
            claim = self._claim(speaker, part_stance, part, part_cue, sentence, mentions)
            if claim is not None:
                found.append(claim)
        return found

    def _conjuncts(self, content: _Content, reporting: dict[int, tuple[str, Token | None]]) -> list[_Content]:
        """A reported clause apart from the clauses or predicates coordinated with it ("said A, and that B";
        "was ready to talk but would not give up the town"): each brings its own stance. A quote stays whole,
        the speaker's own words."""
        doc = content.head.doc
        if content.start > 0 and doc[content.start - 1].is_quote:
            return [content]
        joined = [
            c
            for c in content.head.children
            if c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and c.i not in reporting
            and content.start <= c.left_edge.i
            and c.right_edge.i < content.end
        ]
        if not joined:
            return [content]
        parts = []
        start, end = _strip(doc, content.start, joined[0].left_edge.i)
        if end > start:
            parts.append(_Content(start, end, content.head))
        for conj in joined:
            start, end = _strip(doc, conj.left_edge.i, conj.right_edge.i + 1)
            if end > start:
                parts.append(_Content(start, end, conj))
        return parts

    def _source_phrase(self, token: Token) -> tuple[Token, Token, Token, Token] | None:
        """ "according to X": the two cue words, X, and the verb of the clause the phrase attaches to."""
        link = next((c for c in token.children if c.lower_ == self.cues.sources[token.lower_]), None)
        if link is None:
            return None
        source = next((c for c in link.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        head = token.head
        for _ in range(_MAX_CLIMB):
            if head.pos_ in ("VERB", "AUX") or head.head == head:
                break
            head = head.head
        return token, link, source, head

    def _sourced(
        self,
        token: Token,
        link: Token,
        head: Token,
        speaker: Span | None,
        sentence: Span,
        reporting: dict[int, tuple[str, Token | None]],
        consumed: set[int],
        mentions: _Mentions,
    ) -> FoundClaim | None:
        """ "According to X, ...": X claims the clause the phrase attaches to, less the phrase."""
        doc = sentence.doc
        start, end = _strip(doc, head.left_edge.i, head.right_edge.i + 1)
        phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
        if phrase_start <= start:
            start = phrase_end
            for child in head.children:  # "According to X, led by Y, the city ...": the aside is not the claim
                aside = child.dep_ in ("advcl", "acl") and child.right_edge.i < head.i
                if aside and _strip(doc, start, child.i + 1)[0] == child.left_edge.i:
                    start = child.right_edge.i + 1
        elif phrase_end >= end:
            end = phrase_start
        content = self._trimmed(start, end, head, reporting)
        if content is None:
            return None
        stance, cue = "asserted", [token, link]
        frame = self._frame(head, reporting)
        if frame is not None:
            consumed.add(head.i)
            stance, cue, content = frame.stance or stance, list(frame.cue), _Content(frame.start, frame.end, head)
        else:
            inner = self._inner_stance(head)
            if inner is not None:
                stance, cue = inner
        return self._claim(speaker, stance, content, cue, sentence, mentions)

    def _framed(
        self,
        head: Token,
        sentence: Span,
        reporting: dict[int, tuple[str, Token | None]],
        speakers: dict[int, Span | None],
        consumed: set[int],
        mentions: _Mentions,
    ) -> FoundClaim | None:
        """ "It is likely that ...": the claim of the reporting verb above the frame, else nobody's."""
        if head.i in consumed:
            return None
        frame = self._frame(head, reporting)
        if frame is None:
            return None
        consumed.add(head.i)
        speaker = None
        for ancestor, _ in zip(head.ancestors, range(_MAX_CLIMB * 2), strict=False):
            if ancestor.i in speakers:
                speaker = speakers[ancestor.i]
                break
        return self._claim(speaker, frame.stance or "asserted", frame, list(frame.cue), sentence, mentions)

    def _claim(
        self,
        speaker: Span | None,
        stance: str,
        content: _Content,
        cue: list[Token],
        sentence: Span,
        mentions: _Mentions,
    ) -> FoundClaim | None:
        if content.end <= content.start:
            return None
        doc = sentence.doc
        if speaker is not None and content.start < speaker.start < content.end <= speaker.end:
            # "A, the Observatory said" with the name parsed into A: the content stops before it
            _, cut = _strip(doc, content.start, min(speaker.start, speaker.root.left_edge.i))
            content = _Content(content.start, cut, content.head, content.stance, content.cue)
        cue_span = doc[min(t.i for t in cue) : max(t.i for t in cue) + 1]
        about = tuple(mentions.inside(content.start, content.end, ABOUT_LABELS))
        return FoundClaim(speaker, stance, doc[content.start : content.end], about, sentence, cue_span)

    # --- parts of a claim -----------------------------------------------------------------------------

    def _negation(self, verb: Token) -> list[Token]:
        """ "not", "n't", "never" before the verb ("he said: “Never.”" is not a negated "said")."""
        negators = self.cues.negators
        return [c for c in verb.children if c.lower_ in negators and (c.dep_ == "neg" or c.i < verb.i)]

    def _speaker(self, verb: Token, reporting: dict[int, tuple[str, Token | None]], mentions: _Mentions) -> Span | None:
        """The subject of the verb; or, for a participle or conjunct without one, the speaker above it."""
        cues = self.cues
        subject = self._subject(verb)
        if subject is not None:
            return mentions.actor(subject, cues.document_nouns)
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "it was reported that": nobody in particular
        fallback: Token | None = None
        current = verb
        for _ in range(_MAX_CLIMB):
            if current.head == current or (
                current.pos_ not in ("NOUN", "PROPN") and current.dep_ not in _SHARED_SUBJECT_DEPS
            ):
                break
            current = current.head
            if current.lemma_.lower() in cues.quoting_verbs:
                # "quoted the commander as saying", "the commander was quoted as saying"
                quoted = next((c for c in current.children if c.dep_ in ("dobj", "nsubjpass")), None)
                return mentions.actor(quoted, cues.document_nouns) if quoted is not None else None
            if current.i in reporting:
                return self._speaker(current, reporting, mentions)
            if current.pos_ in ("NOUN", "PROPN"):
                # "a statement by X saying ...": X; "a statement saying ...": whoever issued it
                actor = mentions.actor(current, cues.document_nouns)
                if actor is not None:
                    return actor
                if current.lemma_.lower() not in cues.document_nouns:
                    break
                continue
            if fallback is None:
                fallback = self._subject(current)
        if fallback is not None:
            return mentions.actor(fallback, cues.document_nouns)
        return mentions.before(verb)  # "..., the Observatory said", its name parsed into the clause before

    def _co_speakers(self, verb: Token, speaker: Span | None, mentions: _Mentions) -> list[Span]:
        """The speakers listed with the verb's subject ("The government and Russia have said")."""
        subject = self._subject(verb)
        if speaker is None or subject is None:
            return []
        others = (mentions.actor(c, self.cues.document_nouns) for c in subject.children if c.dep_ == "conj")
        return [o for o in others if o is not None and o != speaker]

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject; of two the parse gave it, the nearer ("..., something X has rejected")."""
        for child in sorted(verb.children, key=lambda c: (c.dep_ not in ("nsubj", "csubj"), -c.i)):
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in self.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def _content(
        self,
        verb: Token,
        particle: Token | None,
        passive: list[Token],
        sentence: Span,
        reporting: dict[int, tuple[str, Token | None]],
    ) -> _Content | None:
        """What the verb reports: its clause, else (for verbs that allow it) its object, else a quote."""
        cues = self.cues
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if clause is not None:
            return self._beside(verb, self._trimmed(clause.left_edge.i, clause.right_edge.i + 1, clause, reporting))
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if passive and xcomp is not None:
            # "X is expected to withdraw", "X is believed to have fled": the whole clause
            return self._trimmed(verb.left_edge.i, xcomp.right_edge.i + 1, verb, reporting)
        if lemma not in cues.clause_only:
            if particle is not None and particle.dep_ == "prep":
                obj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
            else:
                obj = next((c for c in children if c.dep_ == "dobj" and c.lower_ not in self.relative_pronouns), None)
                if obj is None and passive:
                    obj = next((c for c in children if c.dep_ == "nsubjpass" and c.lower_ != "it"), None)
                if obj is None and lemma in cues.object_verbs:
                    obj = next((g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                unwrapped = self._unwrap(obj, reporting)
                if unwrapped is not None:
                    return unwrapped
                if lemma in cues.object_verbs:
                    return None
                end = obj.right_edge.i + 1
                for child in children:
                    if child.left_edge.i >= end and (
                        (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS)
                        or child.dep_ == "oprd"
                        or (child.dep_ == "advcl" and child.left_edge.lower_ == "as")
                    ):
                        end = child.right_edge.i + 1  # "accused Turkey of supporting", "described X as Y"
                return self._beside(verb, self._trimmed(obj.left_edge.i, end, obj, reporting))
            for child in children:
                if child.dep_ == "prep" and child.i > verb.i and child.lower_ in _OBJECT_PREPS:
                    pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:  # "warned of an offensive"
                        return self._unwrap(pobj, reporting) or self._trimmed(
                            pobj.left_edge.i, pobj.right_edge.i + 1, pobj, reporting
                        )
            if xcomp is not None:  # "claimed to have killed ..."
                return self._beside(verb, self._trimmed(xcomp.left_edge.i, xcomp.right_edge.i + 1, xcomp, reporting))
        if lemma in cues.object_verbs:
            return None
        return self._fallback(verb, sentence, reporting)

    @staticmethod
    def _beside(verb: Token, content: _Content | None) -> _Content | None:
        """Content without the verb that reports it, when a relative pronoun pulls the verb inside
        ("the camp, which aid groups say is overcrowded")."""
        if content is None or not content.start <= verb.i < content.end:
            return content
        start, end = (verb.i + 1, content.end) if content.head.i > verb.i else (content.start, verb.i)
        start, end = _strip(verb.doc, start, end)
        return _Content(start, end, content.head) if end > start else None

    def _unwrap(self, noun: Token, reporting: dict[int, tuple[str, Token | None]]) -> _Content | None:
        """ "the possibility of X", "reports that X": the content is X, and a modal noun gives its stance."""
        cues = self.cues
        lower = noun.lower_
        if lower not in cues.modal_nouns and lower not in cues.claim_nouns:
            return None
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i:
                mark = next((g for g in child.children if g.lower_ == "that" and g.i < child.i), None)
                if mark is None:
                    continue
                content = self._trimmed(mark.i + 1, child.right_edge.i + 1, child, reporting)
                cue_words = (noun, mark)
                break
            if child.dep_ == "prep" and child.lower_ == "of" and lower in cues.modal_nouns:
                pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is None:
                    continue
                content = self._trimmed(child.i + 1, child.right_edge.i + 1, pobj, reporting)
                cue_words = (noun, child)
                break
        else:
            return None
        if content is None:
            return None
        if lower in cues.modal_nouns:
            content.stance = cues.modal_nouns[lower]
            if any(c.dep_ == "det" and c.lower_ in cues.existential_negators for c in noun.children):
                content.stance = "denied"  # "no possibility of"
            content.cue = cue_words
        return content

    def _fallback(self, verb: Token, sentence: Span, reporting: dict[int, tuple[str, Token | None]]) -> _Content | None:
        """Content the parse did not attach as a clause: a "that" clause, a quote beside the verb, or the clause
        a parenthetical "X said" interrupts."""
        doc = sentence.doc
        that = next((t for t in verb.subtree if t.i > verb.i and t.lower_ == "that"), None)
        if that is not None and that.i == verb.i + 1 and verb.right_edge.i > that.i:
            # "adding that the siege could last months", however the clause after it was parsed
            start, end = that.i + 1, verb.right_edge.i + 1
            return self._trimmed(start, end, _root(doc, start, end), reporting)
        if that is not None and that.head.pos_ in ("VERB", "AUX") and that.head.i > that.i:
            return self._trimmed(that.i + 1, that.head.right_edge.i + 1, that.head, reporting)
        quote = self._quote(verb, sentence)
        if quote is not None:
            start, end = quote
            return self._trimmed(start, end, _root(doc, start, end), reporting)
        if verb.dep_ == "relcl" and (comment := self._commented(verb)) is not None:
            return self._trimmed(*comment, reporting)
        if verb.dep_ == "parataxis":
            head = verb.head
            start, end = head.left_edge.i, head.right_edge.i + 1
            if verb.left_edge.i <= start:
                start = verb.right_edge.i + 1
            elif verb.right_edge.i + 1 >= end:
                end = verb.left_edge.i
            return self._trimmed(start, end, head, reporting)
        return self._leading(verb, sentence, reporting)

    def _leading(self, verb: Token, sentence: Span, reporting: dict[int, tuple[str, Token | None]]) -> _Content | None:
        """ "A, X said." parsed with A as some other clause of the verb: the words from the sentence's start
        to the comma before the speaker, when the verb and its speaker end the sentence."""
        subject = self._subject(verb)
        if subject is None or not all(t.is_punct or t.is_space for t in sentence.doc[verb.i + 1 : sentence.end]):
            return None
        opening = dateline_of(sentence)
        start = opening.end if opening is not None else sentence.start
        leading = [c for c in verb.children if c.i < subject.left_edge.i and c.dep_ not in ("punct", "cc")]
        if not leading or leading[0].left_edge.i > start or subject.left_edge.i <= start:
            return None
        if any(c.dep_ in ("prep", "mark") or any(g.dep_ == "mark" for g in c.children) for c in leading):
            return None  # "After meeting the envoy, he said ...": a time, not what was said
        end = subject.left_edge.i
        if not sentence.doc[end - 1].is_punct:
            return None
        return self._trimmed(start, end, _root(sentence.doc, start, end), reporting)

    def _commented(self, verb: Token) -> tuple[int, int, Token] | None:
        """What a reporting verb in a relative clause without an object of its own reports: the clause
        its noun comments on ("X is financed by Y, a claim Y has denied"), else that noun ("the
        charges the ministry denied")."""
        noun = verb.head
        if noun.dep_ in ("appos", "npadvmod") and noun.i > noun.head.i:
            clause = noun.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
                clause = clause.head
            if clause.left_edge.i < noun.left_edge.i:
                return clause.left_edge.i, noun.left_edge.i, clause
        if noun.lower_ in self.cues.claim_nouns and noun.left_edge.i < verb.left_edge.i:
            return noun.left_edge.i, verb.left_edge.i, noun
        return None

    @staticmethod
    def _quote(verb: Token, sentence: Span) -> tuple[int, int] | None:
        """The quoted words beside the verb: only punctuation or the verb's own phrase between them
        ("“...,” he said", "he said: “...”"), so another speaker's quote is not taken."""
        doc = sentence.doc
        marks = [t.i for t in sentence if t.is_quote]
        own = range(verb.left_edge.i, verb.right_edge.i + 1)
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if opening < verb.i < closing or closing - opening < 2:
                continue
            between = range(closing + 1, verb.i) if closing < verb.i else range(verb.i + 1, opening)
            if all(doc[i].is_punct or i in own for i in between):
                return opening + 1, closing
        return None

    def _trimmed(
        self, start: int, end: int, head: Token, reporting: dict[int, tuple[str, Token | None]]
    ) -> _Content | None:
        """A content range without edge punctuation, "that", or a later reporting clause of its own
        ("said A, adding that B" reports A and B apart)."""
        doc = head.doc
        start, end = _strip(doc, start, end)
        for i in sorted(reporting):
            if not max(start, head.i + 1) <= i < end:
                continue
            nested = doc[i]
            if nested.dep_ in _NESTED_CLAUSE_DEPS and nested.left_edge.i > head.i:
                if _strip(doc, start, nested.right_edge.i + 1)[1] >= end:
                    start, end = _strip(doc, start, nested.left_edge.i)
                break
        if end <= start:
            return None
        return _Content(start, end, head)

    def _frame(self, head: Token, reporting: dict[int, tuple[str, Token | None]]) -> _Content | None:
        """An impersonal modal frame headed by ``head``: "it is likely that X", "X is likely to",
        "there is a possibility of X"; the content is X (the whole clause for "X is likely to"),
        the stance the modal word's, denied when negated."""
        cues = self.cues
        if head.lemma_ != "be":
            return None
        children = list(head.children)
        negated = bool(self._negation(head))
        adjective = next((c for c in children if c.dep_ == "acomp" and c.lower_ in cues.modal_adjectives), None)
        if adjective is not None:
            stance = cues.modal_adjectives[adjective.lower_]
            if negated or self._negation(adjective):
                stance = "possible" if stance == "denied" else "denied"
            subject = next((c for c in children if c.dep_ in ("nsubj", "expl")), None)
            clause = next((c for c in [*children, *adjective.children] if c.dep_ == "ccomp"), None)
            if clause is not None and subject is not None and subject.lower_ == "it":
                mark = next((g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that"), None)
                cue = (subject, adjective) + ((mark,) if mark is not None and mark.i == adjective.i + 1 else ())
                return self._framed_content(clause.left_edge.i, clause.right_edge.i + 1, clause, stance, cue, reporting)
            xcomp = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
            if xcomp is not None:
                to = [a for a in xcomp.children if a.dep_ == "aux" and a.i < xcomp.i]
                cue = (head, adjective, *to)
                return self._framed_content(head.left_edge.i, head.right_edge.i + 1, head, stance, cue, reporting)
            if subject is not None and subject.lower_ != "it":
                start, end = subject.left_edge.i, subject.right_edge.i + 1
                return self._framed_content(start, end, subject, stance, (head, adjective), reporting)
            return None
        if any(c.dep_ == "expl" and c.lower_ == "there" for c in children):
            noun = next((c for c in children if c.dep_ == "attr" and c.lower_ in cues.modal_nouns), None)
            if noun is not None:
                content = self._unwrap(noun, reporting)
                if content is not None:
                    there = next(c for c in children if c.dep_ == "expl")
                    if negated:
                        content.stance = "denied"
                    content.cue = (there, *content.cue)
                    return content
        return None

    def _framed_content(
        self,
        start: int,
        end: int,
        head: Token,
        stance: str,
        cue: tuple[Token, ...],
        reporting: dict[int, tuple[str, Token | None]],
    ) -> _Content | None:
        content = self._trimmed(start, end, head, reporting)
        if content is not None:
            content.stance, content.cue = stance, cue
        return content

    def _inner_stance(self, head: Token) -> tuple[str, list[Token]] | None:
        """The stance a reported clause carries itself: "there will be no X" denied, "may" possible,
        "probably" likely."""
        cues = self.cues
        children = list(head.children)
        if head.lemma_ == "be" and any(c.dep_ == "expl" and c.lower_ == "there" for c in children):
            there = next(c for c in children if c.dep_ == "expl")
            for child in children:
                if child.dep_ == "neg" and child.lower_ in cues.existential_negators:
                    return "denied", [there, child]
                if child.dep_ == "attr":
                    no = next((g for g in child.children if g.dep_ == "det" and g.lower_ == "no"), None)
                    if no is not None:
                        return "denied", [there, no]
        negated = bool(self._negation(head))
        for child in children:
            if child.dep_ == "advmod" and child.lower_ in cues.modal_adverbs:
                return cues.modal_adverbs[child.lower_], [child]
        for child in children:
            if (
                child.dep_ == "aux"
                and child.lower_ in cues.modal_auxiliaries
                and not (negated and child.lower_ == "could")
            ):
                return cues.modal_auxiliaries[child.lower_], [child]
        if negated:  # "said the group would not allow it"
            return "denied", self._negation(head)
        for child in children:  # "said it had played no part", "said no soldiers were hurt"
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                no = [g for g in child.children if g.dep_ == "det" and g.lower_ in cues.existential_negators]
                if no:
                    return "denied", no
        for child in children:  # "said his forces would respond if Turkey attacked"
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self.conditions for g in child.children):
                return "possible", [g for g in child.children if g.dep_ == "mark"]
        return None
