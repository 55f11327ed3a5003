// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Offer the browser's own time zone when the field still holds the default.
  document.querySelectorAll("[data-detect-tz]").forEach(function (input) {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && (!input.value || input.value === "UTC")) input.value = zone;
    } catch (e) { /* keep the default */ }
  });

  // The space switcher goes as soon as a space is chosen.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    var button = select.form.querySelector("button");
    if (button) button.hidden = true;
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Quick exit: leave for an ordinary site at once, replacing this page in the history so
  // Back does not return here. Escape pressed twice within a second does the same.
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    var leave = function () {
      document.body.hidden = true;
      try { document.title = ""; } catch (e) { /* nothing to hide */ }
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) leave();
      lastEscape = now;
    });
  }

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
