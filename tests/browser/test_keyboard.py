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
