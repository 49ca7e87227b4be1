"""The graph for Neo4j: CSV files for ``neo4j-admin database import`` and a Cypher script that loads the same
files into a running database with ``LOAD CSV``.

Entities, events and claims are nodes, each kind in its own ID space (``:ID(Entity)``, ``:ID(Event)``,
``:ID(Claim)``); an entity's labels are ``Entity`` and its type (``Organisation``, ``Person``, ``Location``).
Relationships: one per fact between entities, typed by the relation (``Controls``, ``BelongsTo``), with its
dates, precision, evidence count and first quote; ``TOOK_PART`` (with the role) and ``AT`` link events to their
actors and place; ``SAID`` and ``ABOUT`` link claims to their speaker and subjects. Headers carry
neo4j-admin's types (``start:date``, ``latitude:float``, ``aliases:string[]``, arrays split at ``;``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from factiongraph.export.model import ExportGraph
from factiongraph.export.networks import first_day, last_day
from factiongraph.export.registry import register_exporter

ARRAY_DELIMITER = ";"
"""neo4j-admin's default array delimiter, and the one the Cypher script splits at."""

ENTITIES_HEADER = [
    "id:ID(Entity)",
    ":LABEL",
    "name:string",
    "type:string",
    "aliases:string[]",
    "arabic_names:string[]",
    "kb_id:string",
    "latitude:float",
    "longitude:float",
    "place_precision:string",
]
EVENTS_HEADER = [
    "id:ID(Event)",
    ":LABEL",
    "type:string",
    "mode:string",
    "acled_event_type:string",
    "acled_sub_event_type:string",
    "when:string",
    "start:date",
    "end:date",
    "precision:string",
    "fatalities:int",
    "injured:int",
    "report_count:int",
    "quote:string",
    "document:long",
]
CLAIMS_HEADER = [
    "id:ID(Claim)",
    ":LABEL",
    "stance:string",
    "content:string",
    "speaker_text:string",
    "when:string",
    "start:date",
    "end:date",
    "quote:string",
    "document:long",
]
RELATIONS_HEADER = [
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id:string",
    "when:string",
    "start:date",
    "end:date",
    "precision:string",
    "evidence_count:int",
    "quote:string",
    "document:long",
]
EVENT_LINKS_HEADER = [":START_ID(Entity)", ":END_ID(Event)", ":TYPE", "role:string"]
SAID_HEADER = [":START_ID(Entity)", ":END_ID(Claim)", ":TYPE"]
ABOUT_HEADER = [":START_ID(Claim)", ":END_ID(Entity)", ":TYPE"]

IMPORT_COMMAND = (
    "neo4j-admin database import full --nodes=entities.csv --nodes=events.csv --nodes=claims.csv "
    "--relationships=relations.csv --relationships=event_links.csv --relationships=claims_said.csv "
    "--relationships=claims_about.csv neo4j"
)

LOAD_CYPHER = """\
// factiongraph's graph loaded into a running Neo4j (5.26 or later: dynamic labels and types).
// Copy the CSV files of this folder into the database's import folder, then run:
//   cypher-shell -f load.cypher
// Or, into an empty database with the server stopped, from this folder:
//   {import_command}
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
MERGE (n:Entity {{id: row.`id:ID(Entity)`}})
SET n:$(split(row.`:LABEL`, ';')), n.name = row.`name:string`, n.type = row.`type:string`,
    n.aliases = split(row.`aliases:string[]`, ';'), n.arabic_names = split(row.`arabic_names:string[]`, ';'),
    n.kb_id = row.`kb_id:string`, n.latitude = toFloat(row.`latitude:float`),
    n.longitude = toFloat(row.`longitude:float`), n.place_precision = row.`place_precision:string`;

LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row
MERGE (n:Event {{id: row.`id:ID(Event)`}})
SET n.type = row.`type:string`, n.mode = row.`mode:string`, n.acled_event_type = row.`acled_event_type:string`,
    n.acled_sub_event_type = row.`acled_sub_event_type:string`, n.when = row.`when:string`,
    n.start = date(row.`start:date`), n.end = date(row.`end:date`), n.precision = row.`precision:string`,
    n.fatalities = toInteger(row.`fatalities:int`), n.injured = toInteger(row.`injured:int`),
    n.report_count = toInteger(row.`report_count:int`), n.quote = row.`quote:string`,
    n.document = toInteger(row.`document:long`);

LOAD CSV WITH HEADERS FROM 'file:///claims.csv' AS row
MERGE (n:Claim {{id: row.`id:ID(Claim)`}})
SET n.stance = row.`stance:string`, n.content = row.`content:string`, n.speaker_text = row.`speaker_text:string`,
    n.when = row.`when:string`, n.start = date(row.`start:date`), n.end = date(row.`end:date`),
    n.quote = row.`quote:string`, n.document = toInteger(row.`document:long`);

LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
MATCH (a:Entity {{id: row.`:START_ID(Entity)`}}), (b:Entity {{id: row.`:END_ID(Entity)`}})
CREATE (a)-[r:$(row.`:TYPE`) {{id: row.`id:string`, when: row.`when:string`, start: date(row.`start:date`),
    end: date(row.`end:date`), precision: row.`precision:string`,
    evidence_count: toInteger(row.`evidence_count:int`), quote: row.`quote:string`,
    document: toInteger(row.`document:long`)}}]->(b);

LOAD CSV WITH HEADERS FROM 'file:///event_links.csv' AS row
MATCH (a:Entity {{id: row.`:START_ID(Entity)`}}), (e:Event {{id: row.`:END_ID(Event)`}})
CREATE (a)-[:$(row.`:TYPE`) {{role: row.`role:string`}}]->(e);

LOAD CSV WITH HEADERS FROM 'file:///claims_said.csv' AS row
MATCH (a:Entity {{id: row.`:START_ID(Entity)`}}), (c:Claim {{id: row.`:END_ID(Claim)`}})
CREATE (a)-[:SAID]->(c);

LOAD CSV WITH HEADERS FROM 'file:///claims_about.csv' AS row
MATCH (c:Claim {{id: row.`:START_ID(Claim)`}}), (b:Entity {{id: row.`:END_ID(Entity)`}})
CREATE (c)-[:ABOUT]->(b);
"""


