"""Pages the build generates in every language: checklists, the glossary, translation status.

Each is plain Markdown produced from the registry; the MkDocs adapter only places them in the site.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Callable

from . import checklists
from . import formats
from . import planner
from . import self_assessment
from . import escaping
from . import translations
from .urls import relative_url

GLOSSARY_BASE = "glossary.md"
STATUS_BASE = "translation-status.md"
CHECKLISTS_INDEX = "checklists/index.md"
WHATS_NEW_BASE = "whats-new.md"
FEED_NAME = "feed.xml"


@dataclass(frozen=True)
class SitePage:
    """A page the build generates once per language, declared here once: the id it is referenced by, its
    type and docs file, the interface string of its title, the anchors its Markdown writes, and how it is
    made: make(registry, lang, strings, checklist collections) -> Markdown."""
    id: str
    type: str
    base: str
    title_key: str
    anchors: Callable
    make: Callable


SITE_PAGES = (
    SitePage("glossary", "glossary", GLOSSARY_BASE, "glossary_title", lambda r: set(r.glossary.terms),
             lambda r, lang, s, colls: glossary_page(r, lang, s)),
    SitePage("translation-status", "page", STATUS_BASE, "status_title", lambda r: {f"lang-{c}" for c in r.config.codes},
             lambda r, lang, s, colls: status_page(r, lang, s)),
    SitePage("whats-new", "page", WHATS_NEW_BASE, "whats_new_title",
             lambda r: {f"m-{str(p.meta['reviewed'])[:7]}" for lang in r.config.codes for p in dated_pages(r, lang)},
             lambda r, lang, s, colls: whats_new_page(r, lang, s)),
    SitePage("checklists", "checklist", CHECKLISTS_INDEX, "checklists_title", lambda r: {"by-topic", "by-phase"},
             lambda r, lang, s, colls: checklists_index(r, lang, s, colls)),
    SitePage("planner", "planner", planner.BASE, "planner_title", planner.anchors,
             lambda r, lang, s, colls: planner.page(r, lang, s)),
    SitePage("self-assessment", self_assessment.PAGE_TYPE, self_assessment.BASE, "sa_title", self_assessment.anchors("form"),
             lambda r, lang, s, colls: self_assessment.form_page(r, lang, s)),
    SitePage("self-assessment-results", self_assessment.PAGE_TYPE, self_assessment.RESULTS_BASE, "sa_results_title",
             self_assessment.anchors("results"), lambda r, lang, s, colls: self_assessment.results_page(r, lang, s)),
    SitePage("self-assessment-team", self_assessment.PAGE_TYPE, self_assessment.TEAM_BASE, "sa_team_title",
             self_assessment.anchors("team"), lambda r, lang, s, colls: self_assessment.team_page(r, lang, s)),
)


_md = escaping.markdown_text   # every field value placed in Markdown goes through this


def _front(page_id: str, page_type: str, title: str, extra: str = "") -> str:
    """The header of a generated page; the title as a JSON string, which YAML reads as it is."""
    return f"---\nid: {page_id}\ntype: {page_type}\ntitle: {json.dumps(str(title), ensure_ascii=False)}\n{extra}---\n\n"


def checklist_page(coll: dict, registry, lang: str, strings: dict, inline_for, keep=lambda html: html) -> str:
    """Markdown for one generated checklist (a topic or a phase), items grouped by guide.

    inline_for(page_url) returns a function that renders an item's text as HTML for that page."""
    vocab = registry.vocab
    title = checklists.checklist_title(coll, lang, vocab, strings)
    slug = coll["slug"]
    out = [_front(f"checklists-{slug}", "checklist", title,
                  f"checklist_kind: {coll['kind']}\nchecklist_key: {coll['key']}\n"), f"# {_md(title)}\n"]
    here = registry.config.urls.page(f"checklists/{slug}.md")
    # the downloads sit in the checklist's own folder: beside the page online, one level down offline
    files = " · ".join(f'<a href="{html.escape(relative_url(here, download_folder(slug) + download_name(slug, lang, ext)))}" '
                       f'download>{ext.upper()}</a>' for ext in ("csv", "json", "md"))
    out.append(f'<p class="kb-downloads">{html.escape(strings["download"])} {files}</p>\n')
    inline = inline_for(here)
    for guide, items in coll["groups"]:
        localized = registry.page(guide.id, lang)
        out.append(f"\n## {_md(localized.title)} {{#{guide.id}}}\n")
        local_items = {i.id: i for i in localized.checklist} if localized else {}
        shown = [local_items.get(item.id, item) for item in items]
        links = {item.id: f"{html.escape(strings['from_guide'])} " + inline(f"[[{guide.id}#{item.id}]]") for item in items}
        out.append(keep(checklists.render_list(f"{slug}:{guide.id}", shown, lang, vocab, strings, inline, guide_links=links)))
    return "\n".join(out)


