"""Helpers shared by the browser tests."""


def release(page):
    """Done with a page: send it to about:blank (freeing what the site's page held) instead of closing it.

    Chromium can acknowledge a page or context close and then drop it when the close races a
    navigation commit, and Playwright then waits for it forever (crbug.com/536385539,
    microsoft/playwright#41900 and #42366); it happened here at random, once per full run or so, in
    teardowns. Closing the browser at the end of the module (the browser fixture) ends the page."""
    try:
        page.goto("about:blank", wait_until="commit", timeout=10_000)
    except Exception:  # noqa: BLE001 - the browser's close ends it anyway
        pass


def offline_search(page, query: str, timeout_ms: int = 20_000):
    """Search the offline copy (Material's search, in an iframe worker) as a person does, key by key.

    Material reads the field on keyup, on focus and when its worker is ready, not on `input`: a field
    filled in one step (Playwright's fill) after the worker is ready is never searched, which made the
    offline tests fail about one run in three. Returns the result items' locator."""
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=timeout_ms)
    return items
