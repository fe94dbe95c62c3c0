"""Markdown added around a page's own text: notices, fact boxes, sources, backlinks, topic lists.

Pure functions of (registry, page, language, strings); the adapter calls them per page.
"""
from __future__ import annotations

import html
import re

from . import case_map
from . import formats
from . import escaping
from . import references
from . import translations
from .urls import relative_url


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_md = escaping.markdown_text   # every field value placed in Markdown goes through this


def _linked(text, url) -> str:
    """Markdown for a field's text, linked to the field's address when it is a web address."""
    href = escaping.web_url(url)
    return f"[{_md(text)}]({href})" if href else _md(text)


def _source_line(source: dict) -> str:
    head = _linked(source.get("title", ""), source.get("url"))
    extra = [_md(source[k]) for k in ("publisher", "year", "reference") if source.get(k)]
    return f"- {head}" + (f" — {', '.join(extra)}" if extra else "")


def notice(registry, page_id: str, shown_lang: str, reader_lang: str, page_base: str, strings: dict) -> str:
    """The translation notice for a page shown to a reader of reader_lang, or ''."""
    repo = registry.config.settings.repo
    help_text = " " + strings["notice_help"].format(repo=repo) if repo else ""
    source = registry.source(page_id)
    if source is None:
        return ""
    if shown_lang != reader_lang:
        text = strings["notice_missing"].format(language=registry.config.language_name(reader_lang),
                                                source_language=registry.config.language_name(shown_lang))
        return f'!!! warning ""\n    {text}{help_text}\n{{: .kb-notice .kb-notice--missing lang="{reader_lang}" }}\n\n'
    state = translations.state_of(registry, page_id, reader_lang)
    if state == translations.UNTRANSLATED:
        text = strings["notice_missing"].format(language=registry.config.language_name(reader_lang),
                                                source_language=registry.config.language_name(source.lang))
        return f'!!! warning ""\n    {text}{help_text}\n\n'
    if state == translations.OUTDATED:
        here = registry.config.prefix(reader_lang) + registry.page(page_id, reader_lang).url
        there = registry.config.prefix(source.lang) + source.url
        text = strings["notice_outdated"].format(source_language=registry.config.language_name(source.lang),
                                                 link=relative_url(here, there))
        return f'!!! warning ""\n    {markdown_links_to_html(text)}\n\n'
    return ""


def markdown_links_to_html(text: str) -> str:
    """Links between language trees are raw HTML: MkDocs cannot resolve them as documents."""
    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)",
                  lambda m: f'<a href="{html.escape(m.group(2))}">{html.escape(m.group(1))}</a>', text)


def fact_box(registry, page, lang: str, strings: dict, inline, keep=lambda html: html) -> str:
    vocab = registry.vocab
    meta = page.meta
    esc = html.escape

    def labels(vocab_name, keys):
        return ", ".join(vocab.label(vocab_name, k, lang) for k in keys or [])

    population = meta.get("population")
    pop_text = esc(formats.number(population, lang)) if isinstance(population, int) else esc(str(population or ""))
    pop_source = meta.get("population_source") or {}
    if pop_source:
        pop_text += f" ({esc(str(pop_source.get('publisher') or pop_source.get('title') or ''))}" \
                    f"{', ' + esc(str(pop_source.get('year'))) if pop_source.get('year') else ''})"
    methods = " · ".join(inline(f"[[{m}]]") for m in meta.get("methods") or [])
    rows = [
        (strings["country"], esc(vocab.label("countries", meta.get("country"), lang))),
        (strings["municipality"], esc(str(meta.get("municipality", "")))),
        (strings["region"], esc(str(meta.get("region", "")))),
        (strings["population"], pop_text),
        (strings["period"], esc(str(meta.get("period", "")))),
        (strings["topics"], esc(labels("topics", meta.get("topics")))),
        (strings["challenges"], esc(labels("challenges", meta.get("challenges")))),
        (strings["methods_used"], methods),
        (strings["evidence"], esc(vocab.label("evidence", meta.get("evidence"), lang))),
    ]
    # the spaces keep a label and its value apart in the text the search indexes ("Kraj Norwegia", not "KrajNorwegia")
    body = " ".join(f"<div><dt>{esc(k)}</dt> <dd>{v}</dd></div>" for k, v in rows if v)
    box = keep(f'<section class="kb-factbox" aria-labelledby="fact-box">'
               f'<h2 id="fact-box">{esc(strings["fact_box"])}</h2><dl>{body}</dl></section>') + "\n"
    if meta.get("evidence") == "illustrative":
        box += f'!!! example ""\n    {strings["illustrative_notice"]}\n\n'
    return box


