"""The model our templates read as `kb`: one function for pages, the same keys for the 404 page.

Values are plain data; the templates escape them (autoescape), except `qr`, an SVG the build made.
"""
from __future__ import annotations

from urllib.parse import quote

from . import checklists
from . import formats
from . import generated_pages
from . import print_assets
from . import redirects
from . import search_index
from . import self_assessment
from .urls import relative_url


def base_model(session, lang: str) -> dict:
    """The keys every template may read, with the values of a page without content (the 404 page)."""
    return {"lang": lang, "id": "", "type": "404", "type_label": "", "topics": [], "fallback": True, "reviewed": "",
            "url": "", "strings": session.strings_for(lang), "has_checklist": False, "has_browser": False,
            "feed_href": "", "country": "", "challenges": [], "search_bundle": search_bundle(session, lang),
            "folded": "", "search_weight": "", "summary": "", "summary_weight": search_index.SUMMARY_WEIGHT,
            "short_link": "", "qr": "", "report_url": "", "self_assessment": None}


def page_model(session, *, meta: dict, entry, lang: str, page_url: str, content: str, site_url: str,
               repo_url: str, qr=lambda url, label: "") -> dict:
    """The model of one page: meta is its header (the registry's for a page read from docs/), entry the
    registry page or None, page_url its URL below the site's root; qr(url, label) makes a QR code."""
    vocab = session.registry.vocab
    directory_urls = session.config.urls.directory_urls
    page_type = str(meta.get("type") or "page")
    page_id = str(meta.get("id", "") or "")
    url = (site_url or "/") + page_url
    kb = base_model(session, lang)
    kb.update({
        "id": page_id,
        "type": page_type,
        "type_label": vocab.label("page_types", page_type, lang),
        "topics": [vocab.label("topics", t, lang) for t in meta.get("topics") or []],
        "fallback": bool(entry and entry.lang != lang),
        "reviewed": formats.readable(meta.get("reviewed"), lang) if meta.get("reviewed") else "",
        "url": url,
        "has_checklist": bool(entry and entry.checklist) or page_type in ("checklist", "handout"),
        "has_browser": page_type == "topic" or meta.get("lists") == "cases",
        "has_planner": page_type == "planner",
        "feed_href": feed_href(session, page_url, lang) if directory_urls else "",
        "country": meta.get("country", ""),
        "challenges": [vocab.label("challenges", c, lang) for c in meta.get("challenges") or []],
        "folded": search_index.folded_terms(content or ""),
        "search_weight": search_index.type_weight(page_type),
        "summary": checklists.plain_text(str(meta.get("summary") or ""), session.registry, lang),
        "summary_weight": search_index.SUMMARY_WEIGHT,
    })
    if page_type == self_assessment.PAGE_TYPE:
        # the statements in the page itself, so that the tool works from file:// in the offline copy too
        kb["self_assessment"] = self_assessment.page_data(session.registry, lang,
                                                          session.config.urls.page(session.registry.base_of(page_id)))
    if page_id in session.registry.versions and directory_urls:
        kb["short_link"] = session.language_url(site_url, lang) + redirects.SHORT_PREFIX + page_id + "/"
    if page_type in print_assets.QR_TYPES:
        # the short link where there is one: a smaller code that keeps working if the page moves
        kb["qr"] = qr(kb["short_link"] or url, kb["strings"]["qr_alt"])
    if page_id and repo_url:
        kb["report_url"] = report_url(repo_url, page_id, url)
    return kb


def report_url(repo_url: str, page_id: str, page_url: str) -> str:
    """'Report a problem': a new issue from the page-problem form, with the page filled in."""
    return (repo_url.rstrip("/") + "/issues/new?template=page-problem.yml"
            f"&title={quote('[' + page_id + '] ')}&page={quote(page_id)}&url={quote(page_url)}")


def search_bundle(session, lang: str) -> str:
    """Site-relative folder of the language's Pagefind bundle, for the search button."""
    return session.config.prefix(lang) + search_index.BUNDLE + "/"


def feed_href(session, page_url: str, lang: str) -> str:
    """The language's feed, relative to a page."""
    to_root = relative_url(page_url, session.config.prefix(lang))
    return ("" if to_root in (".", "./") else to_root) + generated_pages.FEED_NAME
