"""A map of the case studies as an accessible SVG, made at build time (no tiles, no scripts, no other host).

Outlines of Norway and Poland come from data/geo/norway-poland.json (Natural Earth, public domain).
Each case is a real link with the case's title as its accessible name.
"""
from __future__ import annotations

import html
import json
import math
import os

WIDTH = 560
BOUNDS = (3.5, 32.0, 48.8, 71.6)        # lon min, lon max, lat min, lat max
PHI0 = math.radians(60)                  # equirectangular with the scale of 60° N: Norway keeps its shape
_GEO: dict = {}


def load_geo(data_dir: str) -> dict:
    path = os.path.join(data_dir, "geo", "norway-poland.json")
    if path not in _GEO:
        with open(path, encoding="utf-8") as fh:
            _GEO[path] = json.load(fh)
    return _GEO[path]


def _project(lon: float, lat: float) -> tuple[float, float]:
    lon0, lon1, lat0, lat1 = BOUNDS
    scale = WIDTH / ((lon1 - lon0) * math.cos(PHI0))
    return (lon - lon0) * math.cos(PHI0) * scale, (lat1 - lat) * scale


def height() -> float:
    return _project(BOUNDS[0], BOUNDS[2])[1]


def _path(ring) -> str:
    pts = [_project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def svg(cases: list[dict], *, title: str, description: str, geo: dict, id_prefix: str = "kb-map") -> str:
    """cases: dicts with id, title, href, lat, lon, country."""
    esc = html.escape
    h = height()
    out = [f'<svg class="kb-map" viewBox="0 0 {WIDTH} {h:.0f}" xmlns="http://www.w3.org/2000/svg" '
           f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
           f'<title id="{id_prefix}-title">{esc(title)}</title>',
           f'<desc id="{id_prefix}-desc">{esc(description)}</desc>',
           '<g class="kb-map__land" aria-hidden="true">']
    for code, rings in sorted(geo["countries"].items()):
        out.append(f'<path class="kb-map__country kb-map__country--{code.lower()}" d="{" ".join(_path(r) for r in rings)}"/>')
    out.append('</g><g class="kb-map__points">')
    for case in sorted(cases, key=lambda c: -c["lat"]):
        x, y = _project(case["lon"], case["lat"])
        out.append(f'<a href="{esc(case["href"], quote=True)}" class="kb-map__point" data-case="{esc(case["id"])}">'
                   f'<title>{esc(case["title"])}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="7"/></a>')
    out.append("</g></svg>")
    return "".join(out)
