"""The site contract: what a finished site must hold, in every language, whatever engine built it.

`kb.py verify-site SITE_DIR` reads the knowledge base with the same pipeline as the build (the registry,
and publish.language_outputs for everything generated) and checks the folder an engine wrote:

- every page and every generated page, with the right `lang`, an alternate for every language that leads
  to a page of the site, its explicit heading anchors, and its checklist items by id;
- every file the knowledge base publishes besides pages: the api/ exports (JSON that parses), checklist
  downloads, the feed (Atom whose entries lead to pages of the site), the /go/ short links and the
  redirects from `moved_from` (each leading to a page of the site);
- each language's search bundle and 404 page;
- on every HTML file: the Content-Security-Policy meta, first in <head>, allowing each inline script the
  page holds and nothing more; and no request to another host at page load (scripts, styles, images,
  frames; url() in the site's stylesheets).

An engine that silently ignores the hooks (Zensical today), a plugin upgrade or a configuration change
therefore cannot publish an incomplete site unnoticed: each finding is a line
`path: what is missing — why it matters`, and the command exits non-zero.
"""
from __future__ import annotations

import json
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from . import csp
from . import publish
from . import redirects
from . import sitemaps


@dataclass(frozen=True, order=True)
class Finding:
    path: str      # below the site folder
    what: str
    why: str
    area: str = field(default="", compare=False)   # which part of the contract (AREAS)

    def __str__(self) -> str:
        return f"{self.path}: {self.what} — {self.why}"


@dataclass(frozen=True)
class PageExpect:
    path: str                      # the HTML file below the site folder
    lang: str
    source: str                    # what it is made from, for messages
    anchors: frozenset = frozenset()
    items: tuple = ()              # checklist item ids
    own: bool = True               # written in its language (not the default language's words under its address)


@dataclass(frozen=True)
class FileExpect:
    path: str
    lang: str
    kind: str                      # export, download, feed, sitemap, short link, redirect
    source: str = ""


@dataclass(frozen=True)
class Contract:
    codes: tuple
    prefixes: dict                 # code -> '' or 'pl/'
    site_url: str                  # absolute URL of the site's root ('https://…/knowledge-base/'), or ''
    pages: tuple
    files: tuple
    csp: bool
    search: str                    # 'pagefind', 'material' or 'none'

    @property
    def site_path(self) -> str:
        """The path the site is served under ('/knowledge-base/'), from site_url."""
        path = urlsplit(self.site_url).path if self.site_url else "/"
        return path if path.endswith("/") else path + "/"


def contract(session) -> Contract:
    """What the site built from this session's knowledge base must hold."""
    cfg, registry = session.config, session.registry
    default = cfg.default_language
    pages, files = [], []
    virtual_by_base = {v.base: v for v in registry.virtual.values()}
    for lang in cfg.codes:
        prefix = cfg.prefix(lang)
        for base, versions in sorted(registry.by_base.items()):
            page = versions.get(lang) or versions.get(default)
            if page is None:
                continue   # a page without a default-language version is not built in other languages
            pages.append(PageExpect(prefix + cfg.urls.output(base), lang, page.path, frozenset(page.anchors),
                                    tuple(item.id for item in page.checklist), lang in versions))
        outputs = publish.language_outputs(session, lang, session.language_url(cfg.site_url, lang), "")
        items = {f"checklists/{coll['slug']}.md": tuple(item.id for _, group in coll["groups"] for item in group)
                 for coll in session.collections.get(lang, [])}
        for out in outputs:
            if out.page:
                virtual = virtual_by_base.get(out.src_uri)
                pages.append(PageExpect(prefix + cfg.urls.output(out.src_uri), lang,
                                        f"the generated page '{virtual.id if virtual else out.src_uri}'",
                                        frozenset(_own_anchors(virtual, registry, lang)), items.get(out.src_uri, ())))
            else:
                files.append(FileExpect(prefix + out.src_uri, lang, _kind(out.src_uri), _redirect_source(out.src_uri)))
        if cfg.site_url:   # a site without an address (the offline copy) has no sitemaps
            files.append(FileExpect(prefix + sitemaps.NAME, lang, "sitemap"))
    return Contract(codes=cfg.codes, prefixes={c: cfg.prefix(c) for c in cfg.codes}, site_url=cfg.site_url,
                    pages=tuple(pages), files=tuple(files), csp=cfg.settings.csp, search=cfg.settings.search)


