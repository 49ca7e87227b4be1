"""``fg_decide``: one decision over every candidate relation, whichever construction found it.

The trigger rules, the verb frames and the structural constructions each propose
relations; this component weighs them (the construction's confidence, how direct
the parse path between the two mentions is), applies the guards that hold for any
construction (a negated, hedged or conditional clause says nothing happened; a
place does not fight; a sanction is not a battle; a relation told about a group's
unit is not about the group), merges duplicates, and keeps what reaches
``min_confidence``: the one setting that trades precision for recall.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.kb import load_kb
from factiongraph.lexicons import Constructions, Decisions, NounHeads, VerbRelations, lexicon_model
from factiongraph.nlp.plural import PairedReferences
from factiongraph.nlp.spans import (
    DATELINES_KEY,
    DESCRIPTIONS_KEY,
    NESTED_KEY,
    ClauseWords,
    FoundRelation,
    cut_off,
    group_of,
    mentions_of,
    span_keys,
)
from factiongraph.places import PlaceIndex
from factiongraph.vocab import ASSERTED, MEMBERSHIP, PLACED, PRESUPPOSED

_MODIFIER_DEPS = frozenset({"neg", "aux", "auxpass", "advmod", "mark", "acomp", "amod"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp", "conj"})
"""Links from a clause up to the clause it completes: "is likely to attack", "denied that it attacked"."""
_REQUESTER_DEPS = frozenset({"nsubj", "agent"})
"""How who asks hangs on a requesting verb: its subject, or "by" after a passive one ("troops ordered by X")."""


@Language.factory(
    "fg_decide",
    default_config={
        "decisions_path": None,
        "clauses_path": None,
        "heads_path": None,
        "kb_path": None,
        "min_confidence": 0.3,
    },
    requires=["doc._.fg_relations", "doc._.fg_claims", "doc.spans"],
    assigns=["doc._.fg_relations"],
)
def make_decide(
    nlp: Language,
    name: str,
    decisions_path: str | None,
    clauses_path: str | None,
    heads_path: str | None,
    kb_path: str | None,
    min_confidence: float,
) -> RelationDecider:
    decisions = lexicon_model(decisions_path, Decisions)
    kb = load_kb(Path(kb_path) if kb_path else None)
    return RelationDecider(
        decisions,
        lexicon_model(heads_path, NounHeads),
        civilian=frozenset(a.id for a in kb.actors if a.category in decisions.civilian_categories),
        states=frozenset(a.id for a in kb.actors if a.category == "state"),
        places=PlaceIndex.default(),
        clauses=ClauseWords.read(clauses_path),
        min_confidence=min_confidence,
        pairs=PairedReferences.read(),
        place_preps=lexicon_model(None, VerbRelations).places,
        composing=lexicon_model(None, Constructions).including,
        leading=lexicon_model(None, Constructions).accompaniment.leading,
        judging=lexicon_model(None, VerbRelations).judging_verbs,
        parts=frozenset(w for w, kind in lexicon_model(None, Constructions).copula_type.items() if kind == "BelongsTo"),
        role_preps=lexicon_model(None, Constructions).clause_links.role_preps,
        joining=lexicon_model(None, Constructions).accompaniment.joining,
    )


def dependency_path(a: Token, b: Token) -> list[Token] | None:
    """The tokens from ``a`` up to the lowest head both share and down to ``b``; None across sentences."""
    up_from_a = [a, *a.ancestors]
    position = {t.i: k for k, t in enumerate(up_from_a)}
    up_from_b = [b, *b.ancestors]
    for k, token in enumerate(up_from_b):
        if token.i in position:
            return up_from_a[: position[token.i] + 1] + list(reversed(up_from_b[:k]))
    return None


class RelationDecider:
    """Weighs, guards, merges and thresholds the document's candidate relations (see the module docstring)."""

    def __init__(
        self,
        decisions: Decisions,
        heads: NounHeads,
        *,
        civilian: frozenset[str],
        states: frozenset[str],
        places: PlaceIndex,
        clauses: ClauseWords,
        min_confidence: float,
        pairs: PairedReferences | None = None,
        place_preps: frozenset[str] = frozenset(),
        composing: frozenset[str] = frozenset(),
        leading: frozenset[str] = frozenset(),
        judging: frozenset[str] = frozenset(),
        parts: frozenset[str] = frozenset(),
        role_preps: frozenset[str] = frozenset(),
        joining: frozenset[str] = frozenset(),
    ) -> None:
        self.decisions = decisions
        self.titles = heads.person_command | heads.person_other
        self.place_nouns = heads.place
        self.civilian = civilian
        self.states = states
        self.places = places
        self.clauses = clauses
        self.min_confidence = min_confidence
        self.pairs = pairs
        self.place_preps = place_preps
        self.composing = composing
        self.judging = judging
        """Verbs that say what their object is ("considers X a terrorist group"): an attitude, not a doubt."""
        self.going_along = clauses.lexicon.owner_participles | leading
        """Participles whose agent is where the noun they describe is ("fighters led by X entered Z")."""
        self.leading = leading
        self.parts = parts
        self.role_preps = role_preps
        self.joining = joining
        """Verbs of joining, which say what their subject did at their object's side after "in" ("X joined Y in
        retaking Z"), where they make no member."""

    def __call__(self, doc: Doc) -> Doc:
        unasserted = [c.content for c in doc._.fg_claims or [] if c.stance != ASSERTED]
        in_a_place = {i for m in mentions_of(doc) if m.label_ == "Location" for i in range(m.start, m.end)}
        datelined = {i for opening in doc.spans.get(DATELINES_KEY, []) for i in range(opening.start, opening.end)}
        relations = [r for r in doc._.fg_relations or [] if not _misread_dateline(r, datelined)]
        candidates = [self._decide(r, unasserted, in_a_place) for r in relations]
        kept = _merged(self._with_the_attackers_place([r for r in candidates if r is not None]))
        kept = _role_read_from_the_title(self._told_about_a_unit(doc, kept))
        kept = self._for_each_of_two(doc, kept)
        kept = _merged(kept + self.pairs.echoed(doc, kept)) if self.pairs is not None else kept
        doc._.fg_relations = [r for r in kept if r.confidence >= self.min_confidence]
        return doc

    def _confidence(self, construction: str, hops: int | None) -> float:
        """How sure a construction is, less what an indirect parse path costs."""
        weights = self.decisions.constructions
        base = weights.get(construction, min(weights.values()))
        if construction in self.decisions.pathless:
            return base
        direct = self.decisions.direct_hops
        extra = max(0, (hops if hops is not None else direct + 3) - direct)
        return base * self.decisions.hop_factor**extra

    def _decide(self, relation: FoundRelation, unasserted: list[Span], in_a_place: set[int]) -> FoundRelation | None:
        """The relation weighed, retyped where a guard says so, or None where a guard drops it."""
        path = dependency_path(_first_conjunct(relation.source.root), _first_conjunct(relation.target.root))
        # what a noun phrase says is taken for granted however its clause is hedged: "analysts say HTS
        # leader al-Jolani may try ..." still makes al-Jolani HTS's leader
        whole = dependency_path(relation.source.root, relation.target.root)
        # and where a named place lies: "slipped into Iraq's Anbar province" however the estimate is hedged
        lasting = relation.type in PRESUPPOSED or _place_in_place(relation)
        presupposed = lasting and (_adjacent(relation) or (whole is not None and self._presupposed(whole)))
        background = path is not None and _set_off_relative_clause(path)
        if not (presupposed or background) and any(
            _inside(relation.source, c) and _inside(relation.target, c) for c in unasserted
        ):
            return None  # a claim's stance keeps it: "does not believe that X attacked Y"
        if path is not None and not presupposed and not self._asserted(path, relation.type):
            return None
        if (
            path is not None
            and not presupposed
            and not self.decisions.participle_readers & set(relation.construction.split("+"))
            and _leaves_a_relative_clause(
                path,
                self.going_along if relation.type == "CoLocated" else self.clauses.lexicon.owner_participles,
                self.clauses.lexicon.shares,
                self.clauses.lexicon.relative_pronouns,
            )
        ):
            return None  # "HTS, which drove out Zenki when ..., fought alongside the NFL": Zenki did not
        if relation.type == "InChargeOf" and self._leads_the_part(relation):
            return None  # "a unit of Y commanded by Z": Z commands the unit, not Y
        if relation.type == "BelongsTo" and path and self._joined_in_doing(path):
            return None  # "X joined Y in retaking Z": at Y's side, not in its ranks
        if relation.type in MEMBERSHIP and path and self._someone_elses_role(path):
            return None  # "X met the head of Y": the words between fit, the clause does not
        if relation.type == "CoLocated" and path is not None and self._asked_of_others(path):
            return None  # "we call on all parties to respect the ceasefire around Z": we are not in Z
        if relation.type in PLACED and _names_a_thing(relation.target, in_a_place, self.place_nouns):
            return None  # "the Sochi agreement", "Operation Euphrates Shield": a place's name, not a place
        if relation.type in self.decisions.agent_types and self._is_place(relation.source):
            return None  # "Raqqa freed from IS": a town neither fights nor holds
        if _pronoun(relation.source) and _pronoun(relation.target):
            return None  # "he urged them": no actor named at either end, nothing said of any
        if relation.type == "CoLocated" and relation.source.label_ == "Location" and self._is_country(relation.source):
            if self._is_country(relation.target):
                return None  # "the campaign in Iraq and Syria": a country as a place is never inside another
        if relation.type in self.decisions.side_types and self._is_place(relation.target):
            relation = replace(relation, type="CoLocated")  # "X shelled Z": X fought there, not the town
        group_leads_group = relation.source.label_ != "Person" and relation.target.label_ == "Organisation"
        if relation.type == "InChargeOf" and group_leads_group:
            relation = replace(relation, type="BelongsTo")  # a group that leads a coalition is in it
        if relation.type == "FightingAgainst" and self._is_hostility(relation, path):
            if relation.construction == "whole-fights":
                return None  # "the government is part of the coalition fighting Y": a body that does not fight
            relation = replace(relation, type="Dislikes")
        hops = len(path) - 1 if path is not None else None
        return replace(relation, confidence=self._confidence(relation.construction, hops))

    def _joined_in_doing(self, path: list[Token]) -> bool:
        """Whether a path runs through a verb of joining that says what was done after "in" ("joined Y in
        retaking Z")."""
        return any(
            t.lemma_.lower() in self.joining
            and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pcomp" for g in c.children) for c in t.children
            )
            for t in path
        )

    def _leads_the_part(self, relation: FoundRelation) -> bool:
        """Whether the target is the whole after "of" of a part that a leading participle describes, which the parser
        hangs on the whole ("X, a faction of Y commanded by Z"): fg_structure gives the part its leader."""
        whole, source = relation.target.root, relation.source
        return (
            whole.dep_ == "pobj"
            and whole.head.lower_ == "of"
            and whole.head.head.lemma_ in self.parts
            and any(
                c.dep_ == "acl" and c.lemma_ in self.leading and c.left_edge.i <= source.start < c.right_edge.i
                for c in whole.children
            )
        )

    def _for_each_of_two(self, doc: Doc, relations: list[FoundRelation]) -> list[FoundRelation]:
        """What is told of a phrase for two actors ("both sides", "they" after "X and Y") told of each, once
        the guards have read it where it stands; and what the two did together or to each other, where
        nothing on the way from them to the verb or event noun says it did not happen."""
        if self.pairs is None:
            return relations
        pairs = self.pairs.pairs(doc, relations)
        together = [
            replace(relation, confidence=self._confidence(relation.construction, None))
            for relation, end, verb in self.pairs.reciprocal(doc, pairs)
            if (path := dependency_path(end, verb)) is None or self._asserted(path, relation.type)
        ]
        if not pairs and not together:
            return relations
        return _merged(self.pairs.distributed(relations, pairs) + together)

    def _with_the_attackers_place(self, relations: list[FoundRelation]) -> list[FoundRelation]:
        """An attack on a place ("shelled Saraqib", "strikes on Kafr Nabl") also puts the attacker there,
        as an analyst's map does; the attack itself stays for those who count it. Not an attack on a
        state ("Hezbollah fired rockets at Israel")."""
        return relations + [
            replace(r, type="CoLocated") for r in relations if r.type == "FightingAgainst" and self._is_place(r.target)
        ]

    def _presupposed(self, path: list[Token]) -> bool:
        """Whether the path stays inside a noun phrase that no modal noun frames, up to the verb it
        hangs on ("HTS leader X", but not "the possibility of a rapprochement between X and Y"); a past
        participle that describes its noun is part of the phrase ("the SDF, a militia backed by Washington,
        does not represent ...": Washington backs it whatever the clause denies)."""
        if any(t.pos_ in ("VERB", "AUX") and not (t.dep_ == "acl" and t.tag_ == "VBN") for t in path):
            return False
        words = list(path)
        token = path[_top(path)]
        while token.head != token and token.head.pos_ not in ("VERB", "AUX"):
            token = token.head
            words.append(token)
        return not any(t.lemma_.lower() in self.decisions.unasserting for t in words)

    def _asserted(self, path: list[Token], relation_type: str) -> bool:
        """Whether nothing on the path, nor a clause it is the complement of, negates, hedges or
        conditions the relation ("did not attack", "is likely to attack", "threatened to attack").

        A named event ("airstrikes against X") is taken as having happened wherever it is told; an
        attitude's own verb ("rejected X", "considers X a terrorist group") is the attitude, not a doubt, as a
        judging verb in a relative clause is of the noun it describes ("Y, which considers X a terrorist group")."""
        top = path[_top(path)]
        chain = [t for t in path if t.pos_ in ("VERB", "AUX", "ADJ")]
        if top.pos_ == "NOUN":  # "the possibility of a rapprochement between X and Y"
            chain += _frames_of(top)
        if top.pos_ in ("VERB", "AUX", "ADJ"):
            clause = top
            while clause.dep_ in _COMPLEMENT_DEPS and clause.head != clause and not cut_off(clause):
                clause = clause.head
                chain.append(clause)
        for token in chain:
            own = token == top or (token.dep_ == "relcl" and token.head == top and token.lemma_.lower() in self.judging)
            attitude = own and relation_type in ("Likes", "Dislikes")
            if not self.clauses.asserted(token) or (
                token.lemma_.lower() in self.decisions.unasserting and not attitude
            ):
                return False
            if any(c.dep_ in _MODIFIER_DEPS and c.lemma_.lower() in self.decisions.unasserting for c in token.children):
                return False
        return True

    def _asked_of_others(self, path: list[Token]) -> bool:
        """Whether the path runs from whoever asks, the subject of a requesting verb, down into the clause it
        asks of others ("we call on the parties to respect ..."); or to a place the ones asked are sent
        against, not one they are in ("ordered his forces to move on Z"). The ones asked do it where the
        clause puts them ("ordered its troops to withdraw from Z": the troops were in Z)."""
        top = path[_top(path)]
        if top.lemma_.lower() not in self.clauses.lexicon.requesting_verbs | self.clauses.lexicon.sending_verbs:
            return False  # "deployed the militia to fight in Z": nor is who sends them
        below_top = [t for t in path if t.head == top and t != top]
        if not any(t.dep_ in ("xcomp", "ccomp", "advcl") for t in below_top):
            return False
        if any(t.dep_ in _REQUESTER_DEPS for t in below_top):
            return True
        return any(t.dep_ == "prep" and t.lower_ not in self.place_preps for t in (path[1], path[-2]))

    def _someone_elses_role(self, path: list[Token]) -> bool:
        """Whether the path runs through a title that a verb takes as its object: the role is that
        person's, not the subject's ("X met the head of Y"); not a verb that says what a body is made of ("a
        force consisting of fighters including Y"), nor a role the subject takes ("X served as a commander in Y")."""
        for token in path[1:-1]:
            if token.dep_ == "pobj" and token.head.lower_ in self.role_preps:
                continue
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if token.dep_ in ("dobj", "dative", "pobj") and token.lemma_.lower() in self.titles and verb in path:
                return verb.pos_ == "VERB" and verb.lemma_.lower() not in self.composing
        return False

    def _is_country(self, mention: Span) -> bool:
        """A state, or a place the index knows as a country."""
        if mention.id_ in self.states:
            return True
        place = self.places.get(mention.id_) if mention.label_ == "Location" else None
        return place is not None and place.precision == "country"

    def _is_place(self, mention: Span) -> bool:
        """A Location that is not a state: towns, regions, rivers."""
        if mention.label_ != "Location" or mention.id_ in self.states:
            return False
        place = self.places.get(mention.id_)
        return place is None or place.precision != "country"

    def _is_hostility(self, relation: FoundRelation, path: list[Token] | None) -> bool:
        """A sanction, arrest or accusation, or a civilian body on either end: hostility, not fighting."""
        ends = ((relation.source, path), (relation.target, path[::-1] if path is not None else None))
        for end, way in ends:
            civilian = end.id_ in self.civilian or (
                not end.id_ and end.root.lemma_.lower() in self.decisions.civilian_heads
            )
            if civilian and not self._armed(way):
                return True
        # "X blamed Y for the strike and responded with attacks on Z": a verb the path only passes for the subject
        # of the verb joined to it says nothing of what that verb does
        words = [t for i, t in enumerate(path) if not _passed_for_subject(path, i)] if path else list(relation.evidence)
        around = [c for t in words for c in t.children if c.dep_ in ("prep", "dobj", "pobj", "advcl", "xcomp")]
        return any(t.lemma_.lower() in self.decisions.not_fighting for t in [*words, *around])

    def _armed(self, way: list[Token] | None) -> bool:
        """Whether a body's end of the path goes through its armed men or arms before any verb ("forces of X",
        "fighters loyal to X", "X tanks"): it fights through them."""
        for token in (way or [])[1:4]:
            if token.pos_ in ("VERB", "AUX"):
                return False
            if token.lower_ in self.decisions.armed_heads:
                return True
        return False

    @staticmethod
    def _told_about_a_unit(doc: Doc, relations: list[FoundRelation]) -> list[FoundRelation]:
        """Drop a relation to a group named inside a description of one of its units when the same
        relation holds to the description: "a faction of the SNA commanded by X" says X commands the
        faction, not the SNA."""
        units = [d for d in group_of(doc, DESCRIPTIONS_KEY) if d.label_ == "Organisation"]
        nested = span_keys(group_of(doc, NESTED_KEY))
        said = {_key(r) for r in relations}

        def told_of_its_unit(relation: FoundRelation) -> bool:
            target = relation.target
            if (target.start, target.end) not in nested or target.label_ == "Person":
                return False  # a man's fighters are his, so what is said of them is said of him ("cheered X's men")
            return any(
                _inside(target, unit)
                and unit != target
                and not _inside(relation.source, unit)  # "a faction of the Turkish-backed SNA": the SNA's backer
                and _key(replace(relation, target=unit)) in said
                for unit in units
            )

        return [r for r in relations if not told_of_its_unit(r)]


