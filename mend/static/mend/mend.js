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

  // Live coaching: as someone writes to another person, show what helps and what hurts.
  // Drafts go to this server's /api/coach/analyze, are analysed in memory, and are not stored.
  var el = function (tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  var renderCoach = function (panel, text, result) {
    panel.textContent = "";
    if (!text.trim()) return;
    var marked = el("p", "coach-marked");
    var at = 0;
    result.findings.slice().sort(function (a, b) { return a.start - b.start; })
      .forEach(function (f) {
        if (f.start < at) return;
        marked.appendChild(document.createTextNode(text.slice(at, f.start)));
        var mark = el("mark", f.kind, text.slice(f.start, f.end));
        mark.title = f.label;
        marked.appendChild(mark);
        at = f.end;
      });
    marked.appendChild(document.createTextNode(text.slice(at)));
    panel.appendChild(marked);
    if (!result.findings.length) panel.appendChild(el("p", "muted", "Nothing stood out."));
    var list = el("ul", "plain findings");
    result.findings.forEach(function (f) {
      var item = el("li", "finding " + f.kind);
      item.appendChild(el("span", "badge", f.label));
      item.appendChild(document.createTextNode(" " + f.explanation + " "));
      item.appendChild(el("em", "", f.suggestion));
      list.appendChild(item);
    });
    panel.appendChild(list);
    (result.apology || []).forEach(function (part) {
      var row = el("p", part.present ? "present" : "missing",
        (part.present ? "✓ " : "○ ") + part.label + (part.advice ? " — " + part.advice : ""));
      panel.appendChild(row);
    });
    if (result.rewrites.length) {
      panel.appendChild(el("p", "help", "Another way to say it (pick one and make it yours):"));
      result.rewrites.forEach(function (r) { panel.appendChild(el("p", "rewrite", "“" + r.text + "”")); });
    }
  };
  document.querySelectorAll("textarea[data-coach]").forEach(function (area) {
    var form = area.form;
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!token || !window.fetch) return;
    var panel = el("div", "coach-live");
    panel.setAttribute("aria-live", "polite");
    panel.setAttribute("aria-label", "Coach feedback");
    area.insertAdjacentElement("afterend", panel);
    var timer = null;
    var sent = 0;
    var purposeField = form.querySelector("select[name=purpose]");
    var check = function () {
      var purpose = purposeField ? purposeField.value : area.getAttribute("data-coach");
      var text = area.value;
      var ticket = ++sent;
      fetch("/api/coach/analyze", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token.value },
        body: JSON.stringify({ text: text, purpose: purpose })
      }).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) { if (result && ticket === sent) renderCoach(panel, text, result); })
        .catch(function () { /* the form still works without feedback */ });
    };
    var later = function () { clearTimeout(timer); timer = setTimeout(check, 350); };
    area.addEventListener("input", later);
    if (purposeField) purposeField.addEventListener("change", later);
    if (area.value.trim()) later();
  });

  document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();
