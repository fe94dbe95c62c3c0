"""html_fixes.py: repairs to Material's HTML."""
from knowledge_base import html_fixes

SWITCH = ('<a href="/kb/" hreflang="en" class="md-select__link">English</a>'
          '<a href="/kb/pl/" hreflang="pl" class="md-select__link">Polski</a>'
          '<a href="../nb/x/" hreflang="nb" class="md-select__link">Norsk</a>')


def test_home_page_language_links_become_relative():
    assert html_fixes.relative_language_links(SWITCH, "pl/", "/kb/") == (
        '<a href="../" hreflang="en" class="md-select__link">English</a>'
        '<a href="./" hreflang="pl" class="md-select__link">Polski</a>'
        '<a href="../nb/x/" hreflang="nb" class="md-select__link">Norsk</a>')
    assert 'href="pl/"' in html_fixes.relative_language_links(SWITCH, "", "/kb/")


def test_links_outside_the_site_path_are_left_alone():
    assert html_fixes.relative_language_links(SWITCH, "", "/other/") == SWITCH
