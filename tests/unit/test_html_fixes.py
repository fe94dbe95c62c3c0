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


def test_the_404_pages_switcher_leads_to_the_language_homes():
    homes = {"en": "/kb/", "pl": "/kb/pl/", "nb": "/kb/nb/"}
    fixed = html_fixes.language_links_to(SWITCH, homes)
    assert [href for href, _ in __import__("re").findall(r'href="([^"]*)" hreflang="(\w+)"', fixed)] == ["/kb/", "/kb/pl/", "/kb/nb/"]
    assert html_fixes.language_links_to(SWITCH, {"pl": "/x/"}).count('href="/kb/"') == 1   # others kept


def test_head_hreflang_links_are_dropped_and_the_feed_link_kept():
    head = ('<head>\n  <link rel="canonical" href="https://x/kb/pl/a/">\n'
            '  <link rel="alternate" href="../../a/" hreflang="en">\n  <link rel="alternate" href="./" hreflang="pl">\n'
            '  <link rel="alternate" type="application/atom+xml" title="Co nowego" href="../feed.xml">\n</head>')
    assert html_fixes.drop_head_alternates(head) == (
        '<head>\n  <link rel="canonical" href="https://x/kb/pl/a/">\n'
        '  <link rel="alternate" type="application/atom+xml" title="Co nowego" href="../feed.xml">\n</head>')
