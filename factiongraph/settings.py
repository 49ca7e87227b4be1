"""Every threshold and tunable, in one table: its name, default, range and what it does.

A user's TOML file (its path in ``$FACTIONGRAPH_SETTINGS``) overrides the defaults key by key::

    absorb_km = 20
    event_window_days = 3
    places_file = "my-places.yaml"

and a store's own ``settings`` table (``factiongraph settings KEY VALUE``) overrides both for the settings
marked ``per_store``, which are read while ingesting into that store. The file is read once per process, so a
change applies to the next command; an unknown key or a value out of range is an error naming the file, never
silently the default. ``factiongraph settings`` prints every setting with its value and help.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factiongraph.errors import FactiongraphError

SETTINGS_ENV = "FACTIONGRAPH_SETTINGS"
"""The environment variable naming the user's settings file."""

Number = int | float
Value = Number | str
"""A setting's value: a number, or a file's path (``""`` for the shipped file)."""


@dataclass(frozen=True)
class Setting:
    """One tunable: a whole number when its default is one, a file's path when it is a string (its range
    unused), else any number, from ``minimum`` to ``maximum``."""

    key: str
    default: Value
    minimum: Number
    maximum: Number
    help: str
    per_store: bool = False
    """Kept in a store too (``factiongraph settings KEY VALUE``), where it overrides the user's file."""

    @property
    def range(self) -> str:
        """What it takes, as ``factiongraph settings`` and the README show it."""
        return "a file's path" if isinstance(self.default, str) else f"{self.minimum}–{self.maximum}"

    def check(self, value: object, where: str = "") -> Value:
        """``value`` as this setting's type, or a :class:`SettingError` saying what it takes."""
        if isinstance(self.default, str):
            if not isinstance(value, str):
                raise SettingError(f"{where}{self.key} takes a file's path in quotes, not {value!r}")
            return value
        whole = isinstance(self.default, int)
        try:
            if isinstance(value, bool) or (whole and isinstance(value, float)):
                raise ValueError
            number: Number = int(value) if whole else float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError) as error:
            kind = "a whole number" if whole else "a number"
            raise SettingError(f"{where}{self.key} takes {kind}, not {value!r}") from error
        if not self.minimum <= number <= self.maximum:
            raise SettingError(f"{where}{self.key} takes a number from {self.minimum} to {self.maximum}, not {number}")
        return number


