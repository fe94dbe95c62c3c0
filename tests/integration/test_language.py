"""One voice per language on a fixture site: a term to avoid (a warning, or an error for a strict term,
which also stops the build), the other form of address, and a standard section headed otherwise — each
with its path:line message; kb.py fix rewrites the heading."""
import os
import re

import sitefactory as sf
from fixtures import pages as fp

GLOSSARY = fp.GLOSSARY.replace(
    "    term: {en: general plan, pl: plan ogólny gminy, nb: kommunens generalplan}\n",
    "    term: {en: general plan, pl: plan ogólny gminy, nb: plan ogólny}\n"
    '    usage: {nb: {prefer: "plan ogólny", avoid: ["generalplan*"], strict: true}, '
    'pl: {prefer: "plan ogólny", avoid: ["studium*"]}}\n').replace("nb: Kommunens overordnede plan.", "nb: Polsk overordnet arealplan.")


def source(site, rel):
    with open(os.path.join(site, "docs", rel), encoding="utf-8") as fh:
        return fh.read()


def drifting_site(tmp_path):
    pages = fp.site_pages()
    body = lambda lang, text: fp.guide(lang, body=text)   # noqa: E731
    pages["participation/alpha-guide.nb.md"] = body("nb", """
## Hvorfor det er viktig {#why}

Kommunen vedtar generalplanen i 2026.

## Lovgrunnlag {#legal-basis}

Når dere har samlet innspillene, skriver du svar.
""")
    pages["participation/alpha-guide.pl.md"] = body("pl", """
## Dlaczego to ważne {#why}

Dawniej gmina miała studium. Sprawdźcie terminy.
„Sprawdźcie” w cytacie jest w porządku.
""")
    return sf.make_site(str(tmp_path), pages, glossary=GLOSSARY, standard_sections=True, address={"pl": "ty", "nb": "du"})


def test_each_kind_of_drift_has_its_message(tmp_path):
    site = drifting_site(tmp_path)
    rc, out = sf.kb(site, "check")
    assert rc == 1, out
    nb, pl = "docs/participation/alpha-guide.nb.md", "docs/participation/alpha-guide.pl.md"
    lines = out.splitlines()
    assert re.search(rf'^{re.escape(nb)}:\d+: "generalplanen" — use "plan ogólny" \(glossary: plan-ogolny\)$', out, re.M), out
    assert re.search(rf'^warning: {re.escape(pl)}:\d+: "studium" — use "plan ogólny" \(glossary: plan-ogolny\)$', out, re.M), out
    assert re.search(rf"^{re.escape(nb)}:\d+: the section '\{{#legal-basis\}}' is headed 'Lovgrunnlag', not 'Rettsgrunnlag'", out, re.M)
    assert re.search(rf'^warning: {re.escape(nb)}:\d+: "dere" addresses the reader in another form than this '
                     r"language's \"du\"", out, re.M), out
    plural = [l for l in lines if '"Sprawdźcie" addresses' in l]
    assert len(plural) == 1, plural   # the quoted one is exempt
    # the lines are right: the message for "generalplanen" points at its line
    text = source(site, "participation/alpha-guide.nb.md")
    number = int(re.search(rf'^{re.escape(nb)}:(\d+): "generalplanen"', out, re.M).group(1))
    assert "generalplanen" in text.split("\n")[number - 1]
    rc, build = sf.build(site)
    assert rc != 0 and '"generalplanen" — use "plan ogólny"' in build


def test_kb_fix_rewrites_the_standard_headings(tmp_path):
    site = drifting_site(tmp_path)
    rc, out = sf.kb(site, "fix")
    assert "docs/participation/alpha-guide.nb.md: 1 standard section heading(s) rewritten" in out, out
    assert "## Rettsgrunnlag {#legal-basis}" in source(site, "participation/alpha-guide.nb.md")
    rc, out = sf.kb(site, "check")
    assert "is headed" not in out
