/* "Copy link" for the page's short link: a real button, announced when done. Without JavaScript the
   link itself stays visible and selectable. */
(function () {
  "use strict";
  var strings = window.KB.strings;
  // Wide tables scroll sideways inside a wrapper that Material adds: make it reachable by keyboard and
  // give it a name (axe: scrollable-region-focusable).
  // Each region is named after the heading above its table (unique names: axe landmark-unique).
  function heading(node) {
    for (var n = node.previousElementSibling; n; n = n.previousElementSibling) {
      if (/^H[1-4]$/.test(n.tagName)) return n.textContent.replace("¶", "").trim();
    }
    return "";
  }
  function labelScrollRegions() {
    var used = {};
    document.querySelectorAll(".md-typeset__scrollwrap[role='region']").forEach(function (wrap) {
      used[wrap.getAttribute("aria-label")] = true;
    });
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1) return;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var first = wrap.querySelector("th");
      var name = heading(wrap) || (first ? first.textContent.trim() : "");
      var label = strings.scroll_table || "Table (scroll sideways to see all columns)";
      var text = name ? name + " — " + label : label;
      for (var n = 2; used[text]; n++) text = (name ? name + " — " : "") + label + " (" + n + ")";
      used[text] = true;
      wrap.setAttribute("aria-label", text);
    });
  }
  labelScrollRegions();
  window.addEventListener("load", labelScrollRegions);
  window.addEventListener("resize", labelScrollRegions);

  document.querySelectorAll("button.kb-copy[data-copy]").forEach(function (button) {
    var status = button.parentNode.querySelector(".kb-copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      function done() { if (status) status.textContent = strings.copied || "Copied"; }
      function fallback() {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); done(); } catch (e) { /* the link stays selectable */ }
        area.remove();
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
})();
