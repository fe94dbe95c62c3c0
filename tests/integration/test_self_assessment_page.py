"""The self-assessment on a fixture site: the three pages in every language (the statements as a form
without JavaScript, the data block the script reads, the results and team pages), the export, and every
mistake in data/self-assessment.yml reported at once with its line."""
import json
import os
import re

import sitefactory as sf
from fixtures import pages as fp

STATEMENTS = """\
statements:
  - id: p-first
    topic: participation
    phase: initiation
    guide: alpha-guide
    checklist: [alpha-guide.first-item]
    cases: [CASE]
    impact: 3
    effort: 1
    text: {en: We do the first thing., pl: Robimy pierwszą rzecz., nb: Vi gjør det første.}
    action: {en: Do the first thing., pl: Zrób pierwszą rzecz., nb: Gjør det første.}
  - id: p-second
    topic: TOPIC
    phase: consultation
    guide: GUIDE
    checklist: [ITEM]
    impact: 2
    effort: 2
    text: {en: We do the second thing., pl: Robimy drugą rzecz., nb: NB}
    action: {en: Do the second thing., pl: Zrób drugą rzecz., nb: Gjør det andre.}
"""
GOOD = {"CASE": "example-case", "TOPIC": "universal-design", "GUIDE": "beta-guide", "ITEM": "alpha-guide.second-item",
        "NB": "Vi gjør det andre."}


def site_with(tmp_path, **changes):
    site = sf.make_site(str(tmp_path), fp.site_pages(), glossary=fp.GLOSSARY)
    text = STATEMENTS
    for key, value in {**GOOD, **changes}.items():
        text = text.replace(key, value)
    with open(os.path.join(site, "data", "self-assessment.yml"), "w", encoding="utf-8") as fh:
        fh.write(text)
    return site


def test_every_mistake_in_the_statements_is_reported_at_once_with_its_line(tmp_path):
    site = site_with(tmp_path, CASE="no-such-case", TOPIC="particpation", GUIDE="beta-gide", ITEM="alpha-guide.third-item",
                     NB="''")
    with open(os.path.join(site, "data", "self-assessment.yml"), "a", encoding="utf-8") as fh:
        fh.write("  - {id: p-first, topic: participation, phase: initiation, guide: alpha-guide, checklist: [alpha-guide.first-item],"
                 " impact: 1, effort: 1, text: {en: a, pl: b, nb: c}, action: {en: a, pl: b, nb: c}}\n")
    rc, out = sf.kb(site, "check")
    assert rc == 1, out
    path = "data/self-assessment.yml"
    for expected in (f"{path}:7: statement 'p-first': unknown case study 'no-such-case'",
                     f"{path}:13: statement 'p-second': unknown topic 'particpation' — did you mean 'participation'",
                     f"{path}:15: statement 'p-second': unknown guide 'beta-gide' — did you mean 'beta-guide'",
                     f"{path}:16: statement 'p-second': the guide 'alpha-guide' has no checklist item 'third-item'",
                     f"{path}:19: statement 'p-second': 'text' has no text in nb",
                     f"{path}:21: duplicate statement id 'p-first' (first at line 2)"):
        assert expected in out, (expected, out)
    assert "Traceback" not in out


def test_the_pages_and_the_export_in_every_language(tmp_path):
    site = site_with(tmp_path)
    rc, out = sf.build(site)
    assert rc == 0, out
    for prefix, lang, text in (("", "en", "We do the first thing."), ("pl/", "pl", "Robimy pierwszą rzecz."),
                               ("nb/", "nb", "Vi gjør det første.")):
        form = sf.read(site, prefix + "self-assessment/index.html")
        assert f'<html lang="{lang}"' in form
        assert text in form   # the statements are on the page without JavaScript
        assert len(re.findall(r'<fieldset class="kb-sa-statement"', form)) == 2
        assert len(re.findall(r'type="radio" name="sa-p-first"', form)) == 5
        assert 'href="../participation/alpha-guide/"' in form
        assert "self-assessment.js" in form and "self-assessment-score.js" in form
        block = re.search(r'<script type="application/json" id="kb-self-assessment">(.*?)</script>', form, re.S).group(1)
        data = json.loads(block)
        assert [s["id"] for s in data["statements"]] == ["p-first", "p-second"]
        first = data["statements"][0]
        assert first["text"] == text and first["checklist"][0]["url"] == "../participation/alpha-guide/#alpha-guide.first-item"
        assert first["cases"][0]["url"] == "../cases/example-case/"
        assert data["pages"] == {"form": "./", "results": "results/", "team": "team/"}
        results = sf.read(site, prefix + "self-assessment/results/index.html")
        block = re.search(r'id="kb-self-assessment">(.*?)</script>', results, re.S).group(1)
        assert json.loads(block)["statements"][0]["guide"]["url"] == "../../participation/alpha-guide/"
        for anchor in ("profile", "strengths", "gaps", "plan"):
            assert f'id="{anchor}"' in results
        team = sf.read(site, prefix + "self-assessment/team/index.html")
        for anchor in ("import", "team-profile", "differences", "team-plan"):
            assert f'id="{anchor}"' in team
        export = json.loads(sf.read(site, prefix + "api/self-assessment.json"))
        assert export["language"] == lang and export["statements"][1]["guide"] == "beta-guide"
    rc, out = sf.kb(site, "verify-site", "site")
    assert rc == 0, out
