/* iframe-worker's bootstrap (MIT, see LICENSE), run inside the hidden iframe that stands in for a Web
   Worker on file:// pages. It was an inline script written by shim.js; as a file it needs no CSP hash. */

self.postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
self.importScripts = function (...s) {
  return s.reduce(function (n, e) {
    return n.then(function () {
      return new Promise(function (r) {
        var t = document.createElement("script"); t.src = e; t.onload = r; document.body.appendChild(t);
      });
    });
  }, Promise.resolve());
};
addEventListener("error", function (ev) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: frameElement.getAttribute("data-url"), error: ev.error }));
});
