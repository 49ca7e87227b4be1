"""The graph for network tools: GraphML (networkx, Gephi, yEd, igraph) and GEXF (Gephi, with its timeline).

Both hold the nodes and edges of the JSON export, one for one: a node per entity, with its type, names (Arabic
among them), KB id and coordinates; an edge per fact (a multigraph, so two facts between one pair stay two),
with its relation type, dates, precision, how many sentences say it and the first of them. Events and claims
are left to the formats made for them (acled-csv, plover, rdf, json).
"""

from __future__ import annotations

from calendar import monthrange
from pathlib import Path
from typing import TYPE_CHECKING

from factiongraph.export.model import Edge, ExportGraph, Node
from factiongraph.export.registry import register_exporter

if TYPE_CHECKING:
    import networkx as nx

NAME_SEPARATOR = " | "
"""Between names in one attribute: GraphML and GEXF attributes hold one value, and no name has this in it."""


@register_exporter("graphml")
def write_graphml(graph: ExportGraph, out: Path) -> None:
    """GraphML of nodes and edges (networkx.read_graphml, Gephi, yEd, igraph), edges with their dates."""
    import networkx as nx

    nx.write_graphml(multigraph(graph), out, named_key_ids=True)


@register_exporter("gexf")
def write_gexf(graph: ExportGraph, out: Path) -> None:
    """GEXF 1.2 for Gephi, each edge alive over the interval its sentence gives, so the timeline plays them."""
    import networkx as nx

    network = multigraph(graph)
    network.graph["mode"] = "dynamic"
    for _source, _target, key, data in network.edges(keys=True, data=True):
        data.update(id=key, weight=data["evidence_count"])
    nx.write_gexf(network, out, version="1.2draft")


def multigraph(graph: ExportGraph) -> nx.MultiDiGraph:
    """The read model as a networkx multigraph keyed by the JSON export's ids, attributes as GraphML and GEXF
    can hold them (strings and numbers; an unknown value is left out, not written empty).

    An edge's ``start`` and ``end`` are the first and last days of the interval its sentence gives (``2017-07``:
    from 2017-07-01 to 2017-07-31), an open end left out; an undated relation holds from its first article's
    publication date on, as snapshots read it. GEXF makes them the edge's dynamic interval.
    """
    import networkx as nx

    network = nx.MultiDiGraph(name="factiongraph")
    for node in graph.nodes:
        network.add_node(node.id, **_node_attributes(node))
    for edge in graph.edges:
        network.add_edge(edge.source, edge.target, key=edge.id, **_edge_attributes(graph, edge))
    return network


def _node_attributes(node: Node) -> dict[str, str | float]:
    return _present(
        label=node.name,
        type=node.type,
        name=node.name,
        aliases=NAME_SEPARATOR.join(node.aliases),
        arabic_names=NAME_SEPARATOR.join(node.arabic_names),
        kb_id=node.kb_id,
        latitude=node.latitude,
        longitude=node.longitude,
        place_precision=node.place_precision,
    )


def _edge_attributes(graph: ExportGraph, edge: Edge) -> dict[str, str | int]:
    first = edge.evidence[0]
    document = graph.documents.get(first.document_id)
    published = document.published if document else None
    dated = edge.start is not None or edge.end is not None
    return _present(
        label=edge.type,
        relation=edge.type,
        when=edge.when,
        start=first_day(edge.start if dated else published),
        end=last_day(edge.end),
        precision=edge.precision,
        evidence_count=len(edge.evidence),
        quote=first.text.strip(),
        document=first.document_id,
        outlet=(document.outlet or document.title) if document else None,
        published=published,
    )


def _present(**attributes: str | float | None) -> dict:
    """The attributes that have a value: GraphML and GEXF have no null."""
    return {name: value for name, value in attributes.items() if value not in (None, "")}


def first_day(prefix: str | None) -> str | None:
    """The first day of an ISO prefix: ``2017`` -> ``2017-01-01``, ``2017-07`` -> ``2017-07-01``."""
    if prefix is None:
        return None
    year, month, day = (prefix.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}"


def last_day(prefix: str | None) -> str | None:
    """The last day of an ISO prefix: ``2017`` -> ``2017-12-31``, ``2020-02`` -> ``2020-02-29``."""
    if prefix is None:
        return None
    parts = prefix.split("-")
    year, month = parts[0], parts[1] if len(parts) > 1 else "12"
    day = parts[2] if len(parts) > 2 else str(monthrange(int(year), int(month))[1])
    return f"{year}-{month}-{day}"
