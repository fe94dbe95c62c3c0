"""Checklists: items written in guides, extracted once, rendered and collected per language.

Authoring syntax (inside a guide, under a heading with the anchor ``{#checklist}``)::

    - [ ] `list-affected-groups` List every group the plan affects.
        - phase: diagnosis
        - why: Groups that are not on the list are not invited.
        - law PL: art. 8e u.p.z.p.
        - law NO: pbl § 5-1
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import data_files
from . import markdown_text
from . import references
from .diagnostics import Problem

SECTION_ANCHOR = "checklist"
ITEM = re.compile(r"^[-*]\s+\[[ xX]\]\s+(?:`([^`]*)`\s*)?(.*)$")
DETAIL = re.compile(r"^\s+[-*]\s+(phase|why|law\s+[A-Za-z]{2})\s*:\s*(.*)$", re.I)
ITEM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Item:
    guide_id: str
    local_id: str
    text: str
    line: int
    phase: str = ""
    why: str = ""
    laws: dict = field(default_factory=dict)   # country code -> provision

    @property
    def id(self) -> str:
        return f"{self.guide_id}.{self.local_id}"


def section_bounds(body: str, first_line: int = 1):
    """(start, end) body line indexes (0-based, end exclusive) of the checklist list, or None."""
    lines = body.split("\n")
    start = level = None
    for number, lvl, title, anchor in markdown_text.headings(body, first_line):
        index = number - first_line
        if start is None:
            if anchor == SECTION_ANCHOR:
                start, level = index + 1, lvl
        elif lvl <= level:
            return start, index
    return (start, len(lines)) if start is not None else None


def extract(page) -> tuple[list[Item], list[Problem]]:
    bounds = section_bounds(page.body, page.body_line)
    if bounds is None:
        return [], []
    problems: list[Problem] = []
    items: list[Item] = []
    lines = page.body.split("\n")
    seen: dict = {}
    current = None
    outside = {n for n, _ in markdown_text.lines_outside_code(page.body, page.body_line)}
    for index in range(*bounds):
        line = lines[index]
        number = page.body_line + index
        if number not in outside:   # an example inside a code block is not an item
            continue
        match = ITEM.match(line)
        if match:
            local_id, text = (match.group(1) or "").strip(), match.group(2).strip()
            if not local_id:
                problems.append(Problem(page.path, number, "checklist item has no id",
                                        "start the item with its id in backticks, e.g. - [ ] `check-the-entrance` Text"))
                current = None
                continue
            if not ITEM_ID.match(local_id):
                problems.append(Problem(page.path, number, f"checklist item id '{local_id}' is not valid",
                                        "use lowercase letters, digits and hyphens, e.g. `check-the-entrance`"))
            if local_id in seen:
                problems.append(Problem(page.path, number, f"checklist item id '{local_id}' is used twice (also line {seen[local_id]})",
                                        "give every item of the guide its own id"))
            if not text:
                problems.append(Problem(page.path, number, f"checklist item '{local_id}' has no text",
                                        "write what to check after the id, on the same line"))
            seen[local_id] = number
            current = Item(guide_id=page.id, local_id=local_id, text=text, line=number)
            items.append(current)
            continue
        detail = DETAIL.match(line)
        if detail and current is not None:
            key, value = detail.group(1).lower().split(), detail.group(2).strip()
            if key[0] == "phase":
                current.phase = value
            elif key[0] == "why":
                current.why = value
            else:
                current.laws[key[1].upper()] = value
            continue
        if line.strip() and current is not None and line.startswith((" ", "\t")):
            problems.append(Problem(page.path, number, "unrecognised line inside a checklist item",
                                    "use '    - phase: …', '    - why: …' or '    - law PL: …' (four spaces)"))
    return items, problems


# --- rendering -----------------------------------------------------------------------------------

def _item_html(item: Item, text_html: str, why_html: str, lang: str, vocab, strings: dict, guide_link: str = "") -> str:
    esc = html.escape
    box = f"kb-cb-{item.id}"
    meta = []
    if item.phase:
        meta.append(f'<span class="kb-checklist__phase">{esc(strings["phase"])}: '
                    f'{esc(vocab.label("phases", item.phase, lang))}</span>')
    for country, provision in sorted(item.laws.items()):
        meta.append(f'<span class="kb-checklist__law">{esc(country)}: {esc(provision)}</span>')
    parts = [f'<li class="kb-checklist__item" id="{esc(item.id)}" data-item="{esc(item.id)}">',
             f'<input type="checkbox" class="kb-checklist__box" id="{esc(box)}" data-item="{esc(item.id)}">',
             f'<label for="{esc(box)}">{text_html}</label>',
             f'<a class="kb-checklist__link" href="#{esc(item.id)}" title="{esc(strings["link_to_item"])}" '
             f'aria-label="{esc(strings["link_to_item"])}">#</a>']
    if meta or guide_link:
        parts.append('<span class="kb-checklist__meta">' + " · ".join(meta)
                     + (f' <span class="kb-checklist__from">{guide_link}</span>' if guide_link else "") + "</span>")
    if why_html:
        parts.append(f'<details class="kb-checklist__why"><summary>{esc(strings["why"])}</summary><p>{why_html}</p></details>')
    parts.append("</li>")
    return "".join(parts)


def render_list(checklist_id: str, items, lang: str, vocab, strings: dict, inline, *, guide_links=None) -> str:
    """An interactive checklist as one block of HTML; inline(text) renders an item's Markdown to HTML."""
    guide_links = guide_links or {}
    rows = [_item_html(item, inline(item.text), inline(item.why), lang, vocab, strings, guide_links.get(item.id, ""))
            for item in items]
    return (f'<div class="kb-checklist" data-checklist="{html.escape(checklist_id)}">'
            f'<ul class="kb-checklist__items">' + "".join(rows) + "</ul></div>\n")


