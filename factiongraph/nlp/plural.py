"""References to two actors at once: "the two sides", "both groups", "the rivals", "each other", and "they"
after two actors named together.

A reader takes such a phrase for the pair last named as the two sides of something: the two ends of a
clash, of talks or of an alliance told before it, else two actors joined by "and". What is said of the
phrase holds for each of the two ("Egypt was in contact with both sides"), and what the phrase does as
a pair, or to "each other", joins the two ("the two sides agreed to a truce", "clashes between the two
sides", "X and Y accused each other"). The words are ``references.json``'s ``plural``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import Constructions, PluralReferences, References, VerbFrame, VerbRelations, lexicon_model
from factiongraph.nlp.spans import (
    DESCRIPTIONS_KEY,
    NESTED_KEY,
    FoundRelation,
    TokenColumns,
    group_of,
    mentions_of,
    span_keys,
)
from factiongraph.settings import setting
from factiongraph.vocab import AGENTS

PLURAL_KEY = "fg_plural"
"""The span group of the phrases that stand for two actors ("the two sides", "both groups")."""

_REFER_BACK_SENTENCES = setting("refer_back_sentences")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_REPORTED = frozenset({"ccomp", "xcomp", "advcl", "conj"})
_UNDER_THE_ROOT = frozenset({"ccomp", "advcl", "conj", "acl"})
"""The clauses under a sentence's root whose subject "they" may take up, where the root's names no actor (its
clause, where the parser takes a heading for the root: "Z: X and Y launched ...")."""
Pair = tuple[Span, Span]
Actors = tuple[Span, ...]


def plural_references(words: PluralReferences, doc: Doc, tokens: TokenColumns) -> list[Span]:
    """The phrases that count two actors ("both sides", "the two men", "the rivals"), typed by their head."""
    found = []
    for i, lower in enumerate(tokens.lower):
        if lower not in words.heads or tokens.tag[i] not in ("NNS", "NNPS"):
            continue
        children = [c for c in doc[i].children if c.i < i]
        before = {c.lower_: c for c in children}
        if any(c.dep_ in ("poss", "conj") for c in doc[i].children):
            continue  # "the army's two divisions", "both the army and the police"
        definite = "the" in before and before["the"].dep_ == "det"
        numbers = words.numbers | words.list_numbers.keys()
        counted = any(w in before for w in words.both) or (definite and any(w in before for w in numbers))
        if not (counted or (definite and lower in words.bare_heads and len(children) == 1)):
            continue
        found.append(Span(doc, min(c.i for c in children), i + 1, label=words.heads[lower][0]))
    return found


class PairedReferences:
    """Finds what each reference to two actors stands for, and what follows for the relations of the
    document (see the module docstring)."""

    def __init__(
        self,
        words: PluralReferences,
        verbs: dict[str, VerbFrame],
        joint_subjects: dict[str, str],
        nominals: dict[str, str],
    ) -> None:
        self.words = words
        self.verbs = verbs
        self.joint_subjects = joint_subjects
        self.nominals = nominals

    @classmethod
    def read(cls, references_path: str | None = None) -> PairedReferences:
        verbs = lexicon_model(None, VerbRelations)
        nominals = lexicon_model(None, Constructions).nominals
        return cls(
            lexicon_model(references_path, References).plural,
            verbs.verbs,
            verbs.joint_subjects,
            {word: kind for kind, words in nominals.items() for word in words},
        )

    def pairs(self, doc: Doc, relations: list[FoundRelation]) -> dict[tuple[int, int], Actors]:
        """Each reference to two actors, or to a counted list ("the three factions"), by its extent, with the
        actors it stands for."""
        references = list(doc.spans.get(PLURAL_KEY, []))
        pronouns = []
        for i in _where(doc, self.words.pronouns | self.words.pronoun_heads):
            phrase = doc[i : i + 1] if doc[i].lower_ in self.words.pronouns else _plain_plural(doc[i])
            if phrase is not None:
                pronouns.append(phrase)
        pronouns = [p for p in pronouns if p.root.dep_ in _SUBJECTS]
        if not references and not pronouns:
            return {}
        mentions = _actors(doc)
        at_token = _by_token(mentions)
        taken_up = {}
        for pronoun in pronouns:
            subject = _subject_they_take_up(pronoun, at_token)
            if subject is not None and any(t.dep_ == "conj" for t in subject.subtree):
                taken_up[(pronoun.start, pronoun.end)] = subject  # "X and Y": two, perhaps
        found: dict[tuple[int, int], Actors] = {}
        for key, subject in taken_up.items():
            mention = at_token.get(subject.i)
            pair = _coordinated(mention, at_token) if mention is not None else None
            if pair is not None:
                found[key] = pair
        if not references:
            return found
        keys = span_keys(mentions)
        told = [r for r in relations if r.type in self.words.pair_types and _two_actors(r.source, r.target, keys)]
        descriptions = span_keys(group_of(doc, DESCRIPTIONS_KEY))
        everyone = {i for m in mentions_of(doc) if m.label_ in AGENTS for i in range(m.start, m.end)}
        joined = [
            pair
            for m in mentions
            if (pair := _coordinated(m, at_token) or self._accompanied(m, at_token)) is not None
            and not any((n.start, n.end) in descriptions for n in pair)  # "NDF fighters and their families"
        ]
        # "X and Y surrounded Z's headquarters": one side, not the two sides of what follows
        apart = [pair for pair in joined if not _one_side(pair, everyone)]
        fought = [(r.source, r.target) for r in told if r.type == "FightingAgainst"]
        fought += [pair for pair in joined if _between(pair[0])]  # "clashes ... between X and Y"
        lists = [listed for m in mentions if len(listed := _listed(m, at_token)) > 2]
        for reference in references:
            types = self.words.heads.get(reference.root.lower_, (reference.label_,))
            count = next(
                (
                    self.words.list_numbers[c.lower_]
                    for c in reference.root.children
                    if c.lower_ in self.words.list_numbers
                ),
                0,
            )
            if count:
                listed = _last_list(reference, [actors for actors in lists if len(actors) == count], types)
                if listed is not None:
                    found[(reference.start, reference.end)] = listed
                continue
            if reference.root.lower_ in self.words.opposing_heads:
                pair = _last_pair(reference, [(r.source, r.target) for r in told if r.type != "AlliesOf"], apart, types)
            else:
                pair = _last_pair(reference, [(r.source, r.target) for r in told], joined, types)
            if pair is None:  # nothing named near: the two sides of the last fight told before, or named "between"
                pair = _last_pair(reference, fought, [], types, anywhere=True)
            if pair is not None:
                found[(reference.start, reference.end)] = pair
        return found

    def distributed(self, relations: list[FoundRelation], pairs: dict[tuple[int, int], Actors]) -> list[FoundRelation]:
        """Each relation told of a reference to two actors, told of each of the two instead; but not a role
        or a name, which is one actor's own ("the leader of both forces" reads a list the parse missed)."""
        result = []
        for relation in relations:
            if relation.type in self.words.own_types:
                result.append(relation)
                continue
            sources = pairs.get((relation.source.start, relation.source.end), (relation.source,))
            targets = pairs.get((relation.target.start, relation.target.end), (relation.target,))
            if len(sources) == 1 and len(targets) == 1:
                result.append(relation)
                continue
            result += [
                replace(relation, source=source, target=target)
                for source in sources
                for target in targets
                if source.start != target.start
            ]
        return result

    def echoed(self, doc: Doc, relations: list[FoundRelation]) -> list[FoundRelation]:
        """What "So did X" or "X did too" says: X does what the subject of the sentence before did ("A and its
        commander sided with B. So did X": X sided with B), each relation from that subject, or one listed or in
        apposition with it, told from X; but not a name or a role, which is that subject's own."""
        found = []
        for i in _where(doc, self.words.echo_openers | self.words.echo_closers):
            verb = doc[i].head
            sentence = verb.sent
            if doc[i].dep_ != "advmod" or verb != sentence.root or verb.lemma_.lower() not in self.words.echo_verbs:
                continue
            if sentence.start == 0 or (doc[i].lower_ in self.words.echo_openers) != (i == sentence.start):
                continue  # "so" opens the sentence, "too" closes it
            words = [t for t in verb.children if not t.is_punct and t.i != i]
            subject = next((t for t in words if t.dep_ == "nsubj"), None)
            echo = _by_token(_actors(doc)).get(subject.i) if subject is not None and len(words) == 1 else None
            if echo is None:
                continue
            before = doc[sentence.start - 1].sent.root
            told = [c for c in before.children if c.dep_ == "nsubj"]
            told += [t for c in told for t in c.conjuncts]
            told += [a for c in told for a in c.children if a.dep_ == "appos"]
            subjects = {t.i for t in told}
            found += [
                replace(relation, source=echo, evidence=sentence)
                for relation in relations
                if relation.source.root.i in subjects
                and relation.target.root.i not in subjects
                and relation.type not in self.words.own_types  # a name or a role is the subject's own
                and relation.evidence.start == before.sent.start
            ]
        return found

    def reciprocal(self, doc: Doc, pairs: dict[tuple[int, int], Actors]) -> list[tuple[FoundRelation, Token, Token]]:
        """Relations between the two of a pair that act together or on each other, each with the two tokens
        whose parse path must say it happened: "the two sides clashed" (the subject of a verb that two
        subjects do together), "clashes between the two sides", "X and Y accused each other"."""
        found = []
        at_token = _by_token(_actors(doc)) if pairs else {}
        for (start, end), actors in pairs.items():
            if len(actors) != 2:
                continue  # "the three factions clashed" says not who fought whom
            first, second = actors
            reference = doc[start:end]
            root = reference.root
            if root.dep_ in _SUBJECTS:
                kind = self._done_together(root.head, at_token)
                if kind is not None:
                    found.append((FoundRelation(kind, first, second, root.sent, "reciprocal"), root, root.head))
            elif root.dep_ == "pobj" and root.head.lower_ == "between":
                noun = root.head.head
                kind = self.nominals.get(noun.lower_) or self.nominals.get(noun.lemma_.lower())
                if kind is not None and kind != "Controls":
                    found.append((FoundRelation(kind, first, second, root.sent, "reciprocal"), root, noun))
        others = [i for i in _where(doc, frozenset(words[-1] for words in self.words.reciprocal_words)) if i > 0]
        if not others:
            return found  # no "each other" to read
        at_token = at_token or _by_token(_actors(doc))
        for token in (doc[i] for i in others):
            if (doc[token.i - 1].lower_, token.lower_) not in self.words.reciprocal_words:
                continue
            verb = token.head.head if token.dep_ == "pobj" else token.head
            frame = self.verbs.get(verb.lemma_.lower())
            if verb.pos_ != "VERB" or frame is None or not frame.type:
                continue
            kind = frame.type
            if token.dep_ == "pobj":
                if token.head.lower_ not in frame.preps:
                    continue
                kind = (frame.prep_types or {}).get(token.head.lower_, kind)  # "fought alongside each other"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            pair = self._pair_of_subject(subject, at_token, pairs) if subject is not None else None
            if pair is not None:
                found += [
                    (FoundRelation(kind, a, b, verb.sent, "reciprocal"), subject, verb) for a, b in (pair, pair[::-1])
                ]
        return found

    def _done_together(self, verb: Token, at_token: dict[int, Span]) -> str | None:
        """The relation two subjects of this verb have to each other ("clashed": fighting; "met", "agreed":
        talks), when the verb names no other side ("both groups were fighting HTS" is no fight between them)."""
        frame = self.verbs.get(verb.lemma_.lower())
        if verb.pos_ != "VERB" or frame is None or not frame.type:
            return None
        kind = self.joint_subjects.get(frame.type)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in frame.preps for g in c.children]
        if any(o.i in at_token for o in objects):
            return None
        return "FightingAgainst" if frame.type == "FightingAgainst" else kind

    def _accompanied(self, mention: Span, at_token: dict[int, Span]) -> Pair | None:
        """The two actors of "X was killed together with Y", "X, along with Y, led ...", when this mention is Y."""
        preposition = mention.root.head
        if mention.root.dep_ != "pobj" or preposition.lower_ != "with" or preposition.i == 0:
            return None
        if preposition.doc[preposition.i - 1].lower_ not in self.words.companions:
            return None
        companion = preposition.head if preposition.head.lower_ not in self.words.companions else preposition.head.head
        if companion.pos_ in ("VERB", "AUX"):
            companion = next((c for c in companion.children if c.dep_ in _SUBJECTS), companion)
        other = at_token.get(companion.i)
        if other is None or other.label_ != mention.label_ or other.text == mention.text:
            return None
        return other, mention

    @staticmethod
    def _pair_of_subject(
        subject: Token, at_token: dict[int, Span], pairs: dict[tuple[int, int], Actors]
    ) -> Pair | None:
        """The two actors a verb's subject names: "X and Y", or a reference to two."""
        for (start, end), actors in pairs.items():
            if start <= subject.i < end:
                return (actors[0], actors[1]) if len(actors) == 2 else None
        mention = at_token.get(subject.i)
        return _coordinated(mention, at_token) if mention is not None else None


