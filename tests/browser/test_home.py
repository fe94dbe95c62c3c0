"""The home page's "Start from a task" section (issue 26), in Chromium on the served site.

A planner on a phone picks a task and reaches its guide, its checklist and a case study in one click
each: every task card holds exactly three links, in that order, to pages of the reader's language. The
cards are on the first screen of a phone, do not overflow it, pass axe and are reached by Tab in order.
"""
from urllib.parse import urlsplit

import pytest

from .browser_tools import release
from .test_accessibility import axe, violations  # noqa: F401 - axe is a fixture

LANGS = ["en", "pl", "nb"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# The three tasks the issue names; the page may have up to three more.
NAMED_TASKS = ["task-plan", "task-consultation", "task-building"]
CARD = ".kb-tasks .kb-task"


def home(base_url, registry, lang):
    return base_url + registry.config.prefix(lang)


@pytest.fixture
def open_home(browser, base_url, registry):
    """open_home(lang, viewport): a new page at that size on the home page of that language."""
    pages = []

    def _open(lang, viewport):
        context = browser.new_context(viewport=viewport, base_url=base_url)
        # nothing may leave the site (as in conftest's context fixture)
        origin = "/".join(base_url.split("/")[:3])
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith((origin, "data:", "blob:")) else route.abort())
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(home(base_url, registry, lang))
        pages.append(page)
        return page
    yield _open
    for page in pages:
        release(page)   # the browser fixture closes the contexts at the end of the module


def path_in_language(url, base_url, registry, lang):
    """The page's path under its language root, or None when the URL is not in that language."""
    path = urlsplit(url).path
    root = urlsplit(home(base_url, registry, lang)).path
    if not path.startswith(root):
        return None
    rest = path[len(root):]
    others = [registry.config.prefix(code) for code in registry.config.codes if code != lang and registry.config.prefix(code)]
    if any(rest.startswith(prefix) for prefix in others):
        return None
    return rest


@pytest.mark.parametrize("lang", LANGS)
def test_first_task_is_on_a_phones_first_screen_and_nothing_overflows(open_home, lang):
    page = open_home(lang, PHONE)
    cards = page.locator(CARD)
    assert 4 <= cards.count() <= 6, f"{lang}: {cards.count()} task cards, expected 4–6"
    for task in NAMED_TASKS:
        assert page.locator(f"{CARD} h3#{task}").count() == 1, f"{lang}: no task card with the heading #{task}"
    heading = cards.first.locator("h3")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], \
        f"{lang}: the first task's heading ends at y={box['y'] + box['height']:.0f}, below the first screen"
    # one column on a phone: every card as wide as the first, one under the other
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len({round(b["x"]) for b in boxes}) == 1, f"{lang}: cards side by side at 375 px: {boxes}"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{lang}: the home page is {overflow}px wider than a 375px screen"
    # every link is a tap target of at least 44 px
    links = page.locator(f"{CARD} a:visible")
    small = [(links.nth(i).inner_text(), links.nth(i).bounding_box()["height"]) for i in range(links.count())
             if links.nth(i).bounding_box()["height"] < 44]
    assert not small, f"{lang}: task links lower than 44px: {small}"


@pytest.mark.parametrize("lang", LANGS)
def test_each_task_leads_to_a_guide_a_checklist_and_a_case_in_the_same_language(open_home, base_url, registry, lang):
    guides = {p.url for p in registry.of_type("guide", lang)}
    cases = {p.url for p in registry.of_type("case", lang)}
    page = open_home(lang, PHONE)
    count = page.locator(CARD).count()
    assert count >= 4
    problems = []
    for n in range(count):
        page.goto(home(base_url, registry, lang))
        card = page.locator(CARD).nth(n)
        task = card.locator("h3").get_attribute("id")
        links = card.locator("a:visible")
        if links.count() != 3:
            problems.append(f"{task}: {links.count()} links, expected exactly 3 (guide, checklist, case study)")
            continue
        for i, kind in enumerate(("guide", "checklist", "case")):
            page.goto(home(base_url, registry, lang))
            link = page.locator(CARD).nth(n).locator("a:visible").nth(i)
            label = link.inner_text()
            link.click()
            page.wait_for_load_state("load")
            rest = path_in_language(page.url, base_url, registry, lang)
            where = f"{task} {kind} link {label!r} → {page.url}"
            if rest is None:
                problems.append(f"{where}: not a page of the {lang} site")
                continue
            if page.evaluate("document.documentElement.lang") != lang:
                problems.append(f"{where}: <html lang> is {page.evaluate('document.documentElement.lang')!r}")
            if page.locator(".md-content h1").count() != 1:
                problems.append(f"{where}: no page title (a 404?)")
            if kind == "guide" and rest not in guides:
                problems.append(f"{where}: not a guide")
            if kind == "case" and (rest not in cases or page.locator(".kb-factbox").count() != 1):
                problems.append(f"{where}: not a case study")
            if kind == "checklist":
                anchor = urlsplit(page.url).fragment
                on_checklist_page = rest.startswith("checklists/")
                on_guide_checklist = rest in guides and anchor == "checklist"
                if not (on_checklist_page or on_guide_checklist):
                    problems.append(f"{where}: neither a checklist page nor a guide's checklist section")
                # the anchor exists, and its section (up to the next h2) holds checklist items
                items = page.evaluate("""(anchor) => {
                    const target = anchor && document.getElementById(anchor);
                    if (!target) return -1;
                    let n = 0;
                    for (let el = target.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling)
                        n += el.querySelectorAll('.kb-checklist__item').length;
                    return n;
                }""", anchor)
                if items < 0:
                    problems.append(f"{where}: the anchor #{anchor} does not exist")
                elif items == 0:
                    problems.append(f"{where}: no checklist items under #{anchor}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_home_page_has_no_axe_violations(open_home, axe, lang, viewport):  # noqa: F811
    page = open_home(lang, viewport)
    assert page.locator(CARD).count() >= 4, f"{lang}: no task cards"
    page.wait_for_load_state("load")
    assert not violations(axe, page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_tab_reaches_the_task_links_in_order_with_a_visible_focus(open_home, viewport):
    page = open_home("pl", viewport)
    hrefs = page.eval_on_selector_all(f"{CARD} a", "links => links.filter(a => a.offsetParent !== null)"
                                                   ".map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 12, f"only {len(hrefs)} task links"
    # Tab from the top of the page until the first task link has the focus
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.kb-task')"):
            break
    else:
        raise AssertionError("Tab never reached a task link")
    reached = []
    for _ in hrefs:
        state = page.evaluate("""() => {
            const a = document.activeElement, s = getComputedStyle(a), r = a.getBoundingClientRect();
            return {href: a.getAttribute('href'), inCard: !!a.closest('.kb-task'),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                    onScreen: r.bottom > 0 && r.top < innerHeight};
        }""")
        assert state["inCard"], f"focus left the task cards after {reached}"
        assert state["outline"], f"no visible focus indicator on {state['href']}"
        assert state["onScreen"], f"the focused link {state['href']} is scrolled out of view"
        reached.append(state["href"])
        page.keyboard.press("Tab")
    assert reached == hrefs
    # and the next Tab leaves the cards
    assert not page.evaluate("!!document.activeElement.closest('.kb-task')")
