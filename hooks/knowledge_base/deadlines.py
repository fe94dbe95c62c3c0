"""Dates of a participation plan: statutory periods counted as the acts count them.

The participation planner (planner.py, overrides/assets/javascripts/planner-dates.js) turns a procedure's
steps into dates. This module is the reference: the browser's JavaScript does the same arithmetic, and the
tests run the same cases through both (tests/fixtures/deadline_cases.json).

How a period is counted, from the day of the event that starts it (the event day itself does not count):
- days: calendar days; the period ends on the Nth day after the event (k.p.a. art. 57 § 1);
- weeks: ends on the same weekday, N weeks later (k.p.a. art. 57 § 3);
- months: ends on the same day of the month, N months later, or on the month's last day when it has no
  such day (k.p.a. art. 57 § 3a);
- working_days: the Nth day after the event that is neither a Saturday, a Sunday nor a public holiday.
Then, where the act makes a counting rule apply:
- kpa (Poland, k.p.a. art. 57 § 4): an end on a Saturday or a day off by law (Sundays and public
  holidays) moves to the next day that is neither;
- fvl (Norway, forvaltningsloven § 30 with domstolloven § 149): an end on a Saturday, a Sunday or a
  public holiday moves to the next working day.
All dates are calendar dates: no time of day, no time zone, so a change to or from daylight saving time
cannot move a deadline.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

UNITS = ("days", "weeks", "working_days", "months")
COUNTING = ("kpa", "fvl")


def _free(day: dt.date, holidays) -> bool:
    return day.weekday() >= 5 or day.isoformat() in holidays


def add(start: dt.date, value: int, unit: str, holidays=frozenset(), counting: str | None = None) -> dt.date:
    """The last day of a period of value units that starts with an event on start."""
    if unit == "days":
        end = start + dt.timedelta(days=value)
    elif unit == "weeks":
        end = start + dt.timedelta(weeks=value)
    elif unit == "months":
        month = start.month - 1 + value
        year, month = start.year + month // 12, month % 12 + 1
        end = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    elif unit == "working_days":
        end, left = start, value
        while left > 0:
            end += dt.timedelta(days=1)
            if not _free(end, holidays):
                left -= 1
    else:
        raise ValueError(f"unknown unit {unit!r}")
    if counting in COUNTING:   # both rules: a Saturday, a Sunday (a day off by law in Poland too) or a holiday
        while _free(end, holidays):
            end += dt.timedelta(days=1)
    return end


@dataclass
class Dated:
    step: dict
    start: dt.date
    end: dt.date
    warnings: list = field(default_factory=list)


def _duration(step: dict):
    d = step.get("duration") or {}
    return (int(d["value"]), d["unit"], d.get("counting")) if d.get("value") is not None and d.get("unit") else None


def forward(steps: list[dict], start: dt.date, holidays=frozenset()) -> list[Dated]:
    """Each step starts on the day the previous one ends; a step without a duration is a single day."""
    out, day = [], start
    for step in steps:
        d = _duration(step)
        end = add(day, d[0], d[1], holidays, d[2]) if d else day
        out.append(Dated(step, day, end))
        day = end
    return out


def target_index(steps: list[dict]) -> int:
    """The step a backwards plan aims at: the one marked target, else the last one."""
    return next((i for i, s in enumerate(steps) if s.get("target")), len(steps) - 1)


def backward(steps: list[dict], target: dt.date, holidays=frozenset()) -> list[Dated]:
    """The latest plan whose target step starts on or before the target date."""
    i = target_index(steps)
    start = target
    for _ in range(3660):   # at most ten years back, one day at a time after the first estimate
        plan = forward(steps, start, holidays)
        if plan[i].start <= target:
            break
        start -= dt.timedelta(days=max(1, (plan[i].start - target).days))
    while True:
        later = forward(steps, start + dt.timedelta(days=1), holidays)
        if later[i].start > target:
            return forward(steps, start, holidays)
        start += dt.timedelta(days=1)


def overlaps(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> bool:
    return a_start <= b_end and b_start <= a_end


def holiday_periods(country: str, years) -> list[tuple[str, dt.date, dt.date]]:
    """Periods in which few people take part: Christmas (20 December – 6 January) in both countries, the
    Polish school summer holidays (wakacje, July and August) and the Norwegian fellesferie (ISO weeks
    28–30, when most workplaces close)."""
    periods = []
    for year in years:
        periods.append(("christmas", dt.date(year, 12, 20), dt.date(year + 1, 1, 6)))
        if country == "PL":
            periods.append(("summer", dt.date(year, 7, 1), dt.date(year, 8, 31)))
        else:
            periods.append(("summer", dt.date.fromisocalendar(year, 28, 1), dt.date.fromisocalendar(year, 30, 7)))
    return periods


def warn(plan: list[Dated], country: str) -> list[Dated]:
    """Consultation steps that fall over Christmas or the summer holiday get a warning ('christmas', 'summer')."""
    years = range(min(d.start.year for d in plan) - 1, max(d.end.year for d in plan) + 1) if plan else ()
    periods = holiday_periods(country, years)
    for dated in plan:
        if dated.step.get("consultation"):
            dated.warnings = sorted({kind for kind, a, b in periods if overlaps(dated.start, dated.end, a, b)})
    return plan
