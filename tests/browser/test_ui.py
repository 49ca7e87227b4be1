"""The web UI on the demo store: every view opens, and the clicks an analyst makes lead to the quotes."""

from __future__ import annotations

import json
import re
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import XSS_TITLE, DemoSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def api(site: DemoSite, path: str) -> dict:
    with urlopen(f"{site.url}/api/{path}") as response:
        return json.load(response)


def actor_id(site: DemoSite, name: str) -> int:
    page = api(site, f"actors?q={quote(name)}&limit=50")
    return next(a["id"] for a in page["items"] if a["name"] == name)


def test_ui_overview_shows_the_store(page, site, screenshot):
    page.goto(site.url + "/")
    page.wait_for_selector(".stats")
    documents = api(site, "stats")["documents"]
    assert page.locator(".stat").first.inner_text().split()[0] == str(documents)
    assert page.locator(".table tbody tr").count() > 5
    assert "Content-Security-Policy" in page.content()
    rows = page.locator(".table tbody tr")
    for i, actor in enumerate(api(site, f"actors?limit={rows.count()}")["items"]):
        # an actor's other names are shown, even when it has just one
        assert all(name in rows.nth(i).inner_text() for name in actor["aliases"][:4]), actor["name"]
    screenshot(page, "overview")


def test_ui_actor_page_shows_names_coalition_and_timeline(page, site, screenshot):
    sna = actor_id(site, "Syrian National Army")
    page.goto(f"{site.url}/#/actor/{sna}")
    page.wait_for_selector(".timeline .entry")
    assert page.locator("h1").inner_text().startswith("Syrian National Army")
    names = page.locator(".names li").all_inner_texts()
    assert "SNA" in names
    assert "الجيش الوطني السوري" in names
    assert page.locator(".names li.rtl").first.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator(".actor-side h2").all_inner_texts()[:2] == ["COALITION", "COMMANDERS"]
    # A member the knowledge base names is in the tree, marked as the KB's, linking to its page.
    division = actor_id(site, "Sultan Suleiman Shah Division")
    member = page.locator(".tree-down li.from-kb", has_text="Sultan Suleiman Shah Division")
    expect(member.locator(".kb-badge")).to_have_text("knowledge base")
    assert member.locator("a.actor").get_attribute("href") == f"#/actor/{division}"
    quotes = page.locator(".timeline a.quote")
    assert quotes.count() > 0
    assert re.match(r"#/document/\d+\?start=\d+&end=\d+$", quotes.first.get_attribute("href"))
    screenshot(page, "actor")

    # A quote opens the reader on its sentence, highlighted and scrolled into view.
    sentence = quotes.first.locator(".quote-text").inner_text()
    quotes.first.click()
    target = page.locator(".doc-text .sentence.target")
    target.wait_for()
    assert target.inner_text().strip() in sentence
    expect(target).to_be_in_viewport()
    screenshot(page, "document")


def _edges(page) -> int:
    return int(page.locator(".network-side .status").get_attribute("data-edges") or 0)


def test_ui_network_edge_click_shows_its_quotes(page, site, screenshot):
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges > 0")
    # cytoscape draws on a canvas: click the midpoint of the edge that lies farthest from any node.
    edge = page.evaluate(
        """() => {
        const cy = document.getElementById('cy')._cyreg.cy;
        const box = document.getElementById('cy').getBoundingClientRect();
        const clearance = (e) => {
            const mid = e.renderedMidpoint();
            return Math.min(...cy.nodes().map((n) => Math.hypot(n.renderedPosition().x - mid.x,
                                                                 n.renderedPosition().y - mid.y)));
        };
        const edge = cy.edges().sort((a, b) => clearance(b) - clearance(a))[0];
        const mid = edge.renderedMidpoint();
        return {x: box.left + mid.x, y: box.top + mid.y};
    }"""
    )
    page.mouse.click(edge["x"], edge["y"])
    panel = page.locator(".panel")
    panel.locator("a.quote").first.wait_for()
    # Lines may cross: the panel speaks of the edge the click selected.
    chosen = page.evaluate(
        """() => {
        const edge = document.getElementById('cy')._cyreg.cy.edges(':selected')[0];
        return {source: edge.data('sourceName'), target: edge.data('targetName')};
    }"""
    )
    head = panel.locator(".panel-head").inner_text()
    assert chosen["source"] in head and chosen["target"] in head
    assert panel.locator(".quote-text").first.inner_text().strip()
    screenshot(page, "network")

    # A node opens its actor.
    node = page.evaluate(
        """() => {
        const cy = document.getElementById('cy')._cyreg.cy;
        const box = document.getElementById('cy').getBoundingClientRect();
        const node = cy.nodes().sort((a, b) => b.data('degree') - a.data('degree'))[0];
        const at = node.renderedPosition();
        return {x: box.left + at.x, y: box.top + at.y,
                names: Object.fromEntries(cy.nodes().map((n) => [n.id(), n.data('name')]))};
    }"""
    )
    page.mouse.click(node["x"], node["y"])
    page.wait_for_url(re.compile(r".*#/actor/\d+$"))
    page.locator(".timeline, .empty").first.wait_for()
    opened = page.url.rsplit("/", 1)[1]
    assert page.locator("h1").inner_text().startswith(node["names"][opened])


