"""Reading files into articles: formats, metadata, boilerplate, failures."""

from __future__ import annotations

from pathlib import Path

from factiongraph.ingest import Article, ReadFailure, read_articles, strip_boilerplate


def read_one(path: Path) -> Article | ReadFailure:
    items = list(read_articles([path]))
    assert len(items) == 1
    return items[0]


def test_ingest_txt_reads_header_title_and_cuts_boilerplate(test_data: Path) -> None:
    article = read_one(test_data / "abu-amsha-visit.txt")
    assert isinstance(article, Article)
    assert article.title == "Abu Amsha visits Atma as HTS and SNA talk"
    assert article.url == "https://example.org/tests/abu-amsha-visit"
    assert article.published is None and article.lang == "en"
    assert article.text.startswith(article.title)
    assert "Related Articles" not in article.text
    assert "Support our newsroom" not in article.text
    assert article.text.endswith("which controls Azaz.")


def test_ingest_html_uses_main_text_and_metadata(test_data: Path) -> None:
    article = read_one(test_data / "page.html")
    assert isinstance(article, Article)
    assert "Hayat Tahrir al-Sham took control" in article.text
    assert "Home" not in article.text and "newsletter" not in article.text
    assert article.published == "2019-01-12"
    assert article.author == "Test Reporter"


def test_ingest_jsonl_bad_line_is_one_failure_and_the_rest_is_read(test_data: Path) -> None:
    items = list(read_articles([test_data / "articles.jsonl"]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["SDF takes Raqqa", "Sochi deal"]
    assert len(failures) == 1
    assert str(failures[0]).startswith(f"{test_data / 'articles.jsonl'}:2: is not valid JSON")


def test_ingest_re3d_keeps_text_verbatim_and_id(test_data: Path) -> None:
    article = read_one(test_data / "re3d-mini" / "documents.json")
    assert isinstance(article, Article)
    assert article.external_id == "T1"
    assert article.text.startswith("The Syrian Democratic Forces (SDF)")


def test_ingest_directory_is_recursive_and_skips_unknown_formats(test_data: Path) -> None:
    sources = {Path(i.source.split(":")[0]).name for i in read_articles([test_data])}
    assert sources == {
        "abu-amsha-visit.txt",
        "hts-idlib-ar.txt",
        "raqqa-offensive.txt",
        "page.html",
        "articles.jsonl",
        "documents.json",
    }


def test_ingest_unreadable_files_fail_with_one_line_naming_them(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("  \n")
    arabic = "قالت مصادر محلية إن قوات النظام قصفت بلدة كفرنبل بالطائرات".encode()
    (tmp_path / "damaged.txt").write_bytes(arabic[:20] + b"\xff" + arabic[20:])
    failures = {Path(f.source).name: f.reason for f in read_articles(sorted(tmp_path.iterdir()))}
    assert failures == {
        "binary.txt": "is binary, not text",
        "damaged.txt": (
            "is not text in UTF-8, UTF-16, Windows-1256, ISO-8859-6, Windows-1252 or Latin-1 (not UTF-8 from byte 20)"
        ),
        "empty.txt": "is empty",
    }
    missing = list(read_articles([tmp_path / "nope.txt"]))
    assert [str(m) for m in missing] == [f"{tmp_path / 'nope.txt'}: does not exist"]


def test_ingest_repeated_caption_is_kept_once() -> None:
    text = "Title\n\nA caption (photo)\n\nA caption (photo)\n\nBody sentence one.\n\nBody sentence two."
    assert strip_boilerplate(text).count("A caption (photo)") == 1


def test_ingest_marker_early_in_the_body_does_not_cut_it() -> None:
    text = "Title\n\nRead more:\n\n" + "A long paragraph of the article body. " * 20
    assert strip_boilerplate(text).endswith("article body.")


def test_ingest_fingerprint_ignores_case_and_white_space() -> None:
    first = Article(text="HTS  controls Idlib.\n", source="a")
    second = Article(text="hts controls idlib.", source="b")
    assert first.fingerprint == second.fingerprint
