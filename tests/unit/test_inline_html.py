"""Unit tests of inline_html.py: no MkDocs, no build."""


def test_inline_markdown_is_converted_once_but_links_are_relative_to_each_page(registry):
    from knowledge_base import inline_html
    text = "Agree the *plan* with [[participation-plan]] and [[glossary:universal-design]]."
    on_guide = inline_html.render(text, "participation/children-and-youth/", "pl", registry)
    on_list = inline_html.render(text, "checklists/phase-drafting/", "pl", registry)
    assert "<em>plan</em>" in on_guide and "<em>plan</em>" in on_list
    assert 'href="../participation-plan/"' in on_guide
    assert 'href="../../participation/participation-plan/"' in on_list
    assert 'href="../../glossary/#universal-design"' in on_list
    assert registry.title("participation-plan", "pl") in on_list
    assert "KBREF" not in on_guide + on_list
