"""The one MkDocs adapter: wires MkDocs events to the knowledge base's plain modules.

static-i18n builds the site once per language (en, then pl and nb from inside en's on_post_build), so
every event below runs once per language. Events, in the order MkDocs calls them:

1. on_pre_build        first language only: read docs/ and data/ into one registry, validate it once,
                       fail with every problem listed (path:line: what — how to fix)
2. on_files (-200)     per language, after static-i18n: add the generated pages (checklists, glossary,
                       translation status) and the exports (api/*.json, *.csv, checklist downloads)
3. on_nav              per language: section titles from topic pages, sections in the configured order
   on_env              per language: Jinja autoescape for our own templates (overrides/)
4. on_page_markdown    per page: translation notice, fact box, checklist, backlinks, sources, references
5. on_page_content     per page: finished HTML kept out of Markdown (stash.py) put back
6. on_page_context     per page: the page model for templates (type, topics, QR code, short link)
7. on_post_page        per page: Content-Security-Policy with the hashes of the theme's own scripts (worked
                       out from its script templates in on_page_context); a page with any other inline
                       script or a meta refresh stops the build; rel=noopener
8. on_template_context, on_post_template   404.html: strings, then kept per language
9. on_post_build (-200) per language: that language's folder goes to Pagefind, which indexes it in the
                       background while the next language renders (the first language's folder is
                       handed over in the next language's on_pre_build, since static-i18n builds the
                       other languages from inside the first one's on_post_build); after the last
                       language: the 404 page per language, then wait for the index to be written

Everything that is not wiring lives in the modules this file imports.
"""
from __future__ import annotations

import dataclasses
import gc
import logging
import os

from markupsafe import Markup, escape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

import case_map
import checklists
import csp
import exports
import generated_pages
import html_fixes
import inline_html
import model
import page_sections
import print_assets
import redirects
import registry as registry_mod
import search_index
import stash as stash_mod
import site_config
import urls
import validate
from diagnostics import ERROR, sort_problems

log = logging.getLogger("mkdocs.hooks.kb")
STATE: dict = {}


def _i18n(config):
    return config.plugins.get("i18n")


def _lang(config) -> str:
    i18n = _i18n(config)
    return i18n.current_language if i18n and i18n.current_language else STATE["config"].default_language


def _site_config(config) -> site_config.SiteConfig:
    """Languages as configured (all of them, with the real default: the source language of the content),
    with the URL prefixes static-i18n actually uses in this build (a one-language preview, `make serve
    LANG_ONLY=pl`, builds that language at the site's root)."""
    raw = site_config.load(config.config_file_path)
    i18n = _i18n(config)
    links = {l.locale: l.link for l in i18n.config.languages} if i18n else {}
    languages = tuple(site_config.Language(l.code, l.name, l.default,
                                           (links.get(l.code) or "/" + l.site_prefix).strip("/") + "/"
                                           if (links.get(l.code) or "/" + l.site_prefix).strip("/") else "")
                      for l in raw.languages)
    return dataclasses.replace(raw, root=os.path.dirname(os.path.abspath(config.docs_dir)), docs_dir=config.docs_dir,
                               urls=urls.SiteUrls(directory_urls=bool(config.use_directory_urls)),
                               languages=languages, site_url=config.site_url or "", repo_url=config.repo_url or "",
                               extra=dict(config.extra))


