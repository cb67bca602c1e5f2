/* baocao — the little JavaScript the pages share: charts from embedded JSON, Vietnamese numbers. */
(function () {
  "use strict";

  var PALETTE = ["#1d4f91", "#c2571a", "#2e7d32", "#8e44ad", "#b3261e", "#00838f",
                 "#6d4c41", "#546e7a", "#b08900", "#ad1457", "#3949ab", "#558b2f"];

  function vnNumber(value, decimals) {
    if (value === null || value === undefined || isNaN(value)) { return "–"; }
    if (decimals === undefined) {
      decimals = Math.abs(value - Math.round(value)) < 1e-9 ? 0 : (Math.abs(value) >= 100 ? 1 : 2);
    }
    var fixed = Math.abs(value).toFixed(decimals).split(".");
    var whole = fixed[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (value < 0 ? "−" : "") + whole + (fixed[1] ? "," + fixed[1] : "");
  }

  var parsed = {};
  function readJson(id) {
    if (!(id in parsed)) {
      var el = document.getElementById(id);
      parsed[id] = el ? JSON.parse(el.textContent) : null;
    }
    return parsed[id];
  }

  function makeChart(canvas) {
    if (!window.Chart || canvas.dataset.ready) { return; }
    var data = readJson(canvas.dataset.chart);
    if (data && canvas.dataset.key) { data = data[canvas.dataset.key]; }
    if (!data) { return; }
    var kind = canvas.dataset.kind || "line";
    var spark = kind === "spark";
    var horizontal = kind === "hbar";
    var unit = data.unit || "";
    var datasets = data.datasets.map(function (ds, i) {
      var color = ds.color || PALETTE[i % PALETTE.length];
      return {
        label: ds.label, data: ds.data, borderColor: color,
        backgroundColor: (kind === "bar" || horizontal) ? (ds.colors || color) : color + "22",
        borderWidth: spark ? 1.5 : 2, pointRadius: spark ? 0 : (ds.data.length > 40 ? 0 : 2.5),
        pointHoverRadius: 4, cubicInterpolationMode: "monotone", spanGaps: false, fill: spark,
        borderDash: ds.dashed ? [5, 4] : undefined
      };
    });
    var config = {
      type: (kind === "bar" || horizontal) ? "bar" : "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        indexAxis: horizontal ? "y" : "x",
        interaction: { mode: spark ? "index" : "nearest", intersect: false },
        plugins: {
          legend: { display: !spark && datasets.length > 1, position: "bottom",
                    labels: { boxWidth: 14, font: { size: 12 } } },
          tooltip: {
            enabled: true,
            callbacks: {
              label: function (ctx) {
                var v = horizontal ? ctx.parsed.x : ctx.parsed.y;
                var name = datasets.length > 1 || !spark ? (ctx.dataset.label + ": ") : "";
                return name + vnNumber(v) + (unit ? " " + unit : "");
              }
            }
          }
        },
        scales: spark ? { x: { display: false }, y: { display: false } } : {
          x: { ticks: { autoSkip: true, maxRotation: 0, font: { size: 11 } }, grid: { display: horizontal } },
          y: { ticks: { font: { size: 11 } }, grid: { color: "#edf0f3" }, beginAtZero: !!data.zero }
        }
      }
    };
    if (!spark) {
      /* the value axis in Vietnamese numbers; the category axis keeps Chart.js's own labels */
      var valueAxis = horizontal ? config.options.scales.x : config.options.scales.y;
      valueAxis.ticks.callback = function (v) { return vnNumber(v); };
    }
    canvas.dataset.ready = "1";
    new window.Chart(canvas, config);
  }

  function initCharts(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(makeChart);
  }

  window.baocao = { vnNumber: vnNumber, readJson: readJson, initCharts: initCharts };
  document.addEventListener("DOMContentLoaded", function () { initCharts(document); });
  document.addEventListener("htmx:afterSwap", function (e) { initCharts(e.target); });
})();
