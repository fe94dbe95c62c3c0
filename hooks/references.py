"""References by id: [[page-id]], [[page-id#anchor]], [[page-id|own text]], [[glossary:term-id]].

Found once per page when docs/ is read; rendered per language as ordinary relative Markdown links, so
that MkDocs' own link validation still checks them.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

import escaping
import markdown_text
import paths

REF = re.compile(r"\[\[\s*([^\]\|#\s]+)\s*(?:#\s*([^\]\|\s]+)\s*)?(?:\|\s*([^\]]+?)\s*)?\]\]")
GLOSSARY_PREFIX = "glossary:"


@dataclass(frozen=True)
class Ref:
    line: int
    target: str         # page id, or term id for glossary references
    anchor: str | None
    text: str | None
    glossary: bool = False


def find(body: str, first_line: int = 1) -> list[Ref]:
    refs = []
    for number, line in markdown_text.lines_outside_code(body, first_line):
        if "[[" not in line:
            continue
        for match in REF.finditer(markdown_text.strip_inline_code(line)):
            target, anchor, text = match.group(1), match.group(2), match.group(3)
            if target.startswith(GLOSSARY_PREFIX):
                refs.append(Ref(number, target[len(GLOSSARY_PREFIX):], None, text, True))
            else:
                refs.append(Ref(number, target, anchor, text))
    return refs


def relative_md(from_base: str, to_base: str) -> str:
    """Relative link from one docs file to another (both without language suffix)."""
    start = posixpath.dirname(from_base) or "."
    return paths.relpath(to_base, start)


def render(body: str, page_base: str, lang: str, registry) -> str:
    """Replace references with Markdown links in the reader's language."""
    glossary_base = registry.base_of("glossary")

    def replace(match: re.Match) -> str:
        target, anchor, text = match.group(1), match.group(2), match.group(3)
        if target.startswith(GLOSSARY_PREFIX):
            term_id = target[len(GLOSSARY_PREFIX):]
            term = registry.glossary.terms.get(term_id)
            if term is None or glossary_base is None:
                return match.group(0)
            label = text or escaping.markdown_text(term.term(lang, registry.config.default_language))
            tip = escaping.markdown_link_title(term.definition(lang, registry.config.default_language))
            href = relative_md(page_base, glossary_base) + "#" + term_id
            return f'[{label}]({href} "{tip}"){{ .kb-term }}'
        base = registry.base_of(target)
        if base is None:
            return match.group(0)
        label = text or escaping.markdown_text(registry.title(target, lang))   # text is the page's own Markdown
        href = relative_md(page_base, base) + (f"#{anchor}" if anchor else "")
        return f"[{label}]({href})"

    return markdown_text.map_outside_code(body, lambda segment: REF.sub(replace, segment))
