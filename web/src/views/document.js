// The document reader: the article as text, mentions and relation evidence marked, and the sentence
// a quote came from scrolled to and highlighted. The text is data: it only ever becomes text nodes.
import { get } from "../api.js";
import { append, clear, h } from "../dom.js";
import { actorLink, actorTypeKey, emptyState, loading, plural, relationFact, section, typeColored } from "../ui.js";

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Non-overlapping blocks covering the marked parts of the text: the sentences, else the evidence spans. */
function blocksOf(doc, target) {
  if (doc.sentences.length) return [...doc.sentences].sort((a, b) => a.start - b.start);
  const spans = [...doc.relations, ...(target ? [target] : [])].sort((a, b) => a.start - b.start);
  const blocks = [];
  for (const span of spans) {
    const last = blocks[blocks.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else blocks.push({ start: span.start, end: span.end });
  }
  return blocks;
}

/** Appends text[from:to] to parent, with the mentions inside it as links to their actors. */
function fill(parent, text, from, to, mentions) {
  let pos = from;
  for (const m of mentions) {
    if (m.start < pos || m.end > to) continue;
    if (m.start > pos) parent.append(text.slice(pos, m.start));
    const link = h("a", { class: "mention", href: `#/actor/${m.entity.id}`, title: `${m.entity.name} (${m.entity.type})` }, text.slice(m.start, m.end));
    parent.append(typeColored(link, m.entity.type));
    pos = m.end;
  }
  if (pos < to) parent.append(text.slice(pos, to));
}

function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}

export async function renderDocument(root, { params, query, stale }) {
  root.append(loading());
  const doc = await get(`documents/${params[0]}`);
  if (stale()) return;
  document.title = `${doc.title || `Document ${doc.id}`} · factiongraph`;
  const start = Number.parseInt(query.get("start"), 10);
  const end = Number.parseInt(query.get("end"), 10);
  const target = Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
  const text = doc.text || "";
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const sentenceEls = [];

  const body = h("div", { class: "doc-text", dir: "auto", lang: doc.language || null });
  let pos = 0;
  for (const block of blocksOf(doc, target)) {
    if (block.start < pos) continue;
    if (block.start > pos) fill(body, text, pos, block.start, mentions);
    const related = doc.relations.filter((r) => overlaps(r, block));
    const el = h("span", {
      class: ["sentence", related.length && "evidence", target && overlaps(target, block) && "target"],
      dataset: { start: String(block.start), end: String(block.end) },
      title: related.length ? related.map((r) => `${r.source.name} ${r.type} ${r.target.name}`).join("\n") : null,
    });
    fill(el, text, block.start, block.end, mentions);
    body.append(el);
    sentenceEls.push({ block, el });
    pos = block.end;
  }
  if (pos < text.length) fill(body, text, pos, text.length, mentions);

  const flash = (span) => {
    const found = sentenceEls.find((s) => overlaps(s.block, span));
    if (!found) return;
    for (const s of sentenceEls) s.el.classList.remove("target");
    found.el.classList.add("target");
    found.el.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  const actors = new Map();
  for (const m of doc.mentions) {
    const entry = actors.get(m.entity.id) || { entity: m.entity, n: 0 };
    entry.n += 1;
    actors.set(m.entity.id, entry);
  }
  const url = doc.url ? safeUrl(doc.url) : null;
  const targetFound = target && sentenceEls.some((s) => overlaps(s.block, target));

  append(clear(root), [
    h(
      "div",
      { class: "page-head" },
      h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Overview"), ` / document ${doc.id}`),
      h("h1", { dir: "auto" }, doc.title || `Document ${doc.id}`),
      h(
        "p",
        { class: "lede" },
        [doc.published ? `Published ${doc.published}` : "No publication date", doc.language ? `language: ${doc.language}` : null]
          .filter(Boolean)
          .join(" · "),
        url ? [" · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank", class: "external" }, "original")] : null,
      ),
    ),
    target && !targetFound
      ? h("p", { class: "notice", role: "status" }, `The quoted passage (characters ${target.start}–${target.end}) is not in this article's text.`)
      : null,
    h(
      "div",
      { class: "doc-layout" },
      h("article", { class: "card doc" }, text ? body : emptyState("This document has no text")),
      h(
        "aside",
        { class: "doc-side" },
        section(
          "Marks",
          h(
            "ul",
            { class: "legend" },
            actorTypeKey(),
            h("li", {}, h("span", { class: "swatch evidence-swatch" }), "relation evidence"),
            target ? h("li", {}, h("span", { class: "swatch target-swatch" }), "quoted sentence") : null,
          ),
        ),
        section(
          `Actors (${actors.size})`,
          actors.size
            ? h(
                "ul",
                { class: "related" },
                [...actors.values()].sort((a, b) => b.n - a.n).map((a) => h("li", {}, actorLink(a.entity), h("span", { class: "muted small" }, plural(a.n, "mention")))),
              )
            : h("p", { class: "muted small" }, "No actor is mentioned."),
        ),
        section(
          `Relations (${doc.relations.length})`,
          doc.relations.length
            ? h(
                "ol",
                { class: "doc-relations" },
                doc.relations.map((r) =>
                  h(
                    "li",
                    {},
                    relationFact(r),
                    h("button", { type: "button", class: "link-button small", onclick: () => flash(r) }, "show sentence"),
                  ),
                ),
              )
            : h("p", { class: "muted small" }, "No relation was found in this article."),
        ),
      ),
    ),
  ]);
  if (targetFound) {
    requestAnimationFrame(() => root.querySelector(".sentence.target")?.scrollIntoView({ block: "center" }));
  }
}
