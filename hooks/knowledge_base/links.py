"""Markdown links between pages and their anchors, checked the way the build resolves them.

MkDocs resolves a relative link against the linking file (docs/participation/a.pl.md links to
'other.md' = docs/participation/other.md) and fails a strict build on a target that is not a file of the
site, or an anchor the target page does not have. static-i18n then picks, per language build, the file
for each page: that language's version, or the default language's (fallback_to_default). Both are
reproduced here, on the registry's indexes (by base, by id), so that `kb.py check` refuses every link
the build refuses, with its line:

* `other.md` is a page if the target has a version in every language that renders the linking page,
  or a version in the default language (the fallback);
* `other.pl.md` names one file: it works only where that file is the one the build uses;
* generated pages (registry.virtual: glossary, checklists, …) and files under docs/ (images) are
  targets too; links with a scheme (https:, mailto:) and absolute links are left alone;
* anchors of a page: its headings' {#anchors}, other ids in its text, its checklist items and the
  anchors of the sections the build adds to it (SECTIONS below, from page_sections.py).

Links in code (fenced blocks, `spans`) and in HTML comments are not links.
"""
from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from . import markdown_text
from . import paths
from . import registry as registry_mod
from .diagnostics import Problem, closest, did_you_mean

# Bounded, and no pattern can scan past the next opening character: linear on any line, however hostile.
INLINE = re.compile(r"\]\(\s*(<[^<>\n]{0,2000}>|[^\s)]*)")        # [text](url "title"), ![alt](src)
DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\[\]]{1,1000}\]:\s*(<[^<>\n]{0,2000}>|\S+)")   # [label]: url
_ATTR_ID = re.compile(r"\{:?[^{}\n#]{0,300}#([A-Za-z0-9_.:-]{1,200})[^{}\n]{0,300}\}")
_HTML_ID = re.compile(r"<[a-zA-Z][^<>]{0,1000}?\s(?:id|name)\s*=\s*[\"']([^\"'<>]{1,200})[\"']")
_FOOTNOTE = re.compile(r"\[\^([^\[\]\s^]{1,100})\]")

# The sections the build adds around a page's text (placed by compose.page_markdown, written by
# page_sections.py) and the anchors they bring: name -> anchors. A heading may not take these anchors
# on a page that can get the section; links may use them where the section is present (see present()).
SECTIONS = {
    "fact box": ("fact-box",),                        # page_sections.fact_box: case studies
    "workshop header": ("objectives", "timetable"),   # page_sections.workshop_header: workshop packs
    "guides in the topic": ("guides",),               # page_sections.topic_lists: topic pages
    "cases in the topic": ("cases",),
    "case browser": ("browse", "map", "all"),         # compose.case_library: a page with 'lists: cases' …
    "cases by topic": ("topic-{topic}",),             # … and page_sections.case_index, one per topic
    "used in cases": ("used-in",),                    # page_sections.backlinks_section
    "linked from": ("linked-from",),
    "sources": ("sources",),                          # page_sections.sources_section
}
BACKLINK_TYPES = ("guide", "case", "topic", "workshop")


def sections_of(page, topics=()) -> dict:
    """The sections the build may add to this page: {anchor: section name} (whether or not they have
    content yet). topics: the topic keys (for the 'cases by topic' anchors)."""
    names = []
    if page.type == "case":
        names.append("fact box")
    if page.type == "workshop":
        names.append("workshop header")
    if page.type == "topic":
        names += ["guides in the topic", "cases in the topic"]
    if page.meta.get("lists") == "cases":
        names += ["case browser", "cases by topic"]
    if page.type in BACKLINK_TYPES:
        names += ["used in cases", "linked from"]
    if page.meta.get("sources") or page.meta.get("legal_basis"):
        names.append("sources")
    out = {}
    for name in names:
        for anchor in SECTIONS[name]:
            for a in ([anchor.format(topic=t) for t in topics] if "{topic}" in anchor else [anchor]):
                out[a] = name
    return out