_NOUN_PHRASE_LINKS = frozenset({"prep", "pobj", "compound", "appos", "conj", "cc", "attr", "nsubj"})


def _place_in_place(relation: FoundRelation) -> bool:
    """Whether the relation puts one place inside another: geography, which no clause around it makes happen."""
    return relation.type == "CoLocated" and relation.source.label_ == relation.target.label_ == "Location"


def _set_off_relative_clause(path: list[Token]) -> bool:
    """Whether the path runs from a noun down into a relative clause set off by a comma that describes it ("X,
    which holds Z, could join the fighting", "X, which has fought Y, was not involved"): the writer's own account
    of the noun, whatever the claim around it hedges or denies."""
    top = _top(path)
    if len(path) < 2 or top not in (0, len(path) - 1):
        return False
    clause = path[1] if top == 0 else path[-2]
    opening = clause.left_edge.i
    return clause.dep_ == "relcl" and clause.head == path[top] and opening > 0 and clause.doc[opening - 1].text == ","


def _adjacent(relation: FoundRelation) -> bool:
    """Whether nothing but punctuation separates the two mentions ("Colonel X", "X (Y)"): no clause lies
    between them, whatever the parse made of the sentence around."""
    first, second = sorted((relation.source, relation.target), key=lambda m: m.start)
    return all(t.is_punct or t.is_space for t in first.doc[first.end : second.start])


