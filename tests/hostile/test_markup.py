"""Hostile markup: nothing runs that the site did not write.

Page bodies with attacks are refused by `kb.py check` and by the build, with the line; header fields and
data values full of attacks are published as plain text; the Content-Security-Policy lists only the
theme's own scripts, and a page with any other inline script is not published.
"""
import html
import json
import os
import re
import shutil

import pytest
import yaml

from knowledge_base import csp
from knowledge_base import escaping
from knowledge_base import markdown_render
from knowledge_base import safety
from knowledge_base import site_config
import sitefactory as sf
from fixtures import pages as fp
from hostile import payloads

HEADER = "---\nid: attack-{n:02d}\ntype: page\ntitle: Attack {n}\n---\n\nIntro text.\n\n"
FIRST_LINE = HEADER.count("\n") + 1   # the line where the attack starts


@pytest.fixture(scope="module")
def render():
    return markdown_render.Renderer(site_config.load(os.path.join(sf.ROOT, "mkdocs.yml")).markdown_extensions)


@pytest.mark.parametrize("name,body,expected", payloads.BODY_ATTACKS, ids=[a[0] for a in payloads.BODY_ATTACKS])
def test_judge_refuses_each_attack(render, name, body, expected):
    findings = safety.judge(render(body))
    assert any(expected in f.what for f in findings), (name, [f.what for f in findings])
    assert safety.needs_rendering(body), f"the shortcut would skip {name!r} without rendering it"


@pytest.mark.parametrize("body", payloads.BODY_SAFE)
def test_judge_passes_the_markdown_guides_use(render, body):
    assert safety.judge(render(body)) == []


def test_a_plain_body_needs_no_rendering():
    plain = "# Title {#t}\n\nText with [a link](https://example.org/x) and [another](../x.md#y) {: .kb-lead }\n\n## Part {#part}\n"
    assert not safety.needs_rendering(plain)


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory):
    site = str(tmp_path_factory.mktemp("attacks"))
    pages = fp.site_pages()
    for n, (_, body, _) in enumerate(payloads.BODY_ATTACKS, start=1):
        pages[f"attacks/a{n:02d}.en.md"] = HEADER.format(n=n) + body + "\n"
    sf.make_site(site, pages, glossary=fp.GLOSSARY)
    return site


def test_check_refuses_every_attack_with_its_line(attack_site):
    rc, out = sf.kb(attack_site, "check")
    assert rc == 1 and "Traceback" not in out
    for n, (name, body, expected) in enumerate(payloads.BODY_ATTACKS, start=1):
        lines = [l for l in out.splitlines() if l.startswith(f"docs/attacks/a{n:02d}.en.md:") and expected in l]
        assert lines, f"{name}: no '{expected}' error for docs/attacks/a{n:02d}.en.md in:\n{out}"
        line = int(lines[0].split(":")[1])
        assert FIRST_LINE <= line <= FIRST_LINE + body.count("\n"), (name, lines[0])
        assert " — " in lines[0]


def test_build_refuses_them_too(attack_site):
    rc, out = sf.build(attack_site)
    assert rc != 0 and "Traceback" not in out
    assert re.search(r"docs/attacks/a01\.en\.md:\d+: a <script> element is not allowed in content — ", out)
    assert not os.path.exists(os.path.join(attack_site, "site", "attacks", "a01", "index.html"))


