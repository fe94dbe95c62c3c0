"""The one MkDocs adapter: MkDocs and static-i18n events translated into calls of the knowledge base.

No policy lives here (what a page shows and in which order: compose, navigation, publish, template_model)
and no module state: a build's state is one session.Session on MkDocs' configuration object, which
static-i18n shares between the builds it runs per language (the first language, then the others from
inside its on_post_build), so each event runs once per language. In order: on_pre_build (first language:
read and validate everything once; later ones: index the languages written so far), on_files (-200, after
static-i18n: generated pages and files), on_nav, on_env (autoescape for overrides/), on_page_markdown,
on_page_content (stashed HTML back), on_page_context (template model, the theme's script hashes),
on_post_page (CSP), the 404 page's template events, on_post_build (-200; after the last language: 404
pages, search index).
"""
from __future__ import annotations

import functools
import gc
import logging
import os
from types import SimpleNamespace
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from knowledge_base import compose, csp, navigation, publish, site_config, template_model
from knowledge_base import session as session_mod

log = logging.getLogger("mkdocs.hooks.kb")


def _in_session(event):
    """An event with work only while a knowledge-base build is on; otherwise it passes its item on."""
    @functools.wraps(event)
    def run(item, **kw):
        session = getattr(kw["config"], "kb_session", None)
        return item if session is None else event(session, item, **kw)
    return run


