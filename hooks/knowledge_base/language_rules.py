"""One voice per language: terminology, the form of address and a guide's standard sections, checked.

**Terminology.** A glossary term may say, per language, which form to use and which variants to avoid
(`usage:` in data/glossary.yml). A variant ending in `*` matches every inflected form of its stem
(`generalplan*`: generalplan, generalplanen, generalplaner); words of a phrase are matched across line
breaks and spaces. A variant found in a page, a data file or an interface string is a warning, or an error
for a term marked `strict: true`:

    docs/x.nb.md:12: "generalplan" — use "overordnet arealplan" (glossary: plan-ogolny)

**Form of address.** `extra.kb.address` declares one form per language (Polish `ty` or `impersonal`,
Norwegian `du`); the other form's telltale words (Polish plural imperatives and past forms such as
"sprawdźcie", "usłyszeliście", "wasz"; Norwegian "dere") are warnings.

**Standard sections.** The recurring sections of a guide take their heading from data/strings.yml
(`section_<anchor>` per language): a heading with such an anchor and other text is an error, which
`kb.py fix` rewrites.

What is exempt: code, quotations („…”, «…», “…”), link addresses and reference ids, HTML comments,
block quotes, the header fields other than title and summary (sources keep the titles they were published
under), a glossary term's own entry (it explains what not to say), and any line that carries
`<!-- kb-allow -->` (for a quotation that needs the other form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import frontmatter
from . import markdown_text
from .diagnostics import ERROR, WARNING, Problem

ALLOW = "<!-- kb-allow -->"
SECTION_PREFIX = "section_"
# Workshop packs speak to a room: their exercises address the participants as a group, in the plural.
GROUP_ADDRESSED = ("workshop", "handout")

# What is not prose: quotations, link addresses and reference ids, HTML comments and tags
_QUOTED = re.compile(r"„[^”\n]*”|«[^»\n]*»|“[^”\n]*”")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REFERENCE = re.compile(r"\[\[[^\]|]*(\|)?")
_COMMENT = re.compile(r"<!--.*?-->")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTRS = re.compile(r"\{:?[^{}]*\}")


def mask(line: str) -> str:
    """A line with everything that is not the writer's own prose blanked out (lengths kept)."""
    blank = lambda m: " " * len(m.group(0))   # noqa: E731
    line = markdown_text.strip_inline_code(line) if "`" in line else line
    for pattern in (_COMMENT, _QUOTED, _LINK_TARGET, _TAG, _ATTRS):
        line = pattern.sub(blank, line)
    return _REFERENCE.sub(lambda m: " " * len(m.group(0)), line) if "[[" in line else line


def prose_lines(body: str, first_line: int = 1):
    """(line number, masked text) of a page body's prose lines."""
    for number, line in markdown_text.lines_outside_code(body, first_line):
        if ALLOW in line or line.lstrip().startswith(">"):
            continue
        yield number, mask(line)


# --- terminology -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TermRule:
    term_id: str
    lang: str
    variant: str
    prefer: str
    strict: bool
    pattern: re.Pattern

    def problem(self, path: str, line: int, found: str) -> Problem:
        return Problem(path, line, f'"{found}"', f'use "{self.prefer}" (glossary: {self.term_id})',
                       ERROR if self.strict else WARNING)


def variant_pattern(variant: str) -> re.Pattern:
    """'generalplan*' -> every word starting so; 'akt* planistyczn*' -> the phrase, inflected, across
    spaces and line breaks; case-insensitive, whole words only."""
    words = []
    for word in variant.split():
        stem = re.escape(word.rstrip("*"))
        words.append(stem + (r"\w*" if word.endswith("*") else ""))
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)


def term_rules(glossary, codes) -> dict:
    """lang -> [TermRule] from the glossary's `usage:` entries."""
    rules: dict = {code: [] for code in codes}
    for term in glossary.terms.values():
        for lang, usage in (getattr(term, "usage", None) or {}).items():
            if lang not in rules or not isinstance(usage, dict):
                continue
            prefer = str(usage.get("prefer") or term.terms.get(lang) or term.id)
            for variant in usage.get("avoid") or []:
                rules[lang].append(TermRule(term.id, lang, str(variant), prefer, bool(usage.get("strict")),
                                            variant_pattern(str(variant))))
    return rules


def _find(rules, text: str):
    for rule in rules:
        for match in rule.pattern.finditer(text):
            yield rule, match


