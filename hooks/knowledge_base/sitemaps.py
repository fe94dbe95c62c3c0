"""The sitemaps: one per language at the language's root (sitemap.xml, pl/sitemap.xml, nb/sitemap.xml),
each listing that language's pages with every language version of each (hreflang, and x-default for
the default language's version). No lastmod: the build date, or the review date, would tell search
engines that unchanged pages changed, and no date beats a wrong one.

This is where search engines read the language versions. The pages' heads carry none: Material's
script fetches `sitemap.xml` beside every `<link rel="alternate">` of a page, which made two or three
same-site 404s on every page load (and had English pages download a 139 KB sitemap of every language).
Each page keeps its language switcher; the feed link that remains in a page's head leads Material's
script to the language's own small sitemap.

Plain functions over the registry; the adapter writes the files after the last language (they need
every language's pages) and a site's contract checks them (site_contract).
"""
from __future__ import annotations

import gzip
from xml.sax.saxutils import escape, quoteattr

NAME = "sitemap.xml"
XHTML = "http://www.w3.org/1999/xhtml"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_versions(registry, generated: dict, urls, prefix) -> list[dict]:
    """Every page of the site as {lang: URL below the site's root}, one dict per page.

    A content page is listed in the languages it is written in (a page shown in the default language's
    words under another language's address is not that language's version); generated: {lang: [docs
    file of each generated page, e.g. 'checklists/participation.md']}, as the build made them."""
    pages = [{lang: prefix(lang) + urls.page(base) for lang in versions}
             for base, versions in sorted(registry.by_base.items())]
    by_src: dict = {}
    for lang, sources in generated.items():
        for src in sources:
            by_src.setdefault(src, {})[lang] = prefix(lang) + urls.page(src)
    return pages + [by_src[src] for src in sorted(by_src)]


def sitemap(lang: str, pages: list[dict], site_url: str, codes: tuple, default: str) -> str:
    """The sitemap of one language: its pages, each with its versions in the languages of codes."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<urlset xmlns="{SITEMAP}" xmlns:xhtml="{XHTML}">']
    for versions in pages:
        if lang not in versions:
            continue
        out.append(f"  <url>\n    <loc>{escape(site_url + versions[lang])}</loc>")
        present = [code for code in codes if code in versions]
        if len(present) > 1:   # a page in one language has no other version to name
            for code in present + (["x-default"] if default in versions else []):
                href = site_url + versions[default if code == "x-default" else code]
                out.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>')
        out.append("  </url>")
    out.append("</urlset>\n")
    return "\n".join(out)


def files(pages: list[dict], site_url: str, codes: tuple, default: str, prefix) -> dict:
    """{path below the site: bytes} for every language's sitemap and its gzip copy (MkDocs writes one
    for the default language, which this replaces). site_url: the site's absolute root URL ('' in a
    build without one, e.g. the offline copy, which gets no sitemap)."""
    if not site_url:
        return {}
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    out = {}
    for lang in codes:
        text = sitemap(lang, pages, site_url, codes, default).encode("utf-8")
        out[prefix(lang) + NAME] = text
        out[prefix(lang) + NAME + ".gz"] = gzip.compress(text, mtime=0)
    return out
