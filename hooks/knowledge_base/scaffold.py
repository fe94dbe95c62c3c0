"""`kb.py new`: a new page in every language from the templates in hooks/templates/."""
from __future__ import annotations

import datetime as dt
import os
import re

from .diagnostics import did_you_mean

TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates")   # hooks/templates
FOLDERS = {"case": "cases", "workshop": "workshops"}   # guides go to their topic's folder
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def render(page_type: str, *, page_id: str, topic: str, today: dt.date, guide: str = "") -> str:
    with open(os.path.join(TEMPLATES, f"{page_type}.md"), encoding="utf-8") as fh:
        text = fh.read()
    values = {"id": page_id, "topic": topic, "today": today.isoformat(), "month": today.isoformat()[:7],
              "year": str(today.year), "guide": guide}
    return re.sub(r"\{(id|topic|today|month|year|guide)\}", lambda m: values[m.group(1)], text)


def as_translation(text: str, source_lang: str) -> str:
    """A language version marked 'not yet translated': it shows a notice until translated and stamped."""
    return text.replace("\n---\n", f"\ntranslated_from: {source_lang}\n---\n", 1)


def cmd_new(registry, *, page_type: str, page_id: str, topic: str, lang: str | None) -> int:
    """Create docs/<folder>/<id>.<lang>.md in every language; print what to fill in."""
    config = registry.config
    lang = lang or config.default_language
    problems = []
    if not ID.match(page_id):
        problems.append(f"id '{page_id}' is not valid — use lowercase letters, digits and hyphens, e.g. youth-walks")
    if page_id in registry.versions or page_id in registry.virtual:
        existing = registry.page(page_id, config.default_language)
        where = existing.path if existing else "a generated page"
        problems.append(f"id '{page_id}' exists already in {where} — choose another id, or edit that page")
    if topic not in registry.vocab.keys("topics"):
        problems.append(f"unknown topic '{topic}' — {did_you_mean(topic, registry.vocab.keys('topics'), what='topics')}")
    if lang not in config.codes:
        problems.append(f"unknown language '{lang}' — use one of {', '.join(config.codes)}")
    guides = [g.id for g in registry.of_type("guide") if topic in (g.meta.get("topics") or [])] or \
        [g.id for g in registry.of_type("guide")]
    if not guides and page_type in ("case", "workshop"):
        problems.append(f"a {page_type} names the guides it uses, and the site has none yet — create a guide first")
    if problems:
        for p in problems:
            print(f"kb.py new: {p}")
        return 1
    folder = os.path.join(config.docs_dir, FOLDERS.get(page_type, topic))
    os.makedirs(folder, exist_ok=True)
    # where the template needs a reference, it starts with a guide of the same topic: edit it as needed
    source = render(page_type, page_id=page_id, topic=topic, today=dt.date.today(), guide=guides[0] if guides else "")
    written = []
    for code in config.codes:
        path = os.path.join(folder, f"{page_id}.{code}.md")
        if os.path.exists(path):
            print(f"kb.py new: {os.path.relpath(path, config.root)} exists already — remove it or choose another id")
            return 1
    for code in config.codes:
        path = os.path.join(folder, f"{page_id}.{code}.md")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(source if code == lang else as_translation(source, lang))
        written.append(os.path.relpath(path, config.root))
    print(f"Created the {page_type} '{page_id}' in {len(written)} languages:")
    for path in written:
        print(f"  {path}" + ("   (write this one first)" if path.endswith(f".{lang}.md") else "   (translate, then stamp)"))
    print("\nWhat to fill in:")
    print("  1. every TODO in the header and the text of the first file (make check lists them; make serve shows the page meanwhile);")
    print("  2. sources: every fact a reader could act on needs one; law with its official reference (Dz.U., LOV/FOR);")
    print("  3. then translate the other files, keeping ids, anchors and checklist ids, and run")
    print(f"     python hooks/kb.py stamp {' '.join(p for p in written if not p.endswith(f'.{lang}.md'))}")
    return 0
