"""What printed pages carry: a QR code (SVG, made at build time) that opens the page online."""
from __future__ import annotations

import html
import io
import json
import os
import subprocess
import sys

import segno

# Page types whose printed form carries a QR code (of the page's short link, which survives a move)
QR_TYPES = ("guide", "checklist", "workshop", "handout")


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for url, with an accessible name."""
    buf = io.BytesIO()
    # a fixed mask: choosing the best of eight costs six times as much, and every mask scans
    segno.make(url, error="m", mask=0).save(buf, kind="svg", scale=3, border=2, xmldecl=False, svgns=True,
                                    title=label, nl=False, svgclass="kb-qr", lineclass=None)
    svg = buf.getvalue().decode("utf-8")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)


def qr_svgs(requests: list) -> dict:
    """{url: svg} for a list of (url, label)."""
    return {url: qr_svg(url, label) for url, label in requests}


def _made_elsewhere(batch: list) -> dict:
    """One batch made by this file run as a script in a new Python process (see __main__ below)."""
    done = subprocess.run([sys.executable, os.path.abspath(__file__)], input=json.dumps(batch), capture_output=True,
                          text=True, encoding="utf-8", timeout=600, check=True)
    return json.loads(done.stdout)


class QrCodes:
    """QR codes by URL. Those known before the build (the short links of guides and workshops, a few
    milliseconds each, thousands on a large site) are made in a second Python process while this one
    renders pages, one batch per language in build order; any other is made here when first asked for.
    If the second process fails, the codes are made here: the site is the same either way."""

    def __init__(self, batches: list):
        from concurrent.futures import ThreadPoolExecutor

        self._made: dict = {}
        self._waiting: dict = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="qr") if any(batches) else None
        for batch in batches if self._pool else []:
            job = self._pool.submit(_made_elsewhere, batch)
            for url, _ in batch:
                self._waiting[url] = job

    def get(self, url: str, label: str) -> str:
        if url not in self._made:
            job = self._waiting.pop(url, None)
            if job is not None:
                try:
                    self._made.update(job.result())
                except Exception:  # noqa: BLE001 - made here instead
                    pass
            if url not in self._made:
                self._made[url] = qr_svg(url, label)
        return self._made[url]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._waiting.clear()


if __name__ == "__main__":   # a batch of [url, label] as JSON on stdin -> {url: svg} as JSON on stdout
    json.dump(qr_svgs(json.load(sys.stdin)), sys.stdout)
