"""Full-text search with Pagefind: one index per <html lang>.

Pagefind runs as its own process. Pages are handed to it as soon as each one is written, from a thread
with its own event loop, so that indexing runs on the second core while MkDocs renders the next pages
(and the next languages), instead of reading the whole site again after the build.
"""
from __future__ import annotations

import asyncio
import re
import threading

# Letters that Unicode does not decompose, so Pagefind cannot fold them: a reader typing without
# Polish or Norwegian letters types these instead.
FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE"})
_WORD = re.compile(r"[^\W\d_]*[łŁøØæÆ][^\W\d_]*")
_TAG = re.compile(r"<[^>]+>")
_BODY = re.compile(r"<div data-pagefind-body>")
EXCLUDE = [".headerlink", ".kb-checklist__link", ".md-source-file"]


def folded_terms(html: str) -> str:
    """Words of the page that contain ł, ø or æ, spelled without them, for the search index only."""
    text = _TAG.sub(" ", html)
    return " ".join(sorted({w.translate(FOLD).lower() for w in _WORD.findall(text)}))


def with_folded_terms(html: str) -> str:
    """The page as Pagefind should see it: folded spellings of its indexed body (not of the navigation) in
    an indexed attribute, so they are found but never shown in an excerpt."""
    start = _BODY.search(html)
    if not start:
        return html
    end = html.find("</article>", start.end())
    words = folded_terms(html[start.end():end if end > 0 else len(html)])
    if not words:
        return html
    marker = f'<div data-pagefind-body><span hidden data-pagefind-index-attrs="data-kb-folded" data-kb-folded="{words}"></span>'
    return _BODY.sub(marker, html, count=1)


def _without_poll_delay() -> None:
    """pagefind's Python service (1.5.2) waits 0.1 s before reading each response, which with one message
    per page costs 0.1 s a page. Its reader awaits the pipe anyway, so its module gets an asyncio whose
    sleep does not delay. Only that module is affected."""
    import types

    import pagefind.service as service
    if getattr(service, "_kb_no_poll_delay", False):
        return
    proxy = types.ModuleType("asyncio")
    proxy.__dict__.update(asyncio.__dict__)

    async def sleep(delay, result=None):
        return await asyncio.sleep(0, result)

    proxy.sleep = sleep
    service.asyncio = proxy
    service._kb_no_poll_delay = True


class BackgroundIndex:
    """A Pagefind index fed page by page from the build, written once at the end."""

    def __init__(self, output_path: str):
        from pagefind.index import IndexConfig, PagefindIndex

        _without_poll_delay()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._index = PagefindIndex(config=IndexConfig(output_path=output_path, exclude_selectors=EXCLUDE))
        self._started = asyncio.run_coroutine_threadsafe(self._index.__aenter__(), self._loop)
        self._pending: list = []

    def add(self, url: str, html: str) -> None:
        """Queue one page (url relative to the site root, e.g. 'pl/participation/x/')."""
        async def add_one():
            await asyncio.wrap_future(self._started)
            await self._index.add_html_file(content=with_folded_terms(html), url="/" + url)
        self._pending.append(asyncio.run_coroutine_threadsafe(add_one(), self._loop))

    def finish(self) -> int:
        """Wait for every page, write the index files; returns the number of pages sent."""
        try:
            for future in self._pending:
                future.result()
            asyncio.run_coroutine_threadsafe(self._index.__aexit__(None, None, None), self._loop).result()
            return len(self._pending)
        finally:
            self._stop()

    def abort(self) -> None:
        async def close():
            if self._index._service is not None:
                await self._index._service.close()
        try:
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        except Exception:  # noqa: BLE001 - best effort when the build has already failed
            pass
        self._stop()

    def _stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
