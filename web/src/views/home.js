// Overview: what the store holds, the most mentioned actors and the articles.
import { get } from "../api.js";
import { h } from "../dom.js";
import { actorLink, emptyState, loading, nameList, plural, section, typeBadge } from "../ui.js";

export async function renderHome(root) {
  root.append(loading());
  const [stats, actors, documents] = await Promise.all([
    get("stats"),
    get("actors", { limit: 25 }),
    get("documents", { limit: 50 }),
  ]);
  root.replaceChildren();
  if (!stats.documents) {
    root.append(
      emptyState(
        "The store is empty",
        "Ingest some articles first: `factiongraph ingest PATH…`, or build the demo store with `factiongraph demo`.",
      ),
    );
    return;
  }
  const figure = (n, label) => h("div", { class: "stat" }, h("span", { class: "stat-n" }, n.toLocaleString("en")), label);
  root.append(
    h(
      "div",
      { class: "page-head" },
      h("h1", {}, "Overview"),
      h(
        "p",
        { class: "lede" },
        stats.first && stats.last ? `Facts dated from ${stats.first} to ${stats.last}.` : "No dated facts yet.",
      ),
    ),
    h(
      "div",
      { class: "stats" },
      figure(stats.documents, "documents"),
      figure(stats.actors, "actors"),
      figure(stats.relations, "relations"),
      figure(stats.events, "events"),
      figure(stats.claims, "claims"),
    ),
    h(
      "div",
      { class: "columns" },
      section(
        "Most mentioned actors",
        h(
          "table",
          { class: "table" },
          h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, "Type"), h("th", { class: "num" }, "Mentions"))),
          h(
            "tbody",
            {},
            actors.items.map((a) =>
              h(
                "tr",
                {},
                h(
                  "td",
                  {},
                  actorLink(a),
                  a.aliases?.length ? h("div", {}, nameList(a.aliases.slice(0, 4))) : null,
                ),
                h("td", {}, typeBadge(a.type)),
                h("td", { class: "num" }, String(a.mentions ?? "")),
              ),
            ),
          ),
        ),
      ),
      section(
        `Articles (${plural(documents.total, "document")})`,
        h(
          "ul",
          { class: "doclist" },
          documents.items.map((d) =>
            h(
              "li",
              {},
              h("a", { href: `#/document/${d.id}`, dir: "auto" }, d.title || `Document ${d.id}`),
              h("span", { class: "muted" }, [d.published, d.language].filter(Boolean).join(" · ")),
            ),
          ),
        ),
        documents.total > documents.items.length
          ? h("p", { class: "muted small" }, `The first ${documents.items.length} of ${documents.total}; every article is one click from the quotes that cite it.`)
          : null,
      ),
    ),
  );
}
