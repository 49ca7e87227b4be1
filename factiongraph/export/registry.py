"""The exporters' registry: every format, built-in or a plugin's, is an exporter registered by name.

An exporter is a function ``write(graph: ExportGraph, out: Path) -> None`` that turns the read model
(:mod:`factiongraph.export.model`: nodes, edges, events, claims and their documents, loaded once with the
filters applied) into files at ``out``. It writes no SQL and applies no filter: :func:`export_graph` has done
both, so every format is narrowed alike.

Adding an exporter in this package: a module with the function, decorated, and the module's name in
:data:`BUILTIN_EXPORTER_MODULES`::

    from factiongraph.export.model import ExportGraph
    from factiongraph.export.registry import register_exporter

    @register_exporter("edges-csv")
    def write_edges_csv(graph: ExportGraph, out: Path) -> None:
        \"\"\"One row per edge: source, type, target, when (the first docstring line is its description).\"\"\"
        ...

Pass ``directory=True`` when ``--out`` is a folder the exporter fills (it is created first), and
``mentions=True`` when the exporter needs :attr:`ExportGraph.mentions` (every name in every document: costly
on a large store, so loaded only then). Import heavy libraries (networkx, rdflib, pandas) inside the function:
the registry imports every built-in module to list the formats.

A plugin package does the same in its own module and declares it in the ``factiongraph_exporters`` entry-point
group of its ``pyproject.toml``; it is found when installed beside factiongraph::

    [project.entry-points.factiongraph_exporters]
    edges-csv = "my_package.exporters:write_edges_csv"

The entry point may name the decorated function or a plain ``write`` function (registered with the defaults).
This is catalogue's registry, as spaCy registers its components.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import catalogue

from factiongraph.errors import FactiongraphError
from factiongraph.export.model import ExportFilters, ExportGraph, load_export_graph

if TYPE_CHECKING:
    from sqlite_utils import Database

WriteExport = Callable[[ExportGraph, Path], None]

exporters = catalogue.create("factiongraph", "exporters", entry_points=True)
"""Exporters by format name; entry points of the group ``factiongraph_exporters`` are read too."""

BUILTIN_EXPORTER_MODULES = (
    "factiongraph.export.json_graph",
    "factiongraph.export.re3d_store",
    "factiongraph.export.networks",
    "factiongraph.export.neo4j",
    "factiongraph.export.rdf",
    "factiongraph.export.acled",
    "factiongraph.export.plover",
)
"""The built-in formats: each module registers its exporters when imported, as a plugin's would."""


@dataclass(frozen=True)
class Exporter:
    """A registered format: how it writes, what it says it is, what it needs."""

    name: str
    write: WriteExport
    description: str
    directory: bool = False
    """``--out`` is a folder the exporter fills, created first."""
    mentions: bool = False
    """The exporter reads :attr:`ExportGraph.mentions`, loaded only for those that do."""


class UnknownFormatError(FactiongraphError):
    """An export format no exporter is registered for."""

    status = 404

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        super().__init__(f"unknown export format {name!r}: known formats are {', '.join(known)}")


@dataclass(frozen=True)
class ExportSummary:
    """What was written where: the counts of the read model the exporter was given."""

    format: str
    out: Path
    nodes: int
    edges: int
    events: int
    claims: int


def register_exporter(
    name: str, *, directory: bool = False, mentions: bool = False
) -> Callable[[WriteExport], WriteExport]:
    """Register the decorated ``write(graph, out)`` as the exporter of format ``name``; the function is
    returned unchanged, so it stays callable on its own."""

    def register(write: WriteExport) -> WriteExport:
        exporters.register(name, func=Exporter(name, write, _description(write), directory, mentions))
        return write

    return register


def _description(write: WriteExport) -> str:
    return (write.__doc__ or "").strip().split("\n")[0]


def _as_exporter(name: str, registered: Exporter | WriteExport) -> Exporter:
    """An entry point naming a decorated function has registered its :class:`Exporter` on import (and the
    registry's own entries win over the entry point's object); one naming a plain function gets the defaults."""
    return registered if isinstance(registered, Exporter) else Exporter(name, registered, _description(registered))


def known_exporters() -> dict[str, Exporter]:
    """Every registered exporter by format name, built-ins and plugins, sorted by name."""
    for module in BUILTIN_EXPORTER_MODULES:
        importlib.import_module(module)
    return {name: _as_exporter(name, registered) for name, registered in sorted(exporters.get_all().items())}


def get_exporter(name: str) -> Exporter:
    """The exporter of format ``name``.

    :raises UnknownFormatError: none is registered; the message lists those that are.
    """
    known = known_exporters()
    if name not in known:
        raise UnknownFormatError(name, list(known))
    return known[name]


def export_graph(db: Database, output_format: str, out: Path, filters: ExportFilters | None = None) -> ExportSummary:
    """Write the store's graph, narrowed by ``filters``, in ``output_format`` at ``out``.

    :raises UnknownFormatError: no exporter for ``output_format``.
    :raises InvalidQueryError: a filter's date or type is not one.
    :raises UnknownActorError: a filter's actor is not in the store.
    """
    exporter = get_exporter(output_format)
    graph = load_export_graph(db, filters, mentions=exporter.mentions)
    if exporter.directory:
        out.mkdir(parents=True, exist_ok=True)
    exporter.write(graph, out)
    return ExportSummary(exporter.name, out, len(graph.nodes), len(graph.edges), len(graph.events), len(graph.claims))