def _own_anchors(virtual, registry, lang: str) -> set:
    """The anchors a generated page writes in this language (what's new declares every language's months
    for reference checks; a language shows only its own)."""
    if virtual is None:
        return set()
    if virtual.id == "whats-new":
        from . import generated_pages
        return {f"m-{str(p.meta['reviewed'])[:7]}" for p in generated_pages.dated_pages(registry, lang)}
    return set(virtual.anchors)


def _kind(src_uri: str) -> str:
    if src_uri.startswith("api/"):
        return "export"
    if src_uri.startswith("checklists/"):
        return "download"
    if src_uri.endswith(".xml"):
        return "feed"
    if src_uri.startswith(redirects.SHORT_PREFIX):
        return "short link"
    return "redirect"


def _redirect_source(src_uri: str) -> str:
    return src_uri[: -len("index.html")] if src_uri.endswith("index.html") else ""


# The parts of the contract, in the order a report lists them
AREAS = {
    "pages": "every page in every language",
    "generated": "generated pages (checklists, glossary, what's new, status, handouts)",
    "lang": "the right lang on every page",
    "alternates": "language alternates that lead to pages",
    "sitemaps": "a sitemap per language with every page's language versions",
    "anchors": "heading anchors",
    "checklists": "checklist items by id",
    "exports": "api/ exports (JSON, CSV)",
    "downloads": "checklist downloads",
    "feeds": "Atom feeds",
    "short links": "/go/ short links",
    "redirects": "moved_from redirects",
    "search": "a search bundle per language",
    "404": "a 404 page per language",
    "csp": "the Content-Security-Policy meta on every HTML page",
    "hosts": "no request to other hosts",
}


# --- reading a finished site -----------------------------------------------------------------------------

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([\w-]+)", re.I)
# a language version: the language switcher's links (or hreflang links in the head, where an engine writes them)
_ALTERNATE = re.compile(r"<a\b[^>]*\bhreflang\s*=[^>]*>|<link\b[^>]*\brel\s*=\s*[\"']?alternate\b[^>]*>", re.I)
_ATTR = re.compile(r"([a-zA-Z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)")
_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")
_DATA_ITEM = re.compile(r"""\sdata-item\s*=\s*["']([^"']+)["']""")
_CSP_META = re.compile(r"""<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>""", re.I)
_REFRESH = re.compile(r"""<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>""", re.I)
_LOADING_TAG = re.compile(r"<(script|link|img|iframe|frame|source|video|audio|embed|object|track|input)\b([^>]*)>", re.I)
_LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
                 "mask-icon", "preconnect", "dns-prefetch"}
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.I)
_OTHER_HOST = re.compile(r"^\s*(?:https?:)?//", re.I)
ATOM = "{http://www.w3.org/2005/Atom}"


def attributes(tag_attrs: str) -> dict:
    return {name.lower(): value.strip("\"'") for name, value in _ATTR.findall(tag_attrs)}


class Site:
    """A finished site on disk: its files, read once each."""

    def __init__(self, root: str):
        self.root = root
        self.files: set = set()
        for dirpath, _, names in os.walk(root):
            rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
            for name in names:
                self.files.add(name if rel == "." else f"{rel}/{name}")
        self._text: dict = {}

    def text(self, path: str) -> str:
        if path not in self._text:
            with open(os.path.join(self.root, path), encoding="utf-8", errors="replace") as fh:
                self._text[path] = fh.read()
        return self._text[path]

    def target(self, from_path: str, href: str, site_url: str, site_path: str) -> str | None:
        """The file below the site that a link on page from_path leads to ('' when it is on another host,
        None when it is inside the site's address but no file is there)."""
        href = unquote(href.split("#", 1)[0].split("?", 1)[0])
        if site_url and href.startswith(site_url):
            rel = href[len(site_url):]
        elif _OTHER_HOST.match(href) or href.startswith(("mailto:", "tel:")):
            return ""
        elif href.startswith("/"):
            if not href.startswith(site_path):
                return None
            rel = href[len(site_path):]
        else:
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), href)) if href else from_path
            if href.endswith("/") and rel != ".":
                rel += "/"
            if rel in (".", "./"):
                rel = ""
            if rel.startswith("../"):
                return None
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        if rel not in self.files and rel + "/index.html" in self.files:
            rel += "/index.html"
        return rel if rel in self.files else None


