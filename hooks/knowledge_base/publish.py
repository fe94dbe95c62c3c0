"""What one language of the site publishes besides its pages: the generated pages, the feed, checklist
downloads, the api/ exports, workshop handouts and redirects, as a list of outputs for the engine to place.

The site's generated pages are declared once, in generated_pages.SITE_PAGES; model.declare_generated_pages
makes them (and the handouts and checklists made here) known by id before anything is built.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import checklists
from . import csp
from . import exports
from . import generated_pages
from . import html_fixes
from . import print_assets
from . import redirects


@dataclass(frozen=True)
class Output:
    src_uri: str           # as a docs file ('checklists/participation.md') or a file name under the language
    content: str
    page: bool             # a page the engine renders (Markdown), or a file copied as it is
    after_build: bool = False   # a Markdown download: written after the build, or the engine would render it


def language_outputs(session, lang: str, site_url: str, site_name: str) -> list[Output]:
    """Everything generated for one language; site_url is the absolute URL of the language's home."""
    registry, strings = session.registry, session.strings_for(lang)
    colls = session.collections[lang] = checklists.collections(registry, lang)
    out = [Output(page.base, page.make(registry, lang, strings, colls), True) for page in generated_pages.SITE_PAGES]
    out.append(Output(generated_pages.FEED_NAME, generated_pages.atom_feed(registry, lang, strings, site_url, site_name),
                      False))
    all_records = []
    for coll in colls:
        md = generated_pages.checklist_page(coll, registry, lang, strings, session.inline_for(lang), session.stash.put)
        out.append(Output(f"checklists/{coll['slug']}.md", md, True))
        records = checklists.export_records(coll, registry, lang, site_url)
        title = checklists.checklist_title(coll, lang, registry.vocab, strings)
        all_records.append((coll, title, records))
        out += checklist_downloads(coll, title, records, lang, strings)
    out += [Output(name, content, False)
            for name, content in exports.api_files(registry, lang, strings, all_records, site_url).items()]
    for workshop in registry.of_type("workshop", lang):
        md = generated_pages.handout_page(registry, workshop, lang, strings,
                                          lambda ref: site_url + redirects.SHORT_PREFIX + ref + "/",
                                          lambda url: session.qr.get(url, strings["qr_alt"]),
                                          session.inline_for(lang), session.stash.put)
        out.append(Output(generated_pages.handout_base(workshop.id), md, True))
    out += [Output(name, content, False)
            for name, content in redirects.redirects(registry, lang, site_url, lambda url: url).items()]
    return out


def checklist_downloads(coll: dict, title: str, records: list, lang: str, strings: dict) -> list[Output]:
    """A checklist as CSV, JSON and Markdown, in the checklist page's own folder."""
    folder = generated_pages.download_folder(coll["slug"])
    downloads = {
        "csv": checklists.to_csv([(coll["slug"], records)]),
        "json": checklists.to_json(checklists.export_document(coll, title, lang, records)),
        "md": checklists.to_markdown(title, records, strings),
    }
    return [Output(folder + generated_pages.download_name(coll["slug"], lang, ext), content, False, ext == "md")
            for ext, content in downloads.items()]


def qr_batches(session, languages, site_url: str) -> list:
    """The QR codes the build will need that are known before it starts (the short links of pages that
    print one), one batch per language in build order, for print_assets.QrCodes to make ahead."""
    if not session.config.urls.directory_urls:
        return []
    registry = session.registry
    return [[(session.language_url(site_url, lang) + redirects.SHORT_PREFIX + page_id + "/",
              session.strings_for(lang)["qr_alt"])
             for page_id in registry.versions if registry.page(page_id, lang).type in print_assets.QR_TYPES]
            for lang in languages]


def finished_page(html: str, known_scripts: frozenset, *, with_csp: bool, page_url: str | None = None,
                  site_path: str = "/", language_homes: dict | None = None) -> tuple[str, list]:
    """A built page as it is published: sections' navigation named, no hreflang links in the head (the
    sitemaps hold them), the language switcher relative to the page (page_url: its URL below the site's
    root; None for the 404 page, which is served at any depth: its switcher leads root-absolute to
    language_homes, {code: '/kb/pl/'}), links to other hosts with rel=noopener, the CSP with the theme's
    own script hashes; and what it holds that the site did not write (see csp.apply), which must stop
    the build."""
    html = html_fixes.drop_head_alternates(html_fixes.name_section_navs(html))
    if page_url is not None:
        html = html_fixes.relative_language_links(html, page_url, site_path)
    elif language_homes:
        html = html_fixes.language_links_to(html, language_homes)
    if not with_csp:
        return csp.add_noopener(html), []
    return csp.apply(html, known_scripts)


def write(site_dir: str, files: dict) -> None:
    """Write {path below site_dir: text} as UTF-8."""
    for rel, text in files.items():
        path = os.path.join(site_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
