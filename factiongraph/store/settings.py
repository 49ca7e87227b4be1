"""The settings a store keeps (those of :data:`factiongraph.settings.SETTINGS` marked ``per_store``), in its
``settings`` table, so every command and the API ingesting into it read the same value; a key not set there
reads the user's settings file, else its default."""

from __future__ import annotations

from sqlite_utils import Database

from factiongraph.settings import SETTINGS, Setting, SettingError, Value, configured, setting_of
from factiongraph.store.transactions import write_transaction


def _stored(key: str) -> Setting:
    found = setting_of(key)
    if not found.per_store:
        raise SettingError(
            f"{key} is not kept in a store: set it in the settings file that $FACTIONGRAPH_SETTINGS names"
        )
    return found


def get_setting(db: Database, key: str) -> Value:
    """The setting's value in this store, else the user's file's, else its default."""
    found = setting_of(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone() if found.per_store else None
    return found.check(row[0]) if row else configured(key)


def set_setting(db: Database, key: str, value: Value) -> Value:
    """Store a setting's value, checked against its range; returns the value stored."""
    number = _stored(key).check(value)
    with write_transaction(db):
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, str(number)])
    return number


def all_settings(db: Database) -> list[tuple[Setting, Value]]:
    """Every setting with its value for this store."""
    return [(found, get_setting(db, key)) for key, found in SETTINGS.items()]
