#!/usr/bin/env python3
"""Country outlines for the report's map: Natural Earth 1:110m (public domain),
as redistributed in TopoJSON by the npm package `world-atlas` (ISC), turned
into one SVG path in tenths of a degree (equirectangular: x = (lon + 180) * 10,
y = (90 - lat) * 10), so that the page draws it with no tiles and no network.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/world_outline.py package/countries-110m.json > data/world-110m.path

Each country is its rings (TopoJSON arcs joined), written with relative
moves; a ring crossing the antimeridian continues past the map's edge; points that round to the previous one are dropped, and so are rings
that shrink to fewer than three points. The output's first lines are
comments (`#`) naming the source; the last line is the path.
"""

import json
import sys


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their end points.
        points.extend(arc if not points else arc[1:])
    return points


def grid(lon, lat):
    return round((lon + 180) * 10), round((90 - lat) * 10)


def ring_path(points):
    cells = []
    shift = 0
    for lon, lat in points:
        x, y = grid(lon, lat)
        # A ring that crosses the antimeridian (Russia, Fiji) is kept whole:
        # its far side is moved a world's width over, past the map's edge.
        if cells and abs(x + shift - cells[-1][0]) > 1800:
            shift += 3600 if x + shift < cells[-1][0] else -3600
        cell = (x + shift, y)
        if not cells or cells[-1] != cell:
            cells.append(cell)
    if len(cells) > 1 and cells[0] == cells[-1]:
        cells.pop()
    if len(cells) < 3:
        return ""
    out = [f"M{cells[0][0]} {cells[0][1]}"]
    moves = []
    for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
        moves.append(f"{x1 - x0} {y1 - y0}")
    out.append("l" + " ".join(moves))
    out.append("z")
    return "".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: world_outline.py countries-110m.json > data/world-110m.path")
    with open(sys.argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    arcs = decode_arcs(topo)
    parts = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = (
            [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
        )
        for polygon in polygons:
            for ring in polygon:
                path = ring_path(ring_points(ring, arcs))
                if path:
                    parts.append(path)
    print("# Country outlines, Natural Earth 1:110m Admin 0 (public domain), from the npm package")
    print("# world-atlas 2.0.2 (ISC, copyright 2013-2019 Michael Bostock; notice in data/README.md),")
    print("# converted by tools/world_outline.py.")
    print("# One SVG path; x = (lon + 180) * 10, y = (90 - lat) * 10 (equirectangular, tenths of a degree).")
    print("".join(parts).replace(" -", "-"))


main()
