"""Arabic events (issue 11): an event noun or verb records an event of one side, or of a named place
alone, with the place its clause names, its PLOVER type, and the mode and ACLED types of events.json's
'arabic' section; unreal events (negated, called for, threatened, possible, habitual) are kept out, and
Arabic and English reports of one clash are one event. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.build import ingest_article
from factiongraph.ingest import Article
from factiongraph.lexicons import load_lexicon
from factiongraph.nlp import load_arabic_pipeline
from factiongraph.nlp.spans import FoundEvent
from tests.reads import events


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_arabic_pipeline()


def ids(spans: tuple) -> set[str]:
    return {s.id_ for s in spans}


def only_event(nlp: Language, text: str, kind: str) -> FoundEvent:
    found = [e for e in nlp(text)._.fg_events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in nlp(text)._.fg_events]
    return found[0]


# (text, PLOVER type, place id, source ids, target ids, mode, ACLED sub-event type)
POSITIVE = [
    pytest.param(
        "انفجرت سيارة مفخخة صباح اليوم في سوق مدينة الباب بريف حلب الشرقي، ما أسفر عن مقتل تسعة مدنيين.",
        "ASSAULT",
        "al-bab",
        set(),
        set(),
        "explosives",
        "Remote explosive/landmine/IED",
        id="place-only-car-bomb",
    ),
    pytest.param(
        "خطف مسلحون ملثمون طبيباً في بلدة الحراك بريف درعا الشرقي مساء أمس.",
        "ASSAULT",
        "geonames:173819",
        set(),
        set(),
        "abduct",
        "Abduction/forced disappearance",
        id="place-only-abduction-verb",
    ),
    pytest.param(
        "نظّم ناشطون وقفة احتجاجية في ساحة مدينة الباب للمطالبة بالإفراج عن المعتقلين.",
        "PROTEST",
        "al-bab",
        set(),
        set(),
        "demonstrate",
        "Peaceful protest",
        id="place-only-protest",
    ),
    pytest.param(
        "أسفرت ضربة بطائرة مسيرة تركية قرب مدينة القامشلي عن إصابة ثلاثة مدنيين.",
        "ASSAULT",
        "qamishli",
        {"turkey"},
        set(),
        "drone",
        "Air/drone strike",
        id="one-side-drone-strike",
    ),
    pytest.param(
        "أفادت مصادر محلية باغتيال قيادي في هيئة تحرير الشام برصاص مجهولين في مدينة أريحا.",
        "ASSAULT",
        "geonames:172994",
        set(),
        {"hayat-tahrir-al-sham"},
        "kill",
        "Attack",
        id="one-side-assassination",
    ),
    pytest.param(
        "نفذت قوات النظام قصفاً مدفعياً على قرية كفرنبل في ريف إدلب الجنوبي.",
        "ASSAULT",
        "fg:kafr-nabl",
        {"syrian-government"},
        set(),
        "shelling",
        "Shelling/artillery/missile attack",
        id="light-verb-artillery-on-a-village",
    ),
    pytest.param(
        "بدأ انسحاب قوات سوريا الديمقراطية من مدينة منبج بعد الاتفاق.",
        "RETREAT",
        "manbij",
        {"syrian-democratic-forces"},
        set(),
        "withdraw",
        "Non-violent transfer of territory",
        id="withdrawal-from",
    ),
    pytest.param(
        "جرى تسليم مواقع قوات سوريا الديمقراطية لقوات النظام في ريف الرقة.",
        "RETREAT",
        "fg:raqqa-governorate",
        {"syrian-democratic-forces"},
        {"syrian-government"},
        "withdraw",
        "Non-violent transfer of territory",
        id="handover-of-positions",
    ),
    pytest.param(
        "اندلعت اشتباكات بين هيئة تحرير الشام والجبهة الوطنية للتحرير على أطراف بلدة دارة عزة.",
        "ASSAULT",
        "fg:darat-izza",
        {"hayat-tahrir-al-sham", "national-front-for-liberation"},
        set(),
        "firearms",
        "Armed clash",
        id="two-sided-clash-with-place",
    ),
    pytest.param(
        "اندلع قصف متبادل بين قوات سوريا الديمقراطية والجيش الوطني السوري في محيط مدينة منبج.",
        "ASSAULT",
        "manbij",
        {"syrian-democratic-forces", "syrian-national-army"},
        set(),
        "shelling",
        "Shelling/artillery/missile attack",
        id="two-sided-mutual-shelling",
    ),
    pytest.param(
        "تمت عملية تبادل أسرى بين هيئة تحرير الشام والجيش الوطني السوري قرب بلدة دارة عزة.",
        "AGREE",
        "fg:darat-izza",
        {"hayat-tahrir-al-sham", "syrian-national-army"},
        set(),
        "settle",
        "Agreement",
        id="prisoner-exchange",
    ),
    pytest.param(
        "قُتل ثلاثة عناصر من قوات النظام في هجوم لتنظيم الدولة الإسلامية على حاجز قرب مدينة البوكمال.",
        "ASSAULT",
        "fg:abu-kamal",
        {"islamic-state"},
        {"syrian-government"},
        "firearms",
        "Armed clash",
        id="passive-killed-in-an-attack",
    ),
    pytest.param(
        "مقتل عنصرين من الجيش الوطني السوري بانفجار عبوة ناسفة في مدينة عفرين",
        "ASSAULT",
        "afrin",
        set(),
        {"syrian-national-army"},
        "explosives",
        "Remote explosive/landmine/IED",
        id="headline-killed-by-a-bomb",
    ),
    pytest.param(
        "مقتل قيادي في حركة أحرار الشام برصاص مجهولين في مدينة الباب",
        "ASSAULT",
        "al-bab",
        set(),
        {"ahrar-al-sham"},
        "kill",
        None,
        id="headline-killing",
    ),
]


@pytest.mark.parametrize(("text", "kind", "place", "sources", "targets", "mode", "sub_type"), POSITIVE)
def test_arabic_events_one_side_or_a_place_alone_record_an_event(
    nlp: Language,
    text: str,
    kind: str,
    place: str,
    sources: set[str],
    targets: set[str],
    mode: str,
    sub_type: str | None,
) -> None:
    event = only_event(nlp, text, kind)
    assert event.place is not None and event.place.id_ == place
    assert (ids(event.sources), ids(event.targets)) == (sources, targets)
    assert (event.mode, event.acled_sub_event_type) == (mode, sub_type)


def test_arabic_events_a_death_is_what_the_event_of_its_sentence_did(nlp: Language) -> None:
    """ "قُتل ... في هجوم", "مقتل ... بانفجار": one event, the attack, with the dead as its casualties."""
    doc = nlp("قُتل ثلاثة عناصر من قوات النظام في هجوم لتنظيم الدولة الإسلامية على حاجز قرب مدينة البوكمال.")
    [event] = doc._.fg_events
    assert event.trigger.text == "هجوم" and event.killed == 3


def test_arabic_events_a_clitic_split_trigger_is_labelled_with_its_lexicon_word(nlp: Language) -> None:
    """ "بهجوم" is ب + هجوم; a voweled, inflected verb ("شنّت") finds its mode through its lexicon word."""
    event = only_event(nlp, "مقتل جنديين من قوات النظام بهجوم لهيئة تحرير الشام قرب مدينة سراقب", "ASSAULT")
    assert (event.trigger.text, event.trigger.label_) == ("هجوم", "هجوم")
    assert ids(event.sources) == {"hayat-tahrir-al-sham"} and ids(event.targets) == {"syrian-government"}
    verb = only_event(nlp, "قصفتْ قوات النظام بلدة كفرنبل بالمدفعية.", "ASSAULT")
    assert verb.trigger.label_ == "قصف" and verb.mode == "shelling" and verb.place.id_ == "fg:kafr-nabl"


def test_arabic_events_a_verb_whose_subject_is_an_event_noun_tells_no_event_of_its_own(nlp: Language) -> None:
    """ "تتواصل الاشتباكات" is fighting that goes on, not a contact between the sides ("تواصل مع")."""
    doc = nlp("تتواصل منذ يومين الاشتباكات بين قوات سوريا الديمقراطية والجيش الوطني السوري في محيط مدينة منبج.")
    assert [(e.type, e.trigger.label_) for e in doc._.fg_events] == [("ASSAULT", "اشتباكات")]


def test_arabic_events_every_trigger_has_a_mode_entry() -> None:
    """Each Arabic event word of arabic_relations.json (a verb by its past, a noun as written) is a key of
    events.json's 'arabic' section, so no Arabic event goes without its mode and ACLED types."""
    relations = load_lexicon(None, "arabic_relations.json")
    manner = load_lexicon(None, "events.json")["arabic"]
    words = [v.get("past") or v["forms"][0] for v in relations["verbs"] if v.get("event")]
    words += [w for n in relations["nominals"] if n.get("event") for w in n["words"]]
    assert [w for w in words if w not in manner] == []


