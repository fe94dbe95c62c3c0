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
      return pagefind.options({ baseUrl: root.pathname, excerptLength: 24, ranking: window.KB_SEARCH.ranking }).then(function () {
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
      return pf.debouncedSearch(window.KB_SEARCH.terms(query, document.documentElement.lang) || null, { filters: filters }, 100);
    }).then(function (search) {
      if (!search) return null;   // superseded by a newer query
      return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        render(data, search.results.length);
      });
    }).catch(function () { status.textContent = t("search_error"); });
  }

  var FOLD = { "ł": "l", "ø": "o", "æ": "ae" };
  function fold(word) {
    return word.toLowerCase().replace(/[łøæ]/g, function (c) { return FOLD[c]; }).replace(/[^\p{L}\p{N}]+/gu, "");
  }

  /* The page's folded spellings (after the marker word "kbfoldedwords", at the end of its indexed text)
     are there to be found, not read: an excerpt comes from the text before them, with the words a
     folded spelling matched marked in their real spelling. */
  function visibleExcerpt(r) {
    if (!r.raw_content || r.raw_content.indexOf("kbfoldedwords") < 0) return r.excerpt;
    var words = r.raw_content.split(/[\r\n\s]+/g);
    var end = -1;
    for (var i = words.length - 1; i >= 0; i--) { if (words[i].indexOf("kbfoldedwords") >= 0) { end = i; break; } }
    if (end < 0) return r.excerpt;
    var marked = {};
    var wanted = {};
    (r.locations || []).forEach(function (at) {
      if (at < end) marked[at] = true;
      else if (words[at]) wanted[fold(words[at])] = true;
    });
    if (Object.keys(wanted).length) {
      for (var w = 0; w < end; w++) { if (wanted[fold(words[w])]) marked[w] = true; }
    }
    var first = Object.keys(marked).map(Number).sort(function (a, b) { return a - b; })[0];
    var length = 24;
    var start = Math.max(0, Math.min((first || 0) - Math.floor(length / 3), end - length));
    return words.slice(start, Math.min(end, start + length)).map(function (word, k) {
      return marked[start + k] ? "<mark>" + word + "</mark>" : word;
    }).join(" ") + (start + length < end ? " …" : "");
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
      excerpt.innerHTML = visibleExcerpt(r);   // Pagefind's escaped page text, with only <mark> added
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
