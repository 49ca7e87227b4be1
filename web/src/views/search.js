// Search results for any name; one clear answer goes straight to the actor.
import { get } from "../api.js";
import { h } from "../dom.js";
import { actorLink, emptyState, loading, nameList, plural, typeBadge } from "../ui.js";

export async function renderSearch(root, { query, stale }) {
  const q = (query.get("q") || "").trim();
  if (!q) {
    root.append(emptyState("Search for an actor", "Type any name or spelling in the search box above: English, Arabic, a kunya or an acronym."));
    return;
  }
  root.append(loading(`Searching for “${q}”…`));
  const page = await get("actors", { q, limit: 50 });
  if (stale()) return;
  const exact = page.items.filter((a) => [a.name, ...(a.aliases || [])].some((n) => n.toLowerCase() === q.toLowerCase()));
  if (page.items.length === 1 || exact.length === 1) {
    location.replace(`#/actor/${(exact[0] || page.items[0]).id}`);
    return;
  }
  root.replaceChildren(
    h("div", { class: "page-head" }, h("h1", {}, "Search ", h("bdi", { class: "query" }, `“${q}”`)), h("p", { class: "lede" }, plural(page.total, "actor"))),
  );
  if (!page.items.length) {
    root.append(emptyState(`No actor is called “${q}”`, "Try another spelling, an acronym (HTS, SDF) or the Arabic name."));
    return;
  }
  root.append(
    h(
      "ul",
      { class: "results card" },
      page.items.map((a) =>
        h(
          "li",
          {},
          actorLink(a),
          typeBadge(a.type),
          h("span", { class: "muted" }, plural(a.mentions || 0, "mention")),
          nameList(a.aliases || [], { class: "aliases block" }),
        ),
      ),
    ),
  );
}
