"""A page's final Markdown: its own text with what the build adds around it, by page type.

| page                 | added before the text               | added after the text                           |
|----------------------|-------------------------------------|------------------------------------------------|
| every page with id   | translation notice                  |                                                |
| guide                | (its checklist, rendered in place)  | backlinks, sources                             |
| case                 | fact box, illustrative notice       | backlinks, sources                             |
| workshop             | objectives, timetable, handout link | backlinks, sources                             |
| topic                |                                     | guides and cases of the topic, backlinks       |
| `lists: cases`       |                                     | case browser, map, all cases by topic          |
| generated page       | (composed in generated_pages)       |                                                |

References by id become links in the reader's language last, so that everything added can use them.
"""
from __future__ import annotations

from . import case_map
from . import checklists
from . import generated_pages
from . import markdown_text
from . import page_sections
from . import procedures
from .urls import relative_url

BACKLINK_TYPES = ("guide", "case", "topic", "workshop")


def page_markdown(session, entry, lang: str, markdown: str) -> str:
    """The Markdown to render for a registry page (entry) shown to a reader of lang."""
    registry, strings = session.registry, session.strings_for(lang)
    body = markdown
    planned = procedures.procedure_guides(registry).get(entry.id) if entry.type == "guide" else None
    if planned:
        body = append_to_section(body, "legal-basis", planner_links(registry, planned, lang, strings))
    if entry.checklist:
        body = checklists.replace_section(body, session.stash.put(checklists.render_list(
            entry.id, entry.checklist, lang, registry.vocab, strings, session.inline(lang, entry.url))))
    head = page_sections.notice(registry, entry.id, entry.lang, lang, entry.base, strings) if entry.id else ""
    if entry.type == "case":
        head += page_sections.fact_box(registry, entry, lang, strings, session.inline(lang, entry.url),
                                       session.stash.put)
    if entry.type == "workshop":
        handout = session.config.urls.page(generated_pages.handout_base(entry.id))
        head += page_sections.workshop_header(registry, entry, lang, strings, relative_url(entry.url, handout))
    tail = ""
    if entry.type == "topic":
        tail += page_sections.topic_lists(registry, entry, lang, strings)
    if entry.meta.get("lists") == "cases":
        tail += case_library(session, entry, lang, strings)
    if entry.type in BACKLINK_TYPES:
        tail += page_sections.backlinks_section(registry, entry, session.backlinks, lang, strings)
    if entry.meta.get("sources") or entry.meta.get("legal_basis"):
        tail += page_sections.sources_section(entry, lang, strings)
    body = insert_after_title(body, head) + tail
    return page_sections.render_references(body, entry.base, lang, registry)


def markdown_for(session, entry, base: str, lang: str, markdown: str) -> str:
    """The Markdown to render: of a registry page (entry), or of a generated page (entry None, base its
    docs file)."""
    return page_markdown(session, entry, lang, markdown) if entry is not None else \
        generated_markdown(session, base, lang, markdown)


def generated_markdown(session, base: str, lang: str, markdown: str) -> str:
    """A generated page's Markdown, composed when it was made: only its references are resolved here."""
    return page_sections.render_references(markdown, base, lang, session.registry)


def case_library(session, entry, lang: str, strings: dict) -> str:
    """The case library overview: facets over api/cases.json, the map, and every case by topic."""
    registry = session.registry
    out = f"\n\n## {strings['browse_cases']} {{#browse}}\n"
    out += page_sections.browser("cases", page_sections.CASE_FACETS, relative_url(entry.url, "api/cases.json"))
    out += page_sections.case_map_section(registry, entry.url, lang, strings, case_map.load_geo(session.config.data_dir))
    out += f"\n\n## {strings['all_by_topic']} {{#all}}\n"
    return out + page_sections.case_index(registry, lang, strings)


def insert_after_title(body: str, head: str) -> str:
    """head placed right below the page's '# Title' (within its first five lines), else at the top."""
    if not head:
        return body
    lines = body.split("\n")
    for i, line in enumerate(lines[:5]):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", head] + lines[i + 1:])
    return head + body


def planner_links(registry, procedure_ids, lang: str, strings: dict) -> str:
    """'Plan the dates: [[planner#pl-mpzp|…]]' for the procedures a guide explains."""
    default = registry.config.default_language
    links = []
    for pid in procedure_ids:
        proc = registry.procedures[pid]
        title = proc.data["title"].get(lang) or proc.data["title"].get(default) or pid
        links.append(f"[[planner#{pid}|{title.replace(']', ')').replace('|', '/')}]]")
    return strings["planner_from_guide"].format(links=" · ".join(links))


def append_to_section(body: str, anchor: str, text: str) -> str:
    """text as a paragraph at the end of the section with this anchor (before the next heading of the same
    or a higher level); the body as it is when there is no such section."""
    lines = body.split("\n")
    start = level = None
    for number, lvl, _title, found in markdown_text.headings(body, 1):
        if start is None:
            if found == anchor:
                start, level = number, lvl
        elif lvl <= level:
            return "\n".join(lines[: number - 1] + [text, ""] + lines[number - 1:])
    if start is None:
        return body
    return body.rstrip("\n") + "\n\n" + text + "\n"
