"""A hash-based Content-Security-Policy for each generated HTML page, and safe outbound links."""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
EXTERNAL_A = re.compile(r"<a\s(?P<attrs>[^>]*?href=\"https?://[^\"]*\"[^>]*)>", re.I)

BASE_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
               "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
               "object-src 'none'; base-uri 'self'; form-action 'self'")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if "src=" in attrs or re.search(r"type=[\"']?application/(?:ld\+)?json", attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    return BASE_POLICY.format(hashes=" ".join(inline_script_hashes(html))).replace("  ", " ")


def apply(html: str) -> str:
    """Insert the CSP meta tag as the first element of <head>; add rel=noopener to links to other hosts."""
    html = add_noopener(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1)


def add_noopener(html: str) -> str:
    def fix(match):
        attrs = match.group("attrs")
        if re.search(r"\brel=", attrs):
            if "noopener" not in attrs:
                attrs = re.sub(r'\brel="([^"]*)"', r'rel="\1 noopener"', attrs)
            return f"<a {attrs}>"
        return f'<a {attrs} rel="noopener">'
    return EXTERNAL_A.sub(fix, html)
