#!/usr/bin/env python3
"""Build the offline copy: all languages, usable from file:// (no server), zipped into dist/.

    python hooks/build_offline.py [--out dist]

The copy uses Material's offline plugin (after static-i18n) and Material's own search, because Pagefind
cannot load from file://. The iframe-worker polyfill that the offline plugin would fetch from a CDN is
vendored in overrides/assets/javascripts/vendor/. The copy carries the same Content-Security-Policy as
the site online (a copy handed round on a USB stick deserves the same protection).

After the build: search/search_index.js (the offline plugin's one index of all languages) is rewritten to
hold one index per language, and a page loads only its own language's (results stay in the page's
language, and the index built in the page's thread is a third of the size); offline-search.js searches
text that arrives without a keyup; the 404 pages link relatively (MkDocs writes them with site-absolute
links, for a server that shows them at any depth).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

import yaml  # noqa: E402

from knowledge_base import csp, site_config  # noqa: E402

SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
OFFLINE_SEARCH = "assets/javascripts/offline-search.js"
SEARCH_SEPARATOR = r'''[\s\-,:;!?=\[\]()"„”“«»…`'/]+|\.(?!\d)|&[lg]t;'''
ZIP_NAME = "knowledge-base-offline.zip"


def offline_config(cfg: dict, root: str = ROOT) -> dict:
    """The project's configuration, changed for a file:// copy."""
    cfg = dict(cfg)
    cfg["docs_dir"] = os.path.join(root, cfg.get("docs_dir", "docs"))
    cfg["theme"] = dict(cfg["theme"], custom_dir=os.path.join(root, cfg["theme"].get("custom_dir", "overrides")))
    cfg["hooks"] = [os.path.join(root, h) for h in cfg.get("hooks", [])]
    cfg["site_url"] = ""
    cfg["use_directory_urls"] = False   # what the offline plugin sets anyway; said here for kb.py verify-site
    extra = dict(cfg.get("extra") or {})
    extra["polyfills"] = [SHIM, OFFLINE_SEARCH]   # before Material's bundle, in this order
    extra["kb"] = dict(extra.get("kb") or {}, search="material",
                       data_dir=os.path.join(root, (extra.get("kb") or {}).get("data_dir", "data")))
    cfg["extra"] = extra
    plugins = []
    for plugin in cfg.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            # no lunr pipeline: its trimmer strips \W, so also ą, ę, ś, ł, ø, å from the ends of indexed words
            # but not from the query ('dostępność' found nothing); words are split at punctuation instead
            plugins.append({"search": {"lang": ["en"], "pipeline": [], "separator": SEARCH_SEPARATOR}})
            plugins.append({"i18n": dict(plugin["i18n"], reconfigure_search=True)})
        else:
            plugins.append(plugin)
    plugins.append("offline")
    cfg["plugins"] = plugins
    return cfg


def language_prefixes(cfg: dict) -> dict:
    """{locale: its folder in the site ('' for the default language, 'pl/', …)}."""
    for plugin in cfg.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return {lang["locale"]: "" if lang.get("default") else lang["locale"] + "/"
                    for lang in plugin["i18n"].get("languages") or []}
    return {}


def split_search_index(site_dir: str, prefixes: dict) -> dict:
    """Rewrite search/search_index.js as one index per language; the page's <html lang> picks its own.

    Material loads search/search_index.js from the site's root on every page and reads `__index` when it
    has run, so the file cannot load a language's index later: it holds each language's index as a JSON
    string, and only the page's language's is parsed. Returns {locale: number of entries}."""
    path = os.path.join(site_dir, "search", "search_index.json")
    if not prefixes or not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        index = json.load(fh)
    default = next((code for code, prefix in prefixes.items() if not prefix), "en")
    others = {code: prefix for code, prefix in prefixes.items() if prefix}
    docs = {code: [] for code in prefixes}
    for doc in index["docs"]:
        code = next((c for c, prefix in others.items() if doc["location"].startswith(prefix)), default)
        docs[code].append(doc)
    parts = {code: json.dumps({"config": index["config"], "docs": entries}, separators=(",", ":"))
             for code, entries in docs.items()}
    with open(os.path.join(site_dir, "search", "search_index.js"), "w", encoding="utf-8") as fh:
        fh.write("/* One search index per language (hooks/build_offline.py): a page searches its own language. */\n"
                 "var __index = (function (parts) {\n"
                 f"  return JSON.parse(parts[document.documentElement.lang] || parts[{json.dumps(default)}]);\n"
                 "})(" + json.dumps(parts) + ");\n")
    return {code: len(entries) for code, entries in docs.items()}


