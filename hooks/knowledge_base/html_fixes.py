"""Small accessibility repairs to Material's generated HTML, applied to every page after rendering."""
from __future__ import annotations

import html
import re

_TOGGLE = re.compile(r'<input class="md-nav__toggle md-toggle[^"]*"[^>]*\bid="(__nav_[\w]+)"[^>]*>')
_TITLE = re.compile(r'<span class="md-ellipsis">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]+>")


def name_section_navs(page_html: str) -> str:
    """Section navigations are named by a <label> that, with navigation.indexes, holds only an icon, which
    leaves them without an accessible name (axe: landmark-unique). Give each one an aria-label with the
    section's title."""
    names = {}
    for match in _TOGGLE.finditer(page_html):
        title = _TITLE.search(page_html, match.end())   # the section's title (its index link or label)
        if title:
            text = " ".join(html.unescape(_TAG.sub(" ", title.group(1))).split())
            if text:
                names[match.group(1) + "_label"] = text
    if not names:
        return page_html

    def fix(match):
        label_id = match.group(1)
        if label_id not in names:
            return match.group(0)
        return f'aria-label="{html.escape(names[label_id], quote=True)}"'

    return re.sub(r'aria-labelledby="(__nav_[\w]+_label)"', fix, page_html)
