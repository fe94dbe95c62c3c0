/* Site search with Pagefind: an accessible dialog, results only in the page's language (Pagefind keeps
   one index per <html lang>), filters for page type and topic, diacritic-free queries folded. */
(function () {
  "use strict";
  var t = window.KB.t;
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* none */ }
  var root = new URL(config.base || ".", location.href);
  var openButton = document.querySelector("[data-kb-search-open]");
  if (!openButton || location.protocol === "file:") return;   // Pagefind cannot load from file://
  openButton.hidden = false;

  var pagefind = null;
  var dialog, input, typeSelect, topicSelect, status, list, timer, lastFocus;

  var el = window.KB.el;

  function build() {
    dialog = el("dialog", { id: "kb-search", "class": "kb-search", "aria-labelledby": "kb-search-title" });
    var inner = el("div", { "class": "kb-search__inner" });
    var head = el("div", { "class": "kb-search__head" });
    head.appendChild(el("h2", { id: "kb-search-title" }, t("search_title")));
    var close = el("button", { type: "button", "class": "kb-search__close" }, t("search_close"));
    close.addEventListener("click", function () { dialog.close(); });
    head.appendChild(close);
    inner.appendChild(head);
    var form = el("form", { role: "search" });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    form.appendChild(el("label", { "for": "kb-search-input" }, t("search_label")));
    input = el("input", { id: "kb-search-input", type: "search", autocomplete: "off", spellcheck: "false" });
    form.appendChild(input);
    var filters = el("div", { "class": "kb-search__filters" });
    var typeWrap = el("div");
    typeWrap.appendChild(el("label", { "for": "kb-search-type" }, t("search_type")));
    typeSelect = el("select", { id: "kb-search-type" });
    typeWrap.appendChild(typeSelect);
    var topicWrap = el("div");
    topicWrap.appendChild(el("label", { "for": "kb-search-topic" }, t("search_topic")));
    topicSelect = el("select", { id: "kb-search-topic" });
    topicWrap.appendChild(topicSelect);
    filters.appendChild(typeWrap);
    filters.appendChild(topicWrap);
    form.appendChild(filters);
    inner.appendChild(form);
    status = el("p", { "class": "kb-search__status", role: "status", "aria-live": "polite" });
    inner.appendChild(status);
    list = el("ol", { "class": "kb-search__results", "aria-labelledby": "kb-search-title" });
    inner.appendChild(list);
    dialog.appendChild(inner);
    document.body.appendChild(dialog);
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
    typeSelect.addEventListener("change", run);
    topicSelect.addEventListener("change", run);
    dialog.addEventListener("close", function () { if (lastFocus) lastFocus.focus(); });
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); dialog.close(); }
    });
  }

  function fillSelect(select, allLabel, counts) {
    select.textContent = "";
    select.appendChild(el("option", { value: "" }, allLabel));
    Object.keys(counts || {}).sort().forEach(function (value) {
      select.appendChild(el("option", { value: value }, value));
    });
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    status.textContent = t("search_loading");
    // this language's bundle (pagefind/, pl/pagefind/, …), given by the template on the search button
    var bundle = new URL(openButton.getAttribute("data-kb-search-open") || "pagefind/", location.href);
    return import(new URL("pagefind.js", bundle).href).then(function (module) {
      pagefind = module;
      return pagefind.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
        return pagefind.filters();
      }).then(function (filters) {
        fillSelect(typeSelect, t("search_all_types"), filters.type);
        fillSelect(topicSelect, t("search_all_topics"), filters.topic);
        status.textContent = "";
        return pagefind;
      });
    });
  }

  function run() {
    var query = input.value.trim();
    var filters = {};
    if (typeSelect.value) filters.type = typeSelect.value;
    if (topicSelect.value) filters.topic = topicSelect.value;
    if (!query && !Object.keys(filters).length) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function (pf) {
      return pf.debouncedSearch(query || null, { filters: filters }, 100);
    }).then(function (search) {
      if (!search) return null;   // superseded by a newer query
      return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        render(data, search.results.length);
      });
    }).catch(function () { status.textContent = t("search_error"); });
  }

  function render(results, total) {
    list.textContent = "";
    status.textContent = total ? t("search_results", { count: total }) : t("search_none");
    results.forEach(function (r) {
      var li = el("li");
      var a = el("a", { href: r.url }, (r.meta && r.meta.title) || r.url);
      li.appendChild(a);
      var meta = [r.meta && r.meta.type, r.meta && r.meta.topics].filter(Boolean).join(" · ");
      if (meta) li.appendChild(el("span", { "class": "kb-search__meta" }, meta));
      var excerpt = el("p", { "class": "kb-search__excerpt" });
      excerpt.innerHTML = r.excerpt;   // Pagefind escapes the page text and adds only <mark>
      li.appendChild(excerpt);
      list.appendChild(li);
    });
  }

  function open() {
    if (!dialog) build();
    lastFocus = document.activeElement;
    dialog.showModal();
    input.focus();
    load().catch(function () { status.textContent = t("search_error"); });
  }

  openButton.addEventListener("click", open);
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var target = e.target;
    var nonText = /^(checkbox|radio|button|submit|reset|range|color|file)$/;
    var typing = target && (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
      (target.tagName === "INPUT" && !nonText.test(target.type)));
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "S")) {
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  }, true);
})();