def blank_code_spans(line: str) -> str:
    """The line with its `code spans` blanked (same length)."""
    return markdown_text.strip_inline_code(line)


def lines_with(body: str, first_line: int, needles: tuple):
    """(line number, text) of the lines containing one of the needles, outside fenced code and HTML
    comments, with inline code blanked. A page without fences or comments (most pages) is searched with
    str.find alone: only the lines with a needle are looked at."""
    if "```" in body or "~~~" in body or "<!--" in body:
        yield from _lines_with_code(body, first_line, needles)
        return
    starts = set()
    for needle in needles:
        pos = body.find(needle)
        while pos >= 0:
            start = body.rfind("\n", 0, pos) + 1
            starts.add(start)
            end = body.find("\n", pos)
            pos = body.find(needle, end) if end >= 0 else -1
    number, last = first_line, 0
    for start in sorted(starts):
        number += body.count("\n", last, start)
        last = start
        end = body.find("\n", start)
        line = body[start:] if end < 0 else body[start:end]
        yield number, blank_code_spans(line) if "`" in line else line


def _lines_with_code(body: str, first_line: int, needles: tuple):
    in_comment = False
    for number, line in markdown_text.lines_outside_code(body, first_line):
        if in_comment or "<!--" in line:
            kept, rest = [], line
            while rest:
                if in_comment:
                    end = rest.find("-->")
                    if end < 0:
                        break
                    in_comment, rest = False, rest[end + 3:]
                else:
                    start = rest.find("<!--")
                    if start < 0:
                        kept.append(rest)
                        break
                    kept.append(rest[:start])
                    in_comment, rest = True, rest[start + 4:]
            line = " ".join(kept)
        if any(n in line for n in needles):
            yield number, blank_code_spans(line) if "`" in line else line


