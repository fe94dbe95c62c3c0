"""`kb.py check` refuses everything the strict build refuses, with the line, and the values the build
used to accept silently (issue 24: parity between check and build).

Each fixture site combines several mistakes, each in its own line, so that one check and one build cover
them all: every expected line must be in the output of `kb.py check` (exit status 1, no traceback) and
in the output of the failed strict build (the build runs the same rules before it renders anything).
"""
import datetime as dt
import os
import re

import pytest

from knowledge_base import links
import sitefactory as sf
from fixtures import pages as fp

HOOKS = os.path.join(sf.ROOT, "hooks", "knowledge_base")


def page(page_id: str, body: str, title: str = "A page", extra: str = "") -> str:
    return f"---\nid: {page_id}\ntype: page\ntitle: {title}\n{extra}---\n\n{body}"


def line_of(text: str, needle: str) -> int:
    """The line of the file (1-based) where needle first appears (the file as sitefactory writes it)."""
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the page")


def errors(out: str) -> list:
    return [line for line in out.splitlines() if line.startswith("docs/")]


def check_and_build(tmp_path, pages):
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    check = sf.kb(site, "check")
    built = sf.build(site)
    for rc, out in (check, built):
        assert "Traceback" not in out, out
    return check, built


def assert_refused(check, built, expected):
    (check_rc, check_out), (build_rc, build_out) = check, built
    assert check_rc == 1, check_out
    assert build_rc != 0, build_out
    for line in expected:
        assert line in check_out.splitlines(), f"kb.py check did not print:\n{line}\n\n{check_out}"
        assert line in build_out, f"the build did not print:\n{line}\n\n{build_out}"


# --- what the build refused while check passed ----------------------------------------------------------

LINKS = """Missing file: [a](../no-such-file.md).
Missing anchor of another page: [b](alpha-guide.md#nowhere).
Missing anchor of this page: [c](#nowhere).
Outside docs: [d](../../README.md).
Another language's file: [e](alpha-guide.pl.md).
A generated section this page does not have: [f](alpha-guide.md#linked-from).
A folder: [g](../participation/).
A reference to a page in one language only: [[only-polish]].
A link to it: [h](only-polish.md).
"""


def test_what_the_build_refuses_check_refuses(tmp_path):
    pages = fp.site_pages()
    mistakes = page("link-mistakes", LINKS, "Link mistakes")
    polish = page("only-polish", "Tylko po polsku.\n", "Tylko po polsku")
    pages.update({
        "participation/link-mistakes.en.md": mistakes,
        "participation/only-polish.pl.md": polish,
        "participation/our-glossary.en.md": page("glossary", "Our own glossary.\n"),
        "news.en.md": page("whats-new", "News.\n"),
        "glossary.en.md": page("my-glossary", "A file where the generated glossary goes.\n"),
    })
    at = "docs/participation/link-mistakes.en.md:"
    expected = [
        f"{at}{line_of(mistakes, '[a]')}: link '../no-such-file.md' points to a page that does not exist "
        "(docs/no-such-file.en.md) — check the path: it is relative to this file; or link by id, [[page-id]], "
        "which never breaks when a page moves",
        f"{at}{line_of(mistakes, '[b]')}: link 'alpha-guide.md#nowhere': docs/participation/alpha-guide.en.md has no "
        "anchor '#nowhere' — use one of the anchors of docs/participation/alpha-guide.en.md: alpha-guide.first-item, "
        "alpha-guide.second-item, checklist, why",
        f"{at}{line_of(mistakes, '[c]')}: link '#nowhere': this page has no anchor '#nowhere' — end the heading it "
        "should go to with {#nowhere}",
        f"{at}{line_of(mistakes, '[d]')}: link '../../README.md' points outside docs/ (README.md) — link to a page or "
        "file under docs/, or give the full web address (https://…)",
        f"{at}{line_of(mistakes, '[e]')}: link 'alpha-guide.pl.md' names the 'pl' version of a page; this page, as "
        "built for 'en', cannot link to it — write 'alpha-guide.md': every language then links to its own version",
        f"{at}{line_of(mistakes, '[f]')}: link 'alpha-guide.md#linked-from': docs/participation/alpha-guide.en.md has "
        "no anchor '#linked-from' — use one of the anchors of docs/participation/alpha-guide.en.md: "
        "alpha-guide.first-item, alpha-guide.second-item, checklist, why",
        f"{at}{line_of(mistakes, '[g]')}: link '../participation/' does not name a file — link to the page's file: "
        "'index.md'",
        f"{at}{line_of(mistakes, '[[only-polish]]')}: reference to 'only-polish', a page with no English version "
        "(docs/participation/only-polish.pl.md) — write docs/participation/only-polish.en.md (the languages without "
        "their own version show it)",
        f"{at}{line_of(mistakes, '[h]')}: link 'only-polish.md' points to a page with no English version "
        "(docs/participation/only-polish.pl.md) — write docs/participation/only-polish.en.md (the languages without "
        "their own version show it)",
        "docs/participation/only-polish.pl.md:1: the page has no English version (docs/participation/only-polish.en.md)"
        " — write docs/participation/only-polish.en.md: the English version is the one every language falls back to",
        "docs/participation/our-glossary.en.md:2: id 'glossary' is the id of a page the build generates (glossary.md)"
        " — choose another id",
        "docs/news.en.md:2: id 'whats-new' is the id of a page the build generates (whats-new.md) — choose another id",
        "docs/glossary.en.md:1: this file takes the place of the generated page 'glossary' (glossary.md) — rename or "
        "move the file",
    ]
    check, built = check_and_build(tmp_path, pages)
    assert_refused(check, built, expected)


