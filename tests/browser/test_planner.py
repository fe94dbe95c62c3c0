"""The participation planner in Chromium: the browser's date arithmetic against the same cases as
deadlines.py, a plan in each language with the dates Python computes from the same data, a shared link
that rebuilds the plan in a fresh browser, the .ics export read by a real parser, the printout on one or
two A4 pages, axe at desktop and phone width, and the keyboard only."""
import datetime as dt
import json
import os
import re

import pytest

from .browser_tools import release
from .test_accessibility import violations

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "..", "fixtures", "deadline_cases.json"), encoding="utf-8"))
LANGS = ["en", "pl", "nb"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def holidays_of(country):
    from knowledge_base import procedures
    return procedures.holiday_dates([country], range(2025, 2030))[country]


def open_planner(page, base_url, registry, lang, query=""):
    page.goto(base_url + registry.config.prefix(lang) + "planner/" + query)
    page.locator(".kb-planner__steps li").first.wait_for()


def shown(page):
    """(step id, start, end) of the timeline on the page."""
    out = []
    for li in page.locator(".kb-planner__steps > li").all():
        times = [t.get_attribute("datetime") for t in li.locator(".kb-planner__when time").all()]
        out.append((li.get_attribute("data-step"), times[0], times[-1]))
    return out


def expected(registry, proc_id, mode, date, lengths=None):
    from knowledge_base import deadlines, procedures
    proc = registry.procedures[proc_id]
    steps = []
    for step in proc.steps:
        step = dict(step)
        if lengths and step["id"] in lengths:
            step["duration"] = {"value": lengths[step["id"]], "unit": "days", "minimum": False}
        steps.append(step)
    hol = frozenset(procedures.holiday_dates([proc.country], procedures.holiday_years())[proc.country])
    day = dt.date.fromisoformat(date)
    plan = deadlines.backward(steps, day, hol) if mode == "target" else deadlines.forward(steps, day, hol)
    return [(d.step["id"], d.start.isoformat(), d.end.isoformat()) for d in plan]


def choose(page, registry, proc_id, mode, date):
    proc = registry.procedures[proc_id]
    page.select_option("#kb-planner-country", proc.country)
    page.select_option("#kb-planner-procedure", proc_id)
    page.check("#kb-planner-mode-" + mode)
    page.fill("#kb-planner-date", date)
    page.locator(".kb-planner__summary").wait_for()


def test_the_browsers_date_arithmetic_matches_the_reference(page, base_url, registry):
    open_planner(page, base_url, registry, "en")
    for case in CASES["add"]:
        end = page.evaluate("([c, h]) => KBDates.add(c.start, c.value, c.unit, new Set(h), c.counting)",
                            [case, holidays_of(case["country"])])
        assert end == case["end"], case["name"]
    for case in CASES["backward"]:
        starts = page.evaluate("([c, h]) => KBDates.backward(c.steps, c.target, new Set(h)).map(d => d.start)",
                               [case, holidays_of(case["country"])])
        assert starts == case["starts"], case["name"]
    for case in CASES["warnings"]:
        warnings = page.evaluate("([c, h]) => KBDates.warn(KBDates.forward(c.steps, c.start, new Set(h)), c.country)"
                                 ".map(d => d.warnings)", [case, holidays_of(case["country"])])
        assert warnings == case["warnings"], case["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_in_each_language_has_the_dates_the_acts_give(page, base_url, registry, lang):
    open_planner(page, base_url, registry, lang)
    assert page.locator("html").get_attribute("lang") == lang
    for proc_id in registry.procedures:
        for mode, date in (("start", "2027-01-11"), ("target", "2027-12-01")):
            choose(page, registry, proc_id, mode, date)
            assert shown(page) == expected(registry, proc_id, mode, date), (proc_id, mode)
    assert not page.recorder.errors, page.recorder.errors
    assert not page.recorder.foreign, page.recorder.foreign


def test_a_shared_link_rebuilds_the_plan_in_a_fresh_browser(browser, page, base_url, registry):
    open_planner(page, base_url, registry, "pl")
    proc_id = next(iter(registry.procedures))
    choose(page, registry, proc_id, "start", "2027-03-01")
    choice = page.locator(".kb-planner__step--choice input[type=number]")
    if choice.count():
        choice.first.fill("45")
        choice.first.dispatch_event("change")
    page.fill("#kb-own-title", "Spotkanie z radą osiedla")
    page.fill("#kb-own-days", "10")
    page.click(".kb-planner__add button[type=submit]")
    page.locator(".kb-planner__step--own").wait_for()
    before = shown(page)
    link = page.input_value("#kb-planner-share")
    assert "plan=" in link
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    other.locator(".kb-planner__step--own").wait_for()
    assert shown(other) == before
    assert other.locator(".kb-planner__step--own h4").inner_text() == "Spotkanie z radą osiedla"
    # kept in the browser: without the link, the same plan comes back; "delete" forgets it
    page.goto(base_url + registry.config.prefix("pl") + "planner/")
    page.locator(".kb-planner__step--own").wait_for()
    assert shown(page) == before
    page.click(".kb-planner__kept button")
    page.wait_for_function("() => !document.querySelector('.kb-planner__step--own')")
    assert "plan=" in page.input_value("#kb-planner-share")   # the default plan of today, without the own step
    release(other)


def test_the_ics_export_is_a_calendar_a_parser_reads(page, base_url, registry, tmp_path):
    import icalendar
    open_planner(page, base_url, registry, "nb")
    proc_id = next(p for p in registry.procedures if registry.procedures[p].country == "NO") \
        if any(p.country == "NO" for p in registry.procedures.values()) else next(iter(registry.procedures))
    choose(page, registry, proc_id, "start", "2027-03-15")
    with page.expect_download() as info:
        page.click("text=.ics")
    path = tmp_path / "plan.ics"
    info.value.save_as(path)
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))   # RFC 5545 line length
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    plan = expected(registry, proc_id, "start", "2027-03-15")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [start for _, start, _ in plan]
    assert [(e.decoded("DTEND") - dt.timedelta(days=1)).isoformat() for e in events] == [end for _, _, end in plan]
    steps = {s["id"]: s for s in registry.procedures[proc_id].steps}
    for event, (step_id, _, _) in zip(events, plan):
        for basis in steps[step_id].get("legal_basis") or []:
            assert basis["ref"] in str(event.get("DESCRIPTION")), step_id


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_timeline_fits_one_or_two_a4_pages(page, base_url, registry, lang):
    open_planner(page, base_url, registry, lang)
    longest = max(registry.procedures, key=lambda p: len(registry.procedures[p].steps))
    choose(page, registry, longest, "start", "2027-02-01")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, pages
    # what prints is the timeline: the title and every step, without the form and the tables
    assert page.locator("h1").first.is_visible()
    steps = page.locator(".kb-planner__steps > li")
    assert steps.count() == len(registry.procedures[longest].steps)
    assert all(steps.nth(i).is_visible() for i in range(steps.count()))
    assert page.locator(".kb-planner__summary").is_visible()
    assert page.locator(".kb-planner__form").is_hidden()
    assert page.locator("#procedures").is_hidden()
    assert page.locator(".md-sidebar").first.is_hidden()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", LANGS)