def find(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Every link target written in the text: [(line, url)]."""
    if "](" not in body and "]:" not in body:
        return []
    out = []
    for number, line in lines_with(body, first_line, ("](", "]:")):
        if "](" in line:
            out += [(number, m.group(1).strip("<>")) for m in INLINE.finditer(line)]
        if "]:" in line:
            match = DEFINITION.match(line)
            if match:
                out.append((number, match.group(1).strip("<>")))
    return out


class Index:
    """What links can point to, from the registry's indexes; built once per check, filled lazily."""

    def __init__(self, registry):
        self.registry = registry
        self.config = registry.config
        self.default = registry.config.default_language
        self.codes = registry.config.codes
        self.virtual_by_base = {v.base: v for v in registry.virtual.values()}
        self._anchors: dict = {}
        self._files: dict = {}
        self._backlinks = None
        self._topic_content: dict = {}
        self._generated_files = None
        self._suggestions: dict = {}
        self._folders = None

    # -- which file each language build uses -----------------------------------------------------------
    def builds(self, page) -> tuple:
        """The languages whose build renders this file: its own, and for a default-language file every
        language without its own version (the fallback)."""
        if page.lang != self.default:
            return (page.lang,)
        versions = self.registry.by_base.get(page.base) or {}
        return tuple(c for c in self.codes if c == self.default or c not in versions)

    def chosen(self, versions: dict, lang: str):
        return versions.get(lang) or versions.get(self.default)

    # -- anchors ---------------------------------------------------------------------------------------
    def has_anchor(self, page, anchor: str) -> bool:
        """Does the built page (a registry page or a Virtual) have this id? Heading anchors first: the
        rest of the page is read only for the few links that need it."""
        if anchor in page.anchors:
            return True
        if not hasattr(page, "body"):
            return False
        return anchor in self.anchors(page)

    def anchors(self, page) -> set:
        """Every id of the built page that a link may point to."""
        if not hasattr(page, "body"):
            return set(page.anchors)
        key = id(page)
        if key not in self._anchors:
            self._anchors[key] = self.written_anchors(page) | {i.id for i in page.checklist} | \
                {f"kb-cb-{i.id}" for i in page.checklist} | self.generated_anchors(page)
        return self._anchors[key]

    @staticmethod
    def written_anchors(page) -> set:
        """Ids from the page's own text: heading anchors, attribute lists, HTML ids, footnotes and the
        automatic ids of headings without an explicit anchor."""
        out = set(page.anchors)
        for number, line in lines_with(page.body, page.body_line, ("{", "<", "[^")):
            if "{" in line:
                out |= set(_ATTR_ID.findall(line))
            if "<" in line:
                out |= set(_HTML_ID.findall(line))
            if "[^" in line:
                for label in _FOOTNOTE.findall(line):
                    out |= {f"fn:{label}", f"fnref:{label}"}
        untitled = [title for _, _, title, anchor in page.headings if not anchor]
        if untitled:
            from markdown.extensions.toc import slugify
            out |= {slugify(title, "-") for title in untitled}
        return out

    def generated_anchors(self, page) -> set:
        """The anchors of the sections the build adds to this page that have content in its language."""
        return {a for a, name in sections_of(page, self.registry.vocab.keys("topics")).items()
                if self.present(name, page, a)}

    def present(self, name: str, page, anchor: str) -> bool:
        """Does the build add this section to this page (in the page's language)? Mirrors
        compose.page_markdown and the 'if' of each page_sections function."""
        if name in ("used in cases", "linked from"):
            links = self.backlinks().get(page.id) or {}
            return bool(links.get("cases" if name == "used in cases" else "guides"))
        if name in ("guides in the topic", "cases in the topic"):
            guide_topics, case_topics = self.topic_content(page.lang)
            return page.id in (guide_topics if name == "guides in the topic" else case_topics)
        if name == "cases by topic":
            return anchor[len("topic-"):] in self.topic_content(page.lang)[1]
        return True

    def backlinks(self) -> dict:
        if self._backlinks is None:
            from . import page_sections
            self._backlinks = page_sections.compute_backlinks(self.registry)
        return self._backlinks

    def topic_content(self, lang: str) -> tuple[set, set]:
        """(topics that are the first topic of a guide, topics of a case) in one language."""
        if lang not in self._topic_content:
            guides, cases = set(), set()
            for page_id in self.registry.versions:
                page = self.registry.page(page_id, lang)
                topics = page.meta.get("topics") if isinstance(page.meta.get("topics"), list) else []
                if page.type == "guide" and topics:
                    guides.add(str(topics[0]))
                if page.type == "case":
                    cases |= {str(t) for t in topics}
            self._topic_content[lang] = (guides, cases)
        return self._topic_content[lang]

    # -- files that are not pages ----------------------------------------------------------------------
    def is_file(self, rel: str, langs) -> bool:
        """A file under docs/ (an image), as static-i18n finds it: 'x.png', 'x.<lang>.png'."""
        stem, ext = posixpath.splitext(rel)
        names = [rel] + [f"{stem}.{lang}{ext}" for lang in (*langs, self.default)]
        for name in names:
            if name not in self._files:
                self._files[name] = os.path.isfile(os.path.join(self.config.docs_dir, name))
            if self._files[name]:
                return True
        return False

    def generated_file(self, rel: str, lang: str) -> bool:
        """A file the build writes that is not a page: exports, feed, checklist downloads, redirects."""
        if self._generated_files is None:
            from . import exports
            from . import generated_pages
            from . import redirects
            names = {generated_pages.FEED_NAME} | self._export_names(exports)
            for page_id, versions in self.registry.versions.items():
                names.add(f"{redirects.SHORT_PREFIX}{page_id}/index.html")
                for page in versions.values():
                    moved = page.meta.get("moved_from")
                    names |= {redirects.normalise_path(m) + "index.html" for m in moved if isinstance(m, str)} \
                        if isinstance(moved, list) else set()
            per_lang = {}
            for v in self.registry.virtual.values():
                if v.type == "checklist" and v.id.startswith("checklists-"):
                    slug = v.id[len("checklists-"):]
                    for code in self.codes:
                        per_lang.setdefault(code, set()).update(
                            f"checklists/{slug}/{generated_pages.download_name(slug, code, ext)}" for ext in ("csv", "json"))
            self._generated_files = (names, per_lang)
        names, per_lang = self._generated_files
        return rel in names or rel in per_lang.get(lang, ()) or ("api/" in names and rel.startswith("api/"))

    def _export_names(self, exports) -> set:
        """The names of api/*: asked of exports.api_files with no pages (their content, and whatever a
        hostile header holds, does not matter here)."""
        from types import SimpleNamespace
        empty = SimpleNamespace(config=self.config, vocab=self.registry.vocab, of_type=lambda *a, **k: [],
                                glossary=SimpleNamespace(terms={}))
        try:
            return set(exports.api_files(empty, self.default, {}, [], ""))
        except Exception:  # noqa: BLE001 - exports changed shape: accept its folder rather than fail here
            return {"api/"}

    # -- pages -----------------------------------------------------------------------------------------
    SUGGESTIONS = 50   # 'did you mean' for this many different broken links; a page of thousands stays fast

    def base_suggestion(self, page, target: str) -> str:
        """'did you mean …' among the pages of the target's folder (else all pages), as a path relative to
        the linking file."""
        if target not in self._suggestions:
            near = []
            if len(self._suggestions) < self.SUGGESTIONS:
                if self._folders is None:
                    self._folders = {}
                    for base in (*self.registry.by_base, *self.virtual_by_base):
                        self._folders.setdefault(posixpath.dirname(base), []).append(base)
                bases = self._folders.get(posixpath.dirname(target)) or [b for f in self._folders.values() for b in f]
                near = closest(target, bases, n=1)
            self._suggestions[target] = near[0] if near else None
        near = self._suggestions[target]
        if near:
            return f"did you mean '{paths.relpath(near, posixpath.dirname(page.src) or '.')}'?"
        return ("check the path: it is relative to this file; or link by id, [[page-id]], which never breaks "
                "when a page moves")

    def language_name(self, code: str) -> str:
        return self.config.language_name(code)


# -- the rules -----------------------------------------------------------------------------------------

def check(page, index: Index) -> list[Problem]:
    """Every Markdown link of a page: its target exists in each language that renders the page, and so
    does its anchor."""
    problems = []
    for line, url in find(page.body, page.body_line):
        problem = check_link(page, index, line, url)
        if problem is not None:
            problems.append(problem)
    return problems


def check_link(page, index: Index, line: int, url: str):
    try:
        parts = urlsplit(url)
    except ValueError:
        return Problem(page.path, line, f"link '{url}' is not a valid address", "check the brackets and the address")
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")):
        return None     # another site, mailto:, or an absolute link (MkDocs leaves those alone)
    path, anchor = unquote(parts.path), parts.fragment
    if not path:
        if anchor and not index.has_anchor(page, anchor):
            return missing_anchor(page, index, line, url, page, anchor, here=True)
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
    if target == ".":
        target = "index.md"
    if target == ".." or target.startswith("../"):
        return outside_docs(page, line, url, target)
    if not target.endswith(".md"):
        return check_file_link(page, index, line, url, target)
    return check_page_link(page, index, line, url, target, anchor)


def check_file_link(page, index: Index, line: int, url: str, target: str):
    builds = index.builds(page)
    if index.is_file(target, builds) or all(index.generated_file(target, lang) for lang in builds):
        return None
    if not posixpath.splitext(target)[1]:
        as_page = posixpath.join(target, "index.md")
        if as_page in index.registry.by_base or as_page in index.virtual_by_base:
            here = posixpath.dirname(page.src) or "."
            return Problem(page.path, line, f"link '{url}' does not name a file",
                           f"link to the page's file: '{paths.relpath(as_page, here)}'")
        return Problem(page.path, line, f"link '{url}' does not name a file",
                       "link to a page's .md file (relative to this file) or by id: [[page-id]]")
    return missing_file(page, index, line, url, target)


def check_page_link(page, index: Index, line: int, url: str, target: str, anchor: str):
    folder, filename = posixpath.split(target)
    name, suffix, _ = registry_mod.split_suffix(filename, index.codes)
    base = posixpath.join(folder, name) if suffix else target
    if base in index.virtual_by_base:
        virtual = index.virtual_by_base[base]
        if suffix:
            return other_language_file(page, index, line, url, suffix, None)
        if anchor and anchor not in virtual.anchors:
            return missing_anchor(page, index, line, url, virtual, anchor)
        return None
    versions = index.registry.by_base.get(base)
    if not versions or (suffix and suffix not in versions):
        return missing_page(page, index, line, url, base, target if suffix else f"{base[:-3]}.{index.default}.md")
    builds = index.builds(page)
    if suffix:
        wrong = [lang for lang in builds if index.chosen(versions, lang) is not versions[suffix]]
        if wrong:
            return other_language_file(page, index, line, url, suffix, wrong[0])
        shown = versions[suffix]
    else:
        absent = [lang for lang in builds if index.chosen(versions, lang) is None]
        if absent:
            return missing_language(page, index, line, url, versions, absent[0])
        shown = index.chosen(versions, page.lang)
    if anchor and not index.has_anchor(shown, anchor):
        return missing_anchor(page, index, line, url, shown, anchor)
    return None


def outside_docs(page, line: int, url: str, target: str) -> Problem:
    where = posixpath.normpath(posixpath.join("docs", target))
    return Problem(page.path, line, f"link '{url}' points outside docs/ ({where})",
                   "link to a page or file under docs/, or give the full web address (https://…)")


def missing_file(page, index: Index, line: int, url: str, target: str) -> Problem:
    return Problem(page.path, line, f"link '{url}' points to a file that does not exist (docs/{target})",
                   "check the file name and the path: it is relative to this file")


def missing_page(page, index: Index, line: int, url: str, base: str, shown: str) -> Problem:
    """base: the page linked to; shown: its file that the link needs (default language, or the one named)."""
    return Problem(page.path, line, f"link '{url}' points to a page that does not exist (docs/{shown})",
                   index.base_suggestion(page, base))


def other_language_file(page, index: Index, line: int, url: str, suffix: str, lang) -> Problem:
    plain = re.sub(rf"\.{re.escape(suffix)}\.md(?=$|[#?])", ".md", url, count=1)
    where = f"this page, as built for '{lang}', cannot link to it" if lang else "the generated pages have no such file"
    return Problem(page.path, line, f"link '{url}' names the '{suffix}' version of a page; {where}",
                   f"write '{plain}': every language then links to its own version")


def missing_language(page, index: Index, line: int, url: str, versions: dict, lang: str) -> Problem:
    return Problem(page.path, line, f"link '{url}' points to a page {without_language(index, versions, lang)}",
                   add_default_version(index, versions))


def without_language(index: Index, versions: dict, lang: str) -> str:
    """'with no English version (docs/x.pl.md)': why a page is missing from a language's build."""
    names = [index.language_name(code) for code in dict.fromkeys((lang, index.default))]
    only = ", ".join(page.path for page in versions.values())
    return f"with no {' and no '.join(names)} version ({only})"


def add_default_version(index: Index, versions: dict) -> str:
    stem = next(iter(versions.values())).base[:-3]
    return f"write docs/{stem}.{index.default}.md (the languages without their own version show it)"


def missing_anchor(page, index: Index, line: int, url: str, target, anchor: str, here: bool = False) -> Problem:
    written = (index.written_anchors(target) | {i.id for i in target.checklist}
               if hasattr(target, "body") else set(target.anchors))
    name = "this page" if here else (getattr(target, "path", None) or f"the generated page '{target.id}'")
    if written:
        fix = did_you_mean(anchor, written, what=f"anchors of {name}")
    elif here:
        fix = f"end the heading it should go to with {{#{anchor}}}"
    else:
        fix = f"link to the whole page: '{url.split('#')[0]}'"
    return Problem(page.path, line, f"link '{url}': {name} has no anchor '#{anchor}'", fix)
