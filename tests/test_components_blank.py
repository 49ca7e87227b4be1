"""factiongraph's own components on ``spacy.blank("en")`` and hand-built parses: no trained model, so they run
in ``make test-fast``. Each parse is the one the English model gives the sentence (see :mod:`tests.docs`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from factiongraph.nlp import MENTIONS_KEY
from tests.docs import AFTER_THE_PARSER, Names, mentions, parse, pipeline, relations, run

NAMES: Names = {
    "HTS": ("Organisation", "hayat-tahrir-al-sham"),
    "SDF": ("Organisation", "syrian-democratic-forces"),
    "YPG": ("Organisation", "ypg"),
    "Saraqib": ("Location", "fg:saraqib"),
    "Iran": ("Location", "iran"),
    "Revolutionary Guards": ("Organisation", "irgc"),
    "Abu Amsha": ("Person", "abu-amsha"),
    "Hamza Division": ("Organisation", "hamza-division"),
    "Syrian National Army": ("Organisation", "syrian-national-army"),
    "Turkish": ("Nationality", "turkey"),
    "Turkish troops": ("Organisation", "turkish-armed-forces"),
    "Afrin": ("Location", "afrin"),
    "AZAZ": ("Location", "azaz"),
    "Syria": ("Location", "syria"),
    "Mosul": ("Location", "mosul"),
    "ISIL": ("Organisation", "islamic-state"),
    "Hayat Tahrir al-Sham": ("Organisation", "hayat-tahrir-al-sham"),
    "Raqqa": ("Location", "raqqa"),
    "Damascus": ("Location", "damascus"),
    "Moscow": ("Location", "fg:moscow"),
    "Syrian Observatory": ("Organisation", "sohr"),
}
"""The names of the sentences below, typed and identified as the actor ruler finds them."""

HTS_ALIASES = [
    {"label": "Organisation", "pattern": "Hayat Tahrir al-Sham", "id": "hayat-tahrir-al-sham"},
    {"label": "Organisation", "pattern": "HTS", "id": "hayat-tahrir-al-sham"},
    {"label": "Location", "pattern": "Saraqib", "id": "fg:saraqib"},
]

ATTACKED_THE_SDF_AND_THE_YPG = """
    HTS       NNP  nsubj  attacked
    attacked  VBD  ROOT   attacked  attack
    the       DT   det    SDF
    SDF       NNP  dobj   attacked
    and       CC   cc     SDF
    the       DT   det    YPG
    YPG       NNP  conj   SDF
    .         .    punct  attacked
"""
PROBABLY_ATTACKED = """
    HTS       NNP  nsubj   attacked
    probably  RB   advmod  attacked
    attacked  VBD  ROOT    attacked  attack
    the       DT   det     SDF
    SDF       NNP  dobj    attacked
    .         .    punct   attacked
"""
DENIED_THAT_HTS_ATTACKED = """
    The       DT   det    SDF
    SDF       NNP  nsubj  denied
    denied    VBD  ROOT   denied    deny
    that      IN   mark   attacked
    HTS       NNP  nsubj  attacked
    attacked  VBD  ccomp  denied    attack
    Saraqib   NNP  dobj   attacked
    .         .    punct  denied
"""
IS_LIKELY_TO_ATTACK = """
    HTS      NNP  nsubj  is
    is       VBZ  ROOT   is      be
    likely   JJ   acomp  is
    to       TO   aux    attack
    attack   VB   xcomp  likely
    Saraqib  NNP  dobj   attack
    .        .    punct  is
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline()


@pytest.fixture(scope="module")
def undecided() -> Language:
    """The components before ``fg_decide``: the candidate relations it weighs."""
    return pipeline(AFTER_THE_PARSER[:-1])


def read(nlp: Language, text: str, table: str) -> set[tuple[str, str, str]]:
    return relations(run(nlp, parse(nlp, text, table, NAMES)))


# -- fg_paragraphs ---------------------------------------------------------------------------------------


def sentence_starts(text: str) -> list[str]:
    doc = pipeline(("fg_paragraphs",))(text)
    return [t.text for t in doc if t.is_sent_start]


def test_paragraphs_a_blank_line_ends_a_sentence_without_a_full_stop() -> None:
    assert sentence_starts("A headline without a full stop\n\nThe commander spoke.") == ["A", "The"]


