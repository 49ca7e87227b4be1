"""Corrections as a file a team shares: the merges and splits of one store, replayed on another.

A store's row ids mean nothing in another store, so each correction names what survives re-ingesting the
same articles: actors by their keys (a KB id such as ``kb:hayat-tahrir-al-sham``, else the type and the
folded name), names by their folded key, event reports by their document's fingerprint and offsets
(:func:`factiongraph.store.events.report_key`). Replaying a correction that already holds changes nothing,
so importing a file twice is the same as once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError, InputError
from factiongraph.store.corrections import merge_entities, redirect, split_alias
from factiongraph.store.events import ReportKey, correction_recorded, find_report, merge_events, split_event

FORMAT = "factiongraph-corrections"
VERSION = 1


class CorrectionsFileError(InputError):
    """A corrections file that cannot be read, or is not one."""


@dataclass
class ImportReport:
    """What an import did: how many corrections it applied, found already applied, and could not apply
    (each with the reason, one line apiece)."""

    applied: int = 0
    already: int = 0
    skipped: list[str] = field(default_factory=list)


def export_corrections(db: Database) -> dict[str, Any]:
    """Every correction recorded in ``db``, oldest first, keyed by what another store of the same articles
    knows too."""
    names = dict(db.execute("SELECT key, name FROM entities").fetchall())
    found: list[dict[str, Any]] = []
    for from_key, to_key, created in db.execute("SELECT from_key, to_key, created_at FROM entity_redirects"):
        found.append(
            {"kind": "merge-actors", "keep": _actor(to_key, names), "other": _actor(from_key, names), "at": created}
        )
    for entity_key, key, to_key, created in db.execute(
        "SELECT s.entity_key, s.name_key, s.to_key, s.created_at FROM alias_splits s"
    ):
        name = names.get(to_key, key)
        found.append(
            {"kind": "split-name", "actor": _actor(entity_key, names), "name": name, "name_key": key, "at": created}
        )
    for kind, keep, other, created in db.execute(
        "SELECT kind, keep_report, other_report, created_at FROM event_corrections ORDER BY id"
    ):
        keep_key, other_key = json.loads(keep), json.loads(other)
        if kind == "merge":
            found.append({"kind": "merge-events", "keep": keep_key, "other": other_key, "at": created})
        else:
            found.append({"kind": "split-event", "stays": keep_key, "moves": other_key, "at": created})
    found.sort(key=lambda correction: correction["at"])
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "corrections": found,
    }


def _actor(key: str, names: dict[str, str]) -> dict[str, str]:
    """An actor by its key, with its name for the people reading the file: a merged-away actor's is the KB's,
    else the name folded in its key."""
    from factiongraph.kb import load_kb  # here: only an actor merged away needs the KB

    kind, _, rest = key.partition(":")
    known = load_kb().get(rest) if kind == "kb" and key not in names else None
    return {"key": key, "name": names.get(key) or (known.name if known else rest)}


def read_corrections_file(path: Path) -> list[Any]:
    """The corrections in a file :func:`export_corrections` wrote; a file that is not one raises."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorrectionsFileError(path, f"cannot be read: {error}") from error
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise CorrectionsFileError(path, f'is not a corrections file (no "format": "{FORMAT}")')
    if raw.get("version") != VERSION:
        raise CorrectionsFileError(path, f"is version {raw.get('version')!r}; this factiongraph reads {VERSION}")
    if not isinstance(raw.get("corrections"), list):
        raise CorrectionsFileError(path, 'has no "corrections" list')
    return raw["corrections"]


def import_corrections(db: Database, corrections: list[Any]) -> ImportReport:
    """Replay ``corrections`` on ``db`` in order; one that already holds is left alone, one that no longer
    applies (its actor, name or article is not in this store) is reported and the rest go on."""
    report = ImportReport()
    for number, correction in enumerate(corrections, start=1):
        try:
            changed = _replay(db, correction)
        except _DoesNotApply as reason:
            report.skipped.append(f"correction {number} ({_describe(correction)}): {reason}")
            continue
        except FactiongraphError as error:
            report.skipped.append(f"correction {number} ({_describe(correction)}): does not apply: {error}")
            continue
        if changed:
            report.applied += 1
        else:
            report.already += 1
    return report