def verify(site_dir: str, expected: Contract) -> list[Finding]:
    """Every way the site in site_dir falls short of the contract (empty when it holds)."""
    if not os.path.isdir(site_dir):
        return [Finding(site_dir, "the folder does not exist", "build the site first ('make build')", "pages")]
    site = Site(site_dir)
    findings: list[Finding] = []
    for page in expected.pages:
        findings += _page(site, page, expected)
    for code in expected.codes:
        not_found = expected.prefixes[code] + "404.html"
        if not_found not in site.files:
            findings.append(Finding(not_found, "the 404 page is missing",
                                    f"a mistyped or old address shows the host's bare error page instead of a page in {code}", "404"))
        else:
            findings += _language(site, not_found, code, "the 404 page")
        findings += _search(site, expected, code)
    for item in expected.files:
        findings += _file(site, item, expected)
    for path in sorted(site.files):
        if path.endswith(".html"):
            findings += _policy(site, path, expected)
        elif path.endswith(".css"):
            findings += [Finding(path, f"loads {url} from another host",
                                 "the site promises readers that no page asks another host for anything", "hosts")
                         for url in _CSS_URL.findall(site.text(path))]
    return sorted(set(findings))


def _language(site, path: str, lang: str, what: str) -> list[Finding]:
    found = _HTML_LANG.search(site.text(path))
    if not found:
        return [Finding(path, f"{what} has no lang attribute on <html> (expected '{lang}')",
                        "screen readers and translation tools cannot tell the page's language", "lang")]
    if found.group(1) != lang:
        return [Finding(path, f"{what} says lang=\"{found.group(1)}\", expected '{lang}'",
                        "screen readers read it with the wrong language's pronunciation, and search goes wrong", "lang")]
    return []


def _page(site, page: PageExpect, expected: Contract) -> list[Finding]:
    if page.path not in site.files:
        return [Finding(page.path, f"the page made from {page.source} ({page.lang}) is missing",
                        "links, the navigation and search results that lead to it break", page_area(page))]
    text = site.text(page.path)
    findings = _language(site, page.path, page.lang, "the page")
    alternates = {}
    for tag in _ALTERNATE.findall(text):
        attrs = attributes(tag[tag.index(" "):-1])
        if attrs.get("hreflang"):
            alternates.setdefault(attrs["hreflang"], attrs.get("href", ""))
    for code in expected.codes:
        if code not in alternates:
            findings.append(Finding(page.path, f"no language alternate for '{code}'",
                                    "the language switcher and search engines cannot find that language's version", "alternates"))
        elif site.target(page.path, alternates[code], expected.site_url, expected.site_path) is None:
            findings.append(Finding(page.path, f"the language alternate for '{code}' ({alternates[code]}) leads to no page",
                                    "the language switcher sends the reader to a missing page", "alternates"))
    ids = set(_ID.findall(text))
    for anchor in sorted(page.anchors - ids):
        findings.append(Finding(page.path, f"the anchor '#{anchor}' is missing",
                                "links to this section from other pages, checklists and handouts land at the top of the page", "anchors"))
    items = set(_DATA_ITEM.findall(text))
    for item in page.items:
        if item not in items or item not in ids:
            findings.append(Finding(page.path, f"the checklist item '{item}' is missing",
                                    "the interactive checklist, saved ticks and links to the item are lost", "checklists"))
    return findings


_FILE_AREA = {"export": "exports", "download": "downloads", "feed": "feeds", "sitemap": "sitemaps", "short link": "short links",
              "redirect": "redirects"}