def test_ui_actor_opens_its_neighbourhood_in_the_network(page, site):
    sna = actor_id(site, "Syrian National Army")
    page.goto(f"{site.url}/#/actor/{sna}")
    page.get_by_role("link", name="In the network →").click()
    page.wait_for_url(re.compile(rf".*#/network\?focus={sna}$"))
    panel = page.locator(".panel")
    panel.locator(".panel-head a.actor", has_text="Syrian National Army").wait_for()
    rows = panel.locator(".top-links .link-row")
    assert rows.count() > 0
    assert all("Syrian National Army" in row for row in rows.all_inner_texts())
    rows.first.click()
    panel.locator("a.quote").first.wait_for()


def test_ui_network_lists_links_and_filters_them_by_type(page, site):
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges > 0")
    everything = _edges(page)
    # The most said links are listed beside the graph and open the same quotes as the lines.
    page.locator(".top-links .link-row").first.click()
    page.locator(".panel a.quote").first.wait_for()
    assert page.evaluate("() => document.getElementById('cy')._cyreg.cy.edges(':selected').length") == 1
    with page.expect_response(lambda r: "/api/graph?" in r.url) as answer:
        page.locator(".types input[value=Controls]").uncheck()
    assert "Controls" not in answer.value.url
    page.wait_for_function(
        f"() => document.querySelector('.network-side .status').dataset.edges == {len(answer.value.json()['edges'])}"
    )
    assert _edges(page) < everything


def test_ui_overview_shows_an_actors_only_other_name(page, site):
    one = {"id": 1, "name": "Sochi", "type": "Location", "aliases": ["سوتشي"], "mentions": 3}
    page.route(
        re.compile(r".*/api/actors\?.*"),
        lambda route: route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps({"items": [one], "total": 1, "limit": 25, "offset": 0}),
        ),
    )
    page.goto(site.url + "/")
    page.wait_for_selector(".table tbody tr")
    assert "سوتشي" in page.locator(".table tbody tr").first.inner_text()


def test_ui_network_with_no_type_ticked_shows_no_link(page, site):
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges > 0")
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/api/graph?" in r.url else None)
    for box in page.locator(".types input").all():
        box.uncheck()
    page.wait_for_function("() => document.querySelector('.network-side .status').dataset.edges === '0'")
    expect(page.locator(".cy-overlay .empty")).to_contain_text("No relation in this window")
    assert not [url for url in asked if "types=&" in url or url.endswith("types=")]


def test_ui_network_with_no_link_says_so(page, site):
    empty = {"nodes": [], "edges": [], "total_nodes": 0, "total_edges": 0}
    page.route(
        re.compile(r".*/api/graph\?.*"),
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(empty)),
    )
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges === '0'")
    expect(page.locator(".cy-overlay .empty")).to_contain_text("No relation in this window")
    panel = page.locator(".panel")
    expect(panel.locator("h2")).to_have_text(["Links"], ignore_case=True)
    assert "null" not in panel.inner_text()
    assert panel.locator(".top-links").count() == 0


