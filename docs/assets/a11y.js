/* Accessible names Material leaves empty, so screen readers can tell its regions apart:
 * - the search overlay is a role="dialog" without a name;
 * - with navigation.indexes, a section's sub-navigation is labelled by the expand button of
 *   its index link, which holds only an icon, so every such <nav> is announced without a name.
 * Both only matter once JavaScript runs (the search dialog and the drawer need it anyway). */
(function () {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "站内搜索");
  document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    var title = nav.querySelector(":scope > .md-nav__title");
    var name = title && title.textContent.trim();
    if (!label || !name || label.textContent.trim()) return;
    nav.setAttribute("aria-label", name);
    nav.removeAttribute("aria-labelledby");
  });
})();
