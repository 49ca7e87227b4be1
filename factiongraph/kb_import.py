"""An analyst's actor list (a spreadsheet saved as CSV) into a KB file that validates and loads with ``--kb``.

Columns, by header (any order, any case; extra columns are ignored):

- ``name`` (required): the canonical name;
- ``type`` (required): Person, Organisation (or Organization), Location or Nationality;
- ``aliases``: other names and spellings, separated by ``;`` or ``|``;
- ``arabic``: Arabic names, separated the same way;
- ``affiliations``: groups the actor belongs to, separated the same way, each a name or id of an actor in
  the KB or in the file, with optional dates: ``Syrian National Army (2019-10..)``, ``Ahrar al-Sham
  (2014..2017-07)``, ``al-Qaeda (..2016-07)``;
- ``id``: the actor's id (default: the name as a slug, ``hayat-tahrir-al-sham``);
- ``category``: the KB's category (default: person for a Person, other otherwise);
- ``description``.

A bad row costs one line naming its line and the reason; the other rows are kept. An id the KB already has
is reported and left as it is: an import adds actors, it never overwrites one.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factiongraph.errors import InputError, KnowledgeBaseError, validated
from factiongraph.kb import Actor, KnowledgeBase
from factiongraph.keys import name_key
from factiongraph.vocab import ACTOR_TYPES

COLUMNS = ("name", "type", "aliases", "arabic", "affiliations", "id", "category", "description")
REQUIRED = ("name", "type")
_TYPES = {**{t.lower(): t for t in ACTOR_TYPES}, "organization": "Organisation"}
_SEPARATOR = re.compile(r"[;|]")
_AFFILIATION = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<start>[^.()]*)\.\.(?P<end>[^.()]*)\))?$")


class ActorListError(InputError):
    """An actor list that cannot be read at all (no such columns, not CSV)."""


@dataclass
class ActorListImport:
    """The actors an import adds, and one line for each row it refused."""

    actors: list[Actor] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def slug(name: str) -> str:
    """An actor id from a name: ASCII, lower case, words joined by hyphens ("Hay'at Tahrir al-Sham" ->
    "hayat-tahrir-al-sham")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", "").replace("’", "")))


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in _SEPARATOR.split(cell or "") if part.strip()]


def import_actor_list(path: Path, existing: KnowledgeBase) -> ActorListImport:
    """The rows of the CSV at ``path`` as KB actors; ``existing`` (the KB they join) is what affiliations may
    name and what ids must not clash with."""
    rows = _read_rows(path)
    result = ActorListImport()
    planned: dict[str, tuple[int, dict[str, Any]]] = {}
    for line, row in rows:
        try:
            actor = _actor_fields(row)
        except ValueError as reason:
            result.problems.append(f"{path}:{line}: {reason}")
            continue
        clash = existing.get(actor["id"])
        if clash is not None:
            result.problems.append(
                f"{path}:{line}: id {actor['id']!r} is already the KB's {clash.name!r}: not overwritten "
                "(give the row another id to add it)"
            )
        elif actor["id"] in planned:
            result.problems.append(f"{path}:{line}: id {actor['id']!r} is also row {planned[actor['id']][0]}'s")
        else:
            planned[actor["id"]] = (line, actor)
    names = _names_to_ids(existing, [fields for _, fields in planned.values()])
    accepted: dict[str, tuple[int, Actor]] = {}
    for actor_id, (line, fields) in planned.items():
        try:
            fields["relations"] = [_affiliation(text, names, actor_id) for text in fields.pop("affiliations")]
            accepted[actor_id] = (line, validated(Actor, fields, path, KnowledgeBaseError))
        except ValueError as reason:
            result.problems.append(f"{path}:{line}: {reason}")
        except KnowledgeBaseError as error:
            result.problems.append(f"{path}:{line}: {error.reason.replace('relations.', 'affiliation ', 1)}")
    while refused := _affiliated_to_refused(accepted, existing):
        for actor_id, target in refused:
            line = accepted.pop(actor_id)[0]
            result.problems.append(f"{path}:{line}: affiliation {target!r} is a row that was refused")
    result.actors = [actor for _, actor in accepted.values()]
    result.problems.sort(key=lambda problem: int(problem.removeprefix(f"{path}:").partition(":")[0]))
    return result


