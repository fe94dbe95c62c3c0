"""Read docs/ once into one registry of all pages in all languages.

static-i18n builds the site once per language; the registry is built once per build (or once per
`kb.py` run) and shared by every language.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from types import MappingProxyType

from . import case_map
from . import frontmatter
from . import glossary as glossary_mod
from . import markdown_text
from . import procedures as procedures_mod
from . import references
from . import self_assessment as self_assessment_mod
from . import text_files
from . import vocabularies
from .diagnostics import Problem
from .site_config import SiteConfig
from .urls import SiteUrls

_LANG_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")


@dataclass(frozen=True, eq=False)
class Page:
    path: str          # as shown in messages: relative to the project root
    src: str           # relative to docs/, with the language suffix
    base: str          # relative to docs/, without the language suffix ("participation/x.md")
    lang: str
    text: str
    meta: dict
    body: str
    body_line: int
    anchors: dict = field(default_factory=dict)      # explicit heading anchor -> line
    headings: list = field(default_factory=list)     # (line, level, title, anchor or None)
    refs: list = field(default_factory=list)         # references.Ref
    checklist: list = field(default_factory=list)    # checklists.Item

    @property
    def id(self) -> str:
        return str(self.meta.get("id") or "")

    @property
    def type(self) -> str:
        return str(self.meta.get("type") or "page")

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)

    urls: SiteUrls = field(default_factory=SiteUrls, repr=False, compare=False)

    @property
    def url(self) -> str:
        """URL relative to the language's root in the site's style ('participation/x/', '' for the home
        page; 'participation/x.html' in the offline copy)."""
        return self.urls.page(self.base)


@dataclass(frozen=True, eq=False)
class Virtual:
    """A page the build generates (checklists, glossary, status): it can be referenced by id."""
    id: str
    type: str
    base: str
    titles: dict
    anchors: set = field(default_factory=set)
    urls: SiteUrls = field(default_factory=SiteUrls, repr=False, compare=False)

    @property
    def url(self) -> str:
        return self.urls.page(self.base)


@dataclass(frozen=True, eq=False)
class Registry:
    """Read-only once loaded: model.load returns it complete (pages, data, generated pages, problems)."""
    config: SiteConfig
    vocab: vocabularies.Vocabularies
    glossary: glossary_mod.Glossary
    pages: tuple
    versions: MappingProxyType            # id -> {lang: Page}
    by_base: MappingProxyType             # base -> {lang: Page}
    virtual: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))   # id -> Virtual
    problems: tuple = ()
    strings: object = None                # strings.Strings: the interface strings (set by model.load)
    procedures: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))   # id -> procedures.Procedure
    self_assessment: object = None        # self_assessment.SelfAssessment, or None without data/self-assessment.yml

    def page(self, page_id: str, lang: str):
        """The page for an id in a language, or the default-language page if not translated."""
        versions = self.versions.get(page_id) or {}
        return versions.get(lang) or versions.get(self.config.default_language) or next(iter(versions.values()), None)

    def title(self, page_id: str, lang: str) -> str:
        if page_id in self.virtual:
            titles = self.virtual[page_id].titles
            return titles.get(lang) or titles.get(self.config.default_language) or page_id
        page = self.page(page_id, lang)
        return page.title if page else page_id

    def base_of(self, page_id: str) -> str | None:
        if page_id in self.virtual:
            return self.virtual[page_id].base
        page = self.page(page_id, self.config.default_language)
        return page.base if page else None

    def source(self, page_id: str):
        """The version other versions are translated from (the one without translated_from)."""
        versions = self.versions.get(page_id) or {}
        for page in versions.values():
            if not page.meta.get("translated_from"):
                return page
        return versions.get(self.config.default_language) or next(iter(versions.values()), None)

    def of_type(self, page_type: str, lang: str | None = None) -> list:
        lang = lang or self.config.default_language
        out = []
        for page_id, versions in self.versions.items():
            page = self.page(page_id, lang)
            if page is not None and page.type == page_type:
                out.append(page)
        return sorted(out, key=lambda p: p.base)


def split_suffix(filename: str, languages) -> tuple[str, str | None, str | None]:
    """('stakeholder-mapping.pl.md') -> ('stakeholder-mapping.md', 'pl', problem text or None)."""
    stem = filename[:-3]
    name, dot, suffix = stem.rpartition(".")
    if dot and suffix in languages:
        return name + ".md", suffix, None
    if dot and _LANG_LIKE.match(suffix):
        return name + ".md", None, f"unknown language suffix '.{suffix}'"
    return filename, None, "the file name has no language suffix"


def scan(config: SiteConfig) -> Registry:
    """Read every page of docs/ and the data files: one pass, all languages."""
    from . import checklists  # local: checklists imports registry types

    problems: list[Problem] = []
    vocab, vocab_problems = vocabularies.load(config.data_dir, config.codes)
    problems += vocab_problems
    gloss, gloss_problems = glossary_mod.load(config.data_dir, config.codes)
    problems += gloss_problems
    procs, proc_problems = procedures_mod.load(config.data_dir, config.codes)
    problems += proc_problems
    assessment, assessment_problems = self_assessment_mod.load(config.data_dir, config.codes)
    problems += assessment_problems

    pages: list[Page] = []
    codes = config.codes
    suffixes = " or ".join(f".{c}.md" for c in codes)
    for full, trouble in text_files.walk(config.docs_dir, config.root):
        if trouble:
            problems.append(trouble)
            continue
        filename = os.path.basename(full)
        if not filename.endswith(".md"):
            continue
        src = os.path.relpath(full, config.docs_dir).replace(os.sep, "/")
        path = os.path.relpath(full, config.root).replace(os.sep, "/")
        base_name, lang, suffix_trouble = split_suffix(filename, codes)
        if suffix_trouble:
            problems.append(Problem(path, 1, suffix_trouble,
                                    f"rename it with one of the language suffixes {suffixes}"))
            continue
        text, read_problem = text_files.read(full, path)
        if read_problem:
            problems.append(read_problem)   # the page is left out; the problem fails the build
            continue
        meta, body, body_line, parse_problems = frontmatter.parse(path, text)
        problems += parse_problems
        base = os.path.join(os.path.dirname(src), base_name).replace(os.sep, "/").lstrip("./") \
            if os.path.dirname(src) else base_name
        headings = list(markdown_text.headings(body, body_line))
        anchors: dict = {}
        for line, level, title, anchor in headings:
            if anchor:
                anchors.setdefault(anchor, line)
        page = Page(path=path, src=src, base=base, lang=lang, text=text, meta=meta, body=body, urls=config.urls,
                    body_line=body_line, headings=headings, anchors=anchors, refs=references.find(body, body_line))
        items, item_problems = checklists.extract(page)
        problems += item_problems
        pages.append(dataclasses.replace(page, checklist=items))

    problems += glossary_mod.missing_problems(gloss, sum(ref.glossary for page in pages for ref in page.refs))
    problems += case_map.geo_problems(config.data_dir, needed=any(page.meta.get("lists") == "cases" for page in pages))

    versions: dict = {}
    by_base: dict = {}
    for page in pages:
        by_base.setdefault(page.base, {})[page.lang] = page
        if page.id:
            versions.setdefault(page.id, {})
            if page.lang in versions[page.id]:
                continue  # reported as a duplicate id by the validator
            versions[page.id][page.lang] = page
    return Registry(config=config, vocab=vocab, glossary=gloss, pages=tuple(pages), versions=MappingProxyType(versions),
                    by_base=MappingProxyType(by_base), problems=tuple(problems), procedures=MappingProxyType(procs),
                    self_assessment=assessment)
