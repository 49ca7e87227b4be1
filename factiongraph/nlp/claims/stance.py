"""How firmly it is said: the stance of an impersonal modal frame ("it is likely that X", "there is no
possibility of X"), of a reported clause itself ("said the regime may attack" is possible, "said there will be
no merger" denied), and the negation that turns a reporting verb's stance."""

from __future__ import annotations

from spacy.tokens import Token

from factiongraph.lexicons import ClaimCues
from factiongraph.nlp.claims.content import Content, Contents
from factiongraph.nlp.claims.cues import Reporting


class Stances:
    """The stances of a sentence's claims, where the cue alone does not give them."""

    def __init__(self, cues: ClaimCues, conditions: frozenset[str], contents: Contents) -> None:
        self.cues = cues
        self.conditions = conditions
        self.contents = contents

    def negation(self, verb: Token) -> list[Token]:
        """ "not", "n't", "never" before the verb ("he said: “Never.”" is not a negated "said")."""
        negators = self.cues.negators
        return [c for c in verb.children if c.lower_ in negators and (c.dep_ == "neg" or c.i < verb.i)]

    def frame(self, head: Token, reporting: Reporting) -> Content | None:
        """An impersonal modal frame headed by ``head``: "it is likely that X", "X is likely to",
        "there is a possibility of X"; the content is X (the whole clause for "X is likely to"),
        the stance the modal word's, denied when negated."""
        cues = self.cues
        if head.lemma_ != "be":
            return None
        children = list(head.children)
        negated = bool(self.negation(head))
        adjective = next((c for c in children if c.dep_ == "acomp" and c.lower_ in cues.modal_adjective_stances), None)
        if adjective is not None:
            stance = cues.modal_adjective_stances[adjective.lower_]
            if negated or self.negation(adjective):
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
            noun = next((c for c in children if c.dep_ == "attr" and c.lower_ in cues.modal_noun_stances), None)
            if noun is not None:
                content = self.contents.unwrap(noun, reporting)
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
        reporting: Reporting,
    ) -> Content | None:
        content = self.contents.trimmed(start, end, head, reporting)
        if content is not None:
            content.stance, content.cue = stance, cue
        return content

    def inner_stance(self, head: Token) -> tuple[str, list[Token]] | None:
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
        negated = bool(self.negation(head))
        for child in children:
            if child.dep_ == "advmod" and child.lower_ in cues.modal_adverb_stances:
                return cues.modal_adverb_stances[child.lower_], [child]
        for child in children:
            if (
                child.dep_ == "aux"
                and child.lower_ in cues.modal_auxiliary_stances
                and not (negated and child.lower_ == "could")
            ):
                return cues.modal_auxiliary_stances[child.lower_], [child]
        if negated:  # "said the group would not allow it"
            return "denied", self.negation(head)
        for child in children:  # "said it had played no part", "said no soldiers were hurt"
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
                no = [g for g in child.children if g.dep_ == "det" and g.lower_ in cues.existential_negators]
                if no:
                    return "denied", no
        for child in children:  # "said his forces would respond if Turkey attacked"
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self.conditions for g in child.children):
                return "possible", [g for g in child.children if g.dep_ == "mark"]
        return None
