"""A fixture knowledge base with an attack in every text field of every page type and data file.

Header fields and data values are plain text: the site must show them as characters and run none of
them. Each payload sets ``window.__kbPwned`` (or opens a dialog) if it ever runs, so a browser test can
tell. Page bodies are Markdown and are judged instead (see BODY_ATTACKS: kb.py check must refuse each).
"""
from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser

import sitefactory as sf
from fixtures import pages as fp

# Breaks out of an attribute, a <title>, a <script> block and a Markdown link; entity-encoded markup (which
# a filter that unescapes, such as Jinja's striptags, would turn back into tags); an attribute list.
PAYLOAD = ('X"\'><script>window.__kbPwned=1</script><img src=x onerror="window.__kbPwned=2">'
           '<svg/onload=window.__kbPwned=3>&lt;/title&gt;&lt;script&gt;window.__kbPwned=4&lt;/script&gt;'
           '[j](javascript:window.__kbPwned=5) {: onclick="window.__kbPwned=6" } </script><script>alert(7)</script>')
# The same, spread over lines: a new Markdown block could start on each
MULTILINE = PAYLOAD + "\n\n[k]: javascript:alert(8)\n<iframe srcdoc='<script>alert(9)</script>'>\n# {: onclick=alert(10) }"
URL = 'https://example.org/a"><script>window.__kbPwned=11</script>(x)'


class _Executable(HTMLParser):
    """What in a page a browser would run: script elements, event attributes, javascript: addresses,
    frames. The theme's own scripts hold no payload, so any of these that mentions one is an attack."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._script = [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").replace("\t", "").replace("\n", "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "data", "srcdoc") and (
                    value.startswith(("javascript:", "data:text/html", "vbscript:")) or name == "srcdoc"):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            if tag == "meta" and name == "http-equiv" and value == "refresh":
                self.found.append("<meta http-equiv=refresh>")
        if tag in ("iframe", "frame", "object", "embed", "base", "form"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            if "kbPwned" in body or "alert(" in body:
                self.found.append(f"<script>{body[:60]}</script>")
            self._script = None


def executable_payloads(html: str) -> list[str]:
    """The attacks in this HTML that a browser would run (empty for a safe page)."""
    parser = _Executable()
    parser.feed(html)
    parser.close()
    return parser.found


def _q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML and keep every character."""
    return json.dumps(text, ensure_ascii=False)


def guide(lang: str) -> str:
    page = fp.guide(lang, title=_q("Alpha " + PAYLOAD))
    page = page.replace(f"summary: Summary {lang}.", f"summary: {_q(MULTILINE)}\ndescription: {_q(PAYLOAD)}", 1)
    page = page.replace("title: Source one\n    url: https://example.org/one",
                        f"title: {_q(PAYLOAD)}\n    publisher: {_q(PAYLOAD)}\n    year: {_q(PAYLOAD)}\n    url: {_q(URL)}", 1)
    page = page.replace("reference: Publisher, 2024", f"reference: {_q(PAYLOAD)}", 1)
    page = page.replace("- ref: art. 8e u.p.z.p.\n      title: Ustawa o planowaniu i zagospodarowaniu przestrzennym\n"
                        "      url: https://isap.sejm.gov.pl/",
                        f"- ref: {_q(PAYLOAD)}\n      title: {_q(PAYLOAD)}\n      url: {_q(URL)}", 1)
    return page


def case(lang: str) -> str:
    page = fp.case(lang)
    for field in ("title", "summary", "municipality", "region", "period"):
        start = page.index(f"\n{field}: ") + len(field) + 3
        end = page.index("\n", start)
        page = page[:start] + _q(PAYLOAD) + page[end:]
    page = page.replace("outcomes: [Something documented.]", f"outcomes: [{_q(PAYLOAD)}]")
    page = page.replace('population_source: {title: Test, year: 2024, url: "https://example.org/pop"}',
                        f"population_source: {{title: {_q(PAYLOAD)}, publisher: {_q(PAYLOAD)}, year: 2024, url: {_q(URL)}}}")
    page = page.replace("title: Case source", f"title: {_q(PAYLOAD)}")
    return page


def topic(lang: str) -> str:
    return fp.topic(lang).replace(f"title: Participation {lang}", f"title: {_q('Participation ' + PAYLOAD)}") \
        .replace(f"summary: Topic {lang}.", f"summary: {_q(PAYLOAD)}")


def home(lang: str) -> str:
    return fp.home(lang).replace(f"title: Home {lang}", f"title: {_q('Home ' + PAYLOAD)}\ndescription: {_q(PAYLOAD)}")


def case_library(lang: str) -> str:
    """The case library overview: facets, the map (case titles in SVG) and the list by topic."""
    extra = "" if lang == "en" else "translated_from: en\n"
    return f"""---
id: cases
type: page
title: {_q('Cases ' + PAYLOAD)}
summary: {_q(PAYLOAD)}
lists: cases
{extra}---

# Cases {lang}

All the cases.
"""


def workshop(lang: str) -> str:
    extra = "" if lang == "en" else "translated_from: en\n"
    return f"""---
id: alpha-workshop
type: workshop
title: {_q('Workshop ' + PAYLOAD)}
summary: {_q(PAYLOAD)}
topics: [participation]
audience: [planners]
duration: {_q(PAYLOAD)}
objectives:
  - {_q(PAYLOAD)}
  - {_q(MULTILINE)}
parts:
  - {{title: {_q(PAYLOAD)}, minutes: 20, ref: alpha-guide}}
  - {{title: {_q(PAYLOAD)}, minutes: 10}}
sources:
  - title: {_q(PAYLOAD)}
    publisher: {_q(PAYLOAD)}
    url: {_q(URL)}
reviewed: 2026-11-29
{extra}---

# Workshop {lang}

## Part one {{#part-1}}

Text ({lang}) with [[alpha-guide]].
"""


