"""The case browser: facets filter the cards and the map, the URL carries the state, back/forward and a
reload restore it, the count is announced; without JavaScript every case is listed."""
import json
import os
from urllib.parse import parse_qs, urlsplit

from .browser_tools import release


def cases_data(site, prefix=""):
    with open(os.path.join(site, prefix, "api", "cases.json"), encoding="utf-8") as fh:
        return json.load(fh)["cases"]


def visible_cards(page):
    return sorted(page.locator(".kb-card").evaluate_all("els => els.map(e => e.dataset.id)"))


def visible_points(page):
    return sorted(page.locator(".kb-map__point:not(.is-filtered-out)").evaluate_all(
        "els => els.map(e => e.dataset.case)"))


def test_facets_filter_cards_and_map_and_keep_state_in_the_url(page, base_url, site):
    cases = cases_data(site, "pl")
    page.goto(base_url + "pl/cases/")
    page.locator(".kb-card").first.wait_for()
    assert len(visible_cards(page)) == len(cases)
    page.get_by_label("Polska").check()
    expected = sorted(c["id"] for c in cases if c["country"] == "PL")
    page.wait_for_function(f"() => document.querySelectorAll('.kb-card').length === {len(expected)}")
    assert visible_cards(page) == expected
    assert visible_points(page) == expected
    assert page.locator(".kb-browser__status").inner_text() == f"Studia przypadków: {len(expected)}"
    assert page.locator(".kb-browser__status").get_attribute("aria-live") == "polite"
    page.locator('input[name="topic"][value="participation"]').check()
    expected2 = sorted(c["id"] for c in cases if c["country"] == "PL" and "participation" in c["topics"])
    page.wait_for_function(f"() => document.querySelectorAll('.kb-card').length === {len(expected2)}")
    assert visible_cards(page) == expected2 and visible_points(page) == expected2
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"country": ["PL"], "topic": ["participation"]}
    # the list beside the map follows too
    listed = sorted(page.locator(".kb-map-list li:not([hidden])").evaluate_all("els => els.map(e => e.dataset.case)"))
    assert listed == expected2
    # reload restores, back goes to the previous state
    page.reload()
    page.locator(".kb-card").first.wait_for()
    assert visible_cards(page) == expected2
    assert page.get_by_label("Polska").is_checked()
    page.go_back()
    page.wait_for_function(f"() => document.querySelectorAll('.kb-card').length === {len(expected)}")
    assert visible_cards(page) == expected


def test_facet_counts_and_keyboard(page, base_url, site):
    cases = cases_data(site)
    page.goto(base_url + "cases/?country=NO")
    page.locator(".kb-card").first.wait_for()
    norway = [c for c in cases if c["country"] == "NO"]
    count = page.locator('label[for="kb-f-topic-participation"] .kb-browser__count').inner_text()
    assert count == f"({sum('participation' in c['topics'] for c in norway)})"
    box = page.locator('input[name="evidence"]').first
    if box.count():
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()


def test_without_javascript_every_case_is_listed(browser, base_url, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "nb/cases/")
    assert page.locator(".kb-browser").is_hidden()
    listed = page.locator(".kb-static-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for case in cases_data(site, "nb"):
        assert case["path"][len("cases/"):] in listed, case["id"]
    assert page.locator("svg.kb-map a.kb-map__point").count() == len(cases_data(site, "nb"))
    release(page)


def test_guide_facets_on_a_topic_page(page, base_url, site):
    page.goto(base_url + "participation/?phase=consultation")
    page.locator(".kb-card").first.wait_for()
    with open(os.path.join(site, "api", "guides.json"), encoding="utf-8") as fh:
        guides = json.load(fh)["guides"]
    expected = sorted(g["id"] for g in guides if g["topics"][0] == "participation" and "consultation" in g["phase"])
    assert visible_cards(page) == expected


def test_on_a_phone_the_first_case_is_on_the_first_screen(browser, base_url):
    """35 open filter checkboxes (about 1,900 px) came before the first case on a phone: there the
    filters are folded in a disclosure that says how many are chosen."""
    page = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    page.goto(base_url + "pl/cases/")
    page.locator(".kb-card").first.wait_for()
    assert page.locator(".kb-card").first.bounding_box()["y"] < 812
    assert page.locator(".kb-browser__filters").get_attribute("open") is None
    page.locator(".kb-browser__summary").click()
    page.get_by_label("Polska").check()
    assert page.locator(".kb-browser__summary").inner_text() == "Filtruj (1)"
    release(page)


def test_options_that_would_show_nothing_cannot_be_ticked(page, base_url, site):
    cases = cases_data(site, "pl")
    page.goto(base_url + "pl/cases/")
    page.locator(".kb-card").first.wait_for()
    page.get_by_label("Polska").check()
    bands_in_pl = {c["population_band"] for c in cases if c["country"] == "PL"}
    for box in page.locator('input[name="band"]').all():
        assert box.is_disabled() == (box.get_attribute("value") not in bands_in_pl), box.get_attribute("value")
        assert box.locator("xpath=following-sibling::label").inner_text().endswith("(0)") == box.is_disabled()


def test_with_javascript_no_empty_heading_and_no_contents_link_to_a_hidden_section(page, base_url):
    page.goto(base_url + "pl/cases/")
    page.locator(".kb-card").first.wait_for()
    assert page.locator("#all").is_hidden()
    hidden_targets = page.evaluate("""() => [...document.querySelectorAll('.md-nav--secondary a[href^="#"]')]
        .filter(a => !a.closest('li').hidden)
        .map(a => document.getElementById(decodeURIComponent(a.hash.slice(1))))
        .filter(t => !t || t.closest('[hidden]')).length""")
    assert hidden_targets == 0


def test_no_results_leave_no_empty_map(page, base_url, site):
    cases = cases_data(site, "pl")
    countries = {c["country"] for c in cases}
    bands = {c["population_band"] for c in cases}
    empty = next((c, b) for c in sorted(countries) for b in sorted(bands)
                 if not any(x["country"] == c and x["population_band"] == b for x in cases))
    page.goto(base_url + f"pl/cases/?country={empty[0]}&band={empty[1]}")
    page.locator(".kb-browser__status").wait_for()
    assert page.locator(".kb-browser__status").inner_text() == "Nic nie pasuje do tych filtrów."
    assert page.locator(".kb-map-wrap").is_hidden() and page.locator("#map").is_hidden()
    page.locator(".kb-browser__clear").click()
    assert page.locator(".kb-map-wrap").is_visible()
