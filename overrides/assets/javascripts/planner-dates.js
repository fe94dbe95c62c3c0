/* Dates of a participation plan: the browser twin of hooks/knowledge_base/deadlines.py (read its
   docstring for how each kind of period is counted). Dates are "YYYY-MM-DD" strings and are computed as
   whole days in UTC, so daylight saving time cannot move a deadline. The tests run the same cases
   through both (tests/fixtures/deadline_cases.json). */
(function () {
  "use strict";
  var DAY = 86400000;
  function parse(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function plusDays(isoDate, n) { return iso(parse(isoDate) + n * DAY); }
  function weekday(isoDate) { return (new Date(parse(isoDate)).getUTCDay() + 6) % 7; }   // Monday 0 … Sunday 6
  function free(isoDate, holidays) { return weekday(isoDate) >= 5 || holidays.has(isoDate); }
  function daysInMonth(year, month) { return new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); }

  function add(start, value, unit, holidays, counting) {
    holidays = holidays || new Set();
    var end;
    if (unit === "days") end = plusDays(start, value);
    else if (unit === "weeks") end = plusDays(start, 7 * value);
    else if (unit === "months") {
      var d = new Date(parse(start));
      var m = d.getUTCMonth() + value, y = d.getUTCFullYear() + Math.floor(m / 12);
      m = ((m % 12) + 12) % 12;
      end = iso(Date.UTC(y, m, Math.min(d.getUTCDate(), daysInMonth(y, m))));
    } else if (unit === "working_days") {
      end = start;
      for (var left = value; left > 0;) { end = plusDays(end, 1); if (!free(end, holidays)) left -= 1; }
    } else throw new Error("unknown unit " + unit);
    if (counting === "kpa" || counting === "fvl") while (free(end, holidays)) end = plusDays(end, 1);
    return end;
  }

  function duration(step) {
    var d = step.duration || {};
    return d.value != null && d.unit ? d : null;
  }

  function forward(steps, start, holidays) {
    var out = [], day = start;
    steps.forEach(function (step) {
      var d = duration(step);
      var end = d ? add(day, d.value, d.unit, holidays, d.counting) : day;
      out.push({ step: step, start: day, end: end, warnings: [] });
      day = end;
    });
    return out;
  }

  function targetIndex(steps) {
    for (var i = 0; i < steps.length; i++) if (steps[i].target) return i;
    return steps.length - 1;
  }

  function backward(steps, target, holidays) {
    var i = targetIndex(steps), start = target, plan;
    for (var n = 0; n < 3660; n++) {
      plan = forward(steps, start, holidays);
      if (plan[i].start <= target) break;
      start = plusDays(start, -Math.max(1, (parse(plan[i].start) - parse(target)) / DAY));
    }
    for (;;) {
      var later = forward(steps, plusDays(start, 1), holidays);
      if (later[i].start > target) return forward(steps, start, holidays);
      start = plusDays(start, 1);
    }
  }

  function isoWeekMonday(year, week) {
    var jan4 = Date.UTC(year, 0, 4), dow = (new Date(jan4).getUTCDay() + 6) % 7;
    return iso(jan4 - dow * DAY + (week - 1) * 7 * DAY);
  }

  function holidayPeriods(country, fromYear, toYear) {
    var out = [];
    for (var y = fromYear; y <= toYear; y++) {
      out.push(["christmas", y + "-12-20", (y + 1) + "-01-06"]);
      if (country === "PL") out.push(["summer", y + "-07-01", y + "-08-31"]);
      else out.push(["summer", isoWeekMonday(y, 28), plusDays(isoWeekMonday(y, 30), 6)]);
    }
    return out;
  }

  function warn(plan, country) {
    if (!plan.length) return plan;
    var from = +plan[0].start.slice(0, 4) - 1, to = +plan[plan.length - 1].end.slice(0, 4);
    var periods = holidayPeriods(country, from, to);
    plan.forEach(function (d) {
      if (!d.step.consultation) return;
      var kinds = {};
      periods.forEach(function (p) { if (d.start <= p[2] && p[1] <= d.end) kinds[p[0]] = true; });
      d.warnings = Object.keys(kinds).sort();
    });
    return plan;
  }

  window.KBDates = { add: add, forward: forward, backward: backward, warn: warn, holidayPeriods: holidayPeriods,
                     plusDays: plusDays, weekday: weekday };
})();
