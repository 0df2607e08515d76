// The place form's map picker: a click on the map (or dragging the pin) fills the latitude and
// longitude fields, and coordinates typed into the fields move the pin. An enhancement only:
// without JavaScript the fields are the form, and #place-map says the map needs JavaScript.
// Everything comes from data-* attributes (web/src/directory_views.cpp MapData); no inline
// script, no host but the configured tile server.
(function () {
  'use strict';
  var el = document.getElementById('place-map');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  if (!el || !lat || !lon || typeof window.L === 'undefined') return;
  var L = window.L;
  var data = el.dataset;

  function loadCss(href, done) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', done);
    document.head.appendChild(link);
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function typed() {
    var a = parseFloat(String(lat.value).replace(',', '.'));
    var b = parseFloat(String(lon.value).replace(',', '.'));
    if (isNaN(a) || isNaN(b) || a < -90 || a > 90 || b < -180 || b > 180) return null;
    return [a, b];
  }

  function show() {
    while (el.firstChild) el.removeChild(el.firstChild);
    el.style.height = '22rem';
    el.style.marginBottom = '1rem';
    var map = L.map(el, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    if (data.tiles) {
      L.tileLayer(data.tiles, { maxZoom: 19, attribution: escapeHtml(data.attribution || '') })
        .addTo(map);
    } else {
      var note = document.createElement('p');
      note.className = 'hint map-note';
      note.textContent = data.noTiles;
      el.parentNode.insertBefore(note, el.nextSibling);
    }
    var icon = L.icon({
      iconUrl: data.icon, iconRetinaUrl: data.icon2x, shadowUrl: data.shadow,
      iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41],
    });
    var start = typed();
    map.setView(start || [56.88, 24.6], start ? 15 : 7);
    var marker = null;
    function place(latlng, fill) {
      if (!marker) {
        marker = L.marker(latlng, { icon: icon, draggable: true, title: data.markerLabel,
                                    alt: data.markerLabel }).addTo(map);
        marker.on('dragend', function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(latlng);
      }
      if (fill) {
        var p = L.latLng(latlng);
        lat.value = p.lat.toFixed(6);
        lon.value = p.lng.toFixed(6);
      }
    }
    if (start) place(start, false);
    map.on('click', function (e) { place(e.latlng, true); });
    function follow() {
      var p = typed();
      if (p) {
        place(p, false);
        map.panTo(p);
      }
    }
    lat.addEventListener('change', follow);
    lon.addEventListener('change', follow);
  }

  loadCss(data.css, show);
})();
