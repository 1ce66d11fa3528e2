/* The analyses' charts, drawn with Apache ECharts from the JSON payload a page embeds with
 * Django's json_script (no inline script: the Content-Security-Policy stays strict).
 *
 * Each chart is a <div data-chart="KIND" data-source="ID" [data-key="KEY"]> inside a <figure>;
 * the figure's [data-chart-downloads] buttons export the chart: PNG from the canvas on screen,
 * SVG from a second rendering with ECharts' SVG renderer. Labels are data: ECharts draws them on
 * the canvas, and the tooltips put them through escapeHtml before they reach any markup.
 */
(function () {
  "use strict";

  var SECTOR_COLOURS = {
    influent: "#0066cc",
    relay: "#cc3300",
    dependent: "#7a4f00",
    autonomous: "#5c6f82"
  };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  function planeOption(data, key) {
    var plane = data[key];
    var labels = data.labels;
    var bySector = {};
    plane.points.forEach(function (point) {
      (bySector[point[4]] = bySector[point[4]] || []).push(point);
    });
    var series = Object.keys(data.sectors).map(function (sector, index) {
      var item = {
        name: data.sectors[sector],
        type: "scatter",
        symbolSize: 10,
        itemStyle: {color: SECTOR_COLOURS[sector]},
        data: bySector[sector] || [],
        label: {show: true, position: "right", fontSize: 10, formatter: function (p) { return p.data[2]; }},
        labelLayout: {hideOverlap: true}
      };
      if (index === 0) {
        item.markLine = {
          silent: true,
          symbol: "none",
          lineStyle: {type: "dashed", color: "#5c6f82"},
          label: {show: false},
          data: [{xAxis: plane.mean[0]}, {yAxis: plane.mean[1]}]
        };
      }
      return item;
    });
    var corner = {fill: "#5c6f82", fontSize: 11, fontWeight: "bold"};
    function sectorLabel(sector, place) {
      return Object.assign({type: "text", silent: true, z: 10,
                            style: Object.assign({text: data.sectors[sector]}, corner)}, place);
    }
    return {
      animation: false,
      legend: {bottom: 0},
      grid: {left: 48, right: 24, top: 24, bottom: 64},
      graphic: [
        sectorLabel("influent", {left: 56, top: 4}),
        sectorLabel("relay", {right: 28, top: 4}),
        sectorLabel("dependent", {right: 28, bottom: 70}),
        sectorLabel("autonomous", {left: 56, bottom: 70})
      ],
      tooltip: {
        formatter: function (p) {
          return "<strong>" + escapeHtml(p.data[2]) + "</strong> " + escapeHtml(p.data[3]) +
            "<br>" + escapeHtml(labels.influence) + ": " + p.data[1] +
            "<br>" + escapeHtml(labels.dependence) + ": " + p.data[0];
        }
      },
      xAxis: {name: labels.dependence, nameLocation: "middle", nameGap: 28, scale: true},
      yAxis: {name: labels.influence, nameLocation: "middle", nameGap: 34, scale: true},
      series: series
    };
  }

  function shiftsOption(data) {
    var shifts = data.shifts;
    // On a phone, show a third of the objectives at first; the slider moves along the others.
    var narrow = window.matchMedia("(max-width: 575.98px)").matches;
    return {
      animation: false,
      legend: {top: 0},
      grid: {left: 40, right: 16, top: 56, bottom: 90},
      tooltip: {trigger: "axis"},
      dataZoom: shifts.codes.length > 20
        ? [{type: "slider", bottom: 8, height: 18, start: 0, end: narrow ? 33 : 100}] : [],
      xAxis: {type: "category", data: shifts.codes, axisLabel: {rotate: 60, fontSize: 9}},
      yAxis: {type: "value", minInterval: 1},
      series: [
        {name: data.labels.influence_shift, type: "bar", data: shifts.influence, itemStyle: {color: "#0066cc"}},
        {name: data.labels.dependence_shift, type: "bar", data: shifts.dependence, itemStyle: {color: "#cc7a00"}}
      ]
    };
  }

  function heatmapOption(data) {
    var heat = data.heatmap;
    var labels = data.labels;
    return {
      animation: false,
      grid: {left: 64, right: 16, top: 16, bottom: 96},
      tooltip: {
        formatter: function (p) {
          var cell = p.data;
          return escapeHtml(labels.source) + ": " + escapeHtml(heat.codes[cell[1]]) +
            "<br>" + escapeHtml(labels.target) + ": " + escapeHtml(heat.codes[cell[0]]) +
            "<br>" + escapeHtml(labels.strength) + ": " +
            (cell[3] ? "P (" + escapeHtml(labels.potential) + ")" : cell[2]);
        }
      },
      xAxis: {type: "category", data: heat.codes, axisLabel: {rotate: 90, fontSize: 8, interval: 0}},
      yAxis: {type: "category", data: heat.codes, inverse: true, axisLabel: {fontSize: 8, interval: 0}},
      // Discrete colours, one per strength, and another for a potential influence (P).
      visualMap: {
        type: "piecewise", orient: "horizontal", left: "center", bottom: 0, dimension: 2,
        pieces: [
          {value: 1, label: "1", color: "#9cc3eb"},
          {value: 2, label: "2", color: "#2f7fd1"},
          {value: 3, label: "3", color: "#00264d"},
          {value: -1, label: "P", color: "#cc7a00"}
        ]
      },
      series: [{
        type: "heatmap",
        data: heat.cells.map(function (cell) {
          return [cell[0], cell[1], cell[3] ? -1 : cell[2], cell[3]];
        }),
        encode: {x: 0, y: 1, value: 2},
        label: {show: false}
      }]
    };
  }

  function contributionsOption(data) {
    var heat = data.heatmap;
    var labels = data.labels;
    return {
      animation: false,
      grid: {left: 64, right: 16, top: 16, bottom: 96},
      tooltip: {
        formatter: function (p) {
          var cell = p.data;
          return escapeHtml(labels.project) + ": " + escapeHtml(heat.projects[cell[1]]) +
            "<br>" + escapeHtml(labels.objective) + ": " + escapeHtml(heat.objectives[cell[0]]) +
            "<br>" + escapeHtml(labels.strength) + ": " + (cell[2] > 0 ? "+" : "") + cell[2];
        }
      },
      xAxis: {type: "category", data: heat.objectives, axisLabel: {rotate: 90, fontSize: 8, interval: 0}},
      yAxis: {type: "category", data: heat.projects, inverse: true, axisLabel: {fontSize: 8, interval: 0}},
      visualMap: {
        type: "piecewise", orient: "horizontal", left: "center", bottom: 0, dimension: 2,
        pieces: [-3, -2, -1, 1, 2, 3].map(function (value) {
          var colours = {"-3": "#a61b1b", "-2": "#d9534f", "-1": "#f2b8b5",
                         "1": "#9cc3eb", "2": "#2f7fd1", "3": "#00264d"};
          return {value: value, label: (value > 0 ? "+" : "") + value, color: colours[value]};
        })
      },
      series: [{type: "heatmap", data: heat.cells, encode: {x: 0, y: 1, value: 2}}]
    };
  }

  function conflictsOption(data) {
    var conflicts = data.conflicts;
    return {
      animation: false,
      legend: {top: 0},
      grid: {left: 40, right: 16, top: 48, bottom: 48},
      tooltip: {trigger: "axis"},
      xAxis: {type: "category", data: conflicts.objectives, axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: "value", minInterval: 1, axisLabel: {formatter: function (v) { return Math.abs(v); }}},
      series: [
        {name: data.labels.positive, type: "bar", stack: "all", barMaxWidth: 48, data: conflicts.positive, itemStyle: {color: "#2f7fd1"}},
        {name: data.labels.negative, type: "bar", stack: "all", barMaxWidth: 48, data: conflicts.negative, itemStyle: {color: "#d9534f"}}
      ]
    };
  }

  var BUILDERS = {
    plane: planeOption,
    shifts: shiftsOption,
    heatmap: heatmapOption,
    contributions: contributionsOption,
    conflicts: conflictsOption
  };

  function download(name, url) {
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function svgOf(option, width, height) {
    var chart = echarts.init(null, null, {renderer: "svg", ssr: true, width: width, height: height});
    chart.setOption(option);
    var svg = chart.renderToSVGString();
    chart.dispose();
    return svg;
  }

  function draw(element) {
    var payload = document.getElementById(element.dataset.source);
    if (!payload || typeof echarts === "undefined") { return; }
    var data = JSON.parse(payload.textContent);
    var option = BUILDERS[element.dataset.chart](data, element.dataset.key);
    var chart = echarts.init(element, null, {renderer: "canvas"});
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    var figure = element.closest("figure");
    var buttons = figure && figure.querySelector("[data-chart-downloads]");
    if (!buttons) { return; }
    var name = element.dataset.source.replace(/-data$/, "") + "-" + (element.dataset.key || element.dataset.chart);
    buttons.querySelector("[data-download=png]").addEventListener("click", function () {
      download(name + ".png", chart.getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"}));
    });
    buttons.querySelector("[data-download=svg]").addEventListener("click", function () {
      var svg = svgOf(option, element.clientWidth, element.clientHeight);
      download(name + ".svg", URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"})));
    });
    buttons.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart]").forEach(draw);
  });
}());
