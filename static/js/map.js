/* Draws a map with Leaflet: one organisation from data-lat/data-lon, every organisation
   that the JSON at data-url lists, or the points of the JSON script named by
   data-points. With data-on-request the map (and so every tile) waits until the
   visitor presses its button (.map-show). */
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") {
    return;
  }

  function popup(point) {
    var box = document.createElement("div");
    var link = document.createElement(point.url ? "a" : "strong");
    if (point.url) {
      link.href = point.url;
    }
    link.textContent = point.name;
    box.appendChild(link);
    if (point.town) {
      var details = document.createElement("div");
      details.textContent = [point.kind, point.town].filter(Boolean).join(" · ");
      box.appendChild(details);
    }
    return box;
  }

  function draw() {
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 18,
      attribution: element.dataset.attribution
    }).addTo(map);

    function show(points) {
      var markers = points.map(function (point) {
        return L.marker([point.lat, point.lon], { title: point.name, alt: point.name })
          .bindPopup(popup(point));
      });
      if (markers.length === 0) {
        map.setView([53.13, 23.16], 6);
        return;
      }
      var group = L.featureGroup(markers).addTo(map);
      map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 10 });
    }

    if (element.dataset.points) {
      show(JSON.parse(document.getElementById(element.dataset.points).textContent));
    } else if (element.dataset.url) {
      fetch(element.dataset.url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { organisations: [] };
        })
        .then(function (data) { show(data.organisations || []); });
    } else {
      show([{
        lat: parseFloat(element.dataset.lat),
        lon: parseFloat(element.dataset.lon),
        name: element.dataset.name
      }]);
    }
  }

  var button = document.querySelector(".map-show");
  if (element.dataset.onRequest && button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      button.hidden = true;
      element.hidden = false;
      draw();
      element.focus();
    });
    element.tabIndex = -1;
  } else {
    draw();
  }
}());
