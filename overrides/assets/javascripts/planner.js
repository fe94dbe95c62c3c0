/* The participation planner: a procedure and a date become a dated timeline of its steps.
   Data: api/procedures.json of the page's language (procedures, both countries' public holidays, texts).
   Dates: planner-dates.js. The whole plan lives in the page's address (?plan=…) so a link shares it, and
   in localStorage so it is still there tomorrow; nothing is sent anywhere. Without JavaScript the page
   shows the same procedures as tables. */
(function () {
  "use strict";
  var root = document.querySelector(".kb-planner");
  if (!root || !window.KBDates || !window.fetch) return;
  var D = window.KBDates;
  var KEY = "kb-planner";
  var lang = document.documentElement.lang || "en";
  var locale = lang === "en" ? "en-GB" : lang === "nb" ? "nb-NO" : lang;
  var data, S, state, byId = {};

  function t(key, values) {
    var text = (S && S[key]) || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function plural(unit, n) {
    var form = "other";
    try { form = new Intl.PluralRules(lang).select(n); } catch (e) { form = n === 1 ? "one" : "other"; }
    return t("unit_" + unit + "_" + form in S ? "unit_" + unit + "_" + form : "unit_" + unit + "_other", { n: n });
  }
  var dateFormat;
  function human(iso) {
    if (!dateFormat) {
      try { dateFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }); }
      catch (e) { dateFormat = { format: function (d) { return d.toISOString().slice(0, 10); } }; }
    }
    var p = iso.split("-");
    return dateFormat.format(new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])));
  }
  function month(isoMonth) {   // "2026-12" -> "December 2026" / "grudzień 2026" / "desember 2026"
    var p = String(isoMonth).split("-");
    try { return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(+p[0], +p[1] - 1, 1))); }
    catch (e) { return isoMonth; }
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.indexOf("on") === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function storage() {
    try { var s = window.localStorage; s.setItem(KEY + ":test", "1"); s.removeItem(KEY + ":test"); return s; }
    catch (e) { return null; }
  }
  var store = storage();
  function today() { return new Date().toISOString().slice(0, 10); }

  /* --- state: which procedure, which date, and the user's changes --------------------------------- */
  function defaults(procId) {
    return { p: procId, m: "start", d: today(), len: {}, order: null, own: [] };
  }
  function valid(s) {
    return s && typeof s === "object" && byId[s.p] && (s.m === "start" || s.m === "target") &&
      /^\d{4}-\d{2}-\d{2}$/.test(s.d || "") && !isNaN(Date.parse(s.d));
  }
  function clean(s) {
    var own = Array.isArray(s.own) ? s.own.filter(function (o) {
      return o && typeof o.t === "string" && /^own-\d+$/.test(o.id) && o.n >= 0 && o.n <= 3650;
    }).slice(0, 30) : [];
    var len = {};
    Object.keys(s.len || {}).forEach(function (k) { var n = parseInt(s.len[k], 10); if (n >= 0 && n <= 3650) len[k] = n; });
    return { p: s.p, m: s.m, d: s.d, len: len, order: Array.isArray(s.order) ? s.order.map(String) : null,
             own: own.map(function (o) { return { id: o.id, t: o.t.slice(0, 200), n: parseInt(o.n, 10), after: String(o.after || "") }; }) };
  }
  function fromUrl() {
    try {
      var q = new URLSearchParams(location.search).get("plan");
      var s = q ? JSON.parse(q) : null;
      return valid(s) ? clean(s) : null;
    } catch (e) { return null; }
  }
  function fromStore() {
    try { var s = store ? JSON.parse(store.getItem(KEY) || "null") : null; return valid(s) ? clean(s) : null; }
    catch (e) { return null; }
  }
  /* The plan is written to the address and to localStorage only once the reader has changed something:
     opening the page stores nothing. The link to share is always there. */
  var touched = false;
  function save() {
    var text = JSON.stringify(state);
    var url = new URL(location.href);
    url.searchParams.set("plan", text);
    share.value = url.toString();
    if (!touched) return;
    if (store) store.setItem(KEY, text);
    history.replaceState(null, "", url.toString());
  }

  /* --- the steps of the plan, in order, with the user's changes ------------------------------------ */
  function steps() {
    var proc = byId[state.p];
    var list = proc.steps.map(function (s) {
      var copy = Object.assign({}, s);
      if (s.kind === "choice" && state.len[s.id] != null) copy.duration = { value: state.len[s.id], unit: "days", minimum: false };
      return copy;
    });
    state.own.forEach(function (o) {
      var at = list.findIndex(function (s) { return s.id === o.after; });
      list.splice(at < 0 ? list.length : at + 1, 0, { id: o.id, title: o.t, kind: "own", duration: { value: o.n, unit: "days", minimum: false } });
    });
    if (state.order) {
      var rank = {};
      state.order.forEach(function (id, i) { rank[id] = i; });
      if (list.every(function (s) { return rank[s.id] != null; }) && list.length === state.order.length)
        list.sort(function (a, b) { return rank[a.id] - rank[b.id]; });
    }
    return list;
  }
  function movable(step) { return step.kind === "choice" || step.kind === "own"; }

  function compute() {
    var proc = byId[state.p];
    var holidays = new Set((data.holidays || {})[proc.country] || []);
    var list = steps();
    var plan = state.m === "target" ? D.backward(list, state.d, holidays) : D.forward(list, state.d, holidays);
    return D.warn(plan, proc.country);
  }

  /* --- the form ------------------------------------------------------------------------------------ */
  var country, procedure, modeStart, modeTarget, date, result, share;
  function option(value, label, selected) {
    var o = el("option", { value: value, text: label });
    if (selected) o.selected = true;
    return o;
  }
  function fillProcedures() {
    procedure.textContent = "";
    data.procedures.filter(function (p) { return p.country === country.value; }).forEach(function (p) {
      procedure.appendChild(option(p.id, p.title, p.id === state.p));
    });
  }
  function build() {
    var countries = Object.keys(S.countries || {});
    country = el("select", { id: "kb-planner-country" });
    countries.forEach(function (c) { country.appendChild(option(c, S.countries[c], byId[state.p].country === c)); });
    procedure = el("select", { id: "kb-planner-procedure" });
    fillProcedures();
    modeStart = el("input", { type: "radio", name: "kb-planner-mode", id: "kb-planner-mode-start", value: "start" });
    modeTarget = el("input", { type: "radio", name: "kb-planner-mode", id: "kb-planner-mode-target", value: "target" });
    (state.m === "target" ? modeTarget : modeStart).checked = true;
    date = el("input", { type: "date", id: "kb-planner-date", required: "required", value: state.d });
    country.addEventListener("change", function () {
      fillProcedures();
      state = Object.assign(defaults(procedure.value), { m: state.m, d: state.d });
      render();
    });
    procedure.addEventListener("change", function () { state = Object.assign(defaults(procedure.value), { m: state.m, d: state.d }); render(); });
    [modeStart, modeTarget].forEach(function (r) { r.addEventListener("change", function () { state.m = r.value; render(); }); });
    date.addEventListener("change", function () { if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) { state.d = date.value; render(); } });
    var form = el("form", { class: "kb-planner__form", onsubmit: function (e) { e.preventDefault(); } }, [
      el("p", {}, [el("label", { for: "kb-planner-country", text: t("planner_country") }), " ", country]),
      el("p", {}, [el("label", { for: "kb-planner-procedure", text: t("planner_procedure") }), " ", procedure]),
      el("fieldset", { class: "kb-planner__mode" }, [el("legend", { text: t("planner_mode") }),
        el("span", {}, [modeStart, " ", el("label", { for: "kb-planner-mode-start", text: t("planner_mode_start") })]), " ",
        el("span", {}, [modeTarget, " ", el("label", { for: "kb-planner-mode-target", text: t("planner_mode_target") })])]),
      el("p", {}, [el("label", { for: "kb-planner-date", text: t("planner_date") }), " ", date])
    ]);
    result = el("div", { class: "kb-planner__result" });
    share = el("input", { type: "text", readonly: "readonly", id: "kb-planner-share", class: "kb-planner__share" });
    root.textContent = "";
    root.appendChild(form);
    root.appendChild(result);
    root.hidden = false;
    var nojs = document.querySelector(".kb-planner__nojs");
    if (nojs) nojs.hidden = true;
  }

  /* --- the timeline -------------------------------------------------------------------------------- */
  function base() { return root.getAttribute("data-root") || "./"; }
  function link(guide) { return el("a", { href: base() + guide.path, text: guide.title }); }
  var ADVICE = "participation-plan";

  function stepItem(d, i, list) {
    var s = d.step, kindText = s.kind === "statutory" ? t("planner_statutory") : s.kind === "choice" ? t("planner_choice") : t("planner_own");
    var dur = s.duration && s.duration.value != null
      ? t(s.duration.minimum ? "planner_at_least" : s.duration.maximum ? "planner_at_most" : "planner_typical",
          { duration: plural(s.duration.unit, s.duration.value) })
      : "";
    var when = d.start === d.end ? [el("time", { datetime: d.start, text: human(d.start) })]
      : [el("time", { datetime: d.start, text: human(d.start) }), " – ", el("time", { datetime: d.end, text: human(d.end) })];
    var li = el("li", { class: "kb-planner__step kb-planner__step--" + s.kind, "data-step": s.id }, [
      el("p", { class: "kb-planner__when" }, when),
      el("h4", { class: "kb-planner__title", id: "kb-step-" + s.id, tabindex: "-1", text: s.title }),
      el("p", { class: "kb-planner__kind" }, [kindText + (dur ? " · " + dur : "")])
    ]);
    if (s.duration && s.duration.counting) li.appendChild(el("p", { class: "kb-planner__counting", text: t("planner_counting_" + s.duration.counting) }));
    if (s.legal_basis && s.legal_basis.length) {
      var p = el("p", { class: "kb-planner__legal" }, [t("planner_legal") + ": "]);
      s.legal_basis.forEach(function (lb, n) { if (n) p.appendChild(document.createTextNode("; ")); p.appendChild(el("a", { href: lb.url, text: lb.ref })); });
      li.appendChild(p);
    }
    if (s.note) li.appendChild(el("details", { class: "kb-planner__note" }, [el("summary", { text: t("planner_note") }),
      el("p", { text: s.note })]));
    if (s.guides && s.guides.length) {
      var m = el("p", { class: "kb-planner__methods" }, [t("planner_methods") + ": "]);
      s.guides.forEach(function (g, n) { if (n) m.appendChild(document.createTextNode(", ")); m.appendChild(link(g)); });
      li.appendChild(m);
    }
    d.warnings.forEach(function (w) {
      var advice = (byId[state.p].guides || []).concat(s.guides || []).filter(function (g) { return g.id === ADVICE; })[0];
      li.appendChild(el("p", { class: "kb-planner__warning", role: "note" }, [t("planner_warning_" + w),
        advice ? " " + t("planner_advice") + ": " : "", advice ? link(advice) : null]));
    });
    if (movable(s)) {
      var tools = el("p", { class: "kb-planner__tools" });
      var lenId = "kb-len-" + s.id;
      var len = el("input", { type: "number", min: "0", max: "3650", id: lenId, value: String(s.duration ? s.duration.value : 0) });
      len.addEventListener("change", function () {
        var n = Math.max(0, Math.min(3650, parseInt(len.value, 10) || 0));
        if (s.kind === "own") state.own.forEach(function (o) { if (o.id === s.id) o.n = n; });
        else state.len[s.id] = n;
        render(s.id);
      });
      if (!s.duration || s.duration.unit === "days") {
        tools.appendChild(el("label", { for: lenId, text: t("planner_length") }));
        tools.appendChild(document.createTextNode(" "));
        tools.appendChild(len);
      }
      [["planner_move_up", -1], ["planner_move_down", 1]].forEach(function (b) {
        var j = i + b[1];
        if (j < 0 || j >= list.length) return;
        tools.appendChild(el("button", { type: "button", class: "kb-planner__move", "aria-describedby": "kb-step-" + s.id, text: t(b[0]),
          onclick: function () { move(list, i, j); render(s.id); } }));
      });
      if (s.kind === "own") tools.appendChild(el("button", { type: "button", "aria-describedby": "kb-step-" + s.id, text: t("planner_remove"),
        onclick: function () { state.own = state.own.filter(function (o) { return o.id !== s.id; }); state.order = null; render(); } }));
      li.appendChild(tools);
    }
    return li;
  }
  function move(list, i, j) {
    var ids = list.map(function (d) { return d.step.id; });
    var tmp = ids[i]; ids[i] = ids[j]; ids[j] = tmp;
    state.order = ids;
  }

  function addForm(list) {
    var name = el("input", { type: "text", id: "kb-own-title", maxlength: "200" });
    var days = el("input", { type: "number", id: "kb-own-days", min: "0", max: "3650", value: "14" });
    var after = el("select", { id: "kb-own-after" });
    list.forEach(function (d) { after.appendChild(option(d.step.id, d.step.title, false)); });
    after.selectedIndex = list.length - 1;
    var form = el("form", { class: "kb-planner__add" }, [
      el("h4", { text: t("planner_add_step") }),
      el("p", {}, [el("label", { for: "kb-own-title", text: t("planner_step_title") }), " ", name]),
      el("p", {}, [el("label", { for: "kb-own-days", text: t("planner_length") }), " ", days]),
      el("p", {}, [el("label", { for: "kb-own-after", text: t("planner_step_after") }), " ", after]),
      el("p", {}, [el("button", { type: "submit", text: t("planner_add") })])
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var title = name.value.trim();
      if (!title) { name.focus(); return; }
      var n = 1;
      while (state.own.some(function (o) { return o.id === "own-" + n; })) n += 1;
      state.own.push({ id: "own-" + n, t: title, n: Math.max(0, Math.min(3650, parseInt(days.value, 10) || 0)), after: after.value });
      state.order = null;
      render("own-" + n);
    });
    return form;
  }

  /* --- exports ------------------------------------------------------------------------------------- */
  function download(name, type, text) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function icsText(s) { return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); }
  function fold(line) {   // RFC 5545 3.1: lines of at most 75 octets, continued with a space
    var out = [], bytes = new TextEncoder().encode(line);
    if (bytes.length <= 75) return line;
    var chars = Array.from(line), cur = "", len = 0, limit = 75;
    chars.forEach(function (c) {
      var n = new TextEncoder().encode(c).length;
      if (len + n > limit) { out.push(cur); cur = " "; len = 1; limit = 75; }
      cur += c; len += n;
    });
    out.push(cur);
    return out.join("\r\n");
  }
  function description(d) {
    var s = d.step, parts = [];
    if (s.legal_basis && s.legal_basis.length) parts.push(t("planner_legal") + ": " + s.legal_basis.map(function (lb) { return lb.ref + " (" + lb.url + ")"; }).join("; "));
    if (s.note) parts.push(s.note);
    d.warnings.forEach(function (w) { parts.push(t("planner_warning_" + w)); });
    return parts.join("\n");
  }
  function stamp() { return new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"); }
  function ics(plan) {
    var proc = byId[state.p], now = stamp();
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Local Development Knowledge Base//Participation planner//EN",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText(t("planner_calendar") + ": " + proc.title)];
    plan.forEach(function (d) {
      lines.push("BEGIN:VEVENT", "UID:" + proc.id + "-" + d.step.id + "-" + d.start.replace(/-/g, "") + "@knowledge-base",
                 "DTSTAMP:" + now, "DTSTART;VALUE=DATE:" + d.start.replace(/-/g, ""),
                 "DTEND;VALUE=DATE:" + D.plusDays(d.end, 1).replace(/-/g, ""),
                 "SUMMARY:" + icsText(d.step.title), "DESCRIPTION:" + icsText(description(d)), "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function cell(v) { v = String(v); if (/^[=+\-@\t\r]/.test(v)) v = "'" + v; return '"' + v.replace(/"/g, '""') + '"'; }
  function csv(plan) {
    var rows = [[t("planner_step"), "start", "end", t("planner_kind"), t("planner_legal"), ""].map(cell).join(",")];
    plan.forEach(function (d) {
      rows.push([d.step.title, d.start, d.end, d.step.kind, (d.step.legal_basis || []).map(function (lb) { return lb.ref; }).join("; "),
                 d.warnings.map(function (w) { return t("planner_warning_" + w); }).join(" ")].map(cell).join(","));
    });
    return "\ufeff" + rows.join("\r\n") + "\r\n";
  }
  function markdown(plan) {
    var proc = byId[state.p];
    var lines = ["# " + t("planner_calendar") + ": " + proc.title, "", location.href, ""];
    plan.forEach(function (d, i) {
      lines.push((i + 1) + ". **" + d.step.title + "**: " + (d.start === d.end ? d.start : d.start + " – " + d.end));
      var desc = description(d);
      if (desc) desc.split("\n").forEach(function (l) { lines.push("   " + l); });
    });
    lines.push("", t("planner_law_check", { date: proc.law_as_of }));
    return lines.join("\n") + "\n";
  }
  function json(plan) {
    return JSON.stringify({ procedure: state.p, mode: state.m, date: state.d, plan: state,
      steps: plan.map(function (d) { return { id: d.step.id, title: d.step.title, kind: d.step.kind, start: d.start, end: d.end,
                                              legal_basis: d.step.legal_basis || [], warnings: d.warnings }; }) }, null, 2) + "\n";
  }

  /* --- render -------------------------------------------------------------------------------------- */
  function render(focusStep, initial) {
    if (!initial) touched = true;
    var plan = compute(), proc = byId[state.p];
    save();
    result.textContent = "";
    var first = plan[0], last = plan[plan.length - 1];
    result.appendChild(el("h3", { id: "kb-planner-timeline", text: t("planner_timeline") }));
    result.appendChild(el("p", { class: "kb-planner__summary", role: "status" },
      [t("planner_timeline_for", { procedure: proc.title, start: human(first.start), end: human(last.end) })]));
    var ol = el("ol", { class: "kb-planner__steps", "aria-labelledby": "kb-planner-timeline" });
    plan.forEach(function (d, i) { ol.appendChild(stepItem(d, i, plan)); });
    result.appendChild(ol);
    result.appendChild(addForm(plan));
    var base = "plan-" + proc.id + "-" + state.d;
    result.appendChild(el("div", { class: "kb-planner__export" }, [
      el("p", {}, [el("label", { for: "kb-planner-share", text: t("planner_share") }), " ", share]),
      el("p", {}, [t("planner_download") + ": ",
        el("button", { type: "button", text: ".ics", onclick: function () { download(base + ".ics", "text/calendar;charset=utf-8", ics(compute())); } }), " ",
        el("button", { type: "button", text: "CSV", onclick: function () { download(base + ".csv", "text/csv;charset=utf-8", csv(compute())); } }), " ",
        el("button", { type: "button", text: "Markdown", onclick: function () { download(base + ".md", "text/markdown;charset=utf-8", markdown(compute())); } }), " ",
        el("button", { type: "button", text: "JSON", onclick: function () { download(base + ".json", "application/json", json(compute())); } }), " ",
        el("button", { type: "button", text: (window.KB && window.KB.t ? window.KB.t("print") : "Print"), onclick: function () { window.print(); } })]),
      el("p", { class: "kb-planner__kept" }, [t("planner_kept") + " ",
        el("button", { type: "button", text: t("planner_clear"), onclick: function () {
          if (store) store.removeItem(KEY);
          var url = new URL(location.href); url.searchParams.delete("plan"); history.replaceState(null, "", url.toString());
          state = defaults(procedure.value); date.value = state.d; modeStart.checked = true;
          touched = false; render(null, true);
        } })]),
      el("p", { class: "kb-planner__law", text: t("planner_law_check", { date: month(proc.law_as_of) }) })
    ]));
    document.documentElement.classList.add("kb-has-plan");
    if (focusStep) { var h = document.getElementById("kb-step-" + focusStep); if (h) h.focus(); }
  }

  /* Under each procedure's table heading: a button that plans that procedure */
  function tableButtons() {
    data.procedures.forEach(function (p) {
      var heading = document.getElementById(p.id);
      if (!heading) return;
      heading.parentNode.insertBefore(el("p", { class: "kb-planner__use" }, [el("button", { type: "button", text: t("planner_use"),
        "aria-describedby": p.id, onclick: function () {
          country.value = p.country; fillProcedures(); procedure.value = p.id;
          state = Object.assign(defaults(p.id), { m: state.m, d: state.d });
          render();
          var h = document.getElementById("kb-planner-timeline");
          if (h) { h.setAttribute("tabindex", "-1"); h.focus(); h.scrollIntoView(); }
        } })]), heading.nextSibling);
    });
  }

  fetch(root.getAttribute("data-src")).then(function (r) { return r.json(); }).then(function (json) {
    data = json;
    S = json.strings || {};
    data.procedures.forEach(function (p) { byId[p.id] = p; });
    if (!data.procedures.length) return;
    var hash = decodeURIComponent(location.hash.slice(1));
    state = fromUrl() || (byId[hash] ? defaults(hash) : null) || fromStore() || defaults(data.procedures[0].id);
    build();
    render(null, true);
    tableButtons();
  }).catch(function () { /* the tables below stay: the page is still useful */ });
})();
