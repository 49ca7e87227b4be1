"""The registered component ``fg_claims``: for each sentence holding a cue word, its reporting verbs, source
phrases and modal frames, each with its speaker, content and stance, on ``doc._.fg_claims``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import ClaimCues, NounHeads, lexicon_model
from factiongraph.nlp.claims.content import Content, Contents, strip_edges
from factiongraph.nlp.claims.cues import MAX_CLIMB, Reporting, is_cue, reporting_stance, source_phrase
from factiongraph.nlp.claims.speakers import Mentions, Speakers, subject_of
from factiongraph.nlp.claims.stance import Stances
from factiongraph.nlp.spans import ClauseWords, dateline_of

ABOUT_LABELS = frozenset({"Person", "Organisation", "Location"})

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
    speak_for = frozenset(lexicon_model(heads_path, NounHeads).speak_for)
    return ClaimFinder(nlp, lexicon_model(cues_path, ClaimCues), ClauseWords.read(clauses_path), speak_for)


class ClaimFinder:
    """Claims in the sentences that hold a cue word (see :mod:`factiongraph.nlp.claims`)."""

    def __init__(
        self, nlp: Language, cues: ClaimCues, clauses: ClauseWords, speak_for: frozenset[str] = frozenset()
    ) -> None:
        self.cues = cues
        self.speak_for = speak_for
        self.relative_pronouns = clauses.lexicon.relative_pronouns
        self.speakers = Speakers(cues, clauses.lexicon.relative_pronouns)
        self.contents = Contents(cues, clauses.lexicon.relative_pronouns)
        self.stances = Stances(cues, clauses.lexicon.conditions, self.contents)
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
            mentions: Mentions | None = None
            last_end = -1
            for i in hits:
                token = doc[i]
                if i < last_end or not is_cue(token, self.cues):
                    continue  # its sentence is done, or it is "the Islamic State" rather than "stated"
                sentence = token.sent
                last_end = sentence.end
                if mentions is None:
                    mentions = Mentions(doc, self.cues, self.speak_for)
                found += self.sentence_claims(sentence, mentions)
        doc._.fg_claims = found
        return doc

    # --- per sentence ---------------------------------------------------------------------------------

    def sentence_claims(self, sentence: Span, mentions: Mentions) -> list[FoundClaim]:
        """Every claim of one sentence: reporting verbs first, then source phrases, then modal frames."""
        cues = self.cues
        opening = dateline_of(sentence)
        reporting: Reporting = {}
        sources: list[tuple[Token, Token, Token, Token]] = []
        frames: list[Token] = []
        for token in sentence:
            lower = token.lower_
            if token.pos_ in ("VERB", "AUX") and (found := reporting_stance(token, cues)) is not None:
                reporting[token.i] = found
            elif lower in cues.source_links:
                phrase = source_phrase(token, cues)
                if phrase is not None:
                    sources.append(phrase)
            elif (lower in cues.modal_adjective_stances and token.dep_ == "acomp") or (
                lower in cues.modal_noun_stances and token.dep_ == "attr"
            ):
                frames.append(token)
        speakers: dict[int, Span | None] = {}
        consumed: set[int] = set()
        claims: list[FoundClaim] = []
        sourced = {head.i: mentions.actor(source, cues.document_nouns) for _, _, source, head in sources}
        for i, (stance, particle) in reporting.items():
            verb = sentence.doc[i]
            speaker = self.speakers.speaker(verb, reporting, mentions)
            if speaker is not None and opening is not None and speaker.start < opening.end:
                speaker = mentions.first_actor_after(opening.end, verb.i)  # "GENEVA — The Envoy warned"
            if speaker is None and i in sourced and subject_of(verb, self.relative_pronouns) is None:
                speaker = sourced[i]  # "X is expected to ..., according to Y"
            speakers[i] = speaker
            said = self._reported(verb, stance, particle, speaker, reporting, consumed, sentence, mentions)
            claims += said
            # "Damascus and Moscow said ...": each says it
            for other in self.speakers.co_speakers(verb, speaker, mentions):
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

    def _reported(
        self,
        verb: Token,
        stance: str,
        particle: Token | None,
        speaker: Span | None,
        reporting: Reporting,
        consumed: set[int],
        sentence: Span,
        mentions: Mentions,
    ) -> list[FoundClaim]:
        """A reporting verb's claims: the stance from the verb, its negation, a modal object, or each clause."""
        cues = self.cues
        lemma = verb.lemma_.lower()
        cue: list[Token] = [verb] + ([particle] if particle is not None else [])
        negation = self.stances.negation(verb)
        if negation:
            if lemma in cues.negation_denies:
                stance = "denied"
            elif stance == "denied":
                stance = "possible"
            else:
                return []
            cue += negation + [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
        passive = [c for c in verb.children if c.dep_ == "auxpass"]
        content = self.contents.content(verb, particle, passive, sentence, reporting)
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
        for part in self.contents.conjuncts(content, reporting):
            part_stance, part_cue = stance, cue
            frame = self.stances.frame(part.head, reporting)
            if frame is not None:
                consumed.add(part.head.i)
                if stance == "asserted":
                    part_stance, part_cue = frame.stance or stance, list(frame.cue)
                part = Content(frame.start, frame.end, frame.head)
            elif stance == "asserted":
                inner = self.stances.inner_stance(part.head)
                if inner is not None:
                    part_stance, part_cue = inner
            claim = self._claim(speaker, part_stance, part, part_cue, sentence, mentions)
            if claim is not None:
                found.append(claim)
        return found

    def _sourced(
        self,
        token: Token,
        link: Token,
        head: Token,
        speaker: Span | None,
        sentence: Span,
        reporting: Reporting,
        consumed: set[int],
        mentions: Mentions,
    ) -> FoundClaim | None:
        """ "According to X, ...": X claims the clause the phrase attaches to, less the phrase."""
        doc = sentence.doc
        start, end = strip_edges(doc, head.left_edge.i, head.right_edge.i + 1, self.cues)
        phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
        if phrase_start <= start:
            start = phrase_end
            for child in head.children:  # "According to X, led by Y, the city ...": the aside is not the claim
                aside = child.dep_ in ("advcl", "acl") and child.right_edge.i < head.i
                if aside and strip_edges(doc, start, child.i + 1, self.cues)[0] == child.left_edge.i:
                    start = child.right_edge.i + 1
        elif phrase_end >= end:
            end = phrase_start
        content = self.contents.trimmed(start, end, head, reporting)
        if content is None:
            return None
        stance, cue = "asserted", [token, link]
        frame = self.stances.frame(head, reporting)
        if frame is not None:
            consumed.add(head.i)
            stance, cue, content = frame.stance or stance, list(frame.cue), Content(frame.start, frame.end, head)
        else:
            inner = self.stances.inner_stance(head)
            if inner is not None:
                stance, cue = inner
        return self._claim(speaker, stance, content, cue, sentence, mentions)

    def _framed(
        self,
        head: Token,
        sentence: Span,
        reporting: Reporting,
        speakers: dict[int, Span | None],
        consumed: set[int],
        mentions: Mentions,
    ) -> FoundClaim | None:
        """ "It is likely that ...": the claim of the reporting verb above the frame, else nobody's."""
        if head.i in consumed:
            return None
        frame = self.stances.frame(head, reporting)
        if frame is None:
            return None
        consumed.add(head.i)
        speaker = None
        for ancestor, _ in zip(head.ancestors, range(MAX_CLIMB * 2), strict=False):
            if ancestor.i in speakers:
                speaker = speakers[ancestor.i]
                break
        return self._claim(speaker, frame.stance or "asserted", frame, list(frame.cue), sentence, mentions)

    def _claim(
        self,
        speaker: Span | None,
        stance: str,
        content: Content,
        cue: list[Token],
        sentence: Span,
        mentions: Mentions,
    ) -> FoundClaim | None:
        if content.end <= content.start:
            return None
        doc = sentence.doc
        if speaker is not None and content.start < speaker.start < content.end <= speaker.end:
            # "A, the Observatory said" with the name parsed into A: the content stops before it
            _, cut = strip_edges(doc, content.start, min(speaker.start, speaker.root.left_edge.i), self.cues)
            content = Content(content.start, cut, content.head, content.stance, content.cue)
        cue_span = doc[min(t.i for t in cue) : max(t.i for t in cue) + 1]
        about = tuple(mentions.inside(content.start, content.end, ABOUT_LABELS))
        return FoundClaim(speaker, stance, doc[content.start : content.end], about, sentence, cue_span)
