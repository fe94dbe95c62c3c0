"""Translation status: which language versions are missing, not yet translated, outdated or current.

A translation records the version of its source it was made from as ``source_hash``: a short hash of
the source's normalised text (title, summary and body). This needs no git history.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from . import frontmatter


MISSING, UNTRANSLATED, OUTDATED, CURRENT, SOURCE = "missing", "untranslated", "outdated", "current", "source"
_SPACE = re.compile(r"\s+")


def source_hash(page) -> str:
    return _hash(str(page.meta.get("title") or ""), str(page.meta.get("summary") or ""), page.body)


@lru_cache(maxsize=20_000)   # asked once per page and per translation of it, by the notices and the status
def _hash(title: str, summary: str, body: str) -> str:
    normalised = _SPACE.sub(" ", "\n".join((title, summary, body))).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Status:
    page_id: str
    lang: str
    state: str
    source_lang: str
    source_path: str
    path: str | None    # the translation's file, or where it should be


def expected_path(source_path: str, source_lang: str, lang: str) -> str:
    return re.sub(rf"\.{re.escape(source_lang)}\.md$", f".{lang}.md", source_path)


def status(registry) -> list[Status]:
    """One entry per (page id, language), sources included."""
    out = []
    for page_id in sorted(registry.versions):
        versions = registry.versions[page_id]
        source = registry.source(page_id)
        current_hash = source_hash(source)
        for lang in registry.config.codes:
            page = versions.get(lang)
            if page is source:
                state = SOURCE
            elif page is None:
                state = MISSING
            elif not page.meta.get("source_hash"):
                state = UNTRANSLATED
            elif str(page.meta.get("source_hash")) != current_hash:
                state = OUTDATED
            else:
                state = CURRENT
            path = page.path if page else expected_path(source.path, source.lang, lang)
            out.append(Status(page_id, lang, state, source.lang, source.path, path))
    return out


def state_of(registry, page_id: str, lang: str) -> str:
    versions = registry.versions.get(page_id) or {}
    page, source = versions.get(lang), registry.source(page_id)
    if page is None:
        return MISSING
    if page is source:
        return SOURCE
    if not page.meta.get("source_hash"):
        return UNTRANSLATED
    return CURRENT if str(page.meta["source_hash"]) == source_hash(source) else OUTDATED


def stamp_text(text: str, new_hash: str) -> str:
    """The translation's text with ``source_hash`` set, everything else unchanged."""
    header, _, _ = frontmatter.split(text)
    if header is None:
        raise ValueError("the page has no header")
    line = f'source_hash: "{new_hash}"'   # quoted: a hash of digits would otherwise be read as a number
    if re.search(r"^source_hash\s*:", header, re.M):
        new_header = re.sub(r"^source_hash\s*:.*$", line, header, count=1, flags=re.M)
    elif re.search(r"^translated_from\s*:.*$", header, re.M):
        new_header = re.sub(r"^(translated_from\s*:.*)$", lambda m: m.group(1) + "\n" + line, header, count=1, flags=re.M)
    else:
        new_header = header.rstrip("\n") + "\n" + line + "\n"
    start = text.find(header)
    return text[:start] + new_header + text[start + len(header):]