@register_exporter("neo4j", directory=True)
def write_neo4j(graph: ExportGraph, out: Path) -> None:
    """CSV files for neo4j-admin database import and load.cypher (LOAD CSV) in the folder --out."""
    _write(out / "entities.csv", ENTITIES_HEADER, _entity_rows(graph))
    _write(out / "events.csv", EVENTS_HEADER, _event_rows(graph))
    _write(out / "claims.csv", CLAIMS_HEADER, _claim_rows(graph))
    _write(out / "relations.csv", RELATIONS_HEADER, _relation_rows(graph))
    _write(
        out / "event_links.csv",
        EVENT_LINKS_HEADER,
        [[a.node, v.id, "TOOK_PART", a.role] for v in graph.events for a in v.actors]
        + [[v.place, v.id, "AT", None] for v in graph.events if v.place],
    )
    _write(out / "claims_said.csv", SAID_HEADER, [[c.speaker, c.id, "SAID"] for c in graph.claims if c.speaker])
    _write(out / "claims_about.csv", ABOUT_HEADER, [[c.id, node, "ABOUT"] for c in graph.claims for node in c.about])
    (out / "load.cypher").write_text(LOAD_CYPHER.format(import_command=IMPORT_COMMAND), encoding="utf-8")


def _write(path: Path, header: list[str], rows: Iterable[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _array(values: Iterable[str]) -> str:
    """A string array for neo4j-admin: a delimiter inside a name would split it, so it becomes a comma."""
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, ",") for v in values)


def _entity_rows(graph: ExportGraph) -> Iterable[list[object]]:
    for n in graph.nodes:
        labels = _array(dict.fromkeys(["Entity", n.type]))
        aliases, arabic = _array(n.aliases), _array(n.arabic_names)
        yield [n.id, labels, n.name, n.type, aliases, arabic, n.kb_id, n.latitude, n.longitude, n.place_precision]


def _event_rows(graph: ExportGraph) -> Iterable[list[object]]:
    for v in graph.events:
        first = v.reports[0].evidence[0] if v.reports else None
        yield [
            v.id,
            "Event",
            v.type,
            v.mode,
            v.acled_event_type,
            v.acled_sub_event_type,
            v.when,
            first_day(v.start),
            last_day(v.end),
            v.precision,
            v.fatalities,
            v.injured,
            len(v.reports),
            first.sentence.strip() if first else None,
            first.document_id if first else None,
        ]


def _claim_rows(graph: ExportGraph) -> Iterable[list[object]]:
    for c in graph.claims:
        yield [
            c.id,
            "Claim",
            c.stance,
            c.content,
            c.speaker_text,
            c.when,
            first_day(c.start),
            last_day(c.end),
            c.evidence.text.strip(),
            c.evidence.document_id,
        ]


def _relation_rows(graph: ExportGraph) -> Iterable[list[object]]:
    for e in graph.edges:
        first = e.evidence[0]
        yield [
            e.source,
            e.target,
            e.type,
            e.id,
            e.when,
            first_day(e.start),
            last_day(e.end),
            e.precision,
            len(e.evidence),
            first.text.strip(),
            first.document_id,
        ]
