"""Claims in the graph: who says what, how firmly, about whom, with the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.graph.queries import Evidence, find_actor, format_when
from factiongraph.store.queries import grouped, placeholders, sentence_sql


@dataclass(frozen=True)
class ClaimView:
    id: int
    speaker: str | None
    """The speaker's actor name; for an unnamed source, the words that describe it."""
    speaker_is_actor: bool
    stance: str
    content: str
    cue: str
    about: tuple[str, ...]
    when: str | None
    evidence: Evidence


def list_claims(
    db: Database,
    *,
    about: str | None = None,
    speaker: str | None = None,
    stance: str | None = None,
    limit: int | None = None,
) -> list[ClaimView]:
    """Claims in document order, filtered by what they are about, who says them and their stance."""
    about_id = find_actor(db, about) if about else None
    speaker_id = find_actor(db, speaker) if speaker else None
    rows = db.execute(
        "SELECT c.id, s.name, c.speaker_text, c.stance, c.content, c.cue, c.when_start, c.when_end, "
        f"c.document_id, d.title, d.published, c.evidence_begin, c.evidence_end, {sentence_sql('c')} "
        "FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN entities s ON s.id = c.speaker_id "
        "WHERE (? IS NULL OR c.id IN (SELECT claim_id FROM claim_about WHERE entity_id = ?)) "
        "AND (? IS NULL OR c.speaker_id = ?) AND (? IS NULL OR c.stance = ?) "
        "ORDER BY COALESCE(c.when_start, d.published), c.document_id, c.evidence_begin, c.id"
        + (" LIMIT ?" if limit else ""),
        [about_id, about_id, speaker_id, speaker_id, stance, stance] + ([limit] if limit else []),
    ).fetchall()
    marks = placeholders(rows)
    subjects = grouped(
        db.execute(
            f"SELECT a.claim_id, e.name FROM claim_about a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.claim_id IN ({marks})",
            [r[0] for r in rows],
        )
    )
    return [
        ClaimView(
            cid,
            name or text,
            name is not None,
            stance_,
            content,
            cue,
            tuple(subjects.get(cid, ())),
            format_when(start, end),
            Evidence(doc_id, title, published, begin, stop, quote),
        )
        for cid, name, text, stance_, content, cue, start, end, doc_id, title, published, begin, stop, quote in rows
    ]
