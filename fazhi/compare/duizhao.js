/* 新旧对照: the 只看修改 switch (fazhi/compare/html.py). A real <button> with aria-pressed, so
 * keyboard and screen readers work; its starting state comes from the page (on when most rows
 * are unchanged). Without JavaScript the button stays hidden and every row shows. */
(function () {
  "use strict";
  function setUp(button) {
    var table = document.getElementById(button.getAttribute("aria-controls"));
    if (!table) return;
    function apply(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      table.classList.toggle("fz-dz-only-changes", on);
    }
    button.addEventListener("click", function () {
      apply(button.getAttribute("aria-pressed") !== "true");
    });
    apply(button.getAttribute("aria-pressed") === "true");
    button.hidden = false;
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".fz-dz-toggle"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
