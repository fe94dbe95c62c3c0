"""The participation planner's page and data: from a procedure and a date to a dated timeline.

The page (planner.md in every language) is useful without JavaScript: a table per procedure with each
step, whether the law requires it, its minimum or typical duration and its legal basis, linked to the
official text. planner.js builds the interactive tool on top of it from api/procedures.json (the
procedures in the reader's language, the public holidays of both countries from the holidays package,
and nothing else): dates forwards from a start or backwards from a target adoption, own steps, moved
optional steps, a link that keeps the whole plan, and .ics, CSV, Markdown and JSON exports. Nothing
leaves the browser.
"""
from __future__ import annotations

import html
import json

from babel.core import Locale

from . import escaping
from . import formats
from . import procedures
from .urls import relative_url

BASE = "planner.md"
EXPORT = "api/procedures.json"
_md = escaping.markdown_text


def plural(strings: dict, key: str, n: int, lang: str) -> str:
    """'{n} weeks' in the language's plural form (Babel's CLDR rules: Polish one/few/many)."""
    try:
        form = Locale.parse(lang).plural_form(n)
    except (ValueError, LookupError):
        form = "one" if n == 1 else "other"
    text = strings.get(f"{key}_{form}") or strings.get(f"{key}_other") or f"{n} {key}"
    return text.format(n=n)


def duration_text(step: dict, strings: dict, lang: str) -> str:
    d = step.get("duration") or {}
    if d.get("value") is None or not d.get("unit"):
        return "—"
    amount = plural(strings, "unit_" + d["unit"], int(d["value"]), lang)
    key = "planner_at_least" if d.get("minimum") else "planner_at_most" if d.get("maximum") else "planner_typical"
    return strings[key].format(duration=amount)


def anchors(registry) -> set:
    return {"tool", "procedures"} | set(getattr(registry, "procedures", {}) or {})


def page(registry, lang: str, strings: dict) -> str:
    """The planner's Markdown in one language."""
    from .generated_pages import _front
    here = registry.config.urls.page(BASE)
    data = relative_url(here, EXPORT)
    root = relative_url(here, "") or "./"
    out = [_front("planner", "planner", strings["planner_title"]), f"# {_md(strings['planner_title'])}\n",
           strings["planner_intro"] + "\n", f"## {_md(strings['planner_tool'])} {{#tool}}\n",
           f'<div class="kb-planner" data-src="{html.escape(data)}" data-root="{html.escape(root)}" hidden></div>\n',
           f'<p class="kb-planner__nojs">{html.escape(strings["planner_nojs"])}</p>\n',
           f"\n## {_md(strings['planner_procedures'])} {{#procedures}}\n", strings["planner_table_intro"] + "\n"]
    for proc in procedures.localized(registry, lang):
        country = registry.vocab.label("countries", proc["country"], lang)
        out.append(f"\n### {_md(country)}: {_md(proc['title'])} {{#{proc['id']}}}\n")
        out.append(_md(proc["summary"]) + "\n")
        out.append(f"| {strings['planner_step']} | {strings['planner_kind']} | {strings['planner_duration']} | "
                   f"{strings['planner_legal']} |\n|---|---|---|---|")
        notes = []
        for number, step in enumerate(proc["steps"], start=1):
            kind = strings["planner_statutory"] if step["kind"] == "statutory" else strings["planner_choice"]
            legal = "; ".join(f"[{_md(lb['ref'])}]({escaping.web_url(lb['url'])})" for lb in step["legal_basis"]) or "—"
            title = _md(step["title"]).replace("|", "\\|")
            if step["note"]:
                notes.append(f"{number}. {_md(step['note'])}")
                title += f" ({strings['planner_see_note']} {number})"
            out.append(f"| {number}. {title} | {kind} | {duration_text(step, strings, lang)} | {legal.replace('|', '/')} |")
        out.append("")
        if notes:   # long legal explanations: on the page, not in the search index (its fragments stay small)
            out.append(f'<div class="kb-planner__notes" data-pagefind-ignore markdown="1">\n')
            out.append(f"**{_md(strings['planner_notes'])}**\n")
            out += [n + "\n" for n in notes]
            out.append("</div>\n")
        out.append(_md(strings["law_as_of"].format(date=formats.readable(proc["law_as_of"], lang))) + " " +
                   f"{strings['sources']}: " + "; ".join(f"[{_md(s['title'])}]({escaping.web_url(s['url'])})"
                                                      for s in proc["sources"]) + "\n")
    return "\n".join(out) + "\n"


def export(registry, lang: str, strings: dict, today=None) -> str:
    """api/procedures.json in one language: the procedures, both countries' public holidays, and the
    interface texts the planner shows (the plural forms of the units included)."""
    procs = procedures.localized(registry, lang)
    countries = sorted({p["country"] for p in procs})
    texts = {k: v for k, v in strings.items() if k.startswith(("planner_", "unit_"))}
    texts["countries"] = {c: registry.vocab.label("countries", c, lang) for c in countries}
    doc = {"language": lang, "procedures": procs,
           "holidays": procedures.holiday_dates(countries, procedures.holiday_years(today)) if countries else {},
           "strings": texts}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
