"""Full-text search with Pagefind: one index per <html lang>, built once after the last language."""
from __future__ import annotations

import asyncio
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
