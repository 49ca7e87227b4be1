"""When a document's facts hold: the date a sentence gives, a role said to be past, a place changing hands, whether
a body was in office; and the date and place an event told once lends to what is said of it after."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from factiongraph.dates import TimeSpan, resolve_time
from factiongraph.nlp import MENTIONS_KEY
from factiongraph.nlp.spans import DATELINES_KEY, FoundRelation
from factiongraph.records import EventRecord, RelationRecord

_AT_THE_TIME = re.compile(r"\bat (?:that|the) time\b|\bthen\b", re.IGNORECASE)


def held_over_time(
    found: FoundRelation, when: TimeSpan | None, published: str | None, ended_words: frozenset[str]
) -> TimeSpan | None:
    """The span a durable relation holds over: through a title put in the past ("the isolated commander
    of X") or said to be past ("X, formerly a member of Y") it ended by the time of the text."""
    first, second = sorted((found.source, found.target), key=lambda m: m.start)
    said = [*found.source, *found.source.doc[first.end : second.start]]
    if any(t.lower_.removesuffix("-") in ended_words for t in said):
        end = (when.end or when.start) if when else published
        return TimeSpan(None, end, "interval", when.text if when else "") if end else when
    return when


def control_changing_hands(relations: list[RelationRecord]) -> list[RelationRecord]:
    """One sentence that names several holders of a place with one date ("X, under the control of A,
    only to be controlled by B in July 2017") tells a handover: the earlier holders until then,
    the last one from then on."""
    holders: dict[tuple[int, str], list[int]] = {}
    for i, r in enumerate(relations):
        if r.type == "Controls" and r.when_start and r.when_start == r.when_end:
            holders.setdefault((r.sentence, r.target_key), []).append(i)
    changed = list(relations)
    for group in holders.values():
        if len({relations[i].source_key for i in group}) < 2:
            continue
        group.sort(key=lambda i: relations[i].source_begin)
        for i in group[:-1]:
            changed[i] = replace(relations[i], when_start=None, precision="interval")
        last = group[-1]
        changed[last] = replace(relations[last], when_end=None, precision="interval")
    return changed


def told_once(events: list[EventRecord], dateline_place: str | None) -> list[EventRecord]:
    """A report dates and places its event once ("clashed in Saraqib on Monday") and speaks of it bare
    after ("the attack killed three"): an event without a date or a place takes them from the nearest
    event of its kind before it (else after it) that shares an actor, or names none; without one, its
    place is the article's dateline ("IDLIB, Syria —")."""
    found = []
    for event in events:
        actors = {key for key, _ in event.actors}
        kin = [
            e
            for e in events
            if e is not event
            and e.type == event.type
            and (not actors or not e.actors or actors & {key for key, _ in e.actors})
        ]
        before = [e for e in kin if e.sentence <= event.sentence]
        after = [e for e in kin if e.sentence > event.sentence]
        dated = [e for e in [*reversed(before), *after] if e.when_start or e.when_end]
        placed = [e for e in [*reversed(before), *after] if e.place_key]
        if not (event.when_start or event.when_end) and dated:
            source = dated[0]
            event = replace(event, when_start=source.when_start, when_end=source.when_end, precision=source.precision)
        if not event.place_key:
            event = replace(event, place_key=placed[0].place_key if placed else dateline_place)
        found.append(event)
    return found


def in_office(formed: str | None, dissolved: str | None, published: str | None) -> bool:
    """Whether a body formed and dissolved on these (partial) dates existed on ``published``."""
    if published is None:
        return formed is None and dissolved is None
    return (formed is None or formed <= published[: len(formed)]) and (
        dissolved is None or published[: len(dissolved)] < dissolved
    )


def dateline_place(doc: Doc, index_of: dict[tuple[int, int], int], entity_of_mention: dict[int, str]) -> str | None:
    """The place the article is datelined from ("SARAQIB, Syria (Wire) —"), as an entity key."""
    for opening in doc.spans.get(DATELINES_KEY, []):
        for mention in doc.spans[MENTIONS_KEY]:
            if mention.start == opening.start and mention.label_ == "Location":
                return entity_of_mention.get(index_of.get((mention.start, mention.end), -1))
    return None


def sentence_date(sentence: Span, dates: list[Span], published: str | None, sentences: list[Span]) -> TimeSpan | None:
    """The first date the sentence gives (of ``dates``, the article's Temporal mentions), read against the
    publication date; a sentence that says "at the time" takes the date of the sentence before it."""
    for mention in dates:
        if sentence.start <= mention.start < sentence.end:
            resolved = resolve_time(mention.text, published=published)
            if resolved is not None:
                return resolved
    if _AT_THE_TIME.search(sentence.text):
        earlier = [s for s in sentences if s.end <= sentence.start]
        if earlier:
            return sentence_date(earlier[-1], dates, published, [])
    return None
