"""``fg_ar_list_clitics`` and ``fg_ar_names``: names the gazetteer does not know, from how Arabic writes them.

Most actors and places of a news item are in no gazetteer: villages, local factions, commanders.
Arabic introduces them with a kind word (``arabic_names.json``): "بلدة تقاد" (a town is named
without "town"), "لواء المقاتلين الأنصار" and "سجن حماة المركزي" (the kind word is part of the
name), "بلدات A و B" (a list); a person's name opens with a common given name or a kunya ("أحمد
الخبيل", "أبو مالك التلي"). A name is the run of words after its opener that are no common word
of any Arabic lexicon and no name already found. Once an actor is named, the article refers back to
it by a shorter name, which lands on the same actor: a person's last name alone ("القحطاني"), and a
group's kind word with the article ("الهيئة" after "هيئة تحرير الشام") or with a word of its name
("حركة الزنكي" after "حركة نور الدين الزنكي").

The tokenizer splits a proclitic only off a word it knows, so in a list of unknown villages
"وبليون" stays whole; ``fg_ar_list_clitics`` (before the gazetteer) splits the و off the items of
a list after a plural kind word, where it can only be the conjunction.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factiongraph import lexicons
from factiongraph.kb import load_kb
from factiongraph.keys import ARABIC_SCRIPT, name_key
from factiongraph.lexicons import ArabicVerbForms, ArabicWords, DateRules, lexicon_model
from factiongraph.nlp.arabic.reading import PUNCTUATION
from factiongraph.nlp.arabic.tokens import cue_words, lexicon_parts, verb_forms
from factiongraph.nlp.spans import MENTIONS_KEY, FoundRelation
from factiongraph.places import PlaceIndex

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ACTORS = frozenset({"Person", "Organisation"})
_OPENING_QUOTES = frozenset('«"“')
_CLOSING_QUOTES = frozenset('»"”')


def _bare(token: Token) -> str:
    """The token as written, without diacritics and tatweel."""
    return _MARKS.sub("", token.text)


def _definite(text: str) -> bool:
    return text.startswith("ال") and len(text) > 4


class ArabicNames:
    """Discovers names after their openers and joins the shorter names that refer back (module docstring)."""

    def __init__(
        self, words: lexicons.ArabicNames, capitals: dict[str, str], openers: dict[str, frozenset[str]]
    ) -> None:
        self.kinds: dict[tuple[str, ...], tuple[str, bool, int]] = {}
        for kind in words.kinds:
            for head in kind.heads:
                self.kinds[tuple(head.split())] = (kind.type, kind.keep_head, kind.max_words)
        self.plural = words.plural_heads
        self.given = words.given_names
        self.kunya = words.kunya
        self.person_words = words.person_max_words
        common = [*words.stop_words, *lexicon_model(None, ArabicWords).words]
        stems: set[str] = set()
        for schema in (lexicons.ArabicRelations, lexicons.ArabicClaims, DateRules):
            lexicon = lexicon_model(None, schema)
            common += cue_words(lexicon)
            stems |= _present_stems(lexicon)
        # a present stem is no word ("عرب" of "يعرب"); its inflected forms are
        self.stop = frozenset(k for k in map(name_key, common) if k) - {name_key(s) for s in stems}
        self.hard_stop = frozenset(k for k in map(name_key, words.stop_words) if k)
        self.known_as = {tuple(name_key(w) for w in phrase.split()) for phrase in words.known_as}
        self.place_words = frozenset(name_key(w) for w in words.place_words)
        self.capitals = capitals
        self.openers = openers
        self.town_back = words.town_back
        self.joiners = words.list_joiners
        self.places = PlaceIndex.default()

    def __call__(self, doc: Doc) -> Doc:
        mentions = [
            self._as_state(self._with_kind(self._without_kind(m)))
            for m in doc.spans[MENTIONS_KEY]
            if not self._in_name(m)
        ]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found: list[Span] = []
        quoted: dict[str, Span] = {}
        i = 0
        while i < len(doc):
            spans = [] if i in taken else self._opened(doc, i, taken, quoted)
            if not spans:
                i += 1
                continue
            found += spans
            taken.update(j for span in spans for j in range(span.start, span.end))
            i = spans[-1].end
        synonyms: list[FoundRelation] = []
        named = sorted([*mentions, *found], key=lambda m: m.start)
        found = [self._as_earlier(span, named, synonyms) for span in found]
        found += self._back_references(doc, named, taken, synonyms, quoted)
        self._known_as(sorted([*mentions, *found], key=lambda m: m.start), synonyms)
        doc.spans[MENTIONS_KEY] = sorted([*mentions, *found], key=lambda m: m.start)
        doc._.fg_relations = [*(doc._.fg_relations or []), *synonyms]
        return doc

    def _without_kind(self, mention: Span) -> Span:
        """A known place named with a kind word its name goes without ("مدينة حمص") is its name: the words
        "مدينة حمص" and "مدينة حماة" would otherwise read as one name mistyped."""
        head = (_bare(mention[0]),)
        if mention.label_ != "Location" or len(mention) < 2 or self.kinds.get(head, ("", True))[1]:
            return mention
        return Span(mention.doc, mention.start + 1, mention.end, label=mention.label_, span_id=mention.id_)

    def _with_kind(self, mention: Span) -> Span:
        """A known group written with the kind word its full name opens with and a shorter name ("حركة
        الزنكي": حركة of "حركة نور الدين الزنكي") is named by both: the kind word joins the mention. Another
        kind word before its name ("كتائب حزب الله") is another group's, and stays out."""
        doc = mention.doc
        if mention.label_ != "Organisation" or not mention.id_:
            return mention
        for width in (2, 1):
            start = mention.start - width
            head = tuple(_bare(t) for t in doc[max(start, 0) : mention.start])
            if start < 0 or self.kinds.get(head, ("",))[0] != "Organisation" or not doc[mention.start - 1].whitespace_:
                continue
            if name_key(" ".join(head)) in self.openers.get(mention.id_, ()):
                return Span(doc, start, mention.end, label=mention.label_, span_id=mention.id_)
        return mention

    def _in_name(self, mention: Span) -> bool:
        """A nationality after a town's kind word is a word of its name ("قرية عرب سعيد")."""
        head = (_bare(mention.doc[mention.start - 1]),) if mention.start > 0 else ()
        return mention.label_ == "Nationality" and head in self.kinds and not self.kinds[head][1]

    def _as_state(self, mention: Span) -> Span:
        """A state's capital not named as a place ("أطلقتها أنقرة", not "في أنقرة") stands for the state."""
        state = self.capitals.get(name_key(mention.text)) if mention.label_ == "Location" else None
        before = mention.doc[mention.start - 1] if mention.start > 0 else None
        if state is None or (before is not None and name_key(before.text) in self.place_words):
            return mention
        return Span(mention.doc, mention.start, mention.end, label=mention.label_, span_id=state)

    def _known_as(self, named: list[Span], synonyms: list[FoundRelation]) -> None:
        """ "X، المعروف باسم Y": both are names of one actor."""
        for first, second in zip(named, named[1:], strict=False):
            words = tuple(name_key(t.text) for t in first.doc[first.end : second.start] if t.text not in PUNCTUATION)
            if first.label_ in _ACTORS and words in self.known_as:
                self._same(second, first, synonyms)

    def _namelike(self, token: Token, taken: set[int], *, definite_common: bool = False) -> bool:
        """A word that may stand in a name: Arabic, two letters or more, no common word, not found yet; after
        a group's kind word a common noun with the article is a name's word ("لواء المقاتلين الأنصار")."""
        text = _bare(token)
        if token.i in taken or not ARABIC_SCRIPT.match(text) or len(text) < 2 or token.text in PUNCTUATION:
            return False
        key = name_key(text)
        return key not in self.stop or (definite_common and _definite(text) and key not in self.hard_stop)

    def _run(self, doc: Doc, start: int, limit: int, taken: set[int], *, label: str) -> int:
        """Where the name words from ``start`` stop, at most ``limit`` of them: after the first, a person's
        and a group's words have the article (a family name, "الخبيل") or are given names ("عبد اللطيف")."""
        end = start
        while end < len(doc) and end - start < limit:
            token = doc[end]
            if not doc[end - 1].whitespace_ and end > start:
                break  # an enclitic pronoun ("قوات" + "ها") is no word of a name
            if not self._namelike(token, taken, definite_common=label == "Organisation"):
                break
            if end > start and label != "Location" and not (_definite(_bare(token)) or _bare(token) in self.given):
                break
            end += 1
        return end

    def _opened(self, doc: Doc, i: int, taken: set[int], quoted: dict[str, Span]) -> list[Span]:
        """The name opened at token ``i`` by a kind word, a given name or a kunya; after a plural kind word,
        every name of the list ("بلدات A و B، C"); a name in quotes after a kind word ("غرفة عمليات «فاثبتوا»"),
        which "الغرفة" then refers back to (``quoted``, by the kind word)."""
        text = _bare(doc[i])
        if text in self.plural:
            return self._listed(doc, i + 1, taken)
        for width in (2, 1):
            head = tuple(_bare(t) for t in doc[i : i + width])
            if len(head) == width and head in self.kinds and not any(i + n in taken for n in range(width)):
                if not doc[i + width - 1].whitespace_:
                    return []
                label, keep, limit = self.kinds[head]
                name = self._quoted(doc, i + width, taken, label)
                if name is not None:
                    quoted.setdefault(name_key(head[0]), name)
                    return [name]
                end = self._run(doc, i + width, limit, taken, label=label)
                return [Span(doc, i if keep else i + width, end, label=label)] if end > i + width else []
        if text in self.given or text in self.kunya:
            end = self._run(doc, i + 1, self.person_words, taken, label="Person")
            if end > i + 1:
                return [Span(doc, i, end, label="Person")]
        return []

    def _quoted(self, doc: Doc, start: int, taken: set[int], label: str) -> Span | None:
        """The words in quotes at ``start`` ("«فاثبتوا»"), at most four, none of them found yet."""
        if start >= len(doc) or doc[start].text not in _OPENING_QUOTES:
            return None
        close = next((j for j in range(start + 1, min(start + 6, len(doc))) if doc[j].text in _CLOSING_QUOTES), None)
        if close is None or close == start + 1 or any(j in taken for j in range(start + 1, close)):
            return None
        return Span(doc, start + 1, close, label=label)

    def _listed(self, doc: Doc, start: int, taken: set[int]) -> list[Span]:
        """The places of a list after a plural kind word, each of up to two words."""
        found: list[Span] = []
        while start < len(doc):
            end = self._run(doc, start, 2, taken, label="Location")
            if end > start:
                found.append(Span(doc, start, end, label="Location"))
            elif start not in taken:
                break
            start = max(end, start + 1)
            while start < len(doc) and doc[start].text in self.joiners:
                start += 1
            if start < len(doc) and doc[start - 1].text not in self.joiners:
                break
        return found

    def _as_earlier(self, span: Span, named: list[Span], synonyms: list[FoundRelation]) -> Span:
        """A group named by its kind word and words of a group named before ("حركة الزنكي" after "حركة نور
        الدين الزنكي") is that group: its id, or a synonym of the name it shortens."""
        if span.label_ != "Organisation" or len(span) < 2:
            return span
        keys = [name_key(t.text) for t in span]
        for earlier in named:
            if earlier.start >= span.start or earlier.label_ != "Organisation" or len(earlier) <= len(span):
                continue
            words = [name_key(t.text) for t in earlier]
            if words[0] == keys[0] and set(keys[1:]) <= set(words[1:]):
                return self._same(span, earlier, synonyms)
        return span

    def _back_references(
        self, doc: Doc, named: list[Span], taken: set[int], synonyms: list[FoundRelation], quoted: dict[str, Span]
    ) -> list[Span]:
        """A person's last name alone, a group's kind word with the article, after the full name; "المدينة"
        after a town's name."""
        lasts: dict[str, Span] = {}
        heads: dict[str, Span] = {}
        town: Span | None = None
        found = []
        by_end = sorted(named, key=lambda m: m.end)
        passed = 0
        for token in doc:
            while passed < len(by_end) and by_end[passed].end <= token.i:  # the names ended before this word
                earlier = by_end[passed]
                passed += 1
                if earlier.label_ == "Location" and self._is_town(earlier):
                    town = earlier
                if len(earlier) > 1 and earlier.label_ in _ACTORS:
                    index = lasts if earlier.label_ == "Person" else heads
                    word = earlier[-1] if earlier.label_ == "Person" else earlier[0]
                    index.setdefault(name_key(word.text), earlier)
            if token.i in taken or not ARABIC_SCRIPT.match(token.text):
                continue
            text, key = _bare(token), name_key(token.text)
            if text in self.town_back and town is not None:
                found.append(self._same(Span(doc, token.i, token.i + 1, label="Location"), town, synonyms))
                taken.add(token.i)
                continue
            earlier = lasts.get(key) if key not in self.stop else None
            head = heads.get(key)
            if earlier is None and head is not None and _definite(text) and not _definite(_bare(head[0])):
                earlier = head
            if earlier is None and _definite(text) and key in quoted and quoted[key].end <= token.i:
                earlier = quoted[key]
            if earlier is not None:
                span = Span(doc, token.i, token.i + 1, label=earlier.label_)
                found.append(self._same(span, earlier, synonyms))
                taken.add(token.i)
        return found

    def _is_town(self, mention: Span) -> bool:
        """A town or a village: a place the gazetteer pins to a town, or one named after a kind word."""
        if not mention.id_:
            return True
        place = self.places.lookup(mention.text)
        return place is not None and place.precision == "town"

    @staticmethod
    def _same(span: Span, earlier: Span, synonyms: list[FoundRelation]) -> Span:
        if earlier.id_:
            return Span(span.doc, span.start, span.end, label=earlier.label_, span_id=earlier.id_)
        sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
        synonyms.append(FoundRelation("IsSynonymOf", span, earlier, sentence, "back-reference", 1.0))
        return span


def _present_stems(lexicon: object) -> set[str]:
    """The present stems of a lexicon's verbs, wherever they sit, that are none of the verb's forms ("عرب" of
    "يعرب", not "قصف" of "يقصف", which is a form too)."""
    found = set()
    if isinstance(lexicon, ArabicVerbForms) and (stem := lexicon.present) is not None:
        if stem not in {*verb_forms(lexicon), *(lexicon.forms or [])}:
            found.add(stem)
    return found.union(*(_present_stems(part) for part in lexicon_parts(lexicon)))


class ListClitics:
    """Splits و off the items of a list after a plural kind word ("قرى إبلين وبليون وكنصفرة").

    The list ends with its sentence, at a mark that is no joiner ("." "؟" "«") and at a preposition: the
    و of "وزارة" in the next sentence is no conjunction."""

    def __init__(self, words: lexicons.ArabicNames) -> None:
        self.plural = words.plural_heads
        self.joiners = words.list_joiners
        self.breaks = words.list_breaks

    def __call__(self, doc: Doc) -> Doc:
        splits = []
        in_list = False
        sentences = doc.has_annotation("SENT_START")
        for token in doc:
            text = _bare(token)
            if sentences and token.is_sent_start or self._ends_list(token):
                in_list = False
            if text in self.plural:
                in_list = True
            elif in_list and text.startswith("و") and len(text) > 3 and token.text[:1] == "و":
                splits.append(token)
            elif in_list and text in self.breaks:
                in_list = False
        if splits:
            with doc.retokenize() as retokenizer:
                for token in splits:
                    rest = token.text[1:]
                    doc.vocab.strings.add(name_key(rest))
                    retokenizer.split(
                        token,
                        ["و", rest],
                        heads=[(token, 1), (token, 1)],
                        attrs={"NORM": ["و", name_key(rest)]},
                    )
        return doc

    def _ends_list(self, token: Token) -> bool:
        """A mark that is neither a joiner of a list nor a space: the end of a sentence or of a clause."""
        return not token.is_space and token.text not in self.joiners and not any(c.isalnum() for c in token.text)


@Language.factory(
    "fg_ar_names", default_config={"names_path": None, "kb_path": None}, requires=["doc.spans"], assigns=["doc.spans"]
)
def make_arabic_names(nlp: Language, name: str, names_path: str | None, kb_path: str | None) -> ArabicNames:
    words = lexicon_model(names_path, lexicons.ArabicNames)
    return ArabicNames(words, _capitals(kb_path), _openers(kb_path))


def _capitals(kb_path: str | None) -> dict[str, str]:
    """Each Arabic name of a state's seat (the knowledge base's ``seat``), by its key, with the state's id."""
    index = PlaceIndex.default()
    capitals = {}
    for actor in load_kb(Path(kb_path) if kb_path else None).actors:
        place = index.lookup(actor.seat) if actor.category == "state" and actor.seat else None
        for place_name in place.names if place else ():
            if ARABIC_SCRIPT.search(place_name):
                capitals.setdefault(name_key(place_name), actor.id)
    return capitals


def _openers(kb_path: str | None) -> dict[str, frozenset[str]]:
    """Each KB actor's possible Arabic kind words, by its id: the first word of its Arabic names of two words
    or more and the first two of longer ones, by their keys ("حركه" and "حركه نور" of "حركة نور الدين الزنكي")."""
    openers = {}
    for actor in load_kb(Path(kb_path) if kb_path else None).actors:
        names = [name.split() for name in actor.all_names() if ARABIC_SCRIPT.search(name)]
        keys = {name_key(" ".join(words[:width])) for words in names for width in (1, 2) if len(words) > width}
        if keys:
            openers[actor.id] = frozenset(keys)
    return openers


@Language.factory("fg_ar_list_clitics", default_config={"names_path": None}, retokenizes=True)
def make_list_clitics(nlp: Language, name: str, names_path: str | None) -> ListClitics:
    return ListClitics(lexicon_model(names_path, lexicons.ArabicNames))
