// Events and controlled places on a map of country boundaries (world-atlas; no tile server), in a time
// window or, given a date ("state on"), who held each place on that date (/api/snapshot).
import L from "leaflet";
import { feature } from "topojson-client";
import { get } from "../api.js";
import { append, clear, h } from "../dom.js";
import { timeWindow } from "../timewindow.js";
import {
  actorLink,
  actorList,
  colorBox,
  dateCell,
  emptyState,
  errorState,
  kindBadge,
  loading,
  overlayState,
  plural,
  quote,
  typeColored,
} from "../ui.js";

const EVENT_COLOR = "#dc2626";
const CONTROL_COLOR = "#1d4ed8";
// On a date: one colour per holder, those holding most places first; the rest share OTHER_HOLDERS.
const HOLDER_COLORS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#a16207", "#4d7c0f", "#c026d3"];
const OTHER_HOLDERS = "#64748b";
// A place with more than one holder on the date asked: it changed hands then, or a faction and its coalition both hold it.
const SHARED_COLOR = "#0f172a";
// Syria and its neighbours, where the bundled corpus lives, when nothing is on the map yet.
const LEVANT = [
  [31.5, 34.5],
  [38, 43],
];

let countries = null;

async function boundaries() {
  if (!countries) {
    const response = await fetch("countries-50m.json");
    if (!response.ok) throw new Error(`The country boundaries did not load (${response.status}); run \`make setup\` to build the UI.`);
    const topology = await response.json();
    countries = feature(topology, topology.objects.countries);
  }
  return countries;
}

/** "2 reports (Levant Wire, Idlib Daily); 3–4 killed": an event is counted once, its reports and tolls kept. */
function reportsNote(event) {
  const reports = event.reports || [];
  const outlets = [...new Set(reports.map((r) => r.outlet || r.title).filter(Boolean))];
  const killed = reports.map((r) => r.killed).filter((n) => n != null);
  const low = Math.min(...killed);
  const high = Math.max(...killed);
  const toll = killed.length ? `; ${low === high ? low : `${low}–${high}`} killed` : "";
  const who = outlets.length ? ` (${outlets.join(", ")})` : "";
  return `${reports.length} report${reports.length === 1 ? "" : "s"}${who}${toll}`;
}

/** Where a country's name goes: the middle of its largest polygon's bounds (not of its islands). */
function labelPoint(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let best = null;
  for (const polygon of polygons) {
    const lons = polygon[0].map((p) => p[0]);
    const lats = polygon[0].map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const area = (e - w) * (n - s);
    if (!best || area > best.area) best = { area, at: [(s + n) / 2, (w + e) / 2] };
  }
  return best && best.at;
}

/** Events and controlled places grouped by place, so one marker stands for everything at it. */
function byPlace(data) {
  const places = new Map();
  const at = (place) => {
    if (!places.has(place.id)) places.set(place.id, { place, events: [], controlled: [] });
    return places.get(place.id);
  };
  for (const event of data.events) if (event.place && event.place.lat != null) at(event.place).events.push(event);
  for (const relation of data.controlled) if (relation.target.lat != null) at(relation.target).controlled.push(relation);
  return [...places.values()].sort((a, b) => b.events.length + b.controlled.length - (a.events.length + a.controlled.length));
}

function popup(group) {
  return h(
    "div",
    { class: "map-popup" },
    h("h3", {}, actorLink(group.place)),
    group.controlled.length
      ? h(
          "div",
          {},
          h("h4", {}, "Held by"),
          h("ol", { class: "quotes" }, group.controlled.map((r) => h("li", {}, dateCell(r), " ", actorLink(r.source), quote(r.evidence)))),
        )
      : null,
    group.events.length
      ? h(
          "div",
          {},
          h("h4", {}, "Events"),
          h(
            "ol",
            { class: "quotes" },
            group.events.map((e) =>
              h(
                "li",
                {},
                dateCell(e),
                " ",
                kindBadge(e.type, "event"),
                " ",
                actorList(e.actors),
                " ",
                h("span", { class: "muted small", dir: "auto" }, reportsNote(e)),
                quote(e.evidence),
              ),
            ),
          ),
        )
      : null,
  );
}

