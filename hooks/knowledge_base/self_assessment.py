"""The self-assessment "Where does our town stand?": statements, scoring, the team merge and its pages.

The statements are content (data/self-assessment.yml, schema hooks/schemas/data/self-assessment.json):
each describes a practice a guide explains, with a topic, a plan phase, the guide, its checklist items,
case studies, an impact and an effort, and its text and next step in every language.

Three pages in every language, useful without JavaScript:

- self-assessment/ — the statements as a form (answer on paper when printed);
- self-assessment/results/ — the profile per topic (an SVG chart with a data table), strengths, gaps
  and an action plan ordered by impact and effort;
- self-assessment/team/ — a facilitator imports the answers of several people (files or links) and sees
  where the team agrees and where it differs.

self-assessment-score.js holds the same scoring and merge as `score` and `merge` below; both are tested
against tests/fixtures/self_assessment_cases.json, so the two cannot drift apart. Nothing leaves the
browser: answers stay in localStorage (only after the reader answers), in downloaded files and in links.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass

from . import escaping
from . import yaml_load
from .diagnostics import Problem, did_you_mean
from .urls import relative_url

FILE = "self-assessment.yml"
BASE = "self-assessment/index.md"
RESULTS_BASE = "self-assessment/results.md"
TEAM_BASE = "self-assessment/team.md"
PAGE_TYPE = "self-assessment"
LEVELS = (0, 1, 2, 3)          # not started, started, established, exemplary
DONT_KNOW = "dk"
FORMAT = "kb-self-assessment"  # the "format" of an exported answer set
FORMAT_VERSION = 1
_md = escaping.markdown_text


@dataclass(frozen=True, eq=False)
class SelfAssessment:
    path: str
    statements: tuple      # dicts, in file order
    retired: tuple         # dicts: id, text, replaced_by
    loaded: object         # yaml_load.Loaded, for lines

    def line(self, *where) -> int:
        return self.loaded.line(*where)

    @property
    def ids(self) -> list[str]:
        return [s["id"] for s in self.statements]


def load(data_dir: str, codes) -> tuple[SelfAssessment | None, list[Problem]]:
    """The statements of data/self-assessment.yml (None when there is no such file) and the problems of
    reading them that need nothing but the file: schema, duplicate ids, missing translations."""
    full = os.path.join(data_dir, FILE)
    rel = os.path.relpath(full).replace(os.sep, "/")
    loaded = yaml_load.load_file(full, rel, "self-assessment")
    if not loaded.exists:
        return None, []
    if not isinstance(loaded.data, dict):
        return None, loaded.problems
    statements = tuple(s for s in loaded.data.get("statements") or [] if isinstance(s, dict) and s.get("id"))
    retired = tuple(r for r in loaded.data.get("retired") or [] if isinstance(r, dict) and r.get("id"))
    sa = SelfAssessment(rel, statements, retired, loaded)
    return sa, loaded.problems + _check_file(sa, codes)


def _placed(sa: SelfAssessment):
    """(index in the file's statements list, statement) of the usable statements, for lines."""
    return [(i, s) for i, s in enumerate(sa.loaded.data.get("statements") or []) if isinstance(s, dict) and s.get("id")]


def _check_file(sa: SelfAssessment, codes) -> list[Problem]:
    problems, seen = [], {}
    for index, statement in _placed(sa):
        sid, where = str(statement["id"]), ("statements", index)
        if sid in seen:
            problems.append(Problem(sa.path, sa.line(*where, "id"), f"duplicate statement id '{sid}' (first at line {seen[sid]})",
                                    "give each statement its own id: answers are kept by id"))
            continue
        seen[sid] = sa.line(*where, "id")
        for field in ("text", "action"):
            texts = statement.get(field)
            missing = [c for c in codes if not str((texts or {}).get(c) or "").strip()] if isinstance(texts, dict) else []
            if missing:
                problems.append(Problem(sa.path, sa.line(*where, field), f"statement '{sid}': '{field}' has no text in {', '.join(missing)}",
                                        "write it in every language: " + ", ".join(f"{c}: …" for c in missing)))
    for index, old in enumerate(sa.loaded.data.get("retired") or []):
        if not isinstance(old, dict) or not old.get("id"):
            continue
        if old["id"] in seen:
            problems.append(Problem(sa.path, sa.line("retired", index, "id"),
                                    f"'{old['id']}' is retired and still a statement (line {seen[old['id']]})",
                                    "give the changed statement a new id and keep the old one only under retired:"))
        if old.get("replaced_by") and old["replaced_by"] not in seen:
            problems.append(Problem(sa.path, sa.line("retired", index, "replaced_by"),
                                    f"retired '{old['id']}' is replaced by an unknown statement '{old['replaced_by']}'",
                                    did_you_mean(old["replaced_by"], list(seen), what="statement ids")))
    return problems


def check(registry) -> list[Problem]:
    """A site rule (it needs the pages and vocabularies): topics, phases, guides, checklist items, cases."""
    sa = getattr(registry, "self_assessment", None)
    if sa is None:
        return []
    vocab, problems = registry.vocab, []
    default = registry.config.default_language
    guides = [p.id for p in registry.of_type("guide")]
    cases = [p.id for p in registry.of_type("case")]
    for index, statement in _placed(sa):
        sid, where = statement["id"], ("statements", index)
        for field, vocab_name in (("topic", "topics"), ("phase", "phases")):
            value = str(statement.get(field) or "")
            if value not in vocab.keys(vocab_name):
                problems.append(Problem(sa.path, sa.line(*where, field), f"statement '{sid}': unknown {field} '{value}'",
                                        did_you_mean(value, vocab.keys(vocab_name), what=f"{vocab_name} in data/vocabularies.yml")))
        guide = str(statement.get("guide") or "")
        if guide not in guides:
            problems.append(Problem(sa.path, sa.line(*where, "guide"), f"statement '{sid}': unknown guide '{guide}'",
                                    did_you_mean(guide, guides, what="guide ids")))
        for index, item_id in enumerate(statement.get("checklist") or []):
            gid, _, local = str(item_id).partition(".")
            page = registry.page(gid, default) if gid in guides else None
            if page is None:
                problems.append(Problem(sa.path, sa.line(*where, "checklist", index), f"statement '{sid}': unknown guide '{gid}' in '{item_id}'",
                                        did_you_mean(gid, guides, what="guide ids")))
            elif item_id not in {i.id for i in page.checklist}:
                problems.append(Problem(sa.path, sa.line(*where, "checklist", index),
                                        f"statement '{sid}': the guide '{gid}' has no checklist item '{local}'",
                                        did_you_mean(local, [i.local_id for i in page.checklist], what=f"items of {page.path}")))
        for index, case in enumerate(statement.get("cases") or []):
            if case not in cases:
                problems.append(Problem(sa.path, sa.line(*where, "cases", index), f"statement '{sid}': unknown case study '{case}'",
                                        did_you_mean(str(case), cases, what="case ids")))
    return problems


# --- Scoring -------------------------------------------------------------------------------------------

def _level(value):
    """An answer as a level 0–3, DONT_KNOW, or None (unanswered or not an answer)."""
    if value == DONT_KNOW:
        return DONT_KNOW
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value in LEVELS:
        return value
    if isinstance(value, str) and value.isdigit() and int(value) in LEVELS:
        return int(value)
    return None


def priority(statement: dict, level: int) -> tuple:
    """The order of the action plan: the largest gain for the least effort first, then the lower level,
    then the higher impact, then the order of the file. gain = impact × (2 − level), so a practice that
    has not started counts twice as much as one that has; effort divides it."""
    gain = statement["impact"] * (2 - level)
    return (-gain / statement["effort"], level, -statement["impact"])


def score(answers: dict, statements) -> dict:
    """One person's (or the team's) answers -> the profile.

    answers: {statement id: 0–3 or "dk"}; ids that are not statements (retired ones) are not counted.
    Per topic (in the order of the statements): answered (levels given), dont_know, unanswered, and
    score = round(100 × mean level / 3), or None when nothing was answered. strengths: statements at 2
    or 3 (highest first); gaps: statements at 0 or 1 (lowest first); plan: the gaps in the order of
    `priority`; unknown: statements answered "don't know" (finding out is the first step)."""
    topics: dict = {}
    strengths, gaps, unknown = [], [], []
    for order, statement in enumerate(statements):
        sid, topic = statement["id"], statement["topic"]
        row = topics.setdefault(topic, {"topic": topic, "answered": 0, "dont_know": 0, "unanswered": 0, "total": 0,
                                        "score": None})
        level = _level(answers.get(sid))
        if level is None:
            row["unanswered"] += 1
        elif level == DONT_KNOW:
            row["dont_know"] += 1
            unknown.append(sid)
        else:
            row["answered"] += 1
            row["total"] += level
            (strengths if level >= 2 else gaps).append((level, order, sid))
    for row in topics.values():
        row["score"] = round(100 * row["total"] / (3 * row["answered"])) if row["answered"] else None
    by_id = {s["id"]: s for s in statements}
    order_of = {s["id"]: i for i, s in enumerate(statements)}
    plan = sorted((sid for _, _, sid in gaps), key=lambda sid: (*priority(by_id[sid], _level(answers[sid])), order_of[sid]))
    return {"topics": list(topics.values()),
            "strengths": [sid for _, _, sid in sorted(strengths, key=lambda t: (-t[0], t[1]))],
            "gaps": [sid for _, _, sid in sorted(gaps, key=lambda t: (t[0], t[1]))],
            "plan": plan, "unknown": unknown}


def merge(answer_sets, statements) -> dict:
    """Several people's answers -> the team's answers and where they differ.

    answer_sets: [{"name": …, "answers": {id: 0–3 or "dk"}}]. Per statement: the levels given, the
    names of those who said "don't know" or gave no answer, the team level (the lower median of the
    levels: of 1, 2, 3 and 3 it is 2; with no level given, "dk" if someone said so, else none), the
    spread (highest − lowest) and a status: "differ" (spread ≥ 2: the discussion starts here),
    "close" (1), "agree" (0, two people or more), "one" (a single level), "unknown" (no level)."""
    rows, team = [], {}
    for statement in statements:
        sid = statement["id"]
        levels, dont_know, missing = [], [], []
        for index, answer_set in enumerate(answer_sets):
            name = str(answer_set.get("name") or "") or f"#{index + 1}"
            level = _level((answer_set.get("answers") or {}).get(sid))
            if level is None:
                missing.append(name)
            elif level == DONT_KNOW:
                dont_know.append(name)
            else:
                levels.append((name, level))
        values = sorted(level for _, level in levels)
        if values:
            team_level = values[(len(values) - 1) // 2]
            spread = values[-1] - values[0]
            status = "one" if len(values) == 1 else "differ" if spread >= 2 else "close" if spread == 1 else "agree"
            team[sid] = team_level
        else:
            team_level, spread, status = None, None, "unknown"
            if dont_know:
                team[sid] = DONT_KNOW
        rows.append({"id": sid, "levels": [{"name": n, "level": l} for n, l in levels], "dont_know": dont_know,
                     "missing": missing, "team": team_level, "spread": spread, "status": status})
    return {"people": len(answer_sets), "answers": team, "statements": rows}


# --- Pages ---------------------------------------------------------------------------------------------

def localized(registry, lang: str, page_url: str) -> list[dict]:
    """The statements in one language with what a page shows of them; URLs relative to page_url."""
    from .checklists import plain_text   # local: checklists imports the registry, which imports this module
    sa = registry.self_assessment
    vocab = registry.vocab
    out = []
    for statement in sa.statements if sa else ():
        guide = registry.page(statement["guide"], lang)
        checklist = []
        for item_id in statement["checklist"]:
            gid = item_id.partition(".")[0]
            page = registry.page(gid, lang)
            item = next((i for i in page.checklist if i.id == item_id), None)
            checklist.append({"id": item_id, "text": plain_text(item.text, registry, lang) if item else item_id,
                              "url": relative_url(page_url, page.url) + "#" + item_id})
        cases = [{"id": c, "title": registry.page(c, lang).title, "url": relative_url(page_url, registry.page(c, lang).url)}
                 for c in statement.get("cases") or []]
        out.append({"id": statement["id"], "topic": statement["topic"], "phase": statement["phase"],
                    "topic_label": vocab.label("topics", statement["topic"], lang),
                    "phase_label": vocab.label("phases", statement["phase"], lang),
                    "impact": statement["impact"], "effort": statement["effort"],
                    "text": statement["text"][lang], "action": statement["action"][lang],
                    "guide": {"id": guide.id, "title": guide.title, "url": relative_url(page_url, guide.url)},
                    "checklist": checklist, "cases": cases})
    return out


def page_data(registry, lang: str, page_url: str) -> dict:
    """The JSON the pages' script reads (in the page itself, so that it works offline from file:// too)."""
    sa = registry.self_assessment
    urls = registry.config.urls
    return {"language": lang, "format": FORMAT, "version": FORMAT_VERSION,
            "statements": localized(registry, lang, page_url),
            "retired": [{"id": r["id"], "text": r["text"], "replaced_by": r.get("replaced_by", "")} for r in sa.retired] if sa else [],
            "topics": [{"id": t, "label": registry.vocab.label("topics", t, lang)}
                       for t in dict.fromkeys(s["topic"] for s in (sa.statements if sa else ()))],
            "pages": {name: relative_url(page_url, urls.page(base))
                      for name, base in (("form", BASE), ("results", RESULTS_BASE), ("team", TEAM_BASE))}}


def anchors(view: str):
    """The anchors each page writes (for [[self-assessment#…]] references)."""
    def of(registry) -> set:
        sa = getattr(registry, "self_assessment", None)
        topics = {s["topic"] for s in sa.statements} if sa else set()
        if view == "form":
            return {"how", "answers"} | {f"topic-{t}" for t in topics}
        if view == "results":
            return {"profile", "strengths", "gaps", "plan"}
        return {"import", "team-profile", "differences", "team-plan"}
    return of


def _scale(strings: dict) -> list[tuple[str, str]]:
    return [("0", strings["sa_level_0"]), ("1", strings["sa_level_1"]), ("2", strings["sa_level_2"]),
            ("3", strings["sa_level_3"]), (DONT_KNOW, strings["sa_level_dk"])]


def form_page(registry, lang: str, strings: dict) -> str:
    """The statements as a form: radio buttons per statement, grouped by topic, each with its guide."""
    from .generated_pages import _front
    here = registry.config.urls.page(BASE)
    statements = localized(registry, lang, here)
    results = relative_url(here, registry.config.urls.page(RESULTS_BASE))
    team = relative_url(here, registry.config.urls.page(TEAM_BASE))
    out = [_front("self-assessment", PAGE_TYPE, strings["sa_title"]), f"# {_md(strings['sa_title'])}\n",
           _md(strings["sa_intro"]) + "\n", f"## {_md(strings['sa_how'])} {{#how}}\n",
           "\n".join(f"{n}. {_md(strings[k])}" for n, k in enumerate(("sa_how_1", "sa_how_2", "sa_how_3", "sa_how_4"), 1)) + "\n",
           f'<p>{html.escape(strings["sa_scale_intro"])}</p>\n',
           "<dl class=\"kb-sa-scale\">" + "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(strings['sa_level_' + v + '_means'])}</dd>"
                                                 for v, label in _scale(strings)) + "</dl>\n",
           f'<p class="kb-sa__nojs">{html.escape(strings["sa_nojs"])}</p>\n',
           f'<p class="kb-sa-pages"><a href="{html.escape(results)}">{html.escape(strings["sa_results_title"])}</a> · '
           f'<a href="{html.escape(team)}">{html.escape(strings["sa_team_title"])}</a></p>\n',
           f"## {_md(strings['sa_answers'])} {{#answers}}\n",
           '<div class="kb-sa-tools" data-view="form-tools" hidden></div>\n']
    topic = None
    for number, s in enumerate(statements, start=1):
        if s["topic"] != topic:
            topic = s["topic"]
            out.append(f"\n### {_md(s['topic_label'])} {{#topic-{topic}}}\n")
        name = f"sa-{s['id']}"
        radios = "".join(f'<span class="kb-sa-choice"><input type="radio" name="{name}" id="{name}-{v}" value="{v}">'
                         f'<label for="{name}-{v}">{html.escape(label)}</label></span>' for v, label in _scale(strings))
        out.append(f'<fieldset class="kb-sa-statement" id="{name}" data-statement="{html.escape(s["id"])}" data-pagefind-ignore>'
                   f'<legend><span class="kb-sa-number">{number}.</span> {html.escape(s["text"])}</legend>'
                   f'<p class="kb-sa-meta">{html.escape(s["phase_label"])} · '
                   f'<a href="{html.escape(s["guide"]["url"])}">{html.escape(strings["sa_guide"])}: {html.escape(s["guide"]["title"])}</a></p>'
                   f'<div class="kb-sa-choices">{radios}</div></fieldset>\n')
    out.append('<div class="kb-sa-tools" data-view="form-end" hidden></div>\n')
    return "\n".join(out) + "\n"


def results_page(registry, lang: str, strings: dict) -> str:
    from .generated_pages import _front
    here = registry.config.urls.page(RESULTS_BASE)
    form = relative_url(here, registry.config.urls.page(BASE))
    out = [_front("self-assessment-results", PAGE_TYPE, strings["sa_results_title"]), f"# {_md(strings['sa_results_title'])}\n",
           _md(strings["sa_results_intro"]) + "\n",
           f'<p class="kb-sa__nojs">{html.escape(strings["sa_nojs_results"])} <a href="{html.escape(form)}">{html.escape(strings["sa_title"])}</a></p>\n',
           '<div class="kb-sa-view" data-view="results" hidden></div>\n']
    for anchor, key in (("profile", "sa_profile"), ("strengths", "sa_strengths"), ("gaps", "sa_gaps"), ("plan", "sa_plan")):
        out.append(f"## {_md(strings[key])} {{#{anchor}}}\n")
        out.append(f'<div class="kb-sa-part" data-part="{anchor}"><p>{html.escape(strings["sa_nothing_yet"])}</p></div>\n')
    return "\n".join(out) + "\n"


def team_page(registry, lang: str, strings: dict) -> str:
    from .generated_pages import _front
    out = [_front("self-assessment-team", PAGE_TYPE, strings["sa_team_title"]), f"# {_md(strings['sa_team_title'])}\n",
           _md(strings["sa_team_intro"]) + "\n",
           f'<p class="kb-sa__nojs">{html.escape(strings["sa_nojs_team"])}</p>\n',
           f"## {_md(strings['sa_import'])} {{#import}}\n", _md(strings["sa_import_intro"]) + "\n",
           '<div class="kb-sa-view" data-view="team" hidden></div>\n']
    for anchor, key in (("team-profile", "sa_team_profile"), ("differences", "sa_differences"), ("team-plan", "sa_team_plan")):
        out.append(f"## {_md(strings[key])} {{#{anchor}}}\n")
        out.append(f'<div class="kb-sa-part" data-part="{anchor}"><p>{html.escape(strings["sa_nothing_imported"])}</p></div>\n')
    return "\n".join(out) + "\n"


def export(registry, lang: str) -> str:
    """api/self-assessment.json: the statements in one language, for reuse (CC BY 4.0 like the rest)."""
    sa = registry.self_assessment
    statements = [{k: v for k, v in s.items() if k not in ("guide", "checklist", "cases")} |
                  {"guide": s["guide"]["id"], "checklist": [c["id"] for c in s["checklist"]], "cases": [c["id"] for c in s["cases"]]}
                  for s in localized(registry, lang, "")]
    doc = {"language": lang, "format": FORMAT, "version": FORMAT_VERSION, "levels": list(LEVELS) + [DONT_KNOW],
           "statements": statements, "retired": [dict(r) for r in sa.retired]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
