"""The settings table: every setting documented (README, `factiongraph settings`), the defaults as they were
when the table gathered them, and a user's file overriding them key by key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.ingest import detect_language
from factiongraph.places import default_index_sources
from factiongraph.settings import SETTINGS, SETTINGS_ENV, SettingError, configured, setting, shown
from factiongraph.store import open_store
from factiongraph.store.settings import get_setting, set_setting

README = Path(__file__).resolve().parents[1] / "README.md"

# The values the code had before the table (issue 15): a change of default is a change of behaviour.
BEFORE = {
    "event_window_days": 2,
    "event_nearby_km": 10,
    "event_district_reach_km": 25.0,
    "event_governorate_reach_km": 75.0,
    "absorb_km": 15.0,
    "pattern_min_population": 15_000,
    "language_sample_chars": 5000,
    "arabic_letter_share": 0.5,
    "clause_climb": 5,
    "place_depth": 2,
    "refer_back_sentences": 2,
    "topic_mentions": 3,
    "title_tail": 6,
    "dateline_max_tokens": 14,
    "piece_chars": 100_000,
    "arabic_speaker_reach": 6,
    "arabic_subject_reach": 4,
    "arabic_object_reach": 5,
    "arabic_owner_reach": 4,
    "arabic_place_reach": 4,
    "places_file": "",  # the shipped file, the only one read before
}


@pytest.fixture
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a user's settings file and point $FACTIONGRAPH_SETTINGS at it."""

    def write(text: str) -> Path:
        path = tmp_path / "settings.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(SETTINGS_ENV, str(path))
        return path

    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    return write


def test_settings_defaults_are_the_values_they_replaced() -> None:
    assert {key: s.default for key, s in SETTINGS.items()} == BEFORE
    numbers = [s for s in SETTINGS.values() if not isinstance(s.default, str)]
    assert all(s.minimum <= s.default <= s.maximum for s in numbers)
    assert all(s.help.endswith((".", ")")) for s in SETTINGS.values())


ROW = re.compile(r"^\| `(?P<key>\w+)` \| (?P<default>[^|]+) \| [^|]+ \| (?P<help>[^|]+) \|$", re.M)
"""A row of the README's table of settings: key, default, range, help."""


def test_readme_lists_every_setting_with_its_default_and_help() -> None:
    rows = {m["key"]: m for m in ROW.finditer(README.read_text(encoding="utf-8"))}
    assert set(rows) == set(SETTINGS)
    for key, s in SETTINGS.items():
        assert rows[key]["default"].strip() == shown(s.default) and rows[key]["help"].startswith(s.help)


def test_settings_command_prints_every_setting_with_its_help(tmp_path: Path, user_file) -> None:
    result = CliRunner().invoke(app, ["settings", "--db", str(tmp_path / "s.db")], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    for key, s in SETTINGS.items():
        line = next(line for line in result.output.splitlines() if f" {key} " in line)
        assert s.help[:40] in line


def test_user_file_overrides_the_defaults_key_by_key(tmp_path: Path, user_file) -> None:
    user_file("absorb_km = 20\nevent_window_days = 3\narabic_letter_share = 0.9\n")
    assert setting("absorb_km") == 20.0 and isinstance(setting("absorb_km"), float)
    assert setting("clause_climb") == 5  # not in the file: the default
    assert "absorb_km=20.0" in str(default_index_sources())  # the cached places index is built anew
    # Mostly Arabic, but not 90 %: English under the file's share, Arabic under the default one.
    text = "قال قائد هيئة تحرير الشام " + "HTS said"
    assert detect_language(text) == "en"
    db = open_store(tmp_path / "s.db")
    assert get_setting(db, "event_window_days") == 3  # the file's, until the store keeps its own
    set_setting(db, "event_window_days", "5")
    assert get_setting(db, "event_window_days") == 5


def test_without_a_user_file_the_defaults_hold(user_file) -> None:
    assert {key: configured(key) for key in SETTINGS} == BEFORE
    assert detect_language("قال قائد هيئة تحرير الشام " + "HTS said") == "ar"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("absorb_kms = 20\n", "no setting named absorb_kms"),
        ("clause_climb = 2.5\n", "clause_climb takes a whole number"),
        ("event_window_days = 61\n", "event_window_days takes a number from 0 to 60, not 61"),
        ("arabic_letter_share = true\n", "arabic_letter_share takes a number"),
        ("absorb_km = \n", "not TOML"),
        ("places_file = 3\n", "places_file takes a file's path in quotes, not 3"),
    ],
)
def test_a_wrong_user_file_is_an_error_naming_it(user_file, text: str, message: str) -> None:
    path = user_file(text)
    with pytest.raises(SettingError, match=re.escape(message)) as error:
        setting("absorb_km")
    assert str(path) in str(error.value)


def test_only_the_stores_settings_are_set_in_a_store(tmp_path: Path, user_file) -> None:
    db = open_store(tmp_path / "s.db")
    with pytest.raises(SettingError, match="FACTIONGRAPH_SETTINGS"):
        set_setting(db, "absorb_km", "20")
    with pytest.raises(SettingError, match="no setting named 'nope'"):
        get_setting(db, "nope")
