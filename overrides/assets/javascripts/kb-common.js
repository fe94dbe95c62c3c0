/* Shared by the knowledge base's scripts: interface strings of the page's language (from the data block
   #kb-strings, written by the build) and a small element builder. Loaded before the feature scripts. */
(function () {
  "use strict";
  var strings = {};
  try { strings = JSON.parse(document.getElementById("kb-strings").textContent); } catch (e) { /* defaults */ }
  window.KB = {
    strings: strings,
    t: function (key, values) {
      var text = strings[key] || key;
      Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
      return text;
    },
    el: function (tag, attrs, text) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined && text !== null) node.textContent = text;
      return node;
    }
  };
})();