def test_paragraphs_a_dateline_in_capitals_is_one_sentence_up_to_the_words_after_its_dash() -> None:
    doc = pipeline(("fg_paragraphs",))("Clashes in Idlib\n\nDEIR EZ-ZOR, Syria (Levant Wire) — Clashes broke out.")
    after_its_first_word = doc[5 : [t.text for t in doc].index("—") + 2]
    assert after_its_first_word.text == "EZ-ZOR, Syria (Levant Wire) — Clashes"
    assert all(t.is_sent_start is False for t in after_its_first_word)


# -- fg_actor_ruler and fg_mentions ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def ruler_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("fg_entity_ruler", name="fg_actor_ruler").add_patterns(HTS_ALIASES)
    return nlp


def test_actor_ruler_a_name_and_its_alias_are_one_actor_whatever_the_case(ruler_nlp: Language) -> None:
    doc = ruler_nlp("Fighters of Hayat Tahrir al-Sham, or hts, entered Saraqib.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Hayat Tahrir al-Sham", "Organisation", "hayat-tahrir-al-sham"),
        ("hts", "Organisation", "hayat-tahrir-al-sham"),
        ("Saraqib", "Location", "fg:saraqib"),
    ]


def test_actor_ruler_gives_back_its_patterns_as_they_were_added(ruler_nlp: Language) -> None:
    ruler = ruler_nlp.get_pipe("fg_actor_ruler")
    assert sorted(ruler.patterns, key=str) == sorted(HTS_ALIASES, key=str)


def test_actor_ruler_refuses_to_match_on_what_the_parse_sets() -> None:
    with pytest.raises(ValueError, match="phrase_matcher_attr must be an attribute the tokenizer alone sets"):
        spacy.blank("en").add_pipe("fg_entity_ruler", config={"phrase_matcher_attr": "TAG"})


def test_mentions_keep_the_actor_the_ruler_found(ruler_nlp: Language, nlp: Language) -> None:
    doc = ruler_nlp.get_pipe("fg_actor_ruler")(
        parse(nlp, "HTS attacked the SDF and the YPG.", ATTACKED_THE_SDF_AND_THE_YPG)
    )
    doc = run(nlp, doc)
    assert {(m.text, m.label_, m.id_) for m in doc.spans[MENTIONS_KEY]} == {
        ("HTS", "Organisation", "hayat-tahrir-al-sham")
    }


def test_mentions_a_title_is_a_description_of_a_person(nlp: Language) -> None:
    doc = run(
        nlp,
        parse(
            nlp,
            "The commander met HTS.",
            """
            The        DT   det    commander
            commander  NN   nsubj  met
            met        VBD  ROOT   met        meet
            HTS        NNP  dobj   met
            .          .    punct  met
            """,
            NAMES,
        ),
    )
    assert mentions(doc) == {"The commander": "Person", "HTS": "Organisation"}


# -- fg_relations: the words between two names -----------------------------------------------------------


def test_relations_a_group_led_by_a_person(nlp: Language) -> None:
    found = read(
        nlp,
        "The Hamza Division, led by Abu Amsha, entered Afrin.",
        """
        The       DT   det       Division
        Hamza     NNP  compound  Division
        Division  NNP  nsubj     entered
        ,         ,    punct     Division
        led       VBN  acl       Division  lead
        by        IN   agent     led
        Abu       NNP  compound  Amsha
        Amsha     NNP  pobj      by
        ,         ,    punct     Division
        entered   VBD  ROOT      entered   enter
        Afrin     NNP  dobj      entered
        .         .    punct     entered
        """,
    )
    assert found == {
        ("InChargeOf", "Abu Amsha", "Hamza Division"),
        ("CoLocated", "Hamza Division", "Afrin"),
        ("CoLocated", "Abu Amsha", "Afrin"),  # who leads it went with it
    }


def test_relations_a_name_in_brackets_after_a_name_is_its_alias(nlp: Language) -> None:
    found = read(
        nlp,
        "Hayat Tahrir al-Sham (HTS) entered Saraqib.",
        """
        Hayat    NNP    compound  Tahrir
        Tahrir   NNP    nsubj     entered
        al       NNP    compound  Sham
        -        NNP    compound  Sham
        Sham     NNP    appos     Tahrir
        (        -LRB-  punct     HTS
        HTS      NNP    appos     Sham
        )        -RRB-  punct     Sham
        entered  VBD    ROOT      entered  enter
        Saraqib  NNP    dobj      entered
        .        .      punct     entered
        """,
    )
    assert found == {
        ("IsSynonymOf", "Hayat Tahrir al-Sham", "HTS"),
        ("CoLocated", "Hayat Tahrir al-Sham", "Saraqib"),
    }


