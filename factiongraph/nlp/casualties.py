"""Casualty counts (issue 11): how many people one sentence says were killed, and how many injured.

:func:`read_casualties` reads a parsed English sentence from the word that says people died or were
hurt to the number of those it is said of, over one arc of the dependency parse:

- a verb counts its object, or its subject when passive: "killing 12 civilians", "killed at least 4
  members", "three fighters were killed", "three of them were killed"; "died" and "lost their lives"
  count their subject, "claimed the lives of 12" what follows "of";
- a participle or an adjective counts the number right before it, else what it is said of: "five
  dead", "12 civilians killed", "leaving three fighters dead", "three were shot dead";
- a noun counts its number or what follows its "of": "14 deaths", "the deaths of 11 fighters";
- a toll counts its "of" or the number a verb brings it to: "a death toll of 7", "the death toll rose
  to 7", "the number of dead stands at 30".

Numbers are digits or words ("twenty-three", "a dozen", "two hundred and fifty", "2.5 million");
"dozens", "hundreds" are lower bounds at 12 and 100, the smallest they are taken for; "at least",
"more than" make a lower bound, "about", "some" an approximation (:attr:`CasualtyCount.bound`). "No
one was killed" counts zero. Only the people a word is said of are counted, so years, dates, ages,
times, distances and things are not ("a 12-year-old was killed in 2017", "shelling hit 12 villages,
killing two": 2, "three days of fighting killed 12": 12). Coordinated counts add up ("three fighters
from A and two from B were killed": 5); a number counts once, and the counts of unrelated words are
not added. A negated or hedged word counts nothing ("were not killed", "threatened to kill 100"), nor
does a count shared with a word that has none of its own ("12 were killed or wounded").

The parse is trusted except where it is known to go wrong: a participle reads the number right before
it before its arcs ("five dead and at least 20 injured", where the parse hangs "injured" on "five"), and
a past tense with neither object nor auxiliary is read as a headline's participle ("2 soldiers killed").

Arabic has no parse (:mod:`factiongraph.nlp.arabic`): a death or injury word counts the number after
it, past "إلى" and a quantifier ("مقتل ثلاثة عناصر", "مقتل ما لا يقل عن سبعة", "حصيلة القتلى إلى 25"), a
plural of the dead or injured also the number right before it ("4 قتلى").

The words are in ``casualties.json``. Read them once with :meth:`CasualtyWords.read` and give them to
:func:`read_casualties` with each sentence; the reading looks at that sentence only. A count is the
sentence's: whether it is of the event a caller found there is the caller's to judge, by its cue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from factiongraph import lexicons
from factiongraph.keys import name_key
from factiongraph.lexicons import lexicon_model

Kind = Literal["killed", "injured"]
Bound = Literal["exact", "at least", "about"]
Role = Literal["verb", "subject", "adjective", "noun", "lost", "taken"]
"""Where a casualty word finds its count: object or passive subject, subject, what it is said of, its
number or "of", the subject of "lost their lives", the "of" of "claimed the lives"."""

_OWN = frozenset({"nsubj", "nsubjpass", "dobj"})
"""Where a word has a count of its own: a coordinated word without one shares its partner's."""
_PREDICATED = frozenset({"oprd", "acomp", "xcomp", "ccomp", "advmod"})
"""An adjective said of its verb's object or subject: "left three dead", "were shot dead"."""
_NUMBERING = frozenset({"nummod", "compound", "amod", "quantmod"})
"""How a number hangs on the noun it counts: mostly "nummod", "a dozen" at times "compound"."""
_RELATIVE = frozenset({"WDT", "WP"})
_NOT_COUNTS = frozenset({"TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
"""What a number the model names so is not a count of; a bare "DATE" may be one ("the toll is now 40")."""
_DATES = frozenset({"DATE", "TIME"})
"""What a noun and its number are not when the model names them so: "two days", "21 May"."""
_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class CasualtyCount:
    """A number of people killed or injured, with the words it was read from."""

    kind: Kind
    number: int
    bound: Bound
    """"exact"; "at least" for a lower bound ("at least 4", "more than 12", "dozens"); "about" ("some 30")."""
    spans: tuple[Span, ...]
    """The words of each number read, quantifier included ("at least 4"): one span, unless coordinated
    counts were added up ("three fighters from A and two from B")."""
    cue: Span
    """The words that say the people died or were hurt ("killed", "toll", "lost their lives")."""

    @property
    def span(self) -> Span:
        """From the first number read to the last: the count's provenance as one span."""
        return self.cue.doc[self.spans[0].start : self.spans[-1].end]


@dataclass(frozen=True)
class Casualties:
    """What one sentence says of the dead and the injured.

    ``killed`` and ``injured`` are the counts said by the word highest in the parse, the first on a tie
    (in Arabic, the first): "the blast killed 3, two days after a bombing killed 12" killed 3. ``counts``
    holds every count read, in the order of their words."""

    killed: CasualtyCount | None = None
    injured: CasualtyCount | None = None
    counts: tuple[CasualtyCount, ...] = ()


def _bounds(
    at_least: Iterable[str], about: Iterable[str], key: Callable[[str], str] = str.lower
) -> tuple[tuple[tuple[str, ...], Bound], ...]:
    """The quantifier phrases as word keys, longest first so that "more than" wins over "over"."""
    phrases: list[tuple[tuple[str, ...], Bound]] = [(tuple(map(key, p.split())), "at least") for p in at_least]
    phrases += [(tuple(map(key, p.split())), "about") for p in about]
    return tuple(sorted(phrases, key=lambda p: -len(p[0])))


@dataclass(frozen=True)
class ArabicCasualtyWords:
    """The ``arabic`` words of ``casualties.json``, keyed as the Arabic tokenizer keys its tokens."""

    cues: dict[str, Kind]
    proclitics: tuple[str, ...]
    counted: frozenset[str]
    numbers: dict[str, int]
    teens: frozenset[str]
    plurals: dict[str, int]
    bounds: tuple[tuple[tuple[str, ...], Bound], ...]
    bounds_after: tuple[tuple[tuple[str, ...], Bound], ...]
    fillers: frozenset[str]
    tolls: frozenset[str]
    toll_reach: int
    not_people: frozenset[str]

    @classmethod
    def from_lexicon(cls, words: lexicons.CasualtyWords) -> ArabicCasualtyWords:
        """The lookups of the lexicon's ``arabic`` words, taken from its validated model."""

        def keys(listed: Iterable[str]) -> frozenset[str]:
            return frozenset(name_key(w) for w in listed)

        raw = words.arabic
        return cls(
            cues={**dict.fromkeys(keys(raw.killed), "killed"), **dict.fromkeys(keys(raw.injured), "injured")},
            proclitics=tuple(sorted(raw.proclitics, key=len, reverse=True)),
            counted=keys(raw.counted),
            numbers={name_key(w): n for w, n in raw.numbers.items()},
            teens=keys(raw.teens),
            plurals={name_key(w): n for w, n in raw.plurals.items()},
            bounds=_bounds(raw.at_least, raw.about, name_key),
            bounds_after=_bounds(raw.at_least_after, [], name_key),
            fillers=keys(raw.fillers),
            tolls=keys(raw.tolls),
            toll_reach=raw.toll_reach,
            not_people=keys(raw.not_people),
        )

    def cue(self, key: str) -> tuple[Kind, str] | None:
        """The kind of a casualty word, and its key without the proclitic the tokenizer may have left on it
        ("وأصيب", "بمقتل")."""
        if (kind := self.cues.get(key)) is not None:
            return kind, key
        for proclitic in self.proclitics:
            if key.startswith(proclitic) and (kind := self.cues.get(key[len(proclitic) :])) is not None:
                return kind, key[len(proclitic) :]
        return None


class CasualtyWords:
    """The words of ``casualties.json``: read once, then given to :func:`read_casualties` for every sentence.
    The English words are the lexicon's model as it is; the Arabic ones are keyed as the tokenizer keys words."""

    def __init__(self, lexicon: lexicons.CasualtyWords) -> None:
        self.lexicon = lexicon
        self.outcomes: dict[Kind, lexicons.Outcome] = {"killed": lexicon.killed, "injured": lexicon.injured}
        self.bounds = _bounds(lexicon.at_least, lexicon.about)
        self.arabic = ArabicCasualtyWords.from_lexicon(lexicon)

    @classmethod
    def read(cls, path: str | None = None) -> CasualtyWords:
        """From the user's file at ``path``, else the package's."""
        return cls(lexicon_model(path, lexicons.CasualtyWords))

    @property
    def cue_words(self) -> frozenset[str]:
        """Every English word a cue can be (by lemma or lower-case form): a sentence with none counts nobody."""
        outcome_words = {
            w for o in self.outcomes.values() for w in (*o.verbs, *o.subject_verbs, *o.adjectives, *o.nouns)
        }
        return frozenset(outcome_words | self.lexicon.lives.lost | self.lexicon.lives.taken | self.lexicon.tolls.nouns)

    def cue(self, token: Token) -> tuple[Kind, Role] | None:
        """Whether a word says that people died or were hurt, and where it finds their count."""
        lemma, tag = token.lemma_.lower(), token.tag_
        verb = tag.startswith("VB")
        for kind, words in self.outcomes.items():
            if verb and lemma in words.verbs:
                return kind, "verb"
            if verb and lemma in words.subject_verbs:
                return kind, "subject"
            if token.lower_ in words.adjectives:
                return kind, "adjective"
            if tag.startswith("NN") and lemma in words.nouns:
                return kind, "noun"
        if (
            verb
            and (lemma in self.lexicon.lives.lost or lemma in self.lexicon.lives.taken)
            and _life(token, self.lexicon.lives.nouns)
        ):
            return "killed", "lost" if lemma in self.lexicon.lives.lost else "taken"
        return None

    def is_number(self, token: Token) -> bool:
        lower = token.lower_
        if lower in self.lexicon.numbers or lower in self.lexicon.multipliers or lower in self.lexicon.plurals:
            return True
        return token.tag_ == "CD" and _digits(lower) is not None


def _life(token: Token, nouns: frozenset[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)


def _digits(text: str) -> float | None:
    """A number written in digits ("12", "1,200", "2.5"), else None."""
    bare = text.replace(",", "")
    if bare.isdecimal():
        return int(bare)
    whole, dot, decimals = bare.partition(".")
    return float(bare) if dot and whole.isdecimal() and decimals.isdecimal() else None


def read_casualties(sentence: Span, words: CasualtyWords) -> Casualties:
    """The people one sentence says were killed and injured, each count with the words it was read from.

    English is read over the sentence's dependency parse, Arabic (a document whose ``lang`` is "ar")
    over its words; see the module's docstring for the phrasings each reads."""
    if sentence.doc.lang_ == "ar":
        counts = _ArabicReading(sentence, words.arabic).counts()
    else:
        counts = _EnglishReading(sentence, words).counts()
    return Casualties(killed=_main(counts, "killed"), injured=_main(counts, "injured"), counts=tuple(counts))


def _main(counts: list[CasualtyCount], kind: Kind) -> CasualtyCount | None:
    """The count said by the word highest in the parse: the sentence's own, not a clause's about another event."""
    found = [c for c in counts if c.kind == kind]
    return min(found, key=lambda c: (sum(1 for _ in c.cue.root.ancestors), c.cue.start)) if found else None


class _EnglishReading:
    """The counts of one parsed English sentence."""

    def __init__(self, sentence: Span, words: CasualtyWords) -> None:
        self.sentence = sentence
        self.doc = sentence.doc
        self.words = words
        self.used: set[int] = set()
        """The tokens of the numbers already read: a number counts once."""

    def counts(self) -> list[CasualtyCount]:
        cues = [(token, found) for token in self.sentence if (found := self.words.cue(token))]
        counts = []
        for token, (kind, role) in cues:
            if not self._asserted(token) or self._shared(token, kind) or self._read_by_its_word(token, role):
                continue
            count = self._count(kind, self._cue_span(token, role), self._victims(token, role))
            if count is not None:
                counts.append(count)
        return counts

    def _in_sentence(self, token: Token) -> bool:
        return self.sentence.start <= token.i < self.sentence.end

    def _asserted(self, token: Token) -> bool:
        """Neither negated nor hedged ("were not killed", "could kill", "threatened to kill"), nor is the
        verb an adjective is said with ("were not found dead")."""
        for word in (token, token.head) if token.dep_ in _PREDICATED else (token,):
            auxiliaries = [c for c in word.children if c.dep_ in ("aux", "auxpass", "neg")]
            if any(c.dep_ == "neg" or c.lower_ in self.words.lexicon.hedges for c in auxiliaries):
                return False
            if any(c.lower_ == "to" for c in auxiliaries) and not any(c.lemma_ == "have" for c in auxiliaries):
                return False
        return True

    def _shared(self, token: Token, kind: Kind) -> bool:
        """Whether the word's count is also that of a coordinated word without one of its own: of a word
        of the other kind ("killed or wounded", "killed and wounded 12") or any joined by "or" ("killed or
        captured"): such a count is of both together."""
        for other in token.conjuncts:
            if not other.tag_.startswith(("VB", "JJ")) or any(c.dep_ in _OWN for c in other.children):
                continue
            if self._number_before(other) is not None:  # "2 soldiers killed, at least 3 wounded"
                continue
            found = self.words.cue(other)
            if found is not None and found[0] != kind:
                return True
            if found is None and any(c.dep_ == "cc" and c.lower_ == "or" for c in (*token.children, *other.children)):
                return True
        return False

    def _read_by_its_word(self, token: Token, role: Role) -> bool:
        """A toll qualified by a casualty word is read by that word ("injury toll" is of the injured)."""
        return (
            role == "noun"
            and token.lemma_.lower() in self.words.lexicon.tolls.nouns
            and any(self.words.cue(c) is not None for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
        )

    def _cue_span(self, token: Token, role: Role) -> Span:
        """The cue with the words that make it one: "lost their lives", "death toll"."""
        if role in ("lost", "taken") and (life := _life(token, self.words.lexicon.lives.nouns)) is not None:
            return self.doc[token.i : life.i + 1]
        if token.dep_ == "compound" and token.head.lemma_.lower() in self.words.lexicon.tolls.nouns:
            return self.doc[token.i : token.head.i + 1]
        return self.doc[token.i : token.i + 1]

    def _victims(self, token: Token, role: Role) -> list[Token]:
        """The words that hold the count: a number itself, or a noun with its number."""
        children = list(token.children)
        found: list[Token]
        if role == "verb":
            found = [c for c in children if c.dep_ == "dobj"] or [c for c in children if c.dep_ == "nsubjpass"]
            if not found and token.tag_ in ("VBN", "VBD") and not any(c.dep_ == "aux" for c in children):
                found = self._said_of(token, children)  # a participle, or a headline's "2 soldiers killed"
        elif role in ("subject", "lost"):
            found = [c for c in children if c.dep_ == "nsubj"]
        elif role == "taken":
            life = _life(token, self.words.lexicon.lives.nouns)
            found = _pobjs(life, "of") if life is not None else []
        elif role == "adjective":
            found = self._said_of(token, children)
        else:
            found = self._of_noun(token, children)
        if token.dep_ == "relcl":  # "the 12 people who died"
            found = [token.head if f.tag_ in _RELATIVE else f for f in found]
        return [f for f in found if self._in_sentence(f)]

    def _said_of(self, token: Token, children: list[Token]) -> list[Token]:
        """What a participle or adjective is said of: the number right before it first, as the parse may
        hang it elsewhere ("five dead and 20 injured"), then its subject or number, the noun it describes,
        the object or subject of the verb it is said with, or the toll of "the number of dead"."""
        before = self._number_before(token)
        if before is not None:
            return [before]
        found = [c for c in children if c.dep_ in ("nsubj", "nsubjpass", "nummod")]
        if found:
            return found
        if (toll := self._toll_above(token.head if token.dep_ == "acl" else token)) is not None:
            return self._toll(toll)
        if token.dep_ in ("amod", "acl"):
            return [token.head]
        if token.dep_ in _PREDICATED:
            verb = list(token.head.children)
            for dep in ("dobj", "nsubjpass", "nsubj"):
                if found := [c for c in verb if c.dep_ == dep]:
                    return found
        return []

    def _number_before(self, token: Token) -> Token | None:
        """The number, or numbered noun, right before a word: "20 injured", "three fighters dead"."""
        if token.i - 1 < self.sentence.start:
            return None
        before = self.doc[token.i - 1]
        if self.words.is_number(before):
            return before
        if before.tag_.startswith("NN") and self._numbered(before) is not None:
            return before
        return None

    def _of_noun(self, token: Token, children: list[Token]) -> list[Token]:
        """What a casualty noun counts: "no deaths", "14 deaths", "the deaths of 11 fighters", "a toll of 7",
        "the death toll rose to 7"."""
        toll = token.lemma_.lower() in self.words.lexicon.tolls.nouns
        if not toll and any(c.dep_ == "det" and c.lower_ in self.words.lexicon.none for c in children):
            return [token]  # "no deaths", but not "no toll" (none was reported)
        if token.dep_ == "compound" and token.head.lemma_.lower() in self.words.lexicon.tolls.nouns:
            return self._toll(token.head)
        numbered = [c for c in children if c.dep_ in _NUMBERING and self.words.is_number(c)]
        return numbered or _pobjs(token, "of") or self._toll(token)

    def _toll_above(self, token: Token) -> Token | None:
        """The count noun a word is the "of" of: "the number of dead"."""
        preposition = token.head
        if (
            token.dep_ == "pobj"
            and preposition.lower_ == "of"
            and preposition.head.lemma_.lower() in self.words.lexicon.tolls.nouns
        ):
            return preposition.head
        return None

    def _toll(self, noun: Token) -> list[Token]:
        """The number of a toll: its "of" ("a toll of 7"), or what its verb brings it to ("rose to 7", "rose
        from 5 to 7", "stands at 15", "is 40", "reached 30")."""
        if found := [o for o in _pobjs(noun, "of") if self.words.is_number(o)]:
            return found
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.lemma_.lower() not in self.words.lexicon.tolls.verbs:
            return []
        found = [c for c in verb.children if c.dep_ in ("attr", "dobj") and c is not noun and self.words.is_number(c)]
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [p for prep in preps for p in prep.children if p.dep_ == "prep"]
        found += [
            o for p in preps if p.lower_ in self.words.lexicon.tolls.preps for o in p.children if o.dep_ == "pobj"
        ]
        return [f for f in found if self.words.is_number(f)][:1]

    def _count(self, kind: Kind, cue: Span, victims: list[Token]) -> CasualtyCount | None:
        """The count the victims hold, coordinated ones added up ("12 civilians and 3 fighters")."""
        items = list(dict.fromkeys(item for victim in victims for item in (victim, *self._coordinated(victim))))
        parts, missing = [], False
        for item in sorted(items, key=lambda t: t.i):
            part = self._part(item)
            if part is not None:
                parts.append(part)
            elif item.lemma_.lower() not in self.words.lexicon.not_people:
                missing = True
        if not parts:
            return None
        bounds = {bound for _, bound, _ in parts}
        bound: Bound = "about" if "about" in bounds else "at least" if missing or "at least" in bounds else "exact"
        number = sum(n for n, _, _ in parts)
        return CasualtyCount(kind, number, bound, tuple(span for _, _, span in parts), cue)

    def _coordinated(self, victim: Token) -> list[Token]:
        """The words coordinated with a victim that hold no count of their own: not "30" in "left 9 people
        dead and 30 wounded", which "wounded" counts."""
        return [
            other
            for other in victim.conjuncts
            if self._in_sentence(other)
            and self.words.cue(other) is None
            and not any(self.words.cue(c) for c in other.children)
            and not (other.i + 1 < self.sentence.end and self.words.cue(self.doc[other.i + 1]))
        ]

    def _numbered(self, noun: Token) -> Token | None:
        """The number a noun of people is counted with ("12 civilians"), not one of a thing ("12 villages")."""
        if noun.lemma_.lower() in self.words.lexicon.not_people or noun.ent_type_ in _DATES:
            return None
        return next(
            (
                c
                for c in noun.children
                if c.dep_ in _NUMBERING and c.ent_type_ not in _DATES and self.words.is_number(c)
            ),
            None,
        )

    def _part(self, victim: Token) -> tuple[int, Bound, Span] | None:
        """One number: of a victim that is a number ("killing two") or is counted by one ("two women"), or
        zero for "no one", "nobody", "no civilians"."""
        no = next((c for c in victim.children if c.dep_ == "det" and c.lower_ in self.words.lexicon.none), None)
        if no is not None or victim.lower_ in self.words.lexicon.none:
            start = no.i if no is not None else victim.i
            return 0, "exact", self.doc[start : victim.i + 1]
        head = victim if self.words.is_number(victim) else self._numbered(victim)
        if head is None:
            return self._one(victim)
        if head.i in self.used or head.ent_type_ in _NOT_COUNTS:
            return None
        start, end = self._extent(head)
        value = self._value(self.doc[start:end])
        if value is None or not value.is_integer():
            return None
        if head is victim and end - start == 1 and head.text.isdecimal() and len(head.text) == 4 and value in _YEARS:
            return None  # a bare year ("killed in 2015" read as "killed 2015")
        self.used.update(range(start, end))
        opening, bound = self._bound(start)
        if bound is None:
            bound = "at least" if any(t.lower_ in self.words.lexicon.plurals for t in self.doc[start:end]) else "exact"
        return int(value), bound, self.doc[opening:end]

    def _one(self, victim: Token) -> tuple[int, Bound, Span] | None:
        """One victim named in the singular ("killing a YPG member", "a council member was killed") or by
        name ("killed Abu Hatem"); not a thing ("destroyed a tank" is no death: not a word of death)."""
        if victim.ent_type_ == "PERSON":
            return 1, "exact", self.doc[victim.i : victim.i + 1]
        determiner = next(
            (c for c in victim.children if c.dep_ in ("det", "nummod") and c.lower_ in self.words.lexicon.one), None
        )
        if victim.tag_ != "NN" or determiner is None or victim.lemma_.lower() in self.words.lexicon.not_people:
            return None
        if determiner.i in self.used:
            return None
        self.used.add(determiner.i)
        return 1, "exact", self.doc[determiner.i : victim.i + 1]

    def _extent(self, head: Token) -> tuple[int, int]:
        """Where the number a word heads starts and ends: "twenty-three", "a dozen", "two hundred and fifty"."""
        doc, first, last = self.doc, self.sentence.start, self.sentence.end
        start, end = head.i, head.i + 1
        while True:
            if start - 1 >= first and self._adjoin(doc[start - 1], doc[start]):
                start -= 1
            elif start - 2 >= first and self._link(doc[start - 2], doc[start - 1], doc[start]):
                start -= 2
            else:
                break
        if (
            start - 1 >= first
            and doc[start - 1].lower_ in self.words.lexicon.articles
            and doc[start].lower_ in self.words.lexicon.multipliers
        ):
            start -= 1
        while True:
            if end < last and self._adjoin(doc[end - 1], doc[end]):
                end += 1
            elif end + 1 < last and self._link(doc[end - 1], doc[end], doc[end + 1]):
                end += 2
            else:
                break
        return start, end

    def _adjoin(self, left: Token, right: Token) -> bool:
        """Two words of one number: "two hundred", "2.5 million", "twenty three"."""
        numbers = self.words.lexicon.numbers
        if right.lower_ in self.words.lexicon.multipliers:
            return left.lower_ in numbers or _digits(left.lower_) is not None
        return numbers.get(left.lower_, 0) >= 20 and numbers.get(right.lower_, 10) < 10

    def _link(self, left: Token, middle: Token, right: Token) -> bool:
        """Words of one number joined by a hyphen or "and": "twenty-three", "two hundred and fifty"."""
        numbers = self.words.lexicon.numbers
        if middle.lower_ == "-":
            return numbers.get(left.lower_, 0) >= 20 and numbers.get(right.lower_, 10) < 10
        return (
            middle.lower_ == "and"
            and self.words.lexicon.multipliers.get(left.lower_, 0) >= 100
            and (right.lower_ in numbers or _digits(right.lower_) is not None)
        )

    def _value(self, tokens: Span) -> float | None:
        total = current = 0.0
        for token in tokens:
            word = token.lower_
            if word in ("-", "and"):
                continue
            if word in self.words.lexicon.articles:
                current = 1
            elif word in self.words.lexicon.numbers:
                current += self.words.lexicon.numbers[word]
            elif word in self.words.lexicon.multipliers or word in self.words.lexicon.plurals:
                factor = self.words.lexicon.multipliers.get(word) or self.words.lexicon.plurals[word]
                if factor >= 1000:
                    total, current = total + (current or 1) * factor, 0
                else:
                    current = (current or 1) * factor
            elif (digits := _digits(word)) is not None:
                current += digits
            else:
                return None
        return total + current

    def _bound(self, start: int) -> tuple[int, Bound | None]:
        """The quantifier right before a number, and where it starts: "at least 4", "some 30"."""
        for phrase, bound in self.words.bounds:
            opening = start - len(phrase)
            if opening >= self.sentence.start and tuple(t.lower_ for t in self.doc[opening:start]) == phrase:
                return opening, bound
        return start, None


def _pobjs(token: Token, preposition: str) -> list[Token]:
    """The objects of a word's preposition: "the deaths of 11 fighters"."""
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == preposition
        for o in p.children
        if o.dep_ == "pobj"
    ]


class _ArabicReading:
    """The counts of one Arabic sentence, read over its words' keys (punctuation left out)."""

    def __init__(self, sentence: Span, words: ArabicCasualtyWords) -> None:
        self.doc = sentence.doc
        self.words = words
        self.tokens = [t.i for t in sentence if not (t.is_space or t.is_punct)]
        self.keys = [self.doc[i].norm_ for i in self.tokens]
        self.cues = [words.cue(key) for key in self.keys]
        self.used: set[int] = set()

    def counts(self) -> list[CasualtyCount]:
        counts = []
        for at, cue in enumerate(self.cues):
            if cue is None or self._shared(at, cue[0]):
                continue
            kind, key = cue
            found = self._before(at) if key in self.words.counted else None
            found = found or self._after(at + 1) or self._toll(at)
            if found is None:
                continue
            opening, start, end, value, bound = found
            self.used.update(range(start, end))
            span = self.doc[self.tokens[opening] : self.tokens[end - 1] + 1]
            cue = self.doc[self.tokens[at] : self.tokens[at] + 1]
            counts.append(CasualtyCount(kind, value, bound, (span,), cue))
        return counts

    def _shared(self, at: int, kind: Kind) -> bool:
        """A word joined by و to a word of the other kind shares its count: "مقتل وإصابة 12 شخصا"."""
        keys, cues = self.keys, self.cues

        def other(i: int) -> bool:
            return 0 <= i < len(keys) and (found := cues[i]) is not None and found[0] != kind

        following = at + 2 if at + 1 < len(keys) and keys[at + 1] == "و" else at + 1
        preceding = at - 2 if at >= 1 and keys[at - 1] == "و" else at - 1
        return (other(following) and self._joined(following)) or (self._joined(at) and other(preceding))

    def _joined(self, at: int) -> bool:
        """Whether a word opens with و, split off by the tokenizer or not."""
        found = self.cues[at]
        if at >= 1 and self.keys[at - 1] == "و":
            return True
        return found is not None and found[1] != self.keys[at] and self.keys[at].startswith("و")

    def _after(self, at: int) -> tuple[int, int, int, int, Bound] | None:
        """The number after a casualty word, past "إلى" and a quantifier: "مقتل ما لا يقل عن سبعة"; not one
        that و joins to it, which is another's ("4 قتلى و10 جرحى")."""
        while at < len(self.keys) and self.keys[at] in self.words.fillers:
            at += 1
        opening, bound = at, None
        for phrase, said in self.words.bounds:
            if tuple(self.keys[at : at + len(phrase)]) == phrase:
                at, bound = at + len(phrase), said
                break
        if at < len(self.keys) and _without_conjunction(self.keys[at], self.words.numbers) != self.keys[at]:
            return None
        return self._number(opening, at, bound)

    def _toll(self, at: int) -> tuple[int, int, int, int, Bound] | None:
        """The number a toll of the dead or injured reaches, a few words on: "حصيلة القتلى في المدينة إلى 31"."""
        if at == 0 or self.keys[at - 1] not in self.words.tolls:
            return None
        reach = self.keys[at + 1 : at + 1 + self.words.toll_reach]
        filler = next((n for n, key in enumerate(reach) if key in self.words.fillers), None)
        return None if filler is None else self._after(at + 1 + filler)

    def _before(self, at: int) -> tuple[int, int, int, int, Bound] | None:
        """The number right before a plural of the dead or injured: "4 قتلى", "سبعة قتلى"."""
        for start in range(at - 1, max(at - 4, -1), -1):
            found = self._number(start, start, None)
            if found is not None and found[2] == at:
                opening, bound = start, None
                for phrase, said in self.words.bounds:
                    if start >= len(phrase) and tuple(self.keys[start - len(phrase) : start]) == phrase:
                        opening, bound = start - len(phrase), said
                        break
                return opening, start, at, found[3], bound or found[4]
        return None

    def _number(self, opening: int, at: int, bound: Bound | None) -> tuple[int, int, int, int, Bound] | None:
        """The number starting at word ``at`` with its quantifier from ``opening``: digits, a number word,
        a unit and عشر ("ثلاثة عشر"), a unit, و and a tens word ("ثلاثة وعشرون"), a plural ("عشرات")."""
        keys, numbers = self.keys, self.words.numbers
        if at >= len(keys) or at in self.used:
            return None
        word = _without_conjunction(keys[at], numbers)
        end, plural = at + 1, False
        if word.isdecimal():
            value = int(word)
            if len(word) == 4 and value in _YEARS:
                return None
        elif word in self.words.plurals:
            value, plural = self.words.plurals[word], True
        elif word in numbers:
            value = numbers[word]
            following = keys[end] if end < len(keys) else ""
            tens = numbers.get(_without_conjunction(following, numbers), 0)
            if value < 10 and following in self.words.teens:
                value, end = value + 10, end + 1
            elif value < 10 and following == "و" and end + 1 < len(keys) and 20 <= numbers.get(keys[end + 1], 0) < 100:
                value, end = value + numbers[keys[end + 1]], end + 2
            elif value < 10 and following.startswith("و") and 20 <= tens < 100:
                value, end = value + tens, end + 1
        else:
            return None
        if end < len(keys) and keys[end] in self.words.not_people:
            return None
        return opening, at, end, value, bound or self._bound_after(end) or ("at least" if plural else "exact")

    def _bound_after(self, end: int) -> Bound | None:
        """A quantifier after the number, or after the noun it counts: "٣٢ شخصاً على الأقل"."""
        for phrase, said in self.words.bounds_after:
            for start in (end, end + 1):
                if tuple(self.keys[start : start + len(phrase)]) == phrase:
                    return said
        return None


def _without_conjunction(key: str, numbers: dict[str, int]) -> str:
    """A number with the conjunction و or ف the tokenizer left on it: "و10", "وعشرون"."""
    rest = key[1:]
    if key[:1] in ("و", "ف") and (rest.isdecimal() or rest in numbers):
        return rest
    return key