def _leaves_a_relative_clause(
    path: list[Token], owner_participles: frozenset[str], shares: frozenset[str], relative_pronouns: frozenset[str]
) -> bool:
    """Whether one end sits inside a relative or participle clause and the path goes on past the noun
    the clause describes: what the clause says is about that noun alone ("the alliance led by the YPG
    holds a third of Syria" does not say the YPG holds it); not a participle that names the noun's owner,
    who stands for it ("struck facilities used by X"), nor one that describes a share of the list before it
    ("A and B, all of them backed by Z"), nor a path into a second clause about the same noun ("the clashes
    that broke out between X and Y, and that continued in Z", the parser hanging the second on the sentence's
    verb)."""
    top = _top(path)
    for climb in (path[: top + 1], list(reversed(path[top:]))):
        for k, token in enumerate(climb[:-1]):
            describing = token.dep_ == "relcl" or (
                token.dep_ == "acl" and token.tag_ in ("VBN", "VBG") and token.lemma_.lower() not in owner_participles
            )
            if describing and climb[k + 1] == token.head and _a_share_of_them(token.head, shares):
                return False
            if describing and climb[k + 1] == token.head:
                # "the crossing with Turkey, which ...": a clause may hang on a noun of the phrase it describes
                # ... and "Mosul is the largest city controlled by Daesh" says it of the subject too, as
                # "X was formed by a group led by Y" does of X: the described noun is the agent of X's verb
                # (the other end itself is not past it: "Z, a village that X had captured" is about Z)
                rest = [t for t in climb[k + 2 :] if t.i not in (path[0].i, path[-1].i)]
                if any(t.dep_ == "agent" for t in rest):
                    return False
                if any(
                    t.dep_ == "conj" and any(c.dep_ == "nsubj" and c.lower_ in relative_pronouns for c in t.children)
                    for t in path
                ):
                    return False
                return any(t.dep_ not in _NOUN_PHRASE_LINKS and t.lemma_ != "be" for t in rest)
    return False


