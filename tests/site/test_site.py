"""The real site: every page in every language, correct lang, switcher, 404, nothing from other hosts."""
import json
import os
import re
from html.parser import HTMLParser

import pytest


def html_files(site):
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if name.endswith(".html"):
                yield os.path.join(dirpath, name)


def read(site, rel):
    with open(os.path.join(site, rel), encoding="utf-8") as fh:
        return fh.read()


def lang_of(path_rel, codes, default):
    first = path_rel.split("/")[0]
    return first if first in codes and first != default else default


def site_path(registry):
    from urllib.parse import urlsplit
    return urlsplit(registry.config.site_url).path or "/"


def test_every_page_exists_in_every_language(site, registry):
    codes = registry.config.codes
    for page_id, versions in registry.versions.items():
        page = registry.page(page_id, registry.config.default_language)
        for code in codes:
            path = os.path.join(site, registry.config.prefix(code), page.url, "index.html")
            assert os.path.exists(path), f"{page_id} has no {code} page at {path}"


def test_html_lang_on_every_page(site, registry):
    codes, default = registry.config.codes, registry.config.default_language
    checked = 0
    for path in html_files(site):
        rel = os.path.relpath(path, site).replace(os.sep, "/")
        if "pagefind/" in rel:
            continue
        html = read(site, rel)
        match = re.search(r'<html lang="([^"]+)"', html)
        assert match, rel
        assert match.group(1) == lang_of(rel, codes, default), rel
        checked += 1
    assert checked > 50


def test_language_switcher_links_the_same_page(site, registry):
    for page_id in registry.versions:
        base = registry.page(page_id, "en")
        for code in registry.config.codes:
            url = registry.config.prefix(code) + base.url
            html = read(site, url + "index.html")
            links = dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', html))
            assert set(links) == set(registry.config.codes), (page_id, code, links)
            for target_lang, href in links.items():
                if href.startswith("/"):   # absolute: strip the site's own path (site_url)
                    href = "/" + href[len(site_path(registry)):]
                    resolved = href.strip("/")
                else:
                    resolved = os.path.normpath(os.path.join(url, href)).replace(os.sep, "/").lstrip("./")
                expected = (registry.config.prefix(target_lang) + base.url).rstrip("/")
                assert resolved.rstrip("/") == expected.rstrip("/") or (resolved in (".", "") and expected == ""), \
                    (page_id, code, target_lang, href)


def test_the_language_switcher_links_relatively_except_on_the_404_page(site):
    """Root-absolute switcher links (the home pages had /knowledge-base/pl/) break when the site is served
    under another path: a preview, a local copy. Only the 404 page, served at any depth, keeps them."""
    switch = re.compile(r'<a href="([^"]*)" hreflang="[^"]*" class="md-select__link">')
    absolute = []
    for path in html_files(site):
        rel = os.path.relpath(path, site).replace(os.sep, "/")
        if rel.endswith("404.html"):
            continue
        absolute += [(rel, href) for href in switch.findall(read(site, rel)) if href.startswith("/")]
    assert absolute == []


def test_each_workshop_is_in_the_menu_once_with_its_title_in_that_language(site, registry):
    """A workshop's handout folder made a second menu entry titled by the folder's name ("Plan ogolny
    participation workshop", English and without diacritics, in every language)."""
    for lang in registry.config.codes:
        html = read(site, registry.config.prefix(lang) + "workshops/index.html")
        nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
        titles = [" ".join(s.split()) for s in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]
        for workshop in registry.of_type("workshop", lang):
            assert titles.count(registry.title(workshop.id, lang)) == 1, (lang, workshop.id, titles)
            folder_name = workshop.id.replace("-", " ").capitalize()
            assert folder_name not in titles, (lang, folder_name)


@pytest.mark.parametrize("prefix,lang,text", [("", "en", "Page not found"), ("pl/", "pl", "Nie znaleziono strony"),
                                              ("nb/", "nb", "Fant ikke siden")])
def test_404_is_localised(site, prefix, lang, text):
    html = read(site, prefix + "404.html")
    assert f'<html lang="{lang}"' in html
    assert text in html


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed"):
            self.urls.append(attrs.get("src") or "")
        if tag == "link" and attrs.get("rel") not in ("alternate", "canonical") and "href" in attrs:
            self.urls.append(attrs["href"])
        if tag == "source" and attrs.get("srcset"):
            self.urls.append(attrs["srcset"])


def test_nothing_loaded_from_other_hosts(site):
    foreign = []
    for path in html_files(site):
        parser = _Resources()
        html = read(site, os.path.relpath(path, site))
        parser.feed(html)
        foreign += [(path, u) for u in parser.urls if re.match(r"^(https?:)?//", u)]
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if name.endswith(".css"):
                css = open(os.path.join(dirpath, name), encoding="utf-8").read()
                foreign += [(name, u) for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css)]
                foreign += [(name, u) for u in re.findall(r"@import\s+['\"]?((?:https?:)?//[^'\";]+)", css)]
    assert not foreign, foreign[:10]


def test_every_page_has_a_csp_and_external_links_are_noopener(site):
    for path in html_files(site):
        html = read(site, os.path.relpath(path, site))
        if "pagefind" in path:
            continue
        assert re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'(self|none)\';', html), path
        for tag in re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', html):
            assert "noopener" in tag, (path, tag)


