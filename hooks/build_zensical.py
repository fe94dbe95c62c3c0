#!/usr/bin/env python3
"""Build the site with Zensical from the knowledge base's stage, and report what of the site contract holds.

    python hooks/build_zensical.py [--out build/zensical] [--bin .venv-zensical/bin] [--report FILE]

Zensical ignores `hooks:` and every plugin it does not know, silently, so it never runs the knowledge
base; it builds from `kb.py stage` instead (each language's complete Markdown, and the published files),
with zensical-i18n for the languages. Then the stage's files are placed over the result, Pagefind indexes
it, and the site contract (`kb.py verify-site`) is checked on it. The output is a table, one row per part
of the contract: what works, what is missing, and what it would take. This is a report, not a gate: it
exits 0 whenever the report was made (`--require-pass` makes a failed contract exit 1), so that CI shows
the day Zensical becomes viable without failing on the days it is not. `make engines` runs it.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

import yaml  # noqa: E402

from knowledge_base import session as session_mod  # noqa: E402
from knowledge_base import site_config  # noqa: E402
from knowledge_base import site_contract  # noqa: E402
from knowledge_base import stage  # noqa: E402

# What each missing part would take with Zensical (as of its 0.0.x/0.1 releases: no hooks, no plugin
# API; zensical/backlog#18). Kept beside the measurement so that the report says it next to the numbers.
WOULD_TAKE = {
    "pages": "nothing beyond the stage: Zensical renders the stage's Markdown",
    "generated": "nothing beyond the stage: generated pages are Markdown in the stage",
    "lang": "zensical-i18n sets it per language (theme.language)",
    "alternates": "zensical-i18n puts hreflang only on the language selector's links and in its sitemaps, not as "
                  "<link rel=alternate> in each page's head: a head override (the site's templates) or a post-build step",
    "anchors": "attr_list in markdown_extensions (Zensical uses Python-Markdown)",
    "checklists": "nothing: the stage writes checklists as HTML blocks",
    "exports": "nothing: copied from the stage's files/",
    "downloads": "nothing: copied from the stage's files/",
    "feeds": "nothing: copied from the stage's files/",
    "short links": "nothing: copied from the stage's files/",
    "redirects": "nothing: copied from the stage's files/",
    "search": "`kb.py index` runs after the build, but without the site's templates no page marks its content "
              "(data-pagefind-body), so Pagefind also indexes the redirect pages",
    "404": "zensical-i18n writes 404.html per language",
    "csp": "a post-build step that hashes the theme's inline scripts into a CSP meta; safely only with the "
           "theme's script templates known (today csp.py renders Material's through MkDocs' Jinja)",
    "hosts": "theme.font: false; the bundle's on-demand CDN loads (mermaid, glightbox) are not triggered by this site",
}
NOT_IN_CONTRACT = [
    ("validation (`kb.py check`)", "runs before the stage: the stage is only written from valid content",
     "nothing: `kb.py check` is engine-independent"),
    ("the site's templates (`overrides/`)", "not used: they need the hooks' template model (`kb`)",
     "the template model passed as data (e.g. `extra`) and the templates ported to MiniJinja"),
    ("interactive features (checklist ticks, search dialog, case browser, print tools)",
     "missing: overrides/main.html loads their scripts",
     "the same port of overrides/main.html"),
]


def zensical_config(cfg, mkdocs_cfg: dict, docs_dir: str, site_dir: str) -> dict:
    """A configuration for zensical-i18n over the stage (in the suffix layout), from the project's."""
    theme = mkdocs_cfg.get("theme") or {}
    i18n = {}
    for plugin in mkdocs_cfg.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = dict(plugin["i18n"] or {})
    for option in ("build_only_locale", "reconfigure_material", "reconfigure_search"):
        i18n.pop(option, None)   # static-i18n's, not zensical-i18n's
    return {
        "site_name": mkdocs_cfg.get("site_name", ""),
        "site_description": mkdocs_cfg.get("site_description", ""),
        "site_url": cfg.site_url,
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        "use_directory_urls": True,
        "theme": {"name": "material", "language": cfg.default_language, "font": False,
                  "favicon": theme.get("favicon"), "logo": theme.get("logo")},
        "extra_css": list(mkdocs_cfg.get("extra_css") or []),
        "markdown_extensions": list(mkdocs_cfg.get("markdown_extensions") or []),
        "plugins": [{"i18n": i18n}],
    }


def suffix_layout(stage_dir: str, manifest: dict, docs_dir: str) -> None:
    """The stage's per-language folders as one docs folder in the suffix layout zensical-i18n reads
    (x.md of language pl -> x.pl.md); other files once, from the default language's folder."""
    shutil.rmtree(docs_dir, ignore_errors=True)
    for lang in manifest["languages"]:
        src = os.path.join(stage_dir, lang["folder"])
        for dirpath, _, names in os.walk(src):
            for name in names:
                rel = os.path.relpath(os.path.join(dirpath, name), src)
                if name.endswith(".md"):
                    dest = os.path.join(docs_dir, rel[:-3] + f".{lang['code']}.md")
                elif lang["default"]:
                    dest = os.path.join(docs_dir, rel)
                else:
                    continue
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copyfile(os.path.join(dirpath, name), dest)


