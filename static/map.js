/*
 * Jibek catalogue map. Leaflet with no tile layer: the oblast outline (Natural Earth), district and
 * city centres, zones and plots. The script asks only for what the viewport shows: plots come one
 * by one when few are in view (clustered on screen by Leaflet.markercluster), else counted per grid
 * cell by the server; zones come as centre points, with outlines once zoomed in. Details come with
 * a popup, on click. Filters live in the page's GET form; this script applies them without a reload,
 * keeps the URL in step and redraws the list under the map. Every text comes from the page
 * (#map-config); data from the API is only ever put into the page as text, never as HTML.
 */
(() => {
  "use strict";

  const configElement = document.getElementById("map-config");
  const L = window.L;
  if (!configElement || !L || !L.markerClusterGroup) return;
  const cfg = JSON.parse(configElement.textContent);
  const S = cfg.strings;

  const form = document.getElementById("map-filters");
  const visual = document.getElementById("map-visual");
  const statusLine = document.getElementById("map-status");
  const countLine = document.getElementById("map-count");
  const listLink = document.getElementById("map-list-link");
  const listBody = document.getElementById("map-list-body");
  const listCaption = document.getElementById("map-first");
  const table = document.getElementById("map-table");
  const empty = document.getElementById("map-empty");
  const downloadGeojson = document.getElementById("map-download-geojson");
  const downloadCsv = document.getElementById("map-download-csv");

  const numberFormat = new Intl.NumberFormat(cfg.tag, { maximumFractionDigits: 2 });
  // Month names would come out in Cyrillic on kk-Latn pages: those get digits only.
  const dateFormat = new Intl.DateTimeFormat(cfg.tag, cfg.locale === "kk-latn" ? { year: "numeric", month: "2-digit", day: "2-digit" } : { dateStyle: "medium" });
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  const pick = (name) => (name ? name[cfg.nameKey] || name.en || "" : "");
  const getJson = (url, signal) => fetch(url, { signal, headers: { Accept: "application/json" } }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));

  /** A DOM element with a class and text (data is only ever set as text). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function link(hrefValue, text, className) {
    const a = el("a", className, text);
    a.href = hrefValue;
    return a;
  }
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  }
  let warned = false;
  function say(text, warn) {
    statusLine.textContent = text || "";
    statusLine.classList.toggle("map-status-warn", Boolean(warn));
    warned = Boolean(warn);
  }

  visual.hidden = false;
  const map = L.map("map", { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 5, maxZoom: 16, worldCopyJump: false });
  // The first view is known before any data: the first requests already name it.
  map.fitBounds(cfg.view, { padding: [12, 12] });
  map.attributionControl.addAttribution(el("span", null, S.attribution).outerHTML);
  map.getContainer().setAttribute("aria-label", S.canvas);

  // Panes keep the layers in order whatever loads first.
  map.createPane("context").style.zIndex = "350";
  map.createPane("zones").style.zIndex = "420";
  map.createPane("centres").style.zIndex = "440";
  // Labels sit under the markers: a cluster's count must stay readable.
  map.createPane("labels").style.zIndex = "590";

  const zoomClass = () => map.getContainer().classList.toggle("map-zoomed-out", map.getZoom() < 8);
  map.on("zoomend", zoomClass);
  zoomClass();

  function label(layer, text, className) {
    layer.bindTooltip(el("span", null, text), { pane: "labels", permanent: true, direction: "right", offset: [6, 0], className: `map-label ${className}` });
  }

  // Boundaries: the oblast, its neighbours for context, Shymkent marked as outside it.
  fetch(cfg.urls.boundary)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((data) => {
      for (const feature of data.features) {
        const p = feature.properties;
        if (p.role === "excluded-city") {
          const [lon, lat] = feature.geometry.coordinates;
          const point = L.circleMarker([lat, lon], { pane: "centres", radius: 5, color: "#8c2f39", weight: 2, fillColor: "#fff", fillOpacity: 1 });
          point.bindPopup(el("p", null, S.shymkent));
          label(point, cfg.places.shymkent, "map-label-shymkent");
          point.addTo(map);
          continue;
        }
        const isOblast = p.role === "oblast";
        const layer = L.geoJSON(feature, {
          pane: isOblast ? "overlayPane" : "context",
          interactive: false,
          style: isOblast
            ? { color: "#8c2f39", weight: 3, fillColor: "#fffdf7", fillOpacity: 0.9 }
            : { color: "#9aa5b1", weight: 1, dashArray: p.role === "country" ? null : "4 4", fillColor: "#e3e7ec", fillOpacity: 0.6 },
        }).addTo(map);
        if (isOblast) {
          layer.bringToBack();
          map.setMaxBounds(layer.getBounds().pad(0.6));
        }
        if (p.label && cfg.places[p.id]) {
          L.tooltip({ pane: "labels", permanent: true, direction: "center", className: "map-label map-label-place" })
            .setLatLng([p.label[1], p.label[0]])
            .setContent(el("span", null, cfg.places[p.id]))
            .addTo(map);
        }
      }
    })
    .catch(() => say(S.loadFailed, true));

  // District and city centres: labelled points (no open district polygons exist).
  for (const c of cfg.centres) {
    const marker = L.circleMarker([c.lat, c.lon], {
      pane: "centres",
      radius: c.kind === "city" ? 4 : 3,
      color: "#fff",
      weight: 1,
      fillColor: "#1b2733",
      fillOpacity: 1,
      interactive: false,
    });
    const text = c.approximate ? `${c.name} (${S.approximate})` : c.name;
    label(marker, text, `map-label-${c.kind}${c.approximate ? " map-label-approx" : ""}`);
    marker.addTo(map);
  }

  /**
   * A popup that shows what the map already knows at once and the rest when it arrives.
   * `build(box, data)` appends the details. Leaflet asks a content function again on every
   * update, so the box is made once per marker; answers are kept, so a second click asks nothing.
   */
  const details = new Map();
  function lazyPopup(layer, url, head, build) {
    let box = null;
    layer.bindPopup(() => {
      if (box) return box;
      const made = el("div", "map-popup");
      box = made;
      made.append(...head());
      const waiting = el("p", "map-popup-meta", S.popupLoading);
      made.append(waiting);
      const answer = details.get(url) || getJson(url);
      details.set(url, answer);
      answer
        .then((data) => {
          waiting.remove();
          build(made, data);
          const popup = layer.getPopup();
          if (popup && popup.isOpen()) popup.update();
        })
        .catch(() => {
          details.delete(url);
          waiting.textContent = S.loadFailed;
          // The next opening asks again.
          box = null;
        });
      return made;
    });
  }

  // Zones: centre points named in the page's language, outlines once zoomed in; details on click.
  // Dots stay small while the whole oblast is in view, where hundreds of them may crowd.
  const zoneDotRadius = () => (map.getZoom() < 9 ? 3 : 5);
  const zoneLayer = L.geoJSON(null, {
    pane: "zones",
    // L.geoJSON styles every layer it makes, dots included. Outlines overlap where zones nest or
    // crowd: a light fill keeps the stack readable.
    style: (f) =>
      f.geometry.type === "Point"
        ? { color: "#fff", weight: 1, fillColor: "#0b5f7a", fillOpacity: 0.85 }
        : { color: "#0b5f7a", weight: 2, fillColor: "#0b5f7a", fillOpacity: f.properties.kind === "sez" ? 0.08 : 0.16 },
    pointToLayer: (_f, latlng) => L.circleMarker(latlng, { pane: "zones", radius: zoneDotRadius() }),
    onEachFeature: (f, layer) => {
      const name = f.properties.name;
      layer.bindTooltip(el("span", null, name), { direction: "top", className: "map-label map-label-zone" });
      lazyPopup(
        layer,
        cfg.urls.zoneApi + encodeURIComponent(f.id),
        () => [el("p", "map-popup-title", name), el("p", "map-popup-meta", cfg.zoneKinds[f.properties.kind] || f.properties.kind)],
        (box, data) => zoneDetails(box, data.zone, f.id),
      );
    },
  }).addTo(map);
  map.on("zoomend", () => {
    const radius = zoneDotRadius();
    zoneLayer.eachLayer((layer) => {
      if (layer.setRadius) layer.setRadius(radius);
    });
  });

  function zoneDetails(box, z, slug) {
    const meta = box.querySelector(".map-popup-meta");
    if (meta) meta.textContent = `${cfg.zoneKinds[z.kind] || z.kind} · ${cfg.zoneStatuses[z.status] || z.status}`;
    box.append(el("p", null, pick(z.territory && z.territory.name)));
    if (z.totalAreaHa !== null) box.append(el("p", null, fill(S.area, { area: numberFormat.format(z.totalAreaHa) })));
    box.append(el("p", null, fill(S.zonePlots, { total: numberFormat.format(z.plots.total), free: numberFormat.format(z.plots.free) })));
    if (z.illustrative) box.append(el("p", "map-popup-tag", S.illustrative));
    box.append(link(cfg.urls.zone + encodeURIComponent(slug), S.openZone, "button"));
  }

  function plotDetails(box, p) {
    box.append(el("p", null, fill(S.area, { area: numberFormat.format(p.areaHa) })));
    const power = p.infrastructure && p.infrastructure.powerKw;
    if (power !== null && power !== undefined) box.append(el("p", null, fill(S.power, { power: numberFormat.format(power) })));
    if (p.zone) {
      const zone = el("p");
      zone.append(link(cfg.urls.zone + encodeURIComponent(p.zone.slug), pick(p.zone.name)));
      box.append(zone);
    }
    box.append(el("p", "map-popup-meta", pick(p.territory && p.territory.name)));
    if (p.illustrative) box.append(el("p", "map-popup-tag", S.illustrative));
    const at = p.verification && p.verification.at;
    box.append(el("p", "map-popup-meta", at ? fill(S.verifiedOn, { date: dateFormat.format(new Date(at)) }) : S.notVerified));
    box.append(link(cfg.urls.plot + encodeURIComponent(p.code), S.openPlot, "button"));
  }

  function statusLineOf(status) {
    const line = el("p", "map-status-dot");
    line.append(el("span", `map-swatch plot-${status}`), el("span", null, cfg.statuses[status] || status));
    return line;
  }

  // Plots one by one: markers clustered on screen; each marker is a focusable button with its code and status.
  const markers = L.markerClusterGroup({
    showCoverageOnHover: false,
    chunkedLoading: true,
    maxClusterRadius: 45,
    spiderfyOnMaxZoom: true,
    // The same ring as the server's counted cells: one look for every group of plots.
    iconCreateFunction: (cluster) => {
      const statuses = {};
      for (const m of cluster.getAllChildMarkers()) statuses[m.options.status] = (statuses[m.options.status] || 0) + 1;
      const { size, face, title } = groupFace(cluster.getChildCount(), statuses);
      face.title = title;
      return L.divIcon({ className: "plot-cluster plot-cell", html: face, iconSize: [size, size] });
    },
  }).addTo(map);
  // Plots counted per grid cell by the server: a ring of their statuses around the count.
  const cells = L.layerGroup().addTo(map);

  const icons = {};
  const iconFor = (status) => {
    icons[status] = icons[status] || L.divIcon({ className: `plot-marker plot-${status}`, iconSize: [16, 16] });
    return icons[status];
  };

  function plotMarker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: iconFor(p.status), title: `${p.code} · ${cfg.statuses[p.status] || p.status}`, riseOnHover: true, status: p.status });
    lazyPopup(
      marker,
      cfg.urls.plotApi + encodeURIComponent(p.code),
      () => [el("p", "map-popup-title", p.code), statusLineOf(p.status)],
      (box, data) => plotDetails(box, data.plot),
    );
    return marker;
  }

  const STATUS_ORDER = Object.keys(cfg.statuses);
  function ring(counts, total, size) {
    const r = size / 2 - 3;
    const length = 2 * Math.PI * r;
    const picture = svg("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true", focusable: "false" });
    picture.append(svg("circle", { class: "ring-back", cx: size / 2, cy: size / 2, r: r }));
    let offset = 0;
    for (const status of STATUS_ORDER) {
      const n = counts[status] || 0;
      if (n === 0) continue;
      const part = (n / total) * length;
      picture.append(
        svg("circle", {
          class: `ring-part ring-${status}`,
          cx: size / 2,
          cy: size / 2,
          r: r,
          "stroke-dasharray": `${part} ${length - part}`,
          "stroke-dashoffset": String(-offset),
          transform: `rotate(-90 ${size / 2} ${size / 2})`,
        }),
      );
      offset += part;
    }
    return picture;
  }

  /** A group of plots: its count inside a ring of its statuses, sized by the count, and a title that says both. */
  function groupFace(count, statuses) {
    const size = Math.round(Math.min(50, 30 + 5 * Math.log10(count)));
    const face = el("span", "plot-cell-face");
    const label = numberFormat.format(count);
    face.append(ring(statuses, count, size), el("span", label.length > 5 ? "plot-cell-count plot-cell-count-long" : "plot-cell-count", label));
    const parts = STATUS_ORDER.filter((s) => statuses[s]).map((s) => `${cfg.statuses[s]}: ${numberFormat.format(statuses[s])}`);
    return { size, face, title: fill(S.cluster, { count: label, statuses: parts.join(", ") }) };
  }

  function cellMarker(feature) {
    const { count, statuses } = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const { size, face, title } = groupFace(count, statuses);
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ className: "plot-cluster plot-cell", html: face, iconSize: [size, size] }),
      title,
      riseOnHover: true,
    });
    const [west, south, east, north] = feature.bbox;
    marker.on("click", () => {
      const next = Math.min(map.getMaxZoom(), map.getZoom() + 4);
      if (east - west < 1e-6 && north - south < 1e-6) map.setView([lat, lon], Math.min(next, map.getZoom() + 2));
      else map.fitBounds([[south, west], [north, east]], { padding: [24, 24], maxZoom: next });
    });
    return marker;
  }

  // The list under the map follows the filters: its first rows and the exact count come from the list API.
  function renderList(items, total) {
    countLine.textContent = fill(S.found, { count: numberFormat.format(total) });
    empty.hidden = total > 0;
    table.hidden = total === 0;
    const more = total > cfg.listSize;
    listCaption.textContent = more ? S.listFirst : S.listHeading;
    listCaption.className = more ? "" : "visually-hidden";
    const rows = items.slice(0, cfg.listSize).map((p) => {
      const tr = el("tr");
      const code = el("th");
      code.scope = "row";
      code.append(link(cfg.urls.plot + encodeURIComponent(p.code), p.code));
      const zone = el("td");
      if (p.zone) zone.append(link(cfg.urls.zone + encodeURIComponent(p.zone.slug), pick(p.zone.name)));
      else zone.textContent = "—";
      const status = el("td");
      status.append(el("span", `status status-${p.status}`, cfg.statuses[p.status] || p.status));
      tr.append(code, zone, el("td", null, pick(p.territory && p.territory.name)), el("td", "num", numberFormat.format(p.areaHa)), status);
      return tr;
    });
    listBody.replaceChildren(...rows);
  }

  /** The form as the canonical query string: statuses comma-joined, empty fields left out. */
  function formQuery() {
    const q = new URLSearchParams();
    const statuses = [];
    for (const [key, value] of new FormData(form)) {
      if (typeof value !== "string" || value.trim() === "") continue;
      if (key === "status") statuses.push(value);
      else q.set(key, value.trim());
    }
    if (statuses.length > 0) q.set("status", statuses.join(","));
    return q.toString().replace(/%2C/g, ",");
  }

  let query = formQuery();

  /**
   * What the map shows now, and the box to ask for: the view with a margin, snapped outwards to a
   * grid of half a 256-px tile so small moves ask again for the same URL (and hit the cache).
   */
  function currentView() {
    const zoom = Math.round(map.getZoom());
    const step = 180 / 2 ** zoom;
    const b = map.getBounds();
    const padded = b.pad(0.25);
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const snap = (v, up) => (up ? Math.ceil(v / step) : Math.floor(v / step)) * step;
    const box = [
      clamp(snap(padded.getWest(), false), -180, 180),
      clamp(snap(padded.getSouth(), false), -90, 90),
      clamp(snap(padded.getEast(), true), -180, 180),
      clamp(snap(padded.getNorth(), true), -90, 90),
    ];
    return { zoom, bounds: b, box, covered: L.latLngBounds([box[1], box[0]], [box[3], box[2]]) };
  }
  const bboxParam = (box) => box.map((v) => Number(v.toFixed(5))).join(",");

  // What each layer holds now, so a move inside it asks nothing.
  let plotsHeld = null;
  let zonesHeld = null;
  let plotRequest = null;
  let zoneRequest = null;

  function zoneQuery() {
    const params = new URLSearchParams();
    const current = new URLSearchParams(query);
    if (current.get("district")) params.set("district", current.get("district"));
    if (current.get("zoneKind")) params.set("kind", current.get("zoneKind"));
    params.set("locale", cfg.locale);
    return params.toString();
  }

  function loadPlots(view) {
    const held = plotsHeld;
    // Points held for a box that still covers the view stay right at any closer zoom; counts are per zoom.
    if (held && held.query === query && held.covered.contains(view.bounds) && (!held.clustered || held.zoom === view.zoom)) return;
    if (plotRequest) plotRequest.abort();
    const request = new AbortController();
    plotRequest = request;
    const params = new URLSearchParams(query);
    params.set("bbox", bboxParam(view.box));
    params.set("zoom", String(view.zoom));
    const asked = query;
    if (!warned) say(S.loading);
    getJson(`${cfg.urls.plots}?${params}`, request.signal)
      .then((data) => {
        if (plotRequest !== request) return;
        plotRequest = null;
        markers.clearLayers();
        cells.clearLayers();
        const points = data.features.filter((f) => !f.properties.count);
        const counted = data.features.filter((f) => f.properties.count);
        markers.addLayers(points.map(plotMarker));
        for (const f of counted) cells.addLayer(cellMarker(f));
        plotsHeld = { query: asked, covered: view.covered, zoom: view.zoom, clustered: data.clustered };
        say(data.truncated ? S.truncated : data.clustered ? S.clustered : "", data.truncated);
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        if (plotRequest === request) plotRequest = null;
        say(S.loadFailed, true);
      });
  }

  function loadZones(view) {
    const key = zoneQuery();
    const outlines = view.zoom >= cfg.outlineZoom;
    const held = zonesHeld;
    // Zones held for a box that covers the view serve any zoom on the same side of the outline threshold.
    if (held && held.key === key && held.covered.contains(view.bounds) && held.outlines === outlines) return;
    if (zoneRequest) zoneRequest.abort();
    const request = new AbortController();
    zoneRequest = request;
    const params = new URLSearchParams(key);
    params.set("bbox", bboxParam(view.box));
    params.set("zoom", String(view.zoom));
    getJson(`${cfg.urls.zones}?${params}`, request.signal)
      .then((data) => {
        if (zoneRequest !== request) return;
        zoneRequest = null;
        zoneLayer.clearLayers();
        zoneLayer.addData(data);
        zonesHeld = { key, covered: view.covered, outlines: data.outlines };
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        if (zoneRequest === request) zoneRequest = null;
        say(S.loadFailed, true);
      });
  }

  function loadView() {
    const view = currentView();
    loadPlots(view);
    loadZones(view);
  }

  let listRequest = null;
  function loadList() {
    if (listRequest) listRequest.abort();
    const request = new AbortController();
    listRequest = request;
    const params = new URLSearchParams(query);
    params.set("perPage", String(cfg.listSize));
    params.set("sort", "code");
    getJson(`${cfg.urls.listApi}?${params}`, request.signal)
      .then((data) => {
        if (listRequest !== request) return;
        listRequest = null;
        renderList(data.items, data.total);
      })
      .catch((error) => {
        if (error.name !== "AbortError") say(S.loadFailed, true);
      });
  }

  function apply() {
    const next = formQuery();
    if (next === query) return;
    query = next;
    const suffix = query ? `?${query}` : "";
    history.replaceState(null, "", cfg.urls.page + suffix);
    listLink.href = cfg.urls.list + suffix;
    const joint = query ? `${query}&` : "";
    if (downloadGeojson) downloadGeojson.href = `${cfg.urls.download}.geojson?${joint}download=1`;
    if (downloadCsv) downloadCsv.href = `${cfg.urls.download}.csv?${joint}locale=${encodeURIComponent(cfg.locale)}`;
    say("");
    loadList();
    loadView();
  }

  let timer = 0;
  form.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    apply();
  });
  map.on("moveend", loadView);

  // The list under the map came with the page; the map asks for its first view now.
  loadView();
})();
