"""Who says it: the speaker of a reporting verb (its subject; for a participle or conjunct without one, the
speaker above it), and the actor a speaker's words stand for ("a spokesman for X", "it", "the Special Envoy",
"a statement by X")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import ClaimCues
from factiongraph.nlp.claims.cues import MAX_CLIMB, Reporting
from factiongraph.nlp.spans import DESCRIPTIONS_KEY, MENTIONS_KEY
from factiongraph.vocab import COLLECTIVES, SPEAKERS

_SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "prep", "relcl", "ccomp", "parataxis"})


def _is_subject(mention: Span) -> bool:
    """Whether a mention is the subject of its clause, or listed or set in apposition with it."""
    token = mention.root
    while token.dep_ in ("conj", "appos", "compound") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


class Mentions:
    """The document's mentions, indexed once per document that has a cue sentence."""

    def __init__(self, doc: Doc, cues: ClaimCues, speak_for: frozenset[str] = frozenset()) -> None:
        self.cues = cues
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
            if child.dep_ in ("poss", "compound") or (child.dep_ == "prep" and child.lower_ in self.cues.issuer_preps):
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

    def actor(self, head: Token, document_nouns: Collection[str]) -> Span | None:
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
            if child.dep_ == "prep" and child.lower_ in self.cues.speaker_preps:
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


class Speakers:
    """The speakers of a sentence's reporting verbs."""

    def __init__(self, cues: ClaimCues, relative_pronouns: frozenset[str]) -> None:
        self.cues = cues
        self.relative_pronouns = relative_pronouns

    def speaker(self, verb: Token, reporting: Reporting, mentions: Mentions) -> Span | None:
        """The subject of the verb; or, for a participle or conjunct without one, the speaker above it."""
        cues = self.cues
        subject = subject_of(verb, self.relative_pronouns)
        if subject is not None:
            return mentions.actor(subject, cues.document_nouns)
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "it was reported that": nobody in particular
        fallback: Token | None = None
        current = verb
        for _ in range(MAX_CLIMB):
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
                return self.speaker(current, reporting, mentions)
            if current.pos_ in ("NOUN", "PROPN"):
                # "a statement by X saying ...": X; "a statement saying ...": whoever issued it
                actor = mentions.actor(current, cues.document_nouns)
                if actor is not None:
                    return actor
                if current.lemma_.lower() not in cues.document_nouns:
                    break
                continue
            if fallback is None:
                fallback = subject_of(current, self.relative_pronouns)
        if fallback is not None:
            return mentions.actor(fallback, cues.document_nouns)
        return mentions.before(verb)  # "..., the Observatory said", its name parsed into the clause before

    def co_speakers(self, verb: Token, speaker: Span | None, mentions: Mentions) -> list[Span]:
        """The speakers listed with the verb's subject ("The government and Russia have said")."""
        subject = subject_of(verb, self.relative_pronouns)
        if speaker is None or subject is None:
            return []
        others = (mentions.actor(c, self.cues.document_nouns) for c in subject.children if c.dep_ == "conj")
        return [o for o in others if o is not None and o != speaker]


def subject_of(verb: Token, relative_pronouns: frozenset[str]) -> Token | None:
    """The verb's subject; of two the parse gave it, the nearer ("..., something X has rejected")."""
    for child in sorted(verb.children, key=lambda c: (c.dep_ not in ("nsubj", "csubj"), -c.i)):
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None
