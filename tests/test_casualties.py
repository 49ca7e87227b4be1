"""Casualty counts (issue 11): the killed and injured of one sentence as numbers, each with the words it
was read from, on sentences the project wrote for each phrasing and for each guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from factiongraph.errors import LexiconError
from factiongraph.lexicons import default_lexicon_path, read_lexicon_file
from factiongraph.nlp import load_arabic_pipeline, load_pipeline
from factiongraph.nlp.casualties import Casualties, CasualtyWords, read_casualties


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def nlp_ar() -> Language:
    return load_arabic_pipeline()


@pytest.fixture(scope="module")
def words() -> CasualtyWords:
    return CasualtyWords.read()


def read(nlp: Language, words: CasualtyWords, text: str) -> Casualties:
    """The casualties of a text of one sentence."""
    sentences = list(nlp(text).sents)
    assert len(sentences) == 1, [s.text for s in sentences]
    return read_casualties(sentences[0], words)


def numbers(found: Casualties) -> tuple[int | None, int | None]:
    return (
        found.killed.number if found.killed else None,
        found.injured.number if found.injured else None,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param("A drone strike on the market killed 14 civilians.", 14, None, id="active-object-digits"),
        pytest.param("Four fighters were killed in the ambush near the road.", 4, None, id="passive-words"),
        pytest.param("Nine people died after the shelling of the camp.", 9, None, id="died-subject"),
        pytest.param("Two of the gunmen were killed by return fire.", 2, None, id="partitive-passive"),
        pytest.param("The offensive has killed at least 45 militants.", 45, None, id="at-least-object"),
        pytest.param("About 300 fighters stormed the town, killing two.", 2, None, id="participle-bare-number"),
        pytest.param("Twenty civilians killed in overnight raids, monitors say.", 20, None, id="headline-participle"),
        pytest.param("Seven dead as rockets hit the market.", 7, None, id="number-dead"),
        pytest.param("The clashes ended at dawn, leaving six fighters dead.", 6, None, id="leaving-x-dead"),
        pytest.param("The car bomb left 8 people dead and 21 wounded.", 8, 21, id="left-dead-and-wounded"),
        pytest.param("The barrage killed three people and injured 17 others.", 3, 17, id="killed-and-injured-active"),
        pytest.param("Two soldiers were killed and five were wounded.", 2, 5, id="killed-and-wounded-passive"),
        pytest.param("Fifteen people were injured when the roof collapsed.", None, 15, id="injured-passive-words"),
        pytest.param("The death toll from Sunday's bombing has risen to 31.", 31, None, id="death-toll-rose-to"),
        pytest.param("Medics reported a death toll of 11.", 11, None, id="death-toll-of"),
        pytest.param("The number of dead rose to 40.", 40, None, id="number-of-dead"),
        pytest.param("Eleven villagers lost their lives in the bombardment.", 11, None, id="lost-their-lives"),
        pytest.param("The explosion claimed the lives of 16 people.", 16, None, id="claimed-the-lives-of"),
        pytest.param("The fighting caused 9 deaths and 30 injuries.", 9, 30, id="deaths-and-injuries-nouns"),
        pytest.param("The attack killed twenty-six people.", 26, None, id="hyphenated-number-words"),
        pytest.param("Two hundred and fifty people were killed in the siege.", 250, None, id="hundreds-and-units"),
        pytest.param("More than a dozen guards were wounded.", None, 12, id="more-than-a-dozen"),
        pytest.param("Dozens were injured in the stampede.", None, 12, id="dozens-lower-bound"),
        pytest.param(
            "Four fighters from the brigade and three from its ally were killed.", 7, None, id="coordinated-counts-add"
        ),
        pytest.param("No civilians were killed in the raid.", 0, None, id="no-one-killed-is-zero"),
    ],
)
def test_casualties_phrasing(nlp: Language, words: CasualtyWords, text: str, killed: int, injured: int) -> None:
    assert numbers(read(nlp, words, text)) == (killed, injured)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param("He was killed in 2015 near the border.", None, None, id="killed-in-a-year"),
        pytest.param("A 14-year-old boy was killed by a sniper.", 1, None, id="age"),
        pytest.param("Shelling hit 12 villages, killing a shepherd.", 1, None, id="villages"),
        pytest.param("Three days of shelling killed 19 people.", 19, None, id="days-of-fighting"),
        pytest.param("The commander was killed in 2016, 4 years after he joined.", None, None, id="years-after"),
        pytest.param(
            "A rocket landed 5 kilometres from the base at 10 pm and killed a guard.", 1, None, id="distance-time"
        ),
        pytest.param("The raid destroyed 4 tanks and killed 6 soldiers.", 6, None, id="things-destroyed"),
        pytest.param("The group, which has 3,000 fighters, lost 2 men in the battle.", None, None, id="group-size"),
        pytest.param("The militants threatened to kill 20 hostages.", None, None, id="threat"),
        pytest.param("The 12 detainees were not killed, officials said.", None, None, id="negated"),
        pytest.param("Twelve people were killed or wounded in the shelling.", None, None, id="killed-or-wounded"),
        pytest.param("Around 50 fighters were killed or captured.", None, None, id="killed-or-captured"),
    ],
)
def test_casualties_guard(nlp: Language, words: CasualtyWords, text: str, killed: int, injured: int) -> None:
    assert numbers(read(nlp, words, text)) == (killed, injured)


@pytest.mark.slow
def test_casualties_unrelated_counts_are_not_added_and_the_main_clause_wins(
    nlp: Language, words: CasualtyWords
) -> None:
    found = read(nlp, words, "The blast killed 3 people, two days after a bombing killed 12 in the same town.")
    assert found.killed is not None and found.killed.number == 3
    assert [c.number for c in found.counts] == [3, 12]


@pytest.mark.slow
def test_casualties_bound_and_span_keep_the_quantifier(nlp: Language, words: CasualtyWords) -> None:
    found = read(nlp, words, "The strikes killed some 30 fighters and injured at least 4 women.")
    assert found.killed is not None and found.injured is not None
    assert (found.killed.bound, found.killed.span.text, found.killed.cue.text) == ("about", "some 30", "killed")
    assert (found.injured.bound, found.injured.span.text) == ("at least", "at least 4")
    found = read(nlp, words, "Nine people were killed.")
    assert found.killed is not None and found.killed.bound == "exact"


@pytest.mark.slow
def test_casualties_added_counts_keep_each_number_span(nlp: Language, words: CasualtyWords) -> None:
    found = read(nlp, words, "12 civilians and 3 fighters were killed in the strikes.")
    assert found.killed is not None
    assert [s.text for s in found.killed.spans] == ["12", "3"]
    assert found.killed.span.text == "12 civilians and 3"


@pytest.mark.slow
def test_casualties_cue_covers_its_phrase(nlp: Language, words: CasualtyWords) -> None:
    found = read(nlp, words, "Twenty civilians lost their lives in the bombardment.")
    assert found.killed is not None and found.killed.cue.text == "lost their lives"
    found = read(nlp, words, "The injury toll climbed to 40.")
    assert numbers(found) == (None, 40)
    assert found.injured is not None and found.injured.cue.text == "injury toll"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param("أسفرت الغارة عن مقتل 9 أشخاص وإصابة 14 آخرين.", 9, 14, id="ar-killing-and-injury-digits"),
        pytest.param("قتل خمسة مقاتلين في كمين قرب الطريق.", 5, None, id="ar-killed-number-word"),
        pytest.param("أصيب ثلاثة عشر عنصرا في الاشتباكات.", None, 13, id="ar-teen"),
        pytest.param("أسفر الهجوم عن مقتل ثلاثة وعشرين مقاتلا.", 23, None, id="ar-unit-and-tens"),
        pytest.param("أدى الانفجار إلى مقتل ما لا يقل عن سبعة مدنيين.", 7, None, id="ar-at-least"),
        pytest.param("سقط 4 قتلى و10 جرحى في الهجوم.", 4, 10, id="ar-number-before-plural"),
        pytest.param("ارتفعت حصيلة القتلى في المدينة إلى 31 شخصاً.", 31, None, id="ar-toll-rose-to"),
        pytest.param("قتل 6 أشخاص وجرح اثنان آخران في القصف.", 6, 2, id="ar-conjunction-left-on-the-word"),
        pytest.param("قتل طفل يبلغ من العمر 12 عاماً في القصف.", None, None, id="ar-age"),
        pytest.param("قتل قائد الفصيل عام 2016.", None, None, id="ar-year"),
        pytest.param("أسفرت الاشتباكات عن مقتل وإصابة 15 عنصرا.", None, None, id="ar-killed-and-injured-together"),
    ],
)
def test_casualties_arabic(nlp_ar: Language, words: CasualtyWords, text: str, killed: int, injured: int) -> None:
    assert numbers(read(nlp_ar, words, text)) == (killed, injured)


def test_casualties_arabic_bound_and_span(nlp_ar: Language, words: CasualtyWords) -> None:
    found = read(nlp_ar, words, "أدى الانفجار إلى مقتل نحو عشرين مدنيا.")
    assert found.killed is not None
    assert (found.killed.number, found.killed.bound, found.killed.span.text) == (20, "about", "نحو عشرين")
    found = read(nlp_ar, words, "قتل ١٨ شخصاً على الأقل في الاشتباكات.")
    assert found.killed is not None
    assert (found.killed.number, found.killed.bound, found.killed.span.text) == (18, "at least", "١٨")


def test_casualties_lexicon_english_words_must_be_lower_case(tmp_path: Path) -> None:
    raw = json.loads(default_lexicon_path("casualties.json").read_text("utf-8"))
    raw["killed"]["verbs"].append("Kill")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(LexiconError, match=r"mine\.json: .*words are matched in lower case: Kill"):
        read_lexicon_file(path, "casualties.json")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        pytest.param("The drone strike killed a YPG member near Amuda.", 1, id="a-member"),
        pytest.param("A member of the local council was shot dead by gunmen.", 1, id="shot-dead"),
        pytest.param("Gunmen killed Abu Hatem al-Shaqra in Afrin.", 1, id="by-name"),
        pytest.param("The raid destroyed a tank and killed nobody.", 0, id="thing-and-nobody"),
    ],
)
def test_casualties_one_victim_in_the_singular_counts_one(
    nlp: Language, words: CasualtyWords, text: str, killed: int
) -> None:
    assert numbers(read(nlp, words, text))[0] == killed
