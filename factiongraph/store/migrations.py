"""The store's schema as ordered, recorded migrations; an applied migration is never edited."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from factiongraph.keys import translit_key

migrations = Migrations("factiongraph")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            external_id TEXT,
            title TEXT, url TEXT, outlet TEXT, author TEXT,
            published TEXT, lang TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            begin INTEGER NOT NULL,
            end INTEGER NOT NULL,
            UNIQUE (document_id, idx)
        );
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            kb_id TEXT UNIQUE
        );
        CREATE TABLE aliases (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            UNIQUE (entity_id, name)
        );
        CREATE INDEX aliases_name_key ON aliases(name_key);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            begin INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            source_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            target_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
            target_begin INTEGER NOT NULL, target_end INTEGER NOT NULL,
            evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
            when_start TEXT, when_end TEXT,
            precision TEXT NOT NULL DEFAULT 'unknown',
            UNIQUE (document_id, type, source_begin, source_end, target_begin, target_end)
        );
        CREATE INDEX relations_source ON relations(source_id);
        CREATE INDEX relations_target ON relations(target_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            place_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            when_start TEXT, when_end TEXT,
            precision TEXT NOT NULL DEFAULT 'unknown',
            evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL
        );
        CREATE TABLE event_actors (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            PRIMARY KEY (event_id, entity_id, role)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            stance TEXT NOT NULL CHECK (stance IN ('asserted', 'denied', 'possible', 'likely')),
            content TEXT NOT NULL,
            when_start TEXT, when_end TEXT,
            evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL
        );
        CREATE TABLE claim_about (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (claim_id, entity_id)
        );
        """
    )


@migrations(name="0002_places_translit_corrections")
def places_translit_corrections(db: Database) -> None:
    """Coordinates on places, transliteration keys on aliases, and analysts' corrections."""
    db["aliases"].add_column("translit_key", str)
    db["mentions"].add_column("name_key", str)
    db["claims"].add_column("speaker_text", str)
    db["claims"].add_column("cue", str)
    db.execute("CREATE INDEX aliases_translit_key ON aliases(translit_key)")
    for column, kind in (("place_id", str), ("latitude", float), ("longitude", float), ("precision", str)):
        db["entities"].add_column(column, kind)
    db.executescript(
        """
        CREATE TABLE entity_redirects (
            from_key TEXT PRIMARY KEY,
            to_key TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE alias_splits (
            entity_key TEXT NOT NULL,
            name_key TEXT NOT NULL,
            to_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (entity_key, name_key)
        );
        """
    )


@migrations(name="0003_browse_indexes")
def browse_indexes(db: Database) -> None:
    """Indexes for the API's pages: an actor's relations by type and date (dated first, oldest first, so a
    capped list reads only its page), a pair's relations, events and claims by actor, the map by date."""
    dated = "COALESCE(when_start, when_end) IS NULL, COALESCE(when_start, when_end)"
    db.executescript(
        f"""
        CREATE INDEX relations_source_dated ON relations(source_id, {dated});
        CREATE INDEX relations_target_dated ON relations(target_id, {dated});
        CREATE INDEX relations_source_type_dated ON relations(source_id, type, {dated});
        CREATE INDEX relations_target_type_dated ON relations(target_id, type, {dated});
        CREATE INDEX relations_pair_dated ON relations(source_id, target_id, {dated});
        CREATE INDEX event_actors_entity ON event_actors(entity_id, event_id);
        CREATE INDEX relations_type_dated ON relations(type, {dated});
        CREATE INDEX events_dated ON events({dated});
        CREATE INDEX events_place_dated ON events(place_id, {dated});
        CREATE INDEX claims_speaker_dated ON claims(speaker_id, {dated});
        CREATE INDEX claim_about_entity ON claim_about(entity_id, claim_id);
        """
    )


@migrations(name="0004_translit_feminine_ending")
def translit_feminine_ending(db: Database) -> None:
    """Transliteration keys fold the feminine ending ("Jabhat", "Jabhah", "Jabha" meet): stored keys
    are computed again so stored names keep meeting new spellings of them."""
    rows = db.execute("SELECT id, name FROM aliases").fetchall()
    db.conn.executemany("UPDATE aliases SET translit_key = ? WHERE id = ?", [(translit_key(n), i) for i, n in rows])


