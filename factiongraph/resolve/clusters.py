"""Which mentions of a document name one actor.

Within a document, mentions meet when the KB gives them one id, when the text
says they are one ("X, known as Y", "Y (X)"), when their normalised names are
equal, with or without a group's kind word ("the Ahrar al-Sharqiya faction" /
"Ahrar al-Sharqiya"), when they are one name spelt two ways ("Sulaiman Haddad" /
"Suleiman Haddad") or a group's or place's name with one word mistyped ("Sham
Crop" / "Sham Corps"), when a short name ends a longer one ("al-Assaad" /
"Abdullah al-Assaad"), or when an acronym spells a name's initials ("SIG" /
"Syrian Interim Government").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from factiongraph.keys import mistyped, name_key, spelled_alike, translit_key
from factiongraph.lexicons import Names, lexicon_model
from factiongraph.nlp.mentions import ends_head
from factiongraph.nlp.names import respelt_by
from factiongraph.vocab import ACTOR_TYPES


@cache
def _initials_skip() -> frozenset[str]:
    """The words of a name its acronym takes no letter from (``names.json``)."""
    return frozenset(lexicon_model(None, Names).initials_skip)


def initials(text: str) -> str:
    skip = _initials_skip()
    words = [w for w in text.replace("-", " ").split() if w.lower() not in skip]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha()


def _shortens(short: Span) -> Callable[[str], bool] | None:
    """Whether a longer name of ``short``'s type is the one ``short`` shortens; ``None`` for a name that is
    no short form: a person's last names, an organisation's acronym, or the last words of its head ("the
    Observatory" after "the Syrian Observatory for Human Rights", "the Central Committee" after "the Daraa
    Central Committee")."""
    if short.label_ == "Person":
        tail = " " + name_key(short.text)
        return lambda text: name_key(text).endswith(tail)
    if short.label_ == "Organisation" and is_acronym(short.text):
        return lambda text: initials(text) == short.text
    if short.label_ == "Organisation" and not short.id_ and short[0].text[:1].isupper():
        return lambda text: ends_head(text, short.text)
    return None


def _acronyms_the_article_defines(mentions: list[Span], is_description: list[bool], kb_ids: list[str]) -> None:
    """An acronym in brackets after the name it abbreviates is that name's all through the article, whatever the
    KB holds under it: "the Somali National Army (SNA)" is not the Syrian National Army, nor is "the SNA" after."""
    ending_at = {m.end: j for j, m in enumerate(mentions) if not is_description[j]}
    defined: dict[tuple[str, str], str] = {}
    for i, mention in enumerate(mentions):
        if is_description[i] or not kb_ids[i] or not is_acronym(mention.text) or mention.start < 2:
            continue
        if mention.doc[mention.start - 1].text != "(":
            continue
        j = ending_at.get(mention.start - 1)
        if j is not None and mentions[j].label_ == mention.label_ and initials(mentions[j].text) == mention.text:
            defined.setdefault((mention.text, kb_ids[i]), kb_ids[j])
    for i, mention in enumerate(mentions):
        if (mention.text, kb_ids[i]) in defined and not is_description[i]:
            kb_ids[i] = defined[(mention.text, kb_ids[i])]


def is_place(identifier: str) -> bool:
    """Place-index ids have a scheme ("fg:atma", "geonames:169389"); KB actor ids do not."""
    return ":" in identifier


class Clusters:
    """Union-find over mention indices that never joins two different KB actors; a place the text
    names twice ("the Olive Branch areas (Afrin and its countryside)") may join a KB actor."""

    def __init__(self, kb_ids: list[str]) -> None:
        self.parent = list(range(len(kb_ids)))
        self.kb_id = list(kb_ids)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        first, second = self.kb_id[ra], self.kb_id[rb]
        if ra == rb or (first and second and first != second and not (is_place(first) or is_place(second))):
            return
        self.parent[rb] = ra
        self.kb_id[ra] = min((i for i in (first, second) if i), key=is_place, default="")

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


def cluster(
    doc: Doc,
    mentions: list[Span],
    is_description: list[bool],
    index_of: dict[tuple[int, int], int],
    kb_ids: list[str],
    name_words: Names,
) -> Clusters:
    """Group a document's mentions, each given with its KB actor or place id ("" for none), into actors."""
    _acronyms_the_article_defines(mentions, is_description, kb_ids)
    clusters = Clusters([k if not is_description[i] else "" for i, k in enumerate(kb_ids)])
    first_with: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        if is_description[i] or m.label_ not in ACTOR_TYPES:
            continue
        same = (kb_ids[i] or name_key(m.text), m.label_)
        if same in first_with:
            clusters.union(first_with[same], i)
        else:
            first_with[same] = i
    named = [i for i, m in enumerate(mentions) if not is_description[i] and m.label_ in ACTOR_TYPES]
    name_ending_at = {mentions[i].end: i for i in named}
    for found in doc._.fg_relations:
        if found.type == "IsSynonymOf":
            source, target = (
                index_of[(found.source.start, found.source.end)],
                index_of[(found.target.start, found.target.end)],
            )
            clusters.union(source, target)
            for side in (source, target):
                # "the Kaniyat, a local militia also known as the 9th Brigade": the name the description sets off,
                # right before its comma wherever the parser hangs the apposition
                start = mentions[side].start
                if is_description[side] and mentions[side].root.dep_ == "appos" and doc[start - 1].text == ",":
                    if (apposed := name_ending_at.get(start - 1)) is not None:
                        clusters.union(apposed, side)
    _join_variants(mentions, named, clusters, name_words)
    # one mention of each name as written, type, length and KB id: first_with put the others in its
    # cluster, so a short form is looked for among names, not among every mention (a long article has
    # thousands, and all with all grew with their square)
    names: dict[tuple[str, str, int, str], int] = {}
    for j in named:
        names.setdefault((mentions[j].text, mentions[j].label_, len(mentions[j]), kb_ids[j]), j)
    longer_forms: dict[tuple[str, str, int, str, str], list[int] | None] = {}
    for i in named:
        short = mentions[i]
        form = (short.text, short.label_, len(short), short.id_, short[0].text)
        if form not in longer_forms:
            shortens = _shortens(short)
            longer_forms[form] = (
                None
                if shortens is None
                else [
                    j
                    for (text, label, size, _), j in names.items()
                    if label == short.label_ and size > len(short) and shortens(text)
                ]
            )
        longer = longer_forms[form]
        if longer is None:
            continue
        matches = {clusters.find(j) for j in longer}
        if len(matches) > 1 and short.label_ == "Person":
            # "Dagalo" after "Mohamed Hamdan Dagalo" only: his brother named later shares the name, not this mention
            matches = {clusters.find(j) for j in longer if mentions[j].start < short.start}
        if len(matches) == 1:
            clusters.union(matches.pop(), i)
    _join_respellings(doc, mentions, named, clusters, name_words)
    return clusters


def _join_respellings(doc: Doc, mentions: list[Span], named: list[int], clusters: Clusters, words: Names) -> None:
    """A person's one-word name the text says is another spelling ("X, as his name is also transliterated") is the
    one person named before it whose last name sounds the same (one transliteration skeleton)."""
    for i in named:
        short = mentions[i]
        if short.label_ != "Person" or len(short) != 1 or not respelt_by(doc, short.end, words.spelling_verbs):
            continue
        key, sound = name_key(short.text), translit_key(short.text)
        matches = {
            clusters.find(j)
            for j in named
            if mentions[j].start < short.start
            and mentions[j].label_ == "Person"
            and name_key(mentions[j].text) != key
            and translit_key(mentions[j].text.split()[-1]) == sound
        }
        if len(matches) == 1:
            clusters.union(matches.pop(), i)


def _join_variants(mentions: list[Span], named: list[int], clusters: Clusters, name_words: Names) -> None:
    """Join names that differ by a group's kind word, by spelling, or by one mistyped word of a
    group's or place's name. Each distinct name is compared once, within its type, and by spelling
    only within its transliteration skeleton, so an article's names are not compared all with all."""
    first_of: dict[tuple[str, str], int] = {}
    for i in named:
        if name_words.capitalised(mentions[i].text):
            first_of.setdefault((name_key(mentions[i].text), mentions[i].label_), i)
    groups: dict[tuple[str, ...], list[int]] = {}
    long_names: dict[str, list[int]] = {}
    for (key, label), i in first_of.items():
        bare = name_words.without_kind(key) if label == "Organisation" else key
        if bare != key and (" " in bare or (bare, label) in first_of):
            groups.setdefault(("kind", bare, label), []).append(i)
            if (bare, label) in first_of:
                groups[("kind", bare, label)].append(first_of[(bare, label)])
        groups.setdefault(("skeleton", translit_key(key), label), []).append(i)
        if label in ("Organisation", "Location") and " " in key:
            long_names.setdefault(label, []).append(i)
    similarity, edits = name_words.similarity, name_words.typo_edits
    for (how, *_), group in groups.items():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                if how == "kind" or spelled_alike(mentions[i].text, mentions[j].text, similarity):
                    clusters.union(i, j)
    for group in long_names.values():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                if clusters.find(i) != clusters.find(j) and mistyped(
                    mentions[i].text, mentions[j].text, similarity, edits
                ):
                    clusters.union(i, j)
