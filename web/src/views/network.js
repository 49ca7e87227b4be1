// The network in a time window: cytoscape over /api/graph; an edge opens its quotes, a node its actor.
import cytoscape from "cytoscape";
import { get } from "../api.js";
import { append, clear, h } from "../dom.js";
import { timeWindow } from "../timewindow.js";
import {
  actorLink,
  actorTypeColor,
  actorTypeKey,
  colorBox,
  dateCell,
  emptyState,
  errorState,
  loading,
  overlayState,
  plural,
  quote,
  relationBadge,
  relationColor,
  vocab,
} from "../ui.js";

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": (n) => actorTypeColor(n.data("type")),
      label: "data(name)",
      color: "#0f172a",
      "font-size": 11,
      "font-family": "system-ui, DejaVu Sans, sans-serif",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": 130,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": 2,
      width: "data(size)",
      height: "data(size)",
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  { selector: "node[type = 'Location']", style: { shape: "round-diamond" } },
  { selector: "node[type = 'Person']", style: { shape: "ellipse" } },
  { selector: "node[type = 'Organisation']", style: { shape: "round-rectangle" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "data(color)",
      "target-arrow-color": "data(color)",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.9,
      "curve-style": "bezier",
      opacity: 0.85,
    },
  },
  { selector: "edge:selected", style: { opacity: 1, "underlay-color": "#facc15", "underlay-opacity": 0.6, "underlay-padding": 4 } },
  { selector: "node:selected", style: { "border-color": "#facc15", "border-width": 4 } },
  { selector: ".faded", style: { opacity: 0.15 } },
];

