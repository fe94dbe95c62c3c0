"""Browser tests: Playwright for Python driving Debian's Chromium against the built site on 127.0.0.1.

Without Chromium the tests are skipped on a laptop, and fail in CI (CI=true).
"""
import os
import shutil
from urllib.parse import urlsplit

import pytest

from .browser_tools import release

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


@pytest.fixture(scope="session")
def base_url(site, registry):
    """http://127.0.0.1:PORT/<site path>/ serving the real built site."""
    import static_server
    server, url = static_server.serve(site, urlsplit(registry.config.site_url).path or "/", registry.config.codes)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module. Pages and contexts are not closed one by one (see release()):
    closing the browser at the end of the module ends all of them at once."""
    _need_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Recorder:
    """Requests to other hosts, same-site requests that failed and CSP violations seen by a page."""

    def __init__(self, page, origin):
        self.foreign = []
        self.csp = []
        self.errors = []
        self.failed = []   # same-site requests answered with an error: (status, resource type, URL)
        page.on("request", lambda r: self._request(r, origin))
        page.on("response", lambda r: self.failed.append((r.status, r.request.resource_type, r.url))
                if r.status >= 400 and r.url.startswith(origin) else None)
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
    ctx.unroute_all(behavior="ignoreErrors")
    for p in ctx.pages:
        release(p)


@pytest.fixture
def page(context, base_url):
    p = context.new_page()
    origin = "/".join(base_url.split("/")[:3])
    p.recorder = Recorder(p, origin)
    yield p   # released by the context fixture
