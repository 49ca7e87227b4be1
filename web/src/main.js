// factiongraph's web UI: a header with search and navigation, and one view per hash route.
import { ApiError } from "./api.js";
import { clear, h } from "./dom.js";
import { actorPicker } from "./picker.js";
import { errorState, loadVocab } from "./ui.js";
import { renderActor } from "./views/actor.js";
import { renderDocument } from "./views/document.js";
import { renderHome } from "./views/home.js";
import { renderMap } from "./views/map.js";
import { renderNetwork } from "./views/network.js";
import { renderPair } from "./views/pair.js";
import { renderSearch } from "./views/search.js";

// Hash routes from docs/api-contract.md; each view renders into main and may return a cleanup.
const ROUTES = [
  { pattern: /^\/?$/, view: renderHome, nav: "home", title: "Overview" },
  { pattern: /^\/actor\/(\d+)$/, view: renderActor, nav: null, title: "Actor" },
  { pattern: /^\/network$/, view: renderNetwork, nav: "network", title: "Network" },
  { pattern: /^\/pair(?:\/(\d+))?(?:\/(\d+))?$/, view: renderPair, nav: "pair", title: "Pair" },
  { pattern: /^\/map$/, view: renderMap, nav: "map", title: "Map" },
  { pattern: /^\/document\/(\d+)$/, view: renderDocument, nav: null, title: "Document" },
  { pattern: /^\/search$/, view: renderSearch, nav: null, title: "Search" },
];

const NAV = [
  { key: "home", href: "#/", text: "Overview" },
  { key: "network", href: "#/network", text: "Network" },
  { key: "pair", href: "#/pair", text: "Pair" },
  { key: "map", href: "#/map", text: "Map" },
];

const navLinks = new Map(NAV.map((item) => [item.key, h("a", { href: item.href }, item.text)]));
const main = h("main", { id: "view", tabindex: "-1" });
let cleanup = null;
let generation = 0;

const search = actorPicker({
  id: "search",
  placeholder: "Search any name — HTS, الجولاني…",
  label: "Search actors by any name",
  onPick: (actor) => {
    location.hash = `#/actor/${actor.id}`;
  },
  onSubmit: (text) => {
    location.hash = `#/search?${new URLSearchParams({ q: text })}`;
  },
});

document.body.append(
  h(
    "header",
    { class: "topbar" },
    h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), "factiongraph"),
    h("nav", { "aria-label": "Views" }, [...navLinks.values()]),
    h("form", { class: "search", role: "search", onsubmit: (event) => event.preventDefault() }, search),
  ),
  main,
);

function parseHash() {
  const hash = location.hash.replace(/^#/, "");
  const cut = hash.indexOf("?");
  const path = decodeURIComponent(cut < 0 ? hash : hash.slice(0, cut)) || "/";
  return { path, query: new URLSearchParams(cut < 0 ? "" : hash.slice(cut + 1)) };
}

async function route() {
  const { path, query } = parseHash();
  const current = ++generation;
  if (cleanup) {
    try {
      cleanup();
    } catch (error) {
      console.error(error);
    }
    cleanup = null;
  }
  clear(main);
  // A new page starts at its top; the reader then scrolls to its quoted sentence itself.
  window.scrollTo(0, 0);
  const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  for (const [key, link] of navLinks) link.classList.toggle("active", Boolean(match && match.r.nav === key));
  if (!match) {
    main.append(errorState({ status: 404, message: `There is no page at #${path}.` }));
    document.title = "Not found · factiongraph";
    return;
  }
  document.title = `${match.r.title} · factiongraph`;
  main.className = `view view-${match.r.nav || match.r.title.toLowerCase()}`;
  // Each visit renders into its own element, so a slow view that finishes late writes nowhere visible.
  const root = h("div", { class: "view-root" });
  main.append(root);
  const stale = () => current !== generation;
  try {
    const result = await match.r.view(root, { params: match.m.slice(1), query, stale });
    if (stale()) {
      if (typeof result === "function") result();
    } else if (typeof result === "function") {
      cleanup = result;
    }
  } catch (error) {
    if (stale()) return;
    // The server's answers are shown as they are; anything else is a bug worth a console trace too.
    if (!(error instanceof ApiError)) console.error(error);
    clear(root).append(errorState(error));
  }
}

// Every view draws with the server's vocabularies, so they are read first; without them no view can render.
loadVocab().then(
  () => {
    window.addEventListener("hashchange", route);
    route();
  },
  (error) => {
    if (!(error instanceof ApiError)) console.error(error);
    main.append(errorState(error));
  },
);
