#!/usr/bin/env python3
"""The knowledge base's command-line tool.

    python hooks/kb.py check [--strict]          everything the build validates, without building
    python hooks/kb.py translations [--strict] [--format text|markdown]
                                                 missing and outdated translations per language
    python hooks/kb.py stamp PATH [PATH ...]     mark reviewed translations as current
    python hooks/kb.py fix                       fill in fields that can be derived (population_band)
    python hooks/kb.py new guide|case|workshop ID --topic TOPIC [--lang en]
                                                 create a page in every language from the templates
    python hooks/kb.py stage OUT_DIR            the knowledge base as a build stage: each language's complete
                                                 Markdown and the files the site publishes, for any engine
    python hooks/kb.py index SITE_DIR            Pagefind over a finished site, one bundle per language
    python hooks/kb.py verify-site SITE_DIR      check a finished site against the knowledge base: every
                                                 page, generated page, export, redirect, feed, search
                                                 bundle and policy, in every language (whatever built it)

Exit status: 0 when clean, 1 when there are errors (or, with --strict, warnings or outdated pages).
"""
from __future__ import annotations

import argparse
import os
import sys

from knowledge_base import model  # noqa: E402
from knowledge_base import site_config  # noqa: E402
from knowledge_base import text_files  # noqa: E402
from knowledge_base import translations  # noqa: E402
from knowledge_base import validate  # noqa: E402
from knowledge_base.diagnostics import ERROR, sort_problems   # noqa: E402


def _load(config_file: str):
    if not os.path.exists(config_file):
        print(f"{config_file}:1: configuration file not found — run the command from the project folder "
              "or pass --config PATH", file=sys.stderr)
        raise SystemExit(2)
    return model.load(site_config.load(config_file))


def cmd_check(*, config_file: str, strict: bool) -> int:
    """Check every page and data file; print all problems at once."""
    registry, _ = _load(config_file)
    problems = sort_problems(validate.run(registry))
    for problem in problems:
        prefix = "" if problem.severity == ERROR else "warning: "
        print(prefix + str(problem))
    errors = sum(p.severity == ERROR for p in problems)
    warns = len(problems) - errors
    pages = len(registry.pages)
    if errors or warns:
        print(f"{errors} error(s), {warns} warning(s) in {pages} pages")
    else:
        print(f"{pages} pages checked: no problems")
    return 1 if errors or (strict and warns) else 0


def translation_report(registry, fmt: str) -> tuple[str, int]:
    entries = [s for s in translations.status(registry) if s.state not in (translations.SOURCE, translations.CURRENT)]
    if fmt == "markdown":
        lines = ["### Translation status", ""]
        if not entries:
            lines.append("All pages are translated and current in every language.")
        else:
            lines += ["| Language | Page | Status | What to do |", "|---|---|---|---|"]
            for s in entries:
                todo = (f"translate `{s.source_path}` into `{s.path}`" if s.state == translations.MISSING
                        else f"update against `{s.source_path}`, then `python hooks/kb.py stamp {s.path}`")
                lines.append(f"| {s.lang} | `{s.page_id}` | {s.state} | {todo} |")
        return "\n".join(lines) + "\n", len(entries)
    lines = []
    for code in registry.config.codes:
        mine = [s for s in entries if s.lang == code]
        if not mine:
            lines.append(f"{code}: all current")
            continue
        lines.append(f"{code}: {len(mine)} to do")
        for s in mine:
            if s.state == translations.MISSING:
                lines.append(f"  missing       {s.page_id}: create {s.path} from {s.source_path}")
            else:
                lines.append(f"  {s.state:<13} {s.page_id}: check {s.path} against {s.source_path}, "
                             f"then run: python hooks/kb.py stamp {s.path}")
    return "\n".join(lines) + "\n", len(entries)


def cmd_translations(*, config_file: str, strict: bool, fmt: str) -> int:
    """Print missing, untranslated and outdated translations per language."""
    registry, _ = _load(config_file)
    text, count = translation_report(registry, fmt)
    sys.stdout.write(text)
    return 1 if strict and count else 0


def cmd_stamp(*, config_file: str, paths: list[str]) -> int:
    """Record that each translation matches the current version of its source."""
    registry, _ = _load(config_file)
    by_path = {page.path: page for page in registry.pages}
    changed = 0
    failed = 0
    for raw in paths:
        rel = os.path.relpath(os.path.abspath(raw), registry.config.root).replace(os.sep, "/")
        page = by_path.get(rel)
        if page is None:
            print(f"{raw}:1: not a page of the site — give the path of a .md file under docs/", file=sys.stderr)
            failed += 1
            continue
        source = registry.source(page.id) if page.id else None
        if source is None or source is page:
            print(f"{rel}:1: this page is a source, not a translation — stamp its translations instead",
                  file=sys.stderr)
            failed += 1
            continue
        new_hash = translations.source_hash(source)
        if str(page.meta.get("source_hash")) == new_hash:
            print(f"{rel} is up to date")
            continue
        full = os.path.join(registry.config.root, rel)
        with open(full, encoding="utf-8") as fh:
            text = fh.read()
        with open(full, "w", encoding="utf-8") as fh:
            fh.write(translations.stamp_text(text, new_hash))
        print(f"{rel}: stamped as a translation of {source.path} ({new_hash})")
        changed += 1
    return 1 if failed or changed else 0


