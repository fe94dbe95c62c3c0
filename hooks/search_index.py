"""Full-text search with Pagefind: one index per <html lang>, built once after the last language."""
from __future__ import annotations

import asyncio
import re
import os


async def _build(site_dir: str) -> int:
    from pagefind.index import PagefindIndex, IndexConfig

    config = IndexConfig(output_path=os.path.join(site_dir, "pagefind"),
                         exclude_selectors=[".headerlink", ".kb-checklist__link", ".md-source-file"])
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(site_dir)
        return int((result or {}).get("page_count", 0))


def build(site_dir: str) -> int:
    """Index the built site into site/pagefind; returns the number of pages indexed."""
    return asyncio.run(_build(site_dir))


# Letters that Unicode does not decompose, so Pagefind cannot fold them: a reader typing without
# Polish or Norwegian letters types these instead.
FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE"})
_WORD = re.compile(r"[^\W\d_]*[łŁøØæÆ][^\W\d_]*")
_TAG = re.compile(r"<[^>]+>")


def folded_terms(html: str) -> str:
    """Words of the page that contain ł, ø or æ, spelled without them, for the search index only."""
    text = _TAG.sub(" ", html)
    words = {w.translate(FOLD).lower() for w in _WORD.findall(text)}
    return " ".join(sorted(words))
