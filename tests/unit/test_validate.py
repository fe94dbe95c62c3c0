"""validate: the rules are a table, and the table is what runs."""
from knowledge_base import validate


def test_every_rule_is_in_the_table_once():
    defined = {name for name in dir(validate) if name.startswith("rule_")}
    listed = [rule.__name__ for rule, _ in validate.PAGE_RULES]
    assert sorted(listed) == sorted(defined) and len(set(listed)) == len(listed)
    assert validate.PAGE_RULES[0][0] is validate.rule_empty


def test_a_page_without_a_header_gets_only_the_rules_that_apply_to_it(registry):
    from knowledge_base.registry import Page
    page = Page(path="docs/x.en.md", src="x.en.md", base="x.md", lang="en", text="Just text <script>x</script>\n",
                meta={}, body="Just text <script>x</script>\n", body_line=1)
    messages = [p.message for p in validate.check_page(page, registry)]
    assert messages == ["a <script> element is not allowed in content", "the page has no header (front matter)"]
