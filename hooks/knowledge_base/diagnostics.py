"""Problems found in content, and how they are reported.

Every problem names a file and a line, says what is wrong and how to fix it:
``docs/cases/x.pl.md:7: unknown topic 'acessibility' — did you mean 'accessibility'?``
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text


def closest(word: str, choices, *, n: int = 3) -> list[str]:
    """The known keys that look most like ``word`` (for 'did you mean')."""
    return difflib.get_close_matches(str(word), [str(c) for c in choices], n=n, cutoff=0.5)


def did_you_mean(word: str, choices, *, what: str) -> str:
    """A fix text: the closest key, or the list of allowed keys."""
    near = closest(word, choices)
    if near:
        return "did you mean " + " or ".join(f"'{c}'" for c in near) + "?"
    allowed = ", ".join(sorted(str(c) for c in choices))
    return f"use one of the {what}: {allowed}"


def sort_problems(problems) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.severity != ERROR, p.path, p.line, p.message))