def _where(doc: Doc, words: frozenset[str]) -> list[int]:
    """Where these lower-cased words stand, read from the document's columns: no token is built for the
    words that are not one of them."""
    hashes = {doc.vocab.strings[word] for word in words}
    return [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in hashes]


def _actors(doc: Doc) -> list[Span]:
    """The document's mentions of people and groups that are no part of a larger one, nor a reference to two."""
    nested = span_keys(group_of(doc, NESTED_KEY))
    plural = span_keys(list(doc.spans.get(PLURAL_KEY, [])))
    return [
        m
        for m in mentions_of(doc)
        if m.label_ in ("Organisation", "Person") and (m.start, m.end) not in nested | plural
    ]


def _two_actors(first: Span, second: Span, keys: set[tuple[int, int]]) -> bool:
    """Whether two mentions are two different actors, neither a reference to two nor a part of the other."""
    ends = ((first.start, first.end), (second.start, second.end))
    apart = first.end <= second.start or second.end <= first.start
    return apart and all(e in keys for e in ends) and first.text != second.text


def _by_token(mentions: list[Span]) -> dict[int, Span]:
    """The mention each word is part of (the longest, where two hold it)."""
    at_token: dict[int, Span] = {}
    for mention in sorted(mentions, key=len):
        for i in range(mention.start, mention.end):
            at_token[i] = mention
    return at_token