/** The places held on a date, each with its holders (snapshot `controls` items), most holders first. */
function heldPlaces(state) {
  const places = new Map();
  for (const item of state.controls) {
    if (!places.has(item.place.id)) places.set(item.place.id, { place: item.place, holders: [] });
    places.get(item.place.id).holders.push(item);
  }
  return [...places.values()].sort((a, b) => b.holders.length - a.holders.length || a.place.name.localeCompare(b.place.name));
}

/** Holder id -> {actor, color}: a colour each for the holders of most places, the rest share one. */
function holderColors(groups) {
  const held = new Map();
  for (const group of groups) {
    for (const { actor } of group.holders) held.set(actor.id, { actor, places: (held.get(actor.id)?.places || 0) + 1 });
  }
  const ranked = [...held.values()].sort((a, b) => b.places - a.places || a.actor.name.localeCompare(b.actor.name));
  return new Map(ranked.map(({ actor }, i) => [actor.id, { actor, color: HOLDER_COLORS[i] || OTHER_HOLDERS }]));
}

/** A snapshot item's interval as words: "2017-07 – 2018-01", "since 2017-07", "until 2017-07". */
function intervalText(item) {
  if (item.start && item.end) return item.start === item.end ? item.start : `${item.start} – ${item.end}`;
  return item.start ? `since ${item.start}` : `until ${item.end}`;
}

function statePopup(group, on) {
  return h(
    "div",
    { class: "map-popup" },
    h("h3", {}, actorLink(group.place)),
    h("h4", {}, `Held on ${on} by`),
    h(
      "ol",
      { class: "quotes" },
      group.holders.map((item) =>
        h("li", {}, actorLink(item.actor), " ", h("span", { class: "date" }, intervalText(item)), item.evidence.map(quote)),
      ),
    ),
  );
}

