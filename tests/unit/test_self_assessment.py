"""self_assessment.py: the documented scoring and team merge against the shared cases (the browser runs
the same cases through self-assessment-score.js), and the data file's own checks with their lines."""
import json
import os
import textwrap

import pytest

from knowledge_base import self_assessment

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "..", "fixtures", "self_assessment_cases.json"), encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["score"], ids=lambda c: c["name"])
def test_score(case):
    assert self_assessment.score(case["answers"], CASES["statements"]) == case["expected"]


@pytest.mark.parametrize("case", CASES["merge"], ids=lambda c: c["name"])
def test_merge(case):
    assert self_assessment.merge(case["sets"], CASES["statements"]) == case["expected"]


def test_the_team_profile_is_the_profile_of_the_merged_answers():
    merged = self_assessment.merge(CASES["merge"][0]["sets"], CASES["statements"])
    result = self_assessment.score(merged["answers"], CASES["statements"])
    assert result["plan"] == ["s1", "s4"] and result["strengths"] == ["s2"] and result["unknown"] == ["s3", "s5"]


def test_answers_that_are_not_levels_are_not_counted():
    statements = CASES["statements"][:1]
    for value in (True, 4, -1, "2.5", None, [1], "yes"):
        assert self_assessment.score({"s1": value}, statements)["topics"][0]["unanswered"] == 1, value
    assert self_assessment.score({"s1": "2"}, statements)["topics"][0]["score"] == 67


GOOD = """\
statements:
  - id: p-one
    topic: participation
    phase: initiation
    guide: alpha-guide
    checklist: [alpha-guide.first-item]
    impact: 3
    effort: 1
    text: {en: We do one., pl: Robimy jedno., nb: Vi gjør én.}
    action: {en: Do one., pl: Zrób jedno., nb: Gjør én.}
"""


def load(tmp_path, text):
    (tmp_path / "self-assessment.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return self_assessment.load(str(tmp_path), ("en", "pl", "nb"))
    finally:
        os.chdir(cwd)


def test_a_good_file_loads_without_problems(tmp_path):
    sa, problems = load(tmp_path, GOOD)
    assert problems == [] and sa.ids == ["p-one"]


def test_duplicate_ids_missing_translations_and_retired_ids_are_errors_with_lines(tmp_path):
    text = GOOD + GOOD.split("\n", 1)[1].replace("nb: Gjør én.", "nb: ''") + """\
retired:
  - {id: p-one, text: We did one.}
  - {id: p-old, text: Old., replaced_by: p-new}
"""
    sa, problems = load(tmp_path, text)
    found = [(p.line, p.message) for p in problems]
    assert (11, "duplicate statement id 'p-one' (first at line 2)") in found
    assert (21, "'p-one' is retired and still a statement (line 2)") in found
    assert (22, "retired 'p-old' is replaced by an unknown statement 'p-new'") in found
    assert len(found) == 3, found


def test_a_missing_translation_is_named(tmp_path):
    sa, problems = load(tmp_path, GOOD.replace("nb: Gjør én.", "nb: ' '"))
    assert [(p.line, p.message) for p in problems] == [(10, "statement 'p-one': 'action' has no text in nb")]


def test_schema_errors_point_at_the_value(tmp_path):
    sa, problems = load(tmp_path, GOOD.replace("impact: 3", "impact: 5").replace("alpha-guide.first-item", "first-item"))
    lines = sorted(p.line for p in problems)
    assert lines == [6, 7], [str(p) for p in problems]
