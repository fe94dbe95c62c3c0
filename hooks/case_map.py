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
MARGIN = 0.6                             # degrees around the outlines
_GEO: dict = {}


def load_geo(data_dir: str) -> dict:
    path = os.path.join(data_dir, "geo", "norway-poland.json")
    if path not in _GEO:
        with open(path, encoding="utf-8") as fh:
            _GEO[path] = json.load(fh)
    return _GEO[path]


class Projection:
    """Equirectangular, scaled at the middle latitude of the outlines, fitted to WIDTH."""

    def __init__(self, geo: dict):
        points = [p for rings in geo["countries"].values() for ring in rings for p in ring]
        self.lon0 = min(p[0] for p in points) - MARGIN
        self.lon1 = max(p[0] for p in points) + MARGIN
        self.lat0 = min(p[1] for p in points) - MARGIN
        self.lat1 = max(p[1] for p in points) + MARGIN
        self.cos = math.cos(math.radians((self.lat0 + self.lat1) / 2))
        self.scale = WIDTH / ((self.lon1 - self.lon0) * self.cos)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.cos * self.scale, (self.lat1 - lat) * self.scale

    @property
    def height(self) -> float:
        return (self.lat1 - self.lat0) * self.scale


def _path(ring, project) -> str:
    pts = [project(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def svg(cases: list[dict], *, title: str, description: str, geo: dict, id_prefix: str = "kb-map") -> str:
    """cases: dicts with id, title, href, lat, lon, country."""
    esc = html.escape
    project = Projection(geo)
    h = project.height
    out = [f'<svg class="kb-map" viewBox="0 0 {WIDTH} {h:.0f}" xmlns="http://www.w3.org/2000/svg" '
           f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
           f'<title id="{id_prefix}-title">{esc(title)}</title>',
           f'<desc id="{id_prefix}-desc">{esc(description)}</desc>',
           '<g class="kb-map__land" aria-hidden="true">']
    for code, rings in sorted(geo["countries"].items()):
        out.append(f'<path class="kb-map__country kb-map__country--{code.lower()}" d="{" ".join(_path(r, project) for r in rings)}"/>')
    out.append('</g><g class="kb-map__points">')
    for case in sorted(cases, key=lambda c: -c["lat"]):
        x, y = project(case["lon"], case["lat"])
        out.append(f'<a href="{esc(case["href"], quote=True)}" class="kb-map__point" data-case="{esc(case["id"])}">'
                   f'<title>{esc(case["title"])}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="7"/></a>')
    out.append("</g></svg>")
    return "".join(out)
