"""Interface strings of generated content, per language, from data/strings.yml."""
from __future__ import annotations

import os

from . import yaml_load
from .diagnostics import Problem


class _Tolerant(dict):
    """Strings of a language when data/strings.yml could not be read: a missing key reads as its own
    name, so that code using the strings does not fail before the problem is reported."""

    def __missing__(self, key):
        return str(key)


class Strings(dict):
    """lang -> {key: text}; a missing key falls back to the default language."""

    def __init__(self, data: dict, default: str, complete: bool = True, path: str = "", line=lambda *keys: 1):
        super().__init__(data)
        self.default = default
        self.complete = complete   # False when the file is missing or unusable
        self.path = path           # as shown in messages
        self.line = line           # line(lang, key): the line of a string in the file

    def for_lang(self, lang: str) -> dict:
        merged = dict(self.get(self.default) or {}) if self.complete else _Tolerant(self.get(self.default) or {})
        merged.update(self.get(lang) or {})
        return merged


def load(data_dir: str, languages, default: str) -> tuple[Strings, list[Problem]]:
    path = os.path.join(data_dir, "strings.yml")
    rel = os.path.relpath(path)
    loaded = yaml_load.load_file(path, rel, "strings")
    if not loaded.exists:
        return Strings({}, default, complete=False), [yaml_load.missing(rel, "interface strings")]
    raw = loaded.data if isinstance(loaded.data, dict) else {}
    # A language block of the wrong shape is reported by the schema and left out.
    data = {lang: {key: "" if text is None else str(text) for key, text in block.items()}
            for lang, block in raw.items() if isinstance(block, dict)}
    problems = list(loaded.problems)
    if default not in data:
        if default not in raw:
            problems.append(Problem(rel, 1, f"the interface strings have no '{default}:' block (the default language)",
                                    f"add '{default}:' with the strings, or restore {rel}"))
        return Strings(data, default, complete=False, path=rel, line=loaded.line), problems
    reference = set(data[default])
    for lang in languages:
        if lang not in data:
            if lang not in raw:
                problems.append(Problem(rel, 1, f"the interface strings have no '{lang}:' block",
                                        f"add '{lang}:' (copy the '{default}:' block and translate it)"))
            continue
        missing = sorted(reference - set(data[lang]))
        if missing:
            problems.append(Problem(rel, loaded.line(lang), f"interface strings missing in '{lang}': {', '.join(missing)}",
                                    f"add them under '{lang}:' (copy the '{default}:' entries and translate)"))
    return Strings(data, default, complete=not problems, path=rel, line=loaded.line), problems