def _a_share_of_them(noun: Token, shares: frozenset[str]) -> bool:
    """ "all of them", "both of whom": a share that stands for the list before it."""
    return noun.lower_ in shares and any(
        p.lower_ == "of" and any(g.tag_ in ("PRP", "WP", "WDT") for g in p.children) for p in noun.children
    )


def _frames_of(noun: Token) -> list[Token]:
    """The nouns a named event hangs on through "of" ("the possibility of a merger"), two at most."""
    frames = []
    for _ in range(2):
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
            break
        noun = noun.head.head
        frames.append(noun)
    return frames


def _misread_dateline(relation: FoundRelation, datelined: set[int]) -> bool:
    """Whether a relation takes a dateline's place for an actor of the sentence ("AZAZ, Syria — Turkish
    troops entered ..." does not make Azaz enter anything); the dateline's own places may still hold
    each other, and its construction puts the actors there."""
    if relation.construction == "dateline":
        return False
    inside = [m.start in datelined for m in (relation.source, relation.target)]
    return any(inside) and not all(inside)


def _names_a_thing(place: Span, in_a_place: set[int], place_nouns: frozenset[str]) -> bool:
    """Whether a place's name only modifies a noun that is no place ("the Sochi agreement", but not
    "the Atma area" nor "al-Ghab Plain")."""
    last = place[-1]  # a modifier's last word hangs on the noun it modifies
    head = last.head
    return (
        place.label_ == "Location"
        and last.dep_ in ("compound", "amod", "nmod")
        and not place.start <= head.i < place.end
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in in_a_place
        and head.lemma_.lower() not in place_nouns
    )


