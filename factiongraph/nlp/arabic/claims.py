"""``fg_ar_claims``: claims in Arabic text, each with its speaker and stance, as ``fg_claims`` gives them
for English (:class:`~factiongraph.nlp.claims.FoundClaim`), from cues kept as data
(``data/lexicons/arabic_claims.json``).

* A reporting verb: the speaker is the actor just before it ("X قال"), else the one after it; after a
  title of a group the person named is the speaker ("قال قائد X، Y، إن"), else the group ("قال
  المتحدث باسم X"), and an unnamed source speaks for the group named after it ("مصادر في X") or
  keeps its own words ("مصادر محلية"). What is claimed follows "إن"/"أن"/":" or the speaker, to the
  end of the sentence; a quote before the verb ("«...»، قال X") is what is claimed.
* A source phrase ("بحسب X", "وفق X", "نقلاً عن X"): the rest of the sentence is X's claim.
* The stance: نفى denies, رجح makes it likely, a negated belief verb ("لا يعتقد أن") denies; an
  asserting cue takes the stance of what it reports: "من المرجح" likely, "قد", "ربما" possible, a
  claim opening with a negator ("أكد أنه لن ...") denied.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph import lexicons
from factiongraph.lexicons import lexicon_model
from factiongraph.nlp.arabic.reading import Phrase, Sentence, phrases, states, verb_phrases
from factiongraph.nlp.claims import FoundClaim
from factiongraph.settings import setting
from factiongraph.vocab import SPEAKERS

_SPEAKER_REACH = setting("arabic_speaker_reach")
"""Words (a title, "المتحدث باسم", a description) that may stand between a reporting verb and its speaker."""
_QUOTE_CLOSERS = frozenset({"»", "”", '"'})


def _opens_a_quote(words: Span) -> bool:
    """Whether a run of words opens a quote it does not close."""
    texts = [t.text for t in words]
    opened = texts.count("«") + texts.count("“") - texts.count("»") - texts.count("”")
    return opened > 0 or texts.count('"') % 2 == 1


class ArabicClaims:
    """Claims in each sentence of an Arabic doc (see the module docstring)."""

    def __init__(self, nlp: Language, cues: lexicons.ArabicClaims, states: frozenset[str]) -> None:
        self.states = states
        self.verbs: dict[Phrase, str] = {}
        for stance, entries in cues.verbs.items():
            for entry in entries:
                for keys in verb_phrases(nlp, entry):
                    self.verbs.setdefault(keys, stance)
        self.sources = phrases(nlp, cues.sources)
        self.beliefs = phrases(nlp, cues.belief_verbs)
        self.negators = phrases(nlp, cues.negators)
        self.modals = {keys: stance for stance, words in cues.modal_words.items() for keys in phrases(nlp, words)}
        self.openers = phrases(nlp, cues.content_openers)
        self.unnamed = phrases(nlp, cues.unnamed)
        self.speaks_for = phrases(nlp, cues.speaks_for)
        self.verb_keys = set(self.verbs)
        self.cue_keys = self.verb_keys | self.sources | self.beliefs
        self.longest = max(len(k) for k in [*self.cue_keys, *self.modals, *self.speaks_for])
        self.joiners = phrases(nlp, cues.list_joiners)
        self.links = {k for keys in phrases(nlp, cues.claim_links) for k in keys}
        self.contrasts = phrases(nlp, cues.contrast_links)

    def __call__(self, doc: Doc) -> Doc:
        found: list[FoundClaim] = []
        for number, span in enumerate(doc.sents):
            sentence = Sentence(span, self.joiners)
            skip_to = -1
            for token in sentence.words:
                if token < skip_to:
                    continue
                cue = sentence.matches_at(token, self.cue_keys, self.longest)
                if cue is None:
                    continue
                claim = self._claim(sentence, token, cue)
                if claim is None:
                    continue
                if claim.speaker is None and found and found[-1].speaker is not None and cue in self.verbs:
                    if found[-1].evidence.start >= _previous_start(doc, span, number):
                        claim = replace(claim, speaker=found[-1].speaker)  # "وقال إن ...": who spoke just before
                found.append(claim)
                skip_to = claim.content.end if claim.content.start > token else token + len(cue)
        doc._.fg_claims = found
        return doc

    def _next_cue(self, sentence: Sentence, after: int) -> int:
        """Where what is claimed stops: at a reporting verb joined by "و" or a comma ("إن ...، وأشار إلى
        أن ..."; "..., فيما قال X"), at a comma that opens a clause set against it ("...، بينما دعت Y"),
        else at the sentence's end."""
        for i in sentence.words:
            if i <= after:
                continue
            if sentence.doc[i - 1].text in "،," and sentence.matches_at(i, self.contrasts, 2) is not None:
                return i - 1
            if sentence.matches_at(i, self.verb_keys, self.longest) is None:
                continue
            before = sentence.doc[i - 1]
            if before.text in "،," or before.norm_ in self.links:
                return i - 1 if before.norm_ in self.links else i
        return sentence.span.end

    def _claim(self, sentence: Sentence, token: int, cue: Phrase) -> FoundClaim | None:
        doc = sentence.doc
        cue_end = sentence.word_after(token, len(cue) - 1)
        cue_end = (cue_end if cue_end is not None else token) + 1
        if cue in self.sources:
            speaker_span, after = self._source_speaker(sentence, cue_end)
            if token > sentence.span.start + 1:  # "...، بحسب X": what came before is the claim
                start, end = self._content(sentence, sentence.span.start, token)
            else:
                start, end = self._content(sentence, after, sentence.span.end)
            stance = self._stance(sentence, start, end, "asserted")
            return self._found(sentence, speaker_span, stance, start, end, token, cue_end)
        if cue in self.beliefs:
            if not self._negated(sentence, token):
                return None
            speaker = sentence.previous_mention(token, 2) or sentence.next_mention(cue_end, 2)
            start, end = self._content(sentence, cue_end, sentence.span.end)
            return self._found(sentence, speaker, "denied", start, end, token, cue_end)
        stance = self.verbs[cue]
        speaker = sentence.previous_mention(token, 1)
        if speaker is not None and (
            not self._speaks(speaker) or any(t.text in "،,:" for t in doc[speaker.end : token])
        ):
            speaker = None
        content_from = cue_end
        if speaker is None:
            speaker, content_from = self._speaker_after(sentence, cue_end)
        quote = self._quote_before(sentence, token)
        if quote is not None:
            start, end = quote
        else:
            start, end = self._content(sentence, content_from, self._next_cue(sentence, content_from))
        if end <= start:
            return None
        if stance == "asserted":
            stance = self._stance(sentence, start, end, stance)
        return self._found(sentence, speaker, stance, start, end, token, cue_end)

    def _speaks(self, mention: Span) -> bool:
        """A person, a group, or a state (a place the knowledge base knows as one: "نفت تركيا")."""
        return mention.label_ in SPEAKERS or mention.id_ in self.states

    def _negated(self, sentence: Sentence, token: int) -> bool:
        before = sentence.keys(max(sentence.span.start, token - 2), token)
        return any((k,) in self.negators for k in before)

    def _speaker_after(self, sentence: Sentence, after: int) -> tuple[Span | None, int]:
        """The speaker after a reporting verb, and where what is claimed may start."""
        opener = next(
            (i for i in sentence.words if i >= after and sentence.matches_at(i, self.openers, 1)), sentence.span.end
        )
        named = [m for m in sentence.mentions if after <= m.start and m.end <= opener and self._speaks(m)]
        named = [m for m in named if len(sentence.keys(after, m.start)) <= _SPEAKER_REACH]
        people = [m for m in named if m.label_ == "Person"]
        if people:
            return people[0], max(opener, people[0].end) if opener < sentence.span.end else people[0].end
        if named:
            return named[0], opener if opener < sentence.span.end else named[0].end
        unnamed = self._unnamed(sentence, after, opener)
        if unnamed is not None:
            return unnamed, opener if opener < sentence.span.end else unnamed.end
        return None, opener if opener < sentence.span.end else after

    def _unnamed(self, sentence: Sentence, after: int, limit: int) -> Span | None:
        """A source not named ("مصادر محلية", "مصدر عسكري"): its words up to what is claimed, at most four."""
        first = sentence.word_after(after - 1)
        if first is None or not sentence.matches_at(first, self.unnamed, 1):
            return None
        words = [i for i in sentence.words if first <= i < limit][:4]
        return sentence.doc[first : words[-1] + 1]

    def _source_speaker(self, sentence: Sentence, after: int) -> tuple[Span | None, int]:
        """Who a source phrase names ("بحسب X", "وفق مصادر محلية"), and where its words end."""
        mention = sentence.next_mention(after, 3)
        if mention is not None and self._speaks(mention):
            comma = next((t.i for t in sentence.doc[mention.end : sentence.span.end] if t.text in "،,"), None)
            return mention, (comma + 1 if comma is not None else mention.end)
        comma = next((t.i for t in sentence.doc[after : sentence.span.end] if t.text in "،,"), None)
        unnamed = self._unnamed(sentence, after, comma if comma is not None else sentence.span.end)
        return unnamed, (comma + 1 if comma is not None else after)

    def _content(self, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
        """What is claimed: from after an opener ("إن", "أن", ":") or ``start``, to the sentence's end,
        without the closing full stop."""
        word = sentence.word_after(start - 1)
        while word is not None and (sentence.key(word) in ("و", "ف") or sentence.matches_at(word, self.openers, 1)):
            start = word + 1
            word = sentence.word_after(word)
        doc, last = sentence.doc, end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end < last and doc[end].text in _QUOTE_CLOSERS and _opens_a_quote(doc[start:end]):
            end += 1  # 'قال إن الهجوم «محاولة للاستفراد».': the quote the claim opens closes in it
        return start, end

    def _quote_before(self, sentence: Sentence, token: int) -> tuple[int, int] | None:
        """A quote that ends just before the reporting verb ("«...»، قال X")."""
        doc = sentence.doc
        close = next(
            (i for i in range(token - 1, max(sentence.span.start, token - 3) - 1, -1) if doc[i].text in _QUOTE_CLOSERS),
            None,
        )
        if close is None:
            return None
        opening = next((i for i in range(close - 1, sentence.span.start - 1, -1) if doc[i].text in '«“"'), None)
        return (opening + 1, close) if opening is not None else None

    def _stance(self, sentence: Sentence, start: int, end: int, stance: str) -> str:
        """An asserting cue takes the stance its content carries: a modal word, or a negator opening it."""
        words = [i for i in sentence.words if start <= i < end]
        for i in words:
            modal = sentence.matches_at(i, set(self.modals), 2)
            if modal is not None:
                return self.modals[modal]
        opening = [sentence.key(i) for i in words[:3]]
        if any((k,) in self.negators for k in opening):
            return "denied"
        return stance

    def _found(
        self,
        sentence: Sentence,
        speaker: Span | None,
        stance: str,
        start: int,
        end: int,
        cue_start: int,
        cue_end: int,
    ) -> FoundClaim | None:
        if end <= start:
            return None
        doc = sentence.doc
        about = tuple(m for m in sentence.mentions if start <= m.start and m.end <= end)
        return FoundClaim(speaker, stance, doc[start:end], about, sentence.span, doc[cue_start:cue_end])


@Language.factory(
    "fg_ar_claims",
    default_config={"cues_path": None, "kb_path": None},
    requires=["doc.spans", "doc.sents"],
    assigns=["doc._.fg_claims"],
)
def make_arabic_claims(nlp: Language, name: str, cues_path: str | None, kb_path: str | None) -> ArabicClaims:
    return ArabicClaims(nlp, lexicon_model(cues_path, lexicons.ArabicClaims), states(kb_path))


def _previous_start(doc: Doc, sentence: Span, number: int) -> int:
    """Where the sentence before ``sentence`` starts (its own start for the first)."""
    if number == 0:
        return sentence.start
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return previous.start
