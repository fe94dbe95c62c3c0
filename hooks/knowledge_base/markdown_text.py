"""Small helpers over Markdown source text: code-aware line iteration, headings and anchors."""
from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(```+|~~~+)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")   # no lazy group before \s*$: linear on long runs of spaces
ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_.:-]+)[^}]*\}\s*$")
_TICKS = re.compile(r"`+")


def lines_outside_code(body: str, first_line: int = 1):
    """Yield (line number, line) for lines that are not inside fenced code blocks."""
    fence = None
    for number, line in enumerate(body.split("\n"), start=first_line):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


def headings(body: str, first_line: int = 1):
    """Yield (line, level, text without anchor, explicit anchor or None)."""
    for number, line in lines_outside_code(body, first_line):
        match = HEADING.match(line)
        if not match:
            continue
        text = match.group(2).rstrip()
        anchor = ANCHOR.search(text)
        title = ANCHOR.sub("", text).strip() if anchor else text.rstrip("#").strip()
        yield number, len(match.group(1)), title, anchor.group(1) if anchor else None


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each `code span` in a line. A span opens with a run of backticks and closes at the
    next run of the same length (CommonMark); linear in the line's length, unlike a backtracking regex on
    a line of thousands of backticks."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    following, nearest = [None] * len(runs), {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        following[i] = nearest.get(length)
        nearest[length] = i
    spans, i = [], 0
    while i < len(runs):
        close = following[i]
        if close is None:
            i += 1
            continue
        spans.append((runs[i][0], runs[close][1]))
        i = close + 1
    return spans


def strip_inline_code(line: str) -> str:
    """The line with inline code spans blanked (same length, so columns stay right)."""
    if "`" not in line:
        return line
    out, last = [], 0
    for start, end in code_spans(line):
        out += [line[last:start], " " * (end - start)]
        last = end
    out.append(line[last:])
    return "".join(out)


def map_outside_code(body: str, func) -> str:
    """Apply func(segment) to every part of the text outside code blocks and inline code."""
    out = []
    fence = None
    for line in body.split("\n"):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        parts, last = [], 0
        for start, end in (code_spans(line) if "`" in line else ()):
            parts.append(func(line[last:start]))
            parts.append(line[start:end])
            last = end
        parts.append(func(line[last:]))
        out.append("".join(parts))
    return "\n".join(out)