# 1 ---------------------------------------------------------------------------------------------------
def on_pre_build(config):
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        _index_built_languages(config)   # the languages written so far, while this one renders
        return
    STATE.clear()
    vars(config.extra).pop("alternate", None)   # static-i18n's stale instance attribute (see notes)
    cfg = _site_config(config)
    registry, strings = model.load(cfg)
    errors = [p for p in sort_problems(validate.run(registry, include_warnings=False)) if p.severity == ERROR]
    if errors:
        for problem in errors:
            log.error(str(problem))
        raise PluginError(f"{len(errors)} problem(s) in the content, listed above. "
                          "Run 'make check' to see the same list without building.")
    by_path = {os.path.normpath(os.path.join(os.path.abspath(config.docs_dir), p.src)): p for p in registry.pages}
    STATE.update(config=cfg, registry=registry, strings=strings, by_path=by_path,
                 backlinks=page_sections.compute_backlinks(registry), not_found={}, extra_files={}, stash=stash_mod.Stash(),
                 collections={}, languages_seen=[], languages_indexed=set(), indexer=None, page_scripts={})
    STATE["qr"] = print_assets.QrCodes(_qr_batches(config))
    # The registry and configuration live for the whole build: keep them out of the garbage collector's
    # full passes, which would otherwise walk them again and again (undone after the last language).
    gc.freeze()


def on_env(env, config, files):
    """Our own templates (overrides/) escape every value they print: Jinja's autoescape for them alone,
    since Material's templates print prepared HTML raw. The theme's script templates are kept to work out
    the Content-Security-Policy hashes (csp.py)."""
    ours = _override_templates(config)
    env.autoescape = lambda name: name in ours
    STATE["env"] = env
    return env


def _override_templates(config) -> frozenset:
    custom = config.theme.custom_dir
    if not custom or not os.path.isdir(custom):
        return frozenset()
    return frozenset(os.path.relpath(os.path.join(d, f), custom).replace(os.sep, "/")
                     for d, _, names in os.walk(custom) for f in names if f.endswith(".html"))


SCRIPT_TEMPLATES = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                    "partials/javascripts/content.html", "partials/javascripts/announce.html",
                    "partials/javascripts/outdated.html")


def _known_scripts(context) -> frozenset:
    """Hashes of the inline scripts the theme's script templates write for a page with this context
    (they depend only on the configuration and the page's depth, so they are worked out once per depth)."""
    cache = STATE.setdefault("script_hashes", {})
    key = context.get("base_url")
    if key not in cache:
        env = STATE["env"]
        # base.html sets `features` before it includes these templates
        context = dict(context, features=context["config"].theme.get("features") or [])
        outputs = []
        for name in SCRIPT_TEMPLATES:
            try:
                outputs.append(env.get_template(name).render(context))
            except Exception:  # noqa: BLE001 - a template this theme version lacks writes no script
                continue
        cache[key] = csp.known_hashes(outputs)
    return cache[key]


# 2 ---------------------------------------------------------------------------------------------------
def _add(files, config, lang: str, src_uri: str, content, dest: str | None = None) -> File:
    prefix = STATE["config"].prefix(lang)
    f = File.generated(config, src_uri, content=content)
    if src_uri.endswith(".md"):
        url = STATE["config"].urls.page(src_uri)
        f.dest_uri = prefix + url + ("index.html" if url.endswith("/") or not url else "")
        alternates = {}
        for code in STATE["config"].codes:
            alternates[code] = _Alternate(STATE["config"].prefix(code) + url)
        f.locale = f.localization = f.locale_alternate_of = lang
        f.norm_src_uri = src_uri
        f.alternates = alternates
    else:
        f.dest_uri = prefix + (dest or src_uri)
    files.append(f)
    return f


class _Alternate:
    """The other-language version of a generated page, as the language switcher and sitemap need it."""
    page = None

    def __init__(self, url: str):
        self.url = url


