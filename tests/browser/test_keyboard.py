"""The main flows with the keyboard alone, with a visible focus indicator."""


def tab_until(page, predicate_js, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def focus_is_visible(page):
    return page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    }""")


def test_skip_link_is_first_and_moves_to_content(page, base_url):
    for path in ("pl/", "pl/participation/stakeholder-mapping/", "pl/no-such-page/"):
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        active = page.evaluate("document.activeElement.className")
        assert "md-skip" in active, (path, active)
        assert page.locator(".md-skip:focus").is_visible()
        page.keyboard.press("Enter")
        # a same-page link: the hash changes after the key event returns, so wait for it (up to 5 s)
        page.wait_for_function("location.hash.length > 1", timeout=5000)
        assert "#" in page.url


def test_language_switcher_by_keyboard(page, base_url):
    page.goto(base_url + "participation/stakeholder-mapping/")
    assert tab_until(page, "document.activeElement.matches('a.md-select__link[hreflang=pl]')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/participation/stakeholder-mapping/")


def test_search_by_keyboard(page, base_url):
    page.goto(base_url + "pl/")
    assert tab_until(page, "document.activeElement.matches('[data-kb-search-open]')")
    page.keyboard.press("Enter")
    page.keyboard.type("budżetu obywatelskiego")
    page.locator(".kb-search__results li").first.wait_for()
    assert tab_until(page, "document.activeElement.matches('.kb-search__results a')", limit=10)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/**")
    assert "/pl/" in page.url


def test_checklist_and_copy_link_by_keyboard(page, base_url):
    page.goto(base_url + "nb/participation/stakeholder-mapping/")
    assert tab_until(page, "document.activeElement.matches('input.kb-checklist__box')", limit=200)
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    assert page.locator("input.kb-checklist__box").first.is_checked()
    assert tab_until(page, "document.activeElement.matches('button.kb-copy')", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.kb-copy-status').textContent === 'Kopiert'")


def wait_until(page, predicate_js, seconds=3.0):
    """Poll with evaluate (wait_for_function evaluates strings, which the site's CSP forbids)."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(predicate_js):
            return True
        page.wait_for_timeout(50)
    return False


def test_the_menu_on_a_phone_by_keyboard(page, base_url):
    """Was (found with issue 26): at 375 px the closed menu's 77 links were in the Tab order, out of sight
    (90 presses to the first task of the home page), and the menu button could not be reached."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base_url + "pl/")
    # the closed menu's links are not in the way: the first task link comes within a few presses
    assert tab_until(page, "document.activeElement.closest('.kb-task') !== null", limit=15)
    page.goto(base_url + "pl/participation/stakeholder-mapping/")
    assert tab_until(page, "document.activeElement.matches('button.kb-menu-button')", limit=6)
    assert focus_is_visible(page)
    button = page.locator("button.kb-menu-button")
    assert button.get_attribute("aria-label") == "Menu" and button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-sidebar--primary").is_visible()
    assert page.evaluate("getComputedStyle(document.activeElement).visibility") == "visible"
    page.keyboard.press("Escape")
    assert wait_until(page, "document.activeElement.matches('button.kb-menu-button')")
    assert button.get_attribute("aria-expanded") == "false"
    page.wait_for_timeout(400)   # after the closing slide the menu is out of the Tab order again
    assert page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"
