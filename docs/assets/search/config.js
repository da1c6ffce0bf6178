/* Points Material's search UI at the fazhi search worker and tells the worker which page the
 * reader is on (a bare 第十条 then means this law's article) and where the index's parts are. Runs before Material's bundle,
 * which reads the #__config element once at start.
 * Material searches on keyup only; some Chinese input methods commit text without a keyup,
 * so every input event is passed on as a keyup (Material ignores unchanged values). */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!script || !element) return;
  var config = JSON.parse(element.textContent);
  var root = new URL(config.base, location.href).pathname;
  var page = location.pathname.indexOf(root) === 0 ? location.pathname.slice(root.length) : "";
  var worker = new URL(script.getAttribute("data-worker"), location.href);
  worker.searchParams.set("page", decodeURIComponent(page.replace(/index\.html$/, "")));
  /* where the index parts are (fazhi/search/parts.py) */
  worker.searchParams.set("index", new URL("search/", new URL(config.base, location.href)).href);
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
  var query = document.querySelector("[data-md-component=search-query]");
  if (query)
    query.addEventListener("input", function () {
      query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
})();