def page_area(page: PageExpect) -> str:
    return "generated" if page.source.startswith("the generated page") else "pages"


_WHY_FILE = {
    "export": "the open-data export that partners and the case browser read is gone",
    "download": "trainers cannot download the checklist (CSV, JSON, Markdown)",
    "feed": "readers who follow what's new in a feed reader get nothing",
    "sitemap": "search engines do not learn the language versions of the pages, and may show a reader the wrong one",
    "short link": "the short link printed on handouts and in QR codes leads nowhere",
    "redirect": "the page's former address (moved_from) no longer leads to it: old links and bookmarks break",
}


def _file(site, item: FileExpect, expected: Contract) -> list[Finding]:
    if item.path not in site.files:
        what = {"short link": f"the short link /{item.path[:-len('index.html')]} is missing",
                "redirect": f"the redirect from {item.source} is missing"}.get(item.kind, f"the {item.kind} is missing")
        return [Finding(item.path, what, _WHY_FILE[item.kind], _FILE_AREA[item.kind])]
    text = site.text(item.path)
    if item.path.endswith(".json"):
        try:
            json.loads(text)
        except ValueError as exc:
            return [Finding(item.path, f"is not valid JSON ({exc})", _WHY_FILE[item.kind], _FILE_AREA[item.kind])]
    if item.kind == "feed":
        return _feed(site, item, text, expected)
    if item.kind == "sitemap":
        return _sitemap(site, item, text, expected)
    if item.kind in ("short link", "redirect"):
        refresh = _REFRESH.search(text)
        target = attributes(refresh.group(0)[5:-1]).get("content", "").partition("url=")[2] if refresh else ""
        if not target or not site.target(item.path, target, expected.site_url, expected.site_path):
            return [Finding(item.path, f"redirects to {target or 'nothing'}, which is no page of the site",
                            _WHY_FILE[item.kind], _FILE_AREA[item.kind])]
    return []


def _feed(site, item: FileExpect, text: str, expected: Contract) -> list[Finding]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [Finding(item.path, f"is not valid XML ({exc})", _WHY_FILE["feed"], "feeds")]
    findings = []
    for entry in root.iter(ATOM + "entry"):
        link = entry.find(ATOM + "link")
        href = link.get("href", "") if link is not None else ""
        if not site.target(item.path, href, expected.site_url, expected.site_path):
            findings.append(Finding(item.path, f"an entry links to {href or 'nothing'}, which is no page of the site",
                                    "feed readers lead to a missing page", "feeds"))
    return findings


SITEMAP = "{%s}" % sitemaps.SITEMAP
XHTML = "{%s}" % sitemaps.XHTML


def _sitemap(site, item: FileExpect, text: str, expected: Contract) -> list[Finding]:
    """The language's sitemap lists each of its own pages once, by its absolute URL, with a version for
    every language the page has and x-default, each leading to a page of the site."""
    why = _WHY_FILE["sitemap"]
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [Finding(item.path, f"is not valid XML ({exc})", why, "sitemaps")]
    findings, listed = [], set()
    langs_of: dict = {}   # a page's path below its language's root -> the languages it is written in
    for page in expected.pages:
        if page.own:
            langs_of.setdefault(page.path[len(expected.prefixes[page.lang]):], set()).add(page.lang)
    for url in root.iter(SITEMAP + "url"):
        loc = (url.findtext(SITEMAP + "loc") or "").strip()
        target = site.target(item.path, loc, expected.site_url, expected.site_path) if loc.startswith(expected.site_url) else None
        if not target:
            findings.append(Finding(item.path, f"lists {loc or 'an empty address'}, which is no page of the site", why, "sitemaps"))
            continue
        listed.add(target)
        versions = {link.get("hreflang"): link.get("href", "") for link in url.iter(XHTML + "link")}
        for code, href in sorted(versions.items()):
            if not site.target(item.path, href, expected.site_url, expected.site_path):
                findings.append(Finding(item.path, f"the '{code}' version of {loc} ({href}) is no page of the site", why, "sitemaps"))
        written_in = langs_of.get(target[len(expected.prefixes[item.lang]):], set())
        if len(written_in) > 1 and not written_in | {"x-default"} <= set(versions):
            missing = sorted((written_in | {"x-default"}) - set(versions))
            findings.append(Finding(item.path, f"{loc} does not name its versions {', '.join(missing)}", why, "sitemaps"))
    for page in expected.pages:
        if page.lang == item.lang and page.own and page.path not in listed:
            findings.append(Finding(item.path, f"does not list {page.path} (from {page.source})", why, "sitemaps"))
    return findings