def test_unsafe_interface_string_is_refused_with_its_line(tmp_path):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    path = os.path.join(site, "data", "strings.yml")
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["pl"]["glossary_intro"] = 'Słowniczek <img src=x onerror="alert(1)">'
    with open(path, "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False)
    with open(path, encoding="utf-8") as fh:
        expected_line = next(n for n, l in enumerate(fh.read().split("\n"), 1) if "onerror" in l)
    rc, out = sf.kb(site, "check")
    assert rc == 1, out
    assert f"data/strings.yml:{expected_line}: pl.glossary_intro: an event attribute onerror= on <img>" in out


# Header fields and data: shown as text, never run ------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    site = payloads.make(str(tmp_path_factory.mktemp("hostile")))
    rc, out = sf.build(site)
    assert rc == 0, out
    return site


def _html_files(site_dir):
    for dirpath, _, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                yield os.path.join(dirpath, name)


def test_check_warns_about_markup_in_fields(hostile_site):
    rc, out = sf.kb(hostile_site, "check")
    assert rc == 0, out   # a warning: the site shows the text as it is
    assert re.search(r"warning: docs/participation/alpha-guide\.en\.md:\d+: field 'title' contains markup", out)


def test_no_payload_is_published_as_markup(hostile_site):
    pages = list(_html_files(os.path.join(hostile_site, "site")))
    assert len(pages) > 40
    for path in pages:
        if "/go/" in path:   # the site's own short-link redirects
            continue
        with open(path, encoding="utf-8") as fh:
            found = payloads.executable_payloads(fh.read())
        assert not found, f"{os.path.relpath(path, hostile_site)}: {found}"


def test_payloads_are_shown_as_text(hostile_site):
    page = sf.read(hostile_site, "pl/participation/alpha-guide/index.html")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith("Alpha " + payloads.PAYLOAD[:40])
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert "window.__kbPwned=1" in html.unescape(re.sub(r"<[^>]+>", "", h1))
    description = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert html.unescape(description) == payloads.PAYLOAD
    glossary = sf.read(hostile_site, "glossary/index.html")
    assert "window.__kbPwned=1" in html.unescape(re.sub(r"<[^>]+>", "", glossary))


def test_exports_keep_the_text_as_data(hostile_site):
    cases = json.loads(sf.read(hostile_site, "api/cases.json"))
    entries = cases if isinstance(cases, list) else cases.get("cases") or cases.get("items")
    assert any(e.get("title") == payloads.PAYLOAD for e in entries)
    json.loads(sf.read(hostile_site, "pl/api/guides.json"))


def test_csp_lists_only_the_theme_scripts(hostile_site):
    for path in _html_files(os.path.join(hostile_site, "site")):
        with open(path, encoding="utf-8") as fh:
            page = fh.read()
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
        listed = set(re.findall(r"'sha256-[^']+'", policy))
        used = {csp.script_hash(body) for body in csp.executable_inline_scripts(page)}
        assert listed == used, os.path.relpath(path, hostile_site)
        assert "unsafe-inline" not in policy and len(listed) <= 4


def test_a_page_with_a_script_the_site_did_not_write_is_not_published(tmp_path):
    """The last line of defence: an inline script that reaches the output by any way (here a changed
    template) stops the build with the page's name instead of getting a hash."""
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    overrides = os.path.join(site, "overrides")
    shutil.copytree(os.path.join(sf.ROOT, "overrides"), overrides)
    with open(os.path.join(overrides, "main.html"), encoding="utf-8") as fh:
        main = fh.read()
    with open(os.path.join(overrides, "main.html"), "w", encoding="utf-8") as fh:
        fh.write(main.replace("{% block extrahead %}", "{% block extrahead %}<script>alert('injected')</script>", 1))
    cfg_path = os.path.join(site, "mkdocs.yml")
    with open(cfg_path, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    cfg["theme"]["custom_dir"] = overrides
    with open(cfg_path, "w", encoding="utf-8") as fh:
        yaml.safe_dump(cfg, fh, allow_unicode=True, sort_keys=False)
    rc, out = sf.build(site)
    assert rc != 0
    assert "the built page contains an inline script the templates do not write: \"alert('injected')\"" in out
    assert "Traceback" not in out


# Units ---------------------------------------------------------------------------------------------------

def test_csp_apply_reports_what_the_site_did_not_write():
    known = csp.known_hashes(["<script>var ok=1</script>"])
    page = ("<html><head></head><body><script>var ok=1</script><script/x>evil()</script>"
            '<script type="application/json">{"a":1}</script><meta http-equiv="refresh" content="0;url=x"></body></html>')
    out, unexpected = csp.apply(page, known)
    assert len(unexpected) == 2 and "evil()" in unexpected[0] and "refresh" in unexpected[1]
    assert csp.script_hash("var ok=1") in out and csp.script_hash("evil()") not in out


def test_markdown_text_makes_no_markup(render):
    out = render("- " + escaping.markdown_text(payloads.MULTILINE))
    assert safety.judge(out) == []
    assert out.count("<li>") == 1 and "<a " not in out and "onclick" not in re.findall(r"<[^>]*>", out)[1]
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).strip() == " ".join(payloads.MULTILINE.split())


def test_web_url_keeps_addresses_and_refuses_schemes():
    assert escaping.web_url("https://lovdata.no/lov/2008-06-27-71/§5-1") == "https://lovdata.no/lov/2008-06-27-71/§5-1"
    assert escaping.web_url(payloads.URL) == "https://example.org/a%22%3E%3Cscript%3Ewindow.__kbPwned=11%3C/script%3E%28x%29"
    assert escaping.web_url("javascript:alert(1)") == "" and escaping.web_url("//evil.example/") == ""


def test_code_spans_follow_commonmark():
    from knowledge_base import markdown_text
    line = "a `b` c ``d`e`` `f and ```` unclosed"
    assert [line[s:e] for s, e in markdown_text.code_spans(line)] == ["`b`", "``d`e``"]
    assert markdown_text.strip_inline_code("x `<script>` y") == "x            y"
    long = "#" + " " * 5000 + "Title {#t}"
    assert list(markdown_text.headings(long)) == [(1, 1, "Title", "t")]


def test_anchors_of_generated_pages_can_be_linked(tmp_path):
    pages = fp.site_pages()
    pages["index.en.md"] = fp.home("en") + ("\nSee [[whats-new#m-2026-11]], [[checklists#by-topic]] and "
                                            "[[translation-status#lang-pl]].\n")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.kb(site, "check")
    assert rc == 0, out
    rc, out = sf.build(site)
    assert rc == 0, out


def test_keys_and_former_paths_cannot_escape_their_place(tmp_path):
    """Vocabulary keys become file names and {#anchors}; moved_from paths become files of the site: an
    attribute list or a '..' in them is refused before anything is written."""
    pages = fp.site_pages()
    pages["participation/beta-guide.en.md"] = fp.beta("en").replace(
        "reviewed: 2026-11-29\n", 'reviewed: 2026-11-29\nmoved_from: ["../../../outside", "ok/old-beta/"]\n', 1)
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY,
                        vocab_extra={"topics": {'x" onclick=alert(1)': {"en": "X", "pl": "X", "nb": "X"}}})
    rc, out = sf.kb(site, "check")
    assert rc == 1 and "Traceback" not in out
    assert re.search(r"docs/participation/beta-guide\.en\.md:\d+: moved_from '\.\./\.\./\.\./outside' is not a path inside the site — ", out)
    assert "moved_from 'ok/old-beta/'" not in out
    assert re.search(r"data/vocabularies\.yml:\d+: 'topics': 'x\" onclick=alert\(1\)' does not match", out)
    rc, out = sf.build(site)
    assert rc != 0 and not os.path.exists(os.path.join(str(tmp_path), "outside"))


def test_csv_cells_never_start_a_formula():
    """The CSV files open in Excel (that is why they carry a BOM): a text that starts like a formula is
    written as text."""
    from knowledge_base import data_files
    text = data_files.csv_text([{"a": '=HYPERLINK("https://evil.example","x")', "b": "@SUM(1)", "c": ["-1", "x"],
                                 "d": "plain = fine", "e": 5}], ["a", "b", "c", "d", "e"])
    row = text.split("\r\n")[1]
    assert row == '"\'=HYPERLINK(""https://evil.example"",""x"")",\'@SUM(1),\'-1; x,plain = fine,5'