def test_ui_network_time_slider_refetches_the_graph(page, site):
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges > 0")
    everything = _edges(page)
    start = page.locator(".timewindow input.from")
    end = page.locator(".timewindow input.to")
    first, last = int(start.get_attribute("min")), int(start.get_attribute("max"))
    with page.expect_response(lambda r: "/api/graph?" in r.url and "from=" in r.url and "to=" in r.url) as answer:
        start.fill(str(first + (last - first) // 3))
        end.fill(str(first + 2 * (last - first) // 3))
    assert answer.value.ok
    window = answer.value.json()
    page.wait_for_function(
        f"() => document.querySelector('.network-side .status').dataset.edges == {len(window['edges'])}"
    )
    assert _edges(page) < everything
    assert re.fullmatch(r"\d{4}-\d\d – \d{4}-\d\d", page.locator(".timewindow-label").inner_text())


def test_ui_time_window_reset_asks_once(page, site):
    page.goto(site.url + "/#/network")
    page.wait_for_function("() => document.querySelector('.network-side .status')?.dataset.edges > 0")
    start = page.locator(".timewindow input.from")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/graph?" in r.url else None)
    # "All dates" right after a handle moved: one request for the whole range, not another when the move's delay ends.
    start.fill(start.get_attribute("max"))
    page.get_by_role("button", name="All dates").click()
    page.wait_for_timeout(600)
    assert len(asked) == 1, asked
    assert "from=" not in asked[0]
    assert page.locator(".timewindow-label").inner_text().startswith("All dates")


def test_ui_search_finds_an_arabic_alias(page, site):
    page.goto(site.url + "/")
    search = page.locator("#search")
    search.fill("هيئة تحرير الشام")
    assert search.evaluate("el => el.matches(':dir(rtl)')")
    search.press("Enter")
    page.wait_for_url(re.compile(r".*#/actor/\d+$"))
    page.wait_for_selector(".timeline")
    assert page.locator("h1").inner_text().startswith("Hayat Tahrir al-Sham")


def test_ui_search_lists_the_actors_a_name_fits(page, site, screenshot):
    page.goto(site.url + "/")
    page.locator("#search").fill("Division")
    page.locator(".suggestions li[role=option]").first.wait_for()
    page.locator("#search").press("Enter")
    page.wait_for_url(re.compile(r".*#/search\?q=Division$"))
    results = page.locator(".results li")
    results.first.wait_for()
    assert results.count() >= 2
    assert all("Division" in name for name in page.locator(".results a.actor").all_inner_texts())
    screenshot(page, "search")


def test_ui_document_reader_shows_markup_as_text(page, site, screenshot):
    documents = api(site, "documents?limit=500")["items"]
    xss = next(d for d in documents if d["title"] == XSS_TITLE)
    page.goto(f"{site.url}/#/document/{xss['id']}")
    text = page.locator(".doc-text")
    text.wait_for()
    assert "<script>window.__xss=1</script>" in text.inner_text()
    assert '<img src=x onerror="window.__xss=1">' in text.inner_text()
    assert text.locator("script, img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    screenshot(page, "document-markup", docs=False)


def test_ui_document_reader_shows_arabic_right_to_left(page, site, screenshot):
    documents = api(site, "documents?limit=500")["items"]
    arabic = next(d for d in documents if d["language"] == "ar")
    page.goto(f"{site.url}/#/document/{arabic['id']}")
    text = page.locator(".doc-text")
    text.wait_for()
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"
    mention = text.locator("a.mention", has_text="هيئة تحرير الشام").first
    assert mention.get_attribute("title").startswith("Hayat Tahrir al-Sham")
    screenshot(page, "document-arabic", docs=False)


def test_ui_pair_view_colours_the_timeline_by_relation_type(page, site, screenshot):
    a, b = (actor_id(site, name) for name in site.pair)
    actors: list[str] = []
    page.on("request", lambda r: actors.append(r.url) if "/api/actors/" in r.url else None)
    page.goto(f"{site.url}/#/pair/{a}/{b}?members=1")
    entries = page.locator(".pair-timeline .entry")
    entries.first.wait_for()
    # The pickers show the two names: the actors are asked for with the smallest lists, not in full.
    assert sorted(actors) == sorted(f"{site.url}/api/actors/{x}?limit=1" for x in (a, b))
    assert page.get_by_label("First actor").input_value() == site.pair[0]
    colours = entries.evaluate_all("els => els.map(el => getComputedStyle(el).borderLeftColor)")
    assert all(c not in ("", "rgba(0, 0, 0, 0)") for c in colours)
    assert page.locator(".strip .mark").count() > 0
    assert page.locator(".legend-title").all_inner_texts() == ["Relations", "Claim stances"]
    screenshot(page, "pair")

    start = page.locator(".timewindow input.from")
    with page.expect_response(lambda r: "/api/pair?" in r.url and "from=" in r.url) as answer:
        start.fill(start.get_attribute("max"))
    assert answer.value.ok
    page.locator(".pair-results .lede").wait_for()
    assert " from " in page.locator(".pair-results .lede").inner_text()


def test_ui_pair_view_pickers_choose_the_two_actors(page, site):
    page.goto(site.url + "/#/pair")
    page.wait_for_selector(".empty")
    assert "Pick two actors" in page.locator(".empty").inner_text()
    first, second = site.pair
    for label, name in (("First actor", first), ("Second actor", second)):
        page.get_by_label(label).fill(name)
        page.locator(".pair-pickers .suggestions li[role=option]", has_text=name).first.click()
        page.wait_for_function(f"() => location.hash.split('/').length === {3 if label == 'First actor' else 4}")
    page.get_by_label("include members and their leaders").check()  # the demo's pair relate through members
    page.locator(".pair-timeline .entry").first.wait_for()
    assert page.locator(".lede").inner_text().startswith(f"{first} and {second}")


def test_ui_map_shows_events_and_held_places(page, site, screenshot):
    page.goto(site.url + "/#/map")
    page.wait_for_function("() => document.querySelector('.panel .status')?.dataset.places > 0")
    assert page.locator("path.marker-event").count() > 0
    assert page.locator("path.marker-controlled").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the countries
    assert page.locator(".country-label", has_text="Syria").is_visible()
    screenshot(page, "map")
    page.locator(".places .place-button").first.click()
    page.locator(".leaflet-popup .map-popup a.quote").first.wait_for()
    # an event is counted once: its popup line says how many reports tell it
    for button in page.locator(".places .place-button").all():
        button.click()
        popup = page.locator(".leaflet-popup .map-popup").last
        text = popup.text_content() or ""
        if "Events" in text:
            assert re.search(r"\d+ reports?", text), text
            break
    else:
        raise AssertionError("no place with events on the map")

    # A narrower window asks again and redraws.
    start = page.locator(".timewindow input.from")
    with page.expect_response(lambda r: "/api/map?" in r.url and "from=" in r.url) as answer:
        start.fill(start.get_attribute("max"))
    placed = {e["place"]["id"] for e in answer.value.json()["events"]} | {
        r["target"]["id"] for r in answer.value.json()["controlled"]
    }
    page.wait_for_function(f"() => document.querySelector('.panel .status').dataset.places == {len(placed)}")


def test_ui_map_state_on_a_date_shows_who_held_each_place(page, site):
    page.goto(site.url + "/#/map")
    page.wait_for_function("() => document.querySelector('.panel .status')?.dataset.places > 0")
    with page.expect_response(lambda r: "/api/snapshot?" in r.url) as answer:
        page.get_by_label("State on").fill("2019-06-01")
    placed = {i["place"]["id"] for i in answer.value.json()["controls"] if i["place"].get("lat") is not None}
    assert placed, "the demo store holds no place with coordinates on 2019-06-01"
    page.wait_for_function(
        "() => document.querySelector('.panel .status').textContent.includes('held on 2019-06-01')"
        f" && document.querySelector('.panel .status').dataset.places == {len(placed)}"
    )
    assert page.url.endswith("#/map?on=2019-06-01")
    assert page.locator("path.marker-held").count() == len(placed)
    assert page.locator("path.marker-event").count() == 0
    page.locator(".places .place-button").first.click()
    popup = page.locator(".leaflet-popup .map-popup")
    popup.locator("a.quote").first.wait_for()
    assert "Held on 2019-06-01 by" in popup.text_content()

    page.get_by_role("button", name="Clear").click()
    # the events come back (some may lie outside the view the popup left: attached, not all visible)
    page.wait_for_function("() => document.querySelectorAll('path.marker-event').length > 0")
    assert page.url.endswith("#/map")


def test_ui_draws_with_the_vocabularies_of_api_meta(page, site):
    """The relation types, their labels and colours, and which are off by default come from /api/meta."""
    meta = api(site, "meta")
    page.goto(site.url + "/#/network")
    page.locator(".types input").first.wait_for()
    assert page.locator(".types label").all_inner_texts() == [t["label"] for t in meta["relation_types"]]
    ticked = [box.get_attribute("value") for box in page.locator(".types input:checked").all()]
    incidental = set(meta["relation_groups"]["incidental"])
    assert ticked == [t["name"] for t in meta["relation_types"] if t["name"] not in incidental]
    # Another vocabulary served is the one drawn: the UI keeps no copy of its own.
    meta["relation_types"][0]["label"] = "sworn to"
    meta["relation_groups"]["incidental"] = ["Controls"]
    page.route(re.compile(r".*/api/meta$"), lambda route: route.fulfill(json=meta))
    page.reload()
    page.locator(".types input").first.wait_for()
    assert page.locator(".types label").first.inner_text() == "sworn to"
    assert not page.locator(".types input[value=Controls]").is_checked()
    assert page.locator(".types input[value=CoLocated]").is_checked()


def test_ui_colours_actors_by_the_colours_of_api_meta(page, site):
    """Links and mentions take their actor type's colour from /api/meta: style.css keeps none by type name."""
    meta = api(site, "meta")
    for term in meta["actor_types"]:
        term["color"] = "#123456" if term["name"] == "Organisation" else "#654321"
    page.route(re.compile(r".*/api/meta$"), lambda route: route.fulfill(json=meta))
    arabic = next(d for d in api(site, "documents?limit=500")["items"] if d["language"] == "ar")
    page.goto(f"{site.url}/#/document/{arabic['id']}")
    mention = page.locator(".doc-text a.mention", has_text="هيئة تحرير الشام").first
    assert mention.evaluate("el => getComputedStyle(el).borderBottomColor") == "rgb(18, 52, 86)"
    link = page.locator(".doc-side a.actor", has_text="Hayat Tahrir al-Sham").first
    assert link.evaluate("el => getComputedStyle(el).color") == "rgb(18, 52, 86)"


def test_ui_without_api_meta_says_why(page, site, watch):
    watch.expected.append("status of 500")
    failure = {"error": {"status": 500, "message": "internal error: the server's log says more", "details": []}}
    page.route(
        re.compile(r".*/api/meta$"),
        lambda route: route.fulfill(status=500, content_type="application/json", body=json.dumps(failure)),
    )
    page.goto(site.url + "/#/network")
    expect(page.locator(".error")).to_contain_text("the server's log says more")


def test_ui_unknown_actor_shows_an_error(page, site, watch):
    watch.expected.append("status of 404")
    page.goto(site.url + "/#/actor/999999")
    page.wait_for_selector(".error")
    assert "404" in page.locator(".error").inner_text()


@pytest.mark.parametrize(
    ("view", "api_path", "overlay", "status"),
    [("network", "graph", ".cy-overlay", ".network-side .status"), ("map", "map", ".map-overlay", ".panel .status")],
)
def test_ui_drawing_views_show_a_failed_answer_over_the_drawing(page, site, watch, view, api_path, overlay, status):
    watch.expected.append("status of 500")
    failure = {"error": {"code": "internal", "message": "The store is locked.", "details": []}}
    page.route(
        re.compile(rf".*/api/{api_path}(\\?.*)?$"),
        lambda route: route.fulfill(status=500, content_type="application/json", body=json.dumps(failure)),
    )
    page.goto(f"{site.url}/#/{view}")
    error = page.locator(f"{overlay} .error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Error 500")
    expect(error).to_contain_text("The store is locked.")
    expect(page.locator(status)).to_have_text("")
