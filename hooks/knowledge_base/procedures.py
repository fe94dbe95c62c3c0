"""The procedures of the participation planner, kept as data: data/procedures/<id>.yml, one per procedure
(plan ogólny, MPZP, strategia rozwoju gminy, budżet obywatelski, konsultacje; kommunal planstrategi,
kommuneplan, reguleringsplan).

Each step says whether the law requires it (statutory) or leaves it to the municipality (choice), its
duration as the act sets it (a minimum) or as a typical default the user can change, how the act counts
it (deadlines.py), the legal basis with a link to the official text, and the guides that help. The files
are checked against hooks/schemas/data/procedure.json and by `check` below (translations, step ids, guide
ids, legal basis of statutory minimums), each problem with its file and line.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from . import yaml_load
from .diagnostics import Problem, did_you_mean

FOLDER = "procedures"
TEXT_FIELDS = ("title", "summary")
STEP_TEXT_FIELDS = ("title", "note")


@dataclass(frozen=True, eq=False)
class Procedure:
    id: str
    path: str          # as shown in messages
    data: dict
    loaded: object     # yaml_load.Loaded, for lines

    def line(self, *where) -> int:
        return self.loaded.line(*where)

    @property
    def country(self) -> str:
        return str(self.data.get("country") or "")

    @property
    def steps(self) -> list:
        return [s for s in self.data.get("steps") or [] if isinstance(s, dict)]


def load(data_dir: str, codes) -> tuple[dict, list[Problem]]:
    """{id: Procedure} from data/procedures/*.yml, and the problems of reading them."""
    folder = os.path.join(data_dir, FOLDER)
    if not os.path.isdir(folder):
        return {}, []
    procedures, problems = {}, []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yml", ".yaml")):
            continue
        full = os.path.join(folder, name)
        rel = os.path.relpath(full).replace(os.sep, "/")
        loaded = yaml_load.load_file(full, rel, "procedure")
        problems += loaded.problems
        if not isinstance(loaded.data, dict):
            continue
        stem = name.rsplit(".", 1)[0]
        proc = Procedure(str(loaded.data.get("id") or stem), rel, loaded.data, loaded)
        if proc.id != stem:
            problems.append(Problem(rel, proc.line("id"), f"the procedure's id '{proc.id}' is not its file name '{stem}'",
                                    f"write id: {stem}, or rename the file to {proc.id}.yml"))
        if proc.id in procedures:
            problems.append(Problem(rel, proc.line("id"), f"duplicate procedure id '{proc.id}'",
                                    f"it is also the id of {procedures[proc.id].path}"))
            continue
        problems += _check_file(proc, codes)
        procedures[proc.id] = proc
    return procedures, problems


def _missing(texts, codes) -> list[str]:
    return [c for c in codes if not str((texts or {}).get(c) or "").strip()] if isinstance(texts, dict) else []


def _check_file(proc: Procedure, codes) -> list[Problem]:
    problems, seen, targets = [], {}, []
    for field in TEXT_FIELDS:
        missing = _missing(proc.data.get(field), codes)
        if missing:
            problems.append(Problem(proc.path, proc.line(field), f"'{field}' has no text in {', '.join(missing)}",
                                    "write it in every language: " + ", ".join(f"{c}: …" for c in missing)))
    for index, step in enumerate(proc.steps):
        sid = str(step.get("id") or "")
        where = ("steps", index)
        if sid in seen:
            problems.append(Problem(proc.path, proc.line(*where, "id"), f"duplicate step id '{sid}' (first at line {seen[sid]})",
                                    "give each step its own id; ids are kept in shared plan links"))
        seen.setdefault(sid, proc.line(*where, "id"))
        for field in STEP_TEXT_FIELDS:
            if field in step:
                missing = _missing(step.get(field), codes)
                if missing:
                    problems.append(Problem(proc.path, proc.line(*where, field),
                                            f"step '{sid}': '{field}' has no text in {', '.join(missing)}",
                                            "write it in every language: " + ", ".join(f"{c}: …" for c in missing)))
        duration = step.get("duration") if isinstance(step.get("duration"), dict) else {}
        if duration.get("minimum") and step.get("kind") == "choice":
            problems.append(Problem(proc.path, proc.line(*where, "duration"),
                                    f"step '{sid}' is a choice but its duration is marked as the act's minimum",
                                    "write kind: statutory with the legal basis, or minimum: false for a typical default"))
        if duration.get("minimum") and duration.get("maximum"):
            problems.append(Problem(proc.path, proc.line(*where, "duration"),
                                    f"step '{sid}': a duration cannot be both the act's minimum and its maximum",
                                    "write minimum: true for 'at least', or maximum: true for 'within' or 'at most'"))
        if duration.get("maximum") and not step.get("legal_basis"):
            problems.append(Problem(proc.path, proc.line(*where, "duration"),
                                    f"step '{sid}' gives a statutory time limit without its legal basis",
                                    "add legal_basis: [{ref: 'art. … ', url: https://…}] with the provision that sets it"))
        if duration.get("minimum") and not step.get("legal_basis"):
            problems.append(Problem(proc.path, proc.line(*where, "duration"),
                                    f"step '{sid}' gives a statutory minimum without its legal basis",
                                    "add legal_basis: [{ref: 'art. … ', url: https://…}] with the provision that sets it"))
        if step.get("kind") == "statutory" and not step.get("legal_basis"):
            problems.append(Problem(proc.path, proc.line(*where, "kind"), f"statutory step '{sid}' has no legal basis",
                                    "add legal_basis: [{ref: …, url: https://…}], or write kind: choice"))
        if step.get("target"):
            targets.append(sid)
    if len(targets) > 1:
        problems.append(Problem(proc.path, proc.line("steps"), f"more than one step is the target: {', '.join(targets)}",
                                "mark only the step a backwards plan aims at (usually the adoption) with target: true"))
    return problems


def check(registry) -> list[Problem]:
    """Guide ids in procedures must be pages of the site (a site rule: it needs the pages)."""
    problems = []
    guides = [pid for pid, versions in registry.versions.items()]
    for proc in (getattr(registry, "procedures", None) or {}).values():
        for gid in proc.data.get("guides") or []:
            if gid not in registry.versions:
                problems.append(Problem(proc.path, proc.line("guides"), f"unknown page id '{gid}' in guides",
                                        did_you_mean(gid, guides, what="page ids")))
        for index, step in enumerate(proc.steps):
            for gid in step.get("guides") or []:
                if gid not in registry.versions:
                    problems.append(Problem(proc.path, proc.line("steps", index, "guides"),
                                            f"step '{step.get('id')}': unknown page id '{gid}' in guides",
                                            did_you_mean(gid, guides, what="page ids")))
    return problems


def holiday_dates(countries, years) -> dict:
    """{country: [ISO dates]} of public holidays, from the holidays package at build time."""
    import holidays as holidays_pkg
    return {c: sorted(d.isoformat() for d in holidays_pkg.country_holidays(c, years=list(years))) for c in countries}


def holiday_years(today: dt.date | None = None) -> range:
    year = (today or dt.date.today()).year
    return range(year - 1, year + 7)


def _text(value, lang: str, default: str) -> str:
    return str(value.get(lang) or value.get(default) or "") if isinstance(value, dict) else ""


def localized(registry, lang: str) -> list[dict]:
    """The procedures in one language, as the planner and the api export read them."""
    default = registry.config.default_language

    def guide(gid):
        page = registry.page(gid, lang)
        return {"id": gid, "title": registry.title(gid, lang), "path": page.url if page else ""}

    out = []
    for proc in (getattr(registry, "procedures", None) or {}).values():
        steps = []
        for step in proc.steps:
            entry = {"id": step.get("id"), "title": _text(step.get("title"), lang, default), "kind": step.get("kind"),
                     "note": _text(step.get("note"), lang, default),
                     "legal_basis": list(step.get("legal_basis") or []),
                     "guides": [guide(g) for g in step.get("guides") or [] if g in registry.versions]}
            for key in ("consultation", "target"):
                if step.get(key):
                    entry[key] = True
            if isinstance(step.get("duration"), dict):
                entry["duration"] = {k: v for k, v in step["duration"].items() if v is not None}
            steps.append(entry)
        out.append({"id": proc.id, "country": proc.country, "law_as_of": str(proc.data.get("law_as_of") or ""),
                    "title": _text(proc.data.get("title"), lang, default),
                    "summary": _text(proc.data.get("summary"), lang, default),
                    "sources": list(proc.data.get("sources") or []),
                    "guides": [guide(g) for g in proc.data.get("guides") or [] if g in registry.versions],
                    "steps": steps})
    order = {pid: proc.data.get("order") or 99 for pid, proc in registry.procedures.items()}
    return sorted(out, key=lambda p: (p["country"] != "PL", order.get(p["id"], 99), p["id"]))


def procedure_guides(registry) -> dict:
    """guide id -> [procedure ids] for the guides that explain a procedure (their legal-basis section links
    to the planner)."""
    out: dict = {}
    for proc in (getattr(registry, "procedures", None) or {}).values():
        for gid in proc.data.get("guides") or []:
            out.setdefault(gid, []).append(proc.id)
    return out
