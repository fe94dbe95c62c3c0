"""The navigation's policy: order, section titles and collapsing, in the reader's language.

Works on the engine's navigation items through four attributes only (`title`, `url`, `file.src_uri` and
`children` with `is_section`), so it knows no engine:

- the top level follows `extra.kb.nav_order` (by first path segment; the rest keeps its place at the end);
- in a section, the overview page (`index.*`) comes first, then the generated checklists in the order of
  their collections (topics, then phases), then the pages by title in the reader's alphabet;
- a section is titled with its overview page's title (a generated one too), in that language;
- a section with more than `extra.kb.nav_max_pages` pages shows only its overview page, which lists them all;
- a workshop and its generated handout form one section, titled with the workshop's title.
"""
from __future__ import annotations

from . import generated_pages


def _file(item):
    return getattr(item, "file", None)


def _is_overview(item) -> bool:
    f = _file(item)
    return f is not None and f.src_uri.split("/")[-1].startswith("index.")


def _is_section(item) -> bool:
    return bool(getattr(item, "is_section", False))


def first_segment(item) -> str:
    """The folder (or page name) an item belongs to, for nav_order."""
    if _is_section(item):
        for child in item.children:
            if _file(child) is not None:
                return child.file.src_uri.split("/")[0]
        return str(item.title)
    f = _file(item)
    return (f.src_uri if f is not None else "").split("/")[0].split(".")[0]


def _fold_handouts(section, handouts: dict, registry, lang: str, page_of, escape) -> None:
    """A workshop's generated handout sits in a folder of its own (workshops/<id>/handout/), which the
    engine shows as a section titled by the folder's name, in English and without diacritics, beside the
    workshop itself. Make that section the workshop's: titled with the workshop's title in the reader's
    language, the workshop first, then its handout."""
    by_id = {}
    for child in section.children:
        page = page_of(child) if not _is_section(child) else None
        if page is not None:
            by_id[page.id] = child
    for child in list(section.children):
        if not _is_section(child) or not child.children:
            continue
        owners = {handouts.get(getattr(_file(c), "src_uri", None)) for c in child.children}
        if len(owners) != 1 or None in owners:
            continue
        workshop = by_id.get(owners.pop())
        if workshop is None:
            continue
        child.title = escape(registry.title(page_of(workshop).id, lang))
        section.children.remove(workshop)
        child.children.insert(0, workshop)
        workshop.parent = child


def arrange(items: list, *, registry, lang: str, alphabet: str, settings, checklist_slugs, page_of,
            escape=str) -> list:
    """Titles, order and collapsing of the top-level items and their sections (changed in place, returned).

    page_of(item) is the registry page an item shows (None for a generated page); checklist_slugs are
    the generated checklists in collection order; alphabet is the language's order of letters;
    escape(title) prepares a title for the engine."""
    rank_of_checklist = {f"checklists/{slug}/": i for i, slug in enumerate(checklist_slugs)}
    # generated overview pages (checklists/index.md, self-assessment/index.md) title their sections too
    generated_overviews = {p.base: p.id for p in generated_pages.SITE_PAGES if p.base.endswith("/index.md")}

    def in_section(item):
        url = getattr(item, "url", "") or ""
        if _is_overview(item):
            return (0, 0, "")
        key = url if url in rank_of_checklist else url.lstrip("/").split("/", 1)[-1]
        if key in rank_of_checklist:
            return (1, rank_of_checklist[key], "")
        page = page_of(item)
        title = registry.title(page.id, lang) if page is not None else str(getattr(item, "title", "") or "")
        return (2, 0, generated_pages.sort_key(title, alphabet))

    handouts = {generated_pages.handout_base(w.id): w.id for w in registry.of_type("workshop")}
    for item in items:
        if not _is_section(item):
            continue
        _fold_handouts(item, handouts, registry, lang, page_of, escape)
        for child in item.children:
            page = page_of(child)
            if page is not None and _is_overview(child):
                item.title = escape(registry.title(page.id, lang))
            if _file(child) is not None and child.file.src_uri in generated_overviews:
                item.title = escape(registry.title(generated_overviews[child.file.src_uri], lang))
        item.children.sort(key=in_section)
        if len(item.children) > settings.nav_max_pages:
            overview = [c for c in item.children if _is_overview(c)]
            if overview:
                item.children = overview
    if settings.nav_order:
        rank = {name: i for i, name in enumerate(settings.nav_order)}
        items.sort(key=lambda it: rank.get(first_segment(it), len(rank)))
    return items
