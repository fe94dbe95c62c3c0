"""Relative paths between site or docs paths, computed on the strings alone.

posixpath.relpath makes both paths absolute against the current directory (a system call each time);
a build computes tens of thousands of links between the same few hundred pages, so this is a cached
string computation. Paths here are clean: no '.' or '..' segments, '/' separated.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def relpath(path: str, start: str = ".") -> str:
    """Like posixpath.relpath(path, start) for clean relative paths ('' and '.' mean the root)."""
    to = [p for p in path.split("/") if p and p != "."]
    frm = [p for p in start.split("/") if p and p != "."]
    common = 0
    for a, b in zip(frm, to):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."