def test_checklist_exports_hold_exactly_the_authored_items(site, registry):
    from knowledge_base import checklists
    for code in registry.config.codes:
        data = json.loads(read(site, registry.config.prefix(code) + "api/checklists.json"))
        exported = {c["id"]: [i["id"] for i in c["items"]] for c in data["checklists"]}
        expected = {c["slug"]: [i.id for _, items in c["groups"] for i in items]
                    for c in checklists.collections(registry, code)}
        assert exported == expected
        for slug, ids in expected.items():
            html = read(site, registry.config.prefix(code) + f"checklists/{slug}/index.html")
            assert re.findall(r'<li class="kb-checklist__item"[^>]*data-item="([^"]+)"', html) == ids


def test_guides_render_their_checklist_and_sources(site, registry):
    for guide in registry.of_type("guide"):
        for code in registry.config.codes:
            html = read(site, registry.config.prefix(code) + guide.url + "index.html")
            ids = [i.id for i in guide.checklist]
            assert re.findall(r'<li class="kb-checklist__item"[^>]*data-item="([^"]+)"', html) == ids, (guide.id, code)
            assert 'id="sources"' in html, (guide.id, code)


def test_exports_hold_every_case_and_guide_with_documented_fields(site, registry):
    import csv
    import io
    from knowledge_base import exports
    for code in registry.config.codes:
        prefix = registry.config.prefix(code)
        cases = json.loads(read(site, prefix + "api/cases.json"))
        guides = json.loads(read(site, prefix + "api/guides.json"))
        assert sorted(c["id"] for c in cases["cases"]) == sorted(p.id for p in registry.of_type("case", code))
        assert sorted(g["id"] for g in guides["guides"]) == sorted(p.id for p in registry.of_type("guide", code))
        for record in cases["cases"]:
            assert set(exports.CASE_FIELDS) <= set(record), record["id"]
            assert record["sources"] and record["lat"] is not None
        for record in guides["guides"]:
            assert set(exports.GUIDE_FIELDS) <= set(record), record["id"]
        case_rows = list(csv.DictReader(io.StringIO(read(site, prefix + "api/cases.csv").lstrip("\ufeff"))))
        assert [r["id"] for r in case_rows] == [c["id"] for c in cases["cases"]]
        assert list(case_rows[0].keys()) == exports.CASE_FIELDS
        index = json.loads(read(site, prefix + "api/index.json"))
        names = {f["name"] for f in index["files"]}
        assert {"cases.json", "cases.csv", "guides.json", "guides.csv", "checklists.json", "checklists.csv", "glossary.json"} <= names
        glossary = json.loads(read(site, prefix + "api/glossary.json"))
        assert len(glossary["terms"]) == len(registry.glossary.terms)


def test_short_links_for_every_id_in_every_language(site, registry):
    for page_id in registry.versions:
        target = registry.page(page_id, registry.config.default_language)
        for code in registry.config.codes:
            prefix = registry.config.prefix(code)
            html = read(site, prefix + f"go/{page_id}/index.html")
            refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
            resolved = os.path.normpath(os.path.join(prefix + f"go/{page_id}/", refresh)).replace(os.sep, "/")
            assert resolved.rstrip("/") == (prefix + target.url).rstrip("/") or (resolved == "." and not (prefix + target.url)), (page_id, code, refresh)
            assert f'<html lang="{code}">' in html and '<link rel="canonical"' in html


def test_whats_new_and_feeds(site, registry):
    from xml.dom import minidom
    for code in registry.config.codes:
        prefix = registry.config.prefix(code)
        feed = minidom.parseString(read(site, prefix + "feed.xml").encode("utf-8"))
        entries = feed.getElementsByTagName("entry")
        assert len(entries) >= 20
        assert feed.documentElement.getAttribute("xml:lang") == code
        page = read(site, prefix + "whats-new/index.html")
        assert 'type="application/atom+xml"' in page


def test_case_index_lists_every_case_without_javascript(site, registry):
    for code in registry.config.codes:
        html = read(site, registry.config.prefix(code) + "cases/index.html")
        static = html[html.index('class="kb-static-list"'):]
        for case in registry.of_type("case", code):
            assert f'href="{case.url[len("cases/"):]}"' in static, (code, case.id)
        svg = html[html.index("<svg class=\"kb-map\""):html.index("</svg>", html.index("<svg class=\"kb-map\""))]
        assert svg.count('class="kb-map__point"') == len(registry.of_type("case", code))
        assert '<title id="kb-map-title">' in svg


def test_each_language_has_its_own_search_bundle_and_the_search_button_points_to_it(site, registry):
    """Pagefind writes one bundle per language (see hooks/search_index.py); it must hold exactly that
    language's pages, and each page's search button must name its own language's bundle."""
    cfg = registry.config
    for code in cfg.codes:
        entry = json.loads(read(site, cfg.prefix(code) + "pagefind/pagefind-entry.json"))
        assert set(entry["languages"]) == {code}, (code, entry["languages"])
        indexed = entry["languages"][code]["page_count"]
        own_pages = sum(1 for v in registry.versions.values() for p in v.values() if p.lang == code)
        assert indexed >= own_pages, (code, indexed, own_pages)
        page = registry.page("home", code)
        html = read(site, cfg.prefix(code) + page.url + "index.html")
        bundle = re.search(r'data-kb-search-open="([^"]*)"', html).group(1)
        target = os.path.normpath(os.path.join(site, cfg.prefix(code), page.url, bundle))
        assert target == os.path.normpath(os.path.join(site, cfg.prefix(code), "pagefind")), (code, bundle)