# --- what both accepted silently ------------------------------------------------------------------------

def test_values_the_build_accepted_silently_are_refused(tmp_path):
    future = (dt.date.today() + dt.timedelta(days=150)).isoformat()
    pages = fp.site_pages()
    for lang in ("en", "pl", "nb"):
        pages[f"participation/beta-guide.{lang}.md"] = fp.beta(lang) + (
            "\n## One {#twice}\n\nText.\n\n## Two {#twice}\n\nText.\n\n## Our sources {#sources}\n\nText.\n"
            "\n## Who links here {#linked-from}\n\nText.\n")
        pages[f"cases/example-case.{lang}.md"] = fp.case(lang) + "\n## Facts {#fact-box}\n\nText.\n"
    case_en = pages["cases/example-case.en.md"] = pages["cases/example-case.en.md"].replace(
        "location: {lat: 52.2, lon: 21.0}", "location: {lat: .nan, lon: 21.0}").replace(
        "reviewed: 2026-11-29", f"reviewed: {future}")
    case_pl = pages["cases/example-case.pl.md"] = pages["cases/example-case.pl.md"].replace(
        "location: {lat: 52.2, lon: 21.0}", "location: {lat: 95, lon: .inf}").replace(
        "population: 30000", "population: 3000000000")
    alpha = pages["participation/alpha-guide.en.md"] = fp.guide("en").replace(
        "reviewed: 2026-11-29", "reviewed: '2026-02-30'").replace("law_as_of: 2026-11", "law_as_of: 2026-13").replace(
        "    reference: Publisher, 2024\n", "    reference: Publisher, 2024\n    year: 20244\n    accessed: '2026-04-31'\n")
    case_nb = pages["cases/example-case.nb.md"] = pages["cases/example-case.nb.md"].replace(
        "reviewed: 2026-11-29", "reviewed: 2026-02-30")   # unquoted: yaml_load reports it too, in the same words
    beta = pages["participation/beta-guide.en.md"]
    guide, case = "docs/participation/beta-guide.en.md:", "docs/cases/example-case.en.md:"
    expected = [
        f"{guide}{line_of(beta, 'Two {#twice}')}: anchor '#twice' is used twice in this page (also line "
        f"{line_of(beta, 'One {#twice}')}) — give every heading its own anchor",
        f"{guide}{line_of(beta, '{#sources}')}: anchor '#sources' is the anchor of the sources section the build adds "
        "to this page — choose another anchor for this heading",
        f"{guide}{line_of(beta, '{#linked-from}')}: anchor '#linked-from' is the anchor of the linked from section the "
        "build adds to this page — choose another anchor for this heading",
        f"{case}{line_of(case_en, '{#fact-box}')}: anchor '#fact-box' is the anchor of the fact box section the build "
        "adds to this page — choose another anchor for this heading",
        f"{case}{line_of(case_en, 'reviewed:')}: 'reviewed' is in the future: {future} — write the date the page was "
        "last reviewed",
        f"{case}{line_of(case_en, 'location:')}: field 'location.lat' is not a number: nan — write a finite number, "
        "e.g. 52.23",
        f"docs/cases/example-case.pl.md:{line_of(case_pl, 'location:')}: field 'location.lat' must be between -90 and "
        "90, not 95 — write a number between -90 and 90",
        f"docs/cases/example-case.pl.md:{line_of(case_pl, 'location:')}: field 'location.lon' is not a number: inf — "
        "write a finite number, e.g. 52.23",
        f"docs/cases/example-case.pl.md:{line_of(case_pl, 'population:')}: field 'population' must be between 1 and "
        "100000000, not 3000000000 — write a number between 1 and 100000000",
        f"docs/participation/alpha-guide.en.md:{line_of(alpha, 'reviewed:')}: 'reviewed' is not a real date: "
        "2026-02-30 — write the date as YYYY-MM-DD",
        f"docs/cases/example-case.nb.md:{line_of(case_nb, 'reviewed:')}: 'reviewed' is not a real date: 2026-02-30 — "
        "write the date as YYYY-MM-DD",
        f"docs/participation/alpha-guide.en.md:{line_of(alpha, 'law_as_of:')}: 'law_as_of' is not a real date: "
        "2026-13 — write the date as YYYY-MM-DD",
        f"docs/participation/alpha-guide.en.md:{line_of(alpha, 'accessed:')}: 'accessed' is not a real date: "
        "2026-04-31 — write the date as YYYY-MM-DD",
        f"docs/participation/alpha-guide.en.md:{line_of(alpha, 'year: 20244')}: field 'sources.1.year' must be between "
        "1000 and 2999, not 20244 — write a number between 1000 and 2999",
    ]
    check, built = check_and_build(tmp_path, pages)
    assert_refused(check, built, expected)
    assert "must be between -90 and 90, not nan" not in check[1]   # NaN is reported once, as not a number
    assert check[1].count(f"example-case.nb.md:{line_of(case_nb, 'reviewed:')}: 'reviewed' is not a real") == 1   # once


