"""A map of the case studies as an accessible SVG, made at build time (no tiles, no scripts, no other host).

Outlines of Norway and Poland come from data/geo/norway-poland.json (Natural Earth, public domain).
Each case is a real link with the case's title as its accessible name.
"""
from __future__ import annotations

import html
import json
import math
import os

from . import text_files
from .diagnostics import Problem

WIDTH = 560
MARGIN = 0.6                             # degrees around the outlines


GEO_FILE = os.path.join("geo", "norway-poland.json")


def _read_geo(data_dir: str) -> tuple[dict | None, list[Problem]]:
    """The outlines, or None and the problems that say why they cannot be used."""
    path = os.path.join(data_dir, GEO_FILE)
    rel = os.path.relpath(path)
    if not os.path.lexists(path):
        return None, [Problem(rel, 1, "the outlines of the case map are missing",
                              f"restore {rel} (e.g. 'git checkout -- {rel}')")]
    text, problem = text_files.read(path, rel)
    if problem:
        return None, [problem]
    try:
        geo = json.loads(text)
    except ValueError as exc:
        return None, [Problem(rel, getattr(exc, "lineno", 1), f"the outlines of the case map are not valid JSON: "
                              f"{getattr(exc, 'msg', exc)}", f"restore {rel} (e.g. 'git checkout -- {rel}')")]
    countries = geo.get("countries") if isinstance(geo, dict) else None
    valid = isinstance(countries, dict) and countries and all(
        isinstance(rings, list) and rings and all(
            isinstance(ring, list) and ring and all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in p)
                for p in ring)
            for ring in rings)
        for rings in countries.values())
    if not valid:
        return None, [Problem(rel, 1, "the outlines of the case map are not in the expected shape "
                              '({"countries": {"PL": [[[lon, lat], …]], …}})',
                              f"restore {rel} (e.g. 'git checkout -- {rel}')")]
    return geo, []


def geo_problems(data_dir: str, *, needed: bool) -> list[Problem]:
    """Problems of the outlines file: when a page shows the case map, or whenever the file exists."""
    path = os.path.join(data_dir, GEO_FILE)
    if not needed and not os.path.lexists(path):
        return []
    return _read_geo(data_dir)[1]


def load_geo(data_dir: str) -> dict:
    """The outlines, read when a case library is composed (once per language; not kept between builds,
    so that an edit shows under `mkdocs serve`). Unusable outlines are reported by geo_problems during the
    registry scan, which fails the build before any page is rendered; here they would be empty."""
    geo, _ = _read_geo(data_dir)
    return geo if geo is not None else {"countries": {}}


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
