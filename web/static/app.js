// chibot dashboard: small helpers only; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-tree]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-tree") === "open";
      document.querySelectorAll("section.tree details").forEach(function (d) { d.open = open; });
    });
  });
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-tick]").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("data-tick") === "all";
      document.querySelectorAll("fieldset.recipients input[type=checkbox]").forEach(function (c) { c.checked = on; });
    });
  });
  // The server publishes once whatever happens; this only spares a second click.
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var pressed = event.submitter;
      if (pressed && pressed.hasAttribute("data-once")) {
        setTimeout(function () { pressed.disabled = true; }, 0);
      }
    });
  });
});
document.addEventListener("DOMContentLoaded", function () {
  // The invite sheet: print it, or copy one code to paste into a chat.
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var code = document.getElementById(button.getAttribute("data-copy"));
      if (code && navigator.clipboard) { navigator.clipboard.writeText(code.textContent.trim()); }
    });
  });
});