def _fix_encodings(config) -> tuple[int, int]:
    """Pages and data files rewritten as UTF-8 without a byte order mark: (files changed, files that
    cannot be fixed). Line endings are kept as they are."""
    changed = failed = 0
    for top, suffixes in ((config.docs_dir, (".md",)), (config.data_dir, (".yml", ".yaml", ".json"))):
        for full, trouble in text_files.walk(top, config.root):
            if trouble or not full.endswith(suffixes):
                continue   # links that lead nowhere are reported by 'check'
            rel = os.path.relpath(full, config.root).replace(os.sep, "/")
            try:
                with open(full, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            text, encoding, bom = text_files.decode(data)
            if text is None:
                _, problem = text_files.read(full, rel)
                if problem:
                    print(str(problem), file=sys.stderr)
                    failed += 1
                continue
            if encoding == "utf-8" and not bom:
                continue
            with open(full, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            if encoding == "utf-8":
                print(f"{rel}: byte order mark (BOM) removed")
            else:
                print(f"{rel}: converted from {text_files.NAMES[encoding]} to UTF-8")
            changed += 1
    return changed, failed


def _fix_sections(registry) -> int:
    """Guides' standard section headings rewritten to their text in data/strings.yml; pages changed."""
    from knowledge_base import language_rules
    changed = 0
    for page in registry.pages:
        if page.type != "guide" or registry.strings is None:
            continue
        sections = language_rules.standard_sections(registry.strings, page.lang)
        wrong = language_rules.check_sections(page, sections, "")
        if not wrong:
            continue
        with open(os.path.join(registry.config.root, page.path), "w", encoding="utf-8") as fh:
            fh.write(language_rules.fix_sections(page.text, page.body_line, sections))
        print(f"{page.path}: {len(wrong)} standard section heading(s) rewritten as in data/strings.yml")
        changed += 1
    return changed


def cmd_fix(*, config_file: str) -> int:
    """Save pages and data files as UTF-8 (from Windows-1250, ISO-8859-2, …; without a BOM), rewrite
    fields that can be derived (population_band from population) and guides' standard section headings
    (from data/strings.yml). Exit 1 when a file changed."""
    import re
    if os.path.exists(config_file):
        changed, failed = _fix_encodings(site_config.load(config_file))
    else:
        changed = failed = 0
    registry, _ = _load(config_file)
    for page in registry.pages:
        population, band = page.meta.get("population"), page.meta.get("population_band")
        if not isinstance(population, int):
            continue
        expected = registry.vocab.band_for(population)
        if expected and band != expected:
            full = os.path.join(registry.config.root, page.path)
            text = re.sub(r"^population_band:.*$", f"population_band: {expected}", page.text, count=1, flags=re.M)
            if text == page.text:
                text = page.text.replace("\npopulation:", f"\npopulation_band: {expected}\npopulation:", 1)
            with open(full, "w", encoding="utf-8") as fh:
                fh.write(text)
            print(f"{page.path}: population_band set to {expected} (population {population})")
            changed += 1
    changed += _fix_sections(registry)
    if not changed and not failed:
        print("docs/ and data/ are up to date")
    return 1 if changed or failed else 0


def _session(config_file: str):
    """A build session over the content (session.start), or None after printing the content's errors."""
    from knowledge_base import session as session_mod
    if not os.path.exists(config_file):
        _load(config_file)   # the one message for a missing configuration
    session = session_mod.start(site_config.load(config_file))
    if session.errors:
        for problem in session.errors:
            print(str(problem))
        print(f"{len(session.errors)} error(s) in the content — run 'make check' and fix them first")
        session_mod.finish_background(session)
        return None
    return session


def cmd_stage(*, config_file: str, out_dir: str) -> int:
    """Write the knowledge base as a build stage (stage.py): per language the complete Markdown, and files/."""
    from knowledge_base import session as session_mod
    from knowledge_base import stage
    session = _session(config_file)
    if session is None:
        return 2
    try:
        manifest = stage.write(session, out_dir, theme_assets=os.path.join(session.config.root, "overrides", "assets"))
    finally:
        session_mod.finish_background(session)
    for lang in manifest["languages"]:
        print(f"{out_dir}/{lang['folder']}/: {lang['pages']} pages, {lang['assets']} other files; "
              f"{lang['files']} published files under files/{lang['prefix']}")
    return 0




def cmd_index(*, config_file: str, site_dir: str) -> int:
    """Index a finished site with Pagefind, one bundle per language (search_index.py)."""
    from knowledge_base import search_index
    cfg = site_config.load(config_file) if os.path.exists(config_file) else None
    if cfg is None:
        _load(config_file)
    if not os.path.isdir(site_dir):
        print(f"{site_dir}: the folder does not exist — build the site first", file=sys.stderr)
        return 1
    indexer = search_index.Indexer(site_dir)
    for lang in cfg.codes:
        others = [cfg.prefix(c) for c in cfg.codes if c != lang]
        indexer.add(search_index.language_glob(site_dir, cfg.prefix(lang), others), cfg.prefix(lang))
    try:
        pages = indexer.finish()
    except RuntimeError as exc:
        print(f"{site_dir}: {exc}", file=sys.stderr)
        return 1
    print(f"{site_dir}: Pagefind indexed {pages} pages in {len(cfg.codes)} languages")
    return 0


def cmd_verify_site(*, config_file: str, site_dir: str) -> int:
    """Check a finished site against the knowledge base (site_contract.py); exit 1 when it falls short."""
    from knowledge_base import session as session_mod
    from knowledge_base import site_contract
    session = _session(config_file)
    if session is None:
        return 2
    try:
        expected = site_contract.contract(session)
    finally:
        session_mod.finish_background(session)
    findings = site_contract.verify(site_dir, expected)
    for finding in findings:
        print(str(finding))
    pages, files = len(expected.pages), len(expected.files)
    if findings:
        print(f"{len(findings)} problem(s): {site_dir} is not the complete site "
              f"({pages} pages and {files} files expected in {len(expected.codes)} languages) — do not publish it")
        return 1
    print(f"{site_dir}: the site holds all {pages} pages and {files} files in {len(expected.codes)} languages, "
          "with their policies and search")
    return 0


def _console() -> None:
    """Output that cannot fail: characters the console cannot show are written as \\u escapes (an
    ASCII console, PYTHONIOENCODING=ascii), instead of raising UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass   # not a text stream that can be reconfigured (e.g. replaced by a test)


def main(argv=None) -> int:
    """Run a command. Never a traceback: a closed pipe (kb.py check | head) ends quietly, and a failure of
    kb.py itself is one line (KB_TRACEBACK=1 shows the traceback)."""
    _console()
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (| head): send what is left nowhere, as Python's documentation advises.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort: one line instead of a traceback
        if os.environ.get("KB_TRACEBACK"):
            raise
        print(f"kb.py: internal error: {type(exc).__name__}: {exc} — this is a bug in hooks/, not in the "
              "content; please report it (run with KB_TRACEBACK=1 to see where it happened)", file=sys.stderr)
        return 2


def _main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="kb.py", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="mkdocs.yml", help="path of mkdocs.yml (default: ./mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help=cmd_check.__doc__)
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p = sub.add_parser("translations", help=cmd_translations.__doc__)
    p.add_argument("--strict", action="store_true", help="exit 1 when anything is missing or outdated")
    p.add_argument("--format", choices=["text", "markdown"], default="text")
    p = sub.add_parser("stamp", help=cmd_stamp.__doc__)
    p.add_argument("paths", nargs="+")
    sub.add_parser("fix", help=cmd_fix.__doc__)
    p = sub.add_parser("new", help="create a page in every language from the templates")
    p.add_argument("type", choices=["guide", "case", "workshop"])
    p.add_argument("id")
    p.add_argument("--topic", required=True)
    p.add_argument("--lang", default=None, help="the source language (default: the site's default)")
    p = sub.add_parser("stage", help=cmd_stage.__doc__)
    p.add_argument("out_dir", metavar="OUT_DIR")
    p = sub.add_parser("index", help=cmd_index.__doc__)
    p.add_argument("site_dir", metavar="SITE_DIR")
    p = sub.add_parser("verify-site", help=cmd_verify_site.__doc__)
    p.add_argument("site_dir", metavar="SITE_DIR")
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check(config_file=args.config, strict=args.strict)
    if args.command == "translations":
        return cmd_translations(config_file=args.config, strict=args.strict, fmt=args.format)
    if args.command == "stamp":
        return cmd_stamp(config_file=args.config, paths=args.paths)
    if args.command == "fix":
        return cmd_fix(config_file=args.config)
    if args.command == "stage":
        return cmd_stage(config_file=args.config, out_dir=args.out_dir)
    if args.command == "index":
        return cmd_index(config_file=args.config, site_dir=args.site_dir)
    if args.command == "verify-site":
        return cmd_verify_site(config_file=args.config, site_dir=args.site_dir)
    if args.command == "new":
        from knowledge_base import scaffold
        registry, _ = _load(args.config)
        return scaffold.cmd_new(registry, page_type=args.type, page_id=args.id, topic=args.topic, lang=args.lang)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
