"""``fg_frames``: relations read from the dependency parse, who did what to whom across a clause.

A verb from the verb lexicon with an actor as its (logical) subject and an actor
as its object gives a relation of the verb's type: "The UK condemns ISIL",
"Deputy Secretary Blinken will meet with senior officials", "Mosul was taken by
ISIL". A subject is looked for on the verb, then up the chain of verbs it depends
on ("We remain committed to working with X"); objects include their conjuncts
("support the government and people of Iraq"). An actor with a preposition of
place before a Location was there ("met ... in Canberra": CoLocated).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph.lexicons import Constructions, VerbFrame, VerbRelations, lexicon_model
from factiongraph.nlp.spans import (
    DESCRIPTIONS_KEY,
    NESTED_KEY,
    STATES_KEY,
    ClauseWords,
    FoundEvent,
    FoundRelation,
    coordinated_modifiers,
    group_of,
    mentions_of,
    mentions_per_token,
    past_dateline,
    span_keys,
    tokens_of_pos,
)
from factiongraph.settings import setting
from factiongraph.vocab import AGENTS, ATTITUDES, MET_THERE

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "dative", "attr", "oprd"}
_CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "pcomp", "conj", "acomp", "relcl", "acl", "prep", "pobj", "dobj"}
"""Links up which a verb without a subject finds the subject it shares ("We remain committed to
working with X"; "reaffirms its commitment to support X")."""
_MAX_CLIMB = int(setting("clause_climb"))
_PLACE_DEPTH = setting("place_depth")
"""How many unnamed places deep a named one is looked for ("positions along the front line near Z")."""
_FRAMED = frozenset({"VERB", "AUX", "ADJ"})
"""The parts of speech a frame's word has."""


def _apposed(first: Span, second: Span) -> bool:
    """Whether one mention stands in apposition to the other ("the Sudanese Armed Forces (SAF)"): one actor."""
    return (first.root.dep_ == "appos" and first.root.head == second.root) or (
        second.root.dep_ == "appos" and second.root.head == first.root
    )


def _coordinated(mentions: list[Span]) -> bool:
    """Whether the mentions are one coordination ("X and Y", "X (XA) and Y"), however the parser hung them, and
    not a description with the names it gives ("militias such as X")."""
    heads = sorted((m for m in mentions if m.root.dep_ != "appos"), key=lambda m: m.start)
    if len(heads) < 2:
        return False
    doc = heads[0].doc
    return all(
        any(t.lower_ in ("and", "or") for t in doc[first.end : second.start])
        and not any(t.lower_ == "such" for t in doc[first.end : second.start])
        for first, second in zip(heads, heads[1:], strict=False)
    )


def _owned_by_an_actor(prep: Token, mention_at: dict[int, Span]) -> bool:
    """Whether the phrase a preposition heads is another actor's own ("after the Hamza Division's withdrawal to
    Raqqa", "as Assad flees to Moscow"): where it goes is that actor's place, not the clause's subject's."""
    return any(
        owner.dep_ in ("poss", "compound") and owner.i in mention_at and mention_at[owner.i].label_ in AGENTS
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.i not in mention_at
        for owner in noun.children
    )


def _names_alike(token: Token, mention_at: dict[int, Span], label: str = "Location") -> bool:
    """Whether a token heads a name of this type (not a description such as "a town in Daraa")."""
    mention = mention_at.get(token.i)
    return mention is not None and mention.label_ == label and mention[0].lower_ not in ("a", "an", "the")


@Language.factory(
    "fg_frames",
    default_config={"verbs_path": None, "clauses_path": None},
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["doc._.fg_relations", "doc._.fg_events"],
)
def make_frames(nlp: Language, name: str, verbs_path: str | None, clauses_path: str | None) -> FrameFinder:
    return FrameFinder(
        lexicon_model(verbs_path, VerbRelations), lexicon_model(None, Constructions), ClauseWords.read(clauses_path)
    )


class FrameFinder:
    """Subject-verb-object relations between mentions (see the module docstring)."""

    def __init__(self, lexicon: VerbRelations, constructions: Constructions, clauses: ClauseWords) -> None:
        self.lexicon = lexicon
        self.constructions = constructions
        self.clauses = clauses
        self.bodies = constructions.body_nouns | constructions.arms_nouns

    def __call__(self, doc: Doc) -> Doc:
        # each span group read once: spaCy builds every span of a group anew on every walk over it
        all_descriptions = list(group_of(doc, DESCRIPTIONS_KEY))
        nested_spans = list(group_of(doc, NESTED_KEY))
        self._description_heads: dict[int, set[str]] = {}
        for description in all_descriptions:
            self._description_heads.setdefault(description.root.i, set()).add(description.label_)
        nested = span_keys(nested_spans)
        descriptions = span_keys(all_descriptions)
        # a place described by the places it names ("the towns of X and Y"), not by a company's ("the X gas field")
        places_inside = [n for n in nested_spans if n.label_ == "Location"]
        named_inside = {
            (d.start, d.end)
            for d in all_descriptions
            if any(d.start <= n.start and n.end <= d.end for n in places_inside)
        }
        mention_at: dict[int, Span] = {}
        named: set[int] = set()  # every word that names an actor or a place, nested or not
        for mention in mentions_of(doc):
            key = (mention.start, mention.end)
            if mention.label_ in AGENTS or mention.label_ == "Location":
                named.update(range(mention.start, mention.end))
            if mention.label_ == "Location" and key in descriptions and (mention.start, mention.end) in named_inside:
                continue  # "the towns of X and Y": the named places, reached through "of", are what counts
            if key not in nested or mention.label_ == "Location":
                mention_at.setdefault(mention.root.i, mention)
        found = list(doc._.fg_relations or [])
        events: list[FoundEvent] = []
        seen = {(r.type, r.source.start, r.target.start) for r in found}
        held = mentions_per_token(doc)
        states = span_keys(list(doc.spans.get(STATES_KEY, [])))
        for token in tokens_of_pos(doc, _FRAMED, held, 1):  # an event needs an actor, a relation two
            if token.dep_ == "acl" and token.lemma_.lower() in self.constructions.naming_verbs:
                continue  # "a new body called the Syrian Liberation Front" names it: nobody calls anyone
            frame = self.lexicon.verbs.get(token.lemma_.lower())
            judged = self._judgement(token) if token.lemma_.lower() in self.lexicon.judging_verbs else None
            if judged is not None:
                frame = VerbFrame(type=judged[0], preps=[])  # "considers X a terrorist group", "regards X as an ally"
            expelled = self._expelled(token) if token.lemma_.lower() in self.lexicon.expelling_verbs else None
            if expelled is not None:
                frame = VerbFrame(type="Dislikes", preps=[])  # "demanded that X leave", "ordered X out of Z"
            if not self.clauses.asserted(token):
                continue
            subjects, passive_objects = self._subjects(token, mention_at)
            objects = (
                self._objects(token, frame, mention_at) + passive_objects
                if subjects or frame or passive_objects
                else []
            )
            # who acts with the subjects: of no use to a verb without one, unless its object is who feels it
            felt = frame is not None and frame.felt_by_subject
            companions = self._companions(token, subjects, mention_at) if subjects or felt else []
            # "read out the agreement alongside Y": who presents a deal with another talked with it
            nominal_type = self.constructions.nominal_type
            dealt = any(c.dep_ == "dobj" and nominal_type.get(c.lemma_.lower()) == "CommWith" for c in token.children)
            found += [
                FoundRelation("CommWith" if dealt else "AlliesOf", subject, companion, token.sent, "accompaniment")
                for subject in subjects
                if subject.label_ in AGENTS
                for companion in companions
                if subject.start != companion.start
            ]
            if judged is not None and not objects:  # "considers [the YPG a terrorist group]": the clause's subject
                objects = [(m, "") for m in self._with_conjuncts(judged[1], mention_at)]
            if expelled is not None:  # whom the verb sends away, not its own ("the withdrawal of its troops")
                objects = [(m, prep) for m, prep in objects if m[0].tag_ != "PRP$"] or [
                    (m, "") for m in self._with_conjuncts(expelled, mention_at) if m[0].tag_ != "PRP$"
                ]
            # "attacked the town of Jasim, in the countryside of Daraa": the place struck lies in the one named
            struck = [m for m, prep in objects if not prep and m.label_ == "Location"]
            around = [
                m
                for m, prep in objects
                if prep in self.constructions.clause_links.inside_preps and m.label_ == "Location"
            ]
            found += [
                FoundRelation("CoLocated", place, outer, token.sent, "place")
                for place in struck
                for outer in around
                if not (outer.start <= place.start < outer.end or place.start <= outer.start < place.end)
            ]
            if frame and frame.object_located:
                # "JNIM was formed from a merger of Ansar Dine and al-Mourabitoun": each part is in what it formed
                made = [m for m, prep in objects if not prep and m.label_ == "Organisation"]
                made += self._with_conjuncts([c for c in token.children if c.dep_ == "nsubjpass"], mention_at)
                parts = [m for m, prep in objects if prep == "from" and m.label_ == "Organisation"]
                found += [
                    FoundRelation("BelongsTo", part, whole, token.sent, "formed-in")
                    for whole in made
                    for part in parts
                    if part.start != whole.start
                ]
            if frame and frame.event is not None and token.pos_ == "VERB":
                event = self._event(frame.event, token, subjects, objects, descriptions)
                if event is not None:
                    events.append(event)
            if frame and frame.felt_by_subject:
                if not passive_objects:
                    continue  # "I encourage the government to act" asks; "we are encouraged by X" likes X
                subjects, objects = [m for m, _ in passive_objects], [(m, "") for m in subjects]
            joint_type = self.lexicon.joint_subjects.get(frame.type) if frame and frame.type else None
            if (
                joint_type
                and frame
                and frame.type == "FightingAgainst"
                and not self._fought(objects, frame)
                and not _struck(token, named)
                and _coordinated(subjects)
            ):
                joint_type = "FightingAgainst"  # "X and Y fought for control of Z", "X and Y clashed": each other
            if joint_type == "CommWith" and token.pos_ == "VERB":
                # "the deal signed between X and Y", "agreed between Russian and American officers", "agreed on
                # May 3 between X and Y" (the parser hangs the sides on the phrase of time)
                holders = [
                    token,
                    *(g for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"),
                ]
                sides = [
                    m
                    for holder in holders
                    for prep in holder.children
                    if prep.dep_ == "prep" and prep.lower_ == "between"
                    for m in self._with_conjuncts([g for g in prep.children if g.dep_ == "pobj"], mention_at)
                    if m.label_ in AGENTS or (m.start, m.end) in states
                ]
                for first, second in [(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]:
                    found.append(FoundRelation("CommWith", first, second, token.sent, "joint-subject"))
            if frame and not frame.object_located and frame.type in MET_THERE:
                # "attacked SDF positions near Z", "met commanders of HTS near Z", "a drone hit a silo used by X in
                # Z": the other side was there too, whoever the subject
                places = [m for m, prep in objects if prep in self.lexicon.places and m.label_ == "Location"]
                for other in [m for m, prep in objects if m.label_ in AGENTS and prep not in self.lexicon.places]:
                    found += [FoundRelation("CoLocated", other, place, token.sent, "place") for place in places]
            if not subjects:
                # "they had been stationed in Manbij", "three fighters were killed near Z": who it befell was there
                places = [m for m, prep in objects if prep in self.lexicon.places and m.label_ == "Location"]
                own = any(c.dep_ == "nsubjpass" for c in token.children)  # not a subject taken from above
                found += [
                    FoundRelation("CoLocated", m, place, token.sent, "place")
                    for m, _ in (passive_objects if own else [])
                    if m.label_ in AGENTS
                    for place in places
                ]
                continue
            if joint_type and token.pos_ == "VERB":
                actors = [s for s in subjects if s.label_ in AGENTS or s.label_ == "Location"]  # states act
                pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1 :] if not _apposed(a, b)]
                for first, second in pairs:
                    key = (joint_type, min(first.start, second.start), max(first.start, second.start))
                    if key not in seen:
                        seen.add(key)
                        found.append(FoundRelation(joint_type, first, second, token.sent, "joint-subject"))
            if frame and frame.object_located:
                for formed in [m for m, prep in objects if not prep and m.label_ in AGENTS]:
                    for place in [m for m, prep in objects if prep in self.lexicon.places and m.label_ == "Location"]:
                        found.append(FoundRelation("CoLocated", formed, place, token.sent, "formed-in"))
            found += self._taken_from(token, frame, subjects, objects, mention_at)
            found += self._backed_against(token, frame, objects, mention_at, states)
            for subject in subjects:
                for obj, prep in objects:
                    relation_type = self._type(frame, obj, prep, (obj.start, obj.end) in states)
                    if relation_type is None or subject.start == obj.start:
                        continue
                    if relation_type == "FightingAgainst":  # "X shelled Y alongside Z": Z fought Y too
                        found += [
                            FoundRelation(relation_type, companion, obj, token.sent, "accompaniment")
                            for companion in companions
                            if companion.start != obj.start
                        ]
                    key = (relation_type, subject.start, obj.start)
                    if key not in seen:
                        seen.add(key)
                        placed = prep and obj.label_ == "Location" and relation_type == "CoLocated"
                        found.append(
                            FoundRelation(relation_type, subject, obj, token.sent, "place" if placed else "verb")
                        )
                        if relation_type == "CoLocated":  # "fighters led by Z entered the town": Z was there
                            found += [
                                FoundRelation("CoLocated", leader, obj, token.sent, "place" if placed else "verb")
                                for leader in self._leaders(subject, mention_at)
                                if leader.start != obj.start
                            ]
                        men = subject.root.tag_ == "NNS" and subject.root.lower_ in self.constructions.body_nouns
                        if relation_type == "Controls" and men:
                            # "fighters led by Z entered Y, after taking W": Z holds what its men took (not what an
                            # alliance it leads holds); read through the participle, as accompaniment is
                            found += [
                                FoundRelation("Controls", leader, obj, token.sent, "accompaniment")
                                for leader in self._leaders(subject, mention_at)
                                if leader.start != obj.start
                            ]
                        if frame and frame.place_type and obj.label_ == "Location" and not prep:
                            # "liberated Raqqa": fought for it, and holds it
                            found.append(FoundRelation(frame.place_type, subject, obj, token.sent, "verb"))
        doc._.fg_relations = found
        doc._.fg_events = events
        return doc

    def _taken_from(
        self,
        verb: Token,
        frame: VerbFrame | None,
        subjects: list[Span],
        objects: list[tuple[Span, str]],
        mention_at: dict[int, Span],
    ) -> list[FoundRelation]:
        """ "X retook Z from Y": X fought Y (the parser may hang "from Y" on Z)."""
        if frame is None or frame.type != "Controls":
            return []
        losers = [m for m, prep in objects if prep in self.constructions.clause_links.loser_preps]
        losers += self._with_conjuncts(
            [
                pobj
                for taken in verb.children
                if taken.dep_ == "dobj"
                for prep in taken.children
                if prep.dep_ == "prep" and prep.lower_ in self.constructions.clause_links.loser_preps
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ],
            mention_at,
        )
        fought = [
            FoundRelation("FightingAgainst", subject, loser, verb.sent, "verb")
            for subject in subjects
            if subject.label_ in AGENTS
            for loser in dict.fromkeys(losers)
            if loser.label_ in AGENTS and subject.start != loser.start
        ]
        if verb.lemma_.lower() not in self.constructions.retaking_verbs:
            return fought
        # "X retook Z from Y": Y held Z, which X had lost to it
        taken = [m for m, prep in objects if not prep and m.label_ == "Location"]
        return fought + [
            FoundRelation("Controls", loser, place, verb.sent, "verb")
            for loser in dict.fromkeys(losers)
            if loser.label_ in AGENTS
            for place in taken
        ]

    def _backed_against(
        self,
        verb: Token,
        frame: VerbFrame | None,
        objects: list[tuple[Span, str]],
        mention_at: dict[int, Span],
        states: set[tuple[int, int]],
    ) -> list[FoundRelation]:
        """ "X backs Y against Z", "X sided with Y against Z": the one backed fights Z (the parser may hang "against
        Z" on Y), a state named as a place too ("against Israel")."""
        if frame is None or frame.type != "AlliesOf":
            return []
        backed = [m for m, prep in objects if m.label_ in AGENTS and (not prep or prep in frame.preps)]
        if not backed:
            return []
        holders = [verb, *(m.root for m in backed)]
        opposed = [
            g
            for holder in holders
            for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ in self.lexicon.opposed_preps
            for g in prep.children
            if g.dep_ == "pobj"
        ]
        return [
            FoundRelation("FightingAgainst", ally, opponent, verb.sent, "verb")
            for ally in backed
            for opponent in self._with_conjuncts(opposed, mention_at)
            if (opponent.label_ in AGENTS or (opponent.start, opponent.end) in states) and opponent.start != ally.start
        ]

    def _companions(self, verb: Token, subjects: list[Span], mention_at: dict[int, Span]) -> list[Span]:
        """Who acts with the verb's subjects: "alongside Z", "together with Z", "X took the town, helped by Z",
        "X, backed by Z, attacked Y"."""
        words = self.constructions.accompaniment
        children = list(verb.children)  # spaCy builds each child anew on every walk: walk once
        together = any(c.dep_ == "advmod" and c.lower_ in words.adverbs for c in children)
        judging = verb.lemma_.lower() in self.constructions.judging_type  # "praised X's campaign alongside Z": X's
        heads: list[Token] = []
        for child in children:
            joined = together or any(c.dep_ == "advmod" and c.lower_ in words.adverbs for c in child.children)
            if child.dep_ == "prep" and (child.lower_ in words.preps or (joined and child.lower_ == "with")):
                heads += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "advmod" and child.lower_ in words.adverbs:  # "together" with its own "with"
                heads += [g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
            elif child.dep_ == "dobj" and child.i not in mention_at and not judging:  # "took over the role alongside Z"
                heads += [g for p in child.children if p.lower_ in words.preps for g in p.children if g.dep_ == "pobj"]
        # a participle on the clause or on its subject: "..., helped by Z", "X, backed by Z, ..."
        described = [c for c in children if c.dep_ == "advcl"]
        described += [c for s in subjects for c in s.root.children if c.dep_ == "acl"]
        # "X advanced on Z, backed by Y": set off by a comma, it is the subject's even where the parser hangs it
        # on the place before it; a place is not backed or helped
        described += [
            c
            for place in self._places_acted_on(children, mention_at)
            for c in place.children
            if c.dep_ == "acl" and c.doc[c.i - 1].text == ","
        ]
        heads += [
            g
            for participle in described
            if participle.tag_ == "VBN" and participle.lemma_.lower() in words.participles
            for agent in participle.children
            if agent.dep_ == "agent"
            for g in agent.children
            if g.dep_ == "pobj"
        ]
        return [m for m in self._with_conjuncts(heads, mention_at) if m.label_ in AGENTS]

    def _places_acted_on(self, children: list[Token], mention_at: dict[int, Span]) -> list[Token]:
        """The places a verb acts on, by the words that head them: its objects, and the objects of its
        prepositions and of theirs ("attacked positions near the villages of A and B")."""
        nouns = [c for c in children if c.dep_ == "dobj"]
        nouns += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        nouns += [
            g for n in list(nouns) for c in n.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        return [
            n
            for n in nouns
            if (n.i in mention_at and mention_at[n.i].label_ == "Location") or self._heads_a_description(n, "Location")
        ]

    def _leaders(self, subject: Span, mention_at: dict[int, Span]) -> list[Span]:
        """Who leads the subject, by a participle that describes it ("fighters led by Z", "forces, led in the
        assault by Z,")."""
        heads = [
            g
            for participle in subject.root.children
            if participle.dep_ == "acl"
            and participle.tag_ == "VBN"
            and participle.lemma_.lower() in self.constructions.accompaniment.leading
            for agent in participle.children
            if agent.dep_ == "agent"
            for g in agent.children
            if g.dep_ == "pobj"
        ]
        return [m for m in self._with_conjuncts(heads, mention_at) if m.label_ in AGENTS]

    def _described_by_participle(self, noun: Token, mention_at: dict[int, Span]) -> list[Span]:
        """The mention a participle clause describes: its noun ("the militia backed by X"), the place a description
        names ("the camp of al-Hol, run by X"), the named place a description of a place stands beside ("Sarmada, a
        town run by X")."""
        if noun.dep_ == "appos" and self._heads_a_description(noun, "Location") and noun.head.i in mention_at:
            return [mention_at[noun.head.i]]
        if noun.i in mention_at:
            return [mention_at[noun.i]]
        return [m for m in self._with_conjuncts([noun], mention_at) if m.label_ == "Location"]

    def _loyal_to(self, children: list[Token]) -> list[Token]:
        """The heads of the actors a body noun is loyal or attached to ("fighters loyal to Z")."""
        return [
            g
            for c in children
            if c.dep_ in ("amod", "acl") and c.lemma_.lower() in self.constructions.accompaniment.loyalty
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in ("to", "with")
            for g in p.children
            if g.dep_ == "pobj"
        ]

    def _expelled(self, verb: Token) -> list[Token] | None:
        """Whom a verb of demanding or ordering sends away, when what it asks for is leaving: the subject of a
        clause of leaving ("demanded that X leave Z"), the one whose departure it asks for ("demanded the
        departure of X", "called for the withdrawal of X"), its object sent out ("ordered X out of Z")."""
        leaving = self.lexicon.leaving_words
        children = list(verb.children)
        asked = [g for c in children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        for child in [*children, *asked]:
            if child.dep_ == "ccomp" and child.lemma_.lower() in leaving:
                return [c for c in child.children if c.dep_ == "nsubj"]
            if child.dep_ in ("dobj", "pobj") and child.lemma_.lower() in leaving:
                return [child]
        if any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in leaving for c in children):
            return [c for c in children if c.dep_ == "dobj"]
        return None

    def _judgement(self, verb: Token) -> tuple[str, list[Token]] | None:
        """What a verb that judges its object says of it, by the words of the predicate ("a terrorist
        group", "as occupiers", "an ally"), and the subjects of a predicate parsed as a clause of its own."""
        predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
        predicates += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
        predicates += [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("oprd", "appos")]
        # "held X responsible": an adjective after its noun is said of it
        predicates += [
            c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "amod" and c.i > o.i
        ]
        # the predicate's own words ("a terrorist group"), not those of a name or clause hung on it ("X, the
        # president's brother"); "called the X advance an occupation": the parser may take the object's noun for
        # a verb whose object is the predicate
        words = [
            t
            for p in predicates
            for t in [p, *p.children]
            if t == p
            or t.dep_ in ("amod", "compound", "nmod")
            or (p.pos_ == "VERB" and p.dep_ == "oprd" and t.dep_ == "dobj")
        ]
        kinds = [self.lexicon.judgement_type[t.lower_] for t in words if t.lower_ in self.lexicon.judgement_type]
        if not kinds:
            return None
        return kinds[0], [s for p in predicates for s in p.children if s.dep_ == "nsubj"]

    @staticmethod
    def _event(
        kind: str,
        verb: Token,
        subjects: list[Span],
        objects: list[tuple[Span, str]],
        descriptions: set[tuple[int, int]],
    ) -> FoundEvent | None:
        """The event a verb records, when an actor takes part in it or it has a place (``fg_events`` decides
        which kinds stand on a place alone); its place is a Location object, a named one first ("shelled areas
        near Saraqib": Saraqib)."""
        targets = tuple(dict.fromkeys(m for m, _ in objects if m.label_ in AGENTS))
        places = [m for m, _ in objects if m.label_ == "Location"]
        places.sort(key=lambda m: (m.start, m.end) in descriptions)
        place = places[0] if places else None
        if not subjects and not targets and place is None:
            return None
        trigger = verb.doc[verb.i : verb.i + 1]
        return FoundEvent(kind, trigger, tuple(subjects), targets, place, verb.sent)

    @staticmethod
    def _fought(objects: list[tuple[Span, str]], frame: VerbFrame) -> bool:
        """Whether a verb of fighting names another side ("X and Y fought Z", "... against Z", "... alongside Z"),
        so that its subjects fought together, not each other."""
        return any(m.label_ in AGENTS and (not prep or prep in frame.preps) for m, prep in objects)

    def _shared_subject(self, children: list[Token]) -> bool:
        """Whether a clause's subject is a share of the nouns it describes ("all of them", "both of which")."""
        return any(
            c.dep_ in _SUBJECTS
            and c.lower_ in self.clauses.lexicon.shares
            and any(
                p.lower_ == "of"
                and any(g.lower_ in self.clauses.lexicon.relative_pronouns | {"them"} for g in p.children)
                for p in c.children
            )
            for c in children
        )

    def _shared_list(self, share: Token) -> Token | None:
        """The head of the phrase before the comma that a share of it opens ("A, B and C, all of them ..."),
        where the parser hangs the share elsewhere."""
        start, doc = share.left_edge.i, share.doc
        if share.lower_ not in self.clauses.lexicon.shares or start < 2 or doc[start - 1].text != ",":
            return None
        pronouns = self.clauses.lexicon.relative_pronouns | {"them"}
        if not any(p.lower_ == "of" and any(g.lower_ in pronouns for g in p.children) for p in share.children):
            return None
        token = doc[start - 2]
        while token.head.i < start - 1 and token.head != token:
            token = token.head
        return token

    def _heads_a_description(self, token: Token, label: str | None = None) -> bool:
        """Whether a noun heads a description (of this type, when given: "the Atma area", "fighters of the NFL");
        "the Atma area": the place named in it is the place."""
        labels = self._description_heads.get(token.i, ())
        return bool(labels) and (label is None or label in labels)

    def _subjects(self, verb: Token, mention_at: dict[int, Span]) -> tuple[list[Span], list[tuple[Span, str]]]:
        """The verb's logical subjects (the agent of a passive), and a passive's grammatical subjects
        as objects; without a subject of its own, the subject of the verb it depends on."""
        current = verb
        below: Token | None = None  # the token the climb came up from
        complement = False  # whether the climb came up from the verb's complement ("seen [directing]")
        for _ in range(_MAX_CLIMB):
            participle = current if current.dep_ == "acl" else None
            children = list(current.children)  # spaCy builds each child anew on every walk: walk once
            if complement and current.lemma_.lower() in self.clauses.lexicon.sending_verbs:
                # "deployed the militia to fight in Z", "a militia that X recruited and deployed to fight in Z": who
                # is sent does what the complement says, not who sends
                sent = [c for c in children if c.dep_ == "dobj"]
                clause = current if current.dep_ == "relcl" else current.head if current.dep_ == "conj" else None
                if any(c.lower_ in self.clauses.lexicon.relative_pronouns for c in sent) and clause is not None:
                    sent = [clause.head] if clause.dep_ == "relcl" else []
                if sent:
                    return self._with_conjuncts(sent, mention_at), []
            # "was taken by ISIL"; not "spoke by phone with X", whose "by" the parser may take for an agent
            agents = [
                grand
                for child in children
                if child.dep_ == "agent" and current.tag_ == "VBN"
                for grand in child.children
                if grand.dep_ == "pobj"
            ]
            passive = [c for c in children if c.dep_ == "nsubjpass"]
            if agents and not passive and current.dep_ == "acl":
                # "an alliance led by the YPG": the noun the participle describes; "A and B, all of them backed by
                # Z": the list the share stands for
                passive = [self._shared_list(current.head) or current.head]
            if agents and not passive and current.dep_ == "conj":
                # "X tried to enter the town and was pushed back by Y": the subject the two verbs share
                passive = [c for c in current.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                relative = any(c.lower_ in self.clauses.lexicon.relative_pronouns for c in passive)
                if relative and current.head.dep_ == "relcl":  # "X, which is based in Z and headed by Y": X
                    passive = [current.head.head]
                if not passive and current.head.dep_ == "acl" and current.head.tag_ == "VBN":
                    participle = current.head  # "a force trained and financed by X": the noun both describe
                    passive = [participle.head]
            if current.dep_ == "relcl" and any(c.lower_ in self.clauses.lexicon.relative_pronouns for c in passive):
                passive = [current.head]  # "the government, which is backed by Russia": the noun it describes
            if (
                passive
                and below is not None
                and below.dep_ in ("xcomp", "advcl")
                and current.lemma_.lower() in self.clauses.lexicon.sending_verbs
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
            ):
                return self._with_conjuncts(passive, mention_at), []  # "X were sent to Z to fight alongside Y": X
            if agents and not passive and current.dep_ == "relcl" and self._shared_subject(children):
                passive = [current.head]  # "A, B and C, all of them backed by Turkey": the nouns described
            if agents:
                subjects = self._with_conjuncts(agents, mention_at)
                if participle is not None and passive == [participle.head]:  # the noun described, not its list
                    described = self._described_by_participle(participle.head, mention_at)
                    # "towns held by X, including A and B": the places named
                    # (the parser often hangs "including" on the agent, the last noun before it)
                    listed = [t for head in [participle.head, *agents] for t in self.clauses.members_named(head)]
                    named = self._with_conjuncts(listed, mention_at)
                    described += [m for m in named if m.label_ == "Location"]
                    return subjects, [(m, "") for m in described]
                return subjects, [(m, "") for m in self._with_conjuncts(passive, mention_at)]
            active = past_dateline([c for c in children if c.dep_ in _SUBJECTS and c.dep_ != "nsubjpass"])
            if current.dep_ == "relcl" and any(c.lower_ in self.clauses.lexicon.relative_pronouns for c in active):
                # "HTS, which controls Idlib": the noun the clause describes; "X is one of the factions
                # that entered Z": the one the share is
                active = [
                    self.clauses.whole_of_share(current.head) or self._agreeing_container(current) or current.head
                ]
            elif not active and current.dep_ == "acl" and current.head.i in mention_at:
                active = [current.head]  # "ground forces, focused on defeating ISIL": the noun the clause describes
            elif not active and current.dep_ == "acl":
                # "Coalition efforts to support Iraqi forces", "the UK's commitment to help": whose effort it is
                active = [c for c in current.head.children if c.dep_ in ("poss", "compound") and c.i in mention_at]
            if active and below is not None and self._joined_in(current, below):
                active += [c for c in children if c.dep_ == "dobj"]  # "X joined Y in retaking Z": Y retook it too
            if active:
                return self._with_conjuncts(active, mention_at), []
            if current is verb and passive and current.dep_ == "ccomp":
                return [], []  # "four soldiers were killed, a source said": the source killed nobody
            if current is not verb and passive and complement:
                # "commanders were seen directing operations in Z": who was seen is who directs
                return self._with_conjuncts(passive, mention_at), []
            if current.dep_ not in _CLAUSE_LINKS or current.head is current:
                return [], []
            complement = current.dep_ == "xcomp"
            below, current = current, current.head
        return [], []

    def _agreeing_container(self, clause: Token) -> Token | None:
        """ "X, an alliance of movements that fights alongside Y": a singular verb cannot describe the plural noun
        before it but the container it is gathered in (constructions.json's containers)."""
        noun = clause.head
        if noun.tag_ != "NNS" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return None
        holder = noun.head.head
        if holder.lemma_.lower() not in self.constructions.containers:
            return None
        if clause.tag_ != "VBZ" and not any(c.dep_ == "aux" and c.tag_ == "VBZ" for c in clause.children):
            return None
        return holder

    def _joined_in(self, verb: Token, below: Token) -> bool:
        """Whether a clause climbs to a verb of joining through its "in" ("X joined Y in retaking Z")."""
        joining = self.constructions.accompaniment.joining
        return verb.lemma_.lower() in joining and below.dep_ == "prep" and below.lower_ == "in"

    def _objects(self, verb: Token, frame: VerbFrame | None, mention_at: dict[int, Span]) -> list[tuple[Span, str]]:
        """Objects of the verb as (mention, preposition or "" for a direct object)."""
        objects: list[tuple[Span, str]] = []
        preps = set(frame.preps) if frame else set()
        relative_pronouns = self.clauses.lexicon.relative_pronouns
        children = list(verb.children)
        if frame and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in children):
            # "a district the Houthis had held": a clause with a subject of its own and no object is about its noun
            if any(c.dep_ == "nsubj" and c.lower_ not in relative_pronouns for c in children):
                objects += [(m, "") for m in self._described_object(verb.head, mention_at)]
        # "operates in X and in Y": a preposition coordinated with one of the verb's is the verb's too
        children += [c for p in children if p.dep_ == "prep" for c in p.conjuncts if c.pos_ == "ADP"]
        # "negotiated by officers of X with Y": the parser may hang the verb's preposition on its agent's phrase
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        agents += [g for a in agents for p in a.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        children += [p for a in agents for p in a.children if p.dep_ == "prep" and p.lower_ in preps - {"of"}]
        for child in children:
            if child.dep_ in _OBJECTS:
                if verb.dep_ == "relcl" and child.lower_ in relative_pronouns:
                    child = verb.head  # "Ras al-Ain, which Turkish-led forces captured": the noun described
                    if frame:
                        objects += [(m, "") for m in self._described_object(child, mention_at)]
                elif frame:
                    objects += [(m, "") for m in self._with_conjuncts([child], mention_at)]
                if frame and child.dep_ == "dobj" and child.i not in mention_at:
                    # "blamed the strike on X", "fought a war against X": the verb's preposition hung on its thing
                    objects += [
                        (m, prep.lower_)
                        for prep in child.children
                        if prep.dep_ == "prep" and prep.lower_ in preps and prep.lower_ != "of"
                        for m in self._with_conjuncts([g for g in prep.children if g.dep_ == "pobj"], mention_at)
                    ]
                # "met the Foreign Minister in London", "set up checkpoints on the M4", "shelled positions
                # near Saraqib": the subject was where its object was; not one who "condemned the attack in Z"
                if not (frame and frame.type in ATTITUDES):
                    objects += self._places_on([child, *(c for c in child.children if c.dep_ == "appos")], mention_at)
            elif child.dep_ in ("prep", "conj"):
                word = child.lower_
                wanted = word in self.lexicon.places or (frame and ("*" in preps or word in preps))
                # "met commanders of A and of B": the parser may hang the second "of" on the verb
                rejoined = (
                    word == "of"
                    and child.doc[child.i - 1].lower_ == "and"
                    and any(
                        o.dep_ == "dobj" and o.i < child.i and any(p.lower_ == "of" for p in o.children)
                        for o in children
                    )
                )
                if rejoined and frame:
                    pobjs = [g for g in child.children if g.dep_ == "pobj"]
                    objects += [(m, "") for m in self._with_conjuncts(pobjs, mention_at)]
                elif wanted:
                    pobjs = [g for g in child.children if g.dep_ == "pobj"]
                    objects += [(m, word) for m in self._with_conjuncts(pobjs, mention_at)]
                if (
                    not (frame and frame.type in ATTITUDES)
                    and child.dep_ == "prep"
                    and (wanted or not _owned_by_an_actor(child, mention_at))
                ):
                    objects += self._places_further_in(child, mention_at)
        objects += _place_adverbs(children, mention_at)
        # "attacked positions east of Saraqib": the parser hangs the direction on the verb
        directed = self._with_conjuncts(self.clauses.places_by_direction(verb), mention_at)
        objects += [(m, "near") for m in directed if m.label_ == "Location"]
        # "Manbij, where US troops were stationed": the clause happens in the place it describes
        where = self._with_conjuncts(self.clauses.place_of_relative(verb), mention_at)
        objects += [(m, "in") for m in where if m.label_ == "Location"]
        return objects

    def _described_object(self, noun: Token, mention_at: dict[int, Span]) -> list[Span]:
        """What a relative clause on ``noun`` is about: the named place a description of a place stands beside
        ("Manbij, a city that X had held"), else the noun's own mentions."""
        if noun.dep_ == "appos" and self._heads_a_description(noun, "Location") and noun.head.i in mention_at:
            return [mention_at[noun.head.i]]
        return self._with_conjuncts([noun], mention_at)

    def _places_further_in(self, prep: Token, mention_at: dict[int, Span]) -> list[tuple[Span, str]]:
        """Places one phrase further down ("appeared at the house of a sheikh in the Atma area", "clashed with
        Druze fighters near the town"), where the parser hangs the place on the phrase before it rather than on
        the verb; and the places an unnamed place lies in or names ("keeps troops at bases in the province,
        including A and B")."""
        nouns = [p for p in prep.children if p.dep_ == "pobj"]
        return self._places_on(
            [
                p
                for p in nouns
                if p.i not in mention_at
                or mention_at[p.i].label_ != "Location"
                or self._heads_a_description(p, "Location")
            ],
            mention_at,
        )

    def _places_on(self, nouns: list[Token], mention_at: dict[int, Span], depth: int = 0) -> list[tuple[Span, str]]:
        """Named places in phrases of place hung on these nouns ("the house of a sheikh in Atma"), and in the
        phrases of place hung on an unnamed place in turn ("positions along the front line near Tal Tamr",
        "fighters in prisons in Hasakah")."""
        places = []
        for noun in nouns:
            directed = self._with_conjuncts(self.clauses.places_by_direction(noun), mention_at)
            places += [(m, "near") for m in directed if m.label_ == "Location"]
            places += _place_adverbs(list(noun.children), mention_at)
            for inner in noun.children:
                if inner.dep_ == "prep" and inner.lower_ in self.lexicon.places:
                    heads = [g for g in inner.children if g.dep_ == "pobj"]
                    places += [
                        (m, inner.lower_) for m in self._with_conjuncts(heads, mention_at) if m.label_ == "Location"
                    ]
                    if depth < _PLACE_DEPTH:
                        unnamed = [h for h in heads if not _names_alike(h, mention_at)]
                        places += self._places_on(unnamed, mention_at, depth + 1)
        return places

    def _with_conjuncts(self, heads: list[Token], mention_at: dict[int, Span]) -> list[Span]:
        """The mentions headed by these tokens and by their conjuncts ("the government and people of Iraq"),
        and the owners of the things they name ("positions of X", "facilities used by X")."""
        mentions: list[Span] = []
        described = self._heads_a_description
        queue = list(heads)
        while queue:
            token = queue.pop()
            children = list(token.children)  # spaCy builds each child anew on every walk: walk once
            # "several FSA groups, among them A and B, fought": the ones named beside a description, for it
            named = [c for c in children if c.dep_ == "appos" and c.i in mention_at and not described(c)]
            # "fighters loyal to Z held the town": Z's men stand for Z
            loyal = self._loyal_to(children) if token.i in mention_at and token.lower_ in self.bodies else []
            # "SNA factions including A and B captured Z": the groups named act for the description
            listed = (
                [
                    t
                    for t in self.clauses.members_named(token)
                    if t.i in mention_at and mention_at[t.i].label_ == "Organisation"
                ]
                if token.i in mention_at and described(token, "Organisation")
                else []
            )
            if token.i in mention_at and described(token, mention_at[token.i].label_) and named:
                queue += named
                if token.lower_ in self.bodies and any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
                    # "fighters of A, B and C": the parser hangs B on the men as their apposition; the men are A's
                    mentions.append(mention_at[token.i])
            elif listed:
                queue += listed
            elif loyal and described(token):
                queue += loyal
            elif token.i in mention_at:
                mentions.append(mention_at[token.i])
            queue += [c for c in children if c.dep_ == "conj"]
            queue += coordinated_modifiers(token)
            if (
                token.i in mention_at
                and token.lower_ in self.bodies
                and self._heads_a_description(token, "Organisation")
            ):
                # "fighters of A and B attacked": the men of each group
                queue += [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            if token.i in mention_at:
                # "the villages of A, B and C", "A, B and C attacked": the parser hangs a list's names on each
                # other as appositions (a name beside a name is a list, or the same actor twice)
                label = mention_at[token.i].label_
                queue += [c for c in children if c.dep_ == "appos" and _names_alike(c, mention_at, label)]
            if token.i not in mention_at or mention_at[token.i].label_ == "Location":
                queue += self.clauses.owners_by_participle(token)
                # "stormed villages including A and B": the places named, never a group's members as its allies
                queue += [
                    t
                    for t in self.clauses.members_named(token)
                    if token.i not in mention_at or (t.i in mention_at and mention_at[t.i].label_ == "Location")
                ]
            if token.i not in mention_at:
                # not "fighters loyal to Z, most of them former rebels": a share set beside a noun restates it
                restated = token.lower_ in self.clauses.lexicon.shares and (
                    token.dep_ == "appos" or any(c.dep_ == token.dep_ and c.i < token.i for c in token.head.children)
                )
                queue += [
                    g
                    for c in children
                    if c.dep_ == "prep" and c.lower_ == "of" and token.lower_ not in self.clauses.lexicon.directions
                    for of in [c, *c.conjuncts]  # "commanders of A and of B"
                    for g in of.children
                    if g.dep_ == "pobj" and not (restated and g.tag_ == "PRP")
                ]
                # "repelled several assaults by X", "condemned a massacre by X": who did a thing stands for it
                queue += [
                    g
                    for c in children
                    if c.dep_ == "prep" and c.lower_ in self.constructions.clause_links.agent_preps
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                # "the president's brother Maher al-Assad", "39 individuals, among them X": the one named beside
                queue += [c for c in children if c.dep_ == "appos" and c.i in mention_at and not described(c)]
                # "merged into a new body called the Syrian Liberation Front": the name it is given
                queue += [
                    o
                    for c in children
                    if c.dep_ == "acl" and c.lemma_.lower() in self.constructions.naming_verbs
                    for o in c.children
                    if o.dep_ == "oprd"
                ]
                # "SDF positions", "Russian air power", "the government's security branches": men and arms
                # named after their side stand for it (a possessive only on a body: not "the SDF's Kurdish core")
                owned = (
                    ("compound", "amod", "nmod", "poss")
                    if token.lower_ in self.bodies
                    else ("compound", "amod", "nmod")
                )
                # "US fighter jets": the side named on the first word of a compound of arms
                named_on = [g for c in children if c.dep_ == "compound" and c.i not in mention_at for g in c.children]
                queue += [
                    c
                    for c in [*children, *named_on]
                    if c.dep_ in owned
                    and c.i in mention_at
                    and (
                        mention_at[c.i].label_ != "Location" or described(token, "Location")
                    )  # not "the Sochi agreement"
                ]
        return mentions

    def _type(self, frame: VerbFrame | None, obj: Span, prep: str, state: bool) -> str | None:
        """The relation a verb and its object make, under the types each end may have (``state``: the
        object is a state named as a place)."""
        if obj.label_ == "Location":
            if frame and frame.type in ("Controls", "FightingAgainst") and (not prep or prep in frame.preps):
                return frame.type
            if frame and frame.place_type and not prep:  # "a camp run by X": X holds it, heads no group
                return frame.place_type
            placed = prep in self.lexicon.places or (not prep and frame is not None and frame.place_object)
            if placed or not state or frame is None or frame.type in ("Controls", "CoLocated"):
                return "CoLocated" if placed else None
            if frame.objects is not None and "Location" not in frame.objects:
                return None
            # "accused Turkey of ...", "met Russia": a state named as a place is the actor
        elif obj.label_ not in AGENTS or frame is None:
            return None
        elif frame.objects is not None and obj.label_ not in frame.objects:
            return None
        if prep and prep not in frame.preps and "*" not in frame.preps:
            return None
        relation_type = (frame.prep_types or {}).get(prep, frame.type)
        # "seized SDF positions": the positions' holder is fought; a name taken whole is a place read as a group
        if not prep and frame.actor_type is not None:
            return None if obj.root.dep_ == "dobj" and obj.root.pos_ == "PROPN" else frame.actor_type
        if relation_type in ("Controls", "CoLocated"):
            return None
        if frame.military_objects is not None and self.lexicon.military_words & {t.lower_ for t in obj}:
            return frame.military_objects
        return relation_type


def _place_adverbs(children: list[Token], mention_at: dict[int, Span]) -> list[tuple[Span, str]]:
    """ "operate there", "set up checkpoints there": a place adverb that stands for a place (a mention) puts what it
    is hung on in that place."""
    return [
        (mention_at[c.i], "in")
        for c in children
        if c.dep_ == "advmod" and c.tag_ == "RB" and c.i in mention_at and mention_at[c.i].label_ == "Location"
    ]


def _struck(verb: Token, named: set[int]) -> bool:
    """Whether a verb's direct object names an actor or a place, whole or in part ("X and Y attacked Raqqa",
    "surrounded Z's headquarters"): what its subjects did together, not to each other."""
    return any(t.i in named for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
