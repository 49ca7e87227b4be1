"""What is said: the words a reporting verb, a source phrase or a modal noun reports, as a token range
trimmed of edge punctuation, a leading "that" and any later reporting clause of its own; found as the verb's
clause, its object, a quote beside it, or the clause a parenthetical "X said" interrupts."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import ClaimCues
from factiongraph.nlp.claims.cues import Reporting
from factiongraph.nlp.claims.speakers import subject_of
from factiongraph.nlp.spans import cut_off, dateline_of

_NESTED_CLAUSE_DEPS = frozenset({"advcl", "conj", "parataxis", "relcl"})
"""A reporting clause that closes another's content is a claim of its own: "said A, adding that B"."""


@dataclass
class Content:
    """A reported clause as a token range, its head, and any stance and cue words it brings with it."""

    start: int
    end: int
    head: Token
    stance: str | None = None
    cue: tuple[Token, ...] = ()


def strip_edges(doc: Doc, start: int, end: int, cues: ClaimCues) -> tuple[int, int]:
    """A range without edge punctuation, spaces and quotes, a leading word of ``cues.leading_words`` ("that"),
    or a trailing conjunction."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in cues.leading_words):
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


class Contents:
    """The content of a sentence's claims."""

    def __init__(self, cues: ClaimCues, relative_pronouns: frozenset[str]) -> None:
        self.cues = cues
        self.relative_pronouns = relative_pronouns

    def content(
        self,
        verb: Token,
        particle: Token | None,
        passive: list[Token],
        sentence: Span,
        reporting: Reporting,
    ) -> Content | None:
        """What the verb reports: its clause, else (for verbs that allow it) its object, else a quote."""
        cues = self.cues
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        clause = next((c for c in children if c.dep_ == "ccomp" and not cut_off(c)), None)
        if clause is not None:
            return self._beside(verb, self.trimmed(clause.left_edge.i, clause.right_edge.i + 1, clause, reporting))
        xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
        if passive and xcomp is not None:
            # "X is expected to withdraw", "X is believed to have fled": the whole clause
            return self.trimmed(verb.left_edge.i, xcomp.right_edge.i + 1, verb, reporting)
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
                unwrapped = self.unwrap(obj, reporting)
                if unwrapped is not None:
                    return unwrapped
                if lemma in cues.object_verbs:
                    return None
                end = obj.right_edge.i + 1
                for child in children:
                    if child.left_edge.i >= end and (
                        (child.dep_ == "prep" and child.lower_ in cues.object_preps)
                        or child.dep_ == "oprd"
                        or (child.dep_ == "advcl" and child.left_edge.lower_ == "as")
                    ):
                        end = child.right_edge.i + 1  # "accused Turkey of supporting", "described X as Y"
                return self._beside(verb, self.trimmed(obj.left_edge.i, end, obj, reporting))
            for child in children:
                if child.dep_ == "prep" and child.i > verb.i and child.lower_ in cues.object_preps:
                    pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:  # "warned of an offensive"
                        return self.unwrap(pobj, reporting) or self.trimmed(
                            pobj.left_edge.i, pobj.right_edge.i + 1, pobj, reporting
                        )
            if xcomp is not None:  # "claimed to have killed ..."
                return self._beside(verb, self.trimmed(xcomp.left_edge.i, xcomp.right_edge.i + 1, xcomp, reporting))
        if lemma in cues.object_verbs:
            return None
        return self._fallback(verb, sentence, reporting)

    def _beside(self, verb: Token, content: Content | None) -> Content | None:
        """Content without the verb that reports it, when a relative pronoun pulls the verb inside
        ("the camp, which aid groups say is overcrowded")."""
        if content is None or not content.start <= verb.i < content.end:
            return content
        start, end = (verb.i + 1, content.end) if content.head.i > verb.i else (content.start, verb.i)
        start, end = strip_edges(verb.doc, start, end, self.cues)
        return Content(start, end, content.head) if end > start else None

    def unwrap(self, noun: Token, reporting: Reporting) -> Content | None:
        """ "the possibility of X", "reports that X": the content is X, and a modal noun gives its stance."""
        cues = self.cues
        lower = noun.lower_
        if lower not in cues.modal_noun_stances and lower not in cues.claim_nouns:
            return None
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i:
                mark = next((g for g in child.children if g.lower_ == "that" and g.i < child.i), None)
                if mark is None:
                    continue
                content = self.trimmed(mark.i + 1, child.right_edge.i + 1, child, reporting)
                cue_words = (noun, mark)
                break
            if child.dep_ == "prep" and child.lower_ == "of" and lower in cues.modal_noun_stances:
                pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is None:
                    continue
                content = self.trimmed(child.i + 1, child.right_edge.i + 1, pobj, reporting)
                cue_words = (noun, child)
                break
        else:
            return None
        if content is None:
            return None
        if lower in cues.modal_noun_stances:
            content.stance = cues.modal_noun_stances[lower]
            if any(c.dep_ == "det" and c.lower_ in cues.existential_negators for c in noun.children):
                content.stance = "denied"  # "no possibility of"
            content.cue = cue_words
        return content

    def _fallback(self, verb: Token, sentence: Span, reporting: Reporting) -> Content | None:
        """Content the parse did not attach as a clause: a "that" clause, a quote beside the verb, or the clause
        a parenthetical "X said" interrupts."""
        doc = sentence.doc
        that = next((t for t in verb.subtree if t.i > verb.i and t.lower_ == "that"), None)
        if that is not None and that.i == verb.i + 1 and verb.right_edge.i > that.i:
            # "adding that the siege could last months", however the clause after it was parsed
            start, end = that.i + 1, verb.right_edge.i + 1
            return self.trimmed(start, end, _root(doc, start, end), reporting)
        if that is not None and that.head.pos_ in ("VERB", "AUX") and that.head.i > that.i:
            return self.trimmed(that.i + 1, that.head.right_edge.i + 1, that.head, reporting)
        quote = self._quote(verb, sentence)
        if quote is not None:
            start, end = quote
            return self.trimmed(start, end, _root(doc, start, end), reporting)
        if verb.dep_ == "relcl" and (comment := self._commented(verb, reporting)) is not None:
            return self.trimmed(*comment, reporting)
        if verb.dep_ == "parataxis":
            head = verb.head
            start, end = head.left_edge.i, head.right_edge.i + 1
            if verb.left_edge.i <= start:
                start = verb.right_edge.i + 1
            elif verb.right_edge.i + 1 >= end:
                end = verb.left_edge.i
            return self.trimmed(start, end, head, reporting)
        return self._leading(verb, sentence, reporting)

    def _leading(self, verb: Token, sentence: Span, reporting: Reporting) -> Content | None:
        """ "A, X said." parsed with A as some other clause of the verb: the words from the sentence's start
        to the comma before the speaker, when the verb and its speaker end the sentence."""
        subject = subject_of(verb, self.relative_pronouns)
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
        return self.trimmed(start, end, _root(sentence.doc, start, end), reporting)

    def _commented(self, verb: Token, reporting: Reporting) -> tuple[int, int, Token] | None:
        """What a reporting verb in a relative clause without an object of its own reports: the clause
        its noun comments on ("X is financed by Y, a claim Y has denied"), or what that clause reports in turn
        ("A accused B of X, a charge B denied" denies X, not that A accused), else that noun ("the
        charges the ministry denied")."""
        noun = verb.head
        if noun.dep_ in ("appos", "npadvmod") and noun.i > noun.head.i:
            clause = noun.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
                clause = clause.head
            if clause.i in reporting and clause.i + 1 < noun.left_edge.i:
                return clause.i + 1, noun.left_edge.i, _root(noun.doc, clause.i + 1, noun.left_edge.i)
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

    def trimmed(self, start: int, end: int, head: Token, reporting: Reporting) -> Content | None:
        """A content range without edge punctuation, "that", or a later reporting clause of its own
        ("said A, adding that B" reports A and B apart)."""
        doc = head.doc
        start, end = strip_edges(doc, start, end, self.cues)
        for i in sorted(reporting):
            if not max(start, head.i + 1) <= i < end:
                continue
            nested = doc[i]
            if nested.dep_ in _NESTED_CLAUSE_DEPS and nested.left_edge.i > head.i:
                if strip_edges(doc, start, nested.right_edge.i + 1, self.cues)[1] >= end:
                    start, end = strip_edges(doc, start, nested.left_edge.i, self.cues)
                break
        if end <= start:
            return None
        return Content(start, end, head)

    def conjuncts(self, content: Content, reporting: Reporting) -> list[Content]:
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
        start, end = strip_edges(doc, content.start, joined[0].left_edge.i, self.cues)
        if end > start:
            parts.append(Content(start, end, content.head))
        for conj in joined:
            start, end = strip_edges(doc, conj.left_edge.i, conj.right_edge.i + 1, self.cues)
            if end > start:
                parts.append(Content(start, end, conj))
        return parts
