/* The self-assessment pages: the form (answers kept in this browser), the results (profile as an SVG
   chart with a data table, strengths, gaps, action plan) and the team view (imported answer sets, where
   the team agrees and differs). The statements come from the page's #kb-self-assessment data block; the
   rules from self-assessment-score.js. Nothing is sent anywhere: localStorage is written only after the
   reader answers or imports, and "Delete my answers" removes it. */
(function () {
  "use strict";
  var SA = window.KBSelfAssessment, KB = window.KB;
  var node = document.getElementById("kb-self-assessment");
  if (!SA || !KB || !node) return;
  var data;
  try { data = JSON.parse(node.textContent); } catch (e) { return; }
  var MINE = "kb-self-assessment", TEAM = "kb-self-assessment-team";
  var t = KB.t, el = KB.el;
  var statements = data.statements, byId = {};
  statements.forEach(function (s) { byId[s.id] = s; });
  var retired = {};
  (data.retired || []).forEach(function (r) { retired[r.id] = r; });
  var levelLabel = function (v) { return v === null || v === undefined ? "—" : t("sa_level_" + v); };

  function read(key, fallback) {
    try { var v = JSON.parse(window.localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: kept for this visit */ }
  }
  function forget(key) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ } }

  function mine() {
    var kept = read(MINE, null);
    var answers = kept && SA.cleanAnswers(kept.answers);
    return { name: kept && typeof kept.name === "string" ? kept.name.slice(0, 80) : "", answers: answers || {} };
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function csvCell(value) {
    var text = String(value === null || value === undefined ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;       // a spreadsheet must not read it as a formula
    return /[",\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(rows) { return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n"; }

  function slug(text) {
    return String(text || "").toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  }

  function exportDoc(set) {
    return { format: SA.FORMAT, version: data.version, language: data.language, name: set.name, date: today(), answers: set.answers };
  }

  function answersCsv(set) {
    var rows = [["statement_id", "topic", "phase", "statement", "level", "answer", "name", "date"]];
    statements.forEach(function (s) {
      var v = set.answers[s.id];
      rows.push([s.id, s.topic_label, s.phase_label, s.text, v === undefined ? "" : v, v === undefined ? "" : levelLabel(v), set.name, today()]);
    });
    return csv(rows);
  }

  function shareUrl(set) {
    return new URL(data.pages.team, window.location.href).href.split("#")[0] + "#sa=" + SA.encode(set.name, set.answers);
  }

  function status(container) {
    var s = el("p", { "class": "kb-sa-status", role: "status", "aria-live": "polite" });
    container.appendChild(s);
    return s;
  }

  function button(text, cls) { var b = el("button", { type: "button", "class": "kb-sa-button" + (cls ? " " + cls : "") }, text); return b; }

  /* ---------------------------------------------------------------- the form */
  function formView() {
    var top = document.querySelector('[data-view="form-tools"]'), end = document.querySelector('[data-view="form-end"]');
    var fieldsets = Array.prototype.slice.call(document.querySelectorAll("fieldset.kb-sa-statement"));
    if (!top || !end) return;
    var set = mine();
    fieldsets.forEach(function (fs) {
      var v = set.answers[fs.getAttribute("data-statement")];
      if (v !== undefined) {
        var input = fs.querySelector('input[value="' + v + '"]');
        if (input) input.checked = true;
      }
    });
    var nameId = "kb-sa-name";
    var nameP = el("p", { "class": "kb-sa-name" });
    nameP.appendChild(el("label", { "for": nameId }, t("sa_name_label")));
    var name = el("input", { type: "text", id: nameId, maxlength: "80", autocomplete: "off" });
    name.value = set.name;
    nameP.appendChild(name);
    top.appendChild(nameP);
    var progress = el("p", { "class": "kb-sa-progress", id: "kb-sa-progress", role: "status", "aria-live": "polite" });
    top.appendChild(progress);

    var actions = el("div", { "class": "kb-sa-actions" });
    var results = el("a", { href: data.pages.results, "class": "kb-sa-button kb-sa-primary", id: "kb-sa-see-results" }, t("sa_see_results"));
    var json = button(t("sa_download_json")); json.id = "kb-sa-json";
    var csvButton = button(t("sa_download_csv")); csvButton.id = "kb-sa-csv";
    var del = button(t("sa_delete"), "kb-sa-delete"); del.id = "kb-sa-delete";
    [results, json, csvButton, del].forEach(function (b) { actions.appendChild(b); });
    end.appendChild(actions);
    var shareP = el("p", { "class": "kb-sa-share" });
    shareP.appendChild(el("label", { "for": "kb-sa-share" }, t("sa_share_label")));
    var share = el("input", { type: "text", id: "kb-sa-share", readonly: "" });
    var copy = button(t("copy_link")); copy.id = "kb-sa-copy";
    shareP.appendChild(share); shareP.appendChild(copy);
    end.appendChild(shareP);
    end.appendChild(el("p", { "class": "kb-sa-kept" }, t("sa_kept")));
    var said = status(end);

    function refresh() {
      var answered = Object.keys(set.answers).filter(function (id) { return byId[id]; }).length;
      progress.textContent = t("sa_progress", { answered: answered, total: statements.length });
      share.value = shareUrl(set);
    }
    function save() { write(MINE, { name: set.name, answers: set.answers, updated: today() }); refresh(); }

    document.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.matches || !input.matches("fieldset.kb-sa-statement input[type=radio]")) return;
      set.answers[input.closest("fieldset").getAttribute("data-statement")] = SA.level(input.value);
      save();
    });
    name.addEventListener("input", function () { set.name = name.value.slice(0, 80); if (Object.keys(set.answers).length || set.name) save(); });
    json.addEventListener("click", function () {
      download("self-assessment-" + (slug(set.name) || "answers") + "-" + today() + ".json", JSON.stringify(exportDoc(set), null, 1) + "\n", "application/json");
    });
    csvButton.addEventListener("click", function () {
      download("self-assessment-" + (slug(set.name) || "answers") + "-" + today() + ".csv", "\ufeff" + answersCsv(set), "text/csv");
    });
    copy.addEventListener("click", function () {
      share.select();
      var done = function () { said.textContent = t("sa_copy_done"); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(share.value).then(done, done);
      else { try { document.execCommand("copy"); } catch (e) { /* the link is selected */ } done(); }
    });
    del.addEventListener("click", function () {
      if (!window.confirm(t("sa_delete_confirm"))) return;
      forget(MINE);
      set = { name: "", answers: {} };
      name.value = "";
      fieldsets.forEach(function (fs) { fs.querySelectorAll("input").forEach(function (i) { i.checked = false; }); });
      refresh();
      said.textContent = t("sa_deleted");
    });
    refresh();
    top.hidden = false; end.hidden = false;
  }

  /* ---------------------------------------------------------------- shared rendering */
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  var chartCount = 0;
  function profile(container, result) {
    container.textContent = "";
    chartCount += 1;
    var id = "kb-sa-chart-" + chartCount;
    var wrap = el("div", { "class": "kb-sa-profile" });
    // each topic's name on its own line above its bar, so that long names fit a phone's width
    var rowH = 56, width = 420, barX = 2, barW = 370;
    var height = result.topics.length * rowH + 24;
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": id + "-t " + id + "-d",
                             "class": "kb-sa-chart", focusable: "false" });
    chart.appendChild(svg("title", { id: id + "-t" }, t("sa_chart_title")));
    chart.appendChild(svg("desc", { id: id + "-d" }, result.topics.map(function (row) {
      return topicLabel(row.topic) + ": " + (row.score === null ? t("sa_no_score") : row.score);
    }).join("; ") + ". " + t("sa_chart_note")));
    result.topics.forEach(function (row, i) {
      var y = i * rowH;
      chart.appendChild(svg("text", { x: barX, y: y + 18, "class": "kb-sa-label" }, topicLabel(row.topic)));
      chart.appendChild(svg("rect", { x: barX, y: y + 25, width: barW, height: 22, "class": "kb-sa-track" }));
      if (row.score !== null) chart.appendChild(svg("rect", { x: barX, y: y + 25, width: Math.max(2, barW * row.score / 100), height: 22,
                                                              "class": "kb-sa-bar kb-sa-bar--" + row.topic }));
      chart.appendChild(svg("text", { x: barX + barW + 8, y: y + 42, "class": "kb-sa-value" }, row.score === null ? "—" : String(row.score)));
    });
    [0, 50, 100].forEach(function (tick) {
      var x = barX + barW * tick / 100;
      chart.appendChild(svg("line", { x1: x, x2: x, y1: 20, y2: height - 18, "class": "kb-sa-grid" }));
      chart.appendChild(svg("text", { x: x, y: height - 4, "text-anchor": tick === 0 ? "start" : tick === 100 ? "end" : "middle",
                                      "class": "kb-sa-tick" }, String(tick)));
    });
    wrap.appendChild(chart);
    var table = el("table", { "class": "kb-sa-table" });
    table.appendChild(el("caption", {}, t("sa_chart_title")));
    var head = el("tr");
    ["sa_topic", "sa_score", "sa_answered", "sa_dont_know_count", "sa_unanswered"].forEach(function (k) { head.appendChild(el("th", { scope: "col" }, t(k))); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    result.topics.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, topicLabel(row.topic)));
      tr.appendChild(el("td", {}, row.score === null ? t("sa_no_score") : String(row.score)));
      [row.answered, row.dont_know, row.unanswered].forEach(function (n) { tr.appendChild(el("td", {}, String(n))); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    // a table wider than a phone scrolls: the region takes focus so that the keyboard can scroll it
    var scroll = el("div", { "class": "kb-sa-table-wrap", tabindex: "0", role: "region", "aria-label": t("sa_chart_title") });
    scroll.appendChild(table);
    wrap.appendChild(scroll);
    container.appendChild(wrap);
  }

  function topicLabel(id) {
    for (var i = 0; i < data.topics.length; i++) { if (data.topics[i].id === id) return data.topics[i].label; }
    return id;
  }

  function statementList(container, ids, answers, empty) {
    container.textContent = "";
    if (!ids.length) { container.appendChild(el("p", {}, empty)); return; }
    var ul = el("ul", { "class": "kb-sa-list" });
    ids.forEach(function (id) {
      var s = byId[id], li = el("li");
      li.appendChild(el("span", { "class": "kb-sa-answer" }, levelLabel(answers[id])));
      li.appendChild(document.createTextNode(" " + s.text + " "));
      li.appendChild(el("a", { href: s.guide.url }, s.guide.title));
      ul.appendChild(li);
    });
    container.appendChild(ul);
  }

  function links(label, items) {
    var p = el("p", { "class": "kb-sa-links" });
    p.appendChild(el("strong", {}, label + ": "));
    items.forEach(function (item, i) {
      if (i) p.appendChild(document.createTextNode(" · "));
      p.appendChild(el("a", { href: item.url }, item.text || item.title));
    });
    return p;
  }

  function plan(container, result, answers, intro) {
    container.textContent = "";
    container.appendChild(el("p", {}, intro));
    if (!result.plan.length) container.appendChild(el("p", {}, t("sa_no_gaps")));
    var ol = el("ol", { "class": "kb-sa-plan" });
    result.plan.forEach(function (id) {
      var s = byId[id], li = el("li", { "class": "kb-sa-step", "data-statement": id });
      li.appendChild(el("p", { "class": "kb-sa-action" }, s.action));
      li.appendChild(el("p", { "class": "kb-sa-step-meta" }, s.topic_label + " · " + s.phase_label + " · " + t("sa_your_answer") + ": " +
        levelLabel(answers[id]) + " · " + t("sa_impact") + ": " + t("sa_rate_" + s.impact) + " · " + t("sa_effort") + ": " + t("sa_rate_" + s.effort)));
      li.appendChild(el("p", { "class": "kb-sa-step-statement" }, s.text));
      li.appendChild(links(t("sa_guide"), [{ url: s.guide.url, title: s.guide.title }]));
      li.appendChild(links(t("sa_checklist"), s.checklist));
      if (s.cases.length) li.appendChild(links(t("sa_cases"), s.cases));
      ol.appendChild(li);
    });
    container.appendChild(ol);
    if (result.unknown.length) {
      container.appendChild(el("h3", { id: container.getAttribute("data-part") + "-find-out" }, t("sa_find_out")));
      container.appendChild(el("p", {}, t("sa_find_out_intro")));
      var ul = el("ul", { "class": "kb-sa-list" });
      result.unknown.forEach(function (id) {
        var li = el("li");
        li.appendChild(document.createTextNode(byId[id].text + " "));
        li.appendChild(el("a", { href: byId[id].guide.url }, byId[id].guide.title));
        ul.appendChild(li);
      });
      container.appendChild(ul);
    }
  }

  function retiredNote(container, answerSets) {
    var ids = {};
    answerSets.forEach(function (set) { Object.keys(set.answers).forEach(function (id) { if (!byId[id]) ids[id] = true; }); });
    var list = Object.keys(ids);
    if (list.length) container.appendChild(el("p", { "class": "kb-sa-retired" }, t("sa_retired_note", { ids: list.join(", ") })));
  }

  function part(name) { return document.querySelector('.kb-sa-part[data-part="' + name + '"]'); }

  function printButton(view) {
    var p = el("p", { "class": "kb-sa-actions" });
    var b = button(t("sa_print")); b.id = "kb-sa-print";
    b.addEventListener("click", function () { window.print(); });
    p.appendChild(b);
    if (view === "results") p.appendChild(el("a", { href: data.pages.form, "class": "kb-sa-button" }, t("sa_change_answers")));
    return p;
  }

  /* ---------------------------------------------------------------- the results */
  function resultsView(view) {
    var set = mine();
    if (!Object.keys(set.answers).length) {
      var first = part("profile");
      if (first) { first.textContent = ""; var p = el("p", {}, t("sa_nothing_yet") + " "); p.appendChild(el("a", { href: data.pages.form }, t("sa_title"))); first.appendChild(p); }
      return;
    }
    var result = SA.score(set.answers, statements);
    view.appendChild(printButton("results"));
    if (set.name) view.appendChild(el("p", { "class": "kb-sa-who" }, set.name + " · " + today()));
    retiredNote(view, [set]);
    view.hidden = false;
    profile(part("profile"), result);
    statementList(part("strengths"), result.strengths, set.answers, t("sa_no_strengths"));
    statementList(part("gaps"), result.gaps, set.answers, t("sa_no_gaps"));
    plan(part("plan"), result, set.answers, t("sa_plan_intro"));
  }

  /* ---------------------------------------------------------------- the team view */
  function teamView(view) {
    var sets = (read(TEAM, []) || []).map(function (s) { return s && { name: String(s.name || ""), answers: SA.cleanAnswers(s.answers) || {} }; })
      .filter(Boolean);
    var form = el("div", { "class": "kb-sa-import" });
    var fileP = el("p");
    fileP.appendChild(el("label", { "for": "kb-sa-files" }, t("sa_import_files")));
    var files = el("input", { type: "file", id: "kb-sa-files", multiple: "", accept: ".json,application/json" });
    fileP.appendChild(files);
    form.appendChild(fileP);
    var pasteP = el("p");
    pasteP.appendChild(el("label", { "for": "kb-sa-paste" }, t("sa_import_paste")));
    var paste = el("textarea", { id: "kb-sa-paste", rows: "3" });
    pasteP.appendChild(paste);
    form.appendChild(pasteP);
    var importButton = button(t("sa_import_button"), "kb-sa-primary"); importButton.id = "kb-sa-import";
    form.appendChild(importButton);
    view.appendChild(form);
    var said = status(view);
    var people = el("div", { "class": "kb-sa-people" });
    view.appendChild(people);
    view.appendChild(printButton("team"));
    view.hidden = false;

    function key(set) { return set.name + "\u0000" + JSON.stringify(Object.keys(set.answers).sort().map(function (k) { return [k, set.answers[k]]; })); }
    function add(found) {
      var known = sets.map(key), added = 0;
      found.forEach(function (set) { if (known.indexOf(key(set)) < 0) { sets.push(set); known.push(key(set)); added += 1; } });
      write(TEAM, sets);
      return added;
    }
    function render() {
      people.textContent = "";
      var named = sets.map(function (s, i) { return { name: s.name || t("sa_person", { n: i + 1 }), answers: s.answers }; });
      if (!sets.length) {
        ["team-profile", "differences", "team-plan"].forEach(function (n) { var c = part(n); c.textContent = ""; c.appendChild(el("p", {}, t("sa_nothing_imported"))); });
        return;
      }
      people.appendChild(el("h3", { id: "imported" }, t("sa_people") + " (" + sets.length + ")"));
      var ul = el("ul", { "class": "kb-sa-people-list" });
      named.forEach(function (s, i) {
        var li = el("li", {}, s.name + " ");
        var rm = button(t("sa_remove")); rm.setAttribute("aria-label", t("sa_remove") + ": " + s.name);
        rm.addEventListener("click", function () { sets.splice(i, 1); write(TEAM, sets); render(); said.textContent = ""; });
        li.appendChild(rm);
        ul.appendChild(li);
      });
      people.appendChild(ul);
      var tools = el("p", { "class": "kb-sa-actions" });
      var csvButton = button(t("sa_download_team_csv")); csvButton.id = "kb-sa-team-csv";
      var clear = button(t("sa_clear_team"), "kb-sa-delete"); clear.id = "kb-sa-clear-team";
      tools.appendChild(csvButton); tools.appendChild(clear);
      people.appendChild(tools);
      retiredNote(people, sets);
      var merged = SA.merge(named, statements);
      csvButton.addEventListener("click", function () {
        var rows = [["statement_id", "topic", "statement"].concat(named.map(function (s) { return s.name; })).concat(["team", "status"])];
        merged.statements.forEach(function (row) {
          var s = byId[row.id];
          rows.push([row.id, s.topic_label, s.text].concat(named.map(function (p) { var v = p.answers[row.id]; return v === undefined ? "" : levelLabel(v); }))
            .concat([row.team === null ? "" : levelLabel(row.team), t("sa_status_" + row.status)]));
        });
        download("self-assessment-team-" + today() + ".csv", "\ufeff" + csv(rows), "text/csv");
      });
      clear.addEventListener("click", function () { sets = []; forget(TEAM); render(); said.textContent = ""; });
      profile(part("team-profile"), SA.score(merged.answers, statements));
      differences(part("differences"), merged);
      plan(part("team-plan"), SA.score(merged.answers, statements), merged.answers, t("sa_plan_intro"));
    }

    function differences(container, merged) {
      container.textContent = "";
      container.appendChild(el("p", {}, t("sa_differences_intro")));
      var rank = { differ: 0, close: 1, one: 2, unknown: 3, agree: 4 };
      var rows = merged.statements.slice().sort(function (a, b) {
        return rank[a.status] - rank[b.status] || (b.spread || 0) - (a.spread || 0);
      });
      var table = el("table", { "class": "kb-sa-table kb-sa-differences" });
      table.appendChild(el("caption", {}, t("sa_differences")));
      var head = el("tr");
      ["sa_statement", "sa_team_answers", "sa_team_level", "sa_status"].forEach(function (k) { head.appendChild(el("th", { scope: "col" }, t(k))); });
      table.appendChild(el("thead")).appendChild(head);
      var body = el("tbody");
      rows.forEach(function (row) {
        var s = byId[row.id], tr = el("tr", { "class": "kb-sa-row--" + row.status, "data-statement": row.id });
        var th = el("th", { scope: "row" });
        th.appendChild(document.createTextNode(s.text + " "));
        th.appendChild(el("a", { href: s.guide.url }, s.guide.title));
        tr.appendChild(th);
        var answers = row.levels.map(function (l) { return l.name + ": " + levelLabel(l.level); });
        if (row.dont_know.length) answers.push(t("sa_dont_know_by", { names: row.dont_know.join(", ") }));
        if (row.missing.length) answers.push(t("sa_missing_by", { names: row.missing.join(", ") }));
        tr.appendChild(el("td", {}, answers.join("; ")));
        tr.appendChild(el("td", {}, row.team === null ? "—" : levelLabel(row.team)));
        tr.appendChild(el("td", { "class": "kb-sa-status-cell" }, t("sa_status_" + row.status)));
        body.appendChild(tr);
      });
      table.appendChild(body);
      var scroll = el("div", { "class": "kb-sa-table-wrap", tabindex: "0", role: "region", "aria-label": t("sa_differences") });
      scroll.appendChild(table);
      container.appendChild(scroll);
    }

    function report(added, failed) {
      said.textContent = t("sa_imported", { n: added }) + failed.map(function (w) { return " " + t("sa_import_error", { what: w }); }).join("");
    }

    importButton.addEventListener("click", function () {
      var chosen = Array.prototype.slice.call(files.files || []);
      var fromFiles = [], found = [], failed = [];
      Promise.all(chosen.map(function (file, i) {   // the files in the order chosen, then the pasted lines
        return file.text().then(function (text) { fromFiles[i] = SA.parse(text) || file.name; },
                                function () { fromFiles[i] = file.name; });
      })).then(function () {
        fromFiles.forEach(function (r) { if (typeof r === "string") failed.push(r); else found.push(r); });
        paste.value.split(/\n+/).map(function (l) { return l.trim(); }).filter(Boolean).forEach(function (line) {
          var set = SA.parse(line);
          if (set) found.push(set); else failed.push(line.length > 40 ? line.slice(0, 40) + "…" : line);
        });
        var added = add(found);
        paste.value = ""; files.value = "";
        render();
        report(added, failed);
      });
    });

    var hash = window.location.hash;
    if (hash.indexOf("#sa=") === 0) {
      var fromLink = SA.parse(hash);
      if (history.replaceState) history.replaceState(null, "", window.location.pathname + window.location.search);
      if (fromLink) report(add([fromLink]), []);
      else report(0, [t("sa_from_link")]);
    }
    render();
  }

  var formTools = document.querySelector('[data-view="form-tools"]');
  var view = document.querySelector(".kb-sa-view");
  if (formTools) formView();
  else if (view && view.getAttribute("data-view") === "results") resultsView(view);
  else if (view && view.getAttribute("data-view") === "team") teamView(view);
  document.querySelectorAll(".kb-sa__nojs").forEach(function (p) { p.hidden = true; });
})();
