"""procedures.py: the planner's data files are checked with their lines; a mistake is a clear message."""
import os
import textwrap

from knowledge_base import procedures

GOOD = """\
id: no-test
country: "NO"
law_as_of: 2026-12
title: {en: Test, pl: Test, nb: Test}
summary: {en: A test., pl: Test., nb: En test.}
sources:
  - {title: Act, url: "https://lovdata.no/"}
steps:
  - id: hearing
    title: {en: Hearing, pl: Konsultacje, nb: Høring}
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


def load(tmp_path, text, name="no-test.yml"):
    folder = tmp_path / "procedures"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return procedures.load(str(tmp_path), ("en", "pl", "nb"))
    finally:
        os.chdir(cwd)


def messages(problems):
    return [str(p) for p in problems]


def test_a_good_file_loads(tmp_path):
    procs, problems = load(tmp_path, GOOD)
    assert problems == []
    assert [s["id"] for s in procs["no-test"].steps] == ["hearing", "adoption"]


def test_a_missing_translation_is_refused_at_its_line(tmp_path):
    procs, problems = load(tmp_path, GOOD.replace("title: {en: Hearing, pl: Konsultacje, nb: Høring}", "title: {en: Hearing, pl: Konsultacje}"))
    assert messages(problems) == ["procedures/no-test.yml:10: step 'hearing': 'title' has no text in nb — "
                                  "write it in every language: nb: …"]


def test_a_statutory_minimum_needs_its_legal_basis(tmp_path):
    text = GOOD.replace('    legal_basis: [{ref: "pbl § 12-10", url: "https://lovdata.no/lov/2008-06-27-71/§12-10"}]\n', "")
    _, problems = load(tmp_path, text)
    found = messages(problems)
    assert "procedures/no-test.yml:13: step 'hearing' gives a statutory minimum without its legal basis — add legal_basis: " \
           "[{ref: 'art. … ', url: https://…}] with the provision that sets it" in found
    assert any("statutory step 'hearing' has no legal basis" in m for m in found)


def test_a_choice_cannot_carry_the_acts_minimum(tmp_path):
    _, problems = load(tmp_path, GOOD.replace("kind: statutory\n    consultation", "kind: choice\n    consultation"))
    assert any("step 'hearing' is a choice but its duration is marked as the act's minimum" in m for m in messages(problems))


def test_duplicate_step_ids_and_two_targets(tmp_path):
    text = GOOD.replace("  - id: adoption", "  - id: hearing").replace("    consultation: true\n", "    consultation: true\n    target: true\n")
    _, problems = load(tmp_path, text)
    found = messages(problems)
    assert any(m.startswith("procedures/no-test.yml:16: duplicate step id 'hearing' (first at line 9)") for m in found), found
    assert any("more than one step is the target" in m for m in found)


def test_schema_mistakes_have_lines(tmp_path):
    _, problems = load(tmp_path, GOOD.replace("unit: weeks", "unit: fortnights"))
    assert any(m.startswith("procedures/no-test.yml:13:") and "fortnights" in m for m in messages(problems)), messages(problems)


def test_the_id_is_the_file_name(tmp_path):
    _, problems = load(tmp_path, GOOD, name="no-other.yml")
    assert messages(problems) == ["procedures/no-other.yml:1: the procedure's id 'no-test' is not its file name 'no-other' — "
                                  "write id: no-other, or rename the file to no-test.yml"]


def test_holidays_come_from_the_holidays_package():
    days = procedures.holiday_dates(["PL", "NO"], [2027])
    assert "2027-05-03" in days["PL"] and "2027-05-17" in days["NO"]


def test_a_time_limit_is_a_maximum_with_its_legal_basis(tmp_path):
    text = GOOD.replace("minimum: true, counting: fvl}", "minimum: true, maximum: true, counting: fvl}")
    _, problems = load(tmp_path, text)
    assert any("a duration cannot be both the act's minimum and its maximum" in m for m in messages(problems))


def test_durations_read_as_the_act_says():
    from knowledge_base import planner
    strings = {"planner_at_least": "at least {duration}", "planner_at_most": "at most {duration}",
               "planner_typical": "typically {duration}", "unit_days_one": "{n} day", "unit_days_other": "{n} days",
               "unit_weeks_few": "{n} tygodnie", "unit_weeks_many": "{n} tygodni", "unit_weeks_other": "{n} tygodnia"}
    assert planner.duration_text({"duration": {"value": 30, "unit": "days", "maximum": True}}, strings, "en") == "at most 30 days"
    assert planner.duration_text({"duration": {"value": 1, "unit": "days", "minimum": False}}, strings, "en") == "typically 1 day"
    assert planner.duration_text({"duration": {"value": 6, "unit": "weeks", "minimum": True}}, strings, "pl") == "at least 6 tygodni"
    assert planner.duration_text({"duration": {"value": 22, "unit": "weeks", "minimum": True}}, strings, "pl") == "at least 22 tygodnie"
    assert planner.duration_text({}, strings, "pl") == "—"