def _conjuncts(mention: Span, at_token: dict[int, Span]) -> list[Span | None]:
    """The mentions hung on this one by "and" (the parse may hang them on any word of its name)."""
    return [at_token.get(t.i) for word in mention for t in word.children if t.dep_ == "conj" and t.i >= mention.end]


def _between(mention: Span) -> bool:
    """Whether a mention is the first of the two sides named after "between"."""
    return mention.root.dep_ == "pobj" and mention.root.head.lower_ == "between"


def _one_side(pair: Pair, actors: set[int]) -> bool:
    """Whether "X and Y" is the subject of a verb done to a third actor: together they are one side ("X and
    Y surrounded Z's headquarters"), not two."""
    root = pair[0].root
    if root.dep_ not in _SUBJECTS:
        return False
    verb = root.head
    own = {i for mention in pair for i in range(mention.start, mention.end)}
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.i in actors and t.i not in own for o in objects for t in o.subtree)


def _coordinated(mention: Span, at_token: dict[int, Span]) -> Pair | None:
    """The two actors of "X and Y" when this mention is the first of exactly two."""
    conjuncts = _conjuncts(mention, at_token)
    if len(conjuncts) != 1 or conjuncts[0] is None or _conjuncts(conjuncts[0], at_token):
        return None
    other = conjuncts[0]
    if other.text == mention.text or other.label_ != mention.label_:
        return None
    return mention, other


