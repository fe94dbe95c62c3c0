"""Controlled vocabularies (topics, phases, audiences, …), defined once in data/vocabularies.yml."""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import yaml_load
from .diagnostics import Problem

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


class _AnyKey(list):
    """The keys of a vocabulary that could not be read: none listed, yet every key counts as known, so
    that the one problem about the vocabulary is not repeated for every page that uses it."""

    def __contains__(self, key) -> bool:
        return True


@dataclass
class Vocabularies:
    data: dict
    path: str
    unreadable: frozenset = frozenset()   # vocabularies of the wrong shape (reported when loaded)
    readable: bool = True                  # False when the file is missing or unusable as a whole

    def keys(self, vocab: str) -> list[str]:
        if not self.readable or vocab in self.unreadable:
            return _AnyKey()
        return [str(k) for k in (self.data.get(vocab) or {})]

    def label(self, vocab: str, key, lang: str, default_lang: str = "en") -> str:
        entry = (self.data.get(vocab) or {}).get(key) or (self.data.get(vocab) or {}).get(str(key)) or {}
        return str(entry.get(lang) or entry.get(default_lang) or key)

    def band_for(self, population: int) -> str | None:
        for key, entry in (self.data.get("population_bands") or {}).items():
            low, high = entry.get("min") or 0, entry.get("max")
            if not isinstance(low, int) or not isinstance(high, (int, type(None))):
                continue   # reported by the schema
            if population >= low and (high is None or population < high):
                return str(key)
        return None


def load(data_dir: str, languages) -> tuple[Vocabularies, list[Problem]]:
    path = os.path.join(data_dir, "vocabularies.yml")
    rel = os.path.relpath(path)
    loaded = yaml_load.load_file(path, rel, "vocabularies")
    if not loaded.exists:
        return Vocabularies({}, path, readable=False), [yaml_load.missing(rel, "vocabularies")]
    problems = list(loaded.problems)
    if not isinstance(loaded.data, dict):
        return Vocabularies({}, path, readable=False), problems   # the problems say why
    raw = loaded.data
    # Wrong shapes are reported by the schema. What they meant is kept where it is clear, so that pages
    # using the keys are not reported again: a vocabulary written as a list has those keys, without
    # labels; a key whose labels are not a group has no labels; anything else accepts every key.
    data, unreadable = {}, set()
    for vocab, entries in raw.items():
        if isinstance(entries, dict):
            data[vocab] = {key: entry if isinstance(entry, dict) else {} for key, entry in entries.items()}
        elif isinstance(entries, list) and all(isinstance(key, (str, int)) for key in entries):
            data[vocab] = {str(key): {} for key in entries}
        elif entries is not None:
            unreadable.add(vocab)
    for vocab, entries in data.items():
        for key, entry in entries.items():
            if not isinstance(raw[vocab], dict) or not isinstance(raw[vocab][key], dict):
                continue
            missing = [lang for lang in languages if not entry.get(lang)]
            if missing:
                problems.append(Problem(rel, loaded.line(vocab, key), f"{vocab} key '{key}' has no label in {', '.join(missing)}",
                                        f"add {', '.join(f'{m}: …' for m in missing)} to it"))
    return Vocabularies(data, path, frozenset(unreadable)), problems
