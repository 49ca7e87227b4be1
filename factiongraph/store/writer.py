"""Write one resolved document in one transaction; a document already stored adds nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from factiongraph.records import EntityRecord, ResolvedDocument
from factiongraph.store.corrections import apply_corrections
from factiongraph.store.events import link_mentions
from factiongraph.store.transactions import write_transaction


@dataclass(frozen=True)
class WriteOutcome:
    document_id: int
    created: bool


def document_id_for(db: Database, fingerprint: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE fingerprint = ?", [fingerprint]).fetchone()
    return row[0] if row else None


def upsert_entity(db: Database, entity: EntityRecord) -> int:
    """Get or create the entity by key, and add any alias it did not have."""
    place = entity.place
    entity_id = db["entities"].lookup(
        {"key": entity.key},
        {
            "type": entity.type,
            "name": entity.name,
            "kb_id": entity.kb_id,
            "place_id": place.id if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "precision": place.precision if place else None,
        },
    )
    split_off = {row[0] for row in db.execute("SELECT name_key FROM alias_splits WHERE entity_key = ?", [entity.key])}
    db["aliases"].insert_all(
        (
            {"entity_id": entity_id, "name": alias.name, "name_key": alias.key, "translit_key": alias.translit}
            for alias in entity.aliases
            if alias.key not in split_off
        ),
        ignore=True,
    )
    return entity_id


def write_document(db: Database, resolved: ResolvedDocument) -> WriteOutcome:
    """Store ``resolved`` whole or not at all (one transaction), keyed by its content fingerprint.

    The transaction holds the write lock from its start, so the fingerprint and the analyst's corrections
    are read as they are when it writes: another process storing the same article, or merging actors,
    meanwhile is seen, never raced.
    """
    article = resolved.article
    with write_transaction(db):
        existing = document_id_for(db, article.fingerprint)
        if existing is not None:
            return WriteOutcome(existing, created=False)
        resolved = apply_corrections(db, resolved)
        document_id = (
            db["documents"]
            .insert(
                {
                    "fingerprint": article.fingerprint,
                    "source": article.source,
                    "external_id": article.external_id,
                    "title": article.title,
                    "url": article.url,
                    "outlet": article.outlet,
                    "author": article.author,
                    "published": article.published,
                    "lang": article.lang,
                    "text": article.text,
                    "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
            .last_pk
        )
        sentence_ids = [
            db["sentences"].insert({"document_id": document_id, "idx": i, "begin": b, "end": e}).last_pk
            for i, (b, e) in enumerate(resolved.sentences)
        ]
        entity_ids = {key: upsert_entity(db, entity) for key, entity in resolved.entities.items()}
        db["mentions"].insert_all(
            {
                "document_id": document_id,
                "sentence_id": sentence_ids[m.sentence],
                "begin": m.begin,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "entity_id": entity_ids.get(m.entity_key) if m.entity_key else None,
                "name_key": m.name_key,
            }
            for m in resolved.mentions
        )
        db["relations"].insert_all(
            (
                {
                    "type": r.type,
                    "source_id": entity_ids[r.source_key],
                    "target_id": entity_ids[r.target_key],
                    "document_id": document_id,
                    "sentence_id": sentence_ids[r.sentence],
                    "source_begin": r.source_begin,
                    "source_end": r.source_end,
                    "target_begin": r.target_begin,
                    "target_end": r.target_end,
                    "evidence_begin": r.evidence_begin,
                    "evidence_end": r.evidence_end,
                    "when_start": r.when_start,
                    "when_end": r.when_end,
                    "precision": r.precision,
                }
                for r in resolved.relations
            ),
            ignore=True,
        )
        mention_ids = []
        for event in resolved.events:
            mention_id = (
                db["event_mentions"]
                .insert(
                    {
                        "type": event.type,
                        "trigger": event.trigger,
                        "mode": event.mode,
                        "acled_event_type": event.acled_event_type,
                        "acled_sub_event_type": event.acled_sub_event_type,
                        "document_id": document_id,
                        "sentence_id": sentence_ids[event.sentence],
                        "place_id": entity_ids.get(event.place_key) if event.place_key else None,
                        "when_start": event.when_start,
                        "when_end": event.when_end,
                        "precision": event.precision,
                        "evidence_begin": event.evidence_begin,
                        "evidence_end": event.evidence_end,
                        "killed": event.killed,
                        "injured": event.injured,
                        "joined_because": "",
                    }
                )
                .last_pk
            )
            mention_ids.append(mention_id)
            db["event_mention_actors"].insert_all(
                ({"mention_id": mention_id, "entity_id": entity_ids[key], "role": role} for key, role in event.actors),
                ignore=True,
            )
        if mention_ids:
            link_mentions(db, mention_ids)
        for claim in resolved.claims:
            claim_id = (
                db["claims"]
                .insert(
                    {
                        "document_id": document_id,
                        "sentence_id": sentence_ids[claim.sentence],
                        "speaker_id": entity_ids.get(claim.speaker_key) if claim.speaker_key else None,
                        "speaker_text": claim.speaker_text,
                        "stance": claim.stance,
                        "content": claim.content,
                        "cue": claim.cue,
                        "when_start": claim.when_start,
                        "when_end": claim.when_end,
                        "evidence_begin": claim.evidence_begin,
                        "evidence_end": claim.evidence_end,
                    }
                )
                .last_pk
            )
            db["claim_about"].insert_all(
                ({"claim_id": claim_id, "entity_id": entity_ids[key]} for key in claim.about), ignore=True
            )
    return WriteOutcome(document_id, created=True)
