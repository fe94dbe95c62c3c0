"""Contributor tools: kb.py new, editorial warnings, the translation report, kb.py fix."""
import os
import re

import sitefactory as sf
from fixtures import pages as fp


def fixture(tmp_path, pages=None):
    return sf.make_site(str(tmp_path), pages or fp.site_pages(), glossary=fp.GLOSSARY)


def served(site, path, timeout=180):
    """A page as `mkdocs serve` (the command behind `make serve`) shows it, fetched over HTTP."""
    import socket
    import subprocess
    import time
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sf.PYTHON, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if proc.poll() is not None:
                raise AssertionError("mkdocs serve stopped: " + proc.stdout.read())
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                time.sleep(1)
        raise AssertionError("mkdocs serve did not answer in time")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_new_pages_in_all_languages_show_in_the_preview_and_are_refused_until_finished(tmp_path):
    site = fixture(tmp_path)
    for page_type, page_id in (("guide", "youth-walks"), ("case", "some-town-case"), ("workshop", "a-workshop")):
        rc, out = sf.kb(site, "new", page_type, page_id, "--topic", "participation")
        assert rc == 0, out
        assert "What to fill in" in out
    for rel in ("participation/youth-walks", "cases/some-town-case", "workshops/a-workshop"):
        for lang in ("en", "pl", "nb"):
            assert os.path.exists(os.path.join(site, "docs", f"{rel}.{lang}.md"))
    rc, out = sf.kb(site, "check")
    assert rc == 1, out                                  # unfinished pages are not published ...
    assert "docs/participation/youth-walks.en.md:4: the page still has TODO placeholders" in out, out
    assert "docs/cases/some-town-case.en.md:4: the page still has TODO placeholders" in out, out
    assert "Traceback" not in out
    rc, out = sf.kb(site, "translations")
    assert "untranslated  youth-walks" in out
    rc, out = sf.build(site)                             # ... the build refuses them ...
    assert rc == 1 and "the page still has TODO placeholders" in out, out
    # ... and the writer's preview (`make serve`) shows them
    assert "nie jest jeszcze dostępna" in served(site, "kb/pl/participation/youth-walks/")


def test_new_refuses_an_existing_id_with_its_path(tmp_path):
    site = fixture(tmp_path)
    rc, out = sf.kb(site, "new", "guide", "alpha-guide", "--topic", "participation")
    assert rc == 1
    assert "id 'alpha-guide' exists already in docs/participation/alpha-guide.en.md" in out
    rc, out = sf.kb(site, "new", "guide", "fresh-guide", "--topic", "participaton")
    assert rc == 1 and "did you mean 'participation'?" in out


def test_warning_source_without_url_or_reference(tmp_path):
    pages = fp.site_pages()
    pages["participation/beta-guide.en.md"] = fp.beta("en").replace(
        "  - title: Source two\n    reference: Publisher, 2024\n", "  - title: Source two\n")
    rc, out = sf.kb(fixture(tmp_path, pages), "check")
    assert rc == 0
    assert re.search(r"warning: docs/participation/beta-guide\.en\.md:\d+: source 'Source two' has neither a URL nor a reference", out), out


def test_warning_guide_without_checklist(tmp_path):
    pages = fp.site_pages()
    for lang in ("en", "pl", "nb"):
        pages[f"participation/beta-guide.{lang}.md"] = fp.beta(lang).split("## Checklist")[0] + "Text.\n"
        pages[f"participation/alpha-guide.{lang}.md"] = fp.guide(lang).replace("[[beta-guide#checklist|the beta list]]", "the beta list")
    rc, out = sf.kb(fixture(tmp_path, pages), "check")
    assert rc == 0 and "guide 'beta-guide' has no checklist" in out, out


def test_warning_case_not_linked_from_any_guide(tmp_path):
    rc, out = sf.kb(fixture(tmp_path), "check")
    assert "warning: docs/cases/example-case.en.md:2: case 'example-case' is not linked from any guide" in out
    pages = fp.site_pages()
    pages["participation/alpha-guide.en.md"] = fp.guide("en").replace("See [[beta-guide]]", "See [[example-case]], [[beta-guide]]")
    rc, out = sf.kb(fixture(tmp_path / "b", pages), "check")
    assert "is not linked from any guide" not in out


def test_warning_review_period_comes_from_config(tmp_path):
    pages = fp.site_pages()
    pages["participation/beta-guide.en.md"] = fp.beta("en").replace("reviewed: 2026-11-29", "reviewed: 2025-01-01")
    site = fixture(tmp_path, pages)
    text = open(os.path.join(site, "mkdocs.yml"), encoding="utf-8").read()
    rc, out = sf.kb(site, "check")
    assert "more than 12 months ago" in out
    with open(os.path.join(site, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        fh.write(text.replace("review_months: 12", "review_months: 36"))
    rc, out = sf.kb(site, "check")
    assert "months ago" not in out


def test_markdown_translation_report_matches_the_site(tmp_path):
    pages = fp.site_pages()
    pages.pop("participation/beta-guide.nb.md")
    site = fixture(tmp_path, pages)
    rc, out = sf.kb(site, "translations", "--format", "markdown")
    assert rc == 0
    rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Language")]
    assert "| nb | `beta-guide` | missing | translate `docs/participation/beta-guide.en.md` into `docs/participation/beta-guide.nb.md` |" in rows
    untranslated = [r for r in rows if "untranslated" in r]
    assert len(untranslated) == 9   # every fixture translation is unstamped, except the missing one
    rc, out = sf.kb(site, "stamp", "docs/participation/alpha-guide.pl.md")
    assert rc == 1 and "stamped" in out
    rc, out = sf.kb(site, "stamp", "docs/participation/alpha-guide.pl.md")
    assert rc == 0 and "is up to date" in out
    rc, out = sf.kb(site, "translations", "--format", "markdown")
    assert "| pl | `alpha-guide` |" not in out


def test_fix_derives_the_population_band(tmp_path):
    pages = fp.site_pages()
    pages["cases/example-case.en.md"] = fp.case("en").replace("population: 30000", "population: 60000")
    site = fixture(tmp_path, pages)
    rc, out = sf.kb(site, "fix")
    assert rc == 1 and "population_band set to 50k-100k" in out
    rc, out = sf.kb(site, "fix")
    assert rc == 0 and "up to date" in out
    rc, out = sf.kb(site, "check")
    assert "does not match" not in out
