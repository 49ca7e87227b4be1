"""Whole names: the names ``fg_mentions`` takes from the ruler and the model, mended where they cut or miss one.

The ruler knows a name only as the KB or the place index spells it, and the model cuts names it
has not seen. So a name written another way falls apart: "al-Jabaha al-Shamiya" becomes the
person "al-Jabaha al-" and the village "Shamiya", "Tal 'Ada" the town "Tal" and the person "Ada",
"Hamid Saleh" the village "Hamid". Mended here:

- a name that ends on an article ("al-") takes in the name or word that follows; one that ends on
  a joining word ("Northern and") or a title's blank line loses it; a name that runs on into an
  apostrophe word ("Tal 'Ada") keeps it; directions coordinated before a place ("Northern and
  Eastern Syria") are one place, and a direction alone is no name;
- a GeoNames village is no village when capitalised words before its article ("Liwa al-Qadisiya")
  or a proper noun after it ("Hamid Saleh") make it part of a longer name;
- a run of capitalised words spelt like a KB actor's name of two words or more, with or without a
  group's kind word (:func:`~factiongraph.keys.spelled_alike`), is that actor; one spelt like
  another name of the article is that name, and so is one written like a group's or place's name
  of the article with one word mistyped ("Sham Crop" after "Sham Corps",
  :func:`~factiongraph.keys.mistyped`);
- a name taken for a person's or an unknown place's that a kind word follows ("the Liwa
  al-Qadisiya faction") is a group's;
- a ruler match on a lower-case phrase where the name is capitalised ("a new Syrian army", "us") is
  a description, not the name, unless "the" or a possessive makes it the one actor ("the
  international coalition").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from factiongraph.kb import KnowledgeBase
from factiongraph.keys import mistyped, name_key, spelled_alike, translit_key
from factiongraph.lexicons import Names
from factiongraph.nlp.spans import TokenColumns
from factiongraph.places import PlaceIndex
from factiongraph.vocab import ACTOR_TYPES

_TYPO_TYPES = ("Organisation", "Location")
"""People are left out: one letter apart, two people's names are often two people."""
_APOSTROPHES = frozenset("'’‘`ʿ")
_GEONAMES = "geonames:"
"""The ids of the place index's GeoNames towns: thousands of villages, whose names are people's and groups' too."""
_NAME_POS = frozenset({"PROPN", "NOUN"})
"""What a capitalised word of a name is tagged: not a verb or an article that opens a sentence."""
_RESPELLING_WINDOW = 4
"""The words between "name" and the verb that says how it is written ("is also often", "has been")."""


