// Pieces every view shares: links to actors and documents, quotes, dates, colours, states.
import { get } from "./api.js";
import { h } from "./dom.js";

// The vocabularies as the server defines them (factiongraph/vocab.py, served at /api/meta): relation
// types, actor types and stances, each {name, label, color} in legend order, and the named groups of
// relation types. loadVocab() fills them once, before the first view renders.
export const vocab = { relationTypes: [], actorTypes: [], stances: [], relationGroups: {} };
const index = { relationTypes: new Map(), actorTypes: new Map(), stances: new Map() };
const FALLBACK_COLORS = ["#0f766e", "#a16207", "#4338ca", "#be123c", "#15803d"];

export async function loadVocab() {
  const meta = await get("meta");
  Object.assign(vocab, {
    relationTypes: meta.relation_types,
    actorTypes: meta.actor_types,
    stances: meta.stances,
    relationGroups: meta.relation_groups,
  });
  for (const key of Object.keys(index)) index[key] = new Map(vocab[key].map((term) => [term.name, term]));
}

export function relationColor(type) {
  const known = index.relationTypes.get(type);
  if (known) return known.color;
  let hash = 0;
  for (const ch of String(type)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length];
}

export function relationLabel(type) {
  return index.relationTypes.get(type)?.label || String(type);
}

/** An actor type's colour, as /api/meta serves it. */
export function actorTypeColor(type) {
  return index.actorTypes.get(type)?.color || "#475569";
}

/** A legend's entries for the actor types: a swatch and the type's label each. */
export function actorTypeKey() {
  return vocab.actorTypes.map((t) => h("li", {}, colorBox(t.color), t.label));
}

export function stanceColor(stance) {
  return index.stances.get(stance)?.color || "#475569";
}

/** The element, with its actor type's colour as --type-color: style.css colours links and mentions by it. */
export function typeColored(el, type) {
  el.style.setProperty("--type-color", actorTypeColor(type));
  return el;
}

export function colorBox(color) {
  const box = h("span", { class: "swatch", "aria-hidden": "true" });
  box.style.background = color;
  return box;
}

export function relationBadge(type) {
  const badge = h("span", { class: "badge relation", title: type }, relationLabel(type));
  badge.style.setProperty("--badge", relationColor(type));
  return badge;
}

export function stanceBadge(stance) {
  const badge = h("span", { class: "badge stance", title: `stance: ${stance}` }, stance);
  badge.style.setProperty("--badge", stanceColor(stance));
  return badge;
}

export function kindBadge(text, kind) {
  return h("span", { class: `badge kind kind-${kind}` }, text);
}

export function typeBadge(type) {
  return h("span", { class: "type" }, type || "unknown");
}

export function actorLink(ref, props = {}) {
  if (!ref) return h("span", { class: "muted" }, "unknown");
  return typeColored(h("a", { href: `#/actor/${ref.id}`, class: "actor", dir: "auto", title: ref.type, ...props }, ref.name), ref.type);
}

/** Actors one after another, joined by commas. */
export function actorList(actors) {
  return actors.flatMap((actor, i) => [i ? ", " : "", actorLink(actor)]);
}

/** A relation as a line: its source, its type and its target. */
export function relationFact(relation) {
  return h("span", { class: "fact" }, actorLink(relation.source), " ", relationBadge(relation.type), " ", actorLink(relation.target));
}

/** A claim as a line: who says it (a linked actor, else the source as written), how firmly, and what. */
export function claimFact(claim) {
  const speaker = claim.speaker
    ? actorLink(claim.speaker)
    : h("span", { class: "speaker-text", dir: "auto" }, claim.speaker_text || "unnamed source");
  return h(
    "span",
    { class: "fact" },
    kindBadge("claim", "claim"),
    " ",
    speaker,
    " ",
    stanceBadge(claim.stance),
    " ",
    h("span", { class: "claim-content", dir: "auto" }, claim.content),
  );
}

/** A timeline entry: the item's date beside what it says (`fact`) and the quote it rests on. */
export function timelineEntry(kind, item, fact) {
  return h(
    "li",
    { class: ["entry", `entry-${kind}`] },
    h("div", { class: "entry-date" }, dateCell(item)),
    h("div", { class: "entry-body" }, fact, quote(item.evidence)),
  );
}

export function documentHref(evidence) {
  const params = new URLSearchParams({ start: evidence.start, end: evidence.end });
  return `#/document/${evidence.document_id}?${params}`;
}

/** The sentence that says a fact, as a link to the reader at that sentence, with its source. */
export function quote(evidence) {
  if (!evidence) return null;
  const source = [evidence.title || `Document ${evidence.document_id}`, evidence.published].filter(Boolean).join(" · ");
  return h(
    "a",
    { class: "quote", href: documentHref(evidence), title: "Open the article at this sentence" },
    h("span", { class: "quote-text", dir: "auto" }, evidence.sentence.trim()),
    h("span", { class: "quote-source", dir: "auto" }, source),
  );
}

/** The date of an item as shown: its own date, else its article's publication date marked "pub.". */
export function itemDate(item) {
  if (item.when) return { text: formatWhen(item.when), sort: item.start || item.when.split("/")[0], published: false };
  const published = item.evidence?.published;
  if (published) return { text: published, sort: published, published: true };
  return { text: "undated", sort: null, published: false };
}

function formatWhen(when) {
  if (!when) return "";
  if (!when.includes("/")) return when;
  const [start, end] = when.split("/");
  return `${start === ".." ? "…" : start} – ${end === ".." ? "now" : end}`;
}

export function dateCell(item) {
  const date = itemDate(item);
  return h(
    "span",
    { class: ["date", date.published && "published"], title: date.published ? "undated: publication date" : null },
    date.published ? h("span", { class: "pub" }, "pub.") : null,
    date.text,
  );
}

/** Compare two items by date: dated first in order, undated last. */
export function byDate(a, b) {
  const da = itemDate(a).sort;
  const db = itemDate(b).sort;
  if (da === db) return 0;
  if (da === null) return 1;
  if (db === null) return -1;
  return da < db ? -1 : 1;
}

const ARABIC = /[\u0600-\u06FF]/;

/** Whether a text has Arabic letters in it. */
export function hasArabic(text) {
  return ARABIC.test(text);
}

/** Names in several scripts on one line, each isolated so Arabic ones keep their own direction. */
export function nameList(names, props = {}) {
  return h(
    "span",
    { class: "aliases", dir: "auto", ...props },
    names.flatMap((name, i) => [i ? " · " : null, h("bdi", {}, name)]),
  );
}

export function emptyState(title, text, ...actions) {
  return h("div", { class: "empty" }, h("p", { class: "empty-title" }, title), text ? h("p", {}, text) : null, ...actions);
}

export function errorState(error) {
  const status = error && error.status ? `Error ${error.status}` : "Something went wrong";
  const details = (error && error.details) || [];
  return h(
    "div",
    { class: "error", role: "alert" },
    h("p", { class: "error-title" }, status),
    h("p", {}, (error && error.message) || String(error)),
    details.length
      ? h("ul", {}, details.map((d) => h("li", {}, typeof d === "string" ? d : JSON.stringify(d))))
      : null,
  );
}

/** Shows a state (an error, an empty answer) over a drawing; given none, hides the overlay. */
export function overlayState(overlay, state) {
  if (state) overlay.replaceChildren(state);
  overlay.hidden = !state;
}

export function loading(text = "Loading…") {
  return h("div", { class: "loading", "aria-live": "polite" }, h("span", { class: "spinner" }), text);
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