def version(bin_dir: str, package: str) -> str:
    python = os.path.join(bin_dir, "python")
    if not os.path.exists(python):
        return "not installed"
    result = subprocess.run([python, "-c", f"import importlib.metadata as m; print(m.version({package!r}))"],
                            capture_output=True, text=True)
    return result.stdout.strip() or "not installed"


def report(findings, *, engine: str, build: str, seconds: float, pages: int, files: int, notes: list) -> str:
    by_area = Counter(f.area for f in findings)
    example = {}
    for f in findings:
        example.setdefault(f.area, f)
    lines = [f"### Site contract with {engine}", "",
             f"Build: {build}; {seconds:.1f} s from the stage to the verified site "
             f"({pages} pages and {files} files expected). Measured {time.strftime('%Y-%m-%d')}.", ""]
    lines += notes
    lines += ["| Part of the site | Result | What it would take |", "|---|---|---|"]
    for area, label in site_contract.AREAS.items():
        if by_area[area]:
            f = example[area]
            result = f"**missing**: {by_area[area]} finding(s), e.g. `{f.path}`: {f.what}"
        else:
            result = "works"
        lines.append(f"| {label} | {result.replace('|', '/')} | {WOULD_TAKE[area] if by_area[area] else ''} |")
    for label, result, take in NOT_IN_CONTRACT:
        lines.append(f"| {label} | {result} | {take} |")
    verdict = "passes" if not findings else f"fails ({len(findings)} findings)"
    lines += ["", f"Verdict: the Zensical-built site **{verdict}** the site contract."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "zensical"))
    parser.add_argument("--bin", default=os.path.join(ROOT, ".venv-zensical", "bin"),
                        help="the folder with zensical-i18n (make engines installs it)")
    parser.add_argument("--report", help="also write the table to this file (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--require-pass", action="store_true", help="exit 1 when the contract fails")
    args = parser.parse_args(argv)
    started = time.monotonic()
    out = os.path.abspath(args.out)
    args.bin = os.path.abspath(args.bin)
    cfg = site_config.load(os.path.join(ROOT, "mkdocs.yml"))
    with open(os.path.join(ROOT, "mkdocs.yml"), encoding="utf-8") as fh:
        mkdocs_cfg = yaml.load(fh, Loader=site_config._TolerantLoader)
    session = session_mod.start(cfg)
    if session.errors:
        for problem in session.errors:
            print(str(problem))
        print("the content has errors: no stage is written from it — run 'make check'")
        return 2
    try:
        stage_dir = os.path.join(out, "stage")
        manifest = stage.write(session, stage_dir, theme_assets=os.path.join(ROOT, "overrides", "assets"))
        expected = site_contract.contract(session)
    finally:
        session_mod.finish_background(session)
    suffix_layout(stage_dir, manifest, os.path.join(out, "docs"))
    with open(os.path.join(out, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(zensical_config(cfg, mkdocs_cfg, "docs", "site"), fh, allow_unicode=True, sort_keys=False)
    site_dir = os.path.join(out, "site")
    engine = f"Zensical {version(args.bin, 'zensical')} + zensical-i18n {version(args.bin, 'zensical-i18n')}"
    exe = os.path.join(args.bin, "zensical-i18n")
    notes = []
    if not os.path.exists(exe):
        build = f"not run: {exe} is not installed ('make engines' installs it)"
        shutil.rmtree(site_dir, ignore_errors=True)
    else:
        result = subprocess.run([exe, "build", "-f", os.path.join(out, "mkdocs.yml")], cwd=out,
                                capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
        log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
        with open(os.path.join(out, "build.log"), "w", encoding="utf-8") as fh:
            fh.write(log)
        issues = re.findall(r"(\d+) issues? found", log)
        warnings = sorted(set(re.findall(r"Warning: (.+)", log)))
        where = sorted(set(re.findall(r"\[ ([^:\]]+):\d+:\d+ \]", log)))
        tail = (f"{sum(map(int, issues))} warnings: {'; '.join(warnings)[:200]}, in {len(where)} pages "
                f"({', '.join(where[:3])}{' …' if len(where) > 3 else ''})" if issues else "no warnings")
        build = f"`zensical-i18n build` exit {result.returncode} ({tail})"
        if os.path.isdir(site_dir):
            stage.place_files(stage_dir, site_dir)
            indexed = subprocess.run([sys.executable, os.path.join(HERE, "kb.py"), "index", site_dir], cwd=ROOT,
                                     capture_output=True, text=True)
            notes += [f"Search: {indexed.stdout.strip() or indexed.stderr.strip()}", ""]
    findings = site_contract.verify(site_dir, expected)
    text = report(findings, engine=engine, build=build, seconds=time.monotonic() - started,
                  pages=len(expected.pages), files=len(expected.files), notes=notes)
    sys.stdout.write(text)
    if args.report:
        with open(args.report, "a", encoding="utf-8") as fh:
            fh.write(text)
    with open(os.path.join(out, "findings.txt"), "w", encoding="utf-8") as fh:
        fh.write("".join(str(f) + "\n" for f in findings))
    return 1 if args.require_pass and findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
