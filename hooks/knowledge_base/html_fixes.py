"""Small accessibility repairs to Material's generated HTML, applied to every page after rendering."""
from __future__ import annotations

import html
import re

from .urls import relative_url

_TOGGLE = re.compile(r'<input class="md-nav__toggle md-toggle[^"]*"[^>]*\bid="(__nav_[\w]+)"[^>]*>')
_TITLE = re.compile(r'<span class="md-ellipsis">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]+>")


def name_section_navs(page_html: str) -> str:
    """Section navigations are named by a <label> that, with navigation.indexes, holds only an icon, which
    leaves them without an accessible name (axe: landmark-unique). Give each one an aria-label with the
    section's title."""
    names = {}
    for match in _TOGGLE.finditer(page_html):
        title = _TITLE.search(page_html, match.end())   # the section's title (its index link or label)
        if title:
            text = " ".join(html.unescape(_TAG.sub(" ", title.group(1))).split())
            if text:
                names[match.group(1) + "_label"] = text
    if not names:
        return page_html

    def fix(match):
        label_id = match.group(1)
        if label_id not in names:
            return match.group(0)
        return f'aria-label="{html.escape(names[label_id], quote=True)}"'

    return re.sub(r'aria-labelledby="(__nav_[\w]+_label)"', fix, page_html)


_SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">')


def relative_language_links(page_html: str, page_url: str, site_path: str) -> str:
    """Material's language switcher links the home pages root-absolute (/knowledge-base/pl/) while it
    links every other page relatively, so on the home pages it broke when the site is served under
    another path (a preview, a local copy). Make those links relative to the page, like the others.
    page_url is the page's URL below the site's root ('' or 'pl/'), site_path the site's path ('/kb/')."""
    if not site_path.startswith("/"):
        return page_html

    def fix(match):
        href = match.group(1)
        if not href.startswith(site_path):
            return match.group(0)
        target = relative_url(page_url, href[len(site_path):]) or "./"
        return f'<a href="{html.escape(target, quote=True)}" hreflang="{match.group(2)}" class="md-select__link">'

    return _SWITCH.sub(fix, page_html)


def language_links_to(page_html: str, hrefs: dict) -> str:
    """The language switcher's links set to hrefs ({code: href}). For the 404 page: Material links the
    other languages from whichever page was built last (a workshop handout), but a reader who mistyped
    an address wants that language's home."""
    def fix(match):
        href = hrefs.get(match.group(2))
        if href is None:
            return match.group(0)
        return f'<a href="{html.escape(href, quote=True)}" hreflang="{match.group(2)}" class="md-select__link">'

    return _SWITCH.sub(fix, page_html)


_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_head_alternates(page_html: str) -> str:
    """The head's <link rel="alternate" hreflang> links removed: Material's script fetches sitemap.xml
    beside each one (`<page>/sitemap.xml`, a 404 on every page load). The language versions are in each
    language's sitemap (sitemaps.py) and in the language switcher."""
    return _HEAD_ALTERNATE.sub("", page_html)
