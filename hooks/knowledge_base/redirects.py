"""Links that do not break: /go/<id>/ short links and redirects from the former paths of moved pages.

Static redirect pages (meta refresh, canonical link, visible link) work on any static host and offline.
"""
from __future__ import annotations

import html
import re

from . import frontmatter
from .diagnostics import Problem
from .urls import relative_url

SHORT_PREFIX = "go/"
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*/$")


def normalise_path(path: str) -> str:
    """'participation/old.md', '/participation/old/', 'participation/old' -> 'participation/old/'."""
    p = str(path).strip().lstrip("/")
    if p.endswith(".md"):
        p = p[:-3]
    if p.endswith("/index"):
        p = p[: -len("index")]
    return p if p.endswith("/") or not p else p + "/"


def check(registry) -> list[Problem]:
    """A former path may not be the address of a live page, nor be claimed twice."""
    live = {}
    for page in registry.pages:
        live[page.url] = page
    for virtual in registry.virtual.values():
        live[virtual.url] = virtual
    problems, claimed = [], {}
    for page in registry.pages:
        moved = page.meta.get("moved_from") or []
        for old in moved if isinstance(moved, list) else []:
            path = normalise_path(old)
            line = frontmatter.value_line(page.text, str(old), frontmatter.key_line(page.text, "moved_from"))
            other = live.get(path)
            if not _SAFE_PATH.match(path) or any(part in ("", ".", "..") for part in path.rstrip("/").split("/")):
                problems.append(Problem(page.path, line, f"moved_from '{old}' is not a path inside the site",
                                        "write the page's former address below the language root, e.g. "
                                        "participation/old-name/ (letters, digits, '-', '_' and '/' only, no '..')"))
                continue
            if other is not None:
                where = getattr(other, "path", None) or f"the generated page '{other.id}'"
                problems.append(Problem(page.path, line, f"moved_from '{old}' is the address of a live page ({where})",
                                        "remove it from moved_from, or move or delete the page that lives there"))
            elif path.startswith(SHORT_PREFIX):
                problems.append(Problem(page.path, line, f"moved_from '{old}' is inside the short-link folder '/go/'",
                                        "short links are made automatically; list only former page paths"))
            elif path in claimed and claimed[path] != page.id:
                problems.append(Problem(page.path, line, f"moved_from '{old}' is also claimed by '{claimed[path]}'",
                                        "a former path can redirect to one page only"))
            claimed.setdefault(path, page.id)
    return problems


def redirect_html(target: str, lang: str, title: str, canonical: str) -> str:
    """A redirect page: works without JavaScript and on any static host."""
    t, c, n = html.escape(target, quote=True), html.escape(canonical, quote=True), html.escape(title)
    return (f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; base-uri \'none\'">\n'
            f'<meta http-equiv="refresh" content="0; url={t}">\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{c}">\n<title>{n}</title>\n</head>\n<body>\n'
            f'<p><a href="{t}">{n}</a></p>\n</body>\n</html>\n')


def redirects(registry, lang: str, language_root_url: str, page_href) -> dict:
    """{output path under the language root: html} for short links and moved pages in one language.

    language_root_url is the absolute URL of the language's home ('https://…/pl/'); in a build without an
    address (the offline copy: '/pl/') the canonical link is relative like the redirect itself, or it
    would lead out of the copy.
    page_href(url) turns a page's directory URL into the href style of the build (directory or .html).
    """
    absolute = "://" in language_root_url
    out = {}
    for page_id in registry.versions:
        page = registry.page(page_id, lang)
        title = registry.title(page_id, lang)
        here = SHORT_PREFIX + page_id + "/"
        for path in [here] + [normalise_path(old) for old in page.meta.get("moved_from") or []]:
            target = relative_url(path, page_href(page.url))
            out[path + "index.html"] = redirect_html(target, lang, title, language_root_url + page.url if absolute else target)
    return out
