/* Interactive checklists: ticks kept in localStorage by item id (shared across languages and pages),
   progress, reset, and "export my answers" as Markdown or CSV. Without this script the checklist is a
   plain readable list with checkboxes. */
(function () {
  "use strict";
  var PREFIX = "kb-checklist:";
  var t = window.KB.t;
  function storage() {
    try { var s = window.localStorage; s.setItem(PREFIX + "test", "1"); s.removeItem(PREFIX + "test"); return s; }
    catch (e) { return null; }
  }
  var store = storage();
  function isTicked(id) { return store ? store.getItem(PREFIX + id) === "1" : false; }
  function setTicked(id, on) {
    if (!store) return;
    if (on) store.setItem(PREFIX + id, "1"); else store.removeItem(PREFIX + id);
  }

  function itemText(li) {
    var label = li.querySelector("label");
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function csvCell(value) { return '"' + String(value).replace(/"/g, '""') + '"'; }

  function exportAnswers(root, format) {
    var items = Array.prototype.slice.call(root.querySelectorAll(".kb-checklist__item"));
    var today = new Date().toISOString().slice(0, 10);
    var title = document.querySelector("h1") ? document.querySelector("h1").textContent.replace("¶", "").trim() : document.title;
    var slug = (root.getAttribute("data-checklist") || "checklist").replace(/[^a-z0-9-]+/gi, "-");
    if (format === "csv") {
      var rows = [["id", "text", "status", "date"].map(csvCell).join(",")];
      items.forEach(function (li) {
        var id = li.getAttribute("data-item");
        rows.push([id, itemText(li), isTicked(id) ? t("done") : t("not_done"), today].map(csvCell).join(","));
      });
      download(slug + "-" + today + ".csv", "text/csv;charset=utf-8", "\ufeff" + rows.join("\r\n") + "\r\n");
    } else {
      var lines = ["# " + t("export_heading") + ": " + title, "", t("export_date") + ": " + today, location.href, ""];
      items.forEach(function (li) {
        var id = li.getAttribute("data-item");
        lines.push("- [" + (isTicked(id) ? "x" : " ") + "] " + itemText(li) + " (" + id + ")");
      });
      download(slug + "-" + today + ".md", "text/markdown;charset=utf-8", lines.join("\n") + "\n");
    }
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function setup(root) {
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input.kb-checklist__box"));
    if (!boxes.length) return;
    var toolbar = document.createElement("div");
    toolbar.className = "kb-checklist__toolbar";
    var progress = document.createElement("p");
    progress.className = "kb-checklist__progress";
    progress.setAttribute("role", "status");
    progress.setAttribute("aria-live", "polite");
    toolbar.appendChild(progress);
    function update() {
      var done = 0;
      boxes.forEach(function (box) {
        var li = box.closest(".kb-checklist__item");
        if (box.checked) done += 1;
        if (li) li.classList.toggle("is-done", box.checked);
      });
      progress.textContent = t("progress", { done: done, total: boxes.length });
    }
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-item");
      box.checked = isTicked(id);
      box.addEventListener("change", function () {
        setTicked(id, box.checked);
        // the same item may appear twice on a page (guide and generated lists): keep them in step
        document.querySelectorAll('input.kb-checklist__box[data-item="' + id + '"]').forEach(function (other) {
          if (other !== box) { other.checked = box.checked; other.dispatchEvent(new Event("kb-sync")); }
        });
        update();
      });
      box.addEventListener("kb-sync", update);
    });
    toolbar.appendChild(button(t("reset"), function () {
      if (!window.confirm(t("reset_confirm"))) return;
      boxes.forEach(function (box) { box.checked = false; setTicked(box.getAttribute("data-item"), false); });
      update();
    }));
    toolbar.appendChild(button(t("export_md"), function () { exportAnswers(root, "md"); }));
    toolbar.appendChild(button(t("export_csv"), function () { exportAnswers(root, "csv"); }));
    toolbar.appendChild(button(t("print"), function () { window.print(); }));
    if (!document.getElementById("kb-print-explanations")) {
      // printed, a checklist is a compact handout of items with tick boxes; the explanations are a choice
      var option = document.createElement("label");
      option.className = "kb-checklist__print-option";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "kb-print-explanations";
      box.addEventListener("change", function () {
        document.documentElement.classList.toggle("kb-print-explanations", box.checked);
      });
      option.appendChild(box);
      option.appendChild(document.createTextNode(" " + t("print_explanations")));
      toolbar.appendChild(option);
    }
    root.insertBefore(toolbar, root.firstChild);
    update();
  }

  document.querySelectorAll(".kb-checklist").forEach(setup);
  // Another tab or window changed a tick: follow it.
  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf(PREFIX) !== 0) return;
    var id = event.key.slice(PREFIX.length);
    document.querySelectorAll('input.kb-checklist__box[data-item="' + id + '"]').forEach(function (box) {
      box.checked = event.newValue === "1";
      box.dispatchEvent(new Event("kb-sync"));
    });
  });
})();
