/* The self-assessment's scoring, team merge and answer-set format: the same rules as score(), merge()
   and priority() in hooks/knowledge_base/self_assessment.py (both are tested against
   tests/fixtures/self_assessment_cases.json). No page access here: plain functions over plain data. */
(function () {
  "use strict";
  var DONT_KNOW = "dk";
  var FORMAT = "kb-self-assessment";

  /* An answer as a level 0–3, "dk", or null (unanswered or not an answer). */
  function level(value) {
    if (value === DONT_KNOW) return DONT_KNOW;
    if (typeof value === "number" && [0, 1, 2, 3].indexOf(value) >= 0) return value;
    if (typeof value === "string" && /^[0-3]$/.test(value)) return Number(value);
    return null;
  }

  /* The action plan's order: the largest gain for the least effort first (gain = impact × (2 − level)),
     then the lower level, then the higher impact, then the order of the statements. */
  function priority(statement, lvl) {
    return [-(statement.impact * (2 - lvl)) / statement.effort, lvl, -statement.impact];
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1; }
    return 0;
  }

  function score(answers, statements) {
    var topics = [], byTopic = {}, strengths = [], gaps = [], unknown = [];
    statements.forEach(function (s, order) {
      var row = byTopic[s.topic];
      if (!row) {
        row = byTopic[s.topic] = { topic: s.topic, answered: 0, dont_know: 0, unanswered: 0, total: 0, score: null };
        topics.push(row);
      }
      var lvl = level(answers[s.id]);
      if (lvl === null) row.unanswered += 1;
      else if (lvl === DONT_KNOW) { row.dont_know += 1; unknown.push(s.id); }
      else {
        row.answered += 1; row.total += lvl;
        (lvl >= 2 ? strengths : gaps).push([lvl, order, s.id, s]);
      }
    });
    topics.forEach(function (row) {
      row.score = row.answered ? Math.round(100 * row.total / (3 * row.answered)) : null;
    });
    var plan = gaps.slice().sort(function (a, b) {
      return compare(priority(a[3], a[0]).concat([a[1]]), priority(b[3], b[0]).concat([b[1]]));
    });
    return {
      topics: topics,
      strengths: strengths.slice().sort(function (a, b) { return compare([-a[0], a[1]], [-b[0], b[1]]); }).map(function (t) { return t[2]; }),
      gaps: gaps.slice().sort(function (a, b) { return compare([a[0], a[1]], [b[0], b[1]]); }).map(function (t) { return t[2]; }),
      plan: plan.map(function (t) { return t[2]; }),
      unknown: unknown
    };
  }

  function merge(answerSets, statements) {
    var rows = [], team = {};
    statements.forEach(function (s) {
      var levels = [], dontKnow = [], missing = [];
      answerSets.forEach(function (set, index) {
        var name = String(set.name || "") || "#" + (index + 1);
        var lvl = level((set.answers || {})[s.id]);
        if (lvl === null) missing.push(name);
        else if (lvl === DONT_KNOW) dontKnow.push(name);
        else levels.push({ name: name, level: lvl });
      });
      var values = levels.map(function (l) { return l.level; }).sort(function (a, b) { return a - b; });
      var teamLevel = null, spread = null, status = "unknown";
      if (values.length) {
        teamLevel = values[Math.floor((values.length - 1) / 2)];
        spread = values[values.length - 1] - values[0];
        status = values.length === 1 ? "one" : spread >= 2 ? "differ" : spread === 1 ? "close" : "agree";
        team[s.id] = teamLevel;
      } else if (dontKnow.length) {
        team[s.id] = DONT_KNOW;
      }
      rows.push({ id: s.id, levels: levels, dont_know: dontKnow, missing: missing, team: teamLevel, spread: spread, status: status });
    });
    return { people: answerSets.length, answers: team, statements: rows };
  }

  /* Answers kept as they are valid: levels 0–3 and "dk"; ids of retired statements are kept (shown,
     not counted). */
  function cleanAnswers(raw) {
    var out = {};
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
    Object.keys(raw).forEach(function (id) {
      var lvl = level(raw[id]);
      if (lvl !== null && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) out[id] = lvl;
    });
    return out;
  }

  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  }

  /* The part of a link after "#sa=" that carries one person's answers. */
  function encode(name, answers) {
    return toBase64Url(JSON.stringify({ f: FORMAT, v: 1, n: name || "", a: answers }));
  }

  /* One answer set from an exported file's text, a link with #sa=, or the encoded part alone; null when
     it is none of these. */
  function parse(text) {
    text = String(text || "").trim();
    if (!text) return null;
    try {
      if (text.charAt(0) === "{") {
        var doc = JSON.parse(text);
        if (doc.format !== FORMAT) return null;
        var answers = cleanAnswers(doc.answers);
        return answers ? { name: String(doc.name || "").slice(0, 80), answers: answers, date: String(doc.date || "") } : null;
      }
      var at = text.indexOf("sa=");
      var payload = at >= 0 ? text.slice(at + 3) : text;
      payload = payload.split(/[&\s]/)[0];
      var data = JSON.parse(fromBase64Url(payload));
      if (data.f !== FORMAT) return null;
      var clean = cleanAnswers(data.a);
      return clean ? { name: String(data.n || "").slice(0, 80), answers: clean, date: "" } : null;
    } catch (e) {
      return null;
    }
  }

  window.KBSelfAssessment = { DONT_KNOW: DONT_KNOW, FORMAT: FORMAT, level: level, priority: priority, score: score,
                              merge: merge, encode: encode, parse: parse, cleanAnswers: cleanAnswers };
})();