# -- fg_structure and fg_frames: the parse ---------------------------------------------------------------


def test_structure_apposition_title_puts_the_person_in_charge_of_the_group(nlp: Language) -> None:
    found = read(
        nlp,
        "Abu Amsha, the commander of the Hamza Division, spoke.",
        """
        Abu        NNP  compound  Amsha
        Amsha      NNP  nsubj     spoke
        ,          ,    punct     Amsha
        the        DT   det       commander
        commander  NN   appos     Amsha
        of         IN   prep      commander
        the        DT   det       Division
        Hamza      NNP  compound  Division
        Division   NNP  pobj      of
        ,          ,    punct     Amsha
        spoke      VBD  ROOT      spoke      speak
        .          .    punct     spoke
        """,
    )
    assert ("InChargeOf", "Abu Amsha", "Hamza Division") in found
    assert ("IsSynonymOf", "Abu Amsha", "the commander") in found


def test_structure_a_title_before_the_name_puts_the_person_in_charge(nlp: Language) -> None:
    found = read(
        nlp,
        "HTS leader Abu Amsha spoke.",
        """
        HTS     NNP  compound  leader
        leader  NN   compound  Amsha
        Abu     NNP  compound  Amsha
        Amsha   NNP  nsubj     spoke
        spoke   VBD  ROOT      spoke  speak
        .       .    punct     spoke
        """,
    )
    assert ("InChargeOf", "Abu Amsha", "HTS") in found


def test_structure_possessive_body_belongs_to_its_state(nlp: Language) -> None:
    found = read(
        nlp,
        "Iran's Revolutionary Guards deployed.",
        """
        Iran           NNP   poss      Guards
        's             POS   case      Iran
        Revolutionary  NNP   compound  Guards
        Guards         NNPS  nsubj     deployed
        deployed       VBD   ROOT      deployed  deploy
        .              .     punct     deployed
        """,
    )
    assert found == {("BelongsTo", "Revolutionary Guards", "Iran")}


def test_structure_part_of_makes_a_member(nlp: Language) -> None:
    found = read(
        nlp,
        "The Hamza Division is part of the Syrian National Army.",
        """
        The       DT   det       Division
        Hamza     NNP  compound  Division
        Division  NNP  nsubj     is
        is        VBZ  ROOT      is        be
        part      NN   attr      is
        of        IN   prep      part
        the       DT   det       Army
        Syrian    NNP  compound  Army
        National  NNP  compound  Army
        Army      NNP  pobj      of
        .         .    punct     is
        """,
    )
    assert found == {("BelongsTo", "Hamza Division", "Syrian National Army")}


def test_structure_a_hyphenated_modifier_backs_the_group_it_modifies(nlp: Language) -> None:
    found = read(
        nlp,
        "The Turkish-backed Syrian National Army entered Afrin.",
        """
        The       DT    det       Army
        Turkish   JJ    npadvmod  backed
        -         HYPH  punct     backed
        backed    VBN   amod      Army      back
        Syrian    NNP   compound  Army
        National  NNP   compound  Army
        Army      NNP   nsubj     entered
        entered   VBD   ROOT      entered   enter
        Afrin     NNP   dobj      entered
        .         .     punct     entered
        """,
    )
    assert found == {("AlliesOf", "Turkish", "Syrian National Army"), ("CoLocated", "Syrian National Army", "Afrin")}


def test_structure_who_acts_in_a_datelined_sentence_was_at_the_dateline(nlp: Language) -> None:
    found = read(
        nlp,
        "AZAZ, Syria — Turkish troops entered the town.",
        """
        AZAZ     NNP  nsubj  entered
        ,        ,    punct  AZAZ
        Syria    NNP  appos  AZAZ
        —        :    punct  entered
        Turkish  JJ   amod   troops
        troops   NNS  nsubj  entered  troop
        entered  VBD  ROOT   entered  enter
        the      DT   det    town
        town     NN   dobj   entered
        .        .    punct  entered
        """,
    )
    assert ("CoLocated", "Turkish troops", "AZAZ") in found
    assert not any(source == "AZAZ" and kind != "CoLocated" for kind, source, _ in found)


