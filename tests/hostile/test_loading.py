"""Issue 24, hostile and broken input: loading never crashes.

Pages and data files saved in the wrong encoding, binary files named .md, byte order marks, impossible
dates, duplicate keys, YAML alias bombs, symbolic link loops, data files of the wrong shape or missing,
and consoles that cannot take the output: each is one `path:line: what — how` line from `kb.py check`
and from the strict build, with a non-zero exit and never a traceback.
"""
import os
import re
import subprocess
import time

import pytest

from knowledge_base import case_map
from knowledge_base import glossary
import sitefactory as sf
from knowledge_base import strings
from knowledge_base import text_files
from knowledge_base import vocabularies
from knowledge_base import yaml_load
from fixtures import pages as fp

LINE = re.compile(r"^(docs|data)/\S+:\d+: .+ — .+$")
CONVERT = "run 'python hooks/kb.py fix' to convert it, or save it as UTF-8 in your editor"
POLISH = "Zażółć gęślą jaźń – ŚWIĘTOŚĆ, ŹDŹBŁO, ĄCZKA"


def bomb(levels=9):
    """A "billion laughs" header: each level repeats the one before nine times."""
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"lol{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def problem_lines(out):
    return [line.split("-  ", 1)[-1] if line.startswith("ERROR") else line for line in out.splitlines()
            if re.match(r"^(ERROR +-  )?(docs|data)/", line)]


def assert_reported(rc, out, expected):
    assert rc != 0, out
    assert "Traceback" not in out, out
    for line in expected:
        assert line in out, f"missing: {line}\n---\n{out}"
    for line in problem_lines(out):
        assert LINE.match(line), line


