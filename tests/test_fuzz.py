"""Hypothesis properties over what reads untrusted text: the file readers, the date rules, the name keys and the
Arabic normalisers. Each must take any input without raising anything but the project's own errors, give
results of the documented form, and be idempotent where a second pass should change nothing.

Example counts stay small so the fast suite stays fast; the heavy properties (dateparser, whole files, the
Arabic tokenizer) are marked slow and run in ``make test``."""

from __future__ import annotations

import codecs
import re
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factiongraph.dates import PartialDate, TimeSpan, parse_date, resolve_time
from factiongraph.dates import _normalise as normalise_date_text
from factiongraph.errors import InputError
from factiongraph.ingest import Article, ReadFailure, read_articles
from factiongraph.ingest.decode import NotText, decode_text
from factiongraph.ingest.readers import READERS_BY_NAME, READERS_BY_SUFFIX
from factiongraph.keys import name_key, translit_key
from factiongraph.nlp.arabic.tokens import make_arabic_tokenizer

FAST = settings(max_examples=150, deadline=None)
SLOW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
"""The Arabic block: letters, hamza and alef forms, diacritics, tatweel, Arabic-Indic digits and punctuation."""
NAME_CHARACTERS = st.one_of(
    ARABIC,
    st.sampled_from(list(" -‐–—_.,'’`ʿʾ\"“”")),
    st.characters(codec="utf-8"),
)
NAME_PIECES = st.sampled_from(
    ["the", "The", "al", "Al-", "al-", "el-", "ash-", "ad-", "ال", "الـ", "أ", "إ", "ة", "ى", "ً", "-", " ", "  ", "'",
     "ʿ", "Nusra", "Jolani", "Shām", "JABHAT", "ج", "ولاني", "٢", "İ", "ß", "\u0301", "\t", "_", ".", ","]
)  # fmt: skip
NAMES = st.one_of(st.text(NAME_CHARACTERS, max_size=40), st.lists(NAME_PIECES, max_size=8).map("".join))
"""Names as they come: Arabic with marks, Latin with accents and apostrophes, separators, anything else; and
names put together from the pieces the key folds (articles, "the", alef forms, separators)."""
DATE_WORDS = st.sampled_from(
    "since until from to between and in on last this next ago year years month months week weeks day days "
    "yesterday today recently early late mid the of 1st 2nd 3rd 14th May June January Sept 1990s "
    "منذ حتى الماضي الماضية العام الشهر أيار مايو يونيو كانون الثاني 2017 2022 ٢٠١٩ 14 3 00 99 2022-05 "
    "2022-05-14 2022-13 0000 9999 2023 99999999 99999999999 -".split()
)
DATE_TEXTS = st.one_of(
    st.lists(DATE_WORDS, max_size=6).map(" ".join),
    st.text(st.characters(codec="utf-8"), max_size=30),
)
"""Written dates built from the words the rules know, and any text at all."""
PUBLISHED = st.one_of(
    st.none(), st.sampled_from(["2022", "2022-05", "2022-05-14", "0001-01-01", "9999-12-31"]), st.text(max_size=12)
)
ISO_PREFIX = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def assert_iso_prefix(value: str) -> None:
    """YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, naming a month or day that exists."""
    assert ISO_PREFIX.fullmatch(value), value
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    date(int(year), int(month or 1), int(day or 1))


# --- The readers ---------------------------------------------------------------------------------------------


FILE_NAMES = sorted({f"article{suffix}" for suffix in READERS_BY_SUFFIX} | set(READERS_BY_NAME))
CONTENTS = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(st.one_of(ARABIC, st.characters(codec="latin-1")), max_size=200).flatmap(
        lambda text: st.sampled_from(
            [
                text.encode("utf-8"),
                text.encode("utf-16"),
                text.encode("cp1256", "replace"),
                text.encode("latin-1", "replace"),
            ]
        )
    ),
    st.lists(st.sampled_from(['{"text": "x"}', '{"_id": 1, "text": 2}', "{", "[]", "---", "title: t", "<html>", "\r"]))
    .map("\n".join)
    .map(str.encode),
)
"""Any bytes; text in the encodings newsrooms use; and fragments of the formats the readers expect."""


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One folder for the module's examples (hypothesis reruns a test body, so a function-scoped tmp_path
    would be shared by every example anyway)."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


TEXTS = st.text(st.characters(codec="utf-8", exclude_characters="\x00\ufeff"), max_size=200)
"""Text as a file holds it: no NUL (the mark of binary), no leading BOM character (it is read as the mark)."""


@given(raw=CONTENTS)
@FAST
def test_fuzz_decode_text_raises_only_not_text(raw: bytes) -> None:
    try:
        text = decode_text(raw)
    except NotText as error:
        assert error.reason and "\n" not in error.reason
        return
    assert "\x00" not in text[:8192]


