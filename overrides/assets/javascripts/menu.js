/* The menu on a narrow screen. Material's menu button is a <label> for a hidden checkbox: a keyboard
   cannot reach or press it, while the closed menu's links stayed in the Tab order, out of sight (90 Tab
   presses to the first link of the home page at 375 px). kb.css takes the closed menu out of the Tab
   order; this puts a real button in the label's place (the label still works without JavaScript):
   reachable, named, saying whether the menu is open; Escape closes the menu and gives the focus back. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  if (!drawer.id) drawer.id = "kb-menu";
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " kb-menu-button";
  button.innerHTML = label.innerHTML;   // Material's own icon (the site's markup, not input)
  button.setAttribute("aria-label", (window.KB && window.KB.strings.menu) || "Menu");
  button.setAttribute("aria-controls", drawer.id);
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function () {
    toggle.click();   // as a tap on the label does: Material and kb.css follow the checkbox
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex], input:not([type=hidden])");
      // wait for the menu to become visible (kb.css), then move into it
      setTimeout(function () { if (first) first.focus(); }, 50);
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