# --- what is right stays accepted -----------------------------------------------------------------------

def test_valid_fixture_is_clean_and_builds(tmp_path):
    (check_rc, check_out), (build_rc, build_out) = check_and_build(tmp_path, fp.site_pages())
    assert check_rc == 0 and not errors(check_out) and " in 15 pages" in check_out, check_out
    assert build_rc == 0, build_out


GOOD_LINKS = """Generated pages: [glossary](glossary.md#plan-ogolny), [lists](checklists/index.md),
[a list](checklists/participation.md#alpha-guide.first-item), [news](whats-new.md).
Files: ![a picture](assets/picture.svg), [the data](api/cases.json), [the feed](feed.xml).
Pages: [.](.), [topic](participation/index.md), [a section](participation/alpha-guide.md#why),
[an item](participation/alpha-guide.md#alpha-guide.first-item), [sources](participation/alpha-guide.md#sources),
[backlinks](participation/beta-guide.md#linked-from), [fact box](cases/example-case.md#fact-box),
[[beta-guide#linked-from]], [a definition][def], [wrapped
link text](participation/beta-guide.md).
Elsewhere: [web](https://example.org/no-such-file.md), [mail](mailto:someone@example.org).
Not links: `[code](no-such-file.md)`.

<!--
[a comment](no-such-file.md)
-->

[def]: participation/beta-guide.md#checklist

```
[fenced](no-such-file.md)
```
"""


def test_links_the_build_accepts_are_accepted(tmp_path):
    pages = fp.site_pages()
    pages["index.en.md"] = fp.home("en") + "\n" + GOOD_LINKS
    pages["index.pl.md"] = fp.home("pl") + ("\nWłasny plik: [alfa](participation/alpha-guide.pl.md).\n"
                                           "Po angielsku: [[only-english]], [tylko](participation/only-english.md).\n")
    pages["participation/only-english.en.md"] = page("only-english", "English only: the others fall back to it.\n")
    pages["participation/alpha-guide.en.md"] = fp.guide("en") + "\nBack to [why](#why).\n"
    pages["assets/picture.svg"] = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n'
    (check_rc, check_out), (build_rc, build_out) = check_and_build(tmp_path, pages)
    assert check_rc == 0 and not errors(check_out), check_out
    assert build_rc == 0, build_out


# --- one place for the anchors of generated sections ----------------------------------------------------

def test_section_anchors_are_those_the_build_writes():
    """links.SECTIONS lists exactly the anchors written by page_sections.py and the adapter's own
    sections of page types (compose.py) — validate.GENERATED_ANCHORS listed some that nothing writes."""
    written = set()
    for name in ("page_sections.py", "compose.py"):
        with open(os.path.join(HOOKS, name), encoding="utf-8") as fh:
            source = fh.read()
        written |= set(re.findall(r"\{\{#([a-z][a-z-]*(?:\{[a-z]+\})?)\}\}", source))   # f"## … {{#sources}}"
        written |= set(re.findall(r'\bid="([a-z][a-z-]*)"', source))                        # <h2 id="fact-box">
    listed = {anchor for anchors in links.SECTIONS.values() for anchor in anchors}
    assert listed == written


def test_links_in_code_and_comments_are_not_links():
    body = ("[a](one.md) `[b](two.md)`\n<!-- [c](three.md)\n[d](four.md) -->[e](five.md)\n"
            "```\n[f](six.md)\n```\n[g]: seven.md\n[^1]: a footnote, not a link\n[h\ntext](eight.md)")
    assert links.find(body, 10) == [(10, "one.md"), (12, "five.md"), (16, "seven.md"), (19, "eight.md")]


@pytest.mark.parametrize("body", ["[a](one.md)\n[b](two.md)\n", "```\nx\n```\n[a](one.md)\n[b](two.md)\n"])
def test_links_found_with_and_without_fences_agree(body):
    lines = [(n, u) for n, u in links.find(body, 1)]
    offset = 0 if body.startswith("[") else 3
    assert lines == [(1 + offset, "one.md"), (2 + offset, "two.md")]
