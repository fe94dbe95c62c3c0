"""Full-text search with Pagefind: one bundle per language, in that language's folder (pagefind/,
pl/pagefind/, nb/pagefind/), so a reader only ever loads and searches their own language.

static-i18n builds the languages one after another. As soon as a language's pages are written, they go
to Pagefind, which reads them and writes that language's bundle in its own process while Python renders
the next language: on two cores the indexing is then hidden behind the build, and after the last
language only that language's index remains to be made. (One bundle for all languages could only be
written after the last language, and writing is most of Pagefind's work: 3.5 s at the end of the
build against 1.3 s, at 3 × 300 pages.)

(Feeding Pagefind page by page from the build was measured slower: every page then crosses the
wrapper's JSON and base64 encoding in Python, 6.3 s against 4.0 s at 3 × 300 pages. A folder is one
request.)
"""
from __future__ import annotations

import asyncio
import os
import re
import threading

# Letters that Unicode does not decompose, so Pagefind cannot fold them: a reader typing without
# Polish or Norwegian letters types these instead.
FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE"})
_SPECIAL = frozenset("łŁøØæÆ")
_WORDS = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]+>")
EXCLUDE = [".headerlink", ".kb-checklist__link", ".md-source-file"]
BUNDLE = "pagefind"   # each language's bundle: <language prefix>pagefind/


def folded_terms(html: str) -> str:
    """Words of a page's content that contain ł, ø or æ, spelled without them, for the index only."""
    if _SPECIAL.isdisjoint(html):
        return ""
    # distinct whitespace-separated tokens first: most are not words with these letters
    tokens = [t for t in set(_TAG.sub(" ", html).split()) if not _SPECIAL.isdisjoint(t)]
    return " ".join(sorted({w.translate(FOLD).lower() for t in tokens for w in _WORDS.findall(t) if not _SPECIAL.isdisjoint(w)}))


def language_glob(site_dir: str, prefix: str, other_prefixes) -> str:
    """The HTML files of one language: its folder, or for the language at the site's root everything
    outside the other languages' folders (and outside Pagefind's own output)."""
    if prefix:
        return prefix.rstrip("/") + "/**/*.html"
    skip = {p.strip("/") for p in other_prefixes if p} | {"pagefind"}
    folders = sorted(e.name for e in os.scandir(site_dir) if e.is_dir() and e.name not in skip)
    return "{" + ",".join(["*.html"] + [f"{name}/**/*.html" for name in folders]) + "}"


class Indexer:
    """Pagefind in a background thread with its own event loop: add() hands over one language's pages
    and returns at once; that language's index is read and written to its own bundle (<prefix>pagefind/)
    by a Pagefind process while Python goes on. finish() waits for all of them and returns the number
    of HTML files read; close() stops them after a failed build."""

    def __init__(self, site_dir: str):
        self.site_dir = site_dir
        self._loop = asyncio.new_event_loop()
        # the wrapper's own reader task fails loudly when Pagefind exits; its error reaches the build
        # through the job's result instead (see kb_hook.py), so keep the loop from printing tracebacks
        self._loop.set_exception_handler(lambda loop, context: None)
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._jobs: list = []

    async def _index(self, glob: str, output_path: str) -> int:
        from pagefind.index import IndexConfig, PagefindIndex

        config = IndexConfig(output_path=output_path, exclude_selectors=EXCLUDE)
        async with PagefindIndex(config=config) as index:   # written on leaving the block
            result = await index.add_directory(self.site_dir, glob=glob)
            return int((result or {}).get("page_count", 0))

    def add(self, glob: str, prefix: str = "") -> None:
        output_path = os.path.join(self.site_dir, prefix, BUNDLE)
        self._jobs.append(asyncio.run_coroutine_threadsafe(self._index(glob, output_path), self._loop))

    def finish(self) -> int:
        try:
            return sum(job.result() for job in self._jobs)
        finally:
            self._stop()

    def close(self) -> None:
        for job in self._jobs:
            job.cancel()
        self._stop()

    def _stop(self) -> None:
        async def cancel_the_rest():
            rest = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in rest:
                task.cancel()
            await asyncio.gather(*rest, return_exceptions=True)
        try:
            asyncio.run_coroutine_threadsafe(cancel_the_rest(), self._loop).result(timeout=10)
        except Exception:  # noqa: BLE001 - stopping anyway
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()
