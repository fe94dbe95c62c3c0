"""Machine-readable exports per language, at <language prefix>api/: checklists, glossary, cases, guides."""
from __future__ import annotations

from . import checklists
from . import planner
from . import self_assessment
from .data_files import csv_text as _csv, json_text as _json


def _sources(meta: dict) -> list[dict]:
    return [{k: s[k] for k in ("title", "url", "publisher", "year", "reference") if s.get(k)}
            for s in meta.get("sources") or []]


def guide_records(registry, lang: str, site_url: str) -> list[dict]:
    rows = []
    for page in registry.of_type("guide", lang):
        m = page.meta
        rows.append({"id": page.id, "title": page.title, "language": page.lang, "url": site_url + page.url,
                     "path": page.url, "summary": m.get("summary", ""), "topics": m.get("topics", []), "phase": m.get("phase", []),
                     "audience": m.get("audience", []), "reviewed": m.get("reviewed", ""),
                     "checklist_items": [i.id for i in page.checklist], "sources": _sources(m)})
    return rows


def case_records(registry, lang: str, site_url: str) -> list[dict]:
    rows = []
    for page in registry.of_type("case", lang):
        m = page.meta
        loc = m.get("location") or {}
        rows.append({"id": page.id, "title": page.title, "language": page.lang, "url": site_url + page.url,
                     "path": page.url, "summary": m.get("summary", ""), "country": m.get("country", ""),
                     "municipality": m.get("municipality", ""), "region": m.get("region", ""),
                     "population": m.get("population"), "population_year": (m.get("population_source") or {}).get("year"),
                     "population_band": m.get("population_band", ""), "period": str(m.get("period", "")),
                     "topics": m.get("topics", []), "challenges": m.get("challenges", []),
                     "methods": m.get("methods", []), "outcomes": m.get("outcomes", []), "evidence": m.get("evidence", ""),
                     "lat": loc.get("lat"), "lon": loc.get("lon"), "reviewed": m.get("reviewed", ""),
                     "sources": _sources(m)})
    return rows


def glossary_records(registry, lang: str, site_url: str) -> list[dict]:
    default = registry.config.default_language
    rows = []
    for term in sorted(registry.glossary.terms.values(), key=lambda t: t.id):
        rows.append({"id": term.id, "term": term.term(lang, default), "definition": term.definition(lang, default),
                     "note": term.notes.get(lang, ""), "terms": term.terms, "legal": term.legal_for(lang, default),
                     "url": f"{site_url}glossary/#{term.id}", "sources": term.sources})
    return rows


GUIDE_FIELDS = ["id", "title", "language", "url", "path", "summary", "topics", "phase", "audience", "reviewed", "checklist_items", "sources"]
CASE_FIELDS = ["id", "title", "language", "url", "path", "summary", "country", "municipality", "region", "population",
               "population_year", "population_band", "period", "topics", "challenges", "methods", "outcomes",
               "evidence", "lat", "lon", "reviewed", "sources"]


def labels(registry, lang: str) -> dict:
    """Reader-facing labels of every key used in the exports, in one language."""
    vocab = registry.vocab
    out = {field: {k: vocab.label(name, k, lang) for k in vocab.keys(name)}
           for field, name in (("topics", "topics"), ("country", "countries"), ("challenges", "challenges"),
                               ("population_band", "population_bands"), ("evidence", "evidence"),
                               ("phase", "phases"), ("audience", "audiences"))}
    out["methods"] = {g.id: g.title for g in registry.of_type("guide", lang)}
    return out


def api_files(registry, lang: str, strings: dict, checklist_records, site_url: str) -> dict:
    """{path under the language root: content} for every export."""
    lists = [checklists.export_document(coll, title, None, records) for coll, title, records in checklist_records]
    guides = guide_records(registry, lang, site_url)
    cases = case_records(registry, lang, site_url)
    files = {
        "api/checklists.json": _json({"language": lang, "checklists": lists}),
        "api/checklists.csv": checklists.to_csv([(c["id"], c["items"]) for c in lists]),
        "api/glossary.json": _json({"language": lang, "terms": glossary_records(registry, lang, site_url)}),
        "api/guides.json": _json({"language": lang, "labels": labels(registry, lang), "guides": guides}),
        "api/guides.csv": _csv([{**g, "sources": [s.get("url") or s.get("title") for s in g["sources"]]} for g in guides], GUIDE_FIELDS),
        "api/cases.json": _json({"language": lang, "labels": labels(registry, lang), "cases": cases}),
        "api/cases.csv": _csv([{**c, "sources": [s.get("url") or s.get("title") for s in c["sources"]]} for c in cases], CASE_FIELDS),
    }
    files[planner.EXPORT] = planner.export(registry, lang, strings)
    if registry.self_assessment is not None:
        files["api/self-assessment.json"] = self_assessment.export(registry, lang)
    files["api/index.json"] = _json({"language": lang, "licence": "CC BY 4.0",
                                     "files": [{"name": name.split("/")[-1], "url": site_url + name}
                                               for name in sorted(files)]})
    return files