def write(site, rel, data: bytes):
    path = os.path.join(site, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def text_of(site, rel):
    with open(os.path.join(site, rel), encoding="utf-8") as fh:
        return fh.read()


def file_line(site, rel, start):
    """The line number of the first line of a file that starts with start."""
    return next(n for n, line in enumerate(text_of(site, rel).split("\n"), 1) if line.startswith(start))


# kb.py check and the strict build ---------------------------------------------------------------------
def test_broken_pages_are_reported_by_check_and_build(tmp_path):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    write(site, "docs/index.pl.md", fp.home("pl").replace("Home pl", POLISH).encode("cp1250"))
    write(site, "docs/participation/index.pl.md",
          fp.topic("pl").replace("Participation pl", POLISH.replace("–", "-")).encode("iso-8859-2"))
    write(site, "docs/participation/scan.en.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(site, "docs/participation/beta-guide.pl.md", text_files.BOM + fp.beta("pl").encode())
    write(site, "docs/participation/beta-guide.en.md",
          fp.beta("en").replace("reviewed: 2026-11-29", "reviewed: 2026-02-30").encode())
    write(site, "docs/participation/alpha-guide.nb.md",
          fp.guide("nb").replace("type: guide\n", "type: guide\ntitle: Again\n", 1).encode())
    write(site, "docs/cases/example-case.nb.md", fp.case("nb").replace("type: case\n", "type: case\n" + bomb(), 1).encode())
    os.symlink("/nowhere/old.en.md", os.path.join(site, "docs/participation/old.en.md"))
    os.symlink("..", os.path.join(site, "docs/participation/loop"))
    expected = [
        f"docs/index.pl.md:1: the file is not UTF-8 (it looks like Windows-1250) — {CONVERT}",
        f"docs/participation/index.pl.md:1: the file is not UTF-8 (it looks like ISO-8859-2) — {CONVERT}",
        "docs/participation/scan.en.md:1: this is not a text file (it contains NUL bytes) — remove it, or save "
        "its text as UTF-8 under this name",
        "docs/participation/beta-guide.en.md:24: 'reviewed' is not a real date: 2026-02-30 — write the date as YYYY-MM-DD",
        "docs/participation/alpha-guide.nb.md:5: duplicate key 'title' (first at line 4) — keep one",
        "docs/cases/example-case.nb.md:5: YAML alias '*a0' in the header is not allowed — write the value out in "
        "full instead of repeating '&a0' (anchors and aliases are not supported)",
        "docs/participation/old.en.md:1: this is a symbolic link to /nowhere/old.en.md, which does not exist — "
        "remove the link, or restore the file it points to",
        "docs/participation/loop:1: 'loop' is a symbolic link loop (it points to docs/, which contains it) — remove it",
    ]
    started = time.monotonic()
    rc, out = sf.kb(site, "check")
    assert time.monotonic() - started < 10, "the alias bomb was expanded"
    assert_reported(rc, out, expected)
    assert "beta-guide.pl.md" not in out          # a byte order mark is no problem
    assert "loop/" not in out                      # the loop was not followed
    rc, out = sf.build(site)
    assert_reported(rc, out, expected)
    assert "beta-guide.pl.md" not in out


def test_data_files_of_the_wrong_shape_are_reported_by_check_and_build(tmp_path):
    gloss = fp.GLOSSARY.replace("term: {en: objection, pl: sprzeciw, nb: innsigelse}", "term: [objection, sprzeciw]")
    gloss = gloss.replace("Kommunens overordnede plan.}\n", "Kommunens overordnede plan.}\n    term: {en: again}\n")
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=gloss)
    vocab = text_of(site, "data/vocabularies.yml")
    vocab = re.sub(r"(?m)^audiences:\n(  .*\n)+", "audiences: [planners, residents]\n", vocab)
    vocab = re.sub(r"(?m)^  participation:\n(    .*\n)+", "  participation: [Citizen participation, Medvirkning]\n", vocab)
    write(site, "data/vocabularies.yml", vocab.encode())
    write(site, "data/strings.yml", re.sub(r"(?m)^nb:\n(  .*\n)+", "nb: [a, b]\n", text_of(site, "data/strings.yml")).encode())
    expected = [
        "data/glossary.yml:5: duplicate key 'term' (first at line 3) — keep one",
        "data/glossary.yml:7: glossary term 'innsigelse': 'term' must be a group of 'key: value' lines, not a list "
        "— write one text per language of the site, as 'field: {<language code>: …, <language code>: …}' or "
        "indented 'code: text' lines",
        f"data/vocabularies.yml:{file_line(site, 'data/vocabularies.yml', 'audiences:')}: 'audiences' must be a group "
        "of 'key: value' lines or empty, not a list — write the vocabulary's keys indented below its name, one "
        "'key: {<language code>: label, …}' line each",
        f"data/vocabularies.yml:{file_line(site, 'data/vocabularies.yml', '  participation:')}: 'topics.participation' "
        "must be a group of 'key: value' lines, not a list — write the key's labels as a group, one per language: "
        "'key: {<language code>: label, …}'",
        f"data/strings.yml:{file_line(site, 'data/strings.yml', 'nb:')}: 'nb' must be a group of 'key: value' lines, "
        "not a list — write the language's strings indented below its code, one 'key: text' line each",
    ]
    rc, out = sf.kb(site, "check")
    assert_reported(rc, out, expected)
    assert "unknown audience" not in out and "unknown topics" not in out   # the keys are still known
    assert len(problem_lines(out)) == len(expected), out
    rc, out = sf.build(site)
    assert_reported(rc, out, expected)


def test_missing_data_files_are_one_problem_each(tmp_path):
    pages = fp.site_pages()
    for lang in ("en", "pl", "nb"):
        pages[f"cases/index.{lang}.md"] = (f"---\nid: cases\ntype: page\ntitle: Cases {lang}\nlists: cases\n"
                                           + ("translated_from: en\n" if lang != "en" else "") + "---\n\nAll cases.\n")
    site = sf.make_site(str(tmp_path), pages, glossary=None)      # no glossary.yml, no geo/
    os.remove(os.path.join(site, "data", "strings.yml"))
    expected = [
        "data/glossary.yml:1: the glossary file is missing, and pages refer to glossary terms 3 time(s) — "
        "restore data/glossary.yml (e.g. 'git checkout -- data/glossary.yml')",
        "data/strings.yml:1: the interface strings file is missing — restore data/strings.yml "
        "(e.g. 'git checkout -- data/strings.yml')",
        "data/geo/norway-poland.json:1: the outlines of the case map are missing — restore "
        "data/geo/norway-poland.json (e.g. 'git checkout -- data/geo/norway-poland.json')",
    ]
    rc, out = sf.kb(site, "check")
    assert_reported(rc, out, expected)
    assert problem_lines(out) == sorted(expected), out   # no flood of 'unknown glossary term'
    rc, out = sf.build(site)
    assert_reported(rc, out, expected)
    assert "unknown glossary term" not in out


# kb.py fix --------------------------------------------------------------------------------------------
def test_fix_converts_legacy_encodings_and_removes_a_bom(tmp_path):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    write(site, "docs/index.pl.md", fp.home("pl").replace("Home pl", POLISH).replace("\n", "\r\n").encode("cp1250"))
    write(site, "docs/participation/index.pl.md",
          fp.topic("pl").replace("Participation pl", POLISH.replace("–", "-")).encode("iso-8859-2"))
    write(site, "docs/participation/beta-guide.pl.md", text_files.BOM + fp.beta("pl").encode())
    write(site, "data/glossary.yml", fp.GLOSSARY.replace("plan ogólny gminy", "plan ogólny gminy (źródło)").encode("cp1250"))
    rc, out = sf.kb(site, "fix")
    assert rc == 1, out
    assert out.splitlines() == [
        "docs/index.pl.md: converted from Windows-1250 to UTF-8",
        "docs/participation/beta-guide.pl.md: byte order mark (BOM) removed",
        "docs/participation/index.pl.md: converted from ISO-8859-2 to UTF-8",
        "data/glossary.yml: converted from Windows-1250 to UTF-8",
    ], out
    with open(os.path.join(site, "docs/index.pl.md"), "rb") as fh:
        assert f"title: {POLISH}\r\n".encode() in fh.read()          # line ends kept
    assert f"title: {POLISH.replace('–', '-')}\n" in text_of(site, "docs/participation/index.pl.md")
    assert not open(os.path.join(site, "docs/participation/beta-guide.pl.md"), "rb").read().startswith(text_files.BOM)
    assert "plan ogólny gminy (źródło)" in text_of(site, "data/glossary.yml")
    rc, out = sf.kb(site, "fix")
    assert (rc, out.strip()) == (0, "docs/ and data/ are up to date"), out
    rc, out = sf.kb(site, "check")
    assert rc == 0, out


# The console ------------------------------------------------------------------------------------------
def _broken_site(tmp_path):
    """A site with one ordinary mistake, whose message has non-ASCII characters (— and ó)."""
    pages = fp.site_pages()
    pages["index.pl.md"] = fp.home("pl").replace("[[alpha-guide]]", "[[alpha-gide]]").replace("Home pl", "Główna")
    return sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)


