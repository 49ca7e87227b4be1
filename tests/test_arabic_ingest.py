"""Arabic articles ingested and read back: parsed as they are read, `relations`, `events` and `claims` asked by
Arabic or English names, quoting Arabic.

Fast: an Arabic input loads no English model (the fast suite hides it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.build import parse_articles
from factiongraph.cli import app
from factiongraph.ingest import Article, read_articles

ARTICLE = Path(__file__).parent / "corpus" / "ar" / "ar-01-hts-takes-darat-izza-from-zenki.txt"
ARABIC = re.compile(r"[\u0600-\u06FF]{3,}")


def _cli(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("arabic") / "ar.db"
    assert "1 new" in _cli("ingest", ARTICLE, "--db", path, "--silent")
    return path


def test_relations_between_two_actors_named_in_arabic_quote_the_arabic_sentence(db: Path) -> None:
    shown = _cli("relations", "هيئة تحرير الشام", "حركة نور الدين الزنكي", "--db", db)
    assert "Hayat Tahrir al-Sham FightingAgainst Nour al-Din al-Zenki Movement" in shown
    quote = next(line for line in shown.splitlines() if "“" in line)
    assert "اشتباكات" in quote and ARABIC.search(quote)


def test_events_of_an_actor_quote_their_arabic_report(db: Path) -> None:
    shown = _cli("events", "--actor", "HTS", "--db", db)
    assert "ASSAULT" in shown and "Nour al-Din al-Zenki Movement" in shown
    assert any(ARABIC.search(line) for line in shown.splitlines() if "“" in line)


def test_claims_keep_the_speaker_the_stance_and_the_arabic_words(db: Path) -> None:
    shown = _cli("claims", "--speaker", "Nour al-Din al-Zenki Movement", "--stance", "denied", "--db", db)
    assert "Nour al-Din al-Zenki Movement DENIED:" in shown
    assert "نفى" in shown  # the evidence is the Arabic sentence whose verb denies


def test_arabic_articles_are_parsed_as_they_are_read() -> None:
    [article] = [a for a in read_articles([ARTICLE]) if isinstance(a, Article)]
    read: list[int] = []

    def stream() -> Iterator[Article]:
        for number in range(3):
            read.append(number)
            yield article

    parsed = parse_articles(stream())
    first, doc = next(parsed)
    assert read == [0] and first is article and doc.text == article.text
    assert len(list(parsed)) == 2 and read == [0, 1, 2]