def _listed(mention: Span, at_token: dict[int, Span]) -> Actors:
    """The actors of a list this mention opens ("X, Y and Z", the parse's way or with Y in apposition to X), of
    its own type, each once; the mention alone when it opens none, or is itself listed after another."""
    if mention.root.dep_ == "conj":
        return (mention,)
    listed = [mention]
    for current in listed:
        # "A, B and C" the parse may read as A with B in apposition, and C joined to B
        beside = [
            at_token.get(t.i) for word in current for t in word.children if t.dep_ == "appos" and t.i >= current.end
        ]
        beside = [b for b in beside if b is not None and _conjuncts(b, at_token)]
        for other in [*_conjuncts(current, at_token), *beside]:
            if other is None or other.label_ != mention.label_ or any(o.text == other.text for o in listed):
                return (mention,)
            listed.append(other)
    return tuple(listed)


def _last_list(reference: Span, lists: list[Actors], types: Collection[str]) -> Actors | None:
    """The list of actors of the types a reference takes named last before it, in its sentence or the
    ``refer_back_sentences`` before."""
    doc = reference.doc
    earliest = reference.sent.start
    for _ in range(_REFER_BACK_SENTENCES):
        if earliest == 0:
            break
        earliest = doc[earliest - 1].sent.start
    before = [
        actors
        for actors in lists
        if actors[0].start >= earliest
        and max(a.end for a in actors) <= reference.start
        and all(a.label_ in types for a in actors)
    ]
    return max(before, key=lambda actors: max(a.end for a in actors)) if before else None