def _affiliated_to_refused(accepted: dict[str, tuple[int, Actor]], existing: KnowledgeBase) -> list[tuple[str, str]]:
    """The accepted actors whose affiliation names a row of the file that was refused, each with that row's id."""
    refused = []
    for actor_id, (_, actor) in accepted.items():
        lost = [r.target for r in actor.relations if r.target not in accepted and existing.get(r.target) is None]
        if lost:
            refused.append((actor_id, lost[0]))
    return refused


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The data rows, each with its line number, columns named by lower-case headers."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            headers = [h.strip().lower() for h in reader.fieldnames or []]
            missing = [c for c in REQUIRED if c not in headers]
            if missing:
                raise ActorListError(path, f"has no {' or '.join(missing)} column (columns: {', '.join(COLUMNS)})")
            reader.fieldnames = headers
            rows = []
            for row in reader:
                if any((value or "").strip() for key, value in row.items() if key is not None):
                    rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}))
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ActorListError(path, f"cannot be read: {error}") from error


def _actor_fields(row: dict[str, str]) -> dict[str, Any]:
    """One row as the fields of an :class:`Actor`, affiliations still as written."""
    name = row.get("name", "")
    if not name:
        raise ValueError("has no name")
    entity_type = _TYPES.get(row.get("type", "").lower())
    if entity_type is None:
        raise ValueError(f"type {row.get('type', '')!r} is not one of {', '.join(ACTOR_TYPES)}")
    actor_id = row.get("id") or slug(name)
    if not actor_id:
        raise ValueError(f"{name!r} makes no id: give the row an id such as 'jaysh-al-islam'")
    fields: dict[str, Any] = {
        "id": actor_id,
        "type": entity_type,
        "category": row.get("category") or ("person" if entity_type == "Person" else "other"),
        "name": name,
        "aliases": _split(row.get("aliases")),
        "arabic": _split(row.get("arabic")),
        "affiliations": _split(row.get("affiliations")),
    }
    if row.get("description"):
        fields["description"] = row["description"]
    return fields


def _names_to_ids(existing: KnowledgeBase, new: list[dict[str, Any]]) -> dict[str, str]:
    """Every folded name and id of the KB's actors and the file's, to the actor's id (the file's win)."""
    names: dict[str, str] = {}
    for actor in existing.actors:
        for known in (actor.id, *actor.all_names()):
            names.setdefault(name_key(known), actor.id)
    for fields in new:
        for known in (fields["id"], fields["name"], *fields["aliases"], *fields["arabic"]):
            names[name_key(known)] = fields["id"]
    return names


def _affiliation(text: str, names: dict[str, str], actor_id: str) -> dict[str, str]:
    """``Group (2019-10..)`` as a BelongsTo relation to the actor it names, with its dates."""
    found = _AFFILIATION.match(text)
    if found is None:
        raise ValueError(f"affiliation {text!r} is not 'Name' or 'Name (START..END)'")
    target = names.get(name_key(found["name"]))
    if target is None:
        raise ValueError(f"affiliation {found['name']!r} names no actor of the KB or this file")
    if target == actor_id:
        raise ValueError(f"affiliation {found['name']!r} is the actor itself")
    relation = {"type": "BelongsTo", "target": target}
    for key in ("start", "end"):
        if found[key] and found[key].strip():
            relation[key] = found[key].strip()
    return relation


def write_kb_file(path: Path, actors: list[Actor], *, over: KnowledgeBase) -> KnowledgeBase:
    """Write ``actors`` as a KB file, checked first as :func:`factiongraph.kb.load_kb` will read it (over
    the shipped KB)."""
    raw = {"schema_version": 1, "actors": [a.model_dump(mode="json", exclude_defaults=True) for a in actors]}
    kb = validated(KnowledgeBase, raw, path, KnowledgeBaseError, {"known_ids": over.by_id})
    header = "# factiongraph actor KB, written by 'factiongraph kb import'. Schema: factiongraph/kb.py.\n"
    path.write_text(header + yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return kb
