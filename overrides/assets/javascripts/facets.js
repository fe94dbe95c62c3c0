/* Faceted browsing of case studies and guides: checkboxes per facet with counts, result cards, the map
   and its list filtered too, the state in the URL (?topic=participation&country=PL) so a filtered view
   can be shared, back/forward restore it, and the number of results is announced. Without JavaScript
   the page's static list shows everything. */
(function () {
  "use strict";
  var t = window.KB.t;
  var el = window.KB.el;
  function values(record, field) {
    var v = record[field];
    if (v === undefined || v === null || v === "") return [];
    return Array.isArray(v) ? v : [v];
  }

  function setup(root) {
    var kind = root.getAttribute("data-kind");
    var facets = root.getAttribute("data-facets").split(",").map(function (pair) {
      var parts = pair.split(":");
      return { field: parts[0], param: parts[1] };
    });
    var scope = root.getAttribute("data-scope-topic");
    var src = new URL(root.getAttribute("data-src"), location.href);
    fetch(src).then(function (r) { return r.json(); }).then(function (data) {
      var records = data[kind] || [];
      if (scope) records = records.filter(function (r) { return values(r, "topics")[0] === scope; });
      build(root, kind, facets, records, data.labels || {}, src);
    }).catch(function () { /* keep the static list */ });
  }

  function hideInToc(id, hidden) {
    if (!id) return;
    document.querySelectorAll('.md-nav--secondary a[href="#' + CSS.escape(id) + '"]').forEach(function (a) {
      var item = a.closest("li");
      if (item) item.hidden = hidden !== false;
    });
  }

  function build(root, kind, facets, records, labels, src) {
    // the filters fold away on a phone, so that the first case is on the first screen
    var disclosure = el("details", { "class": "kb-browser__filters" });
    var summary = el("summary", { "class": "kb-browser__summary" }, t("filters"));
    disclosure.appendChild(summary);
    if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) disclosure.open = true;
    var form = el("form", { "class": "kb-browser__form", "aria-label": t("filters") });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    disclosure.appendChild(form);
    var groups = {};
    facets.forEach(function (facet) {
      var keys = [];
      records.forEach(function (r) {
        values(r, facet.field).forEach(function (v) { if (keys.indexOf(v) < 0) keys.push(v); });
      });
      if (keys.length < 2) return;   // a facet with one value filters nothing
      var order = Object.keys(labels[facet.field] || {});
      keys.sort(function (a, b) {
        var ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia >= 0 && ib >= 0) return ia - ib;
        return label(facet, a).localeCompare(label(facet, b));
      });
      var fieldset = el("fieldset", { "class": "kb-browser__facet" });
      fieldset.appendChild(el("legend", {}, t("facet_" + facet.param)));
      groups[facet.param] = [];
      keys.forEach(function (key) {
        var id = "kb-f-" + facet.param + "-" + key.replace(/[^a-zA-Z0-9-]/g, "_");
        var wrap = el("div", { "class": "kb-browser__option" });
        var box = el("input", { type: "checkbox", id: id, value: key, name: facet.param });
        var lab = el("label", { "for": id });
        var name = el("span", {}, label(facet, key));
        var count = el("span", { "class": "kb-browser__count" });
        lab.appendChild(name);
        lab.appendChild(document.createTextNode(" "));
        lab.appendChild(count);
        wrap.appendChild(box);
        wrap.appendChild(lab);
        fieldset.appendChild(wrap);
        groups[facet.param].push({ box: box, key: key, count: count, facet: facet });
        box.addEventListener("change", function () { apply(true); });
      });
      form.appendChild(fieldset);
    });
    var clear = el("button", { type: "button", "class": "kb-browser__clear" }, t("clear_filters"));
    clear.addEventListener("click", function () {
      Object.keys(groups).forEach(function (p) { groups[p].forEach(function (o) { o.box.checked = false; }); });
      apply(true);
    });
    form.appendChild(clear);
    var status = el("p", { "class": "kb-browser__status", role: "status", "aria-live": "polite" });
    var list = el("ul", { "class": "kb-cards" });
    root.appendChild(disclosure);
    root.appendChild(status);
    root.appendChild(list);
    root.hidden = false;
    // the static list is replaced by the cards: its heading and its entries in the table of contents go too
    document.querySelectorAll(".kb-static-list").forEach(function (s) {
      s.hidden = true;
      var heading = s.previousElementSibling;
      if (heading && /^H[2-6]$/.test(heading.tagName)) { heading.hidden = true; hideInToc(heading.id); }
      s.querySelectorAll("[id]").forEach(function (n) { hideInToc(n.id); });
    });
    var map = document.querySelector(".kb-map-wrap");
    var mapHeading = map && map.previousElementSibling && /^H[2-6]$/.test(map.previousElementSibling.tagName)
      ? map.previousElementSibling : null;

    function label(facet, key) {
      return (labels[facet.field] && labels[facet.field][key]) || key;
    }
    function selected() {
      var out = {};
      Object.keys(groups).forEach(function (p) {
        var keys = groups[p].filter(function (o) { return o.box.checked; }).map(function (o) { return o.key; });
        if (keys.length) out[p] = keys;
      });
      return out;
    }
    function matches(record, sel, except) {
      return facets.every(function (facet) {
        if (facet.param === except || !sel[facet.param]) return true;
        var have = values(record, facet.field);
        return sel[facet.param].some(function (k) { return have.indexOf(k) >= 0; });
      });
    }
    function card(r) {
      var li = el("li", { "class": "kb-card", "data-id": r.id });
      var h = el("h3", { "class": "kb-card__title" });
      h.appendChild(el("a", { href: new URL("../" + r.path, src).href }, r.title));
      li.appendChild(h);
      var facts = [];
      if (kind === "cases") {
        facts = [r.municipality, label({ field: "country" }, r.country), label({ field: "population_band" }, r.population_band)];
      } else {
        facts = values(r, "phase").map(function (k) { return label({ field: "phase" }, k); });
      }
      li.appendChild(el("p", { "class": "kb-card__facts" }, facts.filter(Boolean).join(" · ")));
      li.appendChild(el("p", { "class": "kb-card__topics" },
        values(r, "topics").map(function (k) { return label({ field: "topics" }, k); }).join(", ")));
      li.appendChild(el("p", { "class": "kb-card__summary" }, r.summary || ""));
      return li;
    }
    function apply(push) {
      var sel = selected();
      var shown = records.filter(function (r) { return matches(r, sel); });
      list.textContent = "";
      shown.forEach(function (r) { list.appendChild(card(r)); });
      status.textContent = shown.length ? t(kind === "cases" ? "results_cases" : "results_guides", { count: shown.length })
        : t("no_results");
      Object.keys(groups).forEach(function (p) {
        groups[p].forEach(function (o) {
          var n = records.filter(function (r) {
            return matches(r, sel, p) && values(r, o.facet.field).indexOf(o.key) >= 0;
          }).length;
          o.count.textContent = "(" + n + ")";
          o.box.disabled = n === 0 && !o.box.checked;   // an option that would show nothing cannot be ticked
        });
      });
      var chosen = Object.keys(sel).reduce(function (sum, p) { return sum + sel[p].length; }, 0);
      summary.textContent = chosen ? t("filters") + " (" + chosen + ")" : t("filters");
      // no case to show: no empty map either
      if (map) {
        map.hidden = shown.length === 0;
        if (mapHeading) { mapHeading.hidden = shown.length === 0; hideInToc(mapHeading.id, shown.length === 0); }
      }
      var ids = shown.map(function (r) { return r.id; });
      document.querySelectorAll("[data-case]").forEach(function (node) {
        var on = ids.indexOf(node.getAttribute("data-case")) >= 0;
        node.classList.toggle("is-filtered-out", !on);
        if (node.tagName.toLowerCase() === "li") node.hidden = !on;
        else if (on) node.removeAttribute("tabindex"); else node.setAttribute("tabindex", "-1");
      });
      if (push) {
        var params = new URLSearchParams();
        Object.keys(sel).forEach(function (p) { sel[p].forEach(function (k) { params.append(p, k); }); });
        var query = params.toString();
        history.pushState(null, "", query ? "?" + query : location.pathname);
      }
    }
    function restore() {
      var params = new URLSearchParams(location.search);
      Object.keys(groups).forEach(function (p) {
        var wanted = params.getAll(p);
        groups[p].forEach(function (o) { o.box.checked = wanted.indexOf(o.key) >= 0; });
      });
      apply(false);
    }
    window.addEventListener("popstate", restore);
    restore();
  }

  document.querySelectorAll(".kb-browser[data-src]").forEach(setup);
})();
