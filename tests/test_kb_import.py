"""``factiongraph kb import``: an analyst's actor list (CSV) becomes a KB file that validates and loads with
--kb; each bad row is one line naming it, and an id the KB has already is never overwritten."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.kb import default_kb_path, read_kb_file

runner = CliRunner()

ACTOR_LIST = """\
Name,Type,Aliases,Arabic,Affiliations,Category
Suqur al-Shamal Brigade,Organisation,Liwa Suqur al-Shamal|Falcons of the North,\
لواء صقور الشمال,Syrian National Army (2019-10..),armed-group
Hassan Khairiya,Person,Abu Khaled Khairiya; Hasan Khairiyeh,حسن خيرية,Liwa Suqur al-Shamal (2015..2020-03),
,Person,Nameless,,,
Faylaq al-Majd,Organization,Majd Legion,,Syrian National Army (2017..2019-1),armed-group
Hayat Tahrir al-Sham,Organisation,HTS,,,armed-group
Someone,Soldier,,,,
Abu Bakr Mutasim,Person,,,Unknown Front (2012..),
Suqur al-Shamal Brigade,Organisation,,,,
Omar Faylaq,Person,,,Faylaq al-Majd,
"""


def invoke(*args: str | Path):  # noqa: ANN201
    return runner.invoke(app, [str(a) for a in args])


def test_kb_import_writes_a_kb_file_that_validates_and_loads(tmp_path: Path) -> None:
    actor_list = tmp_path / "actors.csv"
    actor_list.write_text(ACTOR_LIST, encoding="utf-8")
    out = tmp_path / "mine.yaml"
    result = invoke("kb", "import", actor_list, "--out", out)
    assert result.exit_code == 1, result.output
    assert f"actors: 2 added to {out} (2 in it), 7 row(s) refused" in result.stdout

    kb = read_kb_file(out, over=read_kb_file(default_kb_path()))
    brigade, commander = kb.actors
    assert (brigade.id, brigade.type, brigade.category) == ("suqur-al-shamal-brigade", "Organisation", "armed-group")
    assert brigade.aliases == ("Liwa Suqur al-Shamal", "Falcons of the North")
    assert brigade.arabic == ("لواء صقور الشمال",)
    assert [(r.type, r.target, r.start, r.end) for r in brigade.relations] == [
        ("BelongsTo", "syrian-national-army", "2019-10", None)
    ]
    assert commander.aliases == ("Abu Khaled Khairiya", "Hasan Khairiyeh") and commander.category == "person"
    assert [(r.target, r.start, r.end) for r in commander.relations] == [("suqur-al-shamal-brigade", "2015", "2020-03")]
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["schema_version"] == 1

    assert "2 actors, valid" in " ".join(invoke("kb", "validate", out).stdout.split())
    shown = invoke("kb", "show", "Abu Khaled Khairiya", "--kb", out)
    assert shown.exit_code == 0, shown.output
    assert "BelongsTo → Suqur al-Shamal Brigade (2015–2020-03)" in shown.stdout


def test_kb_import_refuses_bad_rows_one_line_each(tmp_path: Path) -> None:
    actor_list = tmp_path / "actors.csv"
    actor_list.write_text(ACTOR_LIST, encoding="utf-8")
    result = invoke("kb", "import", actor_list)
    lines = result.stderr.splitlines()
    assert lines == [
        f"refused: {actor_list}:4: has no name",
        f"refused: {actor_list}:5: affiliation 0.end: '2019-1' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD "
        "(1 problem(s))",
        f"refused: {actor_list}:6: id 'hayat-tahrir-al-sham' is already the KB's 'Hayat Tahrir al-Sham': not "
        "overwritten (give the row another id to add it)",
        f"refused: {actor_list}:7: type 'Soldier' is not one of Person, Organisation, Location, Nationality",
        f"refused: {actor_list}:8: affiliation 'Unknown Front' names no actor of the KB or this file",
        f"refused: {actor_list}:9: id 'suqur-al-shamal-brigade' is also row 2's",
        f"refused: {actor_list}:10: affiliation 'faylaq-al-majd' is a row that was refused",
    ]
    assert (tmp_path / "actors.yaml").exists()
    assert "Hayat Tahrir al-Sham" not in (tmp_path / "actors.yaml").read_text(encoding="utf-8")


def test_kb_import_adds_to_an_existing_file_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text(
        "actors:\n  - {id: faylaq-al-majd, type: Organisation, category: armed-group, name: Faylaq al-Majd}\n"
    )
    actor_list = tmp_path / "more.csv"
    actor_list.write_text(
        "name,type,affiliations\nFaylaq al-Majd,Person,\nOmar Faylaq,Person,Faylaq al-Majd (2018)\n"
        "Omar Majd,Person,Faylaq al-Majd (2018..)\n",
        encoding="utf-8",
    )
    result = invoke("kb", "import", actor_list, "--out", out)
    assert result.exit_code == 1
    assert "id 'faylaq-al-majd' is already the KB's 'Faylaq al-Majd': not overwritten" in result.stderr
    assert "affiliation 'Faylaq al-Majd (2018)' is not 'Name' or 'Name (START..END)'" not in result.stderr
    kb = read_kb_file(out, over=read_kb_file(default_kb_path()))
    assert [(a.id, a.type) for a in kb.actors][0] == ("faylaq-al-majd", "Organisation")
    assert "omar-majd" in kb.by_id


def test_kb_import_without_the_required_columns_is_one_line(tmp_path: Path) -> None:
    actor_list = tmp_path / "actors.csv"
    actor_list.write_text("title,kind\nX,Y\n", encoding="utf-8")
    result = invoke("kb", "import", actor_list)
    assert result.exit_code == 1
    assert "has no name or type column" in result.stderr and len(result.stderr.strip().splitlines()) == 1
