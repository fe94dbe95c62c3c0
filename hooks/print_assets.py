"""What printed pages carry: a QR code (SVG, made at build time) that opens the page online."""
from __future__ import annotations

import html
import io

import segno


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for url, with an accessible name."""
    buf = io.BytesIO()
    # a fixed mask: choosing the best of eight costs six times as much, and every mask scans
    segno.make(url, error="m", mask=0).save(buf, kind="svg", scale=3, border=2, xmldecl=False, svgns=True,
                                    title=label, nl=False, svgclass="kb-qr", lineclass=None)
    svg = buf.getvalue().decode("utf-8")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
