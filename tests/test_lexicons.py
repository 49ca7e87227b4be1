"""The lexicons: every shipped file validates and is versioned; a bad user file is refused, naming the file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from factiongraph import lexicons
from factiongraph.errors import LexiconError
from factiongraph.lexicons import (
    LEXICON_VERSION,
    SCHEMAS,
    Constructions,
    RelationTriggers,
    VerbRelations,
    default_lexicon_path,
    lexicon_model,
    load_lexicon,
    read_lexicon_file,
)
from factiongraph.nlp.events import make_events
from factiongraph.nlp.frames import make_frames
from factiongraph.nlp.relations import make_relations
from factiongraph.nlp.structure import make_structure


def shipped(name: str) -> dict[str, Any]:
    return json.loads(default_lexicon_path(name).read_text("utf-8"))


def write(tmp_path: Path, raw: dict[str, Any], name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(raw), "utf-8")
    return path


def triggers_with(**changes: Any) -> dict[str, Any]:
    """The shipped trigger rules with the first rule's keys changed (``None`` removes one)."""
    raw = copy.deepcopy(shipped("relation_triggers.json"))
    rule = raw["rules"][0]
    for key, value in changes.items():
        if value is None:
            rule.pop(key, None)
        else:
            rule[key] = value
    return raw


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_lexicon_shipped_file_validates_and_is_versioned(name: str) -> None:
    raw = shipped(name)
    assert raw["version"] == LEXICON_VERSION
    read_lexicon_file(default_lexicon_path(name), name)


def word_lists_sorted(value: Any) -> Any:
    """A lexicon's data with every list of words in sorted order: a word list is a set once read."""
    if isinstance(value, dict):
        return {key: word_lists_sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [word_lists_sorted(item) for item in value]
        return sorted(items) if all(isinstance(item, str) for item in items) else items
    return value


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_lexicon_content_is_the_file_as_written_without_its_version(name: str) -> None:
    raw = shipped(name)
    del raw["version"]
    assert word_lists_sorted(load_lexicon(None, name)) == word_lists_sorted(raw)


def test_lexicon_word_list_is_a_set_in_the_model_and_a_list_in_the_file(tmp_path: Path) -> None:
    """A component looks its words up in the model's own field: no copy of the list in another shape."""
    assert isinstance(lexicon_model(None, Constructions).including, frozenset)
    raw = shipped("constructions.json")
    raw["including"] = "including"
    with pytest.raises(LexiconError, match=r"mine\.json: including"):
        load_lexicon(str(write(tmp_path, raw)), "constructions.json")
    raw["including"] = ["including", "among", "including"]
    with pytest.raises(LexiconError, match=r"including.*listed more than once: including"):
        load_lexicon(str(write(tmp_path, raw)), "constructions.json")


def test_lexicon_content_is_a_fresh_copy() -> None:
    heads = load_lexicon(None, "noun_heads.json")
    heads["ended"].append("not-a-head")
    assert "not-a-head" not in load_lexicon(None, "noun_heads.json")["ended"]


def test_lexicon_rule_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(mutal=True))
    with pytest.raises(LexiconError, match=r"^.*mine\.json: rules\.0\.mutal: Extra inputs are not permitted"):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_rule_with_an_unknown_relation_type_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(type="Hates"))
    with pytest.raises(LexiconError, match=r"mine\.json: rules\.0\.type: Input should be 'AlliesOf'"):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_rule_with_an_unknown_entity_type_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(first=["Persons"]))
    with pytest.raises(LexiconError, match=r"mine\.json: rules\.0\.first\.0: Input should be 'Person'"):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_rule_whose_regex_does_not_compile_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(between=",\\s+(?:led\\s+by"))
    message = r"mine\.json: rules\.0\.between \(\w+\): regular expression does not compile: missing \)"
    with pytest.raises(LexiconError, match=message):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_rule_regex_is_checked_after_its_fragments_are_filled_in(tmp_path: Path) -> None:
    raw = triggers_with(between=",\\s+{broken}")
    raw["fragments"]["broken"] = "(?:led\\s+by"
    with pytest.raises(LexiconError, match=r"rules\.0\.between \(\w+\): regular expression does not compile"):
        load_lexicon(str(write(tmp_path, raw)), "relation_triggers.json")
    raw["fragments"]["broken"] = "(?:led\\s+by)"
    load_lexicon(str(write(tmp_path, raw)), "relation_triggers.json")


def test_lexicon_rule_naming_a_missing_fragment_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(between=",\\s+{the}{rol}\\s+of\\s+"))
    with pytest.raises(LexiconError, match=r"rules\.0\.between \(\w+\): no fragment named 'rol'"):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_rule_before_regex_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(before="[unclosed"))
    with pytest.raises(LexiconError, match=r"rules\.0\.before: regular expression does not compile"):
        load_lexicon(str(path), "relation_triggers.json")


def test_lexicon_optional_rule_key_set_to_null_is_refused(tmp_path: Path) -> None:
    raw = triggers_with()
    raw["rules"][0]["before"] = None
    with pytest.raises(LexiconError, match=r"rules\.0\.before: leave the key out rather than set it to null"):
        load_lexicon(str(write(tmp_path, raw)), "relation_triggers.json")


