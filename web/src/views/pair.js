// Two actors over time: their relations coloured by type, and the claims about them with stances.
import { get } from "../api.js";
import { h } from "../dom.js";
import { actorPicker } from "../picker.js";
import {
  STANCES,
  actorLink,
  byDate,
  colorBox,
  dateCell,
  emptyState,
  itemDate,
  kindBadge,
  loading,
  plural,
  quote,
  relationBadge,
  relationColor,
  relationLabel,
  stanceBadge,
  stanceColor,
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
      STANCES.map((s) => h("li", { class: stances.has(s.stance) ? null : "absent" }, colorBox(s.color), `${s.label} (${stances.get(s.stance) || 0})`)),
    ),
  );
}

function entry(kind, item) {
  const color = kind === "relation" ? relationColor(item.type) : stanceColor(item.stance);
  const body =
    kind === "relation"
      ? h("span", { class: "fact" }, actorLink(item.source), " ", relationBadge(item.type), " ", actorLink(item.target))
      : h(
          "span",
          { class: "fact" },
          kindBadge("claim", "claim"),
          " ",
          item.speaker ? actorLink(item.speaker) : h("span", { class: "speaker-text", dir: "auto" }, item.speaker_text || "unnamed source"),
          " ",
          stanceBadge(item.stance),
          " ",
          h("span", { class: "claim-content", dir: "auto" }, item.content),
        );
  const li = h(
    "li",
    { class: ["entry", `entry-${kind}`, "coloured"] },
    h("div", { class: "entry-date" }, dateCell(item)),
    h("div", { class: "entry-body" }, body, quote(item.evidence)),
  );
  li.style.setProperty("--c", color);
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
  const [refA, refB] = await Promise.all([a ? get(`actors/${a}`) : null, b ? get(`actors/${b}`) : null]);
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
    const top = await get("actors", { type: "Organisation", limit: 2 });
    if (stale()) return;
    const [x, y] = top.items;
    root.append(
      emptyState(
        "Pick two actors",
        "Their relations and the claims about them appear on one timeline, coloured by relation type.",
        x && y ? h("p", {}, "For example: ", h("a", { href: `#/pair/${x.id}/${y.id}` }, `${x.name} and ${y.name}`)) : null,
      ),
    );
    return;
  }
  root.append(loading("Loading the timeline…"));
  const pair = await get("pair", { a, b, include_members: includeMembers });
  if (stale()) return;
  root.lastChild.remove();
  const relations = [...pair.relations].sort(byDate);
  const claims = [...pair.claims].sort(byDate);
  root.append(
    h(
      "p",
      { class: "lede" },
      actorLink(pair.a),
      " and ",
      actorLink(pair.b),
      `: ${plural(relations.length, "relation")}, ${plural(claims.length, "claim")}`,
      includeMembers ? " (members included)" : "",
    ),
  );
  const totals = pair.totals || {};
  if (totals.relations > relations.length || totals.claims > claims.length) {
    root.append(
      h(
        "p",
        { class: "notice small" },
        `The oldest first: ${relations.length} of ${totals.relations} relations and ${claims.length} of ${totals.claims} claims. Narrow the dates to see the rest.`,
      ),
    );
  }
  if (!relations.length && !claims.length) {
    root.append(
      emptyState(
        "Nothing links these two actors yet",
        includeMembers ? "No relation or claim joins them or their members." : "Try “include members and their leaders”.",
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
