/*
 * A relief plan on the map: county boundaries (shipped, no internet needed), each trip as a line from
 * its base through its stops and back (trucks blue, boats teal, helicopters purple), each demand point
 * coloured by its outcome (reached in time green, late orange, partly red-orange, not served red).
 * While the plan solves, the routes are fetched again whenever a better plan has been kept, and once more
 * when the final plan's truck trips have been drawn along the roads.
 */
(function () {
    'use strict';
    var el = document.getElementById('plan-map');
    if (!el || !window.L) {
        return;
    }
    var base = el.getAttribute('data-base');
    var id = el.getAttribute('data-plan');
    var t = window.RC_PLAN_LABELS || {};
    var status = document.getElementById('plan-map-status');
    var MODE = {TRUCK: '#1f6feb', BOAT: '#0a9396', HELICOPTER: '#8e44ad'};
    var OUTCOME = {IN_TIME: '#2da44e', LATE: '#e36209', PARTLY: '#d1242f', UNSERVED: '#82071e'};

    function text(value) {
        var span = document.createElement('span');
        span.textContent = value == null ? '' : String(value);
        return span;
    }

    function get(path) {
        return fetch(base + path, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (r) {
                return r.ok ? r.json() : Promise.reject(r.status);
            });
    }

    var map = L.map(el, {preferCanvas: true}).setView([28.6, 120.7], 8);
    var tiles = el.getAttribute('data-tiles');
    if (tiles) {
        L.tileLayer(tiles, {maxZoom: 18}).addTo(map);
    }
    get('/resources/map/counties.geojson').then(function (counties) {
        L.geoJSON(counties, {style: {color: '#7a8896', weight: 1, fillColor: '#eef2f5', fillOpacity: 0.6}})
            .addTo(map).bringToBack();
    });
    var layer = L.layerGroup().addTo(map);
    var fitted = false;
    var version = -1;

    function draw(routes) {
        layer.clearLayers();
        var bounds = [];
        routes.features.forEach(function (f) {
            var p = f.properties;
            var c = f.geometry.coordinates;
            if (p.kind === 'trip') {
                var line = L.polyline(c.map(function (x) { return [x[1], x[0]]; }),
                    {color: MODE[p.mode] || '#444', weight: 2, opacity: 0.8});
                line.bindTooltip(text(p.vehicle + ' · ' + (t[p.mode] || p.mode) + ' · ' + p.trip + ' · ' + p.base
                    + ' · ' + p.stops), {sticky: true});
                line.addTo(layer);
            } else {
                var marker = L.circleMarker([c[1], c[0]], {radius: 4 + Math.min(8, Math.sqrt(p.people) / 4),
                    color: OUTCOME[p.status] || '#444', fillColor: OUTCOME[p.status] || '#444', fillOpacity: 0.8, weight: 1});
                marker.bindTooltip(text(p.name + ' · ' + (t[p.status] || p.status) + ' · ' + (t.people || '') + ' '
                    + p.people + (p.reason ? ' · ' + (t[p.reason.split(':')[0]] || p.reason) : '')), {sticky: true});
                marker.addTo(layer);
                bounds.push([c[1], c[0]]);
            }
        });
        if (!fitted && bounds.length) {
            map.fitBounds(bounds, {padding: [30, 30], maxZoom: 12});
            fitted = true;
        }
        if (status) {
            status.textContent = (t.loaded || '') + ' ' + routes.features.length;
        }
    }

    function refresh() {
        get('/api/plans/' + id).then(function (plan) {
            if (plan.version !== version) {
                version = plan.version;
                get('/api/plans/' + id + '/routes').then(draw);
            }
            var ended = ['DONE', 'STOPPED', 'INTERRUPTED'].indexOf(plan.status) >= 0;
            if (plan.status === 'QUEUED' || plan.status === 'SOLVING' || ended && !plan.roadRoutes) {
                setTimeout(refresh, 2000);
            }
        }).catch(function () {
            if (status) {
                status.textContent = t.failed || 'failed';
                status.className = 'rc-warn';
            }
        });
    }
    refresh();
}());
