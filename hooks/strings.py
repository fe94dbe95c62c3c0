"""Interface strings of generated content, per language, from data/strings.yml."""
from __future__ import annotations

import os

import yaml

from diagnostics import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Strings(dict):
    """lang -> {key: text}; a missing key falls back to the default language."""

    def __init__(self, data: dict, default: str):
        super().__init__(data)
        self.default = default

    def for_lang(self, lang: str) -> dict:
        merged = dict(self.get(self.default) or {})
        merged.update(self.get(lang) or {})
        return merged


def load(data_dir: str, languages, default: str) -> tuple[Strings, list[Problem]]:
    path = os.path.join(data_dir, "strings.yml")
    rel = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as exc:
        return Strings({}, default), [Problem(rel, 1, f"cannot read the interface strings: {exc}",
                                              "restore data/strings.yml")]
    problems = []
    reference = set((data.get(default) or {}).keys())
    for lang in languages:
        missing = sorted(reference - set((data.get(lang) or {}).keys()))
        if missing:
            problems.append(Problem(rel, 1, f"interface strings missing in '{lang}': {', '.join(missing)}",
                                    f"add them under '{lang}:' (copy the '{default}:' entries and translate)"))
    return Strings(data, default), problems
