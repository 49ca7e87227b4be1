"""``factiongraph datasette``: the metadata names only what the schema has, and Datasette serves the sample
store with it, read-only, with every canned query answering."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from factiongraph.datasette_app import datasette_metadata, metadata_file, store_datasette
from factiongraph.store import open_store

CANNED_QUERIES = {
    "actor_profile": {"name": "HTS"},
    "pair_timeline": {"first": "HTS", "second": "Ahrar al-Sham"},
    "claims_by_speaker": {"speaker": "Syrian Democratic Forces"},
    "events_in_window": {"from": "2017", "to": "2018"},
}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factiongraph.build import ingest
    from factiongraph.demo import sample_corpus

    path = tmp_path_factory.mktemp("datasette") / "sample.db"
    db = open_store(path)
    ingest(db, [sample_corpus()])
    db.close()
    return path


def fetch(path: Path, *urls: str) -> list[Any]:
    """Each URL's JSON from a Datasette over the store at ``path``, through Datasette's own test client."""

    async def get_all() -> list[Any]:
        datasette = store_datasette(path)
        answers = []
        for url in urls:
            response = await datasette.client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:300]}"
            answers.append(response.json())
        return answers

    return asyncio.run(get_all())


def test_datasette_metadata_names_only_tables_and_columns_of_the_schema(tmp_path: Path) -> None:
    db = open_store(tmp_path / "schema.db")
    columns = {table.name: set(table.columns_dict) for table in db.tables}
    database = yaml.safe_load(metadata_file().read_text(encoding="utf-8"))["database"]
    for table, meta in database["tables"].items():
        assert table in columns, f"metadata names a table {table!r} the schema does not have"
        named = [*meta.get("columns", {}), *meta.get("facets", [])]
        named += [meta[key] for key in ("label_column", "sort", "sort_desc") if key in meta]
        for column in named:
            assert column in columns[table], f"metadata names {table}.{column}, which the schema does not have"
    for name, query in database["queries"].items():
        db.execute("EXPLAIN " + query["sql"], dict.fromkeys(CANNED_QUERIES[name], "x"))
    assert set(database["queries"]) == set(CANNED_QUERIES)


@pytest.mark.slow
def test_datasette_serves_the_store_with_metadata_and_canned_queries(sample_store: Path) -> None:
    urls = ["/-/metadata.json", "/sample/relations.json?_facet=type&_size=1", "/sample/entities.json?_size=1"]
    urls += [
        f"/sample/{name}.json?_shape=array&" + "&".join(f"{key}={value}" for key, value in params.items())
        for name, params in CANNED_QUERIES.items()
    ]
    metadata, relations, entities, profile, timeline, claims, events = fetch(sample_store, *urls)
    assert metadata == datasette_metadata("sample")
    assert metadata["databases"]["sample"]["queries"]["actor_profile"]["title"] == "Actor profile"
    assert {facet["value"] for facet in relations["facet_results"]["type"]["results"]} >= {"BelongsTo", "Controls"}
    assert entities["query"]["sql"].startswith("select")
    assert {row["actor"] for row in profile} == {"Hayat Tahrir al-Sham"}
    assert any(row["other_actor"] == "Abu Mohammad al-Jolani" and row["quote"] for row in profile)
    assert timeline and {row["source"] for row in timeline} <= {"Hayat Tahrir al-Sham", "Ahrar al-Sham"}
    assert all(row["quote"] and row["date"] for row in timeline)
    assert claims and {row["speaker"] for row in claims} == {"Syrian Democratic Forces"}
    assert {row["stance"] for row in claims} <= {"asserted", "denied", "possible", "likely"}
    assert events and all("2017" <= row["date"].removeprefix("pub. ") < "2019" for row in events)
    assert any(row["type"] == "ASSAULT" and row["place"] for row in events)


@pytest.mark.slow
def test_datasette_opens_the_store_read_only_and_sees_writes_beside_it(sample_store: Path) -> None:
    async def write_then_read() -> int:
        datasette = store_datasette(sample_store)
        database = datasette.get_database("sample")
        with pytest.raises(Exception, match="readonly"):
            await database.execute_write("DELETE FROM documents")
        before = (await database.execute("SELECT COUNT(*) FROM documents")).single_value()
        writer = open_store(sample_store)
        writer.execute("UPDATE documents SET outlet = 'Beside Datasette' WHERE id = 1")
        writer.conn.commit()
        writer.close()
        seen = (await database.execute("SELECT outlet FROM documents WHERE id = 1")).single_value()
        assert seen == "Beside Datasette"
        return before

    assert asyncio.run(write_then_read()) == 10


def test_datasette_cli_refuses_a_missing_store_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from factiongraph.cli import app

    result = CliRunner().invoke(app, ["datasette", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such store" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "none.db").exists()


def test_datasette_is_imported_only_by_its_command() -> None:
    """Datasette is for one command: the CLI's start-up does not pay for it."""
    code = "import sys, factiongraph.cli; print('datasette' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
