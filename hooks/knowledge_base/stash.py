"""Finished HTML kept out of Markdown's way.

HTML that the hooks produce completely (checklists, fact boxes, handout parts) is replaced in the Markdown
by a short comment and put back after conversion. Python-Markdown would otherwise parse every such block
again, which on large generated checklist pages cost more than the rest of the page.
"""
from __future__ import annotations

import itertools
import re

_TOKEN = re.compile(r"<!-- kb-stash:(\d+) -->")
_ID = re.compile(r'\sid="([^"]+)"')


class Stash:
    def __init__(self):
        self._items: dict = {}
        self._counter = itertools.count(1)

    def put(self, html: str) -> str:
        """A placeholder to write into Markdown, on a line of its own, in place of html."""
        key = next(self._counter)
        self._items[key] = html
        return f"\n\n<!-- kb-stash:{key} -->\n\n"

    def restore(self, page_html: str) -> tuple[str, set]:
        """Put the stashed HTML back into a page (each piece is used once, then forgotten); also return
        the element ids it brings, which MkDocs' anchor validation must know about."""
        ids: set = set()

        def put_back(match):
            piece = self._items.pop(int(match.group(1)), match.group(0))
            ids.update(_ID.findall(piece))
            return piece

        return _TOKEN.sub(put_back, page_html), ids
