"""The participation planner on a fixture site: the page in every language with a table per procedure
(useful without JavaScript), api/procedures.json with the holidays, the guides that explain a procedure
linking to it from their legal basis, and unknown guide ids refused with their line."""
import json
import os

import sitefactory as sf
from fixtures import pages as fp

PROCEDURE = """\
id: no-test
country: "NO"
law_as_of: 2026-12
title: {en: Zoning plan, pl: Norweski plan szczegółowy, nb: Reguleringsplan}
summary: {en: A test procedure., pl: Procedura testowa., nb: En testprosedyre.}
guides: [alpha-guide]
sources:
  - {title: Plan- og bygningsloven, url: "https://lovdata.no/dokument/NL/lov/2008-06-27-71"}
steps:
  - id: drafting
    title: {en: Drafting, pl: Przygotowanie projektu, nb: Utarbeiding}
    kind: choice
    duration: {value: 30, unit: days, minimum: false}
    note: {en: The law sets no length., pl: Prawo nie określa długości., nb: Loven fastsetter ingen lengde.}
    guides: [GUIDE]
  - id: hearing
    title: {en: Hearing, pl: Konsultacje, nb: Høring og offentlig ettersyn}
    kind: statutory
    consultation: true
    duration: {value: 6, unit: weeks, minimum: true, counting: fvl}
    legal_basis: [{ref: "pbl § 12-10", url: "https://lovdata.no/lov/2008-06-27-71/§12-10"}]
  - id: adoption
    title: {en: Adoption, pl: Uchwalenie, nb: Vedtak}
    kind: statutory
    target: true
    legal_basis: [{ref: "pbl § 12-12", url: "https://lovdata.no/lov/2008-06-27-71/§12-12"}]
"""
BODY = """
## Why {{#why}}

Text in {lang}.

## Legal basis {{#legal-basis}}

The act in {lang}.

## Checklist {{#checklist}}

- [ ] `first-item` First item in {lang}.
    - phase: initiation
"""


def planner_site(tmp_path, guide_id="beta-guide"):
    pages = fp.site_pages()
    for lang in ("en", "pl", "nb"):
        pages[f"participation/alpha-guide.{lang}.md"] = fp.guide(lang, body=BODY.format(lang=lang))
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    os.makedirs(os.path.join(site, "data", "procedures"))
    with open(os.path.join(site, "data", "procedures", "no-test.yml"), "w", encoding="utf-8") as fh:
        fh.write(PROCEDURE.replace("GUIDE", guide_id))
    return site


def test_an_unknown_guide_is_refused_with_its_line(tmp_path):
    site = planner_site(tmp_path, guide_id="beta-gude")
    rc, out = sf.kb(site, "check")
    assert rc == 1
    assert "data/procedures/no-test.yml:15: step 'drafting': unknown page id 'beta-gude' in guides — did you mean 'beta-guide'" in out, out


def test_the_planner_page_and_its_data_in_every_language(tmp_path):
    site = planner_site(tmp_path)
    rc, out = sf.build(site)
    assert rc == 0, out
    for prefix, lang, word in (("", "en", "at least 6 weeks"), ("pl/", "pl", "co najmniej 6 tygodni"), ("nb/", "nb", "minst 6 uker")):
        html = sf.read(site, prefix + "planner/index.html")
        assert f'<html lang="{lang}"' in html
        assert 'class="kb-planner"' in html and "planner.js" in html and "planner-dates.js" in html
        assert word in html   # the table, without JavaScript
        assert 'href="https://lovdata.no/lov/2008-06-27-71/%C2%A712-10"' in html or "lovdata.no/lov/2008-06-27-71/§12-10" in html
        data = json.loads(sf.read(site, prefix + "api/procedures.json"))
        assert data["language"] == lang and data["procedures"][0]["id"] == "no-test"
        assert "2027-05-17" in data["holidays"]["NO"]
        assert data["procedures"][0]["steps"][0]["guides"][0]["id"] == "beta-guide"
        guide = sf.read(site, prefix + "participation/alpha-guide/index.html")
        assert 'href="../../planner/#no-test"' in guide   # from the legal-basis section
        assert guide.index('href="../../planner/#no-test"') < guide.index('id="checklist"')
    rc, out = sf.kb(site, "verify-site", "site")
    assert rc == 0, out
