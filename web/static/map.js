// The search page's map (view=map): this page's results as Leaflet markers. An enhancement
// only: the list beside the map is the page, and without JavaScript the #map element just says
// that the map needs it. Everything comes from data-* attributes of #map, written by
// LibrariesView (src/web/directory_views.cpp): no inline script, no third-party host except
// the configured tile server, which the Content-Security-Policy names.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof window.L === 'undefined') return;
  var L = window.L;
  var data = el.dataset;

  // Leaflet's stylesheet is loaded here, not by the HTML, so a reader without JavaScript
  // downloads nothing of Leaflet.
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

  function link(m) {
    var a = document.createElement('a');
    a.href = m.href;
    a.textContent = m.name;
    return a;
  }

  function show() {
    var markers;
    try {
      markers = JSON.parse(data.markers || '[]');
    } catch (e) {
      return;  // keep the "needs JavaScript" sentence and the list
    }
    while (el.firstChild) el.removeChild(el.firstChild);
    el.style.height = '28rem';
    el.style.marginBottom = '1rem';

    var map = L.map(el, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    if (data.tiles) {
      L.tileLayer(data.tiles, {
        maxZoom: 19,
        attribution: escapeHtml(data.attribution || ''),
      }).addTo(map);
    } else {
      var note = document.createElement('p');
      note.className = 'hint map-note';
      note.textContent = data.noTiles;
      el.parentNode.insertBefore(note, el.nextSibling);
    }

    var icon = L.icon({
      iconUrl: data.icon,
      iconRetinaUrl: data.icon2x,
      shadowUrl: data.shadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
    var layer = L.layerGroup().addTo(map);
    var points = markers.map(function (m) { return [m.lat, m.lon]; });
    if (points.length) {
      // Room for the pins above their points and for the zoom buttons at the top left.
      map.fitBounds(points, { paddingTopLeft: [70, 60], paddingBottomRight: [30, 10], maxZoom: 14 });
    } else {
      map.setView([56.88, 24.6], 7);  // Latvia
    }
    // Markers that would overlap (WCAG 2.5.8 wants 24 px targets that do not) are drawn
    // as one numbered group whose popup lists them; redrawn at every zoom.
    function draw() {
      layer.clearLayers();
      var groups = [];
      markers.forEach(function (m) {
        var p = map.latLngToLayerPoint([m.lat, m.lon]);
        for (var i = 0; i < groups.length; i++) {
          var d = groups[i].p.subtract(p);
          if (Math.abs(d.x) < 34 && Math.abs(d.y) < 46) {
            groups[i].items.push(m);
            return;
          }
        }
        groups.push({ p: p, items: [m] });
      });
      groups.forEach(function (g) {
        var first = g.items[0];
        if (g.items.length === 1) {
          // title and alt give the marker (a focusable image) its accessible name.
          L.marker([first.lat, first.lon], { icon: icon, title: first.name, alt: first.name })
            .bindPopup(link(first))
            .addTo(layer);
          return;
        }
        var names = g.items.map(function (m) { return m.name; });
        var list = document.createElement('ul');
        g.items.forEach(function (m) {
          var li = document.createElement('li');
          li.appendChild(link(m));
          list.appendChild(li);
        });
        var marker = L.marker([first.lat, first.lon], {
          icon: L.divIcon({ className: 'map-group', html: String(g.items.length), iconSize: [32, 32] }),
          title: names.join('; '),
        }).bindPopup(list).addTo(layer);
        var el = marker.getElement();
        // The visible number starts the accessible name (WCAG 2.5.3).
        el.setAttribute('aria-label', names.length + ': ' + names.join('; '));
        el.dataset.names = JSON.stringify(names);
        var st = el.style;
        st.background = '#fff';
        st.color = '#0b0c0c';
        st.border = '2px solid #0b0c0c';
        st.borderRadius = '50%';
        st.font = 'bold 16px/28px sans-serif';
        st.textAlign = 'center';
      });
    }
    draw();
    map.on('zoomend', draw);
  }

  loadCss(data.css, show);
})();
