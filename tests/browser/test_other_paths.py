"""The site under / and under a prefix: pages link relatively and work under any path; the 404 page, which a
host serves at any depth, links root-absolute to the address the site was built for (KB_SITE_URL; README,
"Under another path"). Was (issue 26): the 404 page could only work under /knowledge-base/."""
import pytest

import static_server
from site_build import built_site

from .browser_tools import release

ROOT_URL = "https://example.org/"   # a build for the root of a host: served at / below


@pytest.fixture(scope="module")
def site_at_root(tmp_path_factory):
    return built_site(str(tmp_path_factory.mktemp("at-root")), site_url=ROOT_URL)


def _visit(browser, url):
    page = browser.new_context().new_page()
    origin = "/".join(url.split("/")[:3])
    page.failed = []
    page.on("response", lambda r: page.failed.append((r.status, r.request.resource_type, r.url))
            if r.status >= 400 and r.url.startswith(origin) else None)
    page.on("request", lambda r: page.failed.append((0, "other host", r.url))
            if r.url.startswith("http") and not r.url.startswith(origin) else None)
    return page


def _check_not_found(page, url, prefix, lang, strings):
    """A mistyped address deep below the language: the language's 404 page, styled, leading home."""
    wrong = url + prefix + "no/such/page/at/depth/"
    response = page.goto(wrong)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1#not-found").inner_text() == strings[lang]["not_found_title"]
    # Material's stylesheet applied (the header is fixed-positioned only with it)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    switcher = {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator("a.md-select__link").all()}
    path = "/" + url.split("/", 3)[3]
    assert switcher == {code: path + p for code, p in PREFIXES.items()}
    page.get_by_role("link", name=strings[lang]["not_found_home"], exact=True).click()
    page.wait_for_load_state()
    assert page.url == url + prefix and page.evaluate("document.documentElement.lang") == lang
    assert [f for f in page.failed if f != (404, "document", wrong)] == []
    page.failed.clear()


PREFIXES = {}


@pytest.mark.parametrize("where", ["root", "prefix"])
def test_pages_and_404_pages_work_under_the_path_the_site_was_built_for(browser, site, site_at_root, registry, where):
    from knowledge_base import strings as strings_mod
    codes = registry.config.codes
    PREFIXES.update({code: registry.config.prefix(code) for code in codes})
    cfg = registry.config
    loaded = strings_mod.load(cfg.data_dir, cfg.codes, cfg.default_language)[0]
    strings = {code: loaded.for_lang(code) for code in codes}
    directory, path = (site_at_root, "/") if where == "root" else (site, "/knowledge-base/")
    server, url = static_server.serve(directory, path, codes)
    try:
        page = _visit(browser, url)
        page.goto(url)
        for code in ("pl", "nb", "en"):   # the home pages' language switch
            href = page.locator(f'a.md-select__link[hreflang="{code}"]').get_attribute("href")
            page.goto(page.url + href)
            assert page.url == url + PREFIXES[code] and page.evaluate("document.documentElement.lang") == code
        for code in codes:
            page.goto(url + PREFIXES[code] + "participation/stakeholder-mapping/")
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
            _check_not_found(page, url, PREFIXES[code], code, strings)
        assert page.failed == []
        release(page)
    finally:
        server.shutdown()
