"""Cross-source figures: threshold tuning on hand-made records, ``evaluate --cross-source`` on two small
sources, and the re-filtered figures at the default against the pipeline's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.cross_source import THRESHOLDS, CrossSourceInputs, Mean, above, cross_source, tune_threshold
from factiongraph.evaluation import Re3dGold, Score
from factiongraph.extraction import evaluate_re3d
from tests.conftest import RE3D_DEV, TEST_DATA, needs_shared_data

runner = CliRunner()


def relation(begin: int, confidence: float) -> dict:
    return {
        "documentId": "d",
        "type": "AlliesOf",
        "sourceBegin": begin,
        "sourceEnd": begin + 3,
        "targetBegin": begin + 10,
        "targetEnd": begin + 13,
        "confidence": confidence,
    }


def test_cross_source_threshold_tuning_drops_what_is_less_sure_than_the_right_answers() -> None:
    gold = Re3dGold(frozenset({"d"}), [], [relation(0, 1.0)])
    predicted = [relation(0, 0.8), relation(100, 0.4)]  # the wrong one is the less sure
    assert above(predicted, 0.5) == predicted[:1]
    tuned = tune_threshold(gold, predicted, default=0.3)
    assert 0.4 < tuned <= 0.8 and tuned in THRESHOLDS
    assert gold.score_relations(above(predicted, tuned)).f1 == 1.0


def test_cross_source_threshold_ties_keep_the_default() -> None:
    gold = Re3dGold(frozenset({"d"}), [], [relation(0, 1.0)])
    assert tune_threshold(gold, [relation(0, 0.9)], default=0.3) == 0.3


def test_cross_source_mean_weighs_each_source_the_same() -> None:
    mean = Mean.of([Score(10, 10, 10), Score(100, 100, 0)])
    assert (mean.precision, mean.recall, mean.f1) == (0.5, 0.5, 0.5)


def write_source(folder: Path, doc_id: str, text: str, entities: list[tuple[str, str]], relations: list) -> None:
    """A re3d gold folder of one document, offsets computed from the text."""
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(json.dumps({"_id": doc_id, "title": "t", "text": text}) + "\n")

    def where(value: str) -> tuple[int, int]:
        return text.index(value), text.index(value) + len(value)

    lines = [
        {"documentId": doc_id, "begin": where(v)[0], "end": where(v)[1], "type": t, "value": v, "confidence": 1}
        for v, t in entities
    ]
    (folder / "entities.json").write_text("".join(json.dumps(x) + "\n" for x in lines))
    lines = [
        {
            "documentId": doc_id,
            "type": kind,
            "sourceBegin": where(s)[0],
            "sourceEnd": where(s)[1],
            "targetBegin": where(t)[0],
            "targetEnd": where(t)[1],
            "confidence": 1,
        }
        for kind, s, t in relations
    ]
    (folder / "relations.json").write_text("".join(json.dumps(x) + "\n" for x in lines))


@pytest.fixture
def two_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """re3d-mini and a second one-document source, in a folder without ../shared or tests/corpus."""
    work = tmp_path / "work"
    (work / "first").mkdir(parents=True)
    for name in ("documents.json", "entities.json", "relations.json"):
        (work / "first" / name).write_text((TEST_DATA / "re3d-mini" / name).read_text())
    write_source(
        work / "second",
        "T2",
        "Hayat Tahrir al-Sham (HTS) clashed with the Syrian National Army near Afrin.",
        [("Hayat Tahrir al-Sham", "Organisation"), ("HTS", "Organisation"), ("Afrin", "Location")],
        [("IsSynonymOf", "Hayat Tahrir al-Sham", "HTS")],
    )
    monkeypatch.chdir(work)
    return [work / "first", work / "second"]


@pytest.mark.slow
def test_cli_cross_source_prints_a_row_per_source_and_their_mean(two_sources: list[Path]) -> None:
    args = ["evaluate", "--cross-source", "--silent", *(x for f in two_sources for x in ("--gold", str(f)))]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")]
    assert rows == ["first", "second", "mean"] * 2  # entities, then relations
    assert "tuned on the other sources" in result.stdout
    assert "project corpus" not in result.stdout  # none here, and none given


@pytest.mark.slow
def test_cli_cross_source_json_has_both_thresholds_and_the_corpus(two_sources: list[Path], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "HTS fighters\n\nHayat Tahrir al-Sham (HTS) clashed with the Syrian National Army near Afrin.\n"
    (corpus / "clash.txt").write_text(text)
    gold = {
        "entities": [
            {"id": "hts", "type": "Organisation", "name": "Hayat Tahrir al-Sham", "aliases": ["HTS"]},
            {"id": "sna", "type": "Organisation", "name": "Syrian National Army", "aliases": []},
        ],
        "relations": [{"type": "FightingAgainst", "source": "hts", "target": "sna", "evidence": "clashed with"}],
        "claims": [],
    }
    (corpus / "clash.gold.json").write_text(json.dumps(gold))
    (corpus / "draft.txt").write_text("No gold yet: not graded.\n")
    args = ["evaluate", "--cross-source", "--json", "--silent", "--corpus", str(corpus)]
    result = runner.invoke(app, [*args, *(x for f in two_sources for x in ("--gold", str(f)))])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [s["source"] for s in report["sources"]] == ["first", "second"]
    assert all(s["tuned"]["threshold"] in THRESHOLDS for s in report["sources"])
    assert set(report["mean"]) == {"entities", "relations", "tuned_relations"}
    assert list(report["corpus"]["by_article"]) == ["clash"]
    assert report["corpus"]["total"]["entities"] == {"found": 2, "total": 2, "share": 1.0}


def test_cli_cross_source_without_gold_names_the_folder_it_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["evaluate", "--cross-source", "--silent"])
    assert result.exit_code == 1
    assert str(tmp_path.parent / "shared" / "data" / "re3d-dev") in result.stderr.replace("\n", "")


@needs_shared_data
@pytest.mark.slow
def test_cross_source_refiltered_figures_at_the_default_are_the_pipelines_own() -> None:
    """Parsing once with every relation kept and filtering afterwards changes nothing at the default,
    and leaves the pipeline's threshold as it was."""
    folders = sorted(p for p in RE3D_DEV.iterdir() if (p / "documents.json").is_file())
    report = cross_source(CrossSourceInputs(folders))
    for figures, folder in zip(report.sources, folders, strict=True):
        alone = evaluate_re3d([folder])
        assert (figures.entities, figures.relations) == (alone.entities, alone.relations), folder.name
