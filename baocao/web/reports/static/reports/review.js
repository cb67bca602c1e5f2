/* Review page: the hover card of a figure, findings ↔ marks in the text, "only open" filter, print. */
(function () {
  "use strict";
  var figures = window.baocao ? window.baocao.readJson("figures") : null;
  var card = document.getElementById("fig-card");
  var doc = document.getElementById("doc");
  var list = document.getElementById("findings");
  if (!doc || !card) { return; }
  var L = card.dataset;

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function row(label, value) {
    return value ? "<dt>" + esc(label) + "</dt><dd>" + value + "</dd>" : "";
  }

  function show(el) {
    var f = figures && figures[el.dataset.fact];
    if (!f) { return; }
    current = el;
    var ind = f.indicator ? esc(f.indicator) + (f.confidence !== null ? ' <small>(' + esc(L.lConfidence) + " " + f.confidence + "%)</small>" : "")
                          : "<i>" + esc(L.lNone) + "</i>";
    card.innerHTML = '<div class="fig-raw">' + esc(f.raw) + "</div><dl>" +
      row(L.lValue, esc(f.value)) + row(L.lSubject, esc(f.subject || "")) + row(L.lIndicator, ind) +
      row(L.lQualifiers, esc((f.qualifiers || []).join(" · "))) + row(L.lPeriod, f.period ? esc(f.period) : "") +
      row(L.lStatus, esc(f.status)) + "</dl>";
    card.hidden = false;
    var r = el.getBoundingClientRect();
    var w = card.offsetWidth, h = card.offsetHeight;
    var left = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8) { top = Math.max(8, r.top - h - 6); }
    card.style.left = left + "px";
    card.style.top = top + "px";
  }

  var current = null;
  function hide() { card.hidden = true; current = null; }

  doc.addEventListener("mouseover", function (e) {
    var el = e.target.closest(".fig");
    if (el) { show(el); }
  });
  doc.addEventListener("mouseout", function (e) {
    if (e.target.closest(".fig")) { hide(); }
  });
  doc.addEventListener("focusin", function (e) {
    var el = e.target.closest(".fig");
    if (el) { show(el); }
  });
  doc.addEventListener("focusout", hide);
  /* the card follows its figure when the page scrolls under the pointer */
  window.addEventListener("scroll", function () { if (current) { show(current); } }, { passive: true });

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  /* a mark in the text → its finding in the list */
  doc.addEventListener("click", function (e) {
    var mark = e.target.closest("mark.fd");
    if (!mark || !list) { return; }
    var id = mark.dataset.findings.split(" ")[0];
    var item = document.getElementById("finding-" + id);
    if (item) {
      item.scrollIntoView({ block: "nearest", behavior: "smooth" });
      flash(item);
    }
  });

  /* a finding → its place in the text */
  if (list) {
    list.addEventListener("click", function (e) {
      var link = e.target.closest("a[data-goto]");
      if (!link) { return; }
      var anchor = document.getElementById("m-" + link.dataset.goto);
      if (!anchor) { return; }
      e.preventDefault();
      var mark = anchor.nextElementSibling || anchor;
      mark.scrollIntoView({ block: "center", behavior: "smooth" });
      flash(mark);
    });
  }

  var onlyOpen = document.getElementById("only-open");
  if (onlyOpen) {
    onlyOpen.addEventListener("change", function () {
      list.classList.toggle("only-open", onlyOpen.checked);
    });
  }

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  /* marks of handled findings turn green; kept in step after every change of a finding */
  function sync() {
    if (!list) { return; }
    var handled = {};
    list.querySelectorAll(".finding").forEach(function (item) {
      handled[item.dataset.finding] = !item.classList.contains("state-open");
    });
    doc.querySelectorAll("mark.fd").forEach(function (m) {
      var ids = m.dataset.findings.split(" ");
      m.classList.toggle("handled", ids.every(function (id) { return handled[id]; }));
    });
  }
  sync();
  document.addEventListener("htmx:afterSettle", sync);
})();
