// One actor: its names, coalition, commanders, territory, and everything about it on one timeline.
import { get } from "../api.js";
import { h } from "../dom.js";
import {
  actorLink,
  actorList,
  byDate,
  claimFact,
  documentHref,
  emptyState,
  hasArabic,
  itemDate,
  kindBadge,
  loading,
  plural,
  relationFact,
  section,
  timelineEntry,
  typeBadge,
} from "../ui.js";

/**
 * Items grouped by the actor at their other end, with the span of their dates; given the knowledge base's
 * entries (`kb`, from the actor's `knowledge_base`), those join the group of the same actor, or make one of
 * their own (by KB id when that actor is not in the store). Groups said in articles come first.
 */
function groupByOther(items, end, kb = []) {
  const groups = new Map();
  const group = (key, actor, name) => {
    if (!groups.has(key)) groups.set(key, { actor, name, items: [], kb: [] });
    return groups.get(key);
  };
  for (const item of items) {
    const other = item[end];
    group(`a${other.id}`, other, other.name).items.push(item);
  }
  for (const entry of kb) {
    const other = entry[end];
    (other ? group(`a${other.id}`, other, other.name) : group(`kb:${entry.kb_id}`, null, entry.name)).kb.push(entry);
  }
  const rank = (g) => (g.items.length ? 0 : g.actor ? 1 : 2);
  return [...groups.values()]
    .map((g, i) => {
      g.items.sort(byDate);
      g.order = i;
      return g;
    })
    .sort((a, b) => rank(a) - rank(b) || a.order - b.order);
}

/** The actor's knowledge-base entries of a type: from it (`source` is the actor) or to it (`target` is). */
function kbEntries(actor, types, end) {
  return (actor.knowledge_base || []).filter((e) => types.includes(e.type) && e[end]?.id === actor.id);
}

/** A KB entry's dates as said: "2017-10 – 2025-01", "since 2019-10", "until 2023", or nothing. */
function kbDates(entry) {
  if (entry.start && entry.end) return entry.start === entry.end ? entry.start : `${entry.start} – ${entry.end}`;
  if (entry.start) return `since ${entry.start}`;
  if (entry.end) return `until ${entry.end}`;
  return null;
}

/** The knowledge base's word on a group: a badge and its dates (no quote: no article says it). */
function kbMark(entries) {
  if (!entries.length) return null;
  const dates = entries.map(kbDates).filter(Boolean);
  return [
    h("span", { class: "badge kb-badge", title: "From the actor knowledge base, not from an article" }, "knowledge base"),
    dates.length ? h("span", { class: "date small kb-dates" }, dates.join(", ")) : null,
  ];
}

/** The knowledge base's notes on a group, on a line of their own. */
function kbNote(entries) {
  const notes = [...new Set(entries.map((e) => e.note).filter(Boolean))];
  return notes.length ? h("span", { class: "kb-note small", dir: "auto" }, notes.join("; ")) : null;
}

/** The other end of a group: a link to its page, or its KB name when it is not in the store. */
function otherEnd(g) {
  if (g.actor) return actorLink(g.actor);
  return h("span", { class: "kb-name", dir: "auto", title: "In the knowledge base; not found in any article" }, g.name);
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
    .map((g) =>
      h(
        "li",
        { class: g.kb.length ? "from-kb" : null },
        otherEnd(g),
        g.items.length
          ? [
              h("span", { class: "date small" }, spanOf(g.items)),
              sourceLinks(g.items),
              g.kb.length ? h("span", { class: "kb-line" }, kbMark(g.kb)) : null,
            ]
          : kbMark(g.kb),
        kbNote(g.kb),
      ),
    );
  if (groups.length > MAX_GROUPS) items.push(h("li", { class: "muted small" }, `and ${groups.length - MAX_GROUPS} more`));
  return items;
}

function relatedList(groups, empty) {
  if (!groups.length) return h("p", { class: "muted small" }, empty);
  return h("ul", { class: "related" }, groupItems(groups));
}

/** The actor's KB alliances, either way, one line per ally. */
function allies(actor) {
  const entries = [
    ...kbEntries(actor, ["AlliesOf"], "source").map((e) => ({ ...e, other: e.target })),
    ...kbEntries(actor, ["AlliesOf"], "target").map((e) => ({ ...e, other: e.source })),
  ];
  return groupByOther([], "other", entries);
}

function coalitionTree(actor) {
  const parents = groupByOther(actor.affiliations, "target", kbEntries(actor, ["BelongsTo"], "source"));
  const members = groupByOther(actor.members, "source", kbEntries(actor, ["BelongsTo"], "target"));
  const allied = allies(actor);
  if (!parents.length && !members.length && !allied.length) {
    return h("p", { class: "muted small" }, "No affiliation or member is recorded for this actor.");
  }
  return h(
    "div",
    {},
    parents.length || members.length
      ? h(
          "div",
          { class: "tree" },
          parents.length ? h("ul", { class: "tree-up" }, groupItems(parents)) : null,
          h("div", { class: ["tree-self", parents.length && "has-up"] }, h("strong", { dir: "auto" }, actor.name)),
          members.length ? h("ul", { class: "tree-down" }, groupItems(members)) : null,
        )
      : null,
    allied.length ? [h("h4", {}, "Allied with"), h("ul", { class: "related" }, groupItems(allied))] : null,
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
  if (kind === "relation") return relationFact(item);
  if (kind === "claim") return claimFact(item);
  return h(
    "span",
    { class: "fact" },
    kindBadge(item.type, "event"),
    " ",
    item.actors.length ? actorList(item.actors) : h("span", { class: "muted" }, "no named actor"),
    item.place ? [" in ", actorLink(item.place)] : null,
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
      list.append(timelineEntry(entry.kind, entry.item, describe(entry)));
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
  const coalitionKb = (actor.knowledge_base || []).filter((e) => e.type === "BelongsTo" || e.type === "AlliesOf");
  const commanders = groupByOther(actor.commanders, "source", kbEntries(actor, ["InChargeOf"], "target"));
  const commands = groupByOther(actor.commands, "target", kbEntries(actor, ["InChargeOf"], "source"));
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
        actor.names.map((name) => h("li", { dir: "auto", class: hasArabic(name) ? "rtl" : null }, name)),
      ),
    ),
    h(
      "div",
      { class: "actor-grid" },
      h(
        "aside",
        { class: "actor-side" },
        !place || actor.affiliations.length || actor.members.length || coalitionKb.length
          ? section("Coalition", coalitionTree(actor))
          : null,
        !place || commanders.length ? section("Commanders", relatedList(commanders, "No commander is recorded.")) : null,
        commands.length ? section("Commands", relatedList(commands, "")) : null,
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
