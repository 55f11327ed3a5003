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

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
