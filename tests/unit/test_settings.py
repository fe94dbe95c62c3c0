"""extra.kb in mkdocs.yml: declared once, typed, defaults, and mistakes reported with their line."""
import os
import re

from knowledge_base import settings
from knowledge_base import site_config
import sitefactory as sf
from fixtures import pages as fp


def test_defaults_and_types():
    s, problems = settings.from_mapping({"nav_order": ["index", "cases"], "review_months": 6})
    assert problems == []
    assert s.nav_order == ("index", "cases") and s.review_months == 6 and s.nav_max_pages == 40
    assert s.csp is True and s.search == "pagefind"


def test_mistakes_are_reported_each_with_its_line():
    lines = {"nav_max_page": 7, "csp": 8, "search": 9, "review_months": 10}
    s, problems = settings.from_mapping({"nav_max_page": 3, "csp": "no", "search": "google", "review_months": 0},
                                        line_of=lambda key: lines.get(key, 1))
    text = [str(p) for p in problems]
    assert text == [
        "mkdocs.yml:7: unknown setting 'nav_max_page' under extra.kb — did you mean 'nav_max_pages'?",
        "mkdocs.yml:8: setting 'csp' must be true or false, not 'no' — write csp: true",
        "mkdocs.yml:9: unknown search engine 'google' — use one of the search engines: material, none, pagefind",
        "mkdocs.yml:10: setting 'review_months' must be at least 1, not 0 — write review_months: 12",
    ]
    assert s == settings.Settings()   # nothing wrong is used


def test_check_and_build_refuse_a_misspelt_setting_with_the_line_of_mkdocs_yml(tmp_path):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    path = os.path.join(site, "mkdocs.yml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    text = text.replace("  kb:\n", "  kb:\n    nav_max_page: 3\n", 1)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    line = text.split("\n").index("    nav_max_page: 3") + 1
    assert site_config.load(path).settings.nav_max_pages == 40
    rc, out = sf.kb(site, "check")
    assert rc == 1 and f"mkdocs.yml:{line}: unknown setting 'nav_max_page' under extra.kb — did you mean 'nav_max_pages'?" in out
    rc, out = sf.build(site)
    assert rc != 0 and re.search(rf"mkdocs\.yml:{line}: unknown setting 'nav_max_page'", out) and "Traceback" not in out