def check_text_lines(path: str, lines, rules, *, skip_term: str = "") -> list[Problem]:
    """Terminology problems in (line, text) pairs, one per place (the longest variant that matches there).
    A phrase may cross a line break: lines are matched one by one and then in pairs."""
    problems, previous = [], None
    for number, text in lines:
        spans: list = []
        for rule, match in sorted(_find(rules, text), key=lambda rm: (rm[1].start(), -len(rm[1].group(0)))):
            if rule.term_id == skip_term or any(a <= match.start() and match.end() <= b for a, b in spans):
                continue
            spans.append(match.span())
            problems.append(rule.problem(path, number, match.group(0)))
        if previous is not None:
            joined = previous[1].rstrip() + " " + text.lstrip()
            cut = len(previous[1].rstrip())
            for rule, match in _find(rules, joined):
                if match.start() < cut < match.end() and rule.term_id != skip_term:
                    problems.append(rule.problem(path, previous[0], " ".join(match.group(0).split())))
        previous = (number, text)
    return problems


# --- form of address -----------------------------------------------------------------------------------

# Polish second-person plural: imperatives (stem + -cie after these letters; nouns such as "punkcie",
# "dokumencie", "wejście" or "wsparcie" end otherwise), past forms (-liście, -łyście) and the plural
# pronouns and possessives.
_PL_PLURAL = re.compile(r"(?<!\w)(?:\w+[jźćlńbpwżz]cie|\w{2,}(?:li|ły)ście|jesteście|będziecie|możecie|macie|"
                        r"musicie|chcecie|wiecie|wasz\w*|wam|wami|was)(?!\w)", re.I)
_PL_NOT_PLURAL = {"wreszcie", "alcie"}   # an adverb; the locative of Alta
_NB_PLURAL = re.compile(r"(?<!\w)dere(?!\w)", re.I)   # not "deres": it is also "their"
OTHER_FORM = {"ty": (_PL_PLURAL, "ty", "the singular, as in \"sprawdź\", or the impersonal (\"sprawdza się\")"),
              "impersonal": (_PL_PLURAL, "impersonal", "the impersonal form (\"należy sprawdzić\", \"sprawdza się\")"),
              "du": (_NB_PLURAL, "du", "\"du\" (or \"kommunen\" where the municipality is meant)")}


def check_address(path: str, lines, form: str) -> list[Problem]:
    pattern, name, fix = OTHER_FORM[form]
    problems = []
    for number, text in lines:
        for match in pattern.finditer(text):
            if match.group(0).lower() in _PL_NOT_PLURAL:
                continue
            problems.append(Problem(path, number, f'"{match.group(0)}" addresses the reader in another form than '
                                                  f'this language\'s "{name}" (extra.kb.address)',
                                    f"write {fix}; a quotation that needs it may end its line with {ALLOW}", WARNING))
    return problems


# --- standard sections ---------------------------------------------------------------------------------

def standard_sections(strings, lang: str) -> dict:
    """anchor -> heading text of a guide's standard sections in lang (data/strings.yml section_*)."""
    return {key[len(SECTION_PREFIX):]: text for key, text in strings.for_lang(lang).items()
            if key.startswith(SECTION_PREFIX) and text}


def check_sections(page, sections: dict, strings_path: str) -> list[Problem]:
    problems = []
    for line, _level, title, anchor in page.headings:
        expected = sections.get(anchor or "")
        if expected is not None and title != expected:
            problems.append(Problem(page.path, line, f"the section '{{#{anchor}}}' is headed '{title}', "
                                                     f"not '{expected}' as on every guide in this language",
                                    f"write '{expected}' (from {strings_path}), or run 'python hooks/kb.py fix'"))
    return problems


def fix_sections(text: str, body_line: int, sections: dict) -> str:
    """The page text with each standard section's heading rewritten to its standard text."""
    lines = text.split("\n")
    for number, line in markdown_text.lines_outside_code("\n".join(lines[body_line - 1:]), body_line):
        match = markdown_text.HEADING.match(line)
        anchor = markdown_text.ANCHOR.search(line) if match else None
        if anchor and anchor.group(1) in sections:
            lines[number - 1] = f"{match.group(1)} {sections[anchor.group(1)]} {anchor.group(0).strip()}"
    return "\n".join(lines)


# --- the rule over the whole knowledge base --------------------------------------------------------------

def _header_lines(page):
    """(line, text) of the header fields a reader sees as prose: title and summary."""
    for key in ("title", "summary"):
        value = page.meta.get(key)
        if isinstance(value, str) and value:
            yield frontmatter.key_line(page.text, key), mask(value)


def check(registry) -> list[Problem]:
    """Every terminology, address and standard-section problem of pages, data files and interface strings."""
    strings = getattr(registry, "strings", None)
    codes = registry.config.codes
    rules = term_rules(registry.glossary, codes)
    address = dict(getattr(registry.config.settings, "address", {}) or {})
    problems: list[Problem] = []
    for page in registry.pages:
        lang = page.lang
        if lang not in rules:
            continue
        lines = list(_header_lines(page)) + list(prose_lines(page.body, page.body_line))
        problems += check_text_lines(page.path, lines, rules[lang])
        if address.get(lang) in OTHER_FORM and page.type not in GROUP_ADDRESSED:
            problems += check_address(page.path, lines, address[lang])
        if strings is not None and page.type == "guide":
            problems += check_sections(page, standard_sections(strings, lang), strings.path or "data/strings.yml")
    problems += _check_glossary(registry, rules, address)
    problems += _check_vocabularies(registry, rules)
    problems += _check_procedures(registry, rules, address)
    problems += _check_self_assessment(registry, rules, address)
    if strings is not None:
        problems += _check_strings(strings, rules, address)
    return problems


