/* Offline copy only (listed before Material's bundle by hooks/build_offline.py). Material's search reads
   its field on keyup, on focus and when its worker says it is ready, never on `input`: text that arrives
   without a keyup (a letter entered as text input, such as ę, ś, ż or ø from some keyboards, input methods
   and test drivers; pasting with the mouse, autofill, dictation, dropped text) was never searched, so
   'dostępność' stayed unanswered (or showed the answer for 'dostępno'). Every input is passed on as a
   keyup; Material searches a value only once, so typed keys are not searched twice. */
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches("[data-md-component=search-query]")) {
      field.dispatchEvent(new KeyboardEvent("keyup"));
    }
  }, true);
})();
