"""Every rule the build enforces, run once over the registry: a list of problems, never an exception."""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import os
from dataclasses import dataclass
import re

import fastjsonschema
import jsonschema

from . import frontmatter
from . import language_rules
from . import links
from . import procedures
from . import references
from . import self_assessment
from . import redirects
from . import safety
from . import vocabularies
from .diagnostics import ERROR, WARNING, Problem, did_you_mean

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas")   # hooks/schemas


def schema_types() -> list[str]:
    return sorted(name[:-5] for name in os.listdir(SCHEMA_DIR) if name.endswith(".json"))


@functools.lru_cache(maxsize=None)
def _validators(page_type: str):
    """(jsonschema's validator, which explains every error; fastjsonschema's compiled check, which only
    says yes or no, many times faster) for a page type's schema."""
    with open(os.path.join(SCHEMA_DIR, f"{page_type}.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft202012Validator(schema), fastjsonschema.compile(schema)


def schema_errors(page_type: str, meta: dict) -> list:
    """The schema errors of a header, in field order: the fast check first, the explained errors only for
    a header that fails it (most headers are valid)."""
    explained, fast = _validators(page_type)
    try:
        fast(meta)
        return []
    except fastjsonschema.JsonSchemaException:
        return sorted(explained.iter_errors(meta), key=lambda e: list(map(str, e.absolute_path)))


def _field_line(page, path: list) -> int:
    """The header line of a field ('location', 'lat'): its top-level key, then the innermost key."""
    top = path[0] if path else None
    line = frontmatter.key_line(page.text, top) if top else 2
    if len(path) > 1 and not path[-1].isdigit():
        line = frontmatter.key_line(page.text, path[-1], line)
    return line


def _schema_problem(page, error) -> Problem:
    path = [str(p) for p in error.absolute_path]
    line = _field_line(page, path)
    where = ".".join(path) or "header"
    see = f"see the {page.type} example in CONTRIBUTING.md"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        where_text = f" in '{where}'" if path else ""
        return Problem(page.path, line if path else 2, f"missing field '{missing}'{where_text}",
                       f"add '{missing}: …' to the header ({see})")
    if error.validator == "additionalProperties":
        extra = error.message.split("'")[1] if "'" in error.message else error.message
        line = frontmatter.key_line(page.text, extra, line)
        allowed = sorted((error.schema.get("properties") or {}).keys())
        return Problem(page.path, line, f"unknown field '{extra}'" + (f" in '{where}'" if path else ""),
                       did_you_mean(extra, allowed, what="fields"))
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        words = {"array": "a list ([a, b] or one '- item' per line)", "integer": "a whole number without spaces",
                 "number": "a number", "string": "text", "object": "a group of 'key: value' lines"}
        return Problem(page.path, line, f"field '{where}' must be {expected}, not {error.instance!r}",
                       f"write {words.get(str(expected), expected)}")
    if error.validator in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        bounds = (f"between {low} and {high}" if low is not None and high is not None
                  else f"at least {low}" if low is not None else f"at most {high}")
        return Problem(page.path, line, f"field '{where}' must be {bounds}, not {error.instance!r}",
                       f"write a number {bounds}")
    if error.validator == "minItems":
        return Problem(page.path, line, f"field '{where}' is empty", "add at least one entry")
    if error.validator == "pattern" and where.endswith(("reviewed", "law_as_of", "accessed")):
        return Problem(page.path, line, f"field '{where}' is not a date: {error.instance!r}",
                       "write the date as YYYY-MM-DD, e.g. 2026-11-29")
    if error.validator == "pattern" and where == "id":
        return Problem(page.path, line, f"id {error.instance!r} is not valid",
                       "use lowercase letters, digits and hyphens, e.g. stakeholder-mapping")
    if error.validator == "pattern" and where.endswith("url"):
        return Problem(page.path, line, f"'{where}' is not a web address: {error.instance!r}",
                       "write the full address starting with https://")
    return Problem(page.path, line, f"field '{where}': {error.message}", see)


# Rules of one page: each a small function (page, context) -> problems. A page that is empty or has no
# header gets only the first rules (what else could be said of it is noise).

def rule_empty(page, ctx) -> list[Problem]:
    if not page.meta and not page.body.strip():
        return [Problem(page.path, 1, "the page is empty", "write a header and some text, or delete the file")]
    return []


def rule_markup(page, ctx) -> list[Problem]:
    return safety.check(page, safety.renderer(ctx.registry.config))


def rule_header(page, ctx) -> list[Problem]:
    if not page.meta:
        return [Problem(page.path, 1, "the page has no header (front matter)",
                        "start the file with a '---' block with id, type and title (see CONTRIBUTING.md)")]
    if not page.body.strip():
        return [Problem(page.path, page.body_line, "the page has a header but no text",
                        "write the page's text below the header")]
    return []


def rule_schema(page, ctx) -> list[Problem]:
    page_type, types = page.meta.get("type"), schema_types()
    if page_type not in types:
        return [Problem(page.path, frontmatter.key_line(page.text, "type", 2), f"unknown page type {page_type!r}",
                        did_you_mean(str(page_type), types, what="page types"))]
    return [_schema_problem(page, error) for error in schema_errors(page_type, page.meta)
            if not _non_finite(error.instance)]   # non-finite numbers: reported once, by check_numbers


def rule_vocabularies(page, ctx) -> list[Problem]:
    vocab, problems = ctx.registry.vocab, []
    for field, vocab_name in vocabularies.FIELDS.items():
        values = page.meta.get(field)
        if values is None:
            continue
        allowed = vocab.keys(vocab_name)
        for value in values if isinstance(values, list) else [values]:
            if str(value) not in allowed:
                line = frontmatter.value_line(page.text, str(value), frontmatter.key_line(page.text, field))
                problems.append(Problem(page.path, line, f"unknown {field.replace('_', ' ')} {str(value)!r}",
                                        did_you_mean(str(value), allowed, what=f"keys of '{vocab_name}' in data/vocabularies.yml")))
    return problems


def rule_legal_basis_countries(page, ctx) -> list[Problem]:
    legal = page.meta.get("legal_basis")
    countries = ctx.registry.vocab.keys("countries")
    return [Problem(page.path, frontmatter.key_line(page.text, str(country), frontmatter.key_line(page.text, "legal_basis")),
                    f"unknown country {country!r} in legal_basis",
                    'use a key of \'countries\' in data/vocabularies.yml (write "NO" in quotes)')
            for country in (legal if isinstance(legal, dict) else {}) if str(country) not in countries]


def rule_population_band(page, ctx) -> list[Problem]:
    vocab = ctx.registry.vocab
    population, band = page.meta.get("population"), page.meta.get("population_band")
    if isinstance(population, int) and isinstance(band, str) and band in vocab.keys("population_bands"):
        expected = vocab.band_for(population)
        if expected and expected != band:
            return [Problem(page.path, frontmatter.key_line(page.text, "population_band"),
                            f"population_band {band!r} does not match population {population}",
                            f"write population_band: {expected}")]
    return []


def rule_checklist_items(page, ctx) -> list[Problem]:
    vocab, problems = ctx.registry.vocab, []
    for item in page.checklist:
        if item.phase and item.phase not in vocab.keys("phases"):
            problems.append(Problem(page.path, item.line + 1, f"unknown phase {item.phase!r} in checklist item '{item.local_id}'",
                                    did_you_mean(item.phase, vocab.keys("phases"), what="phases")))
        for country in item.laws:
            if country not in vocab.keys("countries"):
                problems.append(Problem(page.path, item.line, f"unknown country {country!r} in 'law {country}:'",
                                        f"use one of: {', '.join(vocab.keys('countries'))}"))
    return problems


def rule_heading_anchors(page, ctx) -> list[Problem]:
    return [Problem(page.path, line, f"heading '{title}' has no explicit anchor",
                    "end it with an anchor in English words, the same in every language, e.g. {#why}")
            for line, level, title, anchor in page.headings if level >= 2 and not anchor]


def rule_translated_from(page, ctx) -> list[Problem]:
    translated_from, codes = page.meta.get("translated_from"), ctx.registry.config.codes
    if translated_from is not None and translated_from not in codes:
        return [Problem(page.path, frontmatter.key_line(page.text, "translated_from"),
                        f"translated_from {translated_from!r} is not a language of the site",
                        did_you_mean(str(translated_from), codes, what="languages"))]
    return []


def rule_references(page, ctx) -> list[Problem]:
    return check_references(page, ctx.registry, ctx.links)


def rule_links(page, ctx) -> list[Problem]:
    return links.check(page, ctx.links)


def rule_anchors(page, ctx) -> list[Problem]:
    return check_anchors(page, ctx.registry)


def rule_numbers(page, ctx) -> list[Problem]:
    return check_numbers(page)


def rule_dates(page, ctx) -> list[Problem]:
    return check_dates(page, ctx.today)


def _period_years(period) -> tuple[int, int] | None:
    """'2019–2024' -> (2019, 2024); '2012' -> (2012, 2012); None when no year is given."""
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", str(period or ""))]
    return (min(years), max(years)) if years else None


def rule_statistics_age(page, ctx) -> list[Problem]:
    """A case's population figure is current or of the case's own years. Current: no older than the review
    period allows (with a review every 12 months, a page reviewed in 2026 shows a figure for 2024 or later,
    as statistics offices publish a year's figures the year after). Of the case's years: within its
    `period`, or up to two years before it starts (the latest figure when the work was planned). The fact
    box shows the figure's year either way. A warning: the fix is to look the figure up again."""
    source, reviewed = page.meta.get("population_source"), str(page.meta.get("reviewed") or "")
    year = source.get("year") if isinstance(source, dict) else None
    if not isinstance(year, int) or not _real_date(reviewed[:10]):
        return []
    oldest = int(reviewed[:4]) - max(1, ctx.registry.config.review_months // 12) - 1
    period = _period_years(page.meta.get("period"))
    if year >= oldest or (period and period[0] - 2 <= year <= period[1]):
        return []
    during = f" nor of the case's own years ({period[0] - 2}–{period[1]})" if period else ""
    return [Problem(page.path, frontmatter.key_line(page.text, "population_source"),
                    f"the population figure is from {year}: neither current ({oldest} or later for a page reviewed "
                    f"in {reviewed[:4]}){during}",
                    "give the latest figure, or one for the case's years, with its year and source (GUS Bank Danych "
                    "Lokalnych, SSB table 07459)", WARNING)]


# (rule, applies to a page without a header)
PAGE_RULES = (
    (rule_empty, True), (rule_markup, True), (rule_header, True),
    (rule_schema, False), (rule_vocabularies, False), (rule_legal_basis_countries, False),
    (rule_population_band, False), (rule_checklist_items, False), (rule_heading_anchors, False),
    (rule_translated_from, False), (rule_references, True), (rule_links, True), (rule_anchors, True),
    (rule_numbers, True), (rule_dates, True), (rule_statistics_age, False),
)


def check_page(page, registry, ctx=None) -> list[Problem]:
    """Every page rule, in the order of PAGE_RULES (an empty page gets only that problem)."""
    ctx = ctx or Context(registry, links.Index(registry), None)
    empty = rule_empty(page, ctx)
    if empty:
        return empty
    problems = []
    for rule, without_header in PAGE_RULES[1:]:
        if page.meta or without_header:
            problems += rule(page, ctx)
    return problems


@dataclass(frozen=True)
class Context:
    """What page rules may look at besides the page."""
    registry: object
    links: links.Index
    today: dt.date | None


def check_references(page, registry, index: links.Index | None = None) -> list[Problem]:
    index = index or links.Index(registry)
    problems = [Problem(page.path, line, "a [[reference]] that does not end on this line",
                        "write the whole [[id|text]] on one line (it would show as raw text)")
                for line in references.unfinished(page.body, page.body_line)]
    for ref in page.refs:
        if ref.glossary:
            if ref.target not in registry.glossary.terms:
                problems.append(Problem(page.path, ref.line, f"unknown glossary term '{ref.target}'",
                                        did_you_mean(ref.target, registry.glossary.terms, what="glossary ids in data/glossary.yml")))
            continue
        if ref.target not in registry.versions and ref.target not in registry.virtual:
            known = set(registry.versions) | set(registry.virtual)
            problems.append(Problem(page.path, ref.line, f"reference to unknown id '{ref.target}'",
                                    did_you_mean(ref.target, known, what="page ids")))
            continue
        problem = reference_target(page, registry, index, ref)
        if problem is not None:
            problems.append(problem)
    for field, must_be in (("related", None), ("methods", "guide")):
        for target in page.meta.get(field) or [] if isinstance(page.meta.get(field), list) else []:
            def line(target=target, field=field):
                return frontmatter.value_line(page.text, str(target), frontmatter.key_line(page.text, field))
            if target not in registry.versions:
                problems.append(Problem(page.path, line(), f"'{field}' names unknown id '{target}'",
                                        did_you_mean(str(target), registry.versions, what="page ids")))
            elif must_be and registry.source(target).type != must_be:
                problems.append(Problem(page.path, line(), f"'{field}' names '{target}', which is not a {must_be}",
                                        f"list only {must_be} ids under '{field}'"))
    return problems


def reference_target(page, registry, index: links.Index, ref):
    """[[id]] becomes a link to the page's file: the page must exist in every language that renders the
    referring page (its own version or the default language's), and have the anchor."""
    if ref.target in registry.virtual:
        target = registry.virtual[ref.target]
    else:
        versions = registry.by_base.get(registry.base_of(ref.target)) or registry.versions[ref.target]
        absent = [lang for lang in index.builds(page) if index.chosen(versions, lang) is None]
        if absent:
            return Problem(page.path, ref.line, f"reference to '{ref.target}', a page "
                           f"{links.without_language(index, versions, absent[0])}", links.add_default_version(index, versions))
        target = index.chosen(versions, page.lang)
    if ref.anchor and not index.has_anchor(target, ref.anchor):
        written = (index.written_anchors(target) | {item.id for item in target.checklist}
                   if hasattr(target, "body") else set(target.anchors))
        fix = (did_you_mean(ref.anchor, written, what=f"anchors of '{ref.target}'") if written
               else f"link to the whole page: [[{ref.target}]]")
        return Problem(page.path, ref.line, f"'{ref.target}' has no anchor '#{ref.anchor}'", fix)
    return None


def _non_finite(value) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def check_numbers(page) -> list[Problem]:
    """No NaN or infinity anywhere in the header: they pass the schemas' bounds and end up in the JSON
    exports (NaN is not JSON) and on the map."""
    try:
        json.dumps(page.meta, allow_nan=False, default=str)   # fast: finds no NaN in almost every page
        return []
    except ValueError:
        pass
    problems = []
    stack = [([], page.meta)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float):
            if not math.isfinite(value):
                problems.append(Problem(page.path, _field_line(page, path), f"field '{'.'.join(path)}' is not a number: {value!r}",
                                        "write a finite number, e.g. 52.23"))
        elif isinstance(value, dict):
            stack += [(path + [str(k)], v) for k, v in value.items() if not isinstance(v, str)]
        elif isinstance(value, list):
            stack += [(path + [str(n)], v) for n, v in enumerate(value) if not isinstance(v, str)]
    return problems


DATE_FIELDS = ("reviewed", "law_as_of")   # and 'accessed' of each source
DATE_SHAPE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _real_date(text: str) -> bool:
    """'2026-11-29' or '2026-11' (law_as_of) is a date of the calendar ('2026-02-30' is not)."""
    try:
        dt.date.fromisoformat(text if len(text) == 10 else text + "-01")
        return True
    except ValueError:
        return False


def check_dates(page, today: dt.date | None = None) -> list[Problem]:
    """Dates in the header are real calendar dates; 'reviewed' is not in the future (it would top What's
    new and the feed). One day of leeway: the date of a reviewer east of the build's clock."""
    today = today or dt.date.today()
    problems = []
    dated = [([name], page.meta.get(name)) for name in DATE_FIELDS]
    sources = page.meta.get("sources")
    for number, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict):
            dated.append((["sources", str(number), "accessed"], source.get("accessed")))
    for path, value in dated:
        if not isinstance(value, str) or not DATE_SHAPE.match(value):
            continue   # missing, or not written as a date: the schema says so
        if not _real_date(value):
            # the words of yaml_load's problem for an unquoted impossible date: the same mistake, one line
            line = _field_line(page, path) if len(path) == 1 else \
                frontmatter.value_line(page.text, value, _field_line(page, path))
            problems.append(Problem(page.path, line, f"'{path[-1]}' is not a real date: {value}",
                                    "write the date as YYYY-MM-DD"))
        elif path == ["reviewed"] and dt.date.fromisoformat(value) > today + dt.timedelta(days=1):
            problems.append(Problem(page.path, _field_line(page, path), f"'reviewed' is in the future: {value}",
                                    "write the date the page was last reviewed"))
    return problems



def check_anchors(page, registry) -> list[Problem]:
    """Heading anchors are unique in a page, and none takes the anchor of a section the build adds to
    it (two elements with one id: links and the table of contents go to the first)."""
    problems = []
    taken = links.sections_of(page, registry.vocab.keys("topics"))
    seen: dict = {}
    for line, level, title, anchor in page.headings:
        if not anchor:
            continue
        if anchor in seen:
            problems.append(Problem(page.path, line, f"anchor '#{anchor}' is used twice in this page (also line {seen[anchor]})",
                                    "give every heading its own anchor"))
            continue
        seen[anchor] = line
        if anchor in taken:
            problems.append(Problem(page.path, line, f"anchor '#{anchor}' is the anchor of the {taken[anchor]} section "
                                    "the build adds to this page", "choose another anchor for this heading"))
    return problems


def check_languages(registry) -> list[Problem]:
    """Every page has a version in the default language: it is the one the other languages fall back to,
    and without it the default-language site (and every language without a version) has no page there."""
    default = registry.config.default_language
    problems = []
    for base, versions in registry.by_base.items():
        if default in versions:
            continue
        for page in versions.values():
            problems.append(Problem(page.path, 1, f"the page has no {registry.config.language_name(default)} version "
                                    f"(docs/{base[:-3]}.{default}.md)",
                                    f"write docs/{base[:-3]}.{default}.md: the {registry.config.language_name(default)} "
                                    "version is the one every language falls back to"))
    return problems


def check_reserved(registry) -> list[Problem]:
    """Ids and files of the pages the build generates (glossary, checklists, What's new, …) are taken."""
    problems = []
    by_base = {v.base: v for v in registry.virtual.values()}
    for page in registry.pages:
        virtual = registry.virtual.get(page.id) if page.id else None
        if virtual is not None:
            problems.append(Problem(page.path, frontmatter.key_line(page.text, "id"),
                                    f"id '{page.id}' is the id of a page the build generates ({virtual.base})",
                                    "choose another id"))
        virtual = by_base.get(page.base)
        if virtual is not None:
            problems.append(Problem(page.path, 1, f"this file takes the place of the generated page '{virtual.id}' "
                                    f"({virtual.base})", "rename or move the file"))
    return problems


def check_groups(registry) -> list[Problem]:
    """Rules across pages: unique ids, the same id in every language version, structure parity."""
    problems = []
    first_base: dict = {}
    for page in registry.pages:
        if not page.id:
            continue
        key = (page.id, page.lang)
        if key in first_base and first_base[key].base != page.base:
            other = first_base[key]
            problems.append(Problem(page.path, frontmatter.key_line(page.text, "id"),
                                    f"duplicate id '{page.id}' (also in {other.path})",
                                    "give this page its own id; ids are unique across the site"))
        first_base.setdefault(key, page)
    for base, versions in registry.by_base.items():
        ids = {lang: page.id for lang, page in versions.items() if page.id}
        if len(set(ids.values())) > 1:
            reference_lang = registry.config.default_language if registry.config.default_language in ids else sorted(ids)[0]
            for lang, page_id in ids.items():
                if page_id != ids[reference_lang]:
                    page = versions[lang]
                    problems.append(Problem(page.path, frontmatter.key_line(page.text, "id"),
                                            f"id '{page_id}' differs from '{ids[reference_lang]}' in {versions[reference_lang].path}",
                                            f"use the same id in every language version: id: {ids[reference_lang]}"))
    for page_id, versions in registry.versions.items():
        sources = [p for p in versions.values() if not p.meta.get("translated_from")]
        if len(sources) > 1:
            for page in sources[1:]:
                problems.append(Problem(page.path, 2, f"more than one version of '{page_id}' is marked as the source",
                                        f"add 'translated_from: {sources[0].lang}' to the translation"))
        source = registry.source(page_id)
        src_anchors = set(source.anchors)
        src_items = {i.local_id: i for i in source.checklist}
        for page in versions.values():
            if page is source:
                continue
            missing = sorted(src_anchors - set(page.anchors))
            extra = sorted(set(page.anchors) - src_anchors)
            if missing:
                problems.append(Problem(page.path, page.body_line, f"headings with anchors {', '.join('#' + a for a in missing)} "
                                        f"of {source.path} are missing",
                                        "give the translation the same sections, with the same {#anchors}"))
            for anchor in extra:
                problems.append(Problem(page.path, page.anchors[anchor], f"anchor '#{anchor}' is not in {source.path}",
                                        "use the anchors of the source version (anchors are not translated)"))
            items = {i.local_id: i for i in page.checklist}
            missing_items = sorted(set(src_items) - set(items))
            if missing_items:
                problems.append(Problem(page.path, page.body_line, f"checklist items {', '.join(missing_items)} of {source.path} are missing",
                                        "every language version has the same checklist item ids"))
            for local_id, item in items.items():
                if local_id not in src_items:
                    problems.append(Problem(page.path, item.line, f"checklist item '{local_id}' is not in {source.path}",
                                            "use the item ids of the source version (ids are not translated)"))
                elif item.phase != src_items[local_id].phase:
                    problems.append(Problem(page.path, item.line, f"checklist item '{local_id}' has phase {item.phase!r}, "
                                            f"the source has {src_items[local_id].phase!r}",
                                            "use the same phase in every language"))
    return problems


def warnings(registry, today: dt.date | None = None) -> list[Problem]:
    """Editorial warnings: they fail only with --strict."""
    today = today or dt.date.today()
    months = registry.config.review_months
    out = []
    linked_cases = set()
    for page in registry.pages:
        if page.type == "guide":
            linked_cases |= {ref.target for ref in page.refs} | set(page.meta.get("related") or [])
    for page in registry.pages:
        reviewed = page.meta.get("reviewed")
        if isinstance(reviewed, str) and len(reviewed) == 10:
            try:
                date = dt.date.fromisoformat(reviewed)
            except ValueError:
                date = None
            if date and (today.year - date.year) * 12 + (today.month - date.month) - (today.day < date.day) >= months:
                out.append(Problem(page.path, frontmatter.key_line(page.text, "reviewed"),
                                   f"last reviewed {reviewed}, more than {months} months ago",
                                   "check the page against its sources and set 'reviewed' to today's date", WARNING))
        for index, source in enumerate(page.meta.get("sources") or [] if isinstance(page.meta.get("sources"), list) else []):
            if isinstance(source, dict) and not source.get("url") and not source.get("reference"):
                out.append(Problem(page.path, frontmatter.value_line(page.text, str(source.get("title", "")), frontmatter.key_line(page.text, "sources")),
                                   f"source '{source.get('title', index + 1)}' has neither a URL nor a reference",
                                   "add 'url: https://…' or 'reference: publisher, year, pages'", WARNING))
        if page.type == "guide" and not page.checklist and not page.meta.get("translated_from"):
            out.append(Problem(page.path, page.body_line, f"guide '{page.id}' has no checklist",
                               "add a '## Checklist {#checklist}' section with items (see CONTRIBUTING.md)", WARNING))
        if page.type == "case" and not page.meta.get("translated_from") and page.id not in linked_cases:
            out.append(Problem(page.path, frontmatter.key_line(page.text, "id"), f"case '{page.id}' is not linked from any guide",
                               f"mention it as [[{page.id}]] in the examples of the guides it illustrates", WARNING))
    return out


# Rules across pages: each (registry) -> problems
SITE_RULES = (check_groups, check_languages, check_reserved, redirects.check, language_rules.check, procedures.check,
              self_assessment.check)


def run(registry, *, include_warnings: bool = True, today: dt.date | None = None, drafts: bool = False) -> list[Problem]:
    """The problems of the whole knowledge base: reading, every page rule, every site rule (and the
    editorial warnings). The strict build and `kb.py check` run exactly this. drafts=True (a preview:
    `make serve`, a build without --strict) lets pages with TODO placeholders through as warnings;
    otherwise they are errors, so that a page made by `kb.py new` is never published unfinished."""
    problems = list(registry.problems)
    ctx = Context(registry, links.Index(registry), today)
    for page in registry.pages:
        problems += check_page(page, registry, ctx)
    for rule in SITE_RULES:
        problems += rule(registry)
    if include_warnings or not drafts:
        problems += placeholders(registry, WARNING if drafts else ERROR)
    if include_warnings:
        problems += warnings(registry, today)
    return problems


def placeholders(registry, severity) -> list[Problem]:
    """Pages that still hold the TODO placeholders of `kb.py new`'s templates, each at its first TODO."""
    out = []
    for page in registry.pages:
        todo = next((n for n, line in enumerate(page.text.split("\n"), 1) if "TODO" in line), None)
        if todo:
            out.append(Problem(page.path, todo, "the page still has TODO placeholders",
                               "replace every TODO with real content (from `kb.py new`'s template); "
                               "`make serve` shows the page meanwhile", severity))
    return out
