"""Unit tests of translations.py: no MkDocs, no build."""
from knowledge_base import translations
from knowledge_base.registry import Page


def make_page(body, meta=None, path="docs/x.en.md", lang="en"):
    meta = meta if meta is not None else {"id": "g", "type": "guide"}
    return Page(path=path, src="x.en.md", base="x.md", lang=lang, text="---\nid: g\n---\n" + body, meta=meta,
                body=body, body_line=4)


def test_hash_ignores_whitespace_and_stamp_updates_header():
    a = make_page("Some   text\n\nhere", meta={"title": "T"})
    b = make_page("Some text here", meta={"title": "T"})
    assert translations.source_hash(a) == translations.source_hash(b)
    text = "---\nid: x\ntranslated_from: en\n---\nBody\n"
    stamped = translations.stamp_text(text, "abcd1234")
    assert 'translated_from: en\nsource_hash: "abcd1234"\n' in stamped and stamped.endswith("---\nBody\n")
    assert translations.stamp_text(stamped, "ffff0000").count("source_hash") == 1
    from knowledge_base import frontmatter as fm
    assert fm.parse("p", translations.stamp_text(text, "00001234"))[0]["source_hash"] == "00001234"
