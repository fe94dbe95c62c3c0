"""The trilingual glossary, kept as data in data/glossary.yml."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import yaml_load
from .diagnostics import Problem


@dataclass
class Term:
    id: str
    line: int
    terms: dict                 # lang -> term
    definitions: dict           # lang -> definition
    notes: dict = field(default_factory=dict)   # lang -> note where concepts do not map one to one
    legal: dict = field(default_factory=dict)   # lang -> legal references ('*' when the same in every language)
    sources: list = field(default_factory=list)
    usage: dict = field(default_factory=dict)   # lang -> {prefer, avoid: [variants], strict} (language_rules.py)

    def term(self, lang: str, default: str) -> str:
        return self.terms.get(lang) or self.terms.get(default) or self.id

    def definition(self, lang: str, default: str) -> str:
        return self.definitions.get(lang) or self.definitions.get(default) or ""

    def legal_for(self, lang: str, default: str) -> str:
        """The legal references as written for lang (the connecting words translated), else as written once."""
        return self.legal.get(lang) or self.legal.get("*") or self.legal.get(default) or ""


@dataclass
class Glossary:
    terms: dict   # id -> Term
    path: str
    missing: bool = False   # data/glossary.yml does not exist


class _Unreadable(dict):
    """The terms of a glossary that could not be read: empty, yet every id counts as known, so that the
    one problem about the file is not buried under one 'unknown glossary term' per reference."""

    def __contains__(self, key) -> bool:
        return True


def _texts(value) -> dict:
    """A per-language field as {lang: text}; anything else (reported by the schema) as {}."""
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _describe(data, path) -> str:
    """'glossary term 'x': 'term'' for a place inside an entry of the glossary (for schema messages)."""
    entries = data.get("terms") if isinstance(data, dict) else None
    if len(path) >= 2 and path[0] == "terms" and isinstance(path[1], int) and isinstance(entries, list):
        entry = entries[path[1]] if path[1] < len(entries) else None
        name = f"glossary term '{entry['id']}'" if isinstance(entry, dict) and entry.get("id") else \
            f"glossary entry {path[1] + 1}"
        rest = ".".join(str(p) for p in path[2:])
        return f"{name}: '{rest}'" if rest else name
    return ""


def load(data_dir: str, languages) -> tuple[Glossary, list[Problem]]:
    path = os.path.join(data_dir, "glossary.yml")
    rel = os.path.relpath(path)
    loaded = yaml_load.load_file(path, rel, "glossary", describe=_describe)
    if not loaded.exists:
        return Glossary(_Unreadable(), path, missing=True), []
    entries = loaded.data.get("terms") if isinstance(loaded.data, dict) else None
    problems = list(loaded.problems)
    if not isinstance(entries, list):
        if not problems:
            problems.append(Problem(rel, 1, "the glossary has no 'terms:' list",
                                    "start the file with 'terms:' and one '- id: …' entry per term"))
        return Glossary(_Unreadable(), path), problems
    term_nodes = yaml_load.node_at(loaded.root, ["terms"]).value
    terms: dict = {}
    for index, entry in enumerate(entries):
        line = term_nodes[index].start_mark.line + 1 if index < len(term_nodes) else 1
        if not isinstance(entry, dict):
            continue   # reported by the schema
        if not entry.get("id"):
            problems.append(Problem(rel, line, "a glossary entry has no id", "add 'id: some-term' to it"))
            continue
        term_id = str(entry["id"])
        if term_id in terms:
            problems.append(Problem(rel, line, f"duplicate glossary id '{term_id}' (first at line {terms[term_id].line})",
                                    "give each term its own id, or merge the two entries"))
            continue
        sources = entry.get("sources")
        term = Term(id=term_id, line=line, terms=_texts(entry.get("term")),
                    definitions=_texts(entry.get("definition")), notes=_texts(entry.get("note")),
                    legal=_texts(entry["legal"]) if isinstance(entry.get("legal"), dict)
                    else {"*": str(entry.get("legal") or "")} if entry.get("legal") else {},
                    sources=[s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else [],
                    usage={str(k): v for k, v in entry["usage"].items() if isinstance(v, dict)}
                    if isinstance(entry.get("usage"), dict) else {})
        for what, values in (("term", term.terms), ("definition", term.definitions)):
            if entry.get(what) is not None and not isinstance(entry.get(what), dict):
                continue   # reported by the schema
            missing = [lang for lang in languages if not str(values.get(lang) or "").strip()]
            if missing:
                problems.append(Problem(rel, line, f"glossary term '{term_id}' has no {what} in {', '.join(missing)}",
                                        f"add {what}: {{{', '.join(f'{m}: …' for m in missing)}}}"))
        if term.notes:
            missing = [lang for lang in languages if not str(term.notes.get(lang) or "").strip()]
            if missing:
                problems.append(Problem(rel, line, f"glossary term '{term_id}' has a note but not in {', '.join(missing)}",
                                        "write the note in every language"))
        terms[term_id] = term
    return Glossary(terms, path), problems


def missing_problems(glossary: Glossary, uses: int) -> list[Problem]:
    """One problem for a missing glossary file that pages refer to (instead of one per reference)."""
    if not glossary.missing or not uses:
        return []
    rel = os.path.relpath(glossary.path)
    return [Problem(rel, 1, f"the glossary file is missing, and pages refer to glossary terms {uses} time(s)",
                    f"restore {rel} (e.g. 'git checkout -- {rel}')")]