@migrations(name="0005_events_across_reports")
def events_across_reports(db: Database) -> None:
    """One event, many reports: each sentence that tells an event is an event mention, with what that report
    says of it (date, place, actors, casualties) and why it was joined to the event; an event keeps the
    first report as its citation and the union of its reports' actors. A ``settings`` table holds the
    knobs analysts tune, first how far apart two reports' dates may be and still tell one event."""
    db.executescript(
        """
        CREATE TABLE event_mentions (
            id INTEGER PRIMARY KEY,
            event_id INTEGER REFERENCES events(id),
            type TEXT NOT NULL,
            trigger TEXT,
            mode TEXT,
            acled_event_type TEXT, acled_sub_event_type TEXT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            place_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            when_start TEXT, when_end TEXT,
            precision TEXT NOT NULL DEFAULT 'unknown',
            evidence_begin INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
            killed INTEGER, injured INTEGER,
            joined_because TEXT NOT NULL
        );
        CREATE INDEX event_mentions_event ON event_mentions(event_id);
        CREATE INDEX event_mentions_document ON event_mentions(document_id);
        CREATE TABLE event_mention_actors (
            mention_id INTEGER NOT NULL REFERENCES event_mentions(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            PRIMARY KEY (mention_id, entity_id, role)
        );
        CREATE INDEX event_mention_actors_entity ON event_mention_actors(entity_id);
        ALTER TABLE events ADD COLUMN mode TEXT;
        ALTER TABLE events ADD COLUMN acled_event_type TEXT;
        ALTER TABLE events ADD COLUMN acled_sub_event_type TEXT;
        ALTER TABLE events ADD COLUMN first_day TEXT;
        ALTER TABLE events ADD COLUMN last_day TEXT;
        CREATE INDEX events_days ON events(type, first_day, last_day);
        INSERT INTO event_mentions (id, event_id, type, document_id, sentence_id, place_id, when_start, when_end,
                                    precision, evidence_begin, evidence_end, joined_because)
            SELECT id, id, type, document_id, sentence_id, place_id, when_start, when_end, precision,
                   evidence_begin, evidence_end, 'stored before reports were linked: an event of its own'
            FROM events;
        INSERT INTO event_mention_actors (mention_id, entity_id, role)
            SELECT event_id, entity_id, role FROM event_actors;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


_DATED_FACTS = ("relations", "events", "claims")


@migrations(name="0006_queries_at_scale")
def queries_at_scale(db: Database) -> None:
    """What the API's lists need to answer from indexes on a store of 100,000 documents.

    Each fact (relation, event, claim) carries its article's publication date, copied by triggers, so a fact's
    date or failing that its article's (the order and window of every list) is an expression on its own row
    that an index can hold. Each entity's count of mentions is kept by triggers in ``entity_mentions``, so the
    search box ranks by fame without counting millions of mentions. Events and claims get indexes in the order
    their lists are read.
    """
    for table in _DATED_FACTS:
        db.executescript(
            f"""
            ALTER TABLE {table} ADD COLUMN published TEXT;
            UPDATE {table} SET published = (SELECT d.published FROM documents d WHERE d.id = {table}.document_id);
            CREATE TRIGGER {table}_published AFTER INSERT ON {table} BEGIN
                UPDATE {table} SET published = (SELECT published FROM documents WHERE id = NEW.document_id)
                WHERE id = NEW.id;
            END;
            CREATE TRIGGER {table}_published_moved AFTER UPDATE OF document_id ON {table} BEGIN
                UPDATE {table} SET published = (SELECT published FROM documents WHERE id = NEW.document_id)
                WHERE id = NEW.id;
            END;
            """
        )
    listed = "COALESCE(when_start, when_end, published)"
    listed_end = "COALESCE(when_end, when_start, published)"
    claim_order = "COALESCE(when_start, published), document_id, evidence_begin, id"
    db.executescript(
        f"""
        CREATE TRIGGER documents_published AFTER UPDATE OF published ON documents BEGIN
            UPDATE relations SET published = NEW.published WHERE document_id = NEW.id;
            UPDATE events SET published = NEW.published WHERE document_id = NEW.id;
            UPDATE claims SET published = NEW.published WHERE document_id = NEW.id;
        END;
        CREATE TABLE entity_mentions (
            entity_id INTEGER PRIMARY KEY,
            mentions INTEGER NOT NULL
        );
        INSERT INTO entity_mentions (entity_id, mentions)
            SELECT entity_id, COUNT(*) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id;
        CREATE TRIGGER mentions_counted AFTER INSERT ON mentions WHEN NEW.entity_id IS NOT NULL BEGIN
            INSERT INTO entity_mentions (entity_id, mentions) VALUES (NEW.entity_id, 1)
            ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
        END;
        CREATE TRIGGER mentions_uncounted AFTER DELETE ON mentions WHEN OLD.entity_id IS NOT NULL BEGIN
            UPDATE entity_mentions SET mentions = mentions - 1 WHERE entity_id = OLD.entity_id;
        END;
        CREATE TRIGGER mentions_recounted AFTER UPDATE OF entity_id ON mentions
        WHEN OLD.entity_id IS NOT NEW.entity_id BEGIN
            UPDATE entity_mentions SET mentions = mentions - 1 WHERE entity_id = OLD.entity_id;
            INSERT INTO entity_mentions (entity_id, mentions) SELECT NEW.entity_id, 1 WHERE NEW.entity_id IS NOT NULL
            ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
        END;
        CREATE INDEX events_listed ON events({listed} IS NULL, {listed}, id);
        CREATE INDEX events_window ON events({listed}, id, {listed_end});
        CREATE INDEX claims_listed ON claims({claim_order});
        CREATE INDEX claims_speaker_listed ON claims(speaker_id, {claim_order});
        CREATE INDEX claims_stance_listed ON claims(stance, {claim_order});
        """
    )


@migrations(name="0007_event_corrections")
def event_corrections(db: Database) -> None:
    """Analysts' merges and splits of events, recorded as they are made and keyed by reports (a document's
    fingerprint and offsets), not row ids, so ``corrections export`` can replay them on another store."""
    db.executescript(
        """
        CREATE TABLE event_corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            keep_report TEXT NOT NULL,
            other_report TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )


