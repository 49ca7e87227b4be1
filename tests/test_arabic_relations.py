"""The Arabic pipeline beyond names (issue 10): clitic-split tokens, sentences, dates, relations, claims
and events, each construction and cue family on a sentence of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.nlp import MENTIONS_KEY, load_arabic_pipeline
from tests.reads import actor


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_arabic_pipeline()


def relations(doc: Doc) -> set[tuple[str, str, str]]:
    return {(r.type, r.source.id_, r.target.id_) for r in doc._.fg_relations}


def claims(doc: Doc) -> list[tuple[str | None, str]]:
    return [(c.speaker.id_ or c.speaker.text if c.speaker else None, c.stance) for c in doc._.fg_claims]


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("لهيئة", ["ل", "هيئة"]),
        ("قائدها", ["قائد", "ها"]),
        ("وللفصائل", ["و", "ل", "لفصائل"]),
        ("لـهيئة", ["لـ", "هيئة"]),
        ("ولبنان", ["و", "لبنان"]),
        ("لبنان", ["لبنان"]),
        ("وادي", ["وادي"]),
        ("بشار", ["بشار"]),
        ("كفر", ["كفر"]),
        ("وزير", ["وزير"]),
    ],
)
def test_tokens_split_clitics_only_off_known_words(nlp: Language, word: str, pieces: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(word)] == pieces


def test_tokens_keep_the_text_and_say_what_a_piece_stands_for(nlp: Language) -> None:
    text = "وقال قائدها للهيئة:  «لن ننسحب»\nثم غادر."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert [t.norm_ for t in doc if t.text == "لهيئة"] == ["هييه"]  # لل: the ل of the article


def test_sentences_end_at_arabic_stops_and_lines_not_at_the_comma(nlp: Language) -> None:
    doc = nlp("وصل الوفد، ثم غادر. هل عاد؟ نعم\nعاد أمس")
    assert [s.text.strip() for s in doc.sents] == ["وصل الوفد، ثم غادر.", "هل عاد؟", "نعم", "عاد أمس"]


def test_gazetteer_finds_names_behind_clitics(nlp: Language) -> None:
    doc = nlp("التقى وفد بهيئة تحرير الشام وقوات سوريا الديمقراطية.")
    assert [(m.text, m.id_) for m in doc.spans[MENTIONS_KEY]] == [
        ("هيئة تحرير الشام", "hayat-tahrir-al-sham"),
        ("قوات سوريا الديمقراطية", "syrian-democratic-forces"),
    ]


def test_dates_relative_days_and_eastern_digits_are_temporal_mentions(nlp: Language) -> None:
    doc = nlp("قصفت قوات النظام سراقب يوم الجمعة، بعد هجوم في ١٤ أيار ٢٠٢٢ والشهر الماضي وأمس.")
    temporal = [m.text for m in doc.spans[MENTIONS_KEY] if m.label_ == "Temporal"]
    assert temporal == ["الجمعة", "١٤ أيار ٢٠٢٢", "الشهر الماضي", "أمس"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وشارك فصيل جيش العزة التابع لهيئة تحرير الشام في المعركة.",
            ("BelongsTo", "jaysh-al-izza", "hayat-tahrir-al-sham"),
        ),
        (
            "وانسحب جيش العزة، أحد فصائل الجبهة الوطنية للتحرير، من المنطقة.",
            ("BelongsTo", "jaysh-al-izza", "national-front-for-liberation"),
        ),
        ("وتقدم الجيش الوطني السوري المدعوم من تركيا نحو البلدة.", ("AlliesOf", "turkey", "syrian-national-army")),
        ("وتنتشر الميليشيات الموالية لإيران في البادية.", None),
        (
            "وقال أبو محمد الجولاني، قائد هيئة تحرير الشام، كلمة قصيرة.",
            ("InChargeOf", "abu-mohammad-al-jolani", "hayat-tahrir-al-sham"),
        ),
        (
            "وظهر القائد العام لهيئة تحرير الشام أبو محمد الجولاني في تسجيل.",
            ("InChargeOf", "abu-mohammad-al-jolani", "hayat-tahrir-al-sham"),
        ),
        (
            "ووصلت تعزيزات إلى مدينة إدلب الخاضعة لسيطرة هيئة تحرير الشام.",
            ("Controls", "hayat-tahrir-al-sham", "fg:idlib"),
        ),
    ],
)
def test_relations_from_words_between_two_names(nlp: Language, text: str, expected: tuple | None) -> None:
    found = relations(nlp(text))
    if expected is not None:
        assert expected in found


def test_relations_construct_state_body_stands_for_its_group(nlp: Language) -> None:
    doc = nlp("واعتقل الجهاز الأمني لهيئة تحرير الشام قيادياً في تنظيم حراس الدين.")
    assert ("Dislikes", "hayat-tahrir-al-sham", "hurras-al-din") in relations(doc)


def test_relations_fighting_between_two_sides_with_place_and_list(nlp: Language) -> None:
    doc = nlp("واندلعت اشتباكات بين هيئة تحرير الشام وحركة أحرار الشام في ريف إدلب.")
    found = relations(doc)
    assert ("FightingAgainst", "hayat-tahrir-al-sham", "ahrar-al-sham") in found
    assert {("CoLocated", "hayat-tahrir-al-sham", "fg:idlib-governorate")} <= found
    [event] = doc._.fg_events
    assert event.type == "ASSAULT" and event.place is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقصفت تركيا مواقع لقوات سوريا الديمقراطية.", ("FightingAgainst", "turkey", "syrian-democratic-forces")),
        (
            "والتقى أبو محمد الجولاني بوفد من الجيش الوطني السوري.",
            ("CommWith", "abu-mohammad-al-jolani", "syrian-national-army"),
        ),
        ("واتهمت قوات سوريا الديمقراطية تركيا بقصف القرى.", ("Dislikes", "syrian-democratic-forces", "turkey")),
        ("وتسيطر قوات سوريا الديمقراطية على مدينة الرقة.", ("Controls", "syrian-democratic-forces", "raqqa")),
    ],
)
def test_relations_from_verbs_subject_after_or_before(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in relations(nlp(text))


def test_relations_hedged_or_negated_verbs_make_none(nlp: Language) -> None:
    assert not relations(nlp("ولم تقصف تركيا مواقع لقوات سوريا الديمقراطية."))
    assert not relations(nlp("وقد تقصف تركيا مواقع لقوات سوريا الديمقراطية."))


def test_claims_reporting_verb_speaker_after_a_title(nlp: Language) -> None:
    doc = nlp("وقال قائد هيئة تحرير الشام أبو محمد الجولاني إن الهيئة ستبقى في إدلب.")
    assert claims(doc) == [("abu-mohammad-al-jolani", "asserted")]
    assert doc._.fg_claims[0].content.text == "الهيئة ستبقى في إدلب"


def test_claims_denial_likely_possible_and_negated_belief(nlp: Language) -> None:
    assert claims(nlp("ونفت هيئة تحرير الشام أن تكون اعتقلت أحداً.")) == [("hayat-tahrir-al-sham", "denied")]
    assert claims(nlp("ورجح المرصد السوري لحقوق الإنسان أن يتجدد القصف.")) == [("sohr", "likely")]
    assert claims(nlp("وأكد الجيش الوطني السوري أنه قد يهاجم منبج.")) == [("syrian-national-army", "possible")]
    assert claims(nlp("ولا يعتقد أبو محمد الجولاني أن الاتفاق سيصمد.")) == [("abu-mohammad-al-jolani", "denied")]


def test_claims_source_phrase_and_unnamed_source(nlp: Language) -> None:
    assert claims(nlp("وبحسب المرصد السوري لحقوق الإنسان، قتل عشرة عناصر.")) == [("sohr", "asserted")]
    doc = nlp("وقالت مصادر محلية إن الرتل وصل إلى المدينة.")
    assert claims(doc) == [("مصادر محلية", "asserted")]


def test_relations_inside_a_denied_claim_are_no_fact(nlp: Language) -> None:
    doc = nlp("ونفت تركيا أنها قصفت مواقع لقوات سوريا الديمقراطية.")
    assert claims(doc) == [("turkey", "denied")]
    assert not any(r.type == "FightingAgainst" for r in doc._.fg_relations)


def test_arabic_article_relations_and_claims_reach_the_store(fresh_db: Database, tmp_path: Path) -> None:
    article = tmp_path / "ar.txt"
    article.write_text(
        "---\npublished: 2022-05-14\nlang: ar\n---\nاشتباكات في ريف إدلب\n\n"
        "اندلعت اشتباكات يوم الجمعة بين هيئة تحرير الشام وحركة أحرار الشام في ريف إدلب. "
        "وقال أبو محمد الجولاني، قائد هيئة تحرير الشام، إن الهيئة لن تنسحب.\n",
        "utf-8",
    )
    ingest(fresh_db, [article])
    hts = actor(fresh_db, "هيئة تحرير الشام")
    assert hts.name == "Hayat Tahrir al-Sham"
    rows = list(fresh_db.query("select type, when_start from relations"))
    assert {"type": "FightingAgainst", "when_start": "2022-05-13"} in rows
    assert [r["stance"] for r in fresh_db.query("select stance from claims")] == ["denied"]


def test_relations_a_place_lies_in_the_place_after_it(nlp: Language) -> None:
    doc = nlp("دخلت القوات بلدتي منبج وجرابلس في ريف حلب. وتقع ود مدني وسط السودان.")
    found = {(r.type, r.source.text, r.target.text) for r in doc._.fg_relations}
    assert {("CoLocated", "منبج", "ريف حلب"), ("CoLocated", "جرابلس", "ريف حلب")} <= found
    assert ("CoLocated", "ود مدني", "السودان") in found


def test_relations_words_that_open_or_close_a_between_phrase_are_skipped(nlp: Language) -> None:
    doc = nlp("تحالفت فرقة الحمزة وفرقة السلطان مراد، وهما فصيلان منضويان في الجيش الوطني السوري.")
    assert ("BelongsTo", "sultan-murad-division", "syrian-national-army") in relations(doc)
    doc = nlp("وقالت هيئة تحرير الشام، التي تسيطر على مدينة إدلب، إنها لن تنسحب.")
    assert ("Controls", "hayat-tahrir-al-sham", "fg:idlib") in relations(doc)


def test_relations_both_sides_of_a_fight_were_where_it_happened(nlp: Language) -> None:
    doc = nlp("اندلعت اشتباكات بين هيئة تحرير الشام والجيش الوطني السوري في مدينة عفرين.")
    assert {
        ("CoLocated", "hayat-tahrir-al-sham", "afrin"),
        ("CoLocated", "syrian-national-army", "afrin"),
    } <= relations(doc)


def test_relations_a_verb_finds_its_object_past_a_relative_clause_on_its_subject(nlp: Language) -> None:
    doc = nlp("واتهمت قسد، التي تسيطر على معظم شمال شرقي سوريا، تركيا بمحاولة زعزعة الاستقرار.")
    found = relations(doc)
    assert ("Dislikes", "syrian-democratic-forces", "turkey") in found
    assert ("Dislikes", "syrian-democratic-forces", "fg:northeast-syria") not in found


def test_relations_a_dateline_puts_its_town_in_its_state(nlp: Language) -> None:
    doc = nlp("القامشلي، سوريا - قصفت طائرة مسيرة تركية سيارة تابعة لقوات سوريا الديمقراطية.")
    found = relations(doc)
    assert ("CoLocated", "qamishli", "syria") in found
    assert ("FightingAgainst", "turkey", "syrian-democratic-forces") in found  # "تركية": the state behind the drone


def test_claims_a_quote_that_ends_the_sentence_keeps_its_closing_mark(nlp: Language) -> None:
    doc = nlp("وقال الجيش الوطني السوري إن القصف «خرق واضح للهدنة».")
    assert doc._.fg_claims[0].content.text == "القصف «خرق واضح للهدنة»"
    doc = nlp("وقال الجيش الوطني السوري إن القصف خرق واضح للهدنة.")
    assert doc._.fg_claims[0].content.text == "القصف خرق واضح للهدنة"


def test_claims_a_clause_set_against_the_claim_ends_it(nlp: Language) -> None:
    doc = nlp("وقالت هيئة تحرير الشام إن المعارك ستستمر، بينما طالب الجيش الوطني السوري بوقف القتال.")
    assert [c.content.text for c in doc._.fg_claims] == ["المعارك ستستمر"]
    doc = nlp("وقالت هيئة تحرير الشام إن المعارك ستستمر، في حين انسحب مقاتلو الجيش الوطني السوري.")
    assert [c.content.text for c in doc._.fg_claims] == ["المعارك ستستمر"]


def test_claims_a_second_reporting_verb_ends_the_first_claim_and_keeps_its_speaker(nlp: Language) -> None:
    doc = nlp("وقال مظلوم عبدي إن قواته ستدافع عن أرضها، وأشار إلى أن قسد قد تلجأ إلى روسيا. وقال إن المعركة طويلة.")
    assert claims(doc) == [("mazloum-abdi", "asserted"), ("mazloum-abdi", "possible"), ("mazloum-abdi", "asserted")]


def test_relations_lists_and_sides_may_carry_their_men_or_a_quantity(nlp: Language) -> None:
    doc = nlp("اندلعت اشتباكات بين عناصر هيئة تحرير الشام ومقاتلي الجيش الوطني السوري.")
    assert ("FightingAgainst", "hayat-tahrir-al-sham", "syrian-national-army") in relations(doc)
    doc = nlp("وتسيطر قوات سوريا الديمقراطية على معظم محافظة الحسكة وأغلب محافظة الرقة.")
    found = relations(doc)
    assert {("Controls", "syrian-democratic-forces", f"fg:{g}-governorate") for g in ("hasakah", "raqqa")} <= found


def test_relations_a_group_led_by_a_person(nlp: Language) -> None:
    doc = nlp("وقال لواء ثوار الرقة، الذي يقوده أحمد علوش، إنه لن ينسحب.")
    assert ("InChargeOf", "أحمد علوش", "لواء ثوار الرقة") in {
        (r.type, r.source.text, r.target.text) for r in doc._.fg_relations
    }


def test_relations_titles_with_a_rank_or_a_pronoun(nlp: Language) -> None:
    doc = nlp("وقال القائد العام لقوات سوريا الديمقراطية العميد مظلوم عبدي إن المعركة طويلة.")
    assert ("InChargeOf", "mazloum-abdi", "syrian-democratic-forces") in relations(doc)
    doc = nlp("أعلن تنظيم الدولة الإسلامية مقتل زعيمه أبو الحسن الهاشمي القرشي.")
    assert ("InChargeOf", "أبو الحسن الهاشمي القرشي", "تنظيم الدولة الإسلامية") in {
        (r.type, r.source.text, r.target.text) for r in doc._.fg_relations
    }


def test_names_the_town_refers_back_to_the_town_named_last(nlp: Language) -> None:
    doc = nlp("اقتربت الفصائل من مدينة منبج. ودخلت قوات سوريا الديمقراطية المدينة صباح الجمعة.")
    ids = [m.id_ for m in doc.spans[MENTIONS_KEY] if m.text in ("منبج", "المدينة")]
    assert len(ids) == 2 and ids[0] == ids[1] != ""


def test_relations_a_camp_of_a_group_and_a_title_in_the_accusative(nlp: Language) -> None:
    doc = nlp("وسيطرت الفصائل على معسكر التكبالي التابع لهيئة تحرير الشام.")
    assert ("Controls", "hayat-tahrir-al-sham", "معسكر التكبالي") in {
        (r.type, r.source.id_, r.target.text) for r in doc._.fg_relations
    }
    doc = nlp("أعلن التنظيم تعيين أبو الحسين الحسيني القرشي أميراً جديداً لتنظيم الدولة الإسلامية.")
    assert ("InChargeOf", "أبو الحسين الحسيني القرشي") in {(r.type, r.source.text) for r in doc._.fg_relations}


def test_relations_a_verbs_object_past_what_describes_its_subject_and_a_date(nlp: Language) -> None:
    doc = nlp("سيطرت قوات الحزام الأمني الموالية للمجلس الانتقالي الجنوبي، أمس السبت، على مدينة عدن.")
    found = {(r.type, r.source.text, r.target.text) for r in doc._.fg_relations}
    assert ("Controls", "قوات الحزام الأمني", "عدن") in found


def test_relations_a_symmetric_verb_with_two_subjects_joins_them(nlp: Language) -> None:
    doc = nlp("وقع أحمد الشرع ومظلوم عبدي اتفاقاً في دمشق.")
    assert ("CommWith", "abu-mohammad-al-jolani", "mazloum-abdi") in relations(doc)


def test_relations_founding_leading_and_belonging_verbs(nlp: Language) -> None:
    doc = nlp("وأسس أبو محمد الجولاني هيئة تحرير الشام. وينتمي أبو ماريا القحطاني إلى هيئة تحرير الشام.")
    found = {(r.type, r.target.id_) for r in doc._.fg_relations}
    assert {("InChargeOf", "hayat-tahrir-al-sham"), ("BelongsTo", "hayat-tahrir-al-sham")} <= found