@event_priority(-200)
def on_files(files, config):
    if "registry" not in STATE:
        return files
    registry, strings = STATE["registry"], STATE["strings"]
    lang = _lang(config)
    STATE["languages_seen"].append(lang)
    s = strings.for_lang(lang)
    site_url = (config.site_url or "/").rstrip("/") + "/" + STATE["config"].prefix(lang)
    _add(files, config, lang, generated_pages.GLOSSARY_BASE, generated_pages.glossary_page(registry, lang, s))
    _add(files, config, lang, generated_pages.STATUS_BASE, generated_pages.status_page(registry, lang, s))
    _add(files, config, lang, generated_pages.WHATS_NEW_BASE, generated_pages.whats_new_page(registry, lang, s))
    _add(files, config, lang, generated_pages.FEED_NAME,
         generated_pages.atom_feed(registry, lang, s, site_url, config.site_name))
    colls = checklists.collections(registry, lang)
    STATE["collections"][lang] = colls
    _add(files, config, lang, generated_pages.CHECKLISTS_INDEX, generated_pages.checklists_index(registry, lang, s, colls))
    all_records = []
    for coll in colls:
        md = generated_pages.checklist_page(coll, registry, lang, s, _inline_for(lang), STATE["stash"].put)
        _add(files, config, lang, f"checklists/{coll['slug']}.md", md)
        records = checklists.export_records(coll, registry, lang, site_url)
        title = checklists.checklist_title(coll, lang, registry.vocab, s)
        all_records.append((coll, title, records))
        folder = f"checklists/{coll['slug']}/"
        downloads = {
            "csv": checklists.to_csv([(coll["slug"], records)]),
            "json": checklists.to_json({"id": coll["slug"], "title": title, "kind": coll["kind"], "key": coll["key"],
                                        "language": lang, "items": records}),
            "md": checklists.to_markdown(title, records, s),
        }
        for ext, content in downloads.items():
            name = folder + generated_pages.download_name(coll["slug"], lang, ext)
            if ext == "md":   # a generated .md would become a page: written after the build instead
                STATE["extra_files"][STATE["config"].prefix(lang) + name] = content
            else:
                _add(files, config, lang, name, content)
    for name, content in exports.api_files(registry, lang, s, all_records, site_url).items():
        _add(files, config, lang, name, content)
    for workshop in registry.of_type("workshop", lang):
        md = generated_pages.handout_page(registry, workshop, lang, s, lambda ref: site_url + redirects.SHORT_PREFIX + ref + "/",
                                          lambda url: _qr(url, s["qr_alt"]), _inline_for(lang), STATE["stash"].put)
        _add(files, config, lang, generated_pages.handout_base(workshop.id), md)
    for name, content in redirects.redirects(registry, lang, site_url, lambda url: url).items():
        _add(files, config, lang, name, content)
    i18n = _i18n(config)
    if i18n is not None:
        i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files


# 3 ---------------------------------------------------------------------------------------------------
def on_nav(nav, config, files):
    if "registry" not in STATE:
        return nav
    registry, lang = STATE["registry"], _lang(config)
    order = STATE["config"].settings.nav_order
    checklist_rank = {f"checklists/{c['slug']}/": i for i, c in enumerate(STATE["collections"].get(lang, []))}

    def entry(item):
        f = getattr(item, "file", None)
        if f is None or f.abs_src_path is None:
            return None
        return _by_path(f.abs_src_path)

    def first_segment(item):
        if isinstance(item, Section):
            for child in item.children:
                if getattr(child, "file", None) is not None:
                    return child.file.src_uri.split("/")[0]
            return item.title
        f = getattr(item, "file", None)
        return (f.src_uri if f is not None else "").split("/")[0].split(".")[0]

    def sort_key(item):
        f = getattr(item, "file", None)
        url = getattr(item, "url", "") or ""
        if f is not None and f.src_uri.split("/")[-1].startswith("index."):
            return (0, 0, "")
        if url.lstrip("/").split("/", 1)[-1] in checklist_rank or url in checklist_rank:
            key = url if url in checklist_rank else url.lstrip("/").split("/", 1)[-1]
            return (1, checklist_rank[key], "")
        page = entry(item)
        title = registry.title(page.id, lang) if page is not None else str(getattr(item, "title", "") or "")
        return (2, 0, generated_pages.sort_key(title, lang))

    for item in nav.items:
        if not isinstance(item, Section):
            continue
        for child in item.children:
            f = getattr(child, "file", None)
            page = entry(child)
            if page is not None and f.src_uri.split("/")[-1].startswith("index."):
                item.title = escape(registry.title(page.id, lang))   # Material prints titles raw
            if f is not None and f.src_uri == generated_pages.CHECKLISTS_INDEX:
                item.title = escape(registry.title("checklists", lang))
        item.children.sort(key=sort_key)
    # A section longer than nav_max_pages shows only its overview page in the sidebar: the overview (topic
    # page with facets, case browser) lists every page, and a sidebar of hundreds of links helps nobody.
    # It also keeps build time linear, since every page renders its section of the navigation.
    limit = STATE["config"].settings.nav_max_pages
    for item in nav.items:
        if isinstance(item, Section) and len(item.children) > limit:
            overview = [c for c in item.children if getattr(c, "file", None) is not None
                        and c.file.src_uri.split("/")[-1].startswith("index.")]
            if overview:
                item.children = overview
    if order:
        rank = {name: i for i, name in enumerate(order)}
        nav.items.sort(key=lambda it: rank.get(first_segment(it), len(rank)))
    return nav


