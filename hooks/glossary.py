"""The trilingual glossary, kept as data in data/glossary.yml."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from diagnostics import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Term:
    id: str
    line: int
    terms: dict                 # lang -> term
    definitions: dict           # lang -> definition
    notes: dict = field(default_factory=dict)   # lang -> note where concepts do not map one to one
    legal: str = ""
    sources: list = field(default_factory=list)

    def term(self, lang: str, default: str) -> str:
        return self.terms.get(lang) or self.terms.get(default) or self.id

    def definition(self, lang: str, default: str) -> str:
        return self.definitions.get(lang) or self.definitions.get(default) or ""


@dataclass
class Glossary:
    terms: dict   # id -> Term
    path: str


def load(data_dir: str, languages) -> tuple[Glossary, list[Problem]]:
    path = os.path.join(data_dir, "glossary.yml")
    rel = os.path.relpath(path)
    if not os.path.exists(path):
        return Glossary({}, path), []
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return Glossary({}, path), [Problem(rel, (mark.line + 1) if mark else 1,
                                            f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                                            "check the indentation and quoting")]
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return Glossary({}, path), [Problem(rel, 1, "the glossary has no 'terms:' list",
                                            "start the file with 'terms:' and one '- id: …' entry per term")]
    term_nodes = []
    for key_node, value_node in node.value:
        if key_node.value == "terms":
            term_nodes = value_node.value
    problems: list[Problem] = []
    terms: dict = {}
    for index, entry in enumerate(entries):
        line = term_nodes[index].start_mark.line + 1 if index < len(term_nodes) else 1
        if not isinstance(entry, dict) or not entry.get("id"):
            problems.append(Problem(rel, line, "a glossary entry has no id", "add 'id: some-term' to it"))
            continue
        term_id = str(entry["id"])
        if term_id in terms:
            problems.append(Problem(rel, line, f"duplicate glossary id '{term_id}' (first at line {terms[term_id].line})",
                                    "give each term its own id, or merge the two entries"))
            continue
        term = Term(id=term_id, line=line, terms=dict(entry.get("term") or {}),
                    definitions=dict(entry.get("definition") or {}), notes=dict(entry.get("note") or {}),
                    legal=str(entry.get("legal") or ""), sources=list(entry.get("sources") or []))
        for what, values in (("term", term.terms), ("definition", term.definitions)):
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