@migrations(name="0008_map_windows")
def map_windows(db: Database) -> None:
    """Indexes the map reads its window from: placed events and held places (``Controls``) by date with what
    the map filters on, so a window is one range counted and paged from the index alone; and the few facts
    whose span runs on past their start date, by end date, for those that began before the window."""
    dated, dated_end = "COALESCE(when_start, when_end)", "COALESCE(when_end, when_start)"
    db.executescript(
        f"""
        CREATE INDEX events_placed_dated ON events({dated}, id, {dated_end}, place_id) WHERE place_id IS NOT NULL;
        CREATE INDEX events_placed_spanning ON events({dated_end}, {dated}, id, place_id)
            WHERE place_id IS NOT NULL AND {dated_end} > {dated};
        CREATE INDEX relations_held_dated ON relations({dated}, id, {dated_end}, target_id) WHERE type = 'Controls';
        CREATE INDEX relations_held_spanning ON relations({dated_end}, {dated}, id, target_id)
            WHERE type = 'Controls' AND {dated_end} > {dated};
        """
    )


@migrations(name="0009_claims_by_speaker_and_stance")
def claims_by_speaker_and_stance(db: Database) -> None:
    """Claims by one speaker with one stance, in list order: without it, the planner reads every claim of the
    stance (a third of a large store) to find one speaker's."""
    db.execute(
        "CREATE INDEX claims_speaker_stance_listed ON claims"
        "(speaker_id, stance, COALESCE(when_start, published), document_id, evidence_begin, id)"
    )


