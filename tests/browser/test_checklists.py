"""Checklists in the browser: ticks persist across reloads and languages, progress, export, print."""
import re

import pytest

GUIDE = "participation/stakeholder-mapping/"


def boxes(page):
    return page.locator(".kb-checklist input.kb-checklist__box")


def test_tick_reload_switch_language_progress_and_export(page, base_url):
    page.goto(base_url + GUIDE)
    first = boxes(page).nth(0)
    item = first.get_attribute("data-item")
    progress = page.locator(".kb-checklist__progress").first
    total = boxes(page).count()
    assert progress.inner_text() == f"0 of {total} done"
    first.check()
    assert progress.inner_text() == f"1 of {total} done"
    page.reload()
    assert boxes(page).nth(0).is_checked()
    # switch language with the header's language switcher: still ticked, progress in Polish
    page.goto(base_url + "pl/" + GUIDE)
    box = page.locator(f'input.kb-checklist__box[data-item="{item}"]').first
    assert box.is_checked()
    assert page.locator(".kb-checklist__progress").first.inner_text() == f"Zrobione: 1 z {total}"
    # the generated topic checklist shares the tick
    page.goto(base_url + "pl/checklists/participation/")
    assert page.locator(f'input.kb-checklist__box[data-item="{item}"]').first.is_checked()
    # export my answers: the file holds the tick
    page.goto(base_url + GUIDE)
    with page.expect_download() as info:
        page.get_by_role("button", name="Export my answers (Markdown)").first.click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "- [x] " in text and f"({item})" in text
    assert text.count("- [ ] ") == total - 1
    with page.expect_download() as info:
        page.get_by_role("button", name="Export my answers (CSV)").first.click()
    csv_text = open(info.value.path(), encoding="utf-8-sig").read()
    assert re.search(rf'"{re.escape(item)}",".*","done"', csv_text)
    assert not page.recorder.errors, page.recorder.errors


def test_reset_clears_ticks(page, base_url):
    page.goto(base_url + GUIDE)
    boxes(page).nth(1).check()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear my ticks").first.click()
    assert not boxes(page).nth(1).is_checked()
    page.reload()
    assert not boxes(page).nth(1).is_checked()


def test_keyboard_ticks_a_box(page, base_url):
    page.goto(base_url + GUIDE)
    page.locator(".kb-checklist__box").first.focus()
    page.keyboard.press("Space")
    assert boxes(page).first.is_checked()


def test_print_view_hides_navigation_and_shows_qr(page, base_url):
    page.goto(base_url + "checklists/participation/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".kb-print-footer svg.kb-qr").is_visible()
    assert base_url.split("//")[0] in page.locator(".kb-print-url").inner_text() or page.locator(".kb-print-url").inner_text().startswith("https://")
    assert not page.locator(".kb-checklist__toolbar").first.is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".kb-print-footer").is_visible()


@pytest.mark.parametrize("lang", ["en", "pl", "nb"])
def test_a_topic_checklist_prints_as_a_handout_of_at_most_four_pages(page, base_url, registry, lang):
    """The Polish participation checklist printed on 29 A4 pages; a trainer needs a handout: compact
    items with tick boxes, explanations only on request."""
    for topic in ("participation", "universal-design", "spatial-planning"):
        page.goto(base_url + registry.config.prefix(lang) + f"checklists/{topic}/")
        page.locator(".kb-checklist__toolbar").first.wait_for()
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert 1 <= pages <= 4, (lang, topic, pages)
        assert page.locator(".kb-checklist__box").first.is_visible()
        assert page.locator(".kb-checklist__meta").first.is_hidden() and page.locator(".kb-checklist__why").first.is_hidden()
        page.emulate_media(media="screen")
    page.check("#kb-print-explanations")   # the trainer's choice: with phase, law, guide and why
    assert page.locator("#kb-print-explanations").count() == 1   # one option per page, not one per list
    page.emulate_media(media="print")
    assert page.locator(".kb-checklist__meta").first.is_visible()
