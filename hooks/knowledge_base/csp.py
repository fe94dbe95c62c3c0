"""A Content-Security-Policy that only the site itself can satisfy, and safe outbound links.

The policy allows inline scripts by hash, and the hashes are of the scripts the theme's own templates
emit, worked out from those templates (known by construction): never of whatever inline script happens
to be in a page. A page whose output holds any other executable inline script, or a meta refresh, is not
published: the adapter reports it as an error.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:[\s/][^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json\b""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_REFRESH = re.compile(r"""<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh""", re.I)
EXTERNAL_A = re.compile(r"<a\s(?P<attrs>[^>]*?href=\"https?://[^\"]*\"[^>]*)>", re.I)

BASE_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; "
               "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
               "object-src 'none'; base-uri 'self'; form-action 'self'")


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def executable_inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts a browser would run (not external files, not JSON data blocks)."""
    return [m.group("body") for m in INLINE_SCRIPT.finditer(html)
            if not _SRC.search(m.group("attrs") or "") and not _DATA_TYPE.search(m.group("attrs") or "")]


def known_hashes(template_outputs) -> frozenset:
    """The hashes of the inline scripts in the given outputs of the theme's own script templates."""
    return frozenset(script_hash(body) for out in template_outputs for body in executable_inline_scripts(out))


# The theme's templates that write inline scripts (Material's partials): the policy allows what they write
THEME_SCRIPT_TEMPLATES = tuple(f"partials/javascripts/{name}.html"
                               for name in ("base", "palette", "content", "announce", "outdated"))


def refusal(unexpected: list, where: str) -> str:
    """The error for a built page with something the site did not write."""
    return (f"{where}:1: the built page contains {'; '.join(unexpected)} — this is not written by the site's "
            "templates: find the field or text it came from and remove the markup (run 'make check'), or report "
            "it as a bug of the knowledge base's hooks")


def template_hashes(render, names=THEME_SCRIPT_TEMPLATES) -> frozenset:
    """known_hashes of the templates of the given names, rendered by render(name); a template the theme
    does not have writes no script."""
    outputs = []
    for name in names:
        try:
            outputs.append(render(name))
        except Exception:  # noqa: BLE001 - missing in this theme version, or not renderable alone
            continue
    return known_hashes(outputs)


def policy(hashes) -> str:
    return BASE_POLICY.format(hashes="".join(" " + h for h in sorted(hashes)))


def apply(html: str, known: frozenset) -> tuple[str, list[str]]:
    """Insert the CSP meta tag first in <head> and add rel=noopener to links to other hosts.

    Returns the page and what it holds that the site did not write: executable inline scripts whose hash
    is not known, and meta refreshes. The policy lists only the known hashes the page uses, so a script
    that is not known cannot run even if the caller published the page."""
    html = add_noopener(html)
    found = {script_hash(body): body for body in executable_inline_scripts(html)}
    unexpected = [f"an inline script the templates do not write: {body.strip()[:80]!r}"
                  for digest, body in found.items() if digest not in known]
    if _REFRESH.search(html):
        unexpected.append("a <meta http-equiv=\"refresh\"> redirect")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(set(found) & known)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1), unexpected


def add_noopener(html: str) -> str:
    def fix(match):
        attrs = match.group("attrs")
        if re.search(r"\brel=", attrs):
            if "noopener" not in attrs:
                attrs = re.sub(r'\brel="([^"]*)"', r'rel="\1 noopener"', attrs)
            return f"<a {attrs}>"
        return f'<a {attrs} rel="noopener">'
    return EXTERNAL_A.sub(fix, html)