def test_ascii_console_gets_escapes_not_a_traceback(tmp_path):
    site = _broken_site(tmp_path)
    env = dict(os.environ, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    result = subprocess.run([sf.PYTHON, os.path.join(sf.ROOT, "hooks", "kb.py"), "check"], cwd=site, env=env,
                            capture_output=True)
    out = result.stdout.decode("ascii") + result.stderr.decode("ascii")
    assert result.returncode == 1, out
    assert "Traceback" not in out and "UnicodeEncodeError" not in out, out
    assert "docs/index.pl.md:8: reference to unknown id 'alpha-gide' \\u2014 did you mean 'alpha-guide'" in out, out


def test_closed_pipe_ends_quietly(tmp_path):
    site = _broken_site(tmp_path)
    proc = subprocess.Popen([sf.PYTHON, os.path.join(sf.ROOT, "hooks", "kb.py"), "check"], cwd=site,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                 # like `| head` that has gone away before kb.py writes
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err


# yaml_load ---------------------------------------------------------------------------------------------
def test_yaml_duplicate_keys_are_refused_with_both_lines():
    data, _, problems = yaml_load.parse("data/x.yml", "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert [str(p) for p in problems] == ["data/x.yml:4: duplicate key 'c' (first at line 3) — keep one",
                                          "data/x.yml:5: duplicate key 'a' (first at line 1) — keep one"]
    assert data == {"a": 1, "b": {"c": 1}}


def test_yaml_dates_are_iso_strings_and_impossible_dates_reported():
    data, _, problems = yaml_load.parse("docs/p.en.md", "reviewed: 2026-11-29\nat: 2026-11-29 10:30:00\n"
                                        "sources:\n  - accessed: 2026-02-30\n", first_line=2)
    assert data == {"reviewed": "2026-11-29", "at": "2026-11-29", "sources": [{"accessed": "2026-02-30"}]}
    assert [str(p) for p in problems] == [
        "docs/p.en.md:5: 'accessed' is not a real date: 2026-02-30 — write the date as YYYY-MM-DD"]


def test_yaml_aliases_are_refused_at_once():
    started = time.monotonic()
    data, _, problems = yaml_load.parse("docs/p.en.md", "title: x\n" + bomb(), first_line=2, where=" in the header")
    assert time.monotonic() - started < 1
    assert data is None
    assert [str(p) for p in problems] == [
        "docs/p.en.md:4: YAML alias '*a0' in the header is not allowed — write the value out in full instead of "
        "repeating '&a0' (anchors and aliases are not supported)"]
    _, _, problems = yaml_load.parse("x.yml", "a: &x {b: 1}\nc: *x\n")
    assert [str(p) for p in problems] == ["x.yml:2: YAML alias '*x' is not allowed — write the value out in full "
                                          "instead of repeating '&x' (anchors and aliases are not supported)"]
    _, _, problems = yaml_load.parse("x.yml", "a: 1\n<<: {b: 1}\n")
    assert [str(p) for p in problems] == ["x.yml:2: YAML merge key '<<' is not supported — write the fields out in full"]
    data, _, problems = yaml_load.parse("x.yml", "q: Q&A\nr: '*not an alias*'\n")   # '&' and '*' in text are fine
    assert data == {"q": "Q&A", "r": "*not an alias*"} and not problems


def test_yaml_errors_become_problems():
    cases = {
        "a: [unclosed\nb: 1\n": "x.yml:2: YAML syntax error: did not find expected ',' or ']'",
        "a: !!python/object:os.system ls\n": "x.yml:1: unknown YAML tag '!!python/object:os.system'",
        "a: 1\nb: \x07\n": "x.yml:2: YAML syntax error: control characters are not allowed",
        "a: " + "[" * 5000 + "]" * 5000 + "\n": "x.yml:1: YAML syntax error: exceeded maximum nesting depth",
        "a: 1\n---\nb: 2\n": "x.yml:2: YAML syntax error: expected a single document in the stream, but found another document",
        "a: 1\nb: !!int abc\n": "x.yml:2: 'abc' is not a valid !!int — remove the tag and write the value plainly",
        "a: !!timestamp soon\n": "x.yml:1: 'soon' is not a valid !!timestamp",
    }
    for text, start in cases.items():
        data, _, problems = yaml_load.parse("x.yml", text)
        assert data is None and len(problems) == 1, text
        assert str(problems[0]).startswith(start) and " — " in str(problems[0]), (text, str(problems[0]))


def test_yaml_keys_are_text():
    data, _, _ = yaml_load.parse("x.yml", "NO: a\n1: b\nnull: c\n")
    assert data == {"False": "a", "1": "b", "None": "c"}


def test_schema_problems_point_at_the_value():
    text = "terms:\n  - id: a\n    term: {en: x}\n  - id: b\n    term: [x]\n    colour: red\n"
    data, root, _ = yaml_load.parse("data/glossary.yml", text)
    found = [str(p) for p in yaml_load.schema_problems("data/glossary.yml", data, root, "glossary")]
    assert found[0].startswith("data/glossary.yml:6: unknown field 'colour' in 'terms.1' — "), found
    assert found[1].startswith("data/glossary.yml:5: 'terms.1.term' must be a group of 'key: value' lines, not a list — ")


# text_files --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,encoding", [
    ("Zażółć gęślą jaźń. Świętość źdźbła. Ącki.", "cp1250"),
    ("Zażółć gęślą jaźń. Świętość źdźbła. Ącki.", "iso-8859-2"),
    ("Mała łódź, ćma, nóż, żółw, Łódź, Żory.", "cp1250"),        # the letters both encodings share
    ("Blåbærsyltetøy på Ørland, ærlig talt.", "cp1252"),
])
def test_legacy_encodings_are_recognised(text, encoding):
    data = text.encode(encoding)
    assert text_files.guess_encoding(data) == encoding
    assert text_files.decode(data) == (text, encoding, False)


