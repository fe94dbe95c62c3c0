"""Attacks in every header field and data file, in a real browser: online and in the offline copy, no
payload runs, no dialog opens, the Content-Security-Policy is never violated and the DOM holds no event
attribute or javascript: link."""
import os
import subprocess
import sys
import zipfile

import pytest

import sitefactory as sf
import static_server
from hostile import payloads

from .browser_tools import offline_search, release

# Runs before any script of the page: records payloads that run and every CSP violation
TRAPS = """
window.__kbHits = [];
Object.defineProperty(window, '__kbPwned', {configurable: false, get() { return undefined; },
                                             set(v) { window.__kbHits.push('payload ' + v); }});
for (const name of ['alert', 'confirm', 'prompt']) { window[name] = (m) => window.__kbHits.push(name + ' ' + m); }
document.addEventListener('securitypolicyviolation',
  (e) => window.__kbHits.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""
MARKUP = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (/^\\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/.test(a.name))
        bad.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 40));
    }
    // the content may hold none of these (the theme's search form, the facet filters and the offline copy's
    // worker frame are the site's own)
    
    if (el.closest('.md-content') && !el.closest('.kb-browser') && ['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'SCRIPT'].includes(el.tagName))
      bad.push('in the content: ' + el.tagName);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(site folder, built site, unzipped offline copy) of the hostile fixture."""
    root = tmp_path_factory.mktemp("hostile-browser")
    site = payloads.make(str(root / "project"), search=True)
    rc, out = sf.build(site)
    assert rc == 0, out
    result = subprocess.run([sys.executable, os.path.join(sf.ROOT, "hooks", "build_offline.py"), "--root", site,
                             "--out", str(root / "offline")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(str(root / "offline" / "knowledge-base-offline.zip")) as zf:
        zf.extractall(str(root / "unzipped"))
    return site, os.path.join(site, "site"), str(root / "unzipped" / "knowledge-base")


def _pages(folder):
    out = []
    for dirpath, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), folder).replace(os.sep, "/")
            if name.endswith(".html") and not rel.split("/")[0] in ("go",) and "/go/" not in "/" + rel:
                out.append(rel)
    return sorted(out)


def _visit(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)   # the page's own scripts (facets, checklists) have run
    return page.evaluate("window.__kbHits") + page.evaluate(MARKUP)


def _visit_all(page, folder, url_of) -> dict:
    """{page: what ran or was found} for every HTML page of a built folder (more than 40 of them)."""
    pages = _pages(folder)
    assert len(pages) > 40
    problems = {}
    for rel in pages:
        found = _visit(page, url_of(rel))
        if found or page.dialogs:
            problems[rel] = found + page.dialogs
    return problems


def _new_page(browser, **kw):
    context = browser.new_context(**kw)
    context.add_init_script(TRAPS)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    return page


def test_no_payload_runs_online(browser, hostile):
    _, site_dir, _ = hostile
    server, base = static_server.serve(site_dir, "/kb/", ("en", "pl", "nb"))
    page = _new_page(browser)
    try:
        problems = _visit_all(page, site_dir,
                              lambda rel: base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
        # search: titles and excerpts of pages full of payloads, as the search dialog shows them
        page.goto(base + "pl/")
        page.keyboard.press("/")
        page.locator("#kb-search-input").fill("Alpha")
        page.locator(".kb-search__results li").first.wait_for(timeout=15000)
        found = page.evaluate("window.__kbHits") + page.evaluate(MARKUP)
        if found:
            problems["search"] = found
        assert problems == {}
    finally:
        release(page)
        server.shutdown()


def test_no_payload_runs_in_the_offline_copy(browser, hostile):
    _, _, offline = hostile
    page = _new_page(browser)
    try:
        problems = _visit_all(page, offline, lambda rel: "file://" + offline + "/" + rel)
        # the offline copy's own search (Material's, through the iframe worker under the same CSP)
        page.goto("file://" + offline + "/index.html")
        assert offline_search(page, "Alpha").count() > 0
        found = page.evaluate("window.__kbHits") + page.evaluate(MARKUP)
        if found:
            problems["search"] = found
        assert problems == {}
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    finally:
        release(page)