def test_lexicon_without_a_version_or_with_another_is_refused(tmp_path: Path) -> None:
    raw = shipped("pronouns.json")
    del raw["version"]
    with pytest.raises(LexiconError, match=r"mine\.json: version: Field required"):
        load_lexicon(str(write(tmp_path, raw)), "pronouns.json")
    raw["version"] = 2
    with pytest.raises(LexiconError, match=r"mine\.json: version: version 2 is not one this factiongraph reads"):
        load_lexicon(str(write(tmp_path, raw)), "pronouns.json")


def test_lexicon_verb_frame_typo_and_unknown_event_are_refused(tmp_path: Path) -> None:
    raw = shipped("verb_relations.json")
    verb = next(iter(raw["verbs"]))
    raw["verbs"][verb]["prep"] = raw["verbs"][verb].pop("preps")
    with pytest.raises(LexiconError, match=rf"verbs\.{verb}\.preps: Field required"):
        load_lexicon(str(write(tmp_path, raw)), "verb_relations.json")
    raw = shipped("verb_relations.json")
    raw["verbs"][verb]["event"] = "MEET"
    with pytest.raises(LexiconError, match=rf"verbs\.{verb}\.event: Input should be 'AGREE'"):
        load_lexicon(str(write(tmp_path, raw)), "verb_relations.json")


def test_lexicon_verb_frame_type_may_be_null() -> None:
    assert any(frame["type"] is None for frame in load_lexicon(None, "verb_relations.json")["verbs"].values())


def test_lexicon_claim_cues_unknown_stance_is_refused(tmp_path: Path) -> None:
    raw = shipped("claim_cues.json")
    raw["verbs"]["certain"] = ["know"]
    with pytest.raises(LexiconError, match=r"mine\.json: verbs\.certain\.\[key\]: Input should be 'asserted'"):
        load_lexicon(str(write(tmp_path, raw)), "claim_cues.json")


def test_lexicon_date_rules_section_keys_are_checked(tmp_path: Path) -> None:
    raw = shipped("date_rules.json")
    raw["months"]["13"] = ["smarch"]
    with pytest.raises(LexiconError, match=r"mine\.json: months: unknown key\(s\) '13'"):
        read_lexicon_file(write(tmp_path, raw), "date_rules.json")
    raw = shipped("date_rules.json")
    raw["numbers"]["a dozen"] = "12"
    with pytest.raises(LexiconError, match=r"numbers\.a dozen: Input should be a valid integer"):
        read_lexicon_file(write(tmp_path, raw), "date_rules.json")


def test_lexicon_boilerplate_regex_is_checked(tmp_path: Path) -> None:
    raw = shipped("boilerplate.json")
    raw["cut_from"].append("related (articles")
    with pytest.raises(LexiconError, match=r"mine\.json: cut_from: regular expression does not compile"):
        read_lexicon_file(write(tmp_path, raw), "boilerplate.json")


def test_lexicon_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"version": 1,', "utf-8")
    with pytest.raises(LexiconError, match=r"mine\.json: cannot be read"):
        load_lexicon(str(path), "noun_heads.json")
    with pytest.raises(LexiconError, match=r"missing\.json: cannot be read"):
        load_lexicon(str(tmp_path / "missing.json"), "noun_heads.json")


def test_lexicon_error_is_one_line_starting_with_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(type="Hates", mutal=True))
    with pytest.raises(LexiconError) as caught:
        load_lexicon(str(path), "relation_triggers.json")
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert message.endswith("(2 problem(s))")


def test_lexicon_component_with_a_bad_user_file_refuses_to_start(tmp_path: Path) -> None:
    path = write(tmp_path, triggers_with(type="Hates"), "triggers.json")
    with pytest.raises(LexiconError, match=r"triggers\.json: rules\.0\.type"):
        make_relations(spacy.blank("en"), "fg_relations", str(path), None, 120)


def test_lexicon_components_hold_the_validated_models() -> None:
    """A component reads the one model validated for the process, its entries typed, not a dict dumped from it."""
    verbs = lexicon_model(None, VerbRelations)
    assert lexicon_model(None, VerbRelations) is verbs
    assert make_frames(spacy.blank("en"), "fg_frames", None, None).lexicon is verbs
    constructions = lexicon_model(None, Constructions)
    assert make_structure(spacy.blank("en"), "fg_structure", None, None).words is constructions
    events = make_events(spacy.blank("en"), "fg_events", None, None, None, None, None)
    assert events.words is lexicon_model(None, lexicons.EventWords)
    assert events.constructions is constructions
    rules = lexicon_model(None, RelationTriggers).rules
    finder = make_relations(spacy.blank("en"), "fg_relations", None, None, 120)
    held = [trigger.rule for found in finder.rules_for.values() for trigger in found]
    assert held and all(any(rule is mine for mine in rules) for rule in held)


def test_lexicon_group_name_words_need_both_ends(tmp_path: Path) -> None:
    raw = shipped("noun_heads.json")
    del raw["group_name_words"]["last"]
    with pytest.raises(LexiconError, match=r"mine\.json: group_name_words\.last"):
        read_lexicon_file(write(tmp_path, raw), "noun_heads.json")
