"""The page templates the browser suite visits, per language (paths under the language root)."""
TEMPLATES = {
    "home": "",
    "topic": "participation/",
    "guide": "participation/stakeholder-mapping/",
    "guide-with-diagram": "spatial-planning/planning-systems/",
    "case": "cases/groruddalen-area-programme/",
    "case-index": "cases/",
    "case-browser-filtered": "cases/?country=PL&topic=participation",
    "checklist": "checklists/participation/",
    "checklist-index": "checklists/",
    "planner": "planner/",
    "glossary": "glossary/",
    "status": "translation-status/",
    "accessibility": "accessibility/",
    "404": "no-such-page/",
}
