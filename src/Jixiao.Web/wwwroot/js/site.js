// Charts of the dashboard: every element with data-chart and data-series (JSON [{name, value}]) becomes an
// ECharts chart; a bar's row may carry its own colour (the monitoring lights). No inline script anywhere (the
// Content-Security-Policy forbids it); without ECharts the tables under the charts stay visible.
(function () {
  "use strict";
  if (typeof window.echarts === "undefined") { return; }
  var palette = ["#b4232c", "#1f4e99", "#1f7a4d", "#a86a00", "#6b4c9a", "#2a8a8a", "#7a7a7a"];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var rows;
    try { rows = JSON.parse(el.getAttribute("data-series") || "[]"); } catch (e) { return; }
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var kind = el.getAttribute("data-chart");
    var option = kind === "pie"
      ? { color: palette, tooltip: { trigger: "item" }, series: [{ type: "pie", radius: ["35%", "70%"], data: rows, label: { formatter: "{b}: {c}" } }] }
      : {
          color: palette, tooltip: { trigger: "axis" }, grid: { left: 40, right: 16, top: 16, bottom: 32 },
          xAxis: { type: "category", data: rows.map(function (r) { return r.name; }) },
          yAxis: { type: "value", minInterval: 1 },
          series: [{ type: "bar", data: rows.map(function (r) { return r.color ? { value: r.value, itemStyle: { color: r.color } } : r.value; }), itemStyle: { color: palette[0] } }]
        };
    chart.setOption(option);
    el.classList.add("ready");
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