NEGATIVE = [
    pytest.param("لم تقصف قوات النظام بلدة كفرنبل أمس.", id="negated-lam"),
    pytest.param("لن تنسحب قوات سوريا الديمقراطية من مدينة منبج.", id="negated-lan"),
    pytest.param("نفت هيئة تحرير الشام وقوع اشتباكات مع الجيش الوطني السوري في محيط مدينة الباب.", id="denied"),
    pytest.param("دعت الأمم المتحدة إلى وقف القصف على مدينة إدلب.", id="called-for"),
    pytest.param("هددت تركيا بشن هجوم على مدينة منبج.", id="threatened"),
    pytest.param("حذر مسؤولون محليون من هجوم محتمل لتنظيم الدولة الإسلامية على سجن في مدينة الحسكة.", id="possible"),
    pytest.param("تشهد مدينة الباب بين الحين والآخر تفجيرات بسيارات مفخخة.", id="habitual"),
    pytest.param("وقع انفجار ضخم صباح اليوم.", id="no-side-no-place"),
    pytest.param("ربما تسعى روسيا إلى إقناع قوات سوريا الديمقراطية بالانسحاب من مدينة منبج.", id="persuaded-to"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_arabic_events_unreal_or_unplaced_events_are_not_recorded(nlp: Language, text: str) -> None:
    found = [e for e in nlp(text)._.fg_events if e.type in ("ASSAULT", "RETREAT", "COERCE", "PROTEST")]
    assert found == [], [(e.type, e.trigger.text) for e in found]


ARABIC_REPORTS = [
    (
        "اشتباكات بين هيئة تحرير الشام والجيش الوطني السوري قرب دارة عزة\n\n"
        "حلب - اندلعت اشتباكات عنيفة، مساء أمس الجمعة، بين هيئة تحرير الشام والجيش الوطني السوري على أطراف "
        "بلدة دارة عزة بريف حلب الغربي، ما أسفر عن مقتل ثلاثة مقاتلين من الطرفين.",
        "نشرة الشمال",
    ),
    (
        "قُتل مقاتلان من الجيش الوطني السوري وأصيب آخرون، يوم الجمعة، في هجوم شنّته هيئة تحرير الشام على "
        "مواقعه في محيط بلدة دارة عزة غربي حلب.",
        "مرصد حلب",
    ),
]
ENGLISH_REPORT = (
    "Clashes broke out on Friday between Hayat Tahrir al-Sham and the Syrian National Army near Darat Izza, "
    "west of Aleppo, leaving three fighters dead."
)


@pytest.mark.slow
def test_arabic_events_two_arabic_reports_and_an_english_one_are_one_event(fresh_db: Database) -> None:
    for text, outlet in ARABIC_REPORTS:
        ingest_article(fresh_db, Article(text=text, source=outlet, outlet=outlet, published="2024-09-14", lang="ar"))
    ingest_article(
        fresh_db, Article(text=ENGLISH_REPORT, source="wire", outlet="Levant Wire", published="2024-09-13", lang="en")
    )
    [event] = events(fresh_db, event_type="ASSAULT")
    assert len(event.reports) == 3
    assert event.when == "2024-09-13" and event.place is not None and event.place.name == "Darat Izza"
    assert event.acled_sub_event_type == "Armed clash"
