"""The knowledge base's settings, `extra.kb` in mkdocs.yml: declared once here, with types and defaults,
and validated with the line of mkdocs.yml (a misspelt setting is an error, not silently ignored)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .diagnostics import Problem, did_you_mean

SEARCH_ENGINES = ("pagefind", "material", "none")


@dataclass(frozen=True)
class Settings:
    data_dir: str = field(default="data", metadata={"help": "folder of the data files, relative to mkdocs.yml"})
    review_months: int = field(default=12, metadata={"help": "a page not reviewed for this many months is flagged"})
    nav_max_pages: int = field(default=40, metadata={
        "help": "a navigation section with more pages shows only its overview page"})
    nav_order: tuple = field(default=(), metadata={"help": "order of the top-level navigation, by first path segment"})
    repo: str = field(default="", metadata={"help": "owner/name of the repository, for 'help translate' links"})
    csp: bool = field(default=True, metadata={"help": "write a Content-Security-Policy into every page"})
    search: str = field(default="pagefind", metadata={"help": "the search engine: " + ", ".join(SEARCH_ENGINES)})
    address: dict = field(default_factory=dict, compare=False, metadata={
        "help": "the form of address per language, checked on every page: pl: ty or impersonal, nb: du"})


_TYPES = {"data_dir": str, "review_months": int, "nav_max_pages": int, "nav_order": list, "repo": str,
          "csp": bool, "search": str, "address": dict}
_WORDS = {str: "text", int: "a whole number", list: "a list ([a, b])", bool: "true or false",
          dict: "a group of 'language: form' entries ({pl: ty, nb: du})"}
ADDRESS_FORMS = {"ty": "pl", "impersonal": "pl", "du": "nb"}


def from_mapping(raw, *, path: str = "mkdocs.yml", line_of=lambda key: 1) -> tuple[Settings, list[Problem]]:
    """Settings from the `extra.kb` mapping; problems name mkdocs.yml and the setting's line."""
    problems: list[Problem] = []
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return Settings(), [Problem(path, line_of(None), "'extra.kb' must be a group of 'key: value' lines",
                                    "write one setting per line under 'kb:', e.g. 'review_months: 12'")]
    names = [f.name for f in dataclasses.fields(Settings)]
    values = {}
    for key, value in raw.items():
        key = str(key)
        if key not in _TYPES:
            problems.append(Problem(path, line_of(key), f"unknown setting '{key}' under extra.kb",
                                    did_you_mean(key, names, what="settings")))
            continue
        wanted = _TYPES[key]
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            problems.append(Problem(path, line_of(key), f"setting '{key}' must be {_WORDS[wanted]}, not {value!r}",
                                    f"write {key}: {_example(key)}"))
            continue
        if wanted is int and value < 1:
            problems.append(Problem(path, line_of(key), f"setting '{key}' must be at least 1, not {value}",
                                    f"write {key}: {_example(key)}"))
            continue
        if key == "search" and value not in SEARCH_ENGINES:
            problems.append(Problem(path, line_of(key), f"unknown search engine {value!r}",
                                    did_you_mean(value, SEARCH_ENGINES, what="search engines")))
            continue
        if key == "address":
            wrong = [f"{lang}: {form}" for lang, form in value.items() if ADDRESS_FORMS.get(str(form)) != str(lang)]
            if wrong:
                problems.append(Problem(path, line_of(key), f"setting 'address' has forms the check does not know: "
                                                            f"{', '.join(wrong)}",
                                        "use pl: ty or pl: impersonal, and nb: du"))
                continue
            value = {str(lang): str(form) for lang, form in value.items()}
        values[key] = tuple(str(v) for v in value) if wanted is list else value
    return Settings(**values), problems


def _example(key: str) -> str:
    default = getattr(Settings(), key)
    if isinstance(default, dict):
        return "{pl: ty, nb: du}"
    return "[index, participation]" if isinstance(default, tuple) else str(default).lower() \
        if isinstance(default, bool) else str(default)
