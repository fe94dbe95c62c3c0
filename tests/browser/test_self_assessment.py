"""The self-assessment in Chromium: the browser's scoring and merge against the same cases as
self_assessment.py; in each language answers kept across a reload and the results Python computes from
the same statements; an exported file and a link imported into a fresh browser, and a team of three with
a missing and a conflicting answer; the printout on A4; "delete my answers"; nothing stored before the
reader answers; axe at desktop and phone width; the keyboard only."""
import json
import os
import re

import pytest

from .browser_tools import release
from .test_accessibility import violations

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "..", "fixtures", "self_assessment_cases.json"), encoding="utf-8"))
LANGS = ["en", "pl", "nb"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def url_of(base_url, registry, lang, view=""):
    return base_url + registry.config.prefix(lang) + "self-assessment/" + (view + "/" if view else "")


def statements(registry):
    return [dict(s) for s in registry.self_assessment.statements]


def some_answers(registry):
    """A fixed set of answers over every level, "don't know" and unanswered statements."""
    values = [0, 1, 2, 3, "dk", None, 1, 0]
    return {s["id"]: values[i % len(values)] for i, s in enumerate(statements(registry)) if values[i % len(values)] is not None}


def answer(page, answers):
    for sid, value in answers.items():
        page.check(f"#sa-{sid}-{value}")


def test_the_browsers_scoring_and_merge_match_the_reference(page, base_url, registry):
    page.goto(url_of(base_url, registry, "en"))
    for case in CASES["score"]:
        got = page.evaluate("([a, s]) => KBSelfAssessment.score(a, s)", [case["answers"], CASES["statements"]])
        assert got == case["expected"], case["name"]
    for case in CASES["merge"]:
        got = page.evaluate("([a, s]) => KBSelfAssessment.merge(a, s)", [case["sets"], CASES["statements"]])
        assert got == case["expected"], case["name"]


def test_opening_the_pages_stores_nothing(page, base_url, registry):
    for view in ("", "results", "team"):
        page.goto(url_of(base_url, registry, "en", view))
        page.wait_for_load_state("load")
        assert page.evaluate("window.localStorage.length") == 0, view


@pytest.mark.parametrize("lang", LANGS)
def test_answers_are_kept_and_the_results_are_those_python_computes(page, base_url, registry, lang):
    from knowledge_base import self_assessment
    page.goto(url_of(base_url, registry, lang))
    answers = some_answers(registry)
    answer(page, answers)
    page.fill("#kb-sa-name", "Planner A")
    total = len(registry.self_assessment.statements)
    assert page.inner_text("#kb-sa-progress").strip() == registry.strings.for_lang(lang)["sa_progress"].format(
        answered=len(answers), total=total)
    page.reload()
    for sid, value in answers.items():
        assert page.is_checked(f"#sa-{sid}-{value}"), sid
    assert page.input_value("#kb-sa-name") == "Planner A"
    page.click("#kb-sa-see-results")
    page.locator(".kb-sa-chart").wait_for()
    expected = self_assessment.score(answers, statements(registry))
    rows = page.locator(".kb-sa-part[data-part=profile] tbody tr").all()
    labels = {t: registry.vocab.label("topics", t, lang) for t in registry.vocab.keys("topics")}
    shown = [[c.inner_text().strip() for c in row.locator("th, td").all()] for row in rows]
    strings = registry.strings.for_lang(lang)
    assert shown == [[labels[r["topic"]], strings["sa_no_score"] if r["score"] is None else str(r["score"]), str(r["answered"]),
                      str(r["dont_know"]), str(r["unanswered"])] for r in expected["topics"]]
    # the chart says the same in words, for screen readers
    desc = page.locator(".kb-sa-part[data-part=profile] svg desc").text_content()
    for r in expected["topics"]:
        assert f"{labels[r['topic']]}: {r['score']}" in desc
    plan = page.locator(".kb-sa-part[data-part=plan] li.kb-sa-step").evaluate_all("els => els.map(e => e.dataset.statement)")
    assert plan == expected["plan"]
    first = statements(registry)[[s["id"] for s in statements(registry)].index(plan[0])]
    step = page.locator(f'li.kb-sa-step[data-statement="{plan[0]}"]')
    assert first["action"][lang] in step.inner_text()
    # the step links to its guide and to each of its checklist items, which exist on the guide's page
    hrefs = step.locator("a").evaluate_all("els => els.map(e => e.href)")
    guide = registry.page(first["guide"], lang)
    assert any(h.endswith(registry.config.prefix(lang) + guide.url) for h in hrefs), hrefs
    for item in first["checklist"]:
        target = next(h for h in hrefs if h.endswith("#" + item))
        page.goto(target)
        assert page.locator(f'[id="{item}"]').count() == 1, target
    assert not page.recorder.errors


def test_delete_my_answers_clears_the_browser(page, base_url, registry):
    page.goto(url_of(base_url, registry, "en"))
    answer(page, {statements(registry)[0]["id"]: 2})
    assert page.evaluate("window.localStorage.getItem('kb-self-assessment')")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#kb-sa-delete")
    assert page.evaluate("window.localStorage.getItem('kb-self-assessment')") is None
    assert not page.is_checked(f"#sa-{statements(registry)[0]['id']}-2")
    page.goto(url_of(base_url, registry, "en", "results"))
    assert page.locator(".kb-sa-chart").count() == 0


def person(browser, base_url, registry, answers, name, tmp_path, lang="pl"):
    """One team member on their own device: answers, the downloaded file and the share link."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(url_of(base_url, registry, lang))
    page.fill("#kb-sa-name", name)
    answer(page, answers)
    with page.expect_download() as download:
        page.click("#kb-sa-json")
    path = tmp_path / f"{name}.json"
    download.value.save_as(str(path))
    link = page.input_value("#kb-sa-share")
    with page.expect_download() as csv_download:
        page.click("#kb-sa-csv")
    csv_text = open(csv_download.value.path(), encoding="utf-8-sig").read()
    release(page)
    return path, link, csv_text


@pytest.mark.parametrize("lang", LANGS)
def test_a_team_of_three_imported_from_files_and_a_link(browser, base_url, registry, tmp_path, lang):
    from knowledge_base import self_assessment
    ids = [s["id"] for s in statements(registry)]
    a = {ids[0]: 0, ids[1]: 2, ids[2]: "dk", ids[3]: 1}
    b = {ids[0]: 3, ids[1]: 2, ids[2]: "dk"}                     # ids[3]: no answer
    c = {ids[0]: 1, ids[1]: 3, ids[3]: 1, ids[4]: "dk"}
    file_a, _, csv_a = person(browser, base_url, registry, a, "Anna", tmp_path, lang)
    file_b, _, _ = person(browser, base_url, registry, b, "Bartek", tmp_path, lang)
    _, link_c, _ = person(browser, base_url, registry, c, "Celina", tmp_path, lang)
    exported = json.loads(file_a.read_text(encoding="utf-8"))
    assert exported["format"] == "kb-self-assessment" and exported["name"] == "Anna" and exported["answers"] == a
    assert csv_a.splitlines()[0].startswith("statement_id,topic,phase,statement,level,answer")
    assert len(csv_a.splitlines()) == len(ids) + 1

    context = browser.new_context(accept_downloads=True)   # the facilitator: a fresh browser
    page = context.new_page()
    page.goto(url_of(base_url, registry, lang, "team"))
    page.set_input_files("#kb-sa-files", [str(file_a), str(file_b)])
    page.fill("#kb-sa-paste", link_c + "\nnot an answer")
    page.click("#kb-sa-import")
    page.locator(".kb-sa-differences").wait_for()
    strings = registry.strings.for_lang(lang)
    status_text = page.inner_text(".kb-sa-status")
    assert strings["sa_imported"].format(n=3) in status_text
    assert "not an answer" in status_text   # what could not be read is named, the rest is imported
    merged = self_assessment.merge([{"name": "Anna", "answers": a}, {"name": "Bartek", "answers": b},
                                    {"name": "Celina", "answers": c}], statements(registry))
    rows = {r.get_attribute("data-statement"): r for r in page.locator(".kb-sa-differences tbody tr").all()}
    for row in merged["statements"][:5]:
        cell = rows[row["id"]].locator(".kb-sa-status-cell").inner_text()
        assert cell == strings["sa_status_" + row["status"]], row
    assert merged["statements"][0]["status"] == "differ" and merged["statements"][3]["missing"] == ["Bartek"]
    assert "Bartek" in rows[ids[3]].inner_text()   # who did not answer is shown
    order = page.locator(".kb-sa-differences tbody tr").evaluate_all("els => els.map(e => e.dataset.statement)")
    assert order[0] == ids[0]   # the conflict comes first: the discussion starts there
    team_plan = page.locator(".kb-sa-part[data-part=team-plan] li.kb-sa-step").evaluate_all("els => els.map(e => e.dataset.statement)")
    assert team_plan == self_assessment.score(merged["answers"], statements(registry))["plan"]
    with page.expect_download() as download:
        page.click("#kb-sa-team-csv")
    team_csv = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert team_csv[0].split(",")[3:6] == ["Anna", "Bartek", "Celina"]
    # kept for the facilitator across a reload, until removed
    page.reload()
    page.locator(".kb-sa-differences").wait_for()
    assert page.locator(".kb-sa-people-list li").count() == 3
    page.click("#kb-sa-clear-team")
    assert page.evaluate("window.localStorage.getItem('kb-self-assessment-team')") is None
    release(page)


def test_a_shared_link_opens_the_team_view_with_those_answers(browser, base_url, registry, tmp_path):
    ids = [s["id"] for s in statements(registry)]
    _, link, _ = person(browser, base_url, registry, {ids[0]: 3, ids[1]: 0}, "Dorota", tmp_path)
    assert "#sa=" in link and link.split("#")[0].endswith("/pl/self-assessment/team/")
    context = browser.new_context()
    page = context.new_page()
    page.goto(link)
    page.locator(".kb-sa-differences").wait_for()
    assert page.locator(".kb-sa-people-list li").inner_text().startswith("Dorota")
    assert "#sa=" not in page.url   # taken out of the address once imported, so a reload does not add it twice
    release(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_profile_and_action_plan_on_a4(page, base_url, registry, lang):
    page.goto(url_of(base_url, registry, lang))
    answer(page, some_answers(registry))
    page.goto(url_of(base_url, registry, lang, "results"))
    page.locator(".kb-sa-chart").wait_for()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 8, pages
    assert page.locator(".kb-sa-chart").is_visible() and page.locator(".kb-sa-part[data-part=profile] table").is_visible()
    assert page.locator("li.kb-sa-step").first.is_visible()
    assert page.locator("li.kb-sa-step .kb-sa-links").first.is_visible()   # on paper: which guide and checklist
    assert page.locator("#kb-sa-print").is_hidden() and page.locator(".md-sidebar").first.is_hidden()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", LANGS)
def test_the_self_assessment_has_no_axe_violations(browser, base_url, registry, axe, lang, width, tmp_path):
    ids = [s["id"] for s in statements(registry)]
    file_a, _, _ = person(browser, base_url, registry, {ids[0]: 0, ids[1]: 3}, "A", tmp_path)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url_of(base_url, registry, lang))
    answer(page, some_answers(registry))
    found = {"form": violations(axe, page)}
    page.goto(url_of(base_url, registry, lang, "results"))
    page.locator(".kb-sa-chart").wait_for()
    found["results"] = violations(axe, page)
    page.goto(url_of(base_url, registry, lang, "team"))
    page.set_input_files("#kb-sa-files", [str(file_a)])
    page.click("#kb-sa-import")
    page.locator(".kb-sa-differences").wait_for()
    found["team"] = violations(axe, page)
    if width == 375:   # nothing wider than a phone's screen
        found["overflow"] = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not any(found.values()), found
    release(page)


def test_the_self_assessment_works_with_the_keyboard_only(page, base_url, registry):
    page.goto(url_of(base_url, registry, "en"))
    first = statements(registry)[0]["id"]
    page.locator("body").focus()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "kb-sa-name":
            break
    else:
        raise AssertionError("the name field cannot be reached with Tab")
    page.keyboard.type("Keyboard user")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == f"sa-{first}":
            break
    else:
        raise AssertionError("the first statement cannot be reached with Tab")
    page.keyboard.press("Space")
    assert page.is_checked(f"#sa-{first}-0")
    page.keyboard.press("ArrowRight")   # radio group: the arrow keys choose
    page.keyboard.press("ArrowRight")
    assert page.is_checked(f"#sa-{first}-2")
    assert json.loads(page.evaluate("localStorage.getItem('kb-self-assessment')"))["answers"] == {first: 2}
    page.focus("#kb-sa-see-results")
    page.keyboard.press("Enter")
    page.locator(".kb-sa-chart").wait_for()
    assert page.locator(f'.kb-sa-part[data-part=strengths] li').count() == 1
    assert not page.recorder.errors