# 4 ---------------------------------------------------------------------------------------------------
def _by_path(abs_src_path: str):
    """The registry page read from this file (None for a generated page)."""
    return STATE["by_path"].get(os.path.normpath(abs_src_path)) if abs_src_path else None


def _registry_page(page, config):
    return _by_path(page.file.abs_src_path)


def _escape_meta(meta: dict) -> None:
    """Material's templates print page.meta.title, page.title (which is meta['title']) and
    page.meta.description without escaping: the header's text values become escaped Markup, which
    those templates print as it is and our autoescaped templates do not escape twice."""
    for key, value in meta.items():
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def on_page_markdown(markdown, page, config, files):
    _escape_meta(page.meta)
    if "registry" not in STATE:
        return markdown
    registry, lang = STATE["registry"], _lang(config)
    s = STATE["strings"].for_lang(lang)
    entry = _registry_page(page, config)
    if entry is None:   # a generated page
        base = page.file.norm_src_uri if hasattr(page.file, "norm_src_uri") else page.file.src_uri
        return page_sections.render_references(markdown, base, lang, registry)
    body = markdown
    if entry.checklist:
        body = checklists.replace_section(body, STATE["stash"].put(checklists.render_list(
            entry.id, entry.checklist, lang, registry.vocab, s, _inline_for(lang)(entry.url))))
    head = page_sections.notice(registry, entry.id, entry.lang, lang, entry.base, s) if entry.id else ""
    if entry.type == "case":
        head += page_sections.fact_box(registry, entry, lang, s, _inline_for(lang)(entry.url), STATE["stash"].put)
    if entry.type == "workshop":
        handout = STATE["config"].urls.page(generated_pages.handout_base(entry.id))
        head += page_sections.workshop_header(registry, entry, lang, s, urls.relative_url(entry.url, handout))
    tail = ""
    if entry.type == "topic":
        tail += page_sections.topic_lists(registry, entry, lang, s)
    if entry.meta.get("lists") == "cases":
        tail += f"\n\n## {s['browse_cases']} {{#browse}}\n"
        tail += page_sections.browser("cases", page_sections.CASE_FACETS, urls.relative_url(entry.url, "api/cases.json"))
        tail += page_sections.case_map_section(registry, entry.url, lang, s, case_map.load_geo(STATE["config"].data_dir))
        tail += f"\n\n## {s['all_by_topic']} {{#all}}\n"
        tail += page_sections.case_index(registry, lang, s)
    if entry.type in ("guide", "case", "topic", "workshop"):
        tail += page_sections.backlinks_section(registry, entry, STATE["backlinks"], lang, s)
    if entry.meta.get("sources") or entry.meta.get("legal_basis"):
        tail += page_sections.sources_section(entry, lang, s)
    body = _insert_after_title(body, head) + tail
    return page_sections.render_references(body, entry.base, lang, registry)


def _insert_after_title(body: str, head: str) -> str:
    if not head:
        return body
    lines = body.split("\n")
    for i, line in enumerate(lines[:5]):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", head] + lines[i + 1:])
    return head + body


