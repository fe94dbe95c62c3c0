"""Unit tests of the plain modules: no MkDocs, no build."""
import checklists
import frontmatter
import references
import registry
import safety
import translations
from registry import Page


def make_page(body, meta=None, path="docs/x.en.md", lang="en"):
    meta = meta if meta is not None else {"id": "g", "type": "guide"}
    return Page(path=path, src="x.en.md", base="x.md", lang=lang, text="---\nid: g\n---\n" + body, meta=meta,
                body=body, body_line=4)


def test_yaml_error_points_at_the_line():
    text = "---\nid: a\ntitle: [unclosed\ntype: guide\n---\nbody\n"
    meta, body, line, problems = frontmatter.parse("docs/a.en.md", text)
    assert problems and problems[0].line in (3, 4, 5)
    assert "YAML syntax error" in problems[0].message
    assert problems[0].fix


def test_dates_become_iso_strings():
    meta, *_ = frontmatter.parse("p", "---\nreviewed: 2026-11-29\n---\nx\n")
    assert meta["reviewed"] == "2026-11-29"


def test_language_suffixes():
    assert registry.split_suffix("a.pl.md", ("en", "pl", "nb")) == ("a.md", "pl", None)
    assert registry.split_suffix("a.de.md", ("en", "pl", "nb"))[2].startswith("unknown language suffix")
    assert registry.split_suffix("a.md", ("en", "pl", "nb"))[2].startswith("the file name has no language")


def test_references_found_outside_code_only():
    body = "See [[a]] and [[b#c|text]] and [[glossary:t]].\n\n```\n[[not-this]]\n```\n`[[nor-this]]`\n"
    refs = references.find(body, 1)
    assert [(r.target, r.anchor, r.text, r.glossary) for r in refs] == [
        ("a", None, None, False), ("b", "c", "text", False), ("t", None, None, True)]


def test_relative_links_between_docs():
    assert references.relative_md("participation/a.md", "spatial-planning/b.md") == "../spatial-planning/b.md"
    assert references.relative_md("index.md", "participation/a.md") == "participation/a.md"


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


def test_hash_ignores_whitespace_and_stamp_updates_header():
    a = make_page("Some   text\n\nhere", meta={"title": "T"})
    b = make_page("Some text here", meta={"title": "T"})
    assert translations.source_hash(a) == translations.source_hash(b)
    text = "---\nid: x\ntranslated_from: en\n---\nBody\n"
    stamped = translations.stamp_text(text, "abcd1234")
    assert 'translated_from: en\nsource_hash: "abcd1234"\n' in stamped and stamped.endswith("---\nBody\n")
    assert translations.stamp_text(stamped, "ffff0000").count("source_hash") == 1
    import frontmatter as fm
    assert fm.parse("p", translations.stamp_text(text, "00001234"))[0]["source_hash"] == "00001234"


def test_safety_rules(registry):
    render = safety.renderer(registry.config)
    bad = ['<script>alert(1)</script>', '<img src=x onerror="x()">', '[a](javascript:alert(1))',
           '<iframe src="https://example.org"></iframe>', '<object data="x"></object>', '<embed src="x">']
    for line in bad:
        assert safety.check(make_page(line), render), line
    assert not safety.check(make_page("`<script>` in code is fine\n\n```\n<iframe>\n```\n"), render)


def test_inline_markdown_is_converted_once_but_links_are_relative_to_each_page(registry):
    import inline_html
    text = "Agree the *plan* with [[participation-plan]] and [[glossary:universal-design]]."
    on_guide = inline_html.render(text, "participation/children-and-youth/", "pl", registry)
    on_list = inline_html.render(text, "checklists/phase-drafting/", "pl", registry)
    assert "<em>plan</em>" in on_guide and "<em>plan</em>" in on_list
    assert 'href="../participation-plan/"' in on_guide
    assert 'href="../../participation/participation-plan/"' in on_list
    assert 'href="../../glossary/#universal-design"' in on_list
    assert registry.title("participation-plan", "pl") in on_list
    assert "KBREF" not in on_guide + on_list


def test_qr_codes_made_in_a_second_process_equal_those_made_here(monkeypatch):
    import print_assets
    urls = [(f"https://example.org/pl/go/guide-{i}/", "Kod QR") for i in range(5)]
    expected = {url: print_assets.qr_svg(url, label) for url, label in urls + [("https://example.org/other/", "QR")]}
    made_here = []
    make = print_assets.qr_svg
    monkeypatch.setattr(print_assets, "qr_svg", lambda url, label: made_here.append(url) or make(url, label))
    codes = print_assets.QrCodes([urls[:3], urls[3:]])
    try:
        got = {url: codes.get(url, label) for url, label in urls + [("https://example.org/other/", "QR")]}
    finally:
        codes.close()
    assert got == expected
    assert made_here == ["https://example.org/other/"]   # the batches came from the other process


def test_a_failing_qr_process_falls_back_to_making_codes_here(monkeypatch):
    import print_assets

    def broken(batch):
        raise OSError("no second process here")
    monkeypatch.setattr(print_assets, "_made_elsewhere", broken)
    codes = print_assets.QrCodes([[("https://example.org/a/", "QR")]])
    assert codes.get("https://example.org/a/", "QR") == print_assets.qr_svg("https://example.org/a/", "QR")
    codes.close()


def test_folded_terms_spell_special_letters_without_them():
    import search_index
    html = '<p>Łódź i <a href="x">pełnomocnik</a> — «skjønn», Ærø; słowo</p><p>bez znaków</p>'
    assert search_index.folded_terms(html) == "aero lódź pelnomocnik skjonn slowo"   # ó, ź: Pagefind folds those
    assert search_index.folded_terms("<p>plain</p>") == ""


def test_language_glob_keeps_other_languages_and_the_index_out(tmp_path):
    import search_index
    for name in ("pl", "nb", "pagefind", "participation", "cases"):
        (tmp_path / name).mkdir()
    assert search_index.language_glob(str(tmp_path), "pl/", ["", "nb/"]) == "pl/**/*.html"
    assert search_index.language_glob(str(tmp_path), "", ["pl/", "nb/"]) == "{*.html,cases/**/*.html,participation/**/*.html}"
