/* Upload: drop files, read them one by one with a progress bar, then store the confirmed rows. */
(function () {
  "use strict";
  var form = document.getElementById("analyse-form");
  if (!form) { return; }
  var input = document.getElementById("file-input");
  var zone = document.getElementById("dropzone");
  var rows = document.getElementById("rows");
  var storeForm = document.getElementById("store-form");
  var storeBar = document.getElementById("store-bar");
  var storeButton = document.getElementById("store-button");
  var progress = document.getElementById("progress");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var done = document.getElementById("done");
  var maxBytes = parseInt(form.dataset.maxBytes, 10);
  var allowed = form.dataset.allowed.split(",").map(function (s) { return s.trim(); });
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var queue = [];
  var busy = false;
  var total = 0;
  var finished = 0;

  document.getElementById("analyse-button").hidden = true;
  input.classList.add("visually-hidden");

  function fmt(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/%[sd]/g, function () { return String(args.shift()); });
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function showProgress(template) {
    progress.hidden = false;
    bar.max = Math.max(total, 1);
    bar.value = finished;
    text.textContent = fmt(template, finished, total);
  }

  function errorRow(name, message) {
    return '<tr class="upload-row failed"><td><strong class="file-name">' + escapeHtml(name) +
      '</strong></td><td colspan="4" class="row-error" role="alert">' + escapeHtml(message) + "</td></tr>";
  }

  function precheck(file) {
    var lower = file.name.toLowerCase();
    if (!allowed.some(function (ext) { return lower.endsWith(ext); })) { return fmt(form.dataset.msgType, file.name); }
    if (file.size > maxBytes) { return fmt(form.dataset.msgSize, file.name); }
    if (file.size === 0) { return fmt(form.dataset.msgEmpty, file.name); }
    return null;
  }

  function replace(placeholder, html) {
    var tmp = document.createElement("tbody");
    tmp.innerHTML = html.trim();
    var nodes = Array.prototype.slice.call(tmp.children);
    nodes.forEach(function (n) { placeholder.parentNode.insertBefore(n, placeholder); });
    placeholder.remove();
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" }
    }).then(function (resp) {
      if (!resp.ok) { throw new Error("server"); }
      return resp.text();
    });
  }

  function next() {
    if (!queue.length) {
      busy = false;
      storeBar.hidden = !rows.querySelector("tr.ready");
      return;
    }
    busy = true;
    var file = queue.shift();
    var placeholder = document.createElement("tr");
    placeholder.className = "upload-row working";
    placeholder.innerHTML = '<td><strong class="file-name">' + escapeHtml(file.name) +
      '</strong></td><td colspan="4"><span class="spinner"></span> ' + escapeHtml(form.dataset.msgReading) + "</td>";
    rows.appendChild(placeholder);
    var problem = precheck(file);
    var work;
    if (problem) {
      work = Promise.resolve(errorRow(file.name, problem));
    } else {
      var body = new FormData();
      body.append("file", file, file.name);
      work = post(form.action, body).catch(function (err) {
        return errorRow(file.name, err.message === "server" ? form.dataset.msgServer : form.dataset.msgNetwork);
      });
    }
    work.then(function (html) {
      replace(placeholder, html);
      finished += 1;
      showProgress(form.dataset.msgAnalysed);
      next();
    });
  }

  function add(files) {
    if (!files || !files.length) { return; }
    storeForm.hidden = false;
    done.hidden = true;
    Array.prototype.forEach.call(files, function (f) { queue.push(f); });
    total += files.length;
    showProgress(form.dataset.msgAnalysed);
    if (!busy) { next(); }
  }

  input.addEventListener("change", function () { add(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) { add(e.dataTransfer.files); });

  storeForm.addEventListener("submit", function (e) {
    e.preventDefault();
    var chosen = Array.prototype.slice.call(rows.querySelectorAll("tr.ready")).filter(function (tr) {
      var box = tr.querySelector("input[name=key]");
      return box && box.checked;
    });
    if (!chosen.length || busy) { return; }
    busy = true;
    storeButton.disabled = true;
    var status = storeForm.querySelector("input[name=status]:checked").value;
    total = chosen.length;
    finished = 0;
    showProgress(form.dataset.msgStored);
    var step = function () {
      if (!chosen.length) {
        busy = false;
        storeButton.disabled = false;
        storeBar.hidden = !rows.querySelector("tr.ready");
        return;
      }
      var tr = chosen.shift();
      var key = tr.dataset.key;
      var body = new FormData();
      body.append("key", key);
      body.append("unit-" + key, tr.querySelector("select").value);
      body.append("period-" + key, tr.querySelector("input[type=text]").value);
      body.append("status", status);
      tr.classList.add("working");
      post(storeForm.action, body).catch(function (err) {
        return errorRow(tr.querySelector(".file-name").textContent,
                        err.message === "server" ? form.dataset.msgServer : form.dataset.msgNetwork);
      }).then(function (html) {
        replace(tr, html);
        finished += 1;
        showProgress(form.dataset.msgStored);
        step();
      });
    };
    step();
  });
})();