def _lang(session, config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else session.config.default_language


_PROCESS = {"command": "build"}   # the engine's command for this process (on_startup): only `serve` shows drafts


def on_startup(command, dirty=False):
    _PROCESS["command"] = command


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:   # the languages written so far go to the indexer while this one renders
        return config.kb_session.index_written_languages(config.site_dir) if hasattr(config, "kb_session") else None
    vars(config.extra).pop("alternate", None)   # static-i18n's stale instance attribute (see notes)
    cfg = site_config.for_build(
        site_config.load(config.config_file_path), docs_dir=config.docs_dir, extra=config.extra,
        language_links={l.locale: l.link for l in i18n.config.languages} if i18n else {},
        directory_urls=bool(config.use_directory_urls), site_url=config.site_url or "", repo_url=config.repo_url or "")
    first = i18n.current_language if i18n and i18n.current_language else cfg.default_language
    order = [first] + [c for c in (getattr(i18n, "build_languages", None) or cfg.codes) if c != first]
    # `make serve` (a writer's preview) shows a page with TODO placeholders; every build refuses it
    session = session_mod.start(cfg, qr_batches=lambda s: publish.qr_batches(s, order, config.site_url or ""),
                                drafts=_PROCESS["command"] == "serve")
    if session.errors:
        for problem in session.errors:
            log.error(str(problem))
        raise PluginError(session.refusal())
    config.kb_session = session
    gc.freeze()   # the registry lives for the whole build: keep it out of full collections (undone at the end)


@event_priority(-200)
@_in_session
def on_files(session, files, *, config):
    lang = _lang(session, config)
    session.languages_seen.append(lang)
    outputs = publish.language_outputs(session, lang, session.language_url(config.site_url, lang), config.site_name)
    session.generated[lang] = [out.src_uri for out in outputs if out.page]
    for out in outputs:
        if out.after_build:
            session.after_build[session.config.prefix(lang) + out.src_uri] = out.content
        else:
            files.append(_file(config, session, lang, out))
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.i18n_files_per_language[lang] = files.documentation_pages()   # generated pages in the sitemap
    return files


def _file(config, session, lang: str, out) -> File:
    """A generated file, placed as static-i18n places its own (ENGINEERING-NOTES, section 2)."""
    f = File.generated(config, out.src_uri, content=out.content)
    f.dest_uri = session.config.prefix(lang) + (session.config.urls.output(out.src_uri) if out.page else out.src_uri)
    if out.page:   # the other-language versions, as the language switcher and the sitemap need them
        f.locale = f.localization = f.locale_alternate_of = lang
        f.norm_src_uri = out.src_uri
        url = session.config.urls.page(out.src_uri)
        f.alternates = {code: SimpleNamespace(url=session.config.prefix(code) + url, page=None)
                        for code in session.config.codes}
    return f


@_in_session
def on_nav(session, nav, *, config, files):
    lang = _lang(session, config)
    navigation.arrange(nav.items, registry=session.registry, lang=lang, alphabet=session.strings_for(lang)["alphabet"],
                       settings=session.config.settings, escape=escape,
                       checklist_slugs=[c["slug"] for c in session.collections.get(lang, [])],
                       page_of=lambda item: session.page_of(getattr(item, "file", None)))
    return nav


@_in_session
def on_env(session, env, *, config, files):
    custom = config.theme.custom_dir
    ours = frozenset(os.path.relpath(os.path.join(d, f), custom).replace(os.sep, "/")
                     for d, _, names in os.walk(custom) for f in names if f.endswith(".html")) if custom else ()
    env.autoescape = lambda name: name in ours
    session.env = env
    return env


def on_page_markdown(markdown, page, config, files):
    for key, value in page.meta.items():   # Material prints page.meta.title, .description … raw
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
    session = getattr(config, "kb_session", None)
    if session is None:
        return markdown
    return compose.markdown_for(session, session.page_of(page.file), getattr(page.file, "norm_src_uri", page.file.src_uri),
                                _lang(session, config), markdown)


@_in_session
def on_page_content(session, html, *, page, config, files):
    html, ids = session.stash.restore(html)
    if ids and getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids.update(ids)   # MkDocs' anchor validation knows them
    return html


@_in_session
def on_page_context(session, context, *, page, config, nav):
    entry = session.page_of(page.file)
    context["kb"] = template_model.page_model(
        session, meta=entry.meta if entry else page.meta, entry=entry, lang=_lang(session, config), page_url=page.url,
        content=page.content, site_url=config.site_url or "/", repo_url=config.repo_url or "",
        qr=lambda url, label: Markup(session.qr.get(url, label)))   # an SVG made by segno
    session.page_scripts[page.url] = session.theme_scripts(context)
    return context


@_in_session
def on_template_context(session, context, *, template_name, config):
    if template_name == "404.html":
        context["kb"] = template_model.base_model(session, _lang(session, config))
        session.page_scripts["404.html"] = session.theme_scripts(context)
    return context


def _with_policy(session, output: str, key: str, where: str, page_url: str | None = None) -> str:
    site_path = urlsplit(session.config.site_url).path or "/"
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    homes = {code: site_path + session.config.prefix(code) for code in session.config.codes}
    output, unexpected = publish.finished_page(output, session.page_scripts.pop(key, frozenset()),
                                               with_csp=session.config.settings.csp, page_url=page_url,
                                               site_path=site_path, language_homes=homes)
    if unexpected:
        raise PluginError(csp.refusal(unexpected, where))
    return output


@_in_session
def on_post_page(session, output, *, page, config):
    return _with_policy(session, output, page.url, getattr(session.page_of(page.file), "path", page.file.src_uri), page.url)


@_in_session
def on_post_template(session, output, *, template_name, config):
    if template_name == "404.html":
        session.not_found[_lang(session, config)] = _with_policy(session, output, "404.html", "overrides/404.html")
    return output


@event_priority(-200)
def on_post_build(config):
    session = getattr(config, "kb_session", None)
    if session is None:
        return
    publish.write(config.site_dir, session.after_build)   # this language's Markdown downloads
    session.after_build = {}
    session.index_written_languages(config.site_dir)   # this language's pages are written
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    gc.unfreeze()
    try:
        indexed = session.finish(config.site_dir)
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
    if indexed is not None:
        log.info(f"Pagefind indexed {indexed} pages")


def on_build_error(error):
    """No configuration here: a failed build's background work stops with its session (session.start)."""
    gc.unfreeze()