def _last_pair(
    reference: Span, told: list[Pair], joined: list[Pair], types: Collection[str], *, anywhere: bool = False
) -> Pair | None:
    """The pair named last before a reference, of the types it takes: in the nearest sentence back that
    names one (within ``refer_back_sentences``, unless ``anywhere``), the two sides of a relation before two
    actors joined by "and"."""
    doc = reference.doc
    sentence = reference.sent
    earliest = sentence.start
    for _ in range(len(doc) if anywhere else _REFER_BACK_SENTENCES):
        if earliest == 0:
            break
        earliest = doc[earliest - 1].sent.start
    candidates = []
    for rank, pairs in enumerate((joined, told)):
        for first, second in pairs:
            last = max(first.end, second.end)
            if min(first.start, second.start) < earliest or last > reference.start:
                continue
            if first.label_ in types and second.label_ in types:
                candidates.append((doc[last - 1].sent.start, rank, last, first, second))
    if not candidates:
        return None
    *_, first, second = max(candidates, key=lambda c: c[:3])
    return first, second


def _plain_plural(head: Token) -> Span | None:
    """A plural head with "the" alone before it and nothing after ("the factions"), which takes up "X and Y" as
    "they" does."""
    children = list(head.children)
    if head.tag_ != "NNS" or len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ != "the":
        return None
    return head.doc[children[0].i : head.i + 1]


def _subject_they_take_up(pronoun: Span, at_token: dict[int, Span]) -> Token | None:
    """The subject "they" takes up, when it is a subject itself: that of the verb that reports its clause
    ("X and Y declared that they had driven ..."), else that of the sentence before ("X and Y clashed. They
    ..."); where that sentence's root has no subject that names an actor, the actors in apposition to it, or the
    one subject that does of a clause under it ("The offensive's first success came when X and Y took Z", "Z: X and
    Y launched ...")."""
    root = pronoun.root
    if root.dep_ not in _SUBJECTS:
        return None
    clause = root.head
    while clause.dep_ in _REPORTED and clause.head != clause:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
    sentence = pronoun.sent
    if sentence.start == 0 or clause != sentence.root:
        return None
    before = pronoun.doc[sentence.start - 1].sent.root
    subject = next((c for c in before.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.i in at_token:
        return subject
    beside = [c for c in subject.children if c.dep_ == "appos" and c.i in at_token] if subject is not None else []
    clauses = [c for c in before.children if c.dep_ in _UNDER_THE_ROOT]
    acting = [s for c in clauses for s in c.children if s.dep_ in _SUBJECTS and s.i in at_token]
    return beside[0] if beside else acting[0] if len(acting) == 1 else subject
