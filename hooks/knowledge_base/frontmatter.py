"""Split a Markdown file into its YAML header and body, with line numbers for error messages."""
from __future__ import annotations

import re

from . import yaml_load
from .diagnostics import Problem

_FENCE = re.compile(r"^---[ \t]*$", re.M)
_SYNTAX_FIX = "check the indentation and put values containing ':' or '#' in quotes"


def split(text: str) -> tuple[str | None, str, int]:
    """Return (header text or None, body, line number of the body's first line)."""
    if not text.startswith("---"):
        return None, text, 1
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return None, text, 1
    end = _FENCE.search(text, first + 1)
    if not end:
        return None, text, 1
    header = text[first + 1:end.start()]
    body_start = text.find("\n", end.end())
    body = "" if body_start < 0 else text[body_start + 1:]
    body_line = text.count("\n", 0, body_start + 1) + 1 if body_start >= 0 else text.count("\n") + 2
    return header, body, body_line


def parse(path: str, text: str) -> tuple[dict, str, int, list[Problem]]:
    """Parse a page; problems point at lines of the file. A byte order mark at the start is ignored."""
    if text.startswith("\ufeff"):
        text = text[1:]
    header, body, body_line = split(text)
    if header is None:
        if text.lstrip().startswith("---"):
            return {}, text, 1, [Problem(path, 1, "the header (front matter) is not closed",
                                         "end it with a line of three dashes: ---")]
        return {}, body, body_line, []
    meta, _, problems = yaml_load.parse(path, header, first_line=2, where=" in the header", syntax_fix=_SYNTAX_FIX)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return {}, body, body_line, problems + [Problem(path, 2, "the header is not a list of 'key: value' lines",
                                                        "write one field per line, e.g. 'title: My page'")]
    return meta, body, body_line, problems


def key_line(text: str, key: str, default: int = 1) -> int:
    """The line of ``key:`` in the header (first occurrence), for error messages."""
    header, _, body_line = split(text)
    if header is None:
        return default
    pattern = re.compile(rf"^\s*-?\s*['\"]?{re.escape(str(key))}['\"]?\s*:", re.M)
    match = pattern.search(header)
    if not match:
        return default
    return header.count("\n", 0, match.start()) + 2


def value_line(text: str, value: str, default: int = 1) -> int:
    """The first header line containing ``value`` (for list items such as an unknown topic)."""
    header, _, _ = split(text)
    if header is None:
        return default
    for number, line in enumerate(header.split("\n"), start=2):
        if re.search(rf"(?<![\w-]){re.escape(str(value))}(?![\w-])", line):
            return number
    return default
