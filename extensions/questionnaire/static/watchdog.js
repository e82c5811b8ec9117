// Two jobs Python cannot do for itself on the page:
// 1. Say so when the Python scoring engine cannot start, so a form never looks "loading" forever.
// 2. Wrap localStorage: when a browser blocks storage, merely reading window.localStorage throws,
//    and a JavaScript exception thrown by a property getter cannot be caught from MicroPython.
//    get() returns false when storage is unavailable, null when nothing is stored; listKeys()
//    returns the stored keys as JSON text ("[]" when storage is unavailable).
(function () {
  "use strict";
  var LIMIT_MS = 20000;

  window.aitkStorage = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (error) { return false; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (error) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); return true; } catch (error) { return false; }
    },
    listKeys: function () {
      try {
        var keys = [];
        for (var i = 0; i < window.localStorage.length; i++) keys.push(window.localStorage.key(i));
        return JSON.stringify(keys);
      } catch (error) { return "[]"; }
    }
  };

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