_ROOTED = re.compile(r'(\s(href|src|data-kb-search-open)=")/(?!/)([^"#?]*)')
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def relative(attr: str, path: str, up: str) -> str:
    """A site-absolute path, relative from a page `up` below the root; a folder's link leads to its
    index.html (from file:// a folder shows a listing, not its page)."""
    if attr == "href" and (not path or path.endswith("/")):
        path += "index.html"
    return up + path


def relative_404_pages(site_dir: str, prefixes: dict) -> list:
    """Make the 404 pages' site-absolute links (/assets/…, /pl/index.html) relative to where each page is.

    A copy opened from file:// never shows a 404 page, but the copy is also unzipped onto a web server or
    a shared drive under some folder, where /assets/… leads outside it. The rewritten inline script is
    the one every page at the same depth has, so its hash is one the theme's templates write. Returns the
    pages rewritten."""
    done = []
    for prefix in prefixes.values():
        rel = prefix + "404.html"
        path = os.path.join(site_dir, rel)
        if not os.path.isfile(path):
            continue
        up = "../" * prefix.count("/")
        base = up.rstrip("/") or "."
        with open(path, encoding="utf-8") as fh:
            page = fh.read()
        page = _ROOTED.sub(lambda m: m.group(1) + relative(m.group(2), m.group(3), up), page)
        page = page.replace('new URL("/",location)', f'new URL("{base}",location)')
        page = page.replace('"base": "/"', f'"base": "{base}"').replace('"search": "/', f'"search": "{up}')
        with open(os.path.join(site_dir, prefix + "index.html"), encoding="utf-8") as fh:
            allowed = _CSP_META.search(fh.read()).group(0)
        hashes = {csp.script_hash(body) for body in csp.executable_inline_scripts(page)}
        unknown = [h for h in hashes if h not in allowed]
        left = re.findall(r'="/(?!/)[^"]*"|"base": "/"|new URL\("/"', page)
        if unknown or left:
            raise SystemExit(f"{rel}: cannot make it relative (scripts {unknown}, links {left[:5]})")
        page = _CSP_META.sub(lambda m: f'<meta http-equiv="Content-Security-Policy" content="{csp.policy(hashes)}">', page, count=1)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)
        done.append(rel)
    return done


def build(out_dir: str, root: str = ROOT) -> str:
    """Build the project in root into out_dir/knowledge-base/ and zip it; returns the zip's path."""
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as fh:
        cfg = yaml.load(fh, Loader=site_config._TolerantLoader)
    os.makedirs(out_dir, exist_ok=True)
    config_path = os.path.join(out_dir, "mkdocs.offline.yml")
    with open(config_path, "w", encoding="utf-8") as fh:
        yaml.safe_dump(offline_config(cfg, root), fh, allow_unicode=True, sort_keys=False)
    site_dir = os.path.join(out_dir, "knowledge-base")
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_path, "-d", site_dir],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(result.returncode)
    prefixes = language_prefixes(cfg)
    split_search_index(site_dir, prefixes)
    relative_404_pages(site_dir, prefixes)
    with open(os.path.join(site_dir, "README.txt"), "w", encoding="utf-8") as fh:
        fh.write("Open index.html in a web browser (English); pl/index.html (Polski); nb/index.html (Norsk bokmål).\n")
    zip_path = os.path.join(out_dir, ZIP_NAME)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for dirpath, _, filenames in os.walk(site_dir):
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                zf.write(full, os.path.relpath(full, out_dir))
    return zip_path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"))
    parser.add_argument("--root", default=ROOT, help="the project folder (with mkdocs.yml)")
    args = parser.parse_args(argv)
    path = build(args.out, os.path.abspath(args.root))
    print(f"{os.path.relpath(path)}: {os.path.getsize(path) // 1024} KB — unzip it and open knowledge-base/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
