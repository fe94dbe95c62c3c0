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



# Watches the offline copy's search worker (iframe-worker, installed as window.IFrameWorker): the last
# query Material sent it (message type 2) and whether an answer (type 3) came after it.
WATCH_SEARCH_WORKER = """() => {
  if (window.__kbSearch) return;
  const s = window.__kbSearch = { query: null, answered: false };
  const post = IFrameWorker.prototype.postMessage;
  IFrameWorker.prototype.postMessage = function (message) {
    if (message && message.type === 2) { s.query = message.data; s.answered = false; }
    return post.apply(this, arguments);
  };
  addEventListener("message", e => { if (e.data && e.data.type === 3 && s.query !== null) s.answered = true; }, true);
}"""


def offline_search_answered(page, query: str, timeout_ms: int = 10_000) -> list:
    """Type query into the offline copy's search field as a person does (selecting what is there first,
    so that it is replaced) and wait until the search worker was asked the field's final text and
    answered it. Returns the shown results' hrefs (empty if the answer is 'no results')."""
    page.evaluate(WATCH_SEARCH_WORKER)
    field = page.locator("input.md-search__input")
    field.click()
    field.press("Control+a")
    field.press_sequentially(query, delay=20)
    page.wait_for_function(
        """q => window.__kbSearch.query === q && window.__kbSearch.answered
               && document.querySelector("input.md-search__input").value === q""",
        arg=query, timeout=timeout_ms)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
