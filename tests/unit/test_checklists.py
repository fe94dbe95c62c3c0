"""Unit tests of checklists.py: no MkDocs, no build."""
from knowledge_base import checklists
from knowledge_base.registry import Page


def make_page(body, meta=None, path="docs/x.en.md", lang="en"):
    meta = meta if meta is not None else {"id": "g", "type": "guide"}
    return Page(path=path, src="x.en.md", base="x.md", lang=lang, text="---\nid: g\n---\n" + body, meta=meta,
                body=body, body_line=4)


def test_checklist_extraction():
    body = ("## Checklist {#checklist}\n\nIntro.\n\n"
            "- [ ] `one` First.\n    - phase: diagnosis\n    - why: Because.\n    - law PL: art. 8i\n    - law NO: pbl § 5-2\n"
            "- [ ] `two` Second.\n\n## Pitfalls {#pitfalls}\n\n- [ ] `not-an-item` Outside.\n")
    items, problems = checklists.extract(make_page(body))
    assert not problems
    assert [i.id for i in items] == ["g.one", "g.two"]
    assert items[0].phase == "diagnosis" and items[0].why == "Because."
    assert items[0].laws == {"PL": "art. 8i", "NO": "pbl § 5-2"}
    assert items[0].line == 4 + 4


def test_checklist_item_without_id_and_duplicate():
    body = "## Checklist {#checklist}\n\n- [ ] No id here.\n- [ ] `a` A.\n- [ ] `a` Again.\n"
    _, problems = checklists.extract(make_page(body))
    messages = [p.message for p in problems]
    assert "checklist item has no id" in messages
    assert any("used twice" in m for m in messages)


def test_rendered_checklist_replaces_only_the_list():
    body = "## Checklist {#checklist}\n\nIntro.\n\n- [ ] `one` First.\n    - phase: diagnosis\n\n## Next {#next}\n"
    out = checklists.replace_section(body, "<RENDERED>")
    assert "Intro." in out and "<RENDERED>" in out and "- [ ]" not in out and "## Next {#next}" in out


def test_csv_has_bom_and_keeps_letters():
    text = checklists.to_csv([("c", [{"id": "g.a", "text": "Łódź and Tromsø", "guide": "g", "guide_title": "G",
                                      "phase": "", "legal_basis": {}, "why": "", "url": "u"}])])
    assert text.startswith("\ufeff") and "Łódź and Tromsø" in text
