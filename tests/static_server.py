"""A local static server for tests and benchmarks: serves a built site under its path (e.g.
/knowledge-base/), compresses text with gzip as static hosts do, and answers misses with the 404 page of
the language. Listens on 127.0.0.1 only."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from urllib.parse import urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".md", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    codes: tuple = ()

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if (os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")
                and path.endswith(COMPRESSIBLE)):
            with open(path, "rb") as fh:
                body = gzip.compress(fh.read(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path):
        clean = urlsplit(path).path
        if clean.startswith(self.prefix):
            clean = "/" + clean[len(self.prefix):]
        return super().translate_path(clean)

    def send_error(self, code, message=None, explain=None):
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        with open(page, "rb") as fh:
            body = fh.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _not_found_page(self):
        first = urlsplit(self.path).path[len(self.prefix):].split("/")[0]
        page = os.path.join(self.directory, first if first in self.codes else "", "404.html")
        return page if os.path.exists(page) else None


def serve(directory: str, prefix: str = "/", codes=()):
    """Start serving in a thread; returns (server, base URL). Call server.shutdown() when done."""
    handler = type("SiteHandler", (Handler,), {"prefix": prefix, "codes": tuple(codes)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
