"""Small helpers over Markdown source text: code-aware line iteration, headings and anchors."""
from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(```+|~~~+)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_.:-]+)[^}]*\}\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")


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
        text = match.group(2)
        anchor = ANCHOR.search(text)
        title = ANCHOR.sub("", text).strip() if anchor else text.rstrip("#").strip()
        yield number, len(match.group(1)), title, anchor.group(1) if anchor else None


def strip_inline_code(line: str) -> str:
    """The line with inline code spans blanked (same length, so columns stay right)."""
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


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
        for code in INLINE_CODE.finditer(line):
            parts.append(func(line[last:code.start()]))
            parts.append(code.group(0))
            last = code.end()
        parts.append(func(line[last:]))
        out.append("".join(parts))
    return "\n".join(out)
