"""The site contract (kb.py verify-site) on the real site: the built site passes, and a site with one
generated page, one redirect, one search bundle, one CSP meta … removed or broken fails with a line that
names the file and says what is missing."""
import os
import re
import shutil
import subprocess
import sys

import pytest

from site_build import ROOT

KB = os.path.join(ROOT, "hooks", "kb.py")
LINE = re.compile(r"^(?P<path>[^\s:][^:]*): (?P<what>.+) — (?P<why>.+)$")


@pytest.fixture(scope="module")
def expected():
    from knowledge_base import session as session_mod
    from knowledge_base import site_config
    from knowledge_base import site_contract
    session = session_mod.start(site_config.load(os.path.join(ROOT, "mkdocs.yml")))
    assert not session.errors
    try:
        return site_contract.contract(session)
    finally:
        session_mod.finish_background(session)


def findings(site_dir, expected):
    from knowledge_base import site_contract
    return [str(f) for f in site_contract.verify(site_dir, expected)]


def copy(site, tmp_path):
    """A copy of the built site made of hard links (fast); a file to change is replaced, never written through."""
    dest = str(tmp_path / "site")
    shutil.copytree(site, dest, copy_function=os.link)
    return dest


def rewrite(site_dir, rel, change):
    path = os.path.join(site_dir, rel)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    changed = change(text)
    assert changed != text, f"the change did nothing to {rel}"
    os.unlink(path)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(changed)


def test_the_built_site_holds_the_contract(site, expected):
    assert findings(site, expected) == []
    codes = set(expected.codes)
    assert {p.lang for p in expected.pages} == codes
    assert sum(p.path.endswith("glossary/index.html") for p in expected.pages) == len(codes)
    assert sum(f.kind == "short link" for f in expected.files) >= 3 * 40
    assert any(p.items for p in expected.pages), "checklist items are part of the contract"


def remove(rel):
    def apply(site_dir):
        path = os.path.join(site_dir, rel)
        shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
    return apply


def edit(rel, old, new, count=1):
    def apply(site_dir):
        rewrite(site_dir, rel, lambda text: re.sub(old, new, text, count=count))
    return apply


MUTATIONS = {
    "a generated page": (remove("pl/glossary/index.html"),
                         r"^pl/glossary/index\.html: the page made from the generated page 'glossary' \(pl\) is missing — "),
    "a page": (remove("nb/participation/stakeholder-mapping/index.html"),
               r"^nb/participation/stakeholder-mapping/index\.html: the page made from docs/participation/stakeholder-mapping\.nb\.md"),
    "a short link": (remove("pl/go/stakeholder-mapping/index.html"),
                     r"^pl/go/stakeholder-mapping/index\.html: the short link /pl/go/stakeholder-mapping/ is missing — the short link printed"),
    "a search bundle": (remove("nb/pagefind"),
                        r"^nb/pagefind/pagefind-entry\.json: the search bundle of 'nb' is missing — search finds nothing"),
    "a CSP meta": (edit("pl/participation/index.html", r'<meta http-equiv="Content-Security-Policy"[^>]*>', ""),
                   r"^pl/participation/index\.html: no Content-Security-Policy meta — "),
    "the 404 page": (remove("pl/404.html"), r"^pl/404\.html: the 404 page is missing — "),
    "an export": (remove("api/guides.json"), r"^api/guides\.json: the export is missing — the open-data export"),
    "a feed": (remove("nb/feed.xml"), r"^nb/feed\.xml: the feed is missing — "),
    "a checklist download": (remove("checklists/participation/checklist-participation-en.csv"),
                             r"^checklists/participation/checklist-participation-en\.csv: the download is missing — "),
    "a checklist item": (edit("participation/stakeholder-mapping/index.html",
                              r'<li class="kb-checklist__item" id="[^"]+" data-item="[^"]+">', "<li>"),
                         r"^participation/stakeholder-mapping/index\.html: the checklist item 'stakeholder-mapping\.[\w-]+' is missing"),
    "the page language": (edit("pl/cases/index.html", r'<html lang="pl"', '<html lang="en"'),
                          r"^pl/cases/index\.html: the page says lang=\"en\", expected 'pl' — "),
    "a language alternate": (edit("pl/glossary/index.html", r'<a href="[^"]*" hreflang="nb" class="md-select__link">', "<a>"),
                             r"^pl/glossary/index\.html: no language alternate for 'nb' — "),
    "a sitemap": (remove("nb/sitemap.xml"), r"^nb/sitemap\.xml: the sitemap is missing — search engines"),
    "a page left out of a sitemap": (edit("pl/sitemap.xml", r"<url>\s*<loc>[^<]*/pl/glossary/</loc>", "<url><loc>x</loc>"),
                                     r"^pl/sitemap\.xml: does not list pl/glossary/index\.html \(from the generated page 'glossary'\) — "),
    "a sitemap without a version": (edit("nb/sitemap.xml", r'\s*<xhtml:link rel="alternate" hreflang="x-default" href="[^"]*/glossary/"/>', ""),
                                   r"^nb/sitemap\.xml: \S+/nb/glossary/ does not name its versions x-default — "),
    "a sitemap's language version": (edit("sitemap.xml", r'hreflang="nb" href="([^"]*)/nb/glossary/"', r'hreflang="nb" href="\1/nb/no-such/"'),
                                     r"^sitemap\.xml: the 'nb' version of \S+/glossary/ \(\S+/nb/no-such/\) is no page of the site — "),
    "a script from another host": (edit("nb/index.html", "</head>", '<script src="https://unpkg.com/x.js"></script></head>'),
                                   r"^nb/index\.html: loads https://unpkg\.com/x\.js from another host \(<script>\) — "),
    "an inline script the policy does not allow": (edit("index.html", "</body>", "<script>alert(1)</script></body>"),
                                                   r"^index\.html: an inline script is not allowed by the page's policy: 'alert\(1\)' — "),
    "an anchor": (edit("glossary/index.html", r'id="plan-ogolny"', 'id="x-plan"'),
                  r"^glossary/index\.html: the anchor '#plan-ogolny' is missing — "),
    "a broken export": (edit("pl/api/cases.json", r"\}\s*$", ""), r"^pl/api/cases\.json: is not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_site_with_something_missing_fails_with_a_clear_line(name, site, expected, tmp_path):
    mutate, pattern = MUTATIONS[name]
    broken = copy(site, tmp_path)
    mutate(broken)
    lines = findings(broken, expected)
    assert any(re.search(pattern, line) for line in lines), (name, lines[:10])
    assert all(LINE.match(line) for line in lines), lines


def test_verify_site_command_exits_non_zero_and_lists_every_problem(site, tmp_path):
    broken = copy(site, tmp_path)
    remove("whats-new/index.html")(broken)
    remove("pl/go/reporting-back/index.html")(broken)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, KB, "verify-site", broken], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout.splitlines()
    assert any(line.startswith("whats-new/index.html: ") for line in out), out
    assert any(line.startswith("pl/go/reporting-back/index.html: ") for line in out), out
    assert re.search(r"^\d+ problem\(s\): .* is not the complete site .* — do not publish it$", out[-1]), out[-1]
    ok = subprocess.run([sys.executable, KB, "verify-site", site], cwd=ROOT, capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stdout
    assert "the site holds all" in ok.stdout
    missing = subprocess.run([sys.executable, KB, "verify-site", str(tmp_path / "nothing")], cwd=ROOT,
                             capture_output=True, text=True, env=env)
    assert missing.returncode == 1 and "the folder does not exist — build the site first" in missing.stdout
