// Two actors over time: their relations coloured by type, and the claims about them with stances.
import { get } from "../api.js";
import { h } from "../dom.js";
import { actorPicker } from "../picker.js";
import { timeWindow } from "../timewindow.js";
import {
  actorLink,
  byDate,
  claimFact,
  colorBox,
  emptyState,
  errorState,
  itemDate,
  loading,
  plural,
  relationColor,
  relationFact,
  relationLabel,
  stanceColor,
  timelineEntry,
  vocab,
} from "../ui.js";

function monthValue(date) {
  const [y, m = 1, d = 1] = date.split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** A strip with a year axis: relations as coloured marks above it, claims as marks below. */
function strip(relations, claims) {
  const dated = [...relations, ...claims].map((i) => itemDate(i)).filter((d) => d.sort);
  if (!dated.length) return null;
  const values = dated.map((d) => monthValue(d.sort));
  const lo = Math.floor(Math.min(...values));
  const hi = Math.max(Math.ceil(Math.max(...values)), lo + 1);
  const at = (value) => `${((value - lo) / (hi - lo)) * 100}%`;
  const mark = (item, cls, color, label) => {
    const date = itemDate(item);
    if (!date.sort) return null;
    const el = h("span", { class: ["mark", cls], title: `${date.text}: ${label}` });
    el.style.left = at(monthValue(date.sort));
    el.style.setProperty("--c", color);
    return el;
  };
  const step = Math.max(1, Math.ceil((hi - lo) / 12));
  const ticks = [];
  for (let year = lo; year <= hi; year += step) {
    const tick = h("span", { class: "tick" }, String(year));
    tick.style.left = at(year);
    ticks.push(tick);
  }
  return h(
    "div",
    { class: "strip", "aria-label": "Timeline overview" },
    h("div", { class: "strip-row" }, relations.map((r) => mark(r, "mark-relation", relationColor(r.type), `${r.source.name} ${relationLabel(r.type)} ${r.target.name}`))),
    h("div", { class: "strip-axis" }, ticks),
    h("div", { class: "strip-row claims" }, claims.map((c) => mark(c, "mark-claim", stanceColor(c.stance), `${c.stance}: ${c.content}`))),
  );
}

function legend(relations, claims) {
  const counts = new Map();
  for (const r of relations) counts.set(r.type, (counts.get(r.type) || 0) + 1);
  const stances = new Map();
  for (const c of claims) stances.set(c.stance, (stances.get(c.stance) || 0) + 1);
  return h(
    "div",
    { class: "legend-row" },
    h(
      "ul",
      { class: "legend" },
      h("li", { class: "legend-title" }, "Relations"),
      [...counts].map(([type, n]) => h("li", {}, colorBox(relationColor(type)), `${relationLabel(type)} (${n})`)),
    ),
    h(
      "ul",
      { class: "legend" },
      h("li", { class: "legend-title" }, "Claim stances"),
      vocab.stances.map((s) => h("li", { class: stances.has(s.name) ? null : "absent" }, colorBox(s.color), `${s.label} (${stances.get(s.name) || 0})`)),
    ),
  );
}

function entry(kind, item) {
  const relation = kind === "relation";
  const li = timelineEntry(kind, item, relation ? relationFact(item) : claimFact(item));
  li.classList.add("coloured");
  li.style.setProperty("--c", relation ? relationColor(item.type) : stanceColor(item.stance));
  return li;
}

export async function renderPair(root, { params, query, stale }) {
  const [a, b] = params.map((p) => (p ? Number(p) : null));
  const includeMembers = query.get("members") === "1";
  const go = (x, y, members = includeMembers) => {
    const path = ["#/pair", x, y].filter((p) => p !== null && p !== undefined).join("/");
    location.hash = members ? `${path}?members=1` : path;
  };
  root.append(loading());
  // The pickers need only the names, which the smallest actor answer (one item per list) carries.
  const named = (id) => (id ? get(`actors/${id}`, { limit: 1 }) : null);
  const [refA, refB, stats] = await Promise.all([named(a), named(b), a && b ? get("stats") : null]);
  if (stale()) return;
  const pickers = h(
    "div",
    { class: "pair-pickers" },
    actorPicker({ placeholder: "First actor", label: "First actor", value: refA, onPick: (x) => go(x.id, b) }),
    h("button", { type: "button", class: "button", title: "Swap the two actors", disabled: !(a && b), onclick: () => go(b, a) }, "⇄"),
    actorPicker({ placeholder: "Second actor", label: "Second actor", value: refB, onPick: (y) => go(a, y.id) }),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", checked: includeMembers, onchange: (event) => go(a, b, event.target.checked) }),
      "include members and their leaders",
    ),
  );
  root.replaceChildren(h("div", { class: "page-head compact" }, h("h1", {}, "Between two actors"), pickers));
  if (!(a && b)) {
    // The example is the link said most often, so it never opens onto an empty timeline.
    const incidental = new Set(vocab.relationGroups.incidental);
    const types = vocab.relationTypes.map((r) => r.name).filter((t) => !incidental.has(t));
    const graph = await get("graph", { types, limit: 50, max_edges: 1 });
    if (stale()) return;
    const names = new Map(graph.nodes.map((n) => [n.id, n]));
    const [x, y] = graph.edges.length ? [names.get(graph.edges[0].source), names.get(graph.edges[0].target)] : [];
    root.append(
      emptyState(
        "Pick two actors",
        "Their relations and the claims about them appear on one timeline, coloured by relation type.",
        x && y ? h("p", {}, "For example: ", h("a", { href: `#/pair/${x.id}/${y.id}` }, `${x.name} and ${y.name}`)) : null,
      ),
    );
    return;
  }
  const results = h("div", { class: "pair-results" });
  let asked = 0;
  const load = async (window_) => {
    const ask = ++asked;
    results.replaceChildren(loading("Loading the timeline…"));
    let pair;
    try {
      pair = await get("pair", { a, b, include_members: includeMembers, ...window_ });
    } catch (error) {
      if (ask === asked) results.replaceChildren(errorState(error));
      return;
    }
    if (ask !== asked || stale()) return;
    results.replaceChildren();
    showPair(results, pair, includeMembers, window_);
  };
  const slider = timeWindow(stats, load, { className: "pair-window" });
  root.append(slider.element, results);
  await load({});
}

