// One actor: its names, coalition, commanders, territory, and everything about it on one timeline.
import { get } from "../api.js";
import { h } from "../dom.js";
import {
  actorLink,
  byDate,
  dateCell,
  documentHref,
  emptyState,
  itemDate,
  kindBadge,
  loading,
  plural,
  quote,
  relationBadge,
  section,
  stanceBadge,
  typeBadge,
} from "../ui.js";

/** Items grouped by the actor at their other end, with the span of their dates. */
function groupByOther(items, end) {
  const groups = new Map();
  for (const item of items) {
    const other = item[end];
    if (!groups.has(other.id)) groups.set(other.id, { actor: other, items: [] });
    groups.get(other.id).items.push(item);
  }
  return [...groups.values()].map((g) => {
    g.items.sort(byDate);
    return g;
  });
}

function spanOf(items) {
  const dates = items.map((i) => itemDate(i)).filter((d) => d.sort);
  if (!dates.length) return "undated";
  const first = dates[0].text;
  const last = dates[dates.length - 1].text;
  return first === last ? first : `${first} … ${last}`;
}

const MAX_SOURCES = 5;
const MAX_GROUPS = 15;

function sourceLinks(items) {
  const shown = items.slice(0, MAX_SOURCES);
  return h(
    "span",
    { class: "sources" },
    shown.map((item, i) =>
      h("a", { href: documentHref(item.evidence), class: "source-link", title: item.evidence.sentence }, `[${i + 1}]`),
    ),
    items.length > shown.length ? h("span", { class: "source-link" }, `+${items.length - shown.length}`) : null,
  );
}

/** The first groups as list items, and a line saying how many more there are. */
function groupItems(groups) {
  const items = groups
    .slice(0, MAX_GROUPS)
    .map((g) => h("li", {}, actorLink(g.actor), h("span", { class: "date small" }, spanOf(g.items)), sourceLinks(g.items)));
  if (groups.length > MAX_GROUPS) items.push(h("li", { class: "muted small" }, `and ${groups.length - MAX_GROUPS} more`));
  return items;
}

function relatedList(groups, empty) {
  if (!groups.length) return h("p", { class: "muted small" }, empty);
  return h("ul", { class: "related" }, groupItems(groups));
}

function coalitionTree(actor) {
  const parents = groupByOther(actor.affiliations, "target");
  const members = groupByOther(actor.members, "source");
  if (!parents.length && !members.length) {
    return h("p", { class: "muted small" }, "No affiliation or member is recorded for this actor.");
  }
  return h(
    "div",
    { class: "tree" },
    parents.length
      ? h("ul", { class: "tree-up" }, groupItems(parents))
      : null,
    h("div", { class: ["tree-self", parents.length && "has-up"] }, h("strong", { dir: "auto" }, actor.name)),
    members.length
      ? h("ul", { class: "tree-down" }, groupItems(members))
      : null,
  );
}

function territory(items) {
  if (!items.length) return h("p", { class: "muted small" }, "No place is recorded as held by this actor.");
  const groups = groupByOther(items, "target").sort((a, b) => byDate(a.items[0], b.items[0]));
  return h(
    "ol",
    { class: "territory" },
    groups
      .slice(0, MAX_GROUPS)
      .map((g) => h("li", {}, h("span", { class: "date small" }, spanOf(g.items)), actorLink(g.actor), sourceLinks(g.items))),
    groups.length > MAX_GROUPS ? h("li", { class: "muted small" }, `and ${groups.length - MAX_GROUPS} more places`) : null,
  );
}

function describe(entry) {
  const { kind, item } = entry;
  if (kind === "relation") {
    return h("span", { class: "fact" }, actorLink(item.source), " ", relationBadge(item.type), " ", actorLink(item.target));
  }
  if (kind === "event") {
    return h(
      "span",
      { class: "fact" },
      kindBadge(item.type, "event"),
      " ",
      item.actors.length ? item.actors.flatMap((a, i) => [i ? ", " : "", actorLink(a)]) : h("span", { class: "muted" }, "no named actor"),
      item.place ? [" in ", actorLink(item.place)] : null,
    );
  }
  const speaker = item.speaker ? actorLink(item.speaker) : h("span", { class: "speaker-text", dir: "auto" }, item.speaker_text || "unnamed source");
  return h(
    "span",
    { class: "fact" },
    kindBadge("claim", "claim"),
    " ",
    speaker,
    " ",
    stanceBadge(item.stance),
    " ",
    h("span", { class: "claim-content", dir: "auto" }, item.content),
  );
}

