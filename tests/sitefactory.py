"""Build small fixture sites from the project's real configuration, theme and hooks.

A fixture site is a folder with mkdocs.yml, docs/ and data/, made from a dict of pages. It uses the
real hooks, templates and vocabularies, so a fixture test exercises exactly what the real site runs.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = sys.executable


def _tolerant_load(path):
    from knowledge_base import site_config  # noqa: WPS433
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=site_config._TolerantLoader)


def make_site(dest, pages: dict, *, languages=None, glossary=None, vocab_extra=None, search=False,
              standard_sections=False, address=None) -> str:
    """Write a fixture site into dest; pages maps 'path/name.lang.md' -> text. Returns dest.

    The fixture pages head their sections in English in every language: the standard-section headings
    (data/strings.yml section_*) and the form-of-address check (extra.kb.address) apply only where a test
    asks for them."""
    cfg = _tolerant_load(os.path.join(ROOT, "mkdocs.yml"))
    cfg["site_url"] = "https://example.org/kb/"
    cfg["theme"]["custom_dir"] = os.path.join(ROOT, "overrides")
    cfg["hooks"] = [os.path.join(ROOT, "hooks", "kb_hook.py")]
    cfg["extra"]["kb"]["search"] = "pagefind" if search else "none"
    cfg["extra"]["kb"].pop("address", None)
    if address:
        cfg["extra"]["kb"]["address"] = address
    for plugin in cfg["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin and languages is not None:
            plugin["i18n"]["languages"] = languages
    os.makedirs(os.path.join(dest, "docs"), exist_ok=True)
    with open(os.path.join(dest, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(cfg, fh, allow_unicode=True, sort_keys=False)
    data = os.path.join(dest, "data")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(ROOT, "data", "vocabularies.yml"), encoding="utf-8") as fh:
        vocab = yaml.safe_load(fh)
    with open(os.path.join(ROOT, "data", "strings.yml"), encoding="utf-8") as fh:
        strings = yaml.safe_load(fh)
    if not standard_sections:
        strings = {lang: {k: v for k, v in block.items() if not k.startswith("section_")} for lang, block in strings.items()}
    codes = [l["locale"] for l in languages] if languages else ["en", "pl", "nb"]
    for code in codes:
        if code not in strings:
            strings[code] = dict(strings["en"])
        for entries in vocab.values():
            for entry in entries.values():
                entry.setdefault(code, entry.get("en"))
    for name, entries in (vocab_extra or {}).items():
        vocab.setdefault(name, {}).update(entries)
    with open(os.path.join(data, "vocabularies.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(vocab, fh, allow_unicode=True)
    with open(os.path.join(data, "strings.yml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(strings, fh, allow_unicode=True)
    if glossary is not None:
        with open(os.path.join(data, "glossary.yml"), "w", encoding="utf-8") as fh:
            fh.write(glossary)
    for rel, text in pages.items():
        path = os.path.join(dest, "docs", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(textwrap.dedent(text).lstrip("\n"))
    return dest


def run(args, cwd, **kw):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, **kw)


def build(site_dir: str):
    """mkdocs build --strict in a fixture site: (returncode, combined output)."""
    result = run([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], site_dir)
    return result.returncode, result.stdout + result.stderr


def kb(site_dir: str, *args):
    result = run([PYTHON, os.path.join(ROOT, "hooks", "kb.py"), "--config", "mkdocs.yml", *args], site_dir)
    return result.returncode, result.stdout + result.stderr


def read(site_dir: str, rel: str) -> str:
    with open(os.path.join(site_dir, "site", rel), encoding="utf-8") as fh:
        return fh.read()
