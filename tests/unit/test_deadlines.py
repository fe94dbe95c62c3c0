"""deadlines.py against the shared cases (the browser's planner-dates.js runs the same ones,
tests/browser/test_planner.py)."""
import datetime as dt
import json
import os

import holidays as holidays_pkg
import pytest

from knowledge_base import deadlines

CASES = json.load(open(os.path.join(os.path.dirname(__file__), "..", "fixtures", "deadline_cases.json"), encoding="utf-8"))


def hol(country):
    return frozenset(d.isoformat() for d in holidays_pkg.country_holidays(country, years=range(2025, 2030)))


@pytest.mark.parametrize("case", CASES["add"], ids=lambda c: c["name"])
def test_periods_end_where_the_acts_say(case):
    end = deadlines.add(dt.date.fromisoformat(case["start"]), case["value"], case["unit"], hol(case["country"]),
                        case["counting"])
    assert end.isoformat() == case["end"]


@pytest.mark.parametrize("case", CASES["backward"], ids=lambda c: c["name"])
def test_backwards_plans_give_the_latest_start(case):
    plan = deadlines.backward(case["steps"], dt.date.fromisoformat(case["target"]), hol(case["country"]))
    assert [d.start.isoformat() for d in plan] == case["starts"]


@pytest.mark.parametrize("case", CASES["warnings"], ids=lambda c: c["name"])
def test_consultations_over_holidays_are_flagged(case):
    plan = deadlines.warn(deadlines.forward(case["steps"], dt.date.fromisoformat(case["start"]), hol(case["country"])),
                          case["country"])
    assert [d.warnings for d in plan] == case["warnings"]


def test_the_holiday_data_has_the_days_the_cases_need():
    assert {"2027-03-29", "2027-05-03", "2026-12-24", "2026-12-25"} <= hol("PL")
    assert {"2027-05-17", "2026-12-25"} <= hol("NO")


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        deadlines.add(dt.date(2027, 1, 1), 1, "fortnights")
