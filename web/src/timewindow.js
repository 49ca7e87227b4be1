// A two-handle month slider over the store's date range (/api/stats first..last).
import { h } from "./dom.js";

function monthIndex(date) {
  const [year, month] = String(date).split("-").map(Number);
  return year * 12 + ((month || 1) - 1);
}

function monthLabel(index) {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * @param {{first: string|null, last: string|null}} stats
 * @param {(window: {from?: string, to?: string}) => void} onChange  called (debounced) as a handle moves
 * @param {{delay?: number, className?: string}} options  `className` is added to the toolbar's classes
 * @returns {{element: HTMLElement, value: () => {from?: string, to?: string}}}  `element` is the slider in
 *   a toolbar under its "Time window" label, as the views show it
 */
export function timeWindow(stats, onChange, { delay = 250, className } = {}) {
  const toolbar = (slider) =>
    h("div", { class: ["toolbar", className] }, h("span", { class: "toolbar-label" }, "Time window"), slider);
  if (!stats.first || !stats.last) {
    return {
      element: toolbar(h("div", { class: "timewindow disabled" }, h("span", { class: "muted" }, "No dated facts yet"))),
      value: () => ({}),
    };
  }
  const min = monthIndex(stats.first);
  const max = Math.max(monthIndex(stats.last), min + 1);
  const label = h("output", { class: "timewindow-label", "aria-live": "polite" });
  const fill = h("div", { class: "timewindow-fill" });
  const common = { type: "range", min, max, step: 1 };
  const from = h("input", { ...common, value: String(min), "aria-label": "From month", class: "from" });
  const to = h("input", { ...common, value: String(max), "aria-label": "To month", class: "to" });
  let timer = null;

  const value = () => {
    const a = Number(from.value);
    const b = Number(to.value);
    return a === min && b === max ? {} : { from: monthLabel(a), to: monthLabel(b) };
  };
  const paint = () => {
    const a = Number(from.value);
    const b = Number(to.value);
    fill.style.left = `${((a - min) / (max - min)) * 100}%`;
    fill.style.right = `${100 - ((b - min) / (max - min)) * 100}%`;
    label.textContent =
      a === min && b === max ? `All dates (${monthLabel(min)} – ${monthLabel(max)}, undated included)` : `${monthLabel(a)} – ${monthLabel(b)}`;
  };
  const moved = (event) => {
    if (Number(from.value) > Number(to.value)) {
      if (event.target === from) to.value = from.value;
      else from.value = to.value;
    }
    paint();
    clearTimeout(timer);
    timer = setTimeout(() => onChange(value()), delay);
  };
  from.addEventListener("input", moved);
  to.addEventListener("input", moved);
  const reset = h(
    "button",
    {
      type: "button",
      class: "link-button",
      onclick: () => {
        // Answered at once: a handle's change still waiting would only ask for the same again.
        clearTimeout(timer);
        from.value = String(min);
        to.value = String(max);
        paint();
        onChange(value());
      },
    },
    "All dates",
  );
  paint();
  const element = h(
    "div",
    { class: "timewindow" },
    h("span", { class: "timewindow-end" }, monthLabel(min).slice(0, 4)),
    h("div", { class: "timewindow-track" }, h("div", { class: "timewindow-rail" }), fill, from, to),
    h("span", { class: "timewindow-end" }, monthLabel(max).slice(0, 4)),
    label,
    reset,
  );
  return { element: toolbar(element), value };
}
