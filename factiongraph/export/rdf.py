"""The ``rdf`` export: the graph as Turtle in the vocabulary of docs/rdf.md, for triple stores and SPARQL.

Relations are reified statements (``fg:Relation``, an ``rdf:Statement``) carrying their time (OWL-Time) and
provenance (PROV, with Web Annotation offsets); claims carry speaker and stance. rdflib is imported when the
export runs: listing the formats does not load it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from factiongraph.export.model import ExportGraph
from factiongraph.export.registry import register_exporter
from factiongraph.places.schema import ARABIC_LETTER
from factiongraph.vocab import STANCES

if TYPE_CHECKING:
    from rdflib import Graph, Namespace
    from rdflib.term import Node as RdfNode

    from factiongraph.export.model import Document, Evidence

FG = "https://w3id.org/factiongraph/ns#"
FGID = "https://w3id.org/factiongraph/id/"
OA = "http://www.w3.org/ns/oa#"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"

_CLASSES = {
    "Actor": ("prov:Agent", "An entity of the graph: group, person, place, community."),
    "Person": ("fg:Actor", "A person."),
    "Organisation": ("fg:Actor", "A group, force, body or organisation."),
    "Location": ("fg:Actor", "A place, or a state acting under its name."),
    "Nationality": ("fg:Actor", "A national, ethnic or religious community."),
    "Relation": ("rdf:Statement", "One fact between two actors over one interval, with every sentence that says it."),
    "Event": ("prov:Activity", "An event counted once however many articles report it."),
    "Claim": ("prov:Entity", "Something a speaker says about actors, with a stance."),
    "Document": ("prov:Entity", "An article."),
    "Evidence": ("prov:Entity", "A sentence of a document that says a fact."),
    "Stance": ("rdfs:Resource", "How a claim is put: asserted, denied, possible, likely."),
}
_PROPERTIES = {
    "kbId": "The actor's id in factiongraph's knowledge base.",
    "placePrecision": "How exactly a place's coordinates pin it down: town, district, governorate, country.",
    "datePrecision": "The precision of a fact's date: day, month, year, interval, unknown.",
    "evidenceCount": "How many sentences say the fact.",
    "sentence": "The text of the sentence.",
    "sourceText": "The words naming a relation's source in the sentence.",
    "targetText": "The words naming a relation's target in the sentence.",
    "eventType": "The event's PLOVER category.",
    "mode": "The event's PLOVER mode: how it was done.",
    "acledEventType": "The event's ACLED event type.",
    "acledSubEventType": "The event's ACLED sub-event type.",
    "actor": "An actor who acts in the event.",
    "recipient": "An actor acted on in the event.",
    "fatalities": "The latest report's death toll.",
    "killed": "The death toll one report gives.",
    "injured": "The injured one report counts.",
    "stance": "How the claim is put.",
    "speakerText": "The words of a speaker not resolved to an actor.",
    "content": "What is claimed.",
}


@register_exporter("rdf")
def write_rdf(graph: ExportGraph, out: Path) -> None:
    """Turtle in factiongraph's documented vocabulary (docs/rdf.md): actors, relations as reified statements
    with time and provenance, events, claims with speaker and stance."""
    rdf_graph(graph).serialize(destination=str(out), format="turtle", encoding="utf-8")


def rdf_graph(graph: ExportGraph) -> Graph:
    """The export as an rdflib graph (what :func:`write_rdf` serialises)."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, TIME, XSD

    fg, fgid, oa, geo = Namespace(FG), Namespace(FGID), Namespace(OA), Namespace(WGS84)
    out = Graph()
    for prefix, namespace in {
        "fg": fg,
        "fgid": fgid,
        "prov": PROV,
        "dcterms": DCTERMS,
        "time": TIME,
        "geo": geo,
        "skos": SKOS,
        "oa": oa,
        "xsd": XSD,
    }.items():
        out.bind(prefix, namespace)
    writer = _TurtleWriter(out, fg, fgid, oa)
    writer.vocabulary({e.type for e in graph.edges})
    for document in graph.documents.values():
        writer.document(document)
    for node in graph.nodes:
        subject = writer.actor(node.id)
        out.add((subject, RDF.type, fg.Actor))
        out.add((subject, RDF.type, fg[node.type]))
        out.add((subject, RDFS.label, writer.literal(node.name)))
        for alias in node.aliases:
            out.add((subject, SKOS.altLabel, writer.literal(alias)))
        if node.kb_id:
            out.add((subject, fg.kbId, writer.literal(node.kb_id)))
        if node.latitude is not None and node.longitude is not None:
            out.add((subject, geo.lat, writer.decimal(node.latitude)))
            out.add((subject, geo.long, writer.decimal(node.longitude)))
        if node.place_precision:
            out.add((subject, fg.placePrecision, writer.literal(node.place_precision)))
    for edge in graph.edges:
        source, target, predicate = writer.actor(edge.source), writer.actor(edge.target), fg[edge.type]
        statement = fgid[f"relation/{edge.id}"]
        out.add((source, predicate, target))
        out.add((statement, RDF.type, fg.Relation))
        out.add((statement, RDF.subject, source))
        out.add((statement, RDF.predicate, predicate))
        out.add((statement, RDF.object, target))
        writer.time(statement, edge.start, edge.end, edge.precision)
        out.add((statement, fg.evidenceCount, writer.integer(len(edge.evidence))))
        for n, evidence in enumerate(edge.evidence, start=1):
            out.add((statement, PROV.wasDerivedFrom, writer.evidence(f"{edge.id}-{n}", evidence)))
    for event in graph.events:
        subject = fgid[f"event/{event.id}"]
        out.add((subject, RDF.type, fg.Event))
        out.add((subject, fg.eventType, writer.literal(event.type)))
        for prop, value in (
            (fg.mode, event.mode),
            (fg.acledEventType, event.acled_event_type),
            (fg.acledSubEventType, event.acled_sub_event_type),
        ):
            if value:
                out.add((subject, prop, writer.literal(value)))
        for actor in event.actors:
            out.add((subject, fg.actor if actor.role == "source" else fg.recipient, writer.actor(actor.node)))
        if event.place:
            out.add((subject, PROV.atLocation, writer.actor(event.place)))
        writer.time(subject, event.start, event.end, event.precision)
        if event.fatalities is not None:
            out.add((subject, fg.fatalities, writer.integer(event.fatalities)))
        for n, report in enumerate(event.reports, start=1):
            if not report.evidence:
                continue
            cited = report.evidence[0]
            evidence = writer.evidence_at(f"{event.id}-{n}", cited.document_id, cited.start, cited.end, cited.sentence)
            for prop, count in ((fg.killed, report.killed), (fg.injured, report.injured)):
                if count is not None:
                    out.add((evidence, prop, writer.integer(count)))
            out.add((subject, PROV.wasDerivedFrom, evidence))
    for claim in graph.claims:
        subject = fgid[f"claim/{claim.id}"]
        out.add((subject, RDF.type, fg.Claim))
        if claim.speaker:
            out.add((subject, PROV.wasAttributedTo, writer.actor(claim.speaker)))
        if claim.speaker_text:
            out.add((subject, fg.speakerText, writer.literal(claim.speaker_text)))
        out.add((subject, fg.stance, fg[claim.stance]))
        for about in claim.about:
            out.add((subject, DCTERMS.subject, writer.actor(about)))
        out.add((subject, fg.content, writer.literal(claim.content)))
        writer.time(subject, claim.start, claim.end, None)
        out.add((subject, PROV.wasDerivedFrom, writer.evidence(f"{claim.id}-1", claim.evidence)))
    return out


