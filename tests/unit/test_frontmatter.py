"""Unit tests of frontmatter.py: no MkDocs, no build."""
from knowledge_base import frontmatter


def test_yaml_error_points_at_the_line():
    text = "---\nid: a\ntitle: [unclosed\ntype: guide\n---\nbody\n"
    meta, body, line, problems = frontmatter.parse("docs/a.en.md", text)
    assert problems and problems[0].line in (3, 4, 5)
    assert "YAML syntax error" in problems[0].message
    assert problems[0].fix


def test_dates_become_iso_strings():
    meta, *_ = frontmatter.parse("p", "---\nreviewed: 2026-11-29\n---\nx\n")
    assert meta["reviewed"] == "2026-11-29"
