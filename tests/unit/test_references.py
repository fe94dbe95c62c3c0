"""Unit tests of references.py: no MkDocs, no build."""
from knowledge_base import references


def test_references_found_outside_code_only():
    body = "See [[a]] and [[b#c|text]] and [[glossary:t]].\n\n```\n[[not-this]]\n```\n`[[nor-this]]`\n"
    refs = references.find(body, 1)
    assert [(r.target, r.anchor, r.text, r.glossary) for r in refs] == [
        ("a", None, None, False), ("b", "c", "text", False), ("t", None, None, True)]


def test_relative_links_between_docs():
    assert references.relative_md("participation/a.md", "spatial-planning/b.md") == "../spatial-planning/b.md"
    assert references.relative_md("index.md", "participation/a.md") == "participation/a.md"


def test_a_reference_broken_across_lines_is_found():
    from knowledge_base import references as refs
    body = "One [[a-page|its\ntext]] here.\nFine [[a-page]] and `[[code` and\n```\n[[in a block\n```\nLast [[x]] [[y\n"
    assert refs.unfinished(body, 10) == [10, 16]