def _search(site, expected: Contract, code: str) -> list[Finding]:
    prefix = expected.prefixes[code]
    if expected.search == "pagefind":
        entry = prefix + "pagefind/pagefind-entry.json"
        if entry not in site.files or prefix + "pagefind/pagefind.js" not in site.files:
            return [Finding(entry, f"the search bundle of '{code}' is missing", f"search finds nothing for readers of {code}", "search")]
        try:
            languages = json.loads(site.text(entry)).get("languages") or {}
        except (ValueError, AttributeError) as exc:
            return [Finding(entry, f"the search bundle's entry is not valid JSON ({exc})", f"search fails for readers of {code}", "search")]
        pages = sum(p.lang == code for p in expected.pages)
        if set(languages) != {code}:
            return [Finding(entry, f"the search bundle of '{code}' indexes the languages {sorted(languages) or 'none'}",
                            "readers would get results in another language, or none", "search")]
        indexed = int(languages[code].get("page_count") or 0)
        if indexed != pages:
            return [Finding(entry, f"the search bundle of '{code}' indexes {indexed} pages, not the language's {pages}",
                            "some pages cannot be found by search" if indexed < pages else
                            "search results include pages that are not content (redirects, the 404 page)", "search")]
        fragment = f"{prefix}pagefind/pagefind.{languages[code].get('hash')}.pf_meta"
        if fragment not in site.files:
            return [Finding(fragment, "the search index the bundle names is missing", f"search fails for readers of {code}", "search")]
    elif expected.search == "material":
        index = prefix + "search/search_index.json"
        if index not in site.files and "search/search_index.json" not in site.files:
            return [Finding(index, f"the search index of '{code}' is missing", f"search finds nothing for readers of {code}", "search")]
    return []


def _policy(site, path: str, expected: Contract) -> list[Finding]:
    text = site.text(path)
    findings = []
    if expected.csp:
        meta = _CSP_META.search(text)
        head = text.lower().find("<head")
        first_script = text.lower().find("<script")
        if not meta:
            findings.append(Finding(path, "no Content-Security-Policy meta",
                                    "the page runs without the site's script policy, which stops injected scripts", "csp"))
        else:
            policy = attributes(meta.group(0)[5:-1]).get("content", "")
            script_src = next((d for d in policy.split(";") if d.strip().startswith(("script-src", "default-src 'none'"))), "")
            if head < 0 or meta.start() < head or (0 <= first_script < meta.start()):
                findings.append(Finding(path, "the Content-Security-Policy meta comes after a script or outside <head>",
                                        "the browser runs what comes before the policy without it", "csp"))
            if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
                findings.append(Finding(path, "the Content-Security-Policy allows any inline script",
                                        "an injected script would run", "csp"))
            for body in csp.executable_inline_scripts(text):
                if csp.script_hash(body) not in policy:
                    findings.append(Finding(path, f"an inline script is not allowed by the page's policy: {body.strip()[:60]!r}",
                                            "the browser blocks it and the page's feature breaks (or it is not the site's)", "csp"))
    for tag, attrs_text in _LOADING_TAG.findall(text):
        attrs = attributes(attrs_text)
        if tag.lower() == "link" and not (_LOADING_RELS & set(attrs.get("rel", "").lower().split())):
            continue
        for name in ("src", "href", "srcset", "data", "poster"):
            value = attrs.get(name, "")
            if name == "href" and tag.lower() != "link":
                continue
            if any(_OTHER_HOST.match(part) for part in value.split(",")):
                findings.append(Finding(path, f"loads {value.strip()[:80]} from another host (<{tag.lower()}>)",
                                        "the site promises readers that no page asks another host for anything", "hosts"))
    return findings