def respelt_by(doc: Doc, end: int, spelling_verbs: frozenset[str]) -> str:
    """Whose name the words after a name say it spells another way: "his" for "X, as his name is also
    transliterated", "whose" for "X, whose name is often written Y"; "" when they say nothing of the kind."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i + 2 >= len(doc):
        return ""
    if doc[i].lower_ == "whose":
        owner, name = "whose", i + 1
    elif doc[i].lower_ == "as" and doc[i + 1].tag_ == "PRP$":
        owner, name = doc[i + 1].lower_, i + 2
    else:
        return ""
    if doc[name].lower_ != "name":
        return ""
    for token in doc[name + 1 : name + 1 + _RESPELLING_WINDOW]:
        if token.lower_ in spelling_verbs:
            return owner
        if token.pos_ not in ("AUX", "ADV", "PART"):
            return ""
    return ""


class _Twins:
    """The names of one article of two words or more, indexed so that a run is compared only with those
    it may be a spelling of (one skeleton) or a mistyping of (a group's or place's, as many words)."""

    def __init__(self) -> None:
        self.by_skeleton: dict[str, set[tuple[str, str, str]]] = {}
        self.by_length: dict[int, set[tuple[str, str, str, str]]] = {}

    def add(self, text: str, label: str, span_id: str) -> None:
        key = name_key(text)
        if " " not in key:
            return
        self.by_skeleton.setdefault(translit_key(key), set()).add((text, label, span_id))
        if label in _TYPO_TYPES:
            self.by_length.setdefault(key.count(" "), set()).add((key, text, label, span_id))

    def of(self, text: str, key: str, similarity: float, edits: int) -> tuple[str, str] | None:
        """The (type, id) of the one name ``text`` is another spelling of, or a mistyping of."""
        found = {
            (label, i)
            for twin, label, i in self.by_skeleton.get(translit_key(key), ())
            if spelled_alike(text, twin, similarity)
        }
        found |= {
            (label, i)
            for twin_key, twin, label, i in self.by_length.get(key.count(" "), ())
            if fuzz.ratio(key, twin_key) >= similarity and mistyped(text, twin, similarity, edits)
        }
        return found.pop() if len(found) == 1 else None


class NameMender:
    """Mends the names of one document (see the module docstring)."""

    def __init__(
        self,
        words: Names,
        kb: KnowledgeBase,
        places: PlaceIndex,
        place_heads: frozenset[str],
        titles: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words
        self.places = places
        self.place_heads = place_heads
        self.not_given_names = titles | words.inside
        self._titles = titles
        self._title_links = words.joining_words - words.list_conjunctions - words.definite
        """The words that join a body's title to what it is of or for ("Ministry of X", "Council for Y")."""
        self._title_joiners = words.joining_words & words.list_conjunctions
        """What a word before a family name is when it is no given name: a title or a particle."""
        self._people = frozenset(actor.id for actor in kb.actors if actor.type == "Person")
        self._spellings = {actor.id: actor.all_names() for actor in kb.actors}
        self._kb_names: dict[str, list[tuple[str, str, str]]] = {}
        for actor_id, actor_type, spelling, key, skeleton in kb.name_keys:
            if spelling.isascii() and len(key.split()) >= 2:
                self._kb_names.setdefault(skeleton, []).append((spelling, actor_type, actor_id))
        self._kb_spelling = lru_cache(maxsize=1 << 14)(self._kb_spelling)  # the same runs recur across articles

    def __call__(self, doc: Doc, names: list[Span], tokens: TokenColumns) -> list[Span]:
        """The document's names mended; ``tokens`` are its token attributes, read once by the caller."""
        names = [n for n in names if not self._description(doc, n)]
        names = self._joined(doc, tokens, sorted(names, key=lambda s: (s.start, -s.end)))
        names = self._other_given_names(doc, tokens, self._without_titles(doc, names))
        names = self._listed_places(doc, tokens, self._variants(doc, tokens, names))
        return self._groups_by_kind(doc, self._longer_than_the_kb(doc, names))

    # -- a ruler match on a description -------------------------------------------------------

    def _description(self, doc: Doc, name: Span) -> bool:
        """A ruler match written lower case where every spelling of its name is capitalised, with
        no "the" or possessive before it to make it the one actor, or on an acronym ("us" is not US)."""
        if not name.id_ or self.words.capitalised(name.text):
            return False
        place = self.places.get(name.id_) if ":" in name.id_ else None
        spellings = place.names if place else self._spellings.get(name.id_, ())
        key = name_key(name.text)
        same = [s for s in spellings if name_key(s) == key]
        if not same or not all(self.words.capitalised(s) for s in same):
            return False
        before = name[0] if name[0].lower_ == "the" else doc[name.start - 1] if name.start else None
        definite = before is not None and (before.lower_ in self.words.definite or before.tag_ == "PRP$")
        return not definite or any(s.isupper() for s in same)

    # -- fragments ------------------------------------------------------------------------------

    @staticmethod
    def _is_word(tokens: TokenColumns, i: int) -> bool:
        return 0 <= i < len(tokens.text) and tokens.is_alpha[i] and tokens.text[i][:1].isupper()

    def _article_end(self, tokens: TokenColumns, end: int) -> bool:
        """Whether a name ends on an article or a hyphen ("al-Jabaha al-", "intra-", "al-")."""
        return tokens.text[end - 1] == "-" or tokens.lower[end - 1] in self.words.particles

    def _articles_only(self, tokens: TokenColumns, start: int, end: int) -> bool:
        return all(tokens.lower[i] in self.words.particles or tokens.text[i] == "-" for i in range(start, end))

    def _directions_only(self, tokens: TokenColumns, start: int, end: int) -> bool:
        words = self.words
        return all(
            tokens.lower[i] in words.directions or tokens.lower[i] in words.joining_words for i in range(start, end)
        )

    def _joined(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        """Names cut short take in what follows or lose their loose end (a joining word, the blank line
        after a title); a direction alone is no name."""
        starts = {n.start: n for n in names}
        occupied = {i for n in names for i in range(n.start, n.end)}
        taken: set[int] = set()
        out = []
        lower, is_space = tokens.lower, tokens.is_space
        joining = self.words.joining_words
        opening_joiners = joining - {"the"}
        for name in names:
            if name.start in taken:
                continue
            start, end, label, span_id = name.start, name.end, name.label_, name.id_
            if (head := self._head_of_place(tokens, name, occupied)) < start:
                start, span_id = head, ""
            elif (tail := self._tail_after_place(tokens, name, occupied)) > end:
                end, label, span_id = tail, "Person", ""
            if label in ACTOR_TYPES:
                while start < end - 1 and (is_space[start] or lower[start] in opening_joiners):
                    start += 1
                if (tail := self._title_tail(tokens, (start, end, label), starts, occupied)) > end:
                    taken.update(i for i in range(end, tail) if i in starts)
                    end, span_id = tail, ""
                while True:
                    while end > start + 1 and (is_space[end - 1] or lower[end - 1] in joining):
                        end -= 1
                    grown = self._grown(tokens, start, end, starts)
                    if grown is None:
                        break
                    absorbed, end = grown
                    span_id = ""
                    if absorbed is not None:
                        taken.add(absorbed.start)
                        if self._articles_only(tokens, start, name.end):  # "al-" + "Hilla" is Hilla
                            label, span_id = absorbed.label_, absorbed.id_
                        elif self._directions_only(tokens, start, name.end):
                            label = absorbed.label_
                while end > start and (tokens.text[end - 1] == "-" or lower[end - 1] in self.words.particles):
                    end -= 1
                if end <= start or self._directions_only(tokens, start, end):
                    continue
            unchanged = (start, end, label, span_id) == (name.start, name.end, name.label_, name.id_)
            out.append(name if unchanged else Span(doc, start, end, label=label, span_id=span_id or 0))
        return out

    def _title_tail(
        self, tokens: TokenColumns, cut: tuple[int, int, str], starts: dict[int, Span], occupied: set[int]
    ) -> int:
        """Where a body's title the model cut short ends: one cut after its "of" or "for" takes in the capitalised
        words that follow ("the Ministry of" + "X Affairs"), names among them included when a word of its own
        ends it, and a place's the place named after it ("the Gulf of" + "Aden"); one cut before "and" after its
        "of" takes in the capitalised words after "and" ("the Forces of Freedom" + "and Change"), when no name
        holds them. ``cut`` is the name's start, end and type."""
        start, end, label = cut
        lower, size = tokens.lower, len(tokens.text)
        link_end = lower[end - 1] in self._title_links
        after_and = not link_end and end < size and lower[end] in self._title_joiners
        if not (link_end or after_and) or not any(lower[i] in self._title_links for i in range(start, end)):
            return end
        i, tail = end + after_and, end
        while i < size and i - start < self.words.max_words * 2 and not tokens.sent_start[i]:
            if i in starts and link_end and starts[i].label_ != "Person":
                placed = label == "Location" and starts[i].label_ == "Location" and i == end
                i = starts[i].end  # "the Ministry of" + "Peshmerga" + "Affairs"
                tail = i if placed else tail  # "the Gulf of" + "Aden"
            elif self._is_word(tokens, i) and i not in occupied:
                i += 1
                tail = i
            else:
                break
        return tail

    def _head_of_place(self, tokens: TokenColumns, name: Span, occupied: set[int]) -> int:
        """Where a name begins whose end the place index took for a GeoNames village ("Liwa al-" + "Qadisiya"):
        at the capitalised words before the village's article that no name holds, else where the village begins."""
        start = name.start - 2
        if (
            not name.id_.startswith(_GEONAMES)
            or start < 1
            or tokens.text[start + 1] != "-"
            or tokens.lower[start] not in self.words.particles
        ):
            return name.start
        while (
            not tokens.sent_start[start]
            and start - 1 not in occupied
            and self._is_word(tokens, start - 1)
            and tokens.lower[start - 1] not in self.words.inside
        ):
            start -= 1
        return start if start < name.start - 2 else name.start

    def _tail_after_place(self, tokens: TokenColumns, name: Span, occupied: set[int]) -> int:
        """Where a name ends whose first word the place index took for a GeoNames village ("Hamid" + "Saleh"):
        after the proper nouns that follow it and no name holds, else where the village ends. GeoNames holds
        places of two words whole, so a one-word village run on by a proper noun is a person's name."""
        end = name.end
        if not name.id_.startswith(_GEONAMES) or len(name) != 1:
            return end
        while (
            end - name.start < self.words.max_words
            and end not in occupied
            and self._is_word(tokens, end)
            and tokens.tag[end] in ("NNP", "NNPS")
            and not tokens.sent_start[end]
            and tokens.lower[end] not in self.words.inside | self.place_heads
        ):
            end += 1
        return end

    def _grown(
        self, tokens: TokenColumns, start: int, end: int, starts: dict[int, Span]
    ) -> tuple[Span | None, int] | None:
        """The name a name cut short runs on into (None for a plain word) and the new end, or None."""
        if self._article_end(tokens, end):
            if end in starts:
                return starts[end], starts[end].end
            if self._is_word(tokens, end):
                return None, end + 1
        size = len(tokens.text)
        apostrophe = end + 1 < size and tokens.text[end] in _APOSTROPHES
        if (
            apostrophe
            and not tokens.space_after[end]
            and tokens.space_after[end - 1]
            and self._is_word(tokens, end + 1)
        ):
            follower = starts.get(end + 1)
            return (follower, follower.end) if follower else (None, end + 2)
        if self._directions_only(tokens, start, end):
            i = end
            while i < size and (tokens.lower[i] == "and" or tokens.lower[i] in self.words.directions):
                i += 1
            if i > end and i in starts and starts[i].label_ == "Location":
                return starts[i], starts[i].end
        return None

    # -- spellings ------------------------------------------------------------------------------

    def _runs(self, tokens: TokenColumns) -> Iterator[tuple[int, list[int]]]:
        """Each token that may start a name of two words or more (a capitalised word, or an article before
        a hyphen), with the ends it may have there: capitalised words joined by particles, joining words,
        hyphens and apostrophes, within one sentence."""
        inside, particles, max_words = self.words.inside, self.words.particles, self.words.max_words
        texts, lowers, sentence_starts = tokens.text, tokens.lower, tokens.sent_start
        words = [
            alpha and text[:1].isupper() and lower not in inside
            for alpha, text, lower in zip(tokens.is_alpha, texts, lowers, strict=True)
        ]
        links = [
            not word and (lower in inside or text in _APOSTROPHES or text == "-")
            for word, text, lower in zip(words, texts, lowers, strict=True)
        ]
        size = len(texts)
        for i in range(size):
            if not (words[i] or (lowers[i] in particles and i + 1 < size and texts[i + 1] == "-")):
                continue  # neither a capitalised word nor an article before a hyphen
            ends, count, j = [], 0, i
            while j < size and count < max_words and (j == i or not sentence_starts[j]):
                if words[j]:
                    count += 1
                    if count >= 2:
                        ends.append(j + 1)
                elif not links[j]:
                    break
                j += 1
            if ends:
                yield i, ends

    def _variants(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        """Runs spelt like a KB name or like a name of this article, or like one of its group or place
        names with one word mistyped, become that name."""
        twins = _Twins()
        for name in names:
            if name.label_ in ACTOR_TYPES:
                twins.add(name.text, name.label_, name.id_)
        at = {(n.start, n.end): n for n in names}
        core = {(n.start + (n[0].lower_ == "the"), n.end): n for n in names}
        covered_until = -1
        spelt: dict[str, tuple[str, str] | None] = {}  # an article repeats its names: each run's text read once
        for start, ends in self._runs(tokens):
            if start < covered_until:
                continue
            for end in reversed(ends):
                text = tokens.text_of(start, end)
                key = name_key(text)
                if " " not in key:
                    continue
                if text not in spelt:
                    spelt[text] = self._kb_spelling(key) or twins.of(
                        text, key, self.words.similarity, self.words.typo_edits
                    )
                found = spelt[text]
                if found is None:
                    continue
                known = core.get((start, end))
                if known is not None and (known.id_ or (known.label_, known.id_) == found):
                    break
                overlapping = [n for n in at.values() if n.start < end and start < n.end]
                if not all(self._may_replace(n, start, end, found[1]) for n in overlapping):
                    continue
                for n in overlapping:
                    del at[(n.start, n.end)]
                at[(start, end)] = Span(doc, start, end, label=found[0], span_id=found[1] or 0)
                covered_until = end
                break
        return sorted(at.values(), key=lambda s: (s.start, -s.end))

    def _kb_spelling(self, key: str) -> tuple[str, str] | None:
        """The KB actor a run's name key is spelt like, by its whole or, for a group, without its kind word."""
        found = set()
        for text in dict.fromkeys((key, self.words.without_kind(key))):
            found |= {
                (label, actor_id)
                for spelling, label, actor_id in self._kb_names.get(translit_key(text), ())
                if spelled_alike(text, spelling, self.words.similarity) and (text == key or label == "Organisation")
            }
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _may_replace(name: Span, start: int, end: int, span_id: str) -> bool:
        """A name the new one overlaps must lie inside it (a leading "the" aside) and not be another KB actor."""
        first = name.start + 1 if name[0].lower_ == "the" else name.start
        inside = start <= first and name.end <= end
        other_actor = bool(name.id_) and ":" not in name.id_ and name.id_ != span_id and name.label_ != "Location"
        return inside and not other_actor

    # -- titles -------------------------------------------------------------------------------

    def _without_titles(self, doc: Doc, names: list[Span]) -> list[Span]:
        """A person's name the model began with a title ("Ayatollah X Y", "Sheikh X Y") is the name without it,
        as analysts write it, when two words or more are left; a KB person keeps the name the KB matched."""
        mended = []
        for name in names:
            start = name.start
            while name.label_ == "Person" and not name.id_ and doc[start].lower_ in self._titles:
                left = [t for t in doc[start + 1 : name.end] if t.is_alpha and t.lower_ not in self.words.particles]
                if len(left) < 2:
                    break  # "Sultan al-Arada": a given name, or a title with one name left
                start += 1
            mended.append(name if start == name.start else Span(doc, start, name.end, label="Person"))
        return mended

    # -- a family name another person shares ---------------------------------------------------

    def _other_given_names(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        """A KB person's short name after another given name is another person of that family, whole: "Asma
        al-Assad" is not Bashar al-Assad, whose "al-Assad" the ruler found; a title before it is no given name
        ("President al-Assad")."""
        taken = {i for n in names for i in range(n.start, n.end)}
        mended = []
        for name in names:
            before = name.start - 1
            if (
                name.id_ in self._people
                and before >= 0
                and before not in taken
                and self._is_word(tokens, before)
                and tokens.pos[before] == "PROPN"
                and tokens.lower[before] not in self.not_given_names
                and self._short_name(name)
            ):
                name = Span(doc, before, name.end, label="Person")
            mended.append(name)
        return mended

    def _short_name(self, name: Span) -> bool:
        """Whether a KB person's name as written is only the end of one of its longer names ("al-Assad")."""
        key = name_key(name.text)
        return any(k != key and k.endswith(" " + key) for k in map(name_key, self._spellings.get(name.id_, ())))

    # -- lists of places -----------------------------------------------------------------------

    def _listed_places(self, doc: Doc, tokens: TokenColumns, names: list[Span]) -> list[Span]:
        """The names of a list of places are places, whole, whatever the model made of each: "the villages
        of Umm Shuaifa, Kharbat Ruz and Bab al-Khair" (a group, a person and nothing, as the model read
        them), "near Tell Miyaz"; after "in" and the like only when the list holds a place the index knows."""
        words = self.words
        lower, size = tokens.lower, len(tokens.text)
        by_start = {n.start: n for n in names}
        places = {(n.start + (n[0].lower_ == "the"), n.end) for n in names if n.label_ == "Location"}
        found: list[tuple[int, int]] = []
        for i in range(size - 1):
            opener = lower[i]
            after_noun = opener == "of" and i > 0 and lower[i - 1] in words.place_lists.nouns
            if not (after_noun or opener in words.place_lists.preps or opener in words.place_lists.known_place_preps):
                continue
            items = self._list_items(tokens, i + 1, places)
            if not items:
                continue
            if not after_noun and opener not in words.place_lists.preps:
                known = [by_start.get(s) for s, _ in items]
                if not any(n is not None and n.label_ == "Location" and n.id_ for n in known):
                    continue
                # a person the model saw is one, unless the list ends with its name ("in Raqqa, Manbij and
                # Kherbet Mousa."), not when a clause goes on from it ("to Ankara and Hakan Fidan met him")
                items = [
                    (s, e)
                    for (s, e), n in zip(items, known, strict=True)
                    if n is None or n.label_ != "Person" or (len(items) > 1 and self._ends_a_phrase(tokens, e))
                ]
            found += items
        found += [
            item
            for i in range(1, size)
            if lower[i] in words.place_lists.nouns
            for item in self._named_before(tokens, i)
        ]
        if not found:
            return names
        at = {(n.start, n.end): n for n in names}
        for start, end in found:
            overlapping = [n for n in at.values() if n.start < end and start < n.end]
            if any(n.id_ and ":" not in n.id_ and n.label_ != "Location" for n in overlapping):
                continue  # a KB actor ("near HTS" is no place)
            if any(n.label_ == "Location" and (n.start, n.end) == (start, end) for n in overlapping):
                continue
            if any(n.start < start or end < n.end for n in overlapping):
                continue  # a longer name holds it
            if any(n.label_ == "Person" and len(n) < end - start for n in overlapping) or (
                len(overlapping) > 1 and any(n.id_ and not n.id_.startswith(_GEONAMES) for n in overlapping)
            ):
                continue  # "In Turkey Minister Ellwood met", "the UK-France Summit": names run together, no place
            for n in overlapping:
                del at[(n.start, n.end)]
            at[(start, end)] = Span(doc, start, end, label="Location")  # resolved by name, as the model's places
        return sorted(at.values(), key=lambda s: (s.start, -s.end))

    def _named_before(self, tokens: TokenColumns, noun: int) -> list[tuple[int, int]]:
        """The names listed before a place noun ("the Ghweiran and al-Zuhour neighbourhoods", "the Rmeilan and
        al-Omar fields"); none when a word of one is an adjective ("the Kurdish and Arab villages")."""
        lower = tokens.lower
        items: list[tuple[int, int]] = []
        end = noun
        while end > 0:
            start = self._name_start(tokens, end)
            if start == end or any(tokens.pos[i] == "ADJ" for i in range(start, end)):
                return []
            items.append((start, end))
            before = start - 1
            if before >= 0 and lower[before] in self.words.list_conjunctions:
                before -= 1
            if before >= 0 and lower[before] == ",":
                before -= 1
            if before == start - 1:
                break
            end = before + 1
        return items

    def _name_start(self, tokens: TokenColumns, end: int) -> int:
        """Where a name of capitalised words, particles, hyphens and apostrophes that ends at ``end`` begins
        (on its article: "al-Zuhour")."""
        particles, text = self.words.particles, tokens.text
        start, i = end, end - 1
        while i >= 0 and end - i <= self.words.max_words * 3:
            if self._is_word(tokens, i) and tokens.pos[i] in _NAME_POS:
                start = i
            elif not (tokens.lower[i] in particles or text[i] == "-" or text[i] in _APOSTROPHES):
                break
            if tokens.sent_start[i]:
                break
            i -= 1
        if start < end and start >= 2 and text[start - 1] == "-" and tokens.lower[start - 2] in particles:
            start -= 2
        return start

    @staticmethod
    def _ends_a_phrase(tokens: TokenColumns, end: int) -> bool:
        return end >= len(tokens.text) or tokens.pos[end] in ("PUNCT", "ADP")

    def _list_items(self, tokens: TokenColumns, start: int, places: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """The capitalised names listed from ``start`` ("A, B and C"), each with an optional "the" before
        it and a place's head noun after it ("the Ghab plain"); none when a name of the list runs into
        another noun ("near Hamza Division positions": no list of places)."""
        lower, size = tokens.lower, len(tokens.text)
        items: list[tuple[int, int]] = []
        joined = last_joined = False  # "and" or "or" before the last name: "to Sudan, Volker Perthes" is no list
        i = start
        while i < size:
            if lower[i] == "the":
                i += 1
            end = self._name_end(tokens, i)
            if end == i or any(tokens.pos[k] == "ADJ" for k in range(i, end)):
                break  # "near Turkish and Russian bases": no list of names
            if self._directions_only(tokens, i, end):
                break  # "in the Near East and South and Central Asia": "South" is no place
            if end < size and lower[end] in self.place_heads:
                end += (i, end + 1) in places  # "the Ghab plain" is a name; "the Azaz area" names Azaz
            elif end < size and tokens.pos[end] in ("NOUN", "PROPN"):
                return []
            items.append((i, end))
            last_joined = joined
            if end < size and lower[end] == ",":
                end += 1
            joined = end < size and lower[end] in self.words.list_conjunctions
            if joined:
                end += 1
            if end == items[-1][1]:
                break
            i = end
        return items if last_joined or len(items) < 2 else items[:1]

    def _name_end(self, tokens: TokenColumns, start: int) -> int:
        """Where a name of capitalised words, particles, hyphens and apostrophes that begins at ``start`` ends."""
        particles, size = self.words.particles, len(tokens.text)
        end, i, count = start, start, 0
        while i < size and count < self.words.max_words and not (i > start and tokens.sent_start[i]):
            if self._is_word(tokens, i) and tokens.pos[i] in _NAME_POS:  # not "Declaring Mosul", "The"
                count += 1
                end = i + 1
            elif not (tokens.lower[i] in particles or tokens.text[i] == "-" or tokens.text[i] in _APOSTROPHES):
                break
            elif i > start and tokens.space_after[i - 1] and tokens.text[i] == "-":
                break  # a dash set off by spaces ends the name
            i += 1
        return end

    # -- types ----------------------------------------------------------------------------------

    @staticmethod
    def _longer_than_the_kb(doc: Doc, names: list[Span]) -> list[Span]:
        """A KB group's name that capitalised proper nouns open, of no name or of one the KB does not know, is part of
        a longer name the KB does not know ("Turkey's National Security Council" is no "Security Council", nor is
        "Supreme National Security Council" when the model took "Supreme National" for a name of its own)."""
        known = {i for n in names if n.id_ for i in range(n.start, n.end)}
        absorbed: set[tuple[int, int]] = set()
        grown: dict[tuple[int, int], Span] = {}
        for name in names:
            if name.label_ != "Organisation" or not name.id_ or ":" in name.id_:
                continue
            start = name.start
            while (
                start > 0
                and start - 1 not in known
                and not doc[start - 1].is_sent_start
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].dep_ == "compound"
                and start - 1 < doc[start - 1].head.i < name.end
            ):
                start -= 1
            if start < name.start:
                grown[(name.start, name.end)] = Span(doc, start, name.end, label="Organisation")
                absorbed |= {(n.start, n.end) for n in names if start <= n.start and n.end <= name.start}
        return [grown.get((n.start, n.end), n) for n in names if (n.start, n.end) not in absorbed]

    def _groups_by_kind(self, doc: Doc, names: list[Span]) -> list[Span]:
        """A name taken for a person's or an unknown place's that a kind word follows ("the Liwa al-Qadisiya
        faction") is a group's, wherever the article writes it; a place's name whose capitalised kind word is
        its head ("the Damascus Gathering") is a group's name, kind word and all."""
        kinds = {k for k in self.words.kind_keys if " " not in k}
        names = [
            Span(doc, n.start, n.end + 1, label="Organisation")
            if n.label_ == "Location"
            and n.end < len(doc)
            and doc[n.end].lower_ in kinds
            and doc[n.end].text[:1].isupper()
            and n.root.head.i == n.end
            else n
            for n in names
        ]
        groups = {
            name_key(n.text)
            for n in names
            if n.label_ in ("Person", "Location") and not n.id_ and n.end < len(doc) and doc[n.end].lower_ in kinds
        }
        return [
            Span(doc, n.start, n.end, label="Organisation") if not n.id_ and name_key(n.text) in groups else n
            for n in names
        ]
