"""WCAG 2.1 AA with axe-core in Chromium: every template, every language, desktop and phone width;
the search dialog with results, the print view and the translation notice too. Zero violations."""
import os

import pytest

from .browser_tools import release
from .pages import TEMPLATES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LANGS = ["en", "pl", "nb"]


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def violations(axe, page):
    """axe-core (the copy bundled with axe-playwright-python), bounded in time so a stuck run fails."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe.axe_script)
    options = {"runOnly": {"type": "tag", "values": TAGS}}
    response = page.evaluate("""(options) => Promise.race([
        axe.run(document, options),
        new Promise((_, reject) => setTimeout(() => reject(new Error('axe did not finish in 60 s')), 60000))])""",
                             options)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3], v["nodes"][0].get("failureSummary", ""))
            for v in response["violations"]]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", LANGS)
def test_every_template_has_no_violations(browser, base_url, registry, axe, lang, width):
    found = {}
    context = browser.new_context(viewport={"width": width, "height": 900})
    for name, path in TEMPLATES.items():
        page = context.new_page()
        page.set_default_timeout(30000)
        page.goto(base_url + registry.config.prefix(lang) + path)
        page.wait_for_load_state("load")
        try:
            v = violations(axe, page)
        except Exception as exc:  # noqa: BLE001 - name the page that failed
            raise AssertionError(f"axe failed on {name} ({lang}, {width}px): {exc}") from exc
        if v:
            found[name] = v
        release(page)
    assert not found, found


@pytest.mark.parametrize("lang,query", [("en", "participation"), ("pl", "gminie"), ("nb", "medvirkning")])
def test_search_dialog_with_results(page, base_url, registry, axe, lang, query):
    page.goto(base_url + registry.config.prefix(lang))
    page.keyboard.press("/")
    page.locator("#kb-search-input").type(query)
    page.locator(".kb-search__results li").first.wait_for()
    assert not violations(axe, page)


@pytest.mark.parametrize("lang", LANGS)
def test_print_view(page, base_url, registry, axe, lang):
    page.goto(base_url + registry.config.prefix(lang) + TEMPLATES["guide"])
    page.emulate_media(media="print")
    assert not violations(axe, page)


def test_translation_notice_page(browser, axe, tmp_path_factory):
    """A fixture site with a missing and an outdated translation: the notice pages pass axe too."""
    import functools
    import http.server
    import threading

    import sitefactory as sf
    from fixtures import pages as fp
    site = str(tmp_path_factory.mktemp("notice"))
    pages = fp.site_pages()
    pages.pop("participation/beta-guide.pl.md")
    pages["participation/alpha-guide.nb.md"] = fp.guide("nb", extra='source_hash: "00000000"\n')
    sf.make_site(site, pages, glossary=fp.GLOSSARY)
    rc, out = sf.build(site)
    assert rc == 0, out
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=os.path.join(site, "site"))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        for path, text in (("pl/participation/beta-guide/", "nie jest jeszcze dostępna"),
                           ("nb/participation/alpha-guide/", "er endret")):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
            assert text in page.locator(".admonition").first.inner_text()
            assert not violations(axe, page), path
        release(page)
    finally:
        server.shutdown()
