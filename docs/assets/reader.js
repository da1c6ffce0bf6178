/* 阅读设置 (适老化): text size in four steps up to 200 % and a high-contrast mode, kept in
 * localStorage so they hold across pages and visits (no cookie, no outside request).
 * Loaded in <head> without defer, so the saved choice is on <html> before the first paint and the
 * page never jumps from small to large text; the header controls are built once the document is
 * parsed. Without JavaScript the page keeps its default size and colours, and no dead buttons show.
 * A file, not an inline script: deploy/nginx.conf allows only hashed inline scripts. */
(function () {
  "use strict";
  var STEPS = [100, 125, 150, 200];
  var SIZE_KEY = "fazhi.text-size";
  var CONTRAST_KEY = "fazhi.contrast";
  var root = document.documentElement;

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }
  function savedSize() {
    var size = Number(load(SIZE_KEY));
    return STEPS.indexOf(size) >= 0 ? size : STEPS[0];
  }
  function applySize(size) {
    root.setAttribute("data-fz-text", String(size));
  }
  function applyContrast(high) {
    if (high) root.setAttribute("data-fz-contrast", "high");
    else root.removeAttribute("data-fz-contrast");
  }

  /* High contrast when the reader chose it here, or, with no choice made here yet, when the
   * system asks for more contrast (Windows/macOS accessibility settings). */
  function savedContrast() {
    var stored = load(CONTRAST_KEY);
    if (stored) return stored === "high";
    return !!(window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches);
  }

  applySize(savedSize());
  applyContrast(savedContrast());

  function button(label, name, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "fz-reader__button";
    element.setAttribute("data-fz-action", action);
    element.setAttribute("aria-label", name);
    element.title = name;
    element.textContent = label;
    return element;
  }

  /* Buttons, the current size and the contrast switch reflect the stored state. */
  function refresh(panel) {
    var size = Number(root.getAttribute("data-fz-text"));
    var index = STEPS.indexOf(size);
    panel.querySelector("[data-fz-action=smaller]").setAttribute("aria-disabled", String(index <= 0));
    panel.querySelector("[data-fz-action=larger]").setAttribute("aria-disabled", String(index >= STEPS.length - 1));
    panel.querySelector(".fz-reader__value").textContent = "文字 " + size + "%";
    panel.querySelector("[data-fz-action=contrast]")
      .setAttribute("aria-pressed", String(root.getAttribute("data-fz-contrast") === "high"));
  }

  function act(action) {
    var index = STEPS.indexOf(Number(root.getAttribute("data-fz-text")));
    if (action === "contrast") {
      var high = root.getAttribute("data-fz-contrast") !== "high";
      applyContrast(high);
      save(CONTRAST_KEY, high ? "high" : "normal");
      return;
    }
    if (action === "smaller") index = Math.max(0, index - 1);
    else if (action === "larger") index = Math.min(STEPS.length - 1, index + 1);
    else index = 0;
    applySize(STEPS[index]);
    save(SIZE_KEY, String(STEPS[index]));
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.querySelector(".fz-reader")) return;
    var box = document.createElement("div");
    box.className = "fz-reader";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "md-header__button fz-reader__toggle";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "fz-reader-panel");
    toggle.title = "文字大小与对比度";
    toggle.setAttribute("aria-label", "字号：文字大小与对比度");
    toggle.textContent = "字号";
    var panel = document.createElement("div");
    panel.id = "fz-reader-panel";
    panel.className = "fz-reader__panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "阅读设置：文字大小与对比度");
    var value = document.createElement("span");
    value.className = "fz-reader__value";
    value.setAttribute("aria-live", "polite");
    panel.append(
      button("A−", "A− 缩小文字", "smaller"),
      button("A", "A 标准文字大小", "reset"),
      button("A+", "A+ 放大文字", "larger"),
      value,
      button("高对比度", "高对比度", "contrast")
    );
    box.append(toggle, panel);
    var before = header.querySelector("[data-md-component=palette]") || header.querySelector("label[for=__search]");
    header.insertBefore(box, before);
    refresh(panel);

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
    }
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    panel.addEventListener("click", function (event) {
      var target = event.target.closest("[data-fz-action]");
      if (!target || target.getAttribute("aria-disabled") === "true") return;
      act(target.getAttribute("data-fz-action"));
      refresh(panel);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) setOpen(false);
    });
    /* Another tab changed the setting: follow it. */
    window.addEventListener("storage", function (event) {
      if (event.key !== SIZE_KEY && event.key !== CONTRAST_KEY) return;
      applySize(savedSize());
      applyContrast(savedContrast());
      refresh(panel);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
