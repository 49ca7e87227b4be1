// Events and controlled places on a map of country boundaries (world-atlas; no tile server).
import L from "leaflet";
import { feature } from "topojson-client";
import { get } from "../api.js";
import { h } from "../dom.js";
import { timeWindow } from "../timewindow.js";
import { actorLink, actorList, colorBox, dateCell, emptyState, errorState, kindBadge, loading, overlayState, plural, quote } from "../ui.js";

const EVENT_COLOR = "#dc2626";
const CONTROL_COLOR = "#1d4ed8";
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
                quote(e.evidence),
              ),
            ),
          ),
        )
      : null,
  );
}

export async function renderMap(root, { stale }) {
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

  const slider = timeWindow(stats, (value) => load(value));
  root.append(
    h(
      "div",
      { class: "page-head compact" },
      h("h1", {}, "Map"),
      slider.element,
    ),
    h(
      "div",
      { class: "map-layout" },
      h("div", { class: "map-wrap" }, canvas, overlay),
      h(
        "aside",
        { class: "panel" },
        h(
          "ul",
          { class: "legend" },
          h("li", {}, colorBox(EVENT_COLOR), "events"),
          h("li", {}, colorBox(CONTROL_COLOR), "held by an actor"),
        ),
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

  const load = async (window_) => {
    const ask = ++asked;
    status.textContent = "Loading…";
    let data;
    try {
      data = await get("map", window_);
    } catch (error) {
      if (ask !== asked) return;
      status.textContent = "";
      overlayState(overlay, errorState(error));
      return;
    }
    if (ask !== asked || stale()) return;
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
      list.append(
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "place-button",
              dir: "auto",
              onclick: () => {
                map.setView([lat, lon], Math.max(map.getZoom(), 7), { animate: false });
                layers[layers.length - 1].openPopup();
              },
            },
            group.place.name,
          ),
          h("span", { class: "muted small" }, [group.events.length && plural(group.events.length, "event"), group.controlled.length && plural(group.controlled.length, "holding")].filter(Boolean).join(", ")),
        ),
      );
    }
    if (!fitted && groups.length) {
      map.fitBounds(L.latLngBounds(groups.map((g) => [g.place.lat, g.place.lon])).pad(0.5), { maxZoom: 7, animate: false });
      fitted = true;
    }
  };
  await load({});
  return () => map.remove();
}