def test_the_planner_has_no_axe_violations(browser, base_url, registry, axe, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_planner(page, base_url, registry, lang)
    proc_id = next(iter(registry.procedures))
    choose(page, registry, proc_id, "start", "2027-06-21")   # with a holiday warning where one falls
    assert not violations(axe, page)
    release(page)


def test_the_planner_works_with_the_keyboard_only(page, base_url, registry):
    open_planner(page, base_url, registry, "en")
    page.locator("body").focus()
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "kb-planner-country":
            break
    else:
        raise AssertionError("the planner's first field cannot be reached with Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kb-planner-procedure"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kb-planner-mode-start"
    page.keyboard.press("ArrowRight")   # radio group: the arrow keys choose
    assert page.evaluate("document.getElementById('kb-planner-mode-target').checked")
    page.locator(".kb-planner__summary").wait_for()
    page.focus("#kb-own-title")
    page.keyboard.type("Meeting with the youth council")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    page.keyboard.press("Enter")   # submits the form
    page.locator(".kb-planner__step--own").wait_for()
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Meeting with the youth council"   # focus moves to the new step
    assert not page.recorder.errors


def test_a_procedure_link_and_the_tables_button_choose_the_procedure(page, base_url, registry):
    ids = list(registry.procedures)
    open_planner(page, base_url, registry, "en", "#" + ids[-1])
    assert page.input_value("#kb-planner-procedure") == ids[-1]
    page.locator(f'.kb-planner__use button[aria-describedby="{ids[0]}"]').click()
    page.wait_for_function("(id) => document.getElementById('kb-planner-procedure').value === id", arg=ids[0])
    assert shown(page)[0][0] == registry.procedures[ids[0]].steps[0]["id"]
