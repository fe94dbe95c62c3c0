"""One build of the knowledge base: everything it read once and everything one language leaves for the next.

Created in the first language's pre-build (`start`), carried by the adapter on the engine's configuration
object, and gone with it: nothing is kept in module globals, so a rebuild under `mkdocs serve` starts
clean.
"""
from __future__ import annotations

import os
import weakref
from dataclasses import dataclass, field

from . import csp
from . import inline_html
from . import model
from . import page_sections
from . import print_assets
from . import publish
from . import search_index
from . import sitemaps
from . import validate
from .diagnostics import ERROR, sort_problems
from .site_config import SiteConfig
from .stash import Stash


@dataclass
class Session:
    config: SiteConfig
    registry: object
    strings: object
    errors: list                          # problems that stop the build
    by_path: dict = field(default_factory=dict)          # absolute source path -> registry page
    backlinks: dict = field(default_factory=dict)
    stash: Stash = field(default_factory=Stash)
    qr: print_assets.QrCodes | None = None
    collections: dict = field(default_factory=dict)      # lang -> checklist collections
    after_build: dict = field(default_factory=dict)      # site-relative path -> text, written after the build
    not_found: dict = field(default_factory=dict)        # lang -> the finished 404 page
    languages_seen: list = field(default_factory=list)
    generated: dict = field(default_factory=dict)        # lang -> docs files of its generated pages
    languages_indexed: set = field(default_factory=set)
    indexer: object = None
    page_scripts: dict = field(default_factory=dict)     # page URL -> hashes of the theme's scripts
    script_hashes: dict = field(default_factory=dict)    # base_url -> hashes (cache)
    env: object = None                                   # the template environment

    def refusal(self) -> str:
        return (f"{len(self.errors)} problem(s) in the content, listed above. "
                "Run 'make check' to see the same list without building.")

    def strings_for(self, lang: str) -> dict:
        return self.strings.for_lang(lang)

    def page_at(self, abs_src_path: str | None):
        """The registry page read from this file (None for a generated page)."""
        return self.by_path.get(os.path.normpath(abs_src_path)) if abs_src_path else None

    def page_of(self, file) -> object:
        """The registry page an engine's file object (with abs_src_path) was read from, or None."""
        return self.page_at(getattr(file, "abs_src_path", None)) if file is not None else None

    def inline(self, lang: str, page_url: str):
        """A function rendering short Markdown (with references by id) to HTML for a page of lang."""
        return lambda text: inline_html.render(text, page_url, lang, self.registry)

    def inline_for(self, lang: str):
        """page URL -> inline renderer (for generated pages that render items of several pages)."""
        return lambda page_url: self.inline(lang, page_url)

    def index_written_languages(self, site_dir: str) -> None:
        """Hand every language whose pages are all written to Pagefind, which indexes them in the
        background while the next language renders (see search_index.py)."""
        if self.config.settings.search != "pagefind":
            return
        for lang in self.languages_seen:
            if lang in self.languages_indexed:
                continue
            if self.indexer is None:
                self.indexer = search_index.Indexer(site_dir)
                weakref.finalize(self, self.indexer.close)
            others = [self.config.prefix(code) for code in self.config.codes if code != lang]
            self.indexer.add(search_index.language_glob(site_dir, self.config.prefix(lang), others),
                             self.config.prefix(lang))
            self.languages_indexed.add(lang)

    def theme_scripts(self, context: dict) -> frozenset:
        """Hashes of the inline scripts the theme's script templates write for a page with this template
        context: they depend only on the configuration and the page's depth, so they are worked out once
        per depth."""
        key = context.get("base_url")
        if key not in self.script_hashes:
            context = dict(context, features=context["config"].theme.get("features") or [])   # as base.html does
            self.script_hashes[key] = csp.template_hashes(lambda name: self.env.get_template(name).render(context))
        return self.script_hashes[key]

    def finish(self, site_dir: str) -> int | None:
        """After the last language: the 404 page of each language written, the background work stopped;
        the number of pages the search indexed (None without search). Raises RuntimeError with a clear
        sentence if the index failed."""
        publish.write(site_dir, {os.path.join(self.config.prefix(lang), "404.html"): html
                                 for lang, html in self.not_found.items()})
        self.write_sitemaps(site_dir)
        indexer, self.indexer = self.indexer, None
        finish_background(self)
        if indexer is None:
            return None
        try:
            return indexer.finish()
        except Exception as exc:  # noqa: BLE001 - one clear sentence instead of a traceback from another thread
            raise RuntimeError(f"the search index could not be built: {exc} — run 'make clean' and build again; "
                               "if it persists, reinstall the requirements (Pagefind comes with pagefind[bin])") from None

    def write_sitemaps(self, site_dir: str) -> None:
        """Every built language's sitemap, with the versions in the built languages (see sitemaps.py)."""
        cfg, built = self.config, tuple(c for c in self.config.codes if c in self.languages_seen)
        pages = sitemaps.page_versions(self.registry, self.generated, cfg.urls, cfg.prefix)
        pages = [{c: url for c, url in versions.items() if c in built} for versions in pages]
        for rel, data in sitemaps.files(pages, cfg.site_url, built, cfg.default_language, cfg.prefix).items():
            with open(os.path.join(site_dir, rel), "wb") as fh:
                fh.write(data)

    def language_url(self, site_url: str, lang: str) -> str:
        """Absolute URL of a language's home: 'https://…/knowledge-base/pl/'."""
        return (site_url or "/").rstrip("/") + "/" + self.config.prefix(lang)


def start(config: SiteConfig, *, qr_batches=None, drafts: bool = False) -> Session:
    """Read docs/ and data/ once and validate them; the session's errors say whether the build may go on.
    drafts: a preview (not --strict), where pages with TODO placeholders are shown, not refused."""
    registry, strings = model.load(config)
    errors = [p for p in sort_problems(validate.run(registry, include_warnings=False, drafts=drafts)) if p.severity == ERROR]
    session = Session(config=config, registry=registry, strings=strings, errors=errors)
    if errors:
        return session
    session.by_path = {os.path.normpath(os.path.join(os.path.abspath(config.docs_dir), p.src)): p
                       for p in registry.pages}
    session.backlinks = page_sections.compute_backlinks(registry)
    session.qr = print_assets.QrCodes(qr_batches(session) if qr_batches else [])
    # Background work (QR codes, the search indexer) stops when the session ends however the build ends:
    # explicitly after the last language, or when a failed build's session is dropped (or at exit).
    weakref.finalize(session, session.qr.close)
    return session


def finish_background(session) -> None:
    """Stop what the session started in the background (idempotent)."""
    if session.qr is not None:
        session.qr.close()
    if session.indexer is not None:
        indexer, session.indexer = session.indexer, None
        indexer.close()
