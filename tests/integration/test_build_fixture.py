"""Build fixture sites with the real hooks and check references, backlinks, notices and languages."""
import csv
import io
import json
import os
import re

import pytest

import sitefactory as sf
from fixtures import pages as fp
from knowledge_base import translations
from knowledge_base import model
from knowledge_base import site_config


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Three languages: pl is stamped current, nb is outdated, and one page is missing in nb."""
    site = str(tmp_path_factory.mktemp("fixture"))
    pages = fp.site_pages()
    pages.pop("participation/beta-guide.nb.md")
    sf.make_site(site, pages, glossary=fp.GLOSSARY)
    registry, _ = model.load(site_config.load(os.path.join(site, "mkdocs.yml")))
    for page in registry.pages:
        if page.lang == "pl":   # stamped: current
            with open(os.path.join(site, page.path), encoding="utf-8") as fh:
                text = fh.read()
            with open(os.path.join(site, page.path), "w", encoding="utf-8") as fh:
                fh.write(translations.stamp_text(text, translations.source_hash(registry.source(page.id))))
        if page.lang == "nb":   # stamped against an older source: outdated
            with open(os.path.join(site, page.path), encoding="utf-8") as fh:
                text = fh.read()
            with open(os.path.join(site, page.path), "w", encoding="utf-8") as fh:
                fh.write(translations.stamp_text(text, "00000000"))
    rc, out = sf.build(site)
    assert rc == 0, out
    return site


def test_reference_renders_title_in_the_readers_language(built):
    en = sf.read(built, "participation/alpha-guide/index.html")
    pl = sf.read(built, "pl/participation/alpha-guide/index.html")
    nb = sf.read(built, "nb/participation/alpha-guide/index.html")
    assert '<a href="../beta-guide/">Beta guide</a>' in en
    assert '<a href="../beta-guide/">Poradnik beta</a>' in pl
    assert '<a href="../beta-guide/#checklist">the beta list</a>' in pl
    # beta-guide has no nb version: the link goes to the nb URL (which shows the English page), English title
    assert '<a href="../beta-guide/">Beta guide</a>' in nb


def test_glossary_term_links_with_definition(built):
    pl = sf.read(built, "pl/participation/alpha-guide/index.html")
    assert re.search(r'<a class="kb-term" href="../../glossary/#plan-ogolny" title="Plan ogólny gminy.">plan ogólny gminy</a>', pl)
    glossary = sf.read(built, "pl/glossary/index.html")
    assert 'id="plan-ogolny"' in glossary and "kommunens generalplan" in glossary


def test_backlinks_in_every_language(built):
    for prefix, title in (("", "Example case en"), ("pl/", "Example case pl"), ("nb/", "Example case nb")):
        html = sf.read(built, f"{prefix}participation/alpha-guide/index.html")
        assert 'id="used-in"' in html and title in html
        case = sf.read(built, f"{prefix}cases/example-case/index.html")
        assert 'class="kb-factbox"' in case and "alpha-guide/" in case
    beta = sf.read(built, "participation/beta-guide/index.html")
    assert 'id="linked-from"' in beta and "Alpha guide" in beta


def test_translation_notices(built):
    en = sf.read(built, "participation/alpha-guide/index.html")
    pl = sf.read(built, "pl/participation/alpha-guide/index.html")
    nb = sf.read(built, "nb/participation/alpha-guide/index.html")
    missing = sf.read(built, "nb/participation/beta-guide/index.html")
    assert "kb-notice" not in en and "admonition warning" not in en
    assert "admonition warning" not in pl   # current
    assert "Originalen av denne siden (English) er endret" in nb
    assert '<a href="../../../participation/alpha-guide/">les originalen</a>' in nb
    assert "Denne siden finnes ikke på Norsk bokmål ennå" in missing
    assert '<html lang="nb"' in missing


def test_translation_status_page_and_report(built):
    status = sf.read(built, "translation-status/index.html")
    assert "beta-guide" in status or "Beta guide" in status
    rc, out = sf.kb(built, "translations")
    assert "nb:" in out and "missing       beta-guide" in out and "outdated" in out
    rc, out = sf.kb(built, "translations", "--strict")
    assert rc == 1
    rc, out = sf.kb(built, "translations", "--format", "markdown")
    assert "| nb | `beta-guide` | missing |" in out


def test_checklist_pages_and_exports_hold_the_authored_items(built):
    for prefix, lang in (("", "en"), ("pl/", "pl"), ("nb/", "nb")):
        data = json.loads(sf.read(built, f"{prefix}api/checklists.json"))
        topic = next(c for c in data["checklists"] if c["id"] == "participation")
        assert [i["id"] for i in topic["items"]] == ["alpha-guide.first-item", "alpha-guide.second-item", "beta-guide.only-item"]
        phase = next(c for c in data["checklists"] if c["id"] == "phase-consultation")
        assert [i["id"] for i in phase["items"]] == ["alpha-guide.second-item"]
        page = sf.read(built, f"{prefix}checklists/participation/index.html")
        assert sorted(re.findall(r'<li class="kb-checklist__item"[^>]*data-item="([^"]+)"', page)) == sorted(i["id"] for i in topic["items"])
        csv_text = open(os.path.join(built, "site", f"{prefix}checklists/participation/checklist-participation-{lang}.csv"), encoding="utf-8").read()
        rows = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
        assert csv_text.startswith("\ufeff") and [r["id"] for r in rows] == [i["id"] for i in topic["items"]]
        md = open(os.path.join(built, "site", f"{prefix}checklists/participation/checklist-participation-{lang}.md"), encoding="utf-8").read()
        assert md.count("- [ ] ") == 3
    pl_item = json.loads(sf.read(built, "pl/api/checklists.json"))["checklists"][0]["items"][1]
    assert pl_item["text"] == "Second item in pl with ł and ø."


def test_four_languages_need_no_code_change(tmp_path):
    languages = [{"locale": "en", "name": "English", "default": True, "build": True},
                 {"locale": "pl", "name": "Polski", "build": True},
                 {"locale": "nb", "name": "Norsk bokmål", "build": True},
                 {"locale": "uk", "name": "Українська", "build": True}]
    pages = fp.site_pages(("en", "pl", "nb", "uk"))
    glossary = fp.GLOSSARY.replace("nb: kommunens generalplan}", "nb: kommunens generalplan, uk: генеральний план}")
    glossary = glossary.replace("nb: Kommunens overordnede plan.}", "nb: Kommunens overordnede plan., uk: Генеральний план громади.}")
    glossary = glossary.replace("nb: innsigelse}", "nb: innsigelse, uk: заперечення}").replace("nb: Formell innsigelse.}", "nb: Formell innsigelse., uk: Формальне заперечення.}")
    site = sf.make_site(str(tmp_path), pages, languages=languages, glossary=glossary)
    rc, out = sf.kb(site, "check")
    assert rc == 0, out
    rc, out = sf.build(site)
    assert rc == 0, out
    uk = sf.read(site, "uk/participation/alpha-guide/index.html")
    assert '<html lang="uk"' in uk and "Посібник альфа" in uk
    assert json.loads(sf.read(site, "uk/api/checklists.json"))["language"] == "uk"


def test_long_navigation_sections_show_only_their_overview(tmp_path):
    import yaml
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    path = os.path.join(site, "mkdocs.yml")
    cfg = yaml.safe_load(open(path, encoding="utf-8"))
    cfg["extra"]["kb"]["nav_max_pages"] = 2          # the participation section has 3 pages
    yaml.safe_dump(cfg, open(path, "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
    rc, out = sf.build(site)
    assert rc == 0, out
    home = sf.read(site, "index.html")
    nav = home[home.index('md-nav--primary'):home.index('md-nav--secondary') if 'md-nav--secondary' in home else None]
    assert 'href="participation/"' in nav            # the overview stays
    assert "alpha-guide/" not in nav                 # its pages are listed by the overview instead
    assert os.path.exists(os.path.join(site, "site", "participation", "alpha-guide", "index.html"))
    assert "Alpha guide" in sf.read(site, "participation/index.html")


def test_a_failing_search_indexer_fails_the_build_with_one_clear_line(tmp_path, monkeypatch):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY, search=True)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")   # a Pagefind that exits at once
    rc, out = sf.build(site)
    assert rc != 0
    assert "the search index could not be built" in out and "make clean" in out, out
    assert "Traceback" not in out, out
