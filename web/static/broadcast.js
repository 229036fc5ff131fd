// chibot dashboard: the broadcast progress page follows delivery without a reload, and
// reloads once when it is done (the server then renders the delivery report). Without this
// file the page refreshes itself (<noscript> meta) or by the "Tải lại" link.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("progress");
  if (!box || box.getAttribute("data-finished") === "yes") { return; }
  var bar = box.querySelector("progress");
  var text = document.getElementById("progress-text");
  var url = box.getAttribute("data-url");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (figures) {
        bar.max = figures.total;
        bar.value = figures.done;
        text.textContent = figures.text;
        if (figures.finished) {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
});