def sources_section(page, lang: str, strings: dict) -> str:
    meta = page.meta
    out = [f"\n\n## {strings['sources']} {{#sources}}\n"]
    legal = meta.get("legal_basis") or {}
    if legal:
        out.append(f"**{strings['legal_basis']}**\n")
        for country in sorted(legal):
            for provision in legal[country] or []:
                head = _linked(provision.get("ref", ""), provision.get("url"))
                out.append(f"- {_md(country)}: {head} — {_md(provision.get('title', ''))}")
        out.append("")
        if meta.get("sources"):
            out.append(f"**{strings['other_sources']}**\n")
    for source in meta.get("sources") or []:
        out.append(_source_line(source))
    tail = []
    if meta.get("law_as_of"):
        tail.append(strings["law_as_of"].format(date=_md(formats.readable(meta["law_as_of"], lang))))
    if meta.get("reviewed"):
        tail.append(f"{strings['reviewed']}: {_md(formats.readable(meta['reviewed'], lang))}.")
    if tail:
        out.append("\n" + " ".join(tail) + "\n{: .kb-reviewed }")
    return "\n".join(out) + "\n"


def backlinks_section(registry, page, backlinks: dict, lang: str, strings: dict) -> str:
    """Case studies that used a guide, and guides that point to it."""
    links = backlinks.get(page.id) or {}
    out = []
    cases = sorted(links.get("cases", ()), key=lambda i: registry.title(i, lang).lower())
    if cases:
        out.append(f"\n\n## {strings['used_in_cases']} {{#used-in}}\n")
        out += [f"- [[{c}]] — {_md(registry.page(c, lang).meta.get('summary', ''))}" for c in cases]
    guides = sorted(links.get("guides", ()), key=lambda i: registry.title(i, lang).lower())
    if guides:
        out.append(f"\n\n## {strings['linked_from']} {{#linked-from}}\n")
        out += [f"- [[{g}]]" for g in guides]
    return "\n".join(out) + ("\n" if out else "")


def topic_lists(registry, page, lang: str, strings: dict) -> str:
    topic = page.id
    guides = [p for p in registry.of_type("guide", lang) if topic in (p.meta.get("topics") or [])[:1]]
    cases = [p for p in registry.of_type("case", lang) if topic in (p.meta.get("topics") or [])]
    out = []
    if guides:
        out.append(f"\n\n## {strings['guides_in_topic']} {{#guides}}\n")
        out.append(browser("guides", GUIDE_FACETS, relative_url(page.url, "api/guides.json"), scope=topic))
        out.append('<div class="kb-static-list" markdown="1">\n')
        out += [f"- **[[{g.id}]]** — {_md(g.meta.get('summary', ''))}" for g in guides]
        out.append("\n</div>\n")
    if cases:
        out.append(f"\n\n## {strings['cases_in_topic']} {{#cases}}\n")
        out += [f"- [[{c.id}]] — {_md(c.meta.get('summary', ''))}" for c in cases]
    return "\n".join(out) + ("\n" if out else "")


def compute_backlinks(registry) -> dict:
    """id -> {"cases": {case ids using it as a method}, "guides": {guide ids referring to it}}; built once."""
    out: dict = {}
    for page_id in registry.versions:
        source = registry.source(page_id)
        if source.type == "case":
            for method in source.meta.get("methods") or []:
                out.setdefault(method, {}).setdefault("cases", set()).add(page_id)
        if source.type == "guide":
            targets = {r.target for p in registry.versions[page_id].values() for r in p.refs if not r.glossary}
            targets |= set(source.meta.get("related") or [])
            for target in targets - {page_id}:
                out.setdefault(target, {}).setdefault("guides", set()).add(page_id)
    return out


def render_references(body: str, base: str, lang: str, registry) -> str:
    return references.render(body, base, lang, registry)


