// A search field that suggests actors by any of their names (Arabic too) as one types.
import { get } from "./api.js";
import { clear, h } from "./dom.js";
import { hasArabic, nameList, typeBadge } from "./ui.js";

/**
 * @param {{placeholder?: string, value?: {id, name}|null, label?: string,
 *          onPick: (actor) => void, onSubmit?: (text: string) => void}} options
 */
export function actorPicker({ placeholder = "Search actors…", value = null, label, onPick, onSubmit, id }) {
  const input = h("input", {
    type: "search",
    placeholder,
    dir: "auto",
    autocomplete: "off",
    spellcheck: "false",
    value: value ? value.name : "",
    "aria-label": label || placeholder,
    "aria-autocomplete": "list",
    role: "combobox",
    "aria-expanded": "false",
    id,
  });
  const list = h("ul", { class: "suggestions", role: "listbox", hidden: true });
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };
  const pick = (actor) => {
    close();
    input.value = actor.name;
    onPick(actor);
  };
  const highlight = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === index));
  };
  const show = (actors, text) => {
    items = actors;
    clear(list);
    if (!actors.length) {
      list.append(h("li", { class: "none" }, `No actor is called “${text}”`));
    }
    // The names that look like what was typed come first (the Arabic ones for an Arabic query).
    const arabic = hasArabic(text);
    const rank = (name) => (name.includes(text) ? 0 : hasArabic(name) === arabic ? 1 : 2);
    actors.forEach((actor, i) => {
      const other = [...(actor.aliases || [])]
        .sort((x, y) => rank(x) - rank(y))
        .slice(0, 3);
      list.append(
        h(
          "li",
          {
            role: "option",
            onmousedown: (event) => {
              event.preventDefault();
              pick(actor);
            },
            onmousemove: () => highlight(i),
          },
          h("span", { class: "suggestion-name", dir: "auto" }, actor.name),
          typeBadge(actor.type),
          other.length ? nameList(other, { class: "suggestion-aliases" }) : null,
        ),
      );
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = setTimeout(async () => {
      const ask = ++asked;
      try {
        const page = await get("actors", { q: text, limit: 8 });
        if (ask === asked && input.value.trim() === text) show(page.items, text);
      } catch {
        close();
      }
    }, 180);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      highlight(Math.min(active + 1, items.length - 1));
    } else if (event.key === "ArrowUp" && !list.hidden) {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      if (active >= 0 && items[active]) pick(items[active]);
      else if (onSubmit && input.value.trim()) {
        close();
        onSubmit(input.value.trim());
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return h("div", { class: "picker" }, input, list);
}
