"""A parsed ``Doc`` in a form another process can take (pickle), and the ``Doc`` rebuilt from it.

The pipeline leaves its results in ``Span`` objects: span groups (``doc.spans``) and the values of
``Doc._`` extensions (``fg_relations``, ``fg_events``, ``fg_claims``: dataclasses holding spans). A
``Span`` is a view into its ``Doc`` and its vocabulary, so neither pickles on its own, and spaCy's
own ``Doc.to_bytes`` writes ``user_data`` with msgpack, which knows no ``Span``. Pickling the
``Doc`` whole would pickle the pipeline's vocabulary with every document.

So a :class:`PortableDoc` keeps the ``Doc``'s own content as spaCy serialises it (``Doc.to_dict``:
text, token attributes, the strings they use; not the tensor, which nothing downstream reads), and
every span, in the groups and inside the extension values, as :class:`SpanRef` token offsets with
its label and ids. :meth:`PortableDoc.to_doc` rebuilds the ``Doc`` on a vocabulary of its own, made
for it and dropped with it, so a process that rebuilds documents for ever keeps no string of them.
"""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span
from spacy.util import get_lang_class
from spacy.vocab import create_vocab


class SpanRef(NamedTuple):
    """A ``Span`` by its token offsets, label and ids: what rebuilds it on the rebuilt ``Doc``."""

    start: int
    end: int
    label: str
    kb_id: str
    id: str


@dataclasses.dataclass(frozen=True)
class PortableDoc:
    """A parsed ``Doc`` as plain, picklable data (see the module's docstring)."""

    lang: str
    content: dict[str, Any]
    """``Doc.to_dict`` without user data, tensor and span groups."""
    span_groups: dict[str, tuple[SpanRef, ...]]
    user_data: dict[Any, Any]
    """``doc.user_data`` (the ``Doc._`` extension values) with every ``Span`` in it a :class:`SpanRef`."""

    @classmethod
    def from_doc(cls, doc: Doc) -> PortableDoc:
        return cls(
            lang=doc.lang_,
            content=doc.to_dict(exclude=["user_data", "tensor", "spans"]),
            span_groups={name: tuple(_span_ref(span) for span in group) for name, group in doc.spans.items()},
            user_data={key: _portable(value) for key, value in doc.user_data.items()},
        )

    def to_doc(self) -> Doc:
        """The ``Doc`` again, on a new vocabulary of its language (its lexical attributes computed as the
        pipeline's are: ``lower_``, ``is_alpha``, ``like_num``)."""
        doc = Doc(create_vocab(self.lang, get_lang_class(self.lang).Defaults)).from_dict(self.content)
        for name, refs in self.span_groups.items():
            doc.spans[name] = [_span(doc, ref) for ref in refs]
        for key, value in self.user_data.items():
            doc.user_data[key] = _restored(value, doc)
        return doc


def _span_ref(span: Span) -> SpanRef:
    return SpanRef(span.start, span.end, span.label_, span.kb_id_, span.id_)


def _span(doc: Doc, ref: SpanRef) -> Span:
    return Span(doc, ref.start, ref.end, label=ref.label, kb_id=ref.kb_id, span_id=ref.id)


def _portable(value: Any) -> Any:
    """``value`` with every ``Span`` in it, in tuples, lists and dataclasses, a :class:`SpanRef`."""
    if isinstance(value, Span):
        return _span_ref(value)
    if type(value) in (tuple, list):
        return type(value)(_portable(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _portable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changed)
    return value


def _restored(value: Any, doc: Doc) -> Any:
    """:func:`_portable` undone: each :class:`SpanRef` a ``Span`` of ``doc``."""
    if isinstance(value, SpanRef):
        return _span(doc, value)
    if type(value) in (tuple, list):
        return type(value)(_restored(item, doc) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _restored(getattr(value, f.name), doc) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changed)
    return value