def glossary() -> str:
    def block(text):
        return "{" + ", ".join(f"{lang}: {_q(text)}" for lang in ("en", "pl", "nb")) + "}"
    return f"""terms:
  - id: plan-ogolny
    term: {block('general plan ' + PAYLOAD)}
    definition: {block(MULTILINE)}
    note: {block(PAYLOAD)}
    legal: {_q(PAYLOAD)}
  - id: innsigelse
    term: {{en: objection, pl: sprzeciw, nb: innsigelse}}
    definition: {{en: A formal objection., pl: Formalny sprzeciw., nb: Formell innsigelse.}}
"""


def make(dest: str, *, search: bool = False) -> str:
    """The hostile fixture site in dest (three languages, every page type); returns dest."""
    pages = {}
    for lang in ("en", "pl", "nb"):
        pages[f"index.{lang}.md"] = home(lang)
        pages[f"participation/index.{lang}.md"] = topic(lang)
        pages[f"participation/alpha-guide.{lang}.md"] = guide(lang)
        pages[f"participation/beta-guide.{lang}.md"] = fp.beta(lang)
        pages[f"cases/example-case.{lang}.md"] = case(lang)
        pages[f"cases/index.{lang}.md"] = case_library(lang)
        pages[f"workshops/alpha-workshop.{lang}.md"] = workshop(lang)
    labels = {lang: "Participation " + PAYLOAD for lang in ("en", "pl", "nb")}
    shutil.copytree(os.path.join(sf.ROOT, "data", "geo"), os.path.join(dest, "data", "geo"), dirs_exist_ok=True)
    return sf.make_site(dest, pages, glossary=glossary(),
                        vocab_extra={"topics": {"participation": labels},
                                     "challenges": {"depopulation": {lang: PAYLOAD for lang in ("en", "pl", "nb")}}},
                        search=search)


# Page bodies: each must be refused by kb.py check with its line (name, Markdown, expected message)
BODY_ATTACKS = [
    ("script", "<script>alert(1)</script>", "a <script> element"),
    ("script in an unclosed fence", "```\n<script>alert(1)</script>", "a <script> element"),
    ("uppercase script", "<SCRIPT>alert(1)</SCRIPT>", "a <script> element"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "a <meta> element"),
    ("entity-encoded javascript link", '<a href="&#106;avascript:alert(1)">x</a>', "a javascript: link"),
    ("entity in a Markdown link", "[x](javascript&#58;alert(1))", "a javascript: link"),
    ("reference-style definition", "[j]\n\n[j]: javascript:alert(1)", "a javascript: link"),
    ("Markdown link", "[x](javascript:alert(1))", "a javascript: link"),
    ("link with a leading space", "[x]( javascript:alert(1))", "a javascript: link"),
    ("link split over lines", '<a href="java\nscript:alert(1)">x</a>', "a javascript: link"),
    ("data: link", "[x](data:text/html,hi)", "a data: link"),
    ("vbscript link", "[x](vbscript:msgbox)", "a vbscript: link"),
    ("svg onload", "<svg/onload=alert(1)>", "a <svg> element"),
    ("onerror on a second line", '<img src="a.png"\n  onerror="alert(1)">', "an event attribute onerror="),
    ("attribute list on a heading", '## Heading {#h onclick="alert(1)"}', "an event attribute onclick="),
    ("attribute list on a paragraph", "Text\n{: onmouseover=alert(1) }", "an event attribute onmouseover="),
    ("iframe", '<iframe src="https://example.org"></iframe>', "an <iframe> element"),
    ("object", '<object data="x.swf"></object>', "an <object> element"),
    ("embed", '<embed src="x.swf">', "an <embed> element"),
    ("form", '<form action="https://evil.example/"><input name="q"></form>', "a <form> element"),
    ("style element", "<style>body{display:none}</style>", "a <style> element"),
    ("style attribute", '<p style="display:none">x</p>', "a style= attribute"),
    ("base element", '<base href="https://evil.example/">', "a <base> element"),
    ("image from another host", "![x](https://tracker.example/pixel.png)", "from another site"),
    ("abrupt comment", "<!--> <img src=x onerror=alert(1)> -->", "comment"),
    ("clobbering the theme's config", '<div id="__config">{}</div>', "is reserved"),
    ("md_in_html block", '<div markdown="1">\n<img src=x onerror=alert(1)>\n</div>', "an event attribute onerror="),
]

# Markdown that must pass: what guides really use
BODY_SAFE = [
    "# Title {#t}\n\nText with *emphasis*, **strong**, `<script>` as code, [a link](https://example.org), "
    "[mail](mailto:a@example.org), [relative](../other.md#part) and [[some-id]].",
    "```html\n<script>alert('shown as code')</script>\n```",
    "    <script>indented code</script>",
    "!!! note \"Title\"\n    Text in a note.\n\n??? tip \"More\"\n    Hidden text.",
    "| A | B |\n|:--|--:|\n| 1 | 2 |",
    "Term\n:   Definition\n\n*[HTML]: HyperText Markup Language\n\nHTML and ~~struck~~ text.[^1]\n\n[^1]: A footnote.",
    'A paragraph {: .kb-lead }\n\n<a href="https://example.org/x">a raw link</a> and <abbr title="t">T</abbr>.',
    "![Map of the town](images/map.png)",
    "Plans < 5 years & more > less; 2022–2024; art. 8e u.p.z.p.",
]
