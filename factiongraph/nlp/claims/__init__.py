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

The package by job: :mod:`~factiongraph.nlp.claims.cues` (the lexicon's cues: what starts a claim),
:mod:`~factiongraph.nlp.claims.speakers` (who says it), :mod:`~factiongraph.nlp.claims.content` (what is
said), :mod:`~factiongraph.nlp.claims.stance` (how firmly), and the registered component in
:mod:`~factiongraph.nlp.claims.component`.
"""

from factiongraph.nlp.claims.component import ABOUT_LABELS, ClaimFinder, FoundClaim, make_claims

__all__ = ["ABOUT_LABELS", "ClaimFinder", "FoundClaim", "make_claims"]
