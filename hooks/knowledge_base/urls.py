"""The site's addresses, in one place: a page's URL in the site's style (directory URLs online,
`.html` files in the offline copy) and relative URLs between pages."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from . import paths


def relative_url(from_url: str, to_url: str) -> str:
    """Relative URL between two site-root-relative URLs, directory style ('pl/a/b/') or file style
    ('pl/a/b.html'): from 'pl/a/b/' to 'a/b/' gives '../../../a/b/'."""
    start = (from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)) or "."
    rel = paths.relpath(to_url.rstrip("/") or ".", start)
    return rel + "/" if to_url.endswith("/") or not to_url else rel


@dataclass(frozen=True)
class SiteUrls:
    directory_urls: bool = True   # False in the offline copy: pages are files, e.g. participation/x.html

    def page(self, base: str) -> str:
        """URL, relative to the language's root, of the page written from docs file `base` (no suffix):
        'participation/x.md' -> 'participation/x/' (or 'participation/x.html'); 'index.md' -> ''."""
        stem = base[:-3] if base.endswith(".md") else base
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def output(self, base: str) -> str:
        """The file a page is written to, relative to the language's root ('participation/x/index.html')."""
        url = self.page(base)
        return url + "index.html" if url.endswith("/") or not url else url

    relative = staticmethod(relative_url)
