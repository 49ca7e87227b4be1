"""``factiongraph`` with a pipeline that breaks on any article holding ``MARKER``, in every process.

Worker processes start by ``spawn`` and run this module's top level as they start (as ``__mp_main__``), so
the breaking component is in their pipeline too: the way to make a pipeline break inside a worker. Imported
(for ``MARKER``), the module adds nothing to anyone's pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import minibatch

from factiongraph.nlp import load_pipeline

MARKER = "Zzyzx"


class BreaksOnMarker(Pipe):
    """Breaks, like a trained component would, on a whole batch that holds an article with ``MARKER``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if MARKER in doc.text:
            raise RuntimeError(f"cannot read {MARKER}")
        return doc

    def pipe(self, docs: Iterator[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]


@Language.factory("fg_test_breaks_in_worker")
def _breaks_on_marker(nlp: Language, name: str) -> BreaksOnMarker:
    return BreaksOnMarker(name)


if __name__ in ("__main__", "__mp_main__"):  # run, or started as a worker: imported, it changes nothing
    load_pipeline(None).add_pipe("fg_test_breaks_in_worker", before="fg_mentions")

if __name__ == "__main__":
    from factiongraph.cli import main

    sys.argv[0] = "factiongraph"
    sys.exit(main())