def replace_section(body: str, rendered: str) -> str:
    """Swap the authored task list of a guide for its rendered form; text before the list stays."""
    bounds = section_bounds(body)
    if bounds is None:
        return body
    lines = body.split("\n")
    start, end = bounds
    first_item = next((i for i in range(start, end) if ITEM.match(lines[i])), None)
    if first_item is None:
        return body
    last = first_item
    for i in range(first_item, end):
        if ITEM.match(lines[i]) or DETAIL.match(lines[i]) or (lines[i].startswith((" ", "\t")) and lines[i].strip()):
            last = i
        elif lines[i].strip():
            break
    return "\n".join(lines[:first_item] + ["", rendered] + lines[last + 1:])


# --- collections and exports -------------------------------------------------------------------------

def collections(registry, lang: str) -> list[dict]:
    """Every generated checklist: one per topic, one per phase, each a list of (guide page, items)."""
    vocab = registry.vocab
    guides = [p for p in registry.of_type("guide", lang) if p.checklist]
    result = []
    for topic in vocab.keys("topics"):
        groups = [(g, g.checklist) for g in guides if topic in (g.meta.get("topics") or [])]
        if groups:
            result.append({"kind": "topic", "key": topic, "slug": topic, "groups": groups})
    for phase in vocab.keys("phases"):
        groups = []
        for g in guides:
            items = [i for i in g.checklist if i.phase == phase]
            if items:
                groups.append((g, items))
        if groups:
            result.append({"kind": "phase", "key": phase, "slug": f"phase-{phase}", "groups": groups})
    return result


def checklist_title(coll: dict, lang: str, vocab, strings: dict) -> str:
    if coll["kind"] == "topic":
        return strings["checklist_for_topic"].format(topic=vocab.label("topics", coll["key"], lang))
    return strings["checklist_for_phase"].format(phase=vocab.label("phases", coll["key"], lang))


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1")


def plain_text(text: str, registry, lang: str) -> str:
    """Item text for exports: references become titles, Markdown marks are removed."""
    def ref(match):
        resolved = references.resolve(match, registry, lang)
        return resolved.label if resolved else (match.group(3) or match.group(1))
    text = references.REF.sub(ref, text)
    text = _MD_LINK.sub(r"\1", text)
    text = _EMPH.sub(r"\2", text)
    return text.replace("`", "").strip()


def export_records(coll: dict, registry, lang: str, site_prefix_url: str) -> list[dict]:
    rows = []
    for guide, items in coll["groups"]:
        for item in items:
            rows.append({
                "id": item.id,
                "text": plain_text(item.text, registry, lang),
                "guide": guide.id,
                "guide_title": guide.title,
                "phase": item.phase,
                "legal_basis": dict(sorted(item.laws.items())),
                "why": plain_text(item.why, registry, lang),
                "url": f"{site_prefix_url}{guide.url}#{item.id}",
            })
    return rows


def export_document(coll: dict, title: str, lang: str | None, records: list[dict]) -> dict:
    """One checklist as exported: its id, title, kind and key, the language (in a download), the items."""
    doc = {"id": coll["slug"], "title": title, "kind": coll["kind"], "key": coll["key"]}
    if lang is not None:
        doc["language"] = lang
    doc["items"] = records
    return doc


CSV_FIELDS = ["checklist", "id", "text", "guide", "guide_title", "phase", "legal_basis", "why", "url"]


def to_csv(records_by_checklist: list[tuple[str, list[dict]]]) -> str:
    """UTF-8 CSV with a byte-order mark, so that Excel shows ł and ø correctly."""
    rows = [dict(row, checklist=checklist_id) for checklist_id, rows in records_by_checklist for row in rows]
    return data_files.csv_text(rows, CSV_FIELDS)


def to_json(data) -> str:
    return data_files.json_text(data)


def to_markdown(title: str, records: list[dict], strings: dict) -> str:
    lines = [f"# {title}", ""]
    current = None
    for row in records:
        if row["guide"] != current:
            current = row["guide"]
            lines += ["", f"## {row['guide_title']}", ""]
        lines.append(f"- [ ] {row['text']} ({row['id']})")
    return "\n".join(lines).strip() + "\n"