def _top(path: list[Token]) -> int:
    """Where a dependency path stops climbing: the head both ends share."""
    k = 0
    while k + 1 < len(path) and path[k].head == path[k + 1] and path[k].head != path[k]:
        k += 1
    return k


def _first_conjunct(token: Token) -> Token:
    """The first item of the list a token is in: each item of "A, B and C" is as near as A."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


RelationKey = tuple[str, int, int, int, int]


def _role_read_from_the_title(relations: list[FoundRelation]) -> list[FoundRelation]:
    """Where the parse of a title makes a person a member ("X, the head of Y's media centre", "the deputy
    commander of Y") and only the words between make them Y's head, the title's reading stands."""
    members = {
        (r.source.start, r.target.start) for r in relations if r.type == "BelongsTo" and "title" in r.construction
    }
    # the title itself ("the head"), which the words between make the person's synonym, is the person too
    same = {(r.source.start, r.target.start) for r in relations if r.type == "IsSynonymOf"}
    same |= {(b, a) for a, b in same}

    def a_member(person: int, group: int) -> bool:
        return (person, group) in members or any((other, group) in members for one, other in same if one == person)

    return [
        r
        for r in relations
        if not (
            r.type == "InChargeOf"
            and a_member(r.source.start, r.target.start)
            and set(r.construction.split("+")) == {"trigger"}
        )
    ]


def _key(relation: FoundRelation) -> RelationKey:
    """A relation's type and the token extents of its two ends."""
    source, target = relation.source, relation.target
    return (relation.type, source.start, source.end, target.start, target.end)


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _merged(relations: list[FoundRelation]) -> list[FoundRelation]:
    """One relation per type and pair of mentions; several constructions agreeing make it surer."""
    by_key: dict[RelationKey, FoundRelation] = {}
    for relation in relations:
        key = _key(relation)
        known = by_key.get(key)
        if known is None:
            by_key[key] = relation
            continue
        constructions = "+".join(sorted({*known.construction.split("+"), relation.construction}))
        confidence = 1 - (1 - known.confidence) * (1 - relation.confidence)
        by_key[key] = replace(known, construction=constructions, confidence=confidence)
    return list(by_key.values())


def _pronoun(mention: Span) -> bool:
    return len(mention) == 1 and mention[0].tag_ in ("PRP", "PRP$")


def _passed_for_subject(path: list[Token], i: int) -> bool:
    """Whether the path's token ``i`` is a verb it passes only from its subject to a verb joined to it by "and"."""
    token = path[i]
    if token.pos_ != "VERB" or i in (0, len(path) - 1):
        return False
    return any(t.dep_ == "conj" and t.head == token for t in (path[i - 1], path[i + 1])) and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head == token for t in (path[i - 1], path[i + 1])
    )