def on_page_content(html, page, config, files):
    """Stashed HTML (checklists, fact boxes) back into the converted page; its ids become known anchors."""
    if "stash" not in STATE:
        return html
    html, ids = STATE["stash"].restore(html)
    if ids and getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids.update(ids)
    return html


# 5 ---------------------------------------------------------------------------------------------------
def on_page_context(context, page, config, nav):
    if "registry" not in STATE:
        return context
    registry, lang = STATE["registry"], _lang(config)
    entry = _registry_page(page, config)
    meta = entry.meta if entry else page.meta
    page_type = str(meta.get("type") or "page")
    url = (config.site_url or "/") + page.url
    kb = {
        "lang": lang,
        "id": meta.get("id", ""),
        "type": page_type,
        "type_label": registry.vocab.label("page_types", page_type, lang),
        "topics": [registry.vocab.label("topics", t, lang) for t in meta.get("topics") or []],
        "fallback": bool(entry and entry.lang != lang),
        "reviewed": meta.get("reviewed", ""),
        "url": url,
        "strings": STATE["strings"].for_lang(lang),
        "has_checklist": bool(entry and entry.checklist) or page_type in ("checklist", "handout"),
        "has_browser": page_type == "topic" or meta.get("lists") == "cases",
        "feed_href": _feed_href(page.url, lang) if config.use_directory_urls else "",
        "country": meta.get("country", ""),
        "challenges": [registry.vocab.label("challenges", c, lang) for c in meta.get("challenges") or []],
        "search_bundle": _search_bundle(lang),
    }
    kb["folded"] = search_index.folded_terms(page.content or "")
    page_id = meta.get("id", "")
    if page_id in registry.versions and config.use_directory_urls:
        kb["short_link"] = site_url_for(config, lang) + redirects.SHORT_PREFIX + page_id + "/"
    if page_type in QR_TYPES:
        # the short link where there is one: a smaller code that keeps working if the page moves
        kb["qr"] = Markup(_qr(kb.get("short_link") or url, kb["strings"]["qr_alt"]))   # SVG made by segno
    STATE["page_scripts"][page.url] = _known_scripts(context)
    if page_id and config.repo_url:
        from urllib.parse import quote
        kb["report_url"] = (config.repo_url.rstrip("/") + "/issues/new?template=page-problem.yml"
                            f"&title={quote('[' + page_id + '] ')}&page={quote(page_id)}&url={quote(url)}")
    context["kb"] = kb
    return context


def on_template_context(context, template_name, config):
    """Templates rendered without a page (the 404 page) get the interface strings too."""
    if template_name == "404.html" and "registry" in STATE:
        lang = _lang(config)
        context["kb"] = {"lang": lang, "type": "404", "fallback": True, "strings": STATE["strings"].for_lang(lang),
                         "topics": [], "challenges": [], "url": "", "has_checklist": False,
                         "search_bundle": _search_bundle(lang)}
        STATE["page_scripts"]["404.html"] = _known_scripts(context)
    return context


def _search_bundle(lang: str) -> str:
    """Site-relative folder of the language's Pagefind bundle, for the search button."""
    return STATE["config"].prefix(lang) + search_index.BUNDLE + "/"


def _inline_for(lang: str):
    """page URL -> a function rendering short Markdown (with references by id) to HTML for that page."""
    registry = STATE["registry"]
    return lambda page_url: (lambda text: inline_html.render(text, page_url, lang, registry))


def _feed_href(page_url: str, lang: str) -> str:
    to_root = urls.relative_url(page_url, STATE["config"].prefix(lang))
    return ("" if to_root in (".", "./") else to_root) + generated_pages.FEED_NAME


QR_TYPES = ("guide", "checklist", "workshop", "handout")


def _qr(url: str, label: str) -> str:
    return STATE["qr"].get(url, label)