function timeline(actor) {
  const claims = new Map([...actor.claims_about, ...actor.claims_by].map((c) => [c.id, c]));
  const entries = [
    ...actor.relations.map((item) => ({ kind: "relation", item })),
    ...actor.events.map((item) => ({ kind: "event", item })),
    ...[...claims.values()].map((item) => ({ kind: "claim", item })),
  ].sort((a, b) => byDate(a.item, b.item));
  const counts = { relation: actor.relations.length, event: actor.events.length, claim: claims.size };
  const totals = actor.totals || {};
  const capped = [
    ["relations", actor.relations.length, totals.relations],
    ["events", actor.events.length, totals.events],
    ["claims about it", actor.claims_about.length, totals.claims_about],
    ["claims by it", actor.claims_by.length, totals.claims_by],
  ].filter(([, shown, total]) => total > shown);
  const shown = new Set(["relation", "event", "claim"]);
  const list = h("ol", { class: "timeline" });

  const paint = () => {
    list.replaceChildren();
    let year = null;
    for (const entry of entries) {
      if (!shown.has(entry.kind)) continue;
      const date = itemDate(entry.item);
      const entryYear = date.sort ? date.sort.slice(0, 4) : "Undated";
      if (entryYear !== year) {
        year = entryYear;
        list.append(h("li", { class: "year" }, year));
      }
      list.append(
        h(
          "li",
          { class: ["entry", `entry-${entry.kind}`] },
          h("div", { class: "entry-date" }, dateCell(entry.item)),
          h("div", { class: "entry-body" }, describe(entry), quote(entry.item.evidence)),
        ),
      );
    }
    if (!list.children.length) list.append(h("li", { class: "muted" }, "Nothing to show with these filters."));
  };
  const toggle = (kind, label) =>
    h(
      "label",
      { class: "check" },
      h("input", {
        type: "checkbox",
        checked: true,
        onchange: (event) => {
          if (event.target.checked) shown.add(kind);
          else shown.delete(kind);
          paint();
        },
      }),
      `${label} (${counts[kind]})`,
    );
  if (!entries.length) {
    return section("Timeline", emptyState("Nothing dated yet", "No relation, event or claim mentions this actor."));
  }
  paint();
  return h(
    "section",
    { class: "card" },
    h(
      "div",
      { class: "card-head" },
      h("h2", {}, "Timeline"),
      h("div", { class: "filters" }, toggle("relation", "Relations"), toggle("event", "Events"), toggle("claim", "Claims")),
    ),
    capped.length
      ? h(
          "p",
          { class: "notice small" },
          "The oldest first: ",
          capped.map(([what, shown, total]) => `${shown} of ${total.toLocaleString("en")} ${what}`).join(", "),
          ".",
        )
      : null,
    list,
  );
}

export async function renderActor(root, { params, stale }) {
  root.append(loading());
  const actor = await get(`actors/${params[0]}`);
  if (stale()) return;
  const place = actor.type === "Location";
  document.title = `${actor.name} · factiongraph`;
  root.replaceChildren(
    h(
      "div",
      { class: "page-head" },
      h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Overview"), " / actor"),
      h("h1", { dir: "auto" }, actor.name, " ", typeBadge(actor.type)),
      h(
        "p",
        { class: "lede" },
        actor.kb_id ? h("span", { class: "kb" }, `KB ${actor.kb_id}`) : h("span", { class: "muted" }, "not in the knowledge base"),
        " · ",
        plural(actor.totals?.relations ?? actor.relations.length, "relation"),
        " · ",
        plural(actor.totals?.events ?? actor.events.length, "event"),
        " · ",
        h("a", { href: `#/network?focus=${actor.id}` }, "In the network →"),
        " · ",
        h("a", { href: `#/pair/${actor.id}` }, "Compare with another actor →"),
      ),
      h(
        "ul",
        { class: "names", "aria-label": "Names" },
        actor.names.map((name) => h("li", { dir: "auto", class: /[\u0600-\u06FF]/.test(name) ? "rtl" : null }, name)),
      ),
    ),
    h(
      "div",
      { class: "actor-grid" },
      h(
        "aside",
        { class: "actor-side" },
        !place || actor.affiliations.length || actor.members.length ? section("Coalition", coalitionTree(actor)) : null,
        !place || actor.commanders.length
          ? section("Commanders", relatedList(groupByOther(actor.commanders, "source"), "No commander is recorded."))
          : null,
        actor.commands.length ? section("Commands", relatedList(groupByOther(actor.commands, "target"), "")) : null,
        place
          ? section(
              "Held by",
              relatedList(
                groupByOther(actor.relations.filter((r) => r.type === "Controls" && r.target.id === actor.id), "source"),
                "No actor is recorded as holding this place.",
              ),
            )
          : section("Territory held", territory(actor.territory)),
      ),
      h("div", { class: "actor-main" }, timeline(actor)),
    ),
  );
}
