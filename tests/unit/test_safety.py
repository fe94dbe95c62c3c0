"""Unit tests of safety.py: no MkDocs, no build."""
from knowledge_base import safety
from knowledge_base.registry import Page


def make_page(body, meta=None, path="docs/x.en.md", lang="en"):
    meta = meta if meta is not None else {"id": "g", "type": "guide"}
    return Page(path=path, src="x.en.md", base="x.md", lang=lang, text="---\nid: g\n---\n" + body, meta=meta,
                body=body, body_line=4)


def test_safety_rules(registry):
    render = safety.renderer(registry.config)
    bad = ['<script>alert(1)</script>', '<img src=x onerror="x()">', '[a](javascript:alert(1))',
           '<iframe src="https://example.org"></iframe>', '<object data="x"></object>', '<embed src="x">']
    for line in bad:
        assert safety.check(make_page(line), render), line
    assert not safety.check(make_page("`<script>` in code is fine\n\n```\n<iframe>\n```\n"), render)