class _TurtleWriter:
    """The pieces every kind of fact shares: IRIs, typed literals, time, evidence and documents."""

    def __init__(self, out: Graph, fg: Namespace, fgid: Namespace, oa: Namespace) -> None:
        self.out, self.fg, self.fgid, self.oa = out, fg, fgid, oa

    def actor(self, node_id: str) -> RdfNode:
        return self.fgid[f"actor/{quote(node_id, safe=':')}"]

    def literal(self, text: str) -> RdfNode:
        """A string; an Arabic one tagged ``@ar``."""
        from rdflib import Literal

        return Literal(text, lang="ar") if ARABIC_LETTER.search(text) else Literal(text)

    def integer(self, value: int) -> RdfNode:
        from rdflib import Literal
        from rdflib.namespace import XSD

        return Literal(value, datatype=XSD.integer)

    def decimal(self, value: float) -> RdfNode:
        from rdflib import Literal
        from rdflib.namespace import XSD

        return Literal(str(value), datatype=XSD.decimal)

    def date(self, iso: str) -> tuple[RdfNode, RdfNode]:
        """OWL-Time's property and the typed literal for an ISO prefix (a day, a month or a year)."""
        from rdflib import Literal
        from rdflib.namespace import TIME, XSD

        if len(iso) >= 10:
            return TIME.inXSDDate, Literal(iso[:10], datatype=XSD.date)
        if len(iso) == 7:
            return TIME.inXSDgYearMonth, Literal(iso, datatype=XSD.gYearMonth)
        return TIME.inXSDgYear, Literal(iso[:4], datatype=XSD.gYear)

    def time(self, subject: RdfNode, start: str | None, end: str | None, precision: str | None) -> None:
        """``time:hasTime`` an interval with the ends the sentence gives (an open end is left out)."""
        from rdflib import BNode
        from rdflib.namespace import RDF, TIME

        if precision:
            self.out.add((subject, self.fg.datePrecision, self.literal(precision)))
        if not start and not end:
            return
        interval = BNode()
        self.out.add((subject, TIME.hasTime, interval))
        self.out.add((interval, RDF.type, TIME.Interval))
        for link, iso in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
            if iso:
                instant = BNode()
                self.out.add((interval, link, instant))
                self.out.add((instant, RDF.type, TIME.Instant))
                self.out.add((instant, *self.date(iso)))

    def evidence(self, name: str, evidence: Evidence) -> RdfNode:
        subject = self.evidence_at(name, evidence.document_id, evidence.begin, evidence.end, evidence.text)
        for prop, span in ((self.fg.sourceText, evidence.source), (self.fg.targetText, evidence.target)):
            if span is not None:
                self.out.add((subject, prop, self.literal(span.text)))
        return subject

    def evidence_at(self, name: str, document_id: int, begin: int, end: int, sentence: str) -> RdfNode:
        """A sentence quoted from a document, with the character offsets of the evidence in its text."""
        from rdflib.namespace import PROV, RDF

        subject = self.fgid[f"evidence/{name}"]
        self.out.add((subject, RDF.type, self.fg.Evidence))
        self.out.add((subject, PROV.wasQuotedFrom, self.fgid[f"document/{document_id}"]))
        self.out.add((subject, self.oa.start, self.integer(begin)))
        self.out.add((subject, self.oa.end, self.integer(end)))
        self.out.add((subject, self.fg.sentence, self.literal(sentence)))
        return subject

    def document(self, document: Document) -> None:
        from rdflib import Literal, URIRef
        from rdflib.namespace import DCTERMS, RDF

        subject = self.fgid[f"document/{document.id}"]
        self.out.add((subject, RDF.type, self.fg.Document))
        for prop, value in (
            (DCTERMS.title, document.title),
            (DCTERMS.publisher, document.outlet),
            (DCTERMS.creator, document.author),
        ):
            if value:
                self.out.add((subject, prop, self.literal(value)))
        if document.published:
            self.out.add((subject, DCTERMS.issued, self.date(document.published)[1]))
        if document.lang:
            self.out.add((subject, DCTERMS.language, Literal(document.lang)))
        if document.url:
            self.out.add((subject, DCTERMS.source, URIRef(document.url)))

    def vocabulary(self, relation_types: set[str]) -> None:
        """The ``fg:`` classes and properties, declared with a label and a comment, so the file explains itself."""
        from rdflib import Literal
        from rdflib.namespace import PROV, RDF, RDFS

        known = {"prov": PROV, "rdf": RDF, "rdfs": RDFS, "fg": self.fg}
        for name, (parent, comment) in _CLASSES.items():
            prefix, local = parent.split(":")
            self.out.add((self.fg[name], RDF.type, RDFS.Class))
            self.out.add((self.fg[name], RDFS.subClassOf, known[prefix][local]))
            self.out.add((self.fg[name], RDFS.label, Literal(name)))
            self.out.add((self.fg[name], RDFS.comment, Literal(comment)))
        described = {**_PROPERTIES, **{t: f"The relation {t} between two actors." for t in sorted(relation_types)}}
        for name, comment in described.items():
            self.out.add((self.fg[name], RDF.type, RDF.Property))
            self.out.add((self.fg[name], RDFS.label, Literal(name)))
            self.out.add((self.fg[name], RDFS.comment, Literal(comment)))
        for stance in STANCES:
            self.out.add((self.fg[stance], RDF.type, self.fg.Stance))
            self.out.add((self.fg[stance], RDFS.label, Literal(stance)))