CASE_FACETS = "topics:topic,country:country,challenges:challenge,population_band:band,methods:method,evidence:evidence"
GUIDE_FACETS = "topics:topic,phase:phase,audience:audience"


def browser(kind: str, facets: str, data_href: str, scope: str = "") -> str:
    """The container the facet script fills in; hidden until the script runs."""
    scope_attr = f' data-scope-topic="{html.escape(scope)}"' if scope else ""
    return (f'\n<div class="kb-browser" data-kind="{kind}" data-src="{html.escape(data_href)}" '
            f'data-facets="{facets}"{scope_attr} hidden></div>\n')


def case_map_section(registry, page_url: str, lang: str, strings: dict, geo: dict) -> str:
    cases = []
    for case in registry.of_type("case", lang):
        loc = case.meta.get("location") or {}
        if "lat" in loc and "lon" in loc:
            cases.append({"id": case.id, "title": case.title, "href": relative_url(page_url, case.url),
                          "lat": float(loc["lat"]), "lon": float(loc["lon"])})
    figure = case_map.svg(cases, title=strings["map_title"], description=strings["map_desc"], geo=geo)
    listing = "".join(f'<li data-case="{html.escape(c["id"])}"><a href="{html.escape(c["href"])}">{html.escape(c["title"])}</a></li>'
                      for c in sorted(cases, key=lambda c: c["title"].lower()))
    return (f"\n\n## {strings['map_title']} {{#map}}\n\n"
            f'<div class="kb-map-wrap"><figure class="kb-map-figure">{figure}'
            f'<figcaption>{html.escape(strings["map_attribution"])}</figcaption></figure>'
            f'<div class="kb-map-list"><p><strong>{html.escape(strings["map_list"])}</strong></p><ul>{listing}</ul></div></div>\n')


def case_index(registry, lang: str, strings: dict) -> str:
    """Every case, grouped by topic: the page as it reads without JavaScript."""
    vocab = registry.vocab
    cases = registry.of_type("case", lang)
    out = ['\n<div class="kb-static-list" markdown="1">\n']
    for topic in vocab.keys("topics"):
        mine = [c for c in cases if topic in (c.meta.get("topics") or [])]
        if not mine:
            continue
        out.append(f"\n\n## {_md(vocab.label('topics', topic, lang))} {{#topic-{topic}}}\n")
        for case in sorted(mine, key=lambda c: c.title.lower()):
            m = case.meta
            facts = " · ".join(_md(x) for x in (
                str(m.get("municipality", "")), vocab.label("countries", m.get("country"), lang),
                vocab.label("population_bands", m.get("population_band"), lang)) if x)
            out.append(f"- **[[{case.id}]]** — {facts}. {_md(m.get('summary', ''))}")
    out.append("\n</div>\n")
    return "\n".join(out) + "\n"


def workshop_header(registry, page, lang: str, strings: dict, handout_href: str) -> str:
    """Learning objectives and a timetable, from the pack's header; a link to the print handout."""
    meta = page.meta
    out = [f"## {strings['objectives']} {{#objectives}}\n"]
    out += [f"- {_md(o)}" for o in meta.get("objectives") or []]
    out.append(f"\n**{strings['duration']}:** {_md(meta.get('duration', ''))}\n")
    out.append(f"## {strings['timetable']} {{#timetable}}\n")
    out.append(f"| {strings['start']} | {strings['part']} | {strings['minutes']} |\n|---|---|---|")
    elapsed = 0
    for number, part in enumerate(meta.get("parts") or [], start=1):
        title = _md(part.get("title", ""))
        label = f"[{title}](#part-{number})" if page.anchors.get(f"part-{number}") else title
        if part.get("ref"):
            ref = str(part["ref"])
            label += f" — [[{ref}]]" if _ID.match(ref) else f" — {_md(ref)}"
        out.append(f"| {elapsed // 60}:{elapsed % 60:02d} | {label} | {_md(part.get('minutes', ''))} |")
        elapsed += int(part.get("minutes") or 0)
    out.append(f'\n<p class="kb-handout-link"><a href="{handout_href}">{html.escape(strings["handout_link"])}</a></p>\n')
    return "\n".join(out) + "\n"