def _qr_batches(config) -> list:
    """The QR codes the build will need that are known now (short links of pages with a printed QR
    code), one batch per language in build order, for print_assets.QrCodes to make ahead."""
    if not config.use_directory_urls:
        return []
    registry, strings = STATE["registry"], STATE["strings"]
    first = _lang(config)
    i18n = _i18n(config)
    codes = [first] + [c for c in (getattr(i18n, "build_languages", None) or []) if c != first]
    return [[(site_url_for(config, lang) + redirects.SHORT_PREFIX + page_id + "/", strings.for_lang(lang)["qr_alt"])
             for page_id in registry.versions if registry.page(page_id, lang).type in QR_TYPES]
            for lang in codes]


def site_url_for(config, lang: str) -> str:
    return (config.site_url or "/").rstrip("/") + "/" + STATE["config"].prefix(lang)


# 6, 7 ------------------------------------------------------------------------------------------------
def _csp_on() -> bool:
    return STATE["config"].settings.csp


def _with_policy(output: str, key: str, where: str) -> str:
    """The page with its CSP; anything in it that the site did not write stops the build."""
    if not _csp_on():
        return csp.add_noopener(output)
    output, unexpected = csp.apply(output, STATE["page_scripts"].pop(key, frozenset()))
    if unexpected:
        raise PluginError(f"{where}:1: the built page contains {'; '.join(unexpected)} — this is not written "
                          "by the site's templates: find the field or text it came from and remove the markup "
                          "(run 'make check'), or report it as a bug of the knowledge base's hooks")
    return output


def on_post_page(output, page, config):
    if "registry" not in STATE:
        return output
    output = html_fixes.name_section_navs(output)
    entry = _registry_page(page, config)
    return _with_policy(output, page.url, entry.path if entry else page.file.src_uri)


def on_post_template(output, template_name, config):
    if template_name == "404.html" and "registry" in STATE:
        output = html_fixes.name_section_navs(output)
        STATE["not_found"][_lang(config)] = _with_policy(output, "404.html", "overrides/404.html")
    return output


# 8 ---------------------------------------------------------------------------------------------------
def _pagefind_on() -> bool:
    return STATE["config"].settings.search == "pagefind"


def _index_built_languages(config) -> None:
    """Hand every language whose pages are all written to Pagefind, which indexes them in the background
    while the next language renders (see search_index.py)."""
    if "registry" not in STATE or not _pagefind_on():
        return
    cfg = STATE["config"]
    for lang in STATE["languages_seen"]:
        if lang in STATE["languages_indexed"]:
            continue
        if STATE["indexer"] is None:
            STATE["indexer"] = search_index.Indexer(config.site_dir)
        others = [cfg.prefix(code) for code in cfg.codes if code != lang]
        STATE["indexer"].add(search_index.language_glob(config.site_dir, cfg.prefix(lang), others), cfg.prefix(lang))
        STATE["languages_indexed"].add(lang)


def _final_post_build(config):
    if "registry" not in STATE:
        return
    for rel, content in STATE["extra_files"].items():   # per language, as each language is built
        path = os.path.join(config.site_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(content)
    STATE["extra_files"] = {}
    _index_built_languages(config)   # this language's pages are written
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        return
    cfg = STATE["config"]
    for lang, html in STATE["not_found"].items():
        path = os.path.join(config.site_dir, cfg.prefix(lang), "404.html")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)
    STATE["qr"].close()
    gc.unfreeze()
    if STATE["indexer"] is not None:
        indexer, STATE["indexer"] = STATE["indexer"], None
        try:
            log.info(f"Pagefind indexed {indexer.finish()} pages")
        except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback from another thread
            raise PluginError(f"the search index could not be built: {exc} — run 'make clean' and build again; "
                              "if it persists, reinstall the requirements (Pagefind comes with pagefind[bin])") from None


on_post_build = event_priority(-200)(_final_post_build)


def on_build_error(error):
    """A failed build stops the background work too: the QR code process and the Pagefind indexer."""
    gc.unfreeze()
    if STATE.get("qr") is not None:
        STATE["qr"].close()
    indexer = STATE.get("indexer")
    if indexer is not None:
        STATE["indexer"] = None
        indexer.close()
