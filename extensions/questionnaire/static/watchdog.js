// Says so when the Python scoring engine cannot start, so a form never looks
// "loading" forever. Python cannot report its own failure to start.
(function () {
  "use strict";
  var LIMIT_MS = 20000;
  function fail() {
    document.querySelectorAll("form[data-questionnaire]").forEach(function (form) {
      if (form.getAttribute("data-ready") === "true") return;
      form.setAttribute("data-ready", "failed");
      var status = form.querySelector('[data-role="status"]');
      if (status) status.textContent = status.getAttribute("data-failed");
    });
  }
  window.addEventListener("error", function (event) {
    var source = (event && event.filename) || "";
    if (source.indexOf("pyscript") !== -1 || source.indexOf("micropython") !== -1) fail();
  });
  window.addEventListener("unhandledrejection", fail);
  window.setTimeout(fail, LIMIT_MS);
})();