@migrations(name="0010_relation_counts")
def relation_counts(db: Database) -> None:
    """Each entity's count of relations per end (``source``/``target``) and type, kept by triggers, so a busy
    actor's page tells its totals without counting a hundred thousand relations seven times."""
    db.executescript(
        """
        CREATE TABLE relation_counts (
            entity_id INTEGER NOT NULL,
            end_role TEXT NOT NULL,
            type TEXT NOT NULL,
            relations INTEGER NOT NULL,
            PRIMARY KEY (entity_id, end_role, type)
        ) WITHOUT ROWID;
        INSERT INTO relation_counts (entity_id, end_role, type, relations)
            SELECT source_id, 'source', type, COUNT(*) FROM relations GROUP BY source_id, type;
        INSERT INTO relation_counts (entity_id, end_role, type, relations)
            SELECT target_id, 'target', type, COUNT(*) FROM relations GROUP BY target_id, type;
        CREATE TRIGGER relations_counted AFTER INSERT ON relations BEGIN
            INSERT INTO relation_counts VALUES (NEW.source_id, 'source', NEW.type, 1)
            ON CONFLICT DO UPDATE SET relations = relations + 1;
            INSERT INTO relation_counts VALUES (NEW.target_id, 'target', NEW.type, 1)
            ON CONFLICT DO UPDATE SET relations = relations + 1;
        END;
        CREATE TRIGGER relations_uncounted AFTER DELETE ON relations BEGIN
            UPDATE relation_counts SET relations = relations - 1
            WHERE entity_id = OLD.source_id AND end_role = 'source' AND type = OLD.type;
            UPDATE relation_counts SET relations = relations - 1
            WHERE entity_id = OLD.target_id AND end_role = 'target' AND type = OLD.type;
        END;
        CREATE TRIGGER relations_recounted AFTER UPDATE OF source_id, target_id, type ON relations BEGIN
            UPDATE relation_counts SET relations = relations - 1
            WHERE entity_id = OLD.source_id AND end_role = 'source' AND type = OLD.type;
            UPDATE relation_counts SET relations = relations - 1
            WHERE entity_id = OLD.target_id AND end_role = 'target' AND type = OLD.type;
            INSERT INTO relation_counts VALUES (NEW.source_id, 'source', NEW.type, 1)
            ON CONFLICT DO UPDATE SET relations = relations + 1;
            INSERT INTO relation_counts VALUES (NEW.target_id, 'target', NEW.type, 1)
            ON CONFLICT DO UPDATE SET relations = relations + 1;
        END;
        """
    )


_MAPPED = {
    "events": ("events", "{row}.place_id"),
    "controlled": ("relations", "{row}.target_id"),
}
"""The map's lists (:func:`~factiongraph.graph.network.map_view`): the table of their facts, and the column of
the place a fact is at (a held place's, for ``Controls`` relations)."""


def _located(listed: str, row: str) -> str:
    """SQL: whether the fact ``row`` (``NEW``, ``OLD`` or a table alias) is on the map's list ``listed``."""
    table, place = _MAPPED[listed]
    held = f"{row}.type = 'Controls' AND " if table == "relations" else ""
    return f"{held}EXISTS (SELECT 1 FROM entities WHERE id = {place.format(row=row)} AND latitude IS NOT NULL)"


def _recount(listed: str, row: str, change: str) -> str:
    """Trigger statements adding ``change`` to the map count of the fact ``row`` when it is on the list.

    Its group's row is made first when missing: an undated fact's dates are NULL, which no key conflict sees."""
    dated, dated_end = f"COALESCE({row}.when_start, {row}.when_end)", f"COALESCE({row}.when_end, {row}.when_start)"
    group = f"list = '{listed}' AND dated IS {dated} AND dated_end IS {dated_end}"
    return f"""
        INSERT INTO map_counts (list, dated, dated_end, facts) SELECT '{listed}', {dated}, {dated_end}, 0
        WHERE {_located(listed, row)} AND NOT EXISTS (SELECT 1 FROM map_counts WHERE {group});
        UPDATE map_counts SET facts = facts {change} WHERE {group} AND {_located(listed, row)};"""


