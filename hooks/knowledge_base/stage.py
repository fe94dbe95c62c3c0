"""The knowledge base as a build stage of its own: everything the hooks give an engine, written to disk.

`kb.py stage OUT_DIR` runs the same pipeline as the MkDocs hooks (session.start, compose, publish) and
writes what any engine needs to build the site without them:

    OUT_DIR/stage.json     the languages (code, prefix, site name, folder), the counts, the source
    OUT_DIR/<lang>/        that language's complete Markdown, in the docs/ layout without language
                           suffixes: every page (its own version, or the default language's where it has
                           none, with the translation notice), every generated page, references resolved to
                           relative .md links, checklists and fact boxes in place as HTML blocks; beside
                           them the files of docs/ and of overrides/assets/ (images, styles, scripts)
    OUT_DIR/files/         what the site publishes besides pages, placed as in the finished site
                           (api/ exports, checklist downloads, feeds, /go/ short links, moved_from redirects)

An engine renders each <lang>/ folder into the site under that language's prefix; files/ is copied over
the result; Pagefind then indexes it (`kb.py index SITE_DIR`), and `kb.py verify-site SITE_DIR` says
whether the result is the whole site. The MkDocs hooks remain the default build; this is the path to any
other engine.

Header fields: each page keeps only `title` and `description` (from `summary`), with <, > and & written
as entities, because the themes print them into HTML unescaped (Material and Zensical alike); the site
refuses no markup there, it only warns (`kb.py check`), so the stage must not hand it on.
"""
from __future__ import annotations

import json
import os
import shutil

from markupsafe import escape

from . import compose
from . import frontmatter
from . import publish

MANIFEST = "stage.json"
FILES = "files"


def _front(title: str, description: str) -> str:
    fields = {"title": str(escape(title))}
    if description:
        fields["description"] = str(escape(description))
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---\n\n"


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _copy_tree(src: str, dest: str, *, skip_markdown: bool) -> int:
    copied = 0
    for dirpath, dirnames, names in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or (skip_markdown and name.endswith(".md")):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), src)
            os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
            shutil.copyfile(os.path.join(dirpath, name), os.path.join(dest, rel))
            copied += 1
    return copied


def write(session, out_dir: str, *, theme_assets: str | None = None) -> dict:
    """Write the stage of session's knowledge base into out_dir (emptied first); returns the manifest."""
    cfg, registry = session.config, session.registry
    default = cfg.default_language
    shutil.rmtree(out_dir, ignore_errors=True)
    files_dir = os.path.join(out_dir, FILES)
    languages = []
    for lang in cfg.codes:
        docs = os.path.join(out_dir, lang)
        assets = _copy_tree(cfg.docs_dir, docs, skip_markdown=True)
        if theme_assets and os.path.isdir(theme_assets):
            assets += _copy_tree(theme_assets, os.path.join(docs, "assets"), skip_markdown=False)
        pages = 0
        for base, versions in sorted(registry.by_base.items()):
            page = versions.get(lang) or versions.get(default)
            if page is None:
                continue
            markdown = compose.markdown_for(session, page, base, lang, page.body)
            markdown, _ = session.stash.restore(markdown)
            _write(os.path.join(docs, base), _front(page.title, str(page.meta.get("summary") or "")) + markdown)
            pages += 1
        language = cfg.language(lang)
        outputs = publish.language_outputs(session, lang, session.language_url(cfg.site_url, lang), language.site_name)
        files = 0
        for out in outputs:
            if out.page:
                meta, body, _, _ = frontmatter.parse(out.src_uri, out.content)
                markdown, _ = session.stash.restore(compose.markdown_for(session, None, out.src_uri, lang, body))
                _write(os.path.join(docs, out.src_uri), _front(str(meta.get("title") or ""), "") + markdown)
                pages += 1
            else:
                _write(os.path.join(files_dir, cfg.prefix(lang) + out.src_uri), out.content)
                files += 1
        languages.append({"code": lang, "prefix": cfg.prefix(lang), "default": lang == default,
                          "name": language.name, "site_name": language.site_name,
                          "site_description": language.site_description, "folder": lang,
                          "pages": pages, "files": files, "assets": assets})
    manifest = {"site_url": cfg.site_url, "directory_urls": cfg.urls.directory_urls, "files": FILES,
                "languages": languages}
    _write(os.path.join(out_dir, MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def place_files(stage_dir: str, site_dir: str) -> int:
    """Copy the stage's files/ over a site an engine built from it; returns how many."""
    return _copy_tree(os.path.join(stage_dir, FILES), site_dir, skip_markdown=False)
