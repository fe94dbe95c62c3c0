"""Raw HTML in content is judged as the browser will see it: the page body rendered to HTML, read by an HTML
parser, every element and attribute checked against an allow-list.

Judging the rendered HTML, not the Markdown source, means that nothing can hide: not an unclosed code fence,
an entity-encoded ``javascript:``, an attribute on a tag's second line, a reference-style link definition or
an attribute list (``{: onclick=… }``). Anything not on the allow-list is refused, with the line of the source
where it was written.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from . import frontmatter
from . import markdown_render
from .diagnostics import WARNING, Problem

# Elements that Markdown and its extensions produce, and the few an author may write by hand.
ALLOWED_TAGS = frozenset("""
a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure
h1 h2 h3 h4 h5 h6 hr i ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td
tfoot th thead time tr u ul var wbr img
""".split())
GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"})
TAG_ATTRS = {
    "a": {"href", "rel", "hreflang", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"align", "colspan", "rowspan"}, "th": {"align", "colspan", "rowspan", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"},
    "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
}
URL_ATTRS = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# ids the templates and scripts use: content must not shadow them (Material reads #__config, we read #kb-…)
RESERVED_ID = re.compile(r"^(?:__|kb-|md-)")

# A second, cruder look at the raw text: these never belong in content, whatever a parser makes of them.
_NEVER = re.compile(r"<\s*/?\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|"
                    r"input|button|textarea|select|svg|math|template|noscript|portal)\b", re.I)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_NOISE = re.compile(r"[\t\n\r]")

HOW = {
    "script": "remove it: scripts belong in overrides/assets/javascripts/",
    "iframe": "link to the other site instead of embedding it",
    "object": "link to the file instead of embedding it",
    "embed": "link to the file instead of embedding it",
    "meta": "remove it: a page cannot redirect or change its own headers (use moved_from: for a moved page)",
    "style": "use a class from overrides/assets/stylesheets/kb.css instead",
}


@dataclass(frozen=True)
class Finding:
    what: str        # the message
    fix: str
    needles: tuple   # texts to look for in the source, in order, to find the line


def _an(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _url_scheme(value: str) -> str | None:
    """The scheme a browser would see: it drops tabs and newlines and trims control characters first."""
    cleaned = _URL_NOISE.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                             "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


class _Judge(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def _add(self, what, fix, *needles):
        self.findings.append(Finding(what, fix, needles))

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def _tag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self._add(f"{_an(tag)} <{tag}> element is not allowed in content",
                      HOW.get(tag, "write it in Markdown, or ask for the element to be allowed in hooks/safety.py"),
                      "<" + tag)
            return
        allowed = GLOBAL_ATTRS | TAG_ATTRS.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(f"an event attribute {name}= on <{tag}> is not allowed in content",
                          "remove the attribute: content cannot run code", name)
            elif name == "style":
                self._add(f"a style= attribute on <{tag}> is not allowed in content", HOW["style"], "style")
            elif name.startswith("aria-"):
                continue
            elif name not in allowed:
                self._add(f"the attribute {name}= on <{tag}> is not allowed in content",
                          f"remove it (allowed on <{tag}>: {', '.join(sorted(allowed))})", name)
            elif name in URL_ATTRS:
                scheme = _url_scheme(value)
                if scheme is not None and scheme not in LINK_SCHEMES:
                    self._add(f"a {scheme}: link is not allowed in content", "link to a real page address",
                              scheme + ":", scheme, value.strip()[:4], name)
                elif name == "src" and (scheme is not None or value.strip().startswith("//")):
                    self._add(f"<{tag}> loads {value.strip()[:60]!r} from another site",
                              "put the file under docs/ and link to it: pages load nothing from other hosts",
                              value.strip()[:20], name)
            elif name == "id" and RESERVED_ID.match(value):
                self._add(f"the id {value!r} is reserved for the site's own templates",
                          "choose another id (ids starting with '__', 'kb-' or 'md-' are reserved)", value)

    def handle_comment(self, data):
        if "<" in data or ">" in data or data.startswith(("-", ">")) or data.endswith("-"):
            self._add("an HTML comment with markup in it is not allowed in content",
                      "remove the comment (browsers and parsers disagree on where such comments end)", "<!--")

    def handle_decl(self, decl):
        self._add("a <!…> declaration is not allowed in content", "remove it", "<!")

    def unknown_decl(self, data):
        self._add("a <![…]> section is not allowed in content", "remove it", "<![")

    def handle_pi(self, data):
        self._add("a <?…> instruction is not allowed in content", "remove it", "<?")


def judge(html: str) -> list[Finding]:
    """Every construct in this HTML that content may not contain (empty when it is safe)."""
    findings = []
    for match in _NEVER.finditer(html):
        tag = match.group(1).lower()
        findings.append(Finding(f"{_an(tag)} <{tag}> element is not allowed in content",
                                HOW.get(tag, "remove it: content is text, links, lists, tables and images"), ("<" + tag,)))
    if "<" in html:
        parser = _Judge()
        parser.feed(html)
        parser.close()
        findings += parser.findings
    seen, unique = set(), []
    for f in findings:
        if f.what not in seen:
            seen.add(f.what)
            unique.append(f)
    return unique


def line_of(needles, body: str, first_line: int) -> int:
    """The first body line that contains the first needle found (case-insensitive), else the body's first
    line (a construct split over lines is found by the next needle)."""
    lines = body.lower().split("\n")
    for needle in needles:
        low = needle.lower()
        if not low:
            continue
        for number, line in enumerate(lines, start=first_line):
            if low in line:
                return number
    return first_line


def renderer(config):
    """The site's Markdown (mkdocs.yml's markdown_extensions), one instance per configuration."""
    return _renderer(json.dumps(list(config.markdown_extensions), sort_keys=True))


@functools.lru_cache(maxsize=4)
def _renderer(extensions_json: str):
    return markdown_render.Renderer(json.loads(extensions_json))


def check(page, render) -> list[Problem]:
    """Problems with the page body, judged on its rendered HTML; render(markdown) -> HTML. Markup in a
    header field is a warning: the site shows it as plain text."""
    problems = _field_markup(page)
    if not page.body.strip() or not needs_rendering(page.body):
        return problems
    return problems + [Problem(page.path, line_of(f.needles, page.body, page.body_line), f.what, f.fix)
                       for f in judge(render(page.body))]


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]|&#?\w+;|javascript\s*:", re.I)


def _field_markup(page) -> list[Problem]:
    out = []
    header_end = page.text.find("\n---", 3)
    if not _TAG.search(page.text, 0, header_end if header_end > 0 else len(page.text)):
        return out   # no markup anywhere in the header (nor, so, in a field)

    def walk(value, key):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{key}.{k}" if key else str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and _TAG.search(value):
            line = frontmatter.key_line(page.text, key.split(".")[-1], frontmatter.key_line(page.text, key.split(".")[0]))
            out.append(Problem(page.path, line, f"field '{key}' contains markup ({_TAG.search(value).group(0)!r}), "
                                                "which the site shows as plain text",
                               "write plain text in header fields: no HTML tags, entities or javascript: links",
                               WARNING))
    walk(page.meta, "")
    return out


def check_strings(strings, render) -> list[Problem]:
    """Interface strings (data/strings.yml) may hold Markdown links, never HTML: judged like page bodies,
    each problem at the string's line (strings.line, from the file's YAML nodes)."""
    problems = []
    for lang, entries in strings.items():
        if not isinstance(entries, dict):
            continue
        for key, value in entries.items():
            if not isinstance(value, str) or not needs_rendering(value):
                continue
            for f in judge(render(value)):
                problems.append(Problem(strings.path, strings.line(lang, key), f"{lang}.{key}: {f.what}", f.fix))
    return problems


# A body that has none of these cannot produce an element or attribute beyond what Markdown itself makes
# from plain text (paragraphs, lists, headings with {#id}, emphasis, http(s)/mailto/relative links), so it
# need not be rendered to be judged. Anything else (a '<', an entity, an attribute list with more than
# ids and classes, a link whose address has a scheme or white space) is rendered and judged in full.
_MARKUP_CHARS = re.compile(r"[<&\x00-\x08\x0b\x0c\x0e-\x1f]")
_ODD_ATTR_LIST = re.compile(r"\{(?!\s*:?\s*(?:[#.][A-Za-z0-9_:.\-]+\s*)*\})")   # more than ids and classes
_LINK_START = re.compile(r"\]\(\s*|^ {0,3}\[[^\]\n]+\]:[ \t]*", re.M)   # [text](… and [label]: … definitions
_PLAIN_DEST = re.compile(r"(?:https?://|mailto:|[#/.?]|[A-Za-z0-9_~%\-]+(?=[/.#?)\s]|$))[^\s()]*?(?=\)|\s|$)")


def needs_rendering(body: str) -> bool:
    if _MARKUP_CHARS.search(body) or "![" in body:   # images: their address must stay on the site
        return True
    if _ODD_ATTR_LIST.search(body):
        return True
    for match in _LINK_START.finditer(body):
        rest = body[match.end():match.end() + 300]
        dest = _PLAIN_DEST.match(rest)
        if dest is None:
            return True
        if ":" in dest.group(0) and not dest.group(0).lower().startswith(("http://", "https://", "mailto:")):
            return True
        after = rest[dest.end():dest.end() + 1]
        if after and after not in ")\n" and not rest[dest.end():].lstrip(" ").startswith(('"', "'", ")")):
            return True
    return False