class _DoesNotApply(Exception):
    """Why one correction cannot be replayed on this store."""


def _replay(db: Database, correction: Any) -> bool:
    """Apply one correction; answers whether it changed the store."""
    try:
        kind = correction["kind"]
        if kind == "merge-actors":
            return _merge_actors(db, correction["keep"]["key"], correction["other"]["key"])
        if kind == "split-name":
            return _split_name(db, correction["actor"]["key"], correction["name_key"], correction["name"])
        if kind == "merge-events":
            return _merge_events(db, correction["keep"], correction["other"])
        if kind == "split-event":
            return _split_event(db, correction["stays"], correction["moves"])
    except (KeyError, TypeError) as missing:
        raise _DoesNotApply(f"is malformed (missing {missing})") from None
    raise _DoesNotApply(f"has an unknown kind {kind!r}")


def _redirects(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT from_key, to_key FROM entity_redirects").fetchall())


def _entity_id(db: Database, key: str) -> int | None:
    row = db.execute("SELECT id FROM entities WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _merge_actors(db: Database, keep_key: str, other_key: str) -> bool:
    redirects = _redirects(db)
    keep, other = redirect(redirects, keep_key), redirect(redirects, other_key)
    if keep == other:
        return False
    merge_entities(db, _present(db, keep, keep_key), _present(db, other, other_key))
    return True


def _present(db: Database, key: str, asked: str) -> int:
    """The id of the actor under ``key`` (``asked`` followed through merges); one that is absent does not apply."""
    entity_id = _entity_id(db, key)
    if entity_id is None:
        raise _DoesNotApply(f"no longer applies: no actor {asked!r} in this store")
    return entity_id


def _split_name(db: Database, actor_key: str, key: str, name: str) -> bool:
    actor = redirect(_redirects(db), actor_key)
    if db.execute("SELECT 1 FROM alias_splits WHERE entity_key = ? AND name_key = ?", [actor, key]).fetchone():
        return False
    entity_id = _present(db, actor, actor_key)
    if not db.execute("SELECT 1 FROM aliases WHERE entity_id = ? AND name_key = ?", [entity_id, key]).fetchone():
        raise _DoesNotApply(f"no longer applies: {actor_key!r} has no name {name!r} in this store")
    split_alias(db, entity_id, key, name)
    return True


def _reports(db: Database, *keys: ReportKey) -> Iterator[tuple[int, int]]:
    for key in keys:
        found = find_report(db, key)
        if found is None:
            raise _DoesNotApply(
                f"no longer applies: no {key['type']} report at {key['begin']}-{key['end']} "
                f"of document {str(key['document'])[:12]} in this store"
            )
        yield found


def _merge_events(db: Database, keep: ReportKey, other: ReportKey) -> bool:
    (_, keep_event), (_, other_event) = _reports(db, keep, other)
    if keep_event == other_event or correction_recorded(db, "merge", keep, other):
        return False
    merge_events(db, keep_event, other_event, as_reports=(keep, other))
    return True


def _split_event(db: Database, stays: ReportKey, moves: ReportKey) -> bool:
    (_, event_id), (mention_id, moved_event) = _reports(db, stays, moves)
    if event_id != moved_event or correction_recorded(db, "split", stays, moves):
        return False
    document_id = db.execute("SELECT document_id FROM event_mentions WHERE id = ?", [mention_id]).fetchone()[0]
    split_event(db, event_id, document_id, as_reports=(stays, moves))
    return True


def _describe(correction: Any) -> str:
    """A correction in a few words, for the line that says it was not applied."""
    if not isinstance(correction, dict):
        return "not an object"
    kind = correction.get("kind", "?")
    if kind == "merge-actors":
        return f"merge {_name(correction.get('other'))} into {_name(correction.get('keep'))}"
    if kind == "split-name":
        return f"split {correction.get('name')!r} off {_name(correction.get('actor'))}"
    return str(kind).replace("-", " ")


def _name(actor: Any) -> str:
    return repr(actor.get("name") or actor.get("key")) if isinstance(actor, dict) else "?"
