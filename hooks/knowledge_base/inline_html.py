"""Inline Markdown to HTML for short texts the hooks place inside HTML (checklist items, fact boxes).

Rendering these directly is much cheaper than handing MkDocs HTML blocks with markdown="1" (md_in_html
parses every such block again). References by id become links with final, relative URLs here.
"""
from __future__ import annotations

import functools
import html
import itertools
import re
import markdown

from . import references
from . import safety
from .urls import relative_url

_P = re.compile(r"^<p>(.*)</p>$", re.S)


def _ref_html(match: re.Match, page_url: str, lang: str, registry) -> str:
    ref = references.resolve(match, registry, lang)
    if ref is None:
        return html.escape(match.group(0))
    href = relative_url(page_url, registry.config.urls.page(ref.base)) + (f"#{ref.anchor}" if ref.anchor else "")
    if ref.glossary:
        return (f'<a class="kb-term" href="{html.escape(href)}" title="{html.escape(ref.tip)}">'
                f"{html.escape(ref.label)}</a>")
    return f'<a href="{html.escape(href)}">{html.escape(ref.label)}</a>'


_MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>\\!]|&\w+;|https?://")
_TOKEN = re.compile(r"KBREF(\d+)KBREF")   # letters and digits only: Markdown leaves it alone


def render(text: str, page_url: str, lang: str, registry) -> str:
    """One line of Markdown (emphasis, code, links, references by id) as inline HTML.

    The Markdown is converted once per text and language, with each reference as a token; the links,
    which depend on the page they appear on, are put in per page. (A checklist item appears on its guide
    and on several generated checklists.)"""
    if not text:
        return ""
    refs = list(references.REF.finditer(text))
    if not _MARKDOWN_SYNTAX.search(references.REF.sub("", text)):
        # plain words and references by id only: no need for Markdown
        pieces, last = [], 0
        for match in refs:
            pieces.append(html.escape(text[last:match.start()], quote=False))
            pieces.append(_ref_html(match, page_url, lang, registry))
            last = match.end()
        pieces.append(html.escape(text[last:], quote=False))
        return "".join(pieces)
    return _TOKEN.sub(lambda m: _ref_html(refs[int(m.group(1))], page_url, lang, registry), _template(text))


@functools.lru_cache(maxsize=50_000)
def _template(text: str) -> str:
    """The text's Markdown as HTML with each reference as a token; it depends on the text alone."""
    counter = itertools.count()
    tokens = references.REF.sub(lambda m: f"KBREF{next(counter)}KBREF", text)
    out = _converter().reset().convert(tokens).strip()
    match = _P.match(out)
    out = match.group(1) if match else out
    if safety.judge(out):   # kb.py check refuses such text with its line; never publish it as HTML
        out = html.escape(tokens, quote=False)
    return out


@functools.lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")
