"""The real site's participation planner: every procedure in every language, as tables on the page
(useful without JavaScript) and in api/procedures.json with the public holidays of the coming years."""
import datetime as dt
import json
import os


def read(site, rel):
    with open(os.path.join(site, rel), encoding="utf-8") as fh:
        return fh.read()


def test_every_procedure_is_on_the_planner_page_in_every_language(site, registry):
    assert {p.country for p in registry.procedures.values()} == {"PL", "NO"}
    for lang in registry.config.codes:
        prefix = registry.config.prefix(lang)
        html = read(site, prefix + "planner/index.html")
        data = json.loads(read(site, prefix + "api/procedures.json"))
        assert data["language"] == lang
        assert {p["id"] for p in data["procedures"]} == set(registry.procedures)
        year = dt.date.today().year + 1
        for country in ("PL", "NO"):
            assert any(d.startswith(f"{year}-12-25") for d in data["holidays"][country])
        for proc in data["procedures"]:
            assert f'id="{proc["id"]}"' in html
            for step in proc["steps"]:
                assert step["title"] and step["kind"] in ("statutory", "choice")
                for basis in step["legal_basis"]:
                    assert basis["ref"] and basis["url"].startswith(("https://", "http://")), basis
                if step["kind"] == "statutory":
                    assert step["legal_basis"], (proc["id"], step["id"])


def test_guides_that_explain_a_procedure_link_to_the_planner(site, registry):
    from knowledge_base import procedures
    for guide_id, procs in procedures.procedure_guides(registry).items():
        page = registry.page(guide_id, "pl")
        html = read(site, os.path.join("pl", page.url, "index.html"))
        for pid in procs:
            assert f"planner/#{pid}" in html, (guide_id, pid)
