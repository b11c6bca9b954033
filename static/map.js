/*
 * Jibek catalogue map. Leaflet with no tile layer: the oblast outline (Natural Earth), district and
 * city centres, zones as polygons and plots as clustered markers coloured by status. Filters live
 * in the page's GET form; this script applies them without a reload, keeps the URL in step and
 * redraws the list under the map. Every text comes from the page (#map-config); data from the
 * API is only ever put into the page as text, never as HTML.
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

  const numberFormat = new Intl.NumberFormat(cfg.tag, { maximumFractionDigits: 2 });
  // Month names would come out in Cyrillic on kk-Latn pages: those get digits only.
  const dateFormat = new Intl.DateTimeFormat(cfg.tag, cfg.locale === "kk-latn" ? { year: "numeric", month: "2-digit", day: "2-digit" } : { dateStyle: "medium" });
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  const pick = (name) => (name ? name[cfg.nameKey] || name.en || "" : "");

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
  function say(text, warn) {
    statusLine.textContent = text || "";
    statusLine.classList.toggle("map-status-warn", Boolean(warn));
  }

  visual.hidden = false;
  const map = L.map("map", { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 5, maxZoom: 16, worldCopyJump: false });
  map.setView([42.6, 68.6], 7);
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
    layer.bindTooltip(text, { pane: "labels", permanent: true, direction: "right", offset: [6, 0], className: `map-label ${className}` });
  }

  // Boundaries: the oblast, its neighbours for context, Shymkent marked as outside it.
  fetch(cfg.urls.boundary)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((data) => {
      let oblast = null;
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
          oblast = layer;
          layer.bringToBack();
        }
        if (p.label && cfg.places[p.id]) {
          L.tooltip({ pane: "labels", permanent: true, direction: "center", className: "map-label map-label-place" })
            .setLatLng([p.label[1], p.label[0]])
            .setContent(cfg.places[p.id])
            .addTo(map);
        }
      }
      if (oblast) {
        const bounds = oblast.getBounds();
        map.fitBounds(bounds, { padding: [12, 12] });
        map.setMaxBounds(bounds.pad(0.6));
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

  // Zones: outlines (schematic in the demo data) with a popup linking to the zone page.
  const zoneLayer = L.geoJSON(null, {
    pane: "zones",
    style: (f) => ({
      color: "#0b5f7a",
      weight: 2,
      fillColor: "#0b5f7a",
      fillOpacity: f.properties.kind === "sez" ? 0.12 : 0.22,
    }),
    pointToLayer: (_f, latlng) => L.circleMarker(latlng, { pane: "zones", radius: 6, color: "#0b5f7a", weight: 2, fillOpacity: 0.3 }),
    onEachFeature: (f, layer) => layer.bindPopup(() => zonePopup(f.properties)),
  }).addTo(map);

  function zonePopup(p) {
    const box = el("div", "map-popup");
    box.append(el("p", "map-popup-title", pick(p.name)));
    box.append(el("p", "map-popup-meta", `${cfg.zoneKinds[p.kind] || p.kind} · ${cfg.zoneStatuses[p.status] || p.status}`));
    box.append(el("p", null, pick(p.territory && p.territory.name)));
    if (p.totalAreaHa !== null) box.append(el("p", null, fill(S.area, { area: numberFormat.format(p.totalAreaHa) })));
    box.append(el("p", null, fill(S.zonePlots, { total: numberFormat.format(p.plots.total), free: numberFormat.format(p.plots.free) })));
    if (p.illustrative) box.append(el("p", "map-popup-tag", S.illustrative));
    box.append(link(cfg.urls.zone + encodeURIComponent(p.slug), S.openZone, "button"));
    return box;
  }

  function plotPopup(p) {
    const box = el("div", "map-popup");
    box.append(el("p", "map-popup-title", p.code));
    const status = el("p", "map-status-dot");
    status.append(el("span", `map-swatch plot-${p.status}`), el("span", null, cfg.statuses[p.status] || p.status));
    box.append(status);
    box.append(el("p", null, fill(S.area, { area: numberFormat.format(p.areaHa) })));
    if (p.powerKw !== null) box.append(el("p", null, fill(S.power, { power: numberFormat.format(p.powerKw) })));
    if (p.zone) {
      const zone = el("p");
      zone.append(link(cfg.urls.zone + encodeURIComponent(p.zone.slug), pick(p.zone.name)));
      box.append(zone);
    }
    box.append(el("p", "map-popup-meta", pick(p.territory && p.territory.name)));
    if (p.illustrative) box.append(el("p", "map-popup-tag", S.illustrative));
    box.append(el("p", "map-popup-meta", p.verifiedAt ? fill(S.verifiedOn, { date: dateFormat.format(new Date(p.verifiedAt)) }) : S.notVerified));
    box.append(link(cfg.urls.plot + encodeURIComponent(p.code), S.openPlot, "button"));
    return box;
  }

  // Plots: clustered markers; each marker is a focusable button with its code and status.
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    chunkedLoading: true,
    maxClusterRadius: 45,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      const size = count < 10 ? 30 : count < 100 ? 36 : 44;
      return L.divIcon({ className: "plot-cluster", html: el("span", null, numberFormat.format(count)).outerHTML, iconSize: [size, size] });
    },
  }).addTo(map);
  const icons = {};
  const iconFor = (status) => {
    icons[status] = icons[status] || L.divIcon({ className: `plot-marker plot-${status}`, iconSize: [16, 16] });
    return icons[status];
  };

  function plotMarker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { icon: iconFor(p.status), title: `${p.code} · ${cfg.statuses[p.status] || p.status}`, riseOnHover: true });
    marker.bindPopup(() => plotPopup(p));
    return marker;
  }

  // The list under the map follows the filters too.
  // The server's count on the first load is exact; past the limit, later ones can only say "5,000+".
  let firstLoad = true;
  function renderList(features, truncated) {
    if (!truncated) countLine.textContent = fill(S.found, { count: numberFormat.format(features.length) });
    else if (!firstLoad) countLine.textContent = fill(S.found, { count: `${numberFormat.format(cfg.limit)}+` });
    firstLoad = false;
    empty.hidden = features.length > 0;
    table.hidden = features.length === 0;
    const more = features.length > cfg.listSize;
    listCaption.textContent = more ? S.listFirst : S.listHeading;
    listCaption.className = more ? "" : "visually-hidden";
    const rows = features.slice(0, cfg.listSize).map((f) => {
      const p = f.properties;
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
  let truncatedMode = false;
  let request = 0;

  function bboxParam() {
    const b = map.getBounds().pad(0.25);
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4))
      .join(",");
  }

  function loadPlots(useBbox) {
    const mine = ++request;
    const params = new URLSearchParams(query);
    if (useBbox) params.set("bbox", bboxParam());
    say(S.loading);
    return fetch(`${cfg.urls.plots}?${params}`, { headers: { Accept: "application/geo+json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data) => {
        if (mine !== request) return;
        clusters.clearLayers();
        clusters.addLayers(data.features.map(plotMarker));
        if (!useBbox) {
          truncatedMode = data.truncated;
          renderList(data.features, data.truncated);
        }
        say(data.truncated ? S.truncated : "", data.truncated);
      })
      .catch(() => {
        if (mine === request) say(S.loadFailed, true);
      });
  }

  function loadZones() {
    const params = new URLSearchParams();
    const current = new URLSearchParams(query);
    if (current.get("district")) params.set("district", current.get("district"));
    if (current.get("zoneKind")) params.set("kind", current.get("zoneKind"));
    return fetch(`${cfg.urls.zones}?${params}`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data) => {
        zoneLayer.clearLayers();
        zoneLayer.addData(data);
      })
      .catch(() => say(S.loadFailed, true));
  }

  function apply() {
    const next = formQuery();
    if (next === query) return;
    query = next;
    const suffix = query ? `?${query}` : "";
    history.replaceState(null, "", cfg.urls.page + suffix);
    listLink.href = cfg.urls.list + suffix;
    loadPlots(false);
    loadZones();
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
  // Past the limit, the view decides which plots come: ask again after each move.
  map.on("moveend", () => {
    if (truncatedMode) loadPlots(true);
  });

  loadPlots(false);
  loadZones();
})();
