"""The relaxed scoring rule on hand-made records."""

from __future__ import annotations

from factiongraph.evaluation import ENTITY_TYPES, RELATION_TYPES, entity_overlap, relation_overlap, score


def ent(begin: int, end: int, kind: str = "Person", confidence: float = 1.0) -> dict:
    return {"documentId": "d", "begin": begin, "end": end, "type": kind, "confidence": confidence}


def test_evaluation_overlap_matches_one_to_one() -> None:
    total, _ = score([ent(0, 10)], [ent(2, 4), ent(5, 8)], ENTITY_TYPES, entity_overlap)
    assert (total.gold, total.predicted, total.correct) == (1, 2, 1)


def test_evaluation_type_must_agree() -> None:
    total, by_type = score([ent(0, 10)], [ent(0, 10, "Location")], ENTITY_TYPES, entity_overlap)
    assert total.correct == 0 and by_type["Location"].predicted == 1


def test_evaluation_doubtful_gold_is_neither_required_nor_held_against() -> None:
    total, _ = score([ent(0, 10), ent(20, 30, confidence=0.3)], [ent(0, 5), ent(22, 25)], ENTITY_TYPES, entity_overlap)
    assert (total.gold, total.predicted, total.correct) == (1, 1, 1)


def rel(kind: str, s: tuple[int, int], t: tuple[int, int]) -> dict:
    return {
        "documentId": "d",
        "type": kind,
        "sourceBegin": s[0],
        "sourceEnd": s[1],
        "targetBegin": t[0],
        "targetEnd": t[1],
    }


def test_evaluation_symmetric_relations_match_either_order() -> None:
    gold = [rel("CommWith", (0, 5), (10, 15)), rel("BelongsTo", (0, 5), (10, 15))]
    predicted = [rel("CommWith", (10, 15), (0, 5)), rel("BelongsTo", (10, 15), (0, 5))]
    total, by_type = score(gold, predicted, RELATION_TYPES, relation_overlap)
    assert by_type["CommWith"].correct == 1 and by_type["BelongsTo"].correct == 0
    assert total.f1 == 0.5