def download_folder(slug: str) -> str:
    return f"checklists/{slug}/"


def download_name(slug: str, lang: str, ext: str) -> str:
    """File name of a checklist download; the files sit in the checklist page's own folder."""
    return f"checklist-{slug}-{lang}.{ext}"


def checklists_index(registry, lang: str, strings: dict, colls) -> str:
    vocab = registry.vocab
    out = [_front("checklists", "checklist", strings["checklists_title"]), f"# {strings['checklists_title']}\n",
           strings["checklists_intro"] + "\n"]
    for kind, heading, anchor in (("topic", strings["checklists_by_topic"], "by-topic"),
                                  ("phase", strings["checklists_by_phase"], "by-phase")):
        out.append(f"\n## {heading} {{#{anchor}}}\n")
        for coll in colls:
            if coll["kind"] != kind:
                continue
            count = sum(len(items) for _, items in coll["groups"])
            label = vocab.label("topics" if kind == "topic" else "phases", coll["key"], lang)
            out.append(f"- [{_md(label)}]({coll['slug']}.md) — {strings['items_count'].format(count=count)}")
    return "\n".join(out) + "\n"


def glossary_page(registry, lang: str, strings: dict) -> str:
    default = registry.config.default_language
    codes = registry.config.codes
    terms = sorted(registry.glossary.terms.values(), key=lambda t: sort_key(t.term(lang, default), strings.get("alphabet", "")))
    out = [_front("glossary", "glossary", strings["glossary_title"]), f"# {strings['glossary_title']}\n",
           strings["glossary_intro"] + "\n"]
    for term in terms:
        out.append(f"\n## {_md(term.term(lang, default))} {{#{term.id}}}\n")
        out.append(_md(term.definition(lang, default)) + "\n")
        others = [f"{_md(registry.config.language_name(l))}: *{_md(term.terms.get(l, ''))}*" for l in codes if l != lang]
        out.append(f"{strings['glossary_other_languages']}: " + " · ".join(others) + "\n{: .kb-term-languages }\n")
        note = term.notes.get(lang) or term.notes.get(default)
        if note:
            out.append(f"!!! note \"{strings['glossary_note']}\"\n    {_md(note)}\n")
        legal = term.legal_for(lang, default)
        if legal:
            out.append(f"*{_md(legal)}*\n")
    return "\n".join(out)


def sort_key(text: str, alphabet: str):
    """Alphabetical order in a language's alphabet (data/strings.yml `alphabet`), so that ł, ø or å come
    where readers of that language expect them; letters it does not list come after, by code point."""
    rank = {ch: i for i, ch in enumerate(alphabet)}
    return [(rank.get(ch, 100 + ord(ch)), ch) for ch in text.lower()]


def status_page(registry, lang: str, strings: dict) -> str:
    out = [_front("translation-status", "page", strings["status_title"]), f"# {strings['status_title']}\n",
           strings["status_intro"] + "\n"]
    entries = [s for s in translations.status(registry) if s.state in (translations.MISSING, translations.OUTDATED,
                                                                      translations.UNTRANSLATED)]
    if not entries:
        out.append(f"\n{strings['status_all_current']}\n")
    labels = {translations.MISSING: strings["status_missing"], translations.OUTDATED: strings["status_outdated"],
              translations.UNTRANSLATED: strings["status_untranslated"]}
    for code in registry.config.codes:   # every language's heading, so that links to #lang-xx always land
        mine = [s for s in entries if s.lang == code]
        out.append(f"\n## {registry.config.language_name(code)} {{#lang-{code}}}\n")
        if not mine:
            out.append(f"{strings['status_all_current']}\n")
            continue
        out.append(f"| {strings['status_page']} | {strings['status_state']} | {strings['status_command']} |\n|---|---|---|")
        for s in mine:
            path = s.path.replace("`", "'").replace("|", "/")
            command = f"`python hooks/kb.py stamp {path}`" if s.state != translations.MISSING else f"`{path}`"
            out.append(f"| [[{s.page_id}]] | {labels[s.state]} | {command} |")
    return "\n".join(out) + "\n"


def handout_base(workshop_id: str) -> str:
    return f"workshops/{workshop_id}/handout.md"


