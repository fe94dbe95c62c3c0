"""Raw HTML in content that would run code or embed another site is refused."""
from __future__ import annotations

import re

import markdown_text
from diagnostics import Problem

RULES = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element", "remove it: scripts belong in overrides/assets/javascripts/"),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe> element", "link to the other site instead of embedding it"),
    (re.compile(r"<\s*object\b", re.I), "an <object> element", "link to the file instead of embedding it"),
    (re.compile(r"<\s*embed\b", re.I), "an <embed> element", "link to the file instead of embedding it"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an on…= event attribute in HTML",
     "remove the attribute: content cannot run code"),
    (re.compile(r"(?:href|src|action)\s*=\s*['\"]?\s*javascript:|\]\(\s*<?\s*javascript:", re.I),
     "a javascript: link", "link to a real page address"),
]


_SUSPECT = re.compile(r"<|javascript:", re.I)   # a line without these cannot break a rule


def check(page) -> list[Problem]:
    problems = []
    if not _SUSPECT.search(page.body):
        return problems
    for number, line in markdown_text.lines_outside_code(page.body, page.body_line):
        if not _SUSPECT.search(line):
            continue
        visible = markdown_text.strip_inline_code(line)
        for pattern, what, fix in RULES:
            if pattern.search(visible):
                problems.append(Problem(page.path, number, f"{what} is not allowed in content", fix))
    return problems