def _check_glossary(registry, rules, address) -> list[Problem]:
    glossary = registry.glossary
    path = _rel(glossary.path)
    problems = []
    for term in glossary.terms.values():
        for lang, lang_rules in rules.items():
            texts = [term.terms.get(lang), term.definitions.get(lang), term.notes.get(lang)]
            lines = [(getattr(term, "line", 1), mask(str(text))) for text in texts if text]
            problems += check_text_lines(path, lines, lang_rules, skip_term=term.id)
            if address.get(lang) in OTHER_FORM:
                problems += check_address(path, lines, address[lang])
    return _at_lines(problems, glossary.path)


def _check_vocabularies(registry, rules) -> list[Problem]:
    """The labels of data/vocabularies.yml (topics, page types, …), as readers see them in every list."""
    import os
    vocab = registry.vocab
    full = os.path.join(registry.config.data_dir, "vocabularies.yml")
    problems = []
    for name, entries in (getattr(vocab, "data", None) or {}).items():
        for entry in (entries or {}).values() if isinstance(entries, dict) else []:
            for lang, lang_rules in rules.items():
                label = entry.get(lang) if isinstance(entry, dict) else None
                if isinstance(label, str) and label:
                    problems += check_text_lines(_rel(full), [(1, mask(label))], lang_rules)
    return _at_lines(problems, full)


def _check_fields(path: str, line_of, fields, rules, address) -> list[Problem]:
    """Terminology and form of address in a data file's per-language texts: fields are (where, {lang:
    text}) pairs, line_of(*where, lang) the line of one text."""
    problems = []
    for lang, lang_rules in rules.items():
        lines = [(line_of(*where, lang), mask(str(texts[lang])))
                 for where, texts in fields if isinstance(texts, dict) and texts.get(lang)]
        problems += check_text_lines(path, lines, lang_rules)
        if address.get(lang) in OTHER_FORM:
            problems += check_address(path, lines, address[lang])
    return problems


def _check_procedures(registry, rules, address) -> list[Problem]:
    """The planner's procedures (data/procedures/*.yml): titles, summaries, step titles and notes."""
    problems = []
    for proc in (getattr(registry, "procedures", None) or {}).values():
        fields = [((key,), proc.data.get(key)) for key in ("title", "summary")]
        for index, step in enumerate(proc.steps):
            fields += [(("steps", index, key), step.get(key)) for key in ("title", "note")]
        problems += _check_fields(proc.path, proc.line, fields, rules, address)
    return problems


def _check_self_assessment(registry, rules, address) -> list[Problem]:
    """The self-assessment's statements (data/self-assessment.yml): their texts and next steps."""
    sa = getattr(registry, "self_assessment", None)
    if sa is None:
        return []
    statements = sa.loaded.data.get("statements") or []
    fields = [(("statements", index, key), s.get(key)) for index, s in enumerate(statements) if isinstance(s, dict)
              for key in ("text", "action")]
    return _check_fields(sa.path, sa.line, fields, rules, address)


def _check_strings(strings, rules, address) -> list[Problem]:
    problems = []
    for lang, lang_rules in rules.items():
        for key, text in (strings.get(lang) or {}).items():
            if key == "alphabet" or not text:
                continue
            lines = [(strings.line(lang, key), mask(str(text)))]
            problems += check_text_lines(strings.path or "data/strings.yml", lines, lang_rules)
            if address.get(lang) in OTHER_FORM:
                problems += check_address(strings.path or "data/strings.yml", lines, address[lang])
    return problems


def _rel(path: str) -> str:
    import os
    return os.path.relpath(path).replace(os.sep, "/") if path else "data/glossary.yml"


def _at_lines(problems: list[Problem], full_path: str) -> list[Problem]:
    """Glossary problems carry the entry's first line; move each to the line of the entry that holds the
    word (the first such line at or after the entry's start)."""
    if not problems:
        return problems
    try:
        with open(full_path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    except OSError:
        return problems
    moved = []
    for p in problems:
        word = p.message.strip('"').split(" ")[0].lower()
        line = next((i + 1 for i in range(p.line - 1, len(lines)) if word in lines[i].lower()), p.line)
        moved.append(Problem(p.path, line, p.message, p.fix, p.severity))
    return moved