def handout_parts(registry, workshop) -> list[tuple[int, str]]:
    """(part number, page id) of the parts of a workshop pack that its handout shows: parts that refer to
    a page, each page once. The handout's anchors are part-<number> of these."""
    parts = workshop.meta.get("parts") if isinstance(workshop.meta.get("parts"), list) else []
    shown, seen = [], set()
    for number, part in enumerate(parts, start=1):
        ref = part.get("ref") if isinstance(part, dict) else None
        if ref and ref not in seen and ref in registry.versions:
            seen.add(ref)
            shown.append((number, ref))
    return shown


def handout_page(registry, workshop, lang: str, strings: dict, short_url, qr_svg, inline_for, keep=lambda html: html) -> str:
    """One print-ready page per workshop pack: each part's guide summary, checklist, QR code and short link."""
    page = registry.page(workshop.id, lang)
    title = strings["handout_title"].format(title=page.title)
    out = [_front(f"{workshop.id}-handout", "handout", title), f"# {_md(title)}\n",
           strings["handout_intro"] + "\n"]
    for number, ref in handout_parts(registry, page):
        target = registry.page(ref, lang)
        url = short_url(ref)
        out.append(f"\n## {number}\\. {_md(target.title)} {{#part-{number}}}\n")
        out.append(keep(f'<div class="kb-handout-part">{qr_svg(url)}<p>{html.escape(str(target.meta.get("summary", "")))}</p>'
                   f'<p>{html.escape(strings["short_link"])}: <span class="kb-short-url">{html.escape(url)}</span></p></div>\n'))
        if target.checklist:
            out.append(keep(checklists.render_list(f"handout:{workshop.id}:{ref}", target.checklist, lang, registry.vocab,
                                                   strings, inline_for(registry.config.urls.page(handout_base(workshop.id))))))
    return "\n".join(out)




def dated_pages(registry, lang: str) -> list:
    """Pages with a `reviewed` date, newest first (ties by title), in one language."""
    pages = [registry.page(pid, lang) for pid in registry.versions]
    pages = [p for p in pages if p is not None and p.meta.get("reviewed") and p.type in ("guide", "case", "workshop", "page", "topic")]
    return sorted(pages, key=lambda p: (str(p.meta["reviewed"]), p.title.lower()), reverse=True)


def whats_new_page(registry, lang: str, strings: dict) -> str:
    vocab = registry.vocab
    # the feed of the same language, at the language's root (inside the offline copy too)
    feed = relative_url(registry.config.urls.page(WHATS_NEW_BASE), FEED_NAME)
    out = [_front("whats-new", "page", strings["whats_new_title"]), f"# {strings['whats_new_title']}\n",
           strings["whats_new_intro"] + f' <a href="{html.escape(feed)}">{html.escape(strings["feed_link"])}</a>\n']
    month = None
    for page in dated_pages(registry, lang):
        reviewed = str(page.meta["reviewed"])
        if reviewed[:7] != month:
            month = reviewed[:7]
            out.append(f"\n## {_md(formats.month(reviewed, lang))} {{#m-{month}}}\n")
        out.append(f"- {_md(formats.readable(reviewed, lang))} · {_md(vocab.label('page_types', page.type, lang))}: [[{page.id}]]")
    return "\n".join(out) + "\n"


def atom_feed(registry, lang: str, strings: dict, language_root_url: str, site_name: str, limit: int = 50) -> str:
    """An Atom feed of the pages by their `reviewed` date, so partners can follow updates."""
    from xml.sax.saxutils import escape
    pages = dated_pages(registry, lang)[:limit]
    updated = (str(pages[0].meta["reviewed"]) if pages else "2026-01-01") + "T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
           f"<title>{escape(site_name)} — {escape(strings['whats_new_title'])}</title>",
           f'<link rel="self" href="{escape(language_root_url + FEED_NAME)}"/>',
           f'<link rel="alternate" href="{escape(language_root_url + registry.config.urls.page(WHATS_NEW_BASE))}"/>',
           f"<id>{escape(language_root_url + FEED_NAME)}</id>", f"<updated>{updated}</updated>"]
    for page in pages:
        url = language_root_url + page.url
        out += ["<entry>", f"<title>{escape(page.title)}</title>", f'<link href="{escape(url)}"/>', f"<id>{escape(url)}</id>",
                f"<updated>{escape(str(page.meta['reviewed']))}T00:00:00Z</updated>",
                f"<summary>{escape(str(page.meta.get('summary') or ''))}</summary>",
                f"<author><name>{escape(site_name)}</name></author>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