@given(text=TEXTS)
@FAST
def test_fuzz_decode_text_reads_utf8_as_written(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text


@given(text=TEXTS, bom=st.sampled_from([("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]))
@FAST
def test_fuzz_decode_text_reads_utf16_with_a_bom_as_written(text: str, bom: tuple[str, bytes]) -> None:
    encoding, mark = bom
    assert decode_text(mark + text.encode(encoding)) == text


@pytest.mark.slow
@given(name=st.sampled_from(FILE_NAMES), content=CONTENTS)
@SLOW
def test_fuzz_a_reader_raises_only_input_error(folder: Path, name: str, content: bytes) -> None:
    path = folder / name
    path.write_bytes(content)
    reader = READERS_BY_NAME.get(name) or READERS_BY_SUFFIX[path.suffix]
    try:
        results = list(reader(path))
    except InputError as error:
        assert str(path) in str(error) and "\n" not in error.reason
        return
    for result in results:
        assert isinstance(result, (Article, ReadFailure))
        if isinstance(result, Article):
            assert result.text.strip()


@given(name=st.sampled_from([*FILE_NAMES, "article.unknown", "no-suffix"]), content=CONTENTS)
@settings(max_examples=40, deadline=None)
def test_fuzz_read_articles_never_raises(folder: Path, name: str, content: bytes) -> None:
    """The walk over a folder turns every file's trouble into a one-line ReadFailure naming the file."""
    path = folder / "walk" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    for result in read_articles([path, folder / "walk" / "missing.txt"]):
        assert isinstance(result, (Article, ReadFailure))
        if isinstance(result, ReadFailure):
            assert result.source.startswith(str(folder)) and "\n" not in result.reason


# --- The date rules ------------------------------------------------------------------------------------------


@given(text=st.text(max_size=30))
@FAST
def test_fuzz_parse_date_of_plain_text_never_raises(text: str) -> None:
    """Text with no four digits in a row never reaches dateparser, so this one is fast."""
    assume(not re.search(r"\d{4}", text))
    assert parse_date(text) is None or isinstance(parse_date(text), PartialDate)


@pytest.mark.slow
@given(text=DATE_TEXTS, languages=st.sampled_from([("en",), ("ar",), ("en", "ar")]))
@SLOW
def test_fuzz_parse_date_never_raises_and_gives_an_iso_prefix(text: str, languages: tuple[str, ...]) -> None:
    parsed = parse_date(text, languages=languages)
    if parsed is not None:
        assert_iso_prefix(parsed.iso)
        assert parsed.precision == {4: "year", 7: "month", 10: "day"}[len(parsed.iso)]


@pytest.mark.slow
@given(text=DATE_TEXTS, published=PUBLISHED, languages=st.sampled_from([("en",), ("ar",)]))
@SLOW
def test_fuzz_resolve_time_never_raises_and_gives_iso_prefixes(
    text: str, published: str | None, languages: tuple[str, ...]
) -> None:
    """Relative dates, intervals and points alike: bounds are ISO prefixes or open (None), start before end."""
    span = resolve_time(text, published=published, languages=languages)
    if span is None:
        return
    assert isinstance(span, TimeSpan)
    for bound in (span.start, span.end):
        if bound is not None:
            assert_iso_prefix(bound)
    assert span.precision in {"day", "month", "year", "interval", "unknown"}
    if span.start and span.end:
        shortest = min(len(span.start), len(span.end))
        assert span.start[:shortest] <= span.end[:shortest], span


@given(text=st.text(st.one_of(ARABIC, st.characters(codec="utf-8")), max_size=30))
@FAST
def test_fuzz_date_normaliser_is_idempotent(text: str) -> None:
    """Folding Arabic spellings and digits, lower case and trimming: a second pass changes nothing."""
    once = normalise_date_text(text)
    assert normalise_date_text(once) == once


# --- The name keys and the Arabic normaliser ------------------------------------------------------------------


@given(name=NAMES)
@FAST
def test_fuzz_name_key_is_idempotent(name: str) -> None:
    """A key is already folded: the key of a key is itself, so stored keys and keys of queries meet."""
    key = name_key(name)
    assert name_key(key) == key
    assert key == key.strip() and "  " not in key


@given(name=st.text(ARABIC, max_size=25))
@FAST
def test_fuzz_name_key_folds_arabic_letter_variants(name: str) -> None:
    """Alef, ya and taa marbuta variants and the diacritics never survive in a key."""
    key = name_key(name)
    assert not set(key) & set("أإآٱىةؤئ\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    assert name_key(key) == key


@given(name=NAMES)
@FAST
def test_fuzz_translit_key_never_raises_and_goes_through_name_key(name: str) -> None:
    """The skeleton is built from the name's key, so spellings with one key have one skeleton; it is not
    idempotent by design (a skeleton's "sh" is read as a digraph the second time)."""
    skeleton = translit_key(name)
    assert translit_key(name_key(name)) == skeleton
    assert skeleton == skeleton.strip()


@pytest.fixture(scope="module")
def arabic_tokenizer():  # noqa: ANN201 - the tokenizer factory's own type
    """The Arabic pipeline's tokenizer alone: the clitic splitter over the lexicons and the knowledge base."""
    return make_arabic_tokenizer()(spacy.blank("ar"))


@pytest.mark.slow
@given(text=st.text(st.one_of(ARABIC, st.sampled_from(list(" \n\t.,،؛«»\"'-0123456789abc"))), max_size=80))
@SLOW
def test_fuzz_arabic_tokens_keep_the_text_and_its_offsets(arabic_tokenizer, text: str) -> None:
    """Clitics split off, marks and tatweel kept: every token is the text at its offset, and the tokens with
    their spaces give back the text exactly (the offsets the API and the UI show depend on it)."""
    doc = arabic_tokenizer(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
        assert token.norm_ == name_key(token.norm_) or not token.text.strip() or token.norm_ == token.text
