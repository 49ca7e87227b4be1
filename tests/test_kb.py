"""The actor knowledge base: the shipped file validates, a bad one is named, a user's file merges over."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.errors import KnowledgeBaseError
from factiongraph.kb import default_kb_path, read_kb_file


def test_kb_shipped_file_validates() -> None:
    kb = read_kb_file(default_kb_path())
    assert kb.get("hayat-tahrir-al-sham") is not None


def test_kb_unknown_key_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("actors:\n  - {id: x, type: Person, category: person, name: X, nickname: Y}\n")
    with pytest.raises(KnowledgeBaseError, match=r"mine\.yaml: actors\.0\.nickname: Extra inputs are not permitted"):
        read_kb_file(bad)


def test_kb_relation_to_unknown_actor_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "actors:\n  - {id: x, type: Person, category: person, name: X,\n"
        "     relations: [{type: BelongsTo, target: nobody}]}\n"
    )
    with pytest.raises(KnowledgeBaseError, match="relations to unknown actors: x -> nobody"):
        read_kb_file(bad)


@pytest.mark.parametrize("formed", ["2019-5", "'٢٠١٩'", '"2019\\n"'])
def test_kb_date_is_a_stored_date_exactly(tmp_path: Path, formed: str) -> None:
    """A KB date is read as the store keeps dates (vocab.ISO_DATE): two-digit months, ASCII digits, nothing after."""
    bad = tmp_path / "mine.yaml"
    bad.write_text(f"actors:\n  - {{id: x, type: Person, category: person, name: X, formed: {formed}}}\n")
    with pytest.raises(KnowledgeBaseError, match="is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"):
        read_kb_file(bad)


def test_kb_user_file_replaces_and_adds_by_id(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "actors:\n"
        "  - {id: hayat-tahrir-al-sham, type: Organisation, category: armed-group, name: HTS renamed}\n"
        "  - {id: new-group, type: Organisation, category: armed-group, name: New Group}\n"
    )
    merged = read_kb_file(default_kb_path()).merged_with(read_kb_file(mine))
    assert merged.get("hayat-tahrir-al-sham").name == "HTS renamed"
    assert merged.get("new-group") is not None


@pytest.mark.parametrize(
    ("spelling", "actor_id"),
    [
        ("Hemedti", "hemedti"),
        ("Ghneiwa", "abdulghani-al-kikli"),
        ("Radaa", "special-deterrence-force"),
        ("LAAF", "libyan-national-army"),
        ("al-Amaliqa", "giants-brigades"),
        ("Houthis", "ansar-allah"),
        ("ATMIS", "aussom"),
        ("ISGS", "islamic-state-sahel-province"),
        ("جماعة نصرة الإسلام والمسلمين", "jnim"),
        ("Shabab al-Sunna", "eighth-brigade"),
    ],
)
def test_kb_knows_actors_of_other_conflicts_by_their_other_names(spelling: str, actor_id: str) -> None:
    from factiongraph.kb import find_in_kb

    assert find_in_kb(read_kb_file(default_kb_path()), spelling).id == actor_id


def test_kb_seats_and_spellings_name_one_actor_each() -> None:
    from factiongraph.keys import name_key

    kb = read_kb_file(default_kb_path())
    seats = [a.seat.lower() for a in kb.actors if a.seat]
    assert len(seats) == len(set(seats))
    owners: dict[str, set[str]] = {}
    for actor in kb.actors:
        for name in actor.all_names():
            owners.setdefault(name_key(name), set()).add(actor.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}