def _recount_place(listed: str, row: str, change: str) -> str:
    """Trigger statements on ``entities``: ``change`` times each count of the list's facts at the place ``row``,
    for a place that gains or loses its coordinates (or is deleted)."""
    table, place = _MAPPED[listed]
    at = f"{place.format(row='f')} = {row}.id" + (" AND f.type = 'Controls'" if table == "relations" else "")
    dated, dated_end = "COALESCE(f.when_start, f.when_end)", "COALESCE(f.when_end, f.when_start)"
    group = f"map_counts.list = '{listed}' AND map_counts.dated IS {dated} AND map_counts.dated_end IS {dated_end}"
    return f"""
        INSERT INTO map_counts (list, dated, dated_end, facts) SELECT DISTINCT '{listed}', {dated}, {dated_end}, 0
        FROM {table} f WHERE {at} AND NOT EXISTS (SELECT 1 FROM map_counts WHERE {group});
        UPDATE map_counts SET facts = facts {change} * (SELECT COUNT(*) FROM {table} f WHERE {at} AND {group})
        WHERE list = '{listed}' AND EXISTS (SELECT 1 FROM {table} f WHERE {at} AND {group});"""


@migrations(name="0011_map_counts")
def map_counts(db: Database) -> None:
    """How many facts each map list holds per date span, kept by triggers, so the map's totals are a sum over
    one row per span (about 200 at 100,000 documents) instead of a count of every placed event and held place
    (130,000 there, 60 ms a request).

    A row counts the facts of one list (``events`` at a place with coordinates, ``controlled``: ``Controls``
    relations into one) with one ``dated`` (``COALESCE(when_start, when_end)``) and ``dated_end``: the map's
    window keeps or drops such facts together. Triggers follow each fact's insert, delete and change of place,
    type or dates (ingest, event linking, merges), and a place's coordinates coming or going. A deleted place's
    facts are taken off before the delete: its events lose it (and its relations go) once it is gone, when they
    no longer count as located, so nothing is taken off twice."""
    statements = [
        """
        CREATE TABLE map_counts (
            list TEXT NOT NULL,
            dated TEXT,
            dated_end TEXT,
            facts INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX map_counts_dated ON map_counts(list, dated, dated_end);
        """
    ]
    for listed, (table, _) in _MAPPED.items():
        dated, dated_end = "COALESCE(f.when_start, f.when_end)", "COALESCE(f.when_end, f.when_start)"
        changed = "type, target_id" if table == "relations" else "place_id"
        statements.append(
            f"""
            INSERT INTO map_counts (list, dated, dated_end, facts)
                SELECT '{listed}', {dated}, {dated_end}, COUNT(*) FROM {table} f WHERE {_located(listed, "f")}
                GROUP BY {dated}, {dated_end};
            CREATE TRIGGER {listed}_mapped AFTER INSERT ON {table} BEGIN {_recount(listed, "NEW", "+ 1")} END;
            CREATE TRIGGER {listed}_unmapped AFTER DELETE ON {table} BEGIN {_recount(listed, "OLD", "- 1")} END;
            CREATE TRIGGER {listed}_remapped AFTER UPDATE OF {changed}, when_start, when_end ON {table} BEGIN
                {_recount(listed, "OLD", "- 1")}
                {_recount(listed, "NEW", "+ 1")}
            END;
            """
        )
    gained = "".join(_recount_place(listed, "NEW", "+ 1") for listed in _MAPPED)
    lost = "".join(_recount_place(listed, "OLD", "- 1") for listed in _MAPPED)
    statements.append(
        f"""
        CREATE TRIGGER entities_mapped AFTER UPDATE OF latitude ON entities
        WHEN OLD.latitude IS NULL AND NEW.latitude IS NOT NULL BEGIN {gained} END;
        CREATE TRIGGER entities_unmapped AFTER UPDATE OF latitude ON entities
        WHEN OLD.latitude IS NOT NULL AND NEW.latitude IS NULL BEGIN {lost} END;
        CREATE TRIGGER entities_unmapped_deleted BEFORE DELETE ON entities WHEN OLD.latitude IS NOT NULL BEGIN
            {lost}
        END;
        """
    )
    db.executescript("".join(statements))


@migrations(name="0012_claims_dated")
def claims_dated(db: Database) -> None:
    """Every claim in an actor page's order (dated first, oldest first, then id), as events have had since
    migration 0003: the claims about an actor named in thousands are read in that order until its page is full,
    where picking them all and sorting took 20 ms for the busiest at 100,000 documents."""
    db.execute(
        "CREATE INDEX claims_dated ON claims(COALESCE(when_start, when_end) IS NULL, COALESCE(when_start, when_end))"
    )