export async function renderNetwork(root, { query, stale }) {
  const focus = query.get("focus");
  root.append(loading());
  const stats = await get("stats");
  if (stale()) return;
  root.replaceChildren();

  // The incidental types (co-location links every actor to every place of a sentence) bury the rest: off at first.
  const offByDefault = new Set(vocab.relationGroups.incidental);
  const types = new Set(vocab.relationTypes.map((r) => r.name).filter((t) => !offByDefault.has(t)));
  const status = h("p", { class: "status", "aria-live": "polite" });
  const canvas = h("div", { class: "cy", id: "cy" });
  const overlay = h("div", { class: "cy-overlay", hidden: true });
  const panel = h("aside", { class: "panel", "aria-live": "polite" });
  let cy = null;
  let asked = 0;
  let window_ = {};

  const linkRow = (edge) => {
    const d = edge.data();
    return h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "link-row",
          onclick: () => pickEdge(edge),
        },
        h("bdi", {}, d.sourceName),
        " ",
        relationBadge(d.type),
        " ",
        h("bdi", {}, d.targetName),
        h("span", { class: "count" }, String(d.count)),
      ),
    );
  };

  // The actor brought into focus (#/network?focus=ID, from its page) when the graph drawn has it, else null.
  const focusNode = () => {
    const node = focus ? cy.getElementById(focus) : null;
    return node && node.nonempty() ? node : null;
  };
  const fadeAround = (node) => cy.elements().not(node.closedNeighborhood()).addClass("faded");

  // The focused actor: its neighbourhood, and its links listed.
  const showFocus = (node) => {
    const links = node.connectedEdges().sort((a, b) => b.data("count") - a.data("count"));
    fadeAround(node);
    node.select();
    cy.fit(node.closedNeighborhood(), 60);
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center(node.closedNeighborhood());
    }
    panel.replaceChildren(
      h(
        "div",
        { class: "panel-head" },
        h("h2", {}, "Actor"),
        h("p", {}, actorLink({ id: node.id(), name: node.data("name"), type: node.data("type") })),
        h("p", { class: "muted small" }, `${plural(links.length, "link")} in this window · `, h("a", { href: "#/network" }, "whole network")),
      ),
      h("ol", { class: "top-links" }, links.map(linkRow)),
    );
  };

  // Without a selection the panel lists the links said most often: a way in that needs no canvas.
  const idle = () => {
    const top = cy ? cy.edges().sort((a, b) => b.data("count") - a.data("count")).slice(0, 12) : [];
    // dom.js's append, as h() does, skips the null of an empty list (replaceChildren would write it as "null").
    append(clear(panel), [
      h("h2", {}, "Links"),
      h("p", { class: "muted small" }, "Click a line to read the sentences that say it; click an actor to open its page."),
      h("ul", { class: "legend" }, actorTypeKey()),
      top.length ? [h("h2", { class: "panel-sub" }, "Said most often"), h("ol", { class: "top-links" }, top.map(linkRow))] : null,
    ]);
  };

  const showEdge = async (edge) => {
    const d = edge.data();
    const head = h(
      "div",
      { class: "panel-head" },
      h("h2", {}, "Link"),
      h(
        "p",
        { class: "fact" },
        actorLink({ id: d.source, name: d.sourceName, type: d.sourceType }),
        " ",
        relationBadge(d.type),
        " ",
        actorLink({ id: d.target, name: d.targetName, type: d.targetType }),
      ),
      h("p", { class: "muted small" }, plural(d.count, "sentence"), d.first ? ` · ${d.first}${d.last && d.last !== d.first ? ` – ${d.last}` : ""}` : ""),
    );
    panel.replaceChildren(head, loading("Loading quotes…"));
    try {
      const page = await get("relations", { source: d.source, target: d.target, type: d.type, ...window_, limit: 100 });
      if (cy === null || !edge.selected()) return;
      const list = h(
        "ol",
        { class: "quotes" },
        page.items.map((r) => h("li", {}, dateCell(r), quote(r.evidence))),
      );
      panel.replaceChildren(head, page.items.length ? list : emptyState("No quote in this window"));
      if (page.total > page.items.length) panel.append(h("p", { class: "muted small" }, `and ${page.total - page.items.length} more`));
    } catch (error) {
      panel.replaceChildren(head, errorState(error));
    }
  };

  // An edge picked, by its line or by its row in the panel: selected alone, its quotes in the panel.
  const pickEdge = (edge) => {
    cy.elements().unselect();
    edge.select();
    showEdge(edge);
  };

  const load = async () => {
    const ask = ++asked;
    status.textContent = "Loading…";
    canvas.classList.add("busy");
    let graph;
    try {
      // No type ticked is no link; the API reads an empty list as every type.
      graph = types.size
        ? await get("graph", { ...window_, types: [...types], limit: 100, max_edges: 300 })
        : { nodes: [], edges: [] };
    } catch (error) {
      if (ask !== asked) return;
      status.textContent = "";
      overlayState(overlay, errorState(error));
      return;
    } finally {
      canvas.classList.remove("busy");
    }
    if (ask !== asked || stale()) return;
    // Actors whose links all fell outside the kept edges would float alone: leave them out.
    const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
    const nodes = graph.nodes.filter((n) => linked.has(n.id));
    const names = new Map(nodes.map((n) => [n.id, n]));
    const edges = graph.edges.filter((e) => names.has(e.source) && names.has(e.target));
    // Sizes are relative to this view, so a store with thousands of links draws like a small one.
    const maxDegree = Math.max(1, ...nodes.map((n) => n.degree || 1));
    const maxCount = Math.max(1, ...edges.map((e) => e.count));
    const elements = [
      ...nodes.map((n) => ({
        group: "nodes",
        data: { ...n, id: String(n.id), size: 14 + 22 * Math.sqrt((n.degree || 1) / maxDegree) },
      })),
      ...edges.map((e) => ({
        group: "edges",
        data: {
          ...e,
          id: `e:${e.id}`,
          source: String(e.source),
          target: String(e.target),
          color: relationColor(e.type),
          width: 1.5 + 5 * Math.sqrt(e.count / maxCount),
          sourceName: names.get(e.source).name,
          sourceType: names.get(e.source).type,
          targetName: names.get(e.target).name,
          targetType: names.get(e.target).type,
        },
      })),
    ];
    const totalNodes = graph.total_nodes ?? graph.nodes.length;
    const totalEdges = graph.total_edges ?? graph.edges.length;
    status.textContent = `${plural(nodes.length, "actor")} · ${plural(edges.length, "link")}`;
    if (totalNodes > nodes.length || totalEdges > edges.length) {
      status.textContent += `, the most connected and most often said of ${plural(totalNodes, "actor")} and ${plural(totalEdges, "link")} in this window`;
    }
    status.dataset.nodes = String(nodes.length);
    status.dataset.edges = String(edges.length);
    overlayState(overlay, nodes.length ? null : emptyState("No relation in this window", "Widen the time window or tick more relation types."));
    cy.elements().remove();
    cy.add(elements);
    cy.layout({
      name: "cose",
      animate: false,
      // Lay out in the canvas's own shape, so the fitted graph fills it and labels stay readable.
      boundingBox: { x1: 0, y1: 0, w: canvas.clientWidth || 800, h: canvas.clientHeight || 600 },
      randomize: true,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 65,
      nodeOverlap: 12,
      componentSpacing: 40,
      gravity: 1.5,
      padding: 30,
    }).run();
    cy.fit(undefined, 30);
    const focused = focusNode();
    if (focused) showFocus(focused);
    else if (focus) {
      idle();
      panel.prepend(h("p", { class: "notice small" }, "The actor asked for has no link in this window and with these types."));
    } else idle();
  };

  const slider = timeWindow(stats, (value) => {
    window_ = value;
    load();
  });

  const checks = h(
    "fieldset",
    { class: "types" },
    h("legend", {}, "Relation types"),
    vocab.relationTypes.map((r) =>
      h(
        "label",
        { class: "check" },
        h("input", {
          type: "checkbox",
          value: r.name,
          checked: types.has(r.name),
          onchange: (event) => {
            if (event.target.checked) types.add(r.name);
            else types.delete(r.name);
            load();
          },
        }),
        colorBox(r.color),
        r.label,
      ),
    ),
  );

  root.append(
    h(
      "div",
      { class: "page-head compact" },
      h("h1", {}, "Network"),
      slider.element,
    ),
    h("div", { class: "network" }, h("div", { class: "network-side" }, checks, status), h("div", { class: "cy-wrap" }, canvas, overlay), panel),
  );

  cy = cytoscape({
    container: canvas,
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 3,
    selectionType: "single",
  });
  cy.on("tap", "edge", (event) => pickEdge(event.target));
  cy.on("tap", "node", (event) => {
    location.hash = `#/actor/${event.target.id()}`;
  });
  cy.on("tap", (event) => {
    if (event.target === cy) idle();
  });
  cy.on("mouseover", "node", (event) => fadeAround(event.target));
  cy.on("mouseout", "node", () => {
    cy.elements().removeClass("faded");
    const focused = focusNode();
    if (focused) fadeAround(focused);
  });
  idle();
  await load();
  return () => {
    cy.destroy();
    cy = null;
  };
}