def test_structure_a_named_fight_between_two_sides_puts_both_where_it_broke_out(nlp: Language) -> None:
    found = read(
        nlp,
        "Clashes between HTS and the SDF erupted in Saraqib.",
        """
        Clashes  NNS  nsubj  erupted  clash
        between  IN   prep   Clashes
        HTS      NNP  pobj   between
        and      CC   cc     HTS
        the      DT   det    SDF
        SDF      NNP  conj   HTS
        erupted  VBD  ROOT   erupted  erupt
        in       IN   prep   erupted
        Saraqib  NNP  pobj   in
        .        .    punct  erupted
        """,
    )
    assert {
        ("FightingAgainst", "HTS", "SDF"),
        ("CoLocated", "HTS", "Saraqib"),
        ("CoLocated", "SDF", "Saraqib"),
    } <= found


def test_frames_a_relation_distributes_over_a_list_of_objects(nlp: Language) -> None:
    doc = run(nlp, parse(nlp, "HTS attacked the SDF and the YPG.", ATTACKED_THE_SDF_AND_THE_YPG, NAMES))
    assert relations(doc) == {("FightingAgainst", "HTS", "SDF"), ("FightingAgainst", "HTS", "YPG")}
    assert [(e.type, [s.text for s in e.sources], [t.text for t in e.targets]) for e in doc._.fg_events] == [
        ("ASSAULT", ["HTS"], ["SDF", "YPG"])
    ]


def test_frames_each_of_two_subjects_does_what_they_did_and_they_did_it_together(nlp: Language) -> None:
    found = read(
        nlp,
        "The SDF and the YPG attacked HTS.",
        """
        The       DT   det    SDF
        SDF       NNP  nsubj  attacked
        and       CC   cc     SDF
        the       DT   det    YPG
        YPG       NNP  conj   SDF
        attacked  VBD  ROOT   attacked  attack
        HTS       NNP  dobj   attacked
        .         .    punct  attacked
        """,
    )
    assert found == {
        ("FightingAgainst", "SDF", "HTS"),
        ("FightingAgainst", "YPG", "HTS"),
        ("AlliesOf", "SDF", "YPG"),
    }


def test_frames_a_passive_verb_reads_its_agent_as_the_subject(nlp: Language) -> None:
    found = read(
        nlp,
        "Mosul was taken by ISIL.",
        """
        Mosul  NNP  nsubjpass  taken
        was    VBD  auxpass    taken  be
        taken  VBN  ROOT       taken  take
        by     IN   agent      taken
        ISIL   NNP  pobj       by
        .      .    punct      taken
        """,
    )
    assert found == {("Controls", "ISIL", "Mosul")}


# -- fg_events -------------------------------------------------------------------------------------------


def test_events_a_named_fight_has_both_sides_and_counts_its_dead(nlp: Language) -> None:
    doc = run(
        nlp,
        parse(
            nlp,
            "Clashes between HTS and the SDF killed three fighters.",
            """
            Clashes   NNS  nsubj   killed   clash
            between   IN   prep    Clashes
            HTS       NNP  pobj    between
            and       CC   cc      HTS
            the       DT   det     SDF
            SDF       NNP  conj    HTS
            killed    VBD  ROOT    killed   kill
            three     CD   nummod  fighters
            fighters  NNS  dobj    killed   fighter
            .         .    punct   killed
            """,
            NAMES,
        ),
    )
    assert relations(doc) == {("FightingAgainst", "HTS", "SDF")}
    assert [(e.type, [s.text for s in e.sources], e.killed) for e in doc._.fg_events] == [
        ("ASSAULT", ["HTS", "SDF"], 3)
    ]


def test_events_an_attack_that_is_only_likely_is_no_event(nlp: Language) -> None:
    doc = run(nlp, parse(nlp, "HTS is likely to attack Saraqib.", IS_LIKELY_TO_ATTACK, NAMES))
    assert doc._.fg_events == []


# -- fg_decide: what a negated, hedged or denied clause says did not happen ------------------------------


@pytest.mark.parametrize(
    ("text", "table"),
    [
        pytest.param(
            "HTS did not attack the SDF.",
            """
            HTS     NNP  nsubj  attack
            did     VBD  aux    attack  do
            not     RB   neg    attack
            attack  VB   ROOT   attack
            the     DT   det    SDF
            SDF     NNP  dobj   attack
            .       .    punct  attack
            """,
            id="did not",
        ),
        pytest.param(
            "HTS would probably attack the SDF.",
            """
            HTS       NNP  nsubj   attack
            would     MD   aux     attack
            probably  RB   advmod  attack
            attack    VB   ROOT    attack
            the       DT   det     SDF
            SDF       NNP  dobj    attack
            .         .    punct   attack
            """,
            id="would probably",
        ),
    ],
)
def test_relations_a_negated_or_modal_verb_proposes_none(undecided: Language, text: str, table: str) -> None:
    assert read(undecided, text, table) == set()


