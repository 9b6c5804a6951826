/*
 * The incident map: county boundaries as the base layer (shipped with the product, no internet needed),
 * affected points sized by people and coloured by priority, warehouses, vehicles at their bases, ports,
 * landing points, shelters and the incident's hazards. A dispatcher who runs the incident draws a
 * blocked area, closed road, closed sea lane or no-fly area and saves it: the whole set goes to
 * PUT /api/incidents/{id}/hazards, which checks the geometry (a refusal is shown, nothing is half-saved).
 */
(function () {
    'use strict';
    var el = document.getElementById('incident-map');
    if (!el || !window.L) {
        return;
    }
    var base = el.getAttribute('data-base');
    var id = el.getAttribute('data-incident');
    var runnable = el.getAttribute('data-runnable') === 'true';
    var t = window.RC_MAP_LABELS || {};
    var status = document.getElementById('map-status');

    /** Leaflet writes a string tooltip as HTML: names typed by users go in as text, never as markup. */
    function text(value) {
        var span = document.createElement('span');
        span.textContent = value == null ? '' : String(value);
        return span;
    }

    function say(message, bad) {
        if (status) {
            status.textContent = message;
            status.className = bad ? 'rc-warn' : 'rc-muted';
        }
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
        L.geoJSON(counties, {
            style: {color: '#7a8896', weight: 1, fillColor: '#eef2f5', fillOpacity: 0.6},
            onEachFeature: function (f, layer) {
                layer.bindTooltip(text(f.properties.name), {sticky: true});
            }
        }).addTo(map).bringToBack();
    });

    var overlays = {};
    function overlay(name, group) {
        overlays[name] = group;
        group.addTo(map);
        return group;
    }

    var affected = overlay(t.affected, L.layerGroup());
    get('/api/incidents/' + id + '/affected').then(function (points) {
        var bounds = [];
        points.forEach(function (p) {
            var vulnerable = (p.under3 || 0) + (p.over65 || 0) + (p.pregnant || 0);
            var colour = p.cutOff ? '#c62828' : vulnerable > 0 ? '#ef6c00' : '#1565c0';
            var radius = Math.max(3, Math.min(18, Math.sqrt(p.people) / 4));
            L.circleMarker([p.lat, p.lon], {radius: radius, color: colour, weight: 1, fillOpacity: 0.6})
                .bindTooltip(text(p.name + ' · ' + t.people + ' ' + p.people + ' · ' + t.relocated + ' ' + p.relocated
                    + (p.cutOff ? ' · ' + t.cutOff : '')))
                .addTo(affected);
            bounds.push([p.lat, p.lon]);
        });
        if (bounds.length) {
            map.fitBounds(bounds, {padding: [20, 20], maxZoom: 11});
        }
        say(t.loaded.replace('{0}', points.length));
    }).catch(function () {
        say(t.failed, true);
    });

    function markers(name, path, position, label, colour) {
        var group = overlay(name, L.layerGroup());
        get(path).then(function (page) {
            (page.items || page).forEach(function (x) {
                var at = position(x);
                L.circleMarker(at, {radius: 4, color: colour, weight: 1, fillOpacity: 0.9})
                    .bindTooltip(text(label(x))).addTo(group);
            });
        }).catch(function () {
            say(t.failed, true);
        });
    }

    var owner = el.getAttribute('data-owner');
    markers(t.warehouses, '/api/warehouses?division=' + owner + '&level=COUNTY&size=500',
        function (w) { return [w.lat, w.lon]; }, function (w) { return w.nameZh + ' ' + w.code; }, '#2e7d32');
    markers(t.vehicles, '/api/vehicles?status=AVAILABLE&size=500',
        function (v) { return [v.baseLat, v.baseLon]; }, function (v) { return v.registration + ' · ' + v.kind + ' · ' + v.baseName; },
        '#6a1b9a');
    markers(t.ports, '/api/ports?size=500', function (p) { return [p.lat, p.lon]; },
        function (p) { return p.nameZh; }, '#00838f');
    markers(t.landing, '/api/landing-points?size=500', function (p) { return [p.lat, p.lon]; },
        function (p) { return p.nameZh; }, '#ad1457');
    markers(t.shelters, '/api/shelters?division=' + owner + '&size=500', function (p) { return [p.lat, p.lon]; },
        function (p) { return p.nameZh + ' · ' + (p.capacityPeople || ''); }, '#5d4037');

    var colours = {BLOCKED_AREA: '#c62828', CLOSED_ROAD: '#e65100', CLOSED_LANE: '#0277bd', NO_FLY: '#6a1b9a'};
    var hazards = overlay(t.hazards, L.featureGroup());
    var collection = {type: 'FeatureCollection', features: []};

    function drawHazards(fc) {
        collection = fc;
        hazards.clearLayers();
        L.geoJSON(fc, {
            pointToLayer: function (f, latlng) {
                return L.circle(latlng, {radius: f.properties.radius || 1000});
            },
            style: function (f) {
                return {color: colours[f.properties.hazard] || '#555', weight: 2, fillOpacity: 0.15, dashArray: '4'};
            },
            onEachFeature: function (f, layer) {
                layer.bindTooltip(text(f.properties.name + ' · ' + (t['hazard.' + f.properties.hazard] || f.properties.hazard)));
            }
        }).eachLayer(function (l) {
            hazards.addLayer(l);
        });
    }

    get('/api/incidents/' + id + '/hazards').then(drawHazards);
    L.control.layers(null, overlays, {collapsed: false}).addTo(map);

    if (!runnable || !L.Control.Draw) {
        return;
    }
    var drawn = new L.FeatureGroup().addTo(map);
    map.addControl(new L.Control.Draw({
        draw: {polygon: {allowIntersection: false, showArea: false}, circle: true, polyline: true,
            rectangle: true, marker: false, circlemarker: false},
        edit: false
    }));
    var pending = null;
    map.on(L.Draw.Event.CREATED, function (e) {
        drawn.clearLayers();
        drawn.addLayer(e.layer);
        var geometry;
        var radius = null;
        if (e.layerType === 'circle') {
            var c = e.layer.getLatLng();
            geometry = {type: 'Point', coordinates: [c.lng, c.lat]};
            radius = Math.round(e.layer.getRadius());
        } else {
            geometry = e.layer.toGeoJSON().geometry;
        }
        pending = {geometry: geometry, radius: radius};
        var type = document.getElementById('hazard-type');
        if (type) {
            type.value = e.layerType === 'polyline' ? 'CLOSED_ROAD' : 'BLOCKED_AREA';
        }
        document.getElementById('hazard-form').style.display = 'flex';
        document.getElementById('hazard-name').focus();
    });
    document.getElementById('hazard-cancel').addEventListener('click', function () {
        pending = null;
        drawn.clearLayers();
        document.getElementById('hazard-form').style.display = 'none';
    });
    document.getElementById('hazard-save').addEventListener('click', function () {
        if (!pending) {
            return;
        }
        var props = {
            hazard: document.getElementById('hazard-type').value,
            cause: document.getElementById('hazard-cause').value,
            name: document.getElementById('hazard-name').value
        };
        if (pending.radius) {
            props.radius = pending.radius;
        }
        var features = collection.features.map(function (f) {
            return {type: 'Feature', geometry: f.geometry, properties: f.properties};
        });
        features.push({type: 'Feature', geometry: pending.geometry, properties: props});
        fetch(base + '/api/incidents/' + id + '/hazards', {
            method: 'PUT', credentials: 'same-origin',
            // X-Requested-With: the server refuses session-authenticated API changes without it (forgery guard)
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json',
                'X-Requested-With': 'XMLHttpRequest'},
            // the revision read: when someone saved since, the server refuses (409) instead of overwriting
            body: JSON.stringify({type: 'FeatureCollection', revision: collection.revision || 0, features: features})
        }).then(function (r) {
            return r.json().then(function (body) {
                return {ok: r.ok, status: r.status, body: body};
            });
        }).then(function (answer) {
            if (answer.ok) {
                drawHazards(answer.body);
                drawn.clearLayers();
                pending = null;
                document.getElementById('hazard-form').style.display = 'none';
                // the text box below the map holds the collection too: keep it current, or its save would be stale
                var box = document.querySelector('textarea[id$="geojson"]');
                if (box) {
                    box.value = JSON.stringify(answer.body);
                }
                say(t.saved);
            } else if (answer.status === 409 && /stale-version$/.test(answer.body.type || '')) {
                // keep the drawing (pending) and show what the other dispatcher saved; saving again adds to it
                get('/api/incidents/' + id + '/hazards').then(drawHazards);
                say(t.stale, true);
            } else {
                var reasons = (answer.body.errors || []).map(function (x) {
                    return x.reason;
                }).join('; ');
                say(t.refused + ' ' + (reasons || answer.body.detail || ''), true);
            }
        }).catch(function () {
            say(t.failed, true);
        });
    });
})();