class SettingError(FactiongraphError):
    """A key that is not a setting, a value it cannot take, or a settings file that cannot be read."""

    status = 422


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "event_window_days",
            2,
            0,
            60,
            "How many days apart two reports' dates may be and still tell one event.",
            per_store=True,
        ),
        Setting(
            "event_nearby_km",
            10,
            0,
            100,
            "How far apart two towns named by two reports may be and still be the place of one event.",
            per_store=True,
        ),
        Setting(
            "event_district_reach_km",
            25.0,
            0,
            500,
            "How far from a district's point a town may be and still lie in it, when two reports place one event.",
        ),
        Setting(
            "event_governorate_reach_km",
            75.0,
            0,
            1000,
            "How far from a governorate's point a town may be and still lie in it, when two reports place one event.",
        ),
        Setting(
            "absorb_km",
            15.0,
            0,
            100,
            "How close a GeoNames town must be to a place of the places file with a shared name to become that place.",
        ),
        Setting(
            "pattern_min_population",
            15_000,
            0,
            10_000_000,
            "The population from which a town of a neighbouring country (not Syria or Iraq) is matched in texts.",
        ),
        Setting(
            "language_sample_chars",
            5000,
            1,
            1_000_000,
            "How many characters of an article its language is told from.",
        ),
        Setting(
            "arabic_letter_share",
            0.5,
            0,
            1,
            "An article is read as Arabic when more than this share of the sample's letters are Arabic.",
        ),
        Setting(
            "clause_climb",
            5,
            1,
            50,
            "How many heads up the parse a verb's subject, a claim's cue or its speaker is looked for.",
        ),
        Setting(
            "place_depth",
            2,
            0,
            10,
            "How many unnamed places deep a named one is looked for ('positions along the front line near Z').",
        ),
        Setting(
            "refer_back_sentences",
            2,
            0,
            20,
            "How many sentences back a description ('the group') looks for what it stands for.",
        ),
        Setting(
            "topic_mentions",
            3,
            1,
            100,
            "How many times an article must name an actor for it to be the topic a lone description stands for.",
        ),
        Setting(
            "title_tail",
            6,
            0,
            30,
            "How many words after a person's title and its 'of' are read for the body it names ('the commander of').",
        ),
        Setting(
            "dateline_max_tokens",
            14,
            1,
            100,
            "How many words a dateline may take before its dash ('AZAZ, Syria (Levant Wire) —').",
        ),
        Setting(
            "piece_chars",
            100_000,
            1000,
            1_000_000,
            "How long one piece of a long text may be, when it is parsed in pieces.",
        ),
        Setting(
            "arabic_speaker_reach",
            6,
            0,
            30,
            "How many words (a title, 'المتحدث باسم', a description) may stand between an Arabic reporting verb and "
            "its speaker.",
        ),
        Setting(
            "arabic_subject_reach",
            4,
            0,
            30,
            "How many words (a body, a title, an adjective) may stand between an Arabic verb and its subject's name.",
        ),
        Setting(
            "arabic_object_reach",
            5,
            0,
            30,
            "How many words may stand between an Arabic verb and its object's name.",
        ),
        Setting(
            "arabic_owner_reach",
            4,
            0,
            30,
            "How many words (a number, a body, a title) may stand between an Arabic event noun and its owner.",
        ),
        Setting(
            "arabic_place_reach",
            4,
            0,
            30,
            "How many words before an Arabic place name are read for what places the clause there.",
        ),
        Setting(
            "places_file",
            "",
            0,
            0,
            "Your own places file (YAML, as factiongraph/data/places.yaml), read instead of the shipped one by the "
            "pipeline and the queries alike; a relative path is from the settings file's folder.",
        ),
    )
}
"""Every setting, by key."""


def user_file() -> Path | None:
    """The user's settings file, if ``$FACTIONGRAPH_SETTINGS`` names one."""
    path = os.environ.get(SETTINGS_ENV)
    return Path(path) if path else None


@cache
def read_settings_file(path: Path) -> dict[str, Value]:
    """The values ``path`` sets, each checked; an unreadable file, an unknown key or a bad value is an error."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SettingError(f"{path}: cannot be read ({error.strerror or error})") from error
    except tomllib.TOMLDecodeError as error:
        raise SettingError(f"{path}: not TOML ({error})") from error
    if unknown := sorted(set(raw) - set(SETTINGS)):
        raise SettingError(f"{path}: no setting named {', '.join(unknown)}; the settings: {', '.join(SETTINGS)}")
    return {key: SETTINGS[key].check(value, f"{path}: ") for key, value in raw.items()}


def setting_of(key: str) -> Setting:
    """The setting named ``key``, or a :class:`SettingError` listing them."""
    if key not in SETTINGS:
        raise SettingError(f"no setting named {key!r}: one of {', '.join(SETTINGS)}")
    return SETTINGS[key]


def configured(key: str) -> Value:
    """The value of ``key``: the user's file's, else the default."""
    default = setting_of(key).default
    path = user_file()
    return read_settings_file(path).get(key, default) if path else default


def setting(key: str) -> Number:
    """The value of the number setting ``key`` (:func:`configured`)."""
    value = configured(key)
    if isinstance(value, str):
        raise SettingError(f"{key} names a file: read it with setting_file")
    return value


def setting_file(key: str) -> Path | None:
    """The file the setting ``key`` names, a relative path taken from the settings file's folder; None for
    ``""``, the shipped file."""
    value = configured(key)
    if not isinstance(value, str):
        raise SettingError(f"{key} is a number: read it with setting")
    if not value:
        return None
    path = Path(value).expanduser()
    folder = user_file()
    return path if path.is_absolute() or folder is None else folder.parent / path


def shown(value: Value) -> str:
    """A value as the settings file writes it: a path in quotes."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
