"""Controlled vocabularies (topics, phases, audiences, …), defined once in data/vocabularies.yml."""
from __future__ import annotations

import os
from dataclasses import dataclass

import yaml

from diagnostics import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Which page field uses which vocabulary (a field may hold one key or a list of keys).
FIELDS = {
    "topics": "topics",
    "phase": "phases",
    "audience": "audiences",
    "challenges": "challenges",
    "population_band": "population_bands",
    "evidence": "evidence",
    "country": "countries",
}


@dataclass
class Vocabularies:
    data: dict
    path: str

    def keys(self, vocab: str) -> list[str]:
        return [str(k) for k in (self.data.get(vocab) or {})]

    def label(self, vocab: str, key, lang: str, default_lang: str = "en") -> str:
        entry = (self.data.get(vocab) or {}).get(key) or (self.data.get(vocab) or {}).get(str(key)) or {}
        return str(entry.get(lang) or entry.get(default_lang) or key)

    def band_for(self, population: int) -> str | None:
        for key, entry in (self.data.get("population_bands") or {}).items():
            low, high = entry.get("min") or 0, entry.get("max")
            if population >= low and (high is None or population < high):
                return str(key)
        return None


def load(data_dir: str, languages) -> tuple[Vocabularies, list[Problem]]:
    path = os.path.join(data_dir, "vocabularies.yml")
    rel = os.path.relpath(path)
    problems: list[Problem] = []
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader) or {}
    except FileNotFoundError:
        return Vocabularies({}, path), [Problem(rel, 1, "the vocabularies file is missing",
                                                "restore data/vocabularies.yml")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return Vocabularies({}, path), [Problem(rel, (mark.line + 1) if mark else 1,
                                                f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                                                "check the indentation and quoting")]
    data = {str(k): {str(kk): vv for kk, vv in (v or {}).items()} for k, v in data.items()}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for vocab, entries in data.items():
        for key, entry in entries.items():
            missing = [lang for lang in languages if not (entry or {}).get(lang)]
            if missing:
                line = next((i for i, l in enumerate(lines, 1) if l.strip().startswith((f"{key}:", f'"{key}":'))), 1)
                problems.append(Problem(rel, line, f"{vocab} key '{key}' has no label in {', '.join(missing)}",
                                        f"add {', '.join(f'{m}: …' for m in missing)} to it"))
    return Vocabularies(data, path), problems