def test_read_reports_what_is_wrong(tmp_path):
    def read(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return text_files.read(str(path), f"docs/{name}")

    assert read("bom.md", text_files.BOM + "---\r\nid: a\r\n---\rx\n".encode()) == ("---\nid: a\n---\nx\n", None)
    _, problem = read("pl.md", "Świętość".encode("cp1250"))
    assert str(problem) == f"docs/pl.md:1: the file is not UTF-8 (it looks like Windows-1250) — {CONVERT}"
    _, problem = read("mixed.md", "Zażółć\ngęślą\n".encode() + "jaźń\n".encode("cp1250"))
    assert str(problem) == ("docs/mixed.md:3: this line is not UTF-8, although the rest of the file is (text pasted "
                            "from a file in another encoding) — type its accented letters again, and save the file as UTF-8")
    _, problem = read("bin.md", b"GIF89a\x00\x01\xff")
    assert str(problem).startswith("docs/bin.md:1: this is not a text file (it contains NUL bytes) — ")
    _, problem = read("u16.md", "tekst".encode("utf-16"))
    assert str(problem) == f"docs/u16.md:1: the file is not UTF-8 (it is UTF-16, which Notepad calls 'Unicode') — {CONVERT}"
    assert text_files.decode("tekst ł".encode("utf-16")) == ("tekst ł", "utf-16", True)
    _, problem = text_files.read(str(tmp_path / "gone.md"), "docs/gone.md")
    assert str(problem) == "docs/gone.md:1: the file is missing — restore docs/gone.md"


def test_walk_reports_links_and_does_not_follow_loops(tmp_path):
    root = tmp_path / "site"
    (root / "docs" / "a").mkdir(parents=True)
    (root / "docs" / "a" / "x.en.md").write_text("x")
    (root / "docs" / "b.en.md").write_text("b")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.en.md").write_text("o")
    os.symlink(str(tmp_path / "outside"), root / "docs" / "linked")
    os.symlink("..", root / "docs" / "a" / "up")
    os.symlink("missing.md", root / "docs" / "dangling.en.md")
    os.symlink("self.md", root / "docs" / "self.md")
    found = [(os.path.relpath(full, root), str(problem) if problem else None)
             for full, problem in text_files.walk(str(root / "docs"), str(root))]
    assert found == [
        ("docs/b.en.md", None),
        ("docs/dangling.en.md", "docs/dangling.en.md:1: this is a symbolic link to missing.md, which does not exist — "
                                "remove the link, or restore the file it points to"),
        ("docs/self.md", "docs/self.md:1: this is a symbolic link loop — remove it"),
        ("docs/a/up", "docs/a/up:1: 'up' is a symbolic link loop (it points to docs/, which contains it) — remove it"),
        ("docs/a/x.en.md", None),
        ("docs/linked/o.en.md", None),          # a link to a folder elsewhere is followed, as MkDocs does
    ]


# The loaders tolerate every shape ----------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("terms:\n  - id: plan-ogolny\n    term: {pl: plan ogólny}\n".encode("cp1250"),
     f"data/glossary.yml:1: the file is not UTF-8 (it looks like Windows-1250) — {CONVERT}"),
    ("terms:\n  plan: {id: plan}\n", "data/glossary.yml:1: 'terms' must be a list ('- item' lines or [a, b]), not a "
                                    "group of 'key: value' lines — write 'terms:' and below it one entry per term"),
    ("terms:\n  - just a word\n", "data/glossary.yml:2: glossary entry 1 must be a group of 'key: value' lines, not 'just a word'"),
    ("- a\n- b\n", "data/glossary.yml:1: the file must be a group of 'key: value' lines, not a list"),
    ("", "data/glossary.yml:1: the file must be a group of 'key: value' lines, not empty"),
    ("terms:\n  - id: a\n    id: b\n", "data/glossary.yml:3: duplicate key 'id' (first at line 2) — keep one"),
    ("nothing: here\n", "data/glossary.yml:1: unknown field 'nothing'"),
])
def test_glossary_of_the_wrong_shape(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_bytes(text if isinstance(text, bytes) else text.encode())
    gloss, problems = glossary.load("data", ("en", "pl"))
    assert [str(p) for p in problems if str(p).startswith(expected)], [str(p) for p in problems]
    assert isinstance(gloss, glossary.Glossary)   # never raises


def test_vocabularies_and_strings_of_the_wrong_shape(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vocabularies.yml").write_text(
        "topics: [a, b]\nphases: 7\npopulation_bands:\n  small: {min: few, en: Small, pl: Mała}\n"
        "audiences:\n  planners: [Planners]\n", encoding="utf-8")
    vocab, problems = vocabularies.load("data", ("en", "pl"))
    assert [str(p).split(" — ")[0] for p in problems] == [
        "data/vocabularies.yml:6: 'audiences.planners' must be a group of 'key: value' lines, not a list",
        "data/vocabularies.yml:2: 'phases' must be a group of 'key: value' lines or empty, not 7",
        "data/vocabularies.yml:4: 'population_bands.small.min' must be a whole number, not 'few'",
        "data/vocabularies.yml:1: 'topics' must be a group of 'key: value' lines or empty, not a list"]
    assert vocab.keys("topics") == ["a", "b"] and "anything" in vocab.keys("phases")
    assert vocab.band_for(5) is None and vocab.label("audiences", "planners", "pl") == "planners"
    (tmp_path / "data" / "strings.yml").write_text("en: {a: A, b: B}\npl: [A, B]\nnb:\n  a: A\n", encoding="utf-8")
    texts, problems = strings.load("data", ("en", "pl", "nb"), "en")
    assert [str(p) for p in problems] == [
        "data/strings.yml:2: 'pl' must be a group of 'key: value' lines, not a list — write the language's strings "
        "indented below its code, one 'key: text' line each",
        "data/strings.yml:3: interface strings missing in 'nb': b — add them under 'nb:' (copy the 'en:' entries and translate)"]
    assert texts.for_lang("pl")["a"] == "A" and texts.for_lang("nb")["unknown_key"] == "unknown_key"


def test_geo_outlines_that_cannot_be_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "geo").mkdir(parents=True)
    data = str(tmp_path / "data")
    assert case_map.geo_problems(data, needed=False) == []
    assert str(case_map.geo_problems(data, needed=True)[0]).startswith(
        "data/geo/norway-poland.json:1: the outlines of the case map are missing — ")
    geo = tmp_path / "data" / "geo" / "norway-poland.json"
    for text, start in (('{\n"countries": {"PL": [[[1, 2]]]\n', "data/geo/norway-poland.json:3: the outlines of the "
                                                                 "case map are not valid JSON: Expecting ',' delimiter — "),
                        ('{"countries": {"PL": [[1, 2]]}}', "data/geo/norway-poland.json:1: the outlines of the case "
                                                            "map are not in the expected shape"),
                        ('[]', "data/geo/norway-poland.json:1: the outlines of the case map are not in the expected shape")):
        geo.write_text(text)
        problems = case_map.geo_problems(data, needed=False)
        assert len(problems) == 1 and str(problems[0]).startswith(start), problems
    geo.write_text('{"countries": {"PL": [[[14.1, 49.0], [24.1, 54.8], [14.2, 54.0]]]}}')
    assert case_map.geo_problems(data, needed=True) == []
    assert case_map.load_geo(data)["countries"]["PL"][0][0] == [14.1, 49.0]