export async function renderMap(root, { query, stale }) {
  root.append(loading());
  const [stats, shapes] = await Promise.all([get("stats"), boundaries()]);
  if (stale()) return;
  root.replaceChildren();

  const canvas = h("div", { class: "map", id: "map" });
  const overlay = h("div", { class: "map-overlay", hidden: true });
  const list = h("ol", { class: "places" });
  const status = h("p", { class: "status", "aria-live": "polite" });
  let asked = 0;
  let fitted = false;

  // The time window and the date are two ways to pick what to show: the last one touched wins.
  const slider = timeWindow(stats, (value) => load(value));
  // #/map?on= may give a year or a month too, which the API reads as a whole; the input shows days only.
  const askedOn = query.get("on");
  const stateOn = h("input", {
    type: "date",
    id: "state-on",
    value: askedOn || "",
    onchange: () => (stateOn.value ? loadDate(stateOn.value) : load(slider.value())),
  });
  const clearDate = h("button", { type: "button", class: "link-button", onclick: () => load(slider.value()) }, "Clear");
  const legend = h("ul", { class: "legend" });
  root.append(
    h(
      "div",
      { class: "page-head compact" },
      h("h1", {}, "Map"),
      slider.element,
      h(
        "div",
        { class: "toolbar state-on" },
        h("label", { class: "toolbar-label", for: "state-on", title: "Who held each place on this date, and since when" }, "State on"),
        stateOn,
        clearDate,
      ),
    ),
    h(
      "div",
      { class: "map-layout" },
      h("div", { class: "map-wrap" }, canvas, overlay),
      h(
        "aside",
        { class: "panel" },
        legend,
        status,
        list,
      ),
    ),
  );

  const map = L.map(canvas, { zoomSnap: 0.25, minZoom: 2, maxZoom: 11, worldCopyJump: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth, via world-atlas");
  L.geoJSON(shapes, {
    interactive: false,
    style: { color: "#94a3b8", weight: 0.8, fillColor: "#fbfaf7", fillOpacity: 1 },
  }).addTo(map);
  const labels = L.layerGroup().addTo(map);
  for (const country of shapes.features) {
    const at = labelPoint(country.geometry);
    if (!country.properties?.name || !at) continue;
    labels.addLayer(
      L.tooltip({ permanent: true, direction: "center", className: "country-label", interactive: false })
        .setLatLng(at)
        .setContent(h("span", {}, country.properties.name)),
    );
  }
  // Country names only once a region is in view: at world zoom they would cover the map.
  const labelZoom = () => canvas.classList.toggle("show-country-labels", map.getZoom() >= 5);
  map.on("zoomend", labelZoom);
  map.fitBounds(LEVANT);
  labelZoom();
  const markers = L.layerGroup().addTo(map);

  // One answer drawn at a time: an earlier question answered late is dropped.
  const ask = async (path, params) => {
    const question = ++asked;
    status.textContent = "Loading…";
    try {
      const data = await get(path, params);
      return question === asked && !stale() ? data : null;
    } catch (error) {
      if (question === asked) {
        status.textContent = "";
        overlayState(overlay, errorState(error));
      }
      return null;
    }
  };

  // The date asked about, in the input and in the address (#/map?on=), without drawing the view again.
  const rememberDate = (on) => {
    stateOn.value = on;
    history.replaceState(null, "", on ? `#/map?${new URLSearchParams({ on })}` : "#/map");
  };

  /** A place in the side list: a button that opens its marker's popup, or its name alone when it has no coordinates. */
  const listPlace = (place, detail, layer) => {
    const name = layer
      ? typeColored(
          h(
            "button",
            {
              type: "button",
              class: "place-button",
              dir: "auto",
              onclick: () => {
                map.setView([place.lat, place.lon], Math.max(map.getZoom(), 7), { animate: false });
                layer.openPopup();
              },
            },
            place.name,
          ),
          place.type,
        )
      : h("span", { dir: "auto", title: "No coordinates: not on the map" }, place.name);
    list.append(h("li", {}, name, h("span", { class: "muted small", dir: "auto" }, detail)));
  };

  /** Most of the places: a few far away (talks in Moscow, a summit in Sochi) do not pull the first view out to the world. */
  const mostOf = (places) => {
    if (places.length < 10) return places;
    const middle = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [sorted[Math.floor(sorted.length * 0.1)], sorted[Math.ceil(sorted.length * 0.9) - 1]];
    };
    const [south, north] = middle(places.map((p) => p.lat));
    const [west, east] = middle(places.map((p) => p.lon));
    const kept = places.filter((p) => p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east);
    return kept.length ? kept : places;
  };

  const fitOnce = (places) => {
    if (fitted || !places.length) return;
    map.fitBounds(L.latLngBounds(mostOf(places).map((p) => [p.lat, p.lon])).pad(0.5), { maxZoom: 7, animate: false });
    fitted = true;
  };

  const load = async (window_) => {
    rememberDate("");
    legend.replaceChildren(h("li", {}, colorBox(EVENT_COLOR), "events"), h("li", {}, colorBox(CONTROL_COLOR), "held by an actor"));
    const data = await ask("map", window_);
    if (!data) return;
    markers.clearLayers();
    list.replaceChildren();
    const groups = byPlace(data);
    const events = groups.reduce((n, g) => n + g.events.length, 0);
    const held = groups.reduce((n, g) => n + g.controlled.length, 0);
    status.textContent = `${plural(events, "event")} and ${plural(held, "holding")} in ${plural(groups.length, "place")}`;
    status.dataset.places = String(groups.length);
    const totals = data.totals || {};
    if (totals.events > data.events.length || totals.controlled > data.controlled.length) {
      const of = (n, total) => `${n} of ${total.toLocaleString("en")}`;
      status.textContent += ` (the first ${of(data.events.length, totals.events)} events and ${of(data.controlled.length, totals.controlled)} holdings: narrow the dates to see the rest)`;
    }
    overlayState(
      overlay,
      groups.length ? null : emptyState("Nothing placed in this window", "No event or held place with coordinates falls in these dates."),
    );
    for (const group of groups) {
      const { lat, lon } = group.place;
      const layers = [];
      if (group.controlled.length) {
        layers.push(
          L.circleMarker([lat, lon], {
            radius: 9 + 2 * Math.sqrt(group.controlled.length),
            color: CONTROL_COLOR,
            weight: 3,
            fillOpacity: 0.08,
            className: "marker-controlled",
          }),
        );
      }
      if (group.events.length) {
        layers.push(
          L.circleMarker([lat, lon], {
            radius: 4 + 2.5 * Math.sqrt(group.events.length),
            color: "#ffffff",
            weight: 1.5,
            fillColor: EVENT_COLOR,
            fillOpacity: 0.85,
            className: "marker-event",
          }),
        );
      }
      const summary = `${group.place.name}: ${plural(group.events.length, "event")}, ${plural(group.controlled.length, "holding")}`;
      for (const layer of layers) {
        // Leaflet puts string content in as markup; names are data, so popups and tooltips get elements.
        layer.bindPopup(popup(group), { maxWidth: 380, maxHeight: 320 });
        layer.bindTooltip(h("span", { dir: "auto" }, summary));
        markers.addLayer(layer);
      }
      const detail = [group.events.length && plural(group.events.length, "event"), group.controlled.length && plural(group.controlled.length, "holding")];
      listPlace(group.place, detail.filter(Boolean).join(", "), layers[layers.length - 1]);
    }
    fitOnce(groups.map((g) => g.place));
  };

  // Who held each place on a date: one marker a place, in its holder's colour.
  const loadDate = async (on) => {
    rememberDate(on);
    const state = await ask("snapshot", { on });
    if (!state) return;
    markers.clearLayers();
    list.replaceChildren();
    const groups = heldPlaces(state);
    const colors = holderColors(groups);
    const placed = groups.filter((g) => g.place.lat != null);
    const shown = [...colors.values()].filter(({ color }) => color !== OTHER_HOLDERS);
    append(clear(legend), [
      shown.map(({ actor, color }) => h("li", { dir: "auto" }, colorBox(color), actor.name)),
      colors.size > shown.length ? h("li", {}, colorBox(OTHER_HOLDERS), "other holders") : null,
      groups.some((g) => g.holders.length > 1) ? h("li", {}, colorBox(SHARED_COLOR), "more than one holder on this date") : null,
    ]);
    status.textContent = `${plural(groups.length, "place")} held on ${state.on}`;
    if (placed.length < groups.length) status.textContent += ` (${groups.length - placed.length} without coordinates, listed only)`;
    status.dataset.places = String(placed.length);
    overlayState(
      overlay,
      placed.length ? null : emptyState(`No place known to be held on ${state.on}`, "No statement of control with a place on the map holds on this date."),
    );
    for (const group of groups) {
      const holders = group.holders.map((item) => item.actor.name).join(", ");
      let layer = null;
      if (group.place.lat != null) {
        const color = group.holders.length > 1 ? SHARED_COLOR : colors.get(group.holders[0].actor.id).color;
        layer = L.circleMarker([group.place.lat, group.place.lon], {
          radius: 9,
          color,
          weight: 3,
          fillColor: color,
          fillOpacity: 0.35,
          dashArray: group.holders.length > 1 ? "4 3" : null,
          className: "marker-held",
        });
        layer.bindPopup(statePopup(group, state.on), { maxWidth: 380, maxHeight: 320 });
        layer.bindTooltip(h("span", { dir: "auto" }, `${group.place.name}: ${holders}`));
        markers.addLayer(layer);
      }
      listPlace(group.place, holders, layer);
    }
    fitOnce(placed.map((g) => g.place));
  };
  await (askedOn ? loadDate(askedOn) : load({}));
  return () => map.remove();
}
