/* The analysis page's map and chart, drawn from the figures the page carries in its
   JSON scripts. Without JavaScript the ranking table holds the same figures. */
(function () {
  "use strict";
  var language = document.documentElement.lang || "pl";
  var numbers = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // The shades of static/css/analysis.css, band 0 to 4, then "no figure".
  var SHADES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  var NO_FIGURE = "#bfbfbf";

  function data(id) {
    var script = document.getElementById(id);
    return script ? JSON.parse(script.textContent) : null;
  }

  function drawMap() {
    var element = document.getElementById("analysis-map");
    var values = element && data(element.dataset.values);
    if (!element || !values || typeof L === "undefined") {
      return;
    }
    var map = L.map(element, { attributionControl: false, scrollWheelZoom: false });
    map.setView([52, 19], 4);
    fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (collection) {
        if (!collection) {
          return;
        }
        var layer = L.geoJSON(collection, {
          filter: function (feature) { return Object.prototype.hasOwnProperty.call(values, feature.properties.id); },
          style: function (feature) {
            var band = values[feature.properties.id].band;
            return {
              color: "#343a40",
              weight: 1,
              fillOpacity: 0.9,
              fillColor: band === null ? NO_FIGURE : SHADES[band]
            };
          },
          onEachFeature: function (feature, shape) {
            var value = values[feature.properties.id];
            var label = value.name + " (" + feature.properties.id + "): LQ " +
              (value.lq === null ? "–" : numbers.format(value.lq));
            shape.bindTooltip(label);
          }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) {
          map.fitBounds(bounds.pad(0.05));
        }
      });
  }

  function drawChart() {
    var canvas = document.getElementById("analysis-lq-chart");
    var chart = data("analysis-chart-data");
    if (!canvas || !chart || typeof Chart === "undefined") {
      return;
    }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{ label: chart.label, data: chart.values, backgroundColor: "#3182bd" }]
      },
      options: {
        indexAxis: "y",
        locale: language,
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } }
      }
    });
  }

  function drawEmployment() {
    var canvas = document.getElementById("analysis-employment-chart");
    var chart = data("analysis-chart-data");
    if (!canvas || !chart || typeof Chart === "undefined") {
      return;
    }
    new Chart(canvas, {
      type: "line",
      data: {
        labels: chart.years,
        datasets: [{ label: chart.employment_label, data: chart.employment, borderColor: "#08519c" }]
      },
      options: {
        locale: language,
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } }
      }
    });
  }

  /* The headings' links sort the table in place, as the server would: figures with
     none last, ties by NUTS code. The address, the choices form and the CSV links
     follow, so that a reload, a new choice or a download keeps the order. */
  function sortInPlace() {
    var table = document.getElementById("analysis-table");
    if (!table || !window.URLSearchParams || !window.history.replaceState) {
      return;
    }
    var body = table.tBodies[0];

    function sortOf(link) {
      return new URL(link.href, window.location.href).searchParams.get("sort") || "-lq";
    }

    function withSort(href, sort) {
      var url = new URL(href, window.location.href);
      url.searchParams.set("sort", sort);
      return url.pathname + url.search;
    }

    function compare(key, descending) {
      return function (a, b) {
        var x = JSON.parse(a.dataset.sort)[key];
        var y = JSON.parse(b.dataset.sort)[key];
        if (x === null || y === null) {
          return (x === null) - (y === null);
        }
        var order = x < y ? -1 : (x > y ? 1 : 0);
        if (descending) {
          order = -order;
        }
        return order || (a.dataset.region < b.dataset.region ? -1 : 1);
      };
    }

    table.querySelectorAll("thead th[data-column] a").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var address = new URL(link.href, window.location.href);
        var sort = sortOf(link);
        var key = sort.replace(/^-/, "");
        var descending = sort.charAt(0) === "-";
        Array.from(body.rows).sort(compare(key, descending)).forEach(function (row) {
          body.appendChild(row);
        });
        table.querySelectorAll("thead th[data-column]").forEach(function (heading) {
          var other = heading.querySelector("a");
          var column = heading.dataset.column;
          if (column === key) {
            heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
            other.href = withSort(other.href, (descending ? "" : "-") + key);
          } else {
            heading.removeAttribute("aria-sort");
            if (other) {
              other.href = withSort(other.href, (column === "region" ? "" : "-") + column);
            }
          }
        });
        var input = document.querySelector("#analysis-choices input[name=sort]");
        if (input) {
          input.value = sort;
        }
        document.querySelectorAll("a.analysis-csv").forEach(function (csvLink) {
          csvLink.href = withSort(csvLink.href, sort);
        });
        window.history.replaceState(null, "", address.pathname + address.search);
        link.focus();
      });
    });
  }

  drawMap();
  drawChart();
  drawEmployment();
  sortInPlace();
}());
