"""Every kind of content mistake is reported as path:line: what — how, all at once, without a traceback."""
import re

import pytest

import sitefactory as sf
from fixtures import pages as fp

LINE = re.compile(r"^docs/\S+:\d+: .+ — .+$")


def check(tmp_path, changes=None, remove=(), glossary=fp.GLOSSARY, **kw):
    pages = fp.site_pages(**kw)
    for rel in remove:
        pages.pop(rel)
    pages.update(changes or {})
    site = sf.make_site(str(tmp_path), pages, glossary=glossary)
    rc, out = sf.kb(site, "check")
    assert "Traceback" not in out
    return rc, out


def errors(out):
    return [l for l in out.splitlines() if l.startswith(("docs/", "data/"))]


def test_valid_fixture_is_clean(tmp_path):
    rc, out = check(tmp_path)
    assert rc == 0, out
    assert not errors(out)


@pytest.mark.parametrize("name,changes,expected", [
    ("yaml", {"participation/beta-guide.en.md": "---\nid: beta-guide\ntitle: [broken\n---\nText\n"},
     r"docs/participation/beta-guide\.en\.md:\d+: YAML syntax error"),
    ("missing field", {"participation/beta-guide.en.md": fp.beta("en").replace("summary: Beta.\n", "")},
     r"beta-guide\.en\.md:2: missing field 'summary' — add 'summary: …'"),
    ("wrong type", {"cases/example-case.en.md": fp.case("en").replace("population: 30000", "population: about 30000")},
     r"example-case\.en\.md:9: field 'population' must be integer"),
    ("unknown vocabulary key", {"participation/beta-guide.en.md": fp.beta("en").replace("topics: [participation]", "topics: [partcipation]")},
     r"beta-guide\.en\.md:6: unknown topics 'partcipation' — did you mean 'participation'\?"),
    ("band mismatch", {"cases/example-case.en.md": fp.case("en").replace("population: 30000", "population: 60000")},
     r"population_band '20k-50k' does not match population 60000 — write population_band: 50k-100k"),
    ("unknown reference", {"index.en.md": fp.home("en").replace("[[alpha-guide]]", "[[alpha-gide]]")},
     r"index\.en\.md:\d+: reference to unknown id 'alpha-gide' — did you mean 'alpha-guide'"),
    ("unknown anchor", {"index.en.md": fp.home("en").replace("[[alpha-guide]]", "[[alpha-guide#nowhere]]")},
     r"'alpha-guide' has no anchor '#nowhere'"),
    ("unknown glossary term", {"index.en.md": fp.home("en").replace("[[alpha-guide]]", "[[glossary:no-such-term]]")},
     r"unknown glossary term 'no-such-term'"),
    ("unknown language suffix", {"participation/extra.de.md": fp.beta("en")},
     r"participation/extra\.de\.md:1: unknown language suffix '\.de'"),
    ("empty page", {"participation/empty.en.md": ""}, r"empty\.en\.md:1: the page is empty"),
    ("script", {"index.en.md": fp.home("en") + "\n<script>alert(1)</script>\n"}, r"index\.en\.md:\d+: a <script> element is not allowed"),
    ("event attribute", {"index.en.md": fp.home("en") + '\n<img src="a.png" onerror="x()">\n'}, r"index\.en\.md:\d+: an event attribute onerror= on <img> is not allowed in content — remove the attribute"),
    ("javascript link", {"index.en.md": fp.home("en") + "\n[click](javascript:alert(1))\n"}, r"a javascript: link"),
    ("iframe", {"index.en.md": fp.home("en") + '\n<iframe src="https://example.org"></iframe>\n'}, r"an <iframe> element"),
    ("object", {"index.en.md": fp.home("en") + '\n<object data="x.swf"></object>\n'}, r"an <object> element"),
    ("embed", {"index.en.md": fp.home("en") + '\n<embed src="x.swf">\n'}, r"an <embed> element"),
    ("duplicate id", {"participation/copy.en.md": fp.beta("en")}, r"duplicate id 'beta-guide' \(also in docs/participation/"),
    ("id differs", {"participation/beta-guide.pl.md": fp.beta("pl").replace("id: beta-guide", "id: beta-guide-pl")},
     r"beta-guide\.pl\.md:2: id 'beta-guide-pl' differs from 'beta-guide'"),
    ("missing anchor in translation", {"participation/alpha-guide.nb.md": fp.guide("nb").replace("## Why {#why}", "## Why {#hvorfor}")},
     r"alpha-guide\.nb\.md:\d+: headings with anchors #why of docs/participation/alpha-guide\.en\.md are missing"),
    ("checklist id differs", {"participation/alpha-guide.pl.md": fp.guide("pl").replace("`second-item`", "`drugi-punkt`")},
     r"alpha-guide\.pl\.md:\d+: checklist item 'drugi-punkt' is not in docs/participation/alpha-guide\.en\.md"),
    ("heading without anchor", {"index.en.md": fp.home("en") + "\n## A heading\n\nText.\n"},
     r"heading 'A heading' has no explicit anchor"),
    ("unknown page type", {"participation/beta-guide.en.md": fp.beta("en").replace("type: guide", "type: giude")},
     r"unknown page type 'giude' — did you mean 'guide'\?"),
])
def test_each_mistake_is_reported(tmp_path, name, changes, expected):
    rc, out = check(tmp_path, changes)
    assert rc == 1, out
    assert re.search(expected, out), out
    for line in errors(out):
        assert LINE.match(line), line


def test_glossary_term_missing_a_language(tmp_path):
    glossary = fp.GLOSSARY.replace("nb: Formell innsigelse.", "")
    rc, out = check(tmp_path, glossary=glossary.replace(", }", "}"))
    assert rc == 1
    assert re.search(r"data/glossary\.yml:\d+: glossary term 'innsigelse' has no definition in nb", out), out


def test_duplicate_glossary_id(tmp_path):
    glossary = fp.GLOSSARY + fp.GLOSSARY.split("terms:\n")[1].split("  - id: innsigelse")[0]
    rc, out = check(tmp_path, glossary=glossary)
    assert rc == 1 and "duplicate glossary id 'plan-ogolny'" in out, out


def test_all_problems_in_one_run(tmp_path):
    changes = {
        "index.en.md": fp.home("en").replace("[[alpha-guide]]", "[[nope]]") + "\n<script>x</script>\n",
        "participation/beta-guide.en.md": fp.beta("en").replace("topics: [participation]", "topics: [nope]"),
    }
    rc, out = check(tmp_path, changes)
    assert rc == 1
    assert "unknown id 'nope'" in out and "<script>" in out and "unknown topics 'nope'" in out
    assert re.search(r"^3 error\(s\)", out.splitlines()[-1]), out


def test_strict_build_fails_with_the_same_messages(tmp_path):
    pages = fp.site_pages()
    pages["index.en.md"] = fp.home("en").replace("[[alpha-guide]]", "[[alpha-gide]]")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.build(site)
    assert rc != 0
    assert "docs/index.en.md:7: reference to unknown id 'alpha-gide' — did you mean 'alpha-guide'" in out
    assert "Traceback" not in out


def test_warnings_fail_only_with_strict(tmp_path):
    pages = fp.site_pages()
    pages["participation/beta-guide.en.md"] = fp.beta("en").replace("reviewed: 2026-11-29", "reviewed: 2020-01-01")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.kb(site, "check")
    assert rc == 0 and "warning: docs/participation/beta-guide.en.md:" in out and "more than 12 months ago" in out
    rc, out = sf.kb(site, "check", "--strict")
    assert rc == 1
