"""The knobs an analyst tunes, kept in the store's ``settings`` table so every command and the API read
the same value; a key not set there reads its default."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError
from factiongraph.store.transactions import write_transaction


@dataclass(frozen=True)
class Setting:
    key: str
    default: int
    minimum: int
    maximum: int
    description: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "event_window_days",
            2,
            0,
            60,
            "How many days apart two reports' dates may be and still tell one event.",
        ),
        Setting(
            "event_nearby_km",
            10,
            0,
            100,
            "How far apart two towns named by two reports may be and still be the place of one event.",
        ),
    )
}
"""Every setting, by key."""


class UnknownSettingError(FactiongraphError):
    """A key that is not a setting, or a value it cannot take."""

    status = 422


def _setting(key: str) -> Setting:
    if key not in SETTINGS:
        raise UnknownSettingError(f"no setting named {key!r}: one of {', '.join(SETTINGS)}")
    return SETTINGS[key]


def get_setting(db: Database, key: str) -> int:
    """The setting's value in this store, or its default."""
    setting = _setting(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row else setting.default


def set_setting(db: Database, key: str, value: str | int) -> int:
    """Store a setting's value, checked against its range; returns the value stored."""
    setting = _setting(key)
    try:
        number = int(value)
    except ValueError as error:
        raise UnknownSettingError(f"{key} takes a whole number, not {value!r}") from error
    if not setting.minimum <= number <= setting.maximum:
        raise UnknownSettingError(f"{key} takes a number from {setting.minimum} to {setting.maximum}, not {number}")
    with write_transaction(db):
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, str(number)])
    return number


def all_settings(db: Database) -> list[tuple[Setting, int]]:
    """Every setting with its value in this store."""
    return [(setting, get_setting(db, key)) for key, setting in SETTINGS.items()]