def test_decide_drops_a_relation_an_adverb_hedges(undecided: Language, nlp: Language) -> None:
    text = "HTS probably attacked the SDF."
    assert read(undecided, text, PROBABLY_ATTACKED) == {("FightingAgainst", "HTS", "SDF")}
    assert read(nlp, text, PROBABLY_ATTACKED) == set()


def test_decide_drops_what_a_denial_or_a_likelihood_holds(undecided: Language, nlp: Language) -> None:
    for text, table in [
        ("The SDF denied that HTS attacked Saraqib.", DENIED_THAT_HTS_ATTACKED),
        ("HTS is likely to attack Saraqib.", IS_LIKELY_TO_ATTACK),
    ]:
        assert ("FightingAgainst", "HTS", "Saraqib") in read(undecided, text, table)
        assert read(nlp, text, table) == set()


# -- fg_claims -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "table", "claim"),
    [
        pytest.param(
            "The SDF said HTS attacked Saraqib.",
            """
            The       DT   det    SDF
            SDF       NNP  nsubj  said
            said      VBD  ROOT   said      say
            HTS       NNP  nsubj  attacked
            attacked  VBD  ccomp  said      attack
            Saraqib   NNP  dobj   attacked
            .         .    punct  said
            """,
            ("SDF", "asserted", "said", "HTS attacked Saraqib"),
            id="said",
        ),
        pytest.param(
            "The SDF denied that HTS attacked Saraqib.",
            DENIED_THAT_HTS_ATTACKED,
            ("SDF", "denied", "denied", "HTS attacked Saraqib"),
            id="denied",
        ),
        pytest.param(
            "HTS is likely to attack Saraqib.",
            IS_LIKELY_TO_ATTACK,
            (None, "likely", "is likely to", "HTS is likely to attack Saraqib"),
            id="likely",
        ),
        pytest.param(
            "The spokesman for the SDF said HTS attacked Raqqa.",
            """
            The        DT    det    spokesman
            spokesman  NN    nsubj  said
            for        IN    prep   spokesman
            the        DT    det    SDF
            SDF        NNP   pobj   for
            said       VBD   ROOT   said       say
            HTS        NNP   nsubj  attacked
            attacked   VBD   ccomp  said       attack
            Raqqa      NNPS  dobj   attacked
            .          .     punct  said
            """,
            ("SDF", "asserted", "said", "HTS attacked Raqqa"),
            id="a spokesman speaks for his group",
        ),
        pytest.param(
            "HTS attacked the SDF, according to the Syrian Observatory.",
            """
            HTS          NNP  nsubj     attacked
            attacked     VBD  ROOT      attacked     attack
            the          DT   det       SDF
            SDF          NNP  dobj      attacked
            ,            ,    punct     attacked
            according    VBG  prep      attacked     accord
            to           IN   prep      according
            the          DT   det       Observatory
            Syrian       NNP  compound  Observatory
            Observatory  NNP  pobj      to
            .            .    punct     attacked
            """,
            ("Syrian Observatory", "asserted", "according to", "HTS attacked the SDF"),
            id="according to",
        ),
    ],
)
def test_claims_speaker_and_stance(nlp: Language, text: str, table: str, claim: tuple[str | None, ...]) -> None:
    doc = run(nlp, parse(nlp, text, table, NAMES))
    assert [(c.speaker.text if c.speaker else None, c.stance, c.cue.text, c.content.text) for c in doc._.fg_claims] == [
        claim
    ]


def test_claims_each_of_two_speakers_says_it(nlp: Language) -> None:
    text = "Damascus and Moscow said the SDF attacked Raqqa."
    table = """
        Damascus  NNP   nsubj  said
        and       CC    cc     Damascus
        Moscow    NNP   conj   Damascus
        said      VBD   ROOT   said      say
        the       DT    det    SDF
        SDF       NNP   nsubj  attacked
        attacked  VBD   ccomp  said      attack
        Raqqa     NNPS  dobj   attacked
        .         .     punct  said
    """
    doc = run(nlp, parse(nlp, text, table, NAMES))
    assert [(c.speaker.text if c.speaker else None, c.stance) for c in doc._.fg_claims] == [
        ("Damascus", "asserted"),
        ("Moscow", "asserted"),
    ]
