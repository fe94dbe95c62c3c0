"""References by id: [[page-id]], [[page-id#anchor]], [[page-id|own text]], [[glossary:term-id]].

Found once per page when docs/ is read; rendered per language as ordinary relative Markdown links, so
that MkDocs' own link validation still checks them.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from . import escaping
from . import markdown_text
from . import paths


REF = re.compile(r"\[\[\s*([^\]\|#\s]+)\s*(?:#\s*([^\]\|\s]+)\s*)?(?:\|\s*([^\]]+?)\s*)?\]\]")
GLOSSARY_PREFIX = "glossary:"


@dataclass(frozen=True)
class Ref:
    line: int
    target: str         # page id, or term id for glossary references
    anchor: str | None
    text: str | None
    glossary: bool = False


def unfinished(body: str, first_line: int = 1) -> list[int]:
    """Lines with a '[[' that no reference closes on the same line (outside code): such a reference,
    broken across lines, would be published as its raw text."""
    out = []
    for number, line in markdown_text.lines_outside_code(body, first_line):
        if "[[" in line and "[[" in REF.sub("", markdown_text.strip_inline_code(line)):
            out.append(number)
    return out


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


@dataclass(frozen=True)
class Resolved:
    """What a reference points to, in one language."""
    base: str               # docs file of the target ("glossary.md" for a glossary term), without suffix
    anchor: str | None      # the anchor (a term's id for a glossary term)
    label: str              # plain text: the reference's own text, or the title or term in the language
    own_text: bool          # the label is the author's own text ([[id|text]]): Markdown, not plain text
    tip: str = ""           # a glossary term's definition
    glossary: bool = False


def resolve(match: re.Match, registry, lang: str) -> Resolved | None:
    """The target of a REF match in the reader's language, or None if it is unknown (the check reports
    unknown targets; the page then shows the reference as written)."""
    target, anchor, text = match.group(1), match.group(2), match.group(3)
    default = registry.config.default_language
    if target.startswith(GLOSSARY_PREFIX):
        term = registry.glossary.terms.get(target[len(GLOSSARY_PREFIX):])
        base = registry.base_of("glossary")
        if term is None or base is None:
            return None
        return Resolved(base, term.id, text or term.term(lang, default), bool(text), term.definition(lang, default), True)
    base = registry.base_of(target)
    if base is None:
        return None
    return Resolved(base, anchor, text or registry.title(target, lang), bool(text))


def render(body: str, page_base: str, lang: str, registry) -> str:
    """Replace references with Markdown links in the reader's language."""

    def replace(match: re.Match) -> str:
        ref = resolve(match, registry, lang)
        if ref is None:
            return match.group(0)
        label = ref.label if ref.own_text else escaping.markdown_text(ref.label)   # own text is the page's Markdown
        href = relative_md(page_base, ref.base) + (f"#{ref.anchor}" if ref.anchor else "")
        if ref.glossary:
            return f'[{label}]({href} "{escaping.markdown_link_title(ref.tip)}"){{ .kb-term }}'
        return f"[{label}]({href})"

    return markdown_text.map_outside_code(body, lambda segment: REF.sub(replace, segment))