function showPair(root, pair, includeMembers, window_) {
  const relations = [...pair.relations].sort(byDate);
  const claims = [...pair.claims].sort(byDate);
  root.append(
    h(
      "p",
      { class: "lede" },
      actorLink(pair.a),
      " and ",
      actorLink(pair.b),
      `: ${plural(pair.totals?.relations ?? relations.length, "relation")}, ${plural(pair.totals?.claims ?? claims.length, "claim")}`,
      includeMembers ? " (members included)" : "",
      window_.from ? ` from ${window_.from} to ${window_.to}` : "",
    ),
  );
  const totals = pair.totals || {};
  if (totals.relations > relations.length || totals.claims > claims.length) {
    root.append(
      h(
        "p",
        { class: "notice small" },
        `The oldest first: ${relations.length} of ${totals.relations.toLocaleString("en")} relations and ${claims.length} of ${totals.claims.toLocaleString("en")} claims. Narrow the time window to see later ones.`,
      ),
    );
  }
  if (!relations.length && !claims.length) {
    root.append(
      emptyState(
        window_.from ? "Nothing links these two actors in this window" : "Nothing links these two actors yet",
        window_.from
          ? "Widen the time window."
          : includeMembers
            ? "No relation or claim joins them or their members."
            : "Try “include members and their leaders”.",
      ),
    );
    return;
  }
  const entries = [...relations.map((r) => ({ kind: "relation", item: r })), ...claims.map((c) => ({ kind: "claim", item: c }))].sort(
    (x, y) => byDate(x.item, y.item),
  );
  root.append(
    h(
      "section",
      { class: "card" },
      legend(relations, claims),
      strip(relations, claims),
      h("ol", { class: "timeline pair-timeline" }, entries.map((e) => entry(e.kind, e.item))),
    ),
  );
}
