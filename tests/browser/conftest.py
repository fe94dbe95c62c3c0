"""Browser tests: Playwright for Python driving Debian's Chromium against the built site on 127.0.0.1.

Without Chromium the tests are skipped on a laptop, and fail in CI (CI=true).
"""
import functools
import gzip
import io
import http.server
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]


def _need_browser():
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    problem = None
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        problem = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright is not installed (pip install -r requirements-dev.txt)"
    if problem:
        if in_ci:
            pytest.fail(problem + " — browser tests must run in CI")
        pytest.skip(problem)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".md", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under the site's path (e.g. /knowledge-base/), with a per-language 404 page."""
    prefix = "/"
    codes = ()

    def log_message(self, *args):
        pass

    def send_head(self):
        """Compress text responses with gzip, as static hosts (GitHub Pages included) do."""
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
        if code != 404:
            return super().send_error(code, message, explain)
        path = urlsplit(self.path).path[len(self.prefix):]
        first = path.split("/")[0]
        page = os.path.join(self.directory, first if first in self.codes else "", "404.html")
        body = open(page, "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(site, registry):
    """http://127.0.0.1:PORT/<site path>/ serving the real built site."""
    prefix = urlsplit(registry.config.site_url).path or "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix, "codes": tuple(registry.config.codes)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Recorder:
    """Requests to other hosts and CSP violations seen by a page."""

    def __init__(self, page, origin):
        self.foreign = []
        self.csp = []
        self.errors = []
        page.on("request", lambda r: self._request(r, origin))
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request, origin):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if not url.startswith(origin):
            self.foreign.append(url)

    def _console(self, msg):
        text = msg.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp.append(text)


@pytest.fixture
def context(browser, base_url):
    ctx = browser.new_context(accept_downloads=True, base_url=base_url)
    ctx.route("**/*", lambda route: route.abort() if not route.request.url.startswith(
        base_url.split("/", 3)[0] + "//" + base_url.split("/")[2]) and route.request.url.startswith("http") else route.continue_())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, base_url):
    p = context.new_page()
    origin = "/".join(base_url.split("/")[:3])
    p.recorder = Recorder(p, origin)
    yield p
    p.close()
