"""The real content meets the editorial rules that a machine can check."""
import pytest

from knowledge_base import translations


TOPICS = ["participation", "universal-design", "spatial-planning"]
MINIMUM_GUIDES = {"participation": 9, "universal-design": 8, "spatial-planning": 8}


def guides_of(registry, topic):
    return [g for g in registry.of_type("guide") if (g.meta.get("topics") or [None])[0] == topic]


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_has_its_guides_each_with_sources_and_a_checklist(registry, topic):
    guides = guides_of(registry, topic)
    assert len(guides) >= MINIMUM_GUIDES[topic]
    for guide in guides:
        assert len(guide.meta.get("sources") or []) >= 2, f"{guide.path}: fewer than two sources"
        assert all(s.get("url") or s.get("reference") for s in guide.meta["sources"]), guide.path
        assert 6 <= len(guide.checklist) <= 15, f"{guide.path}: {len(guide.checklist)} checklist items"
        assert all(item.phase for item in guide.checklist), f"{guide.path}: an item without phase"
        assert guide.meta.get("reviewed"), guide.path
        if guide.meta.get("legal_basis"):
            assert guide.meta.get("law_as_of"), f"{guide.path}: states law without law_as_of"


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_overview_lists_its_guides_in_every_language(site, registry, topic):
    import os
    for code in registry.config.codes:
        html = open(os.path.join(site, registry.config.prefix(code), topic, "index.html"), encoding="utf-8").read()
        for guide in guides_of(registry, topic):
            assert registry.title(guide.id, code) in html, (topic, code, guide.id)


def test_cases_have_sources_location_methods_and_a_linking_guide(registry):
    cases = registry.of_type("case")
    assert len(cases) >= 12
    countries = [c.meta["country"] for c in cases]
    assert countries.count("NO") >= 5 and countries.count("PL") >= 5
    covered_topics = {t for c in cases for t in c.meta["topics"]}
    assert covered_topics >= set(TOPICS)
    covered_challenges = {ch for c in cases for ch in c.meta.get("challenges") or []}
    assert covered_challenges >= {"depopulation", "unemployment", "air-quality", "ageing", "accessibility"}
    linked = {r.target for p in registry.pages if p.type == "guide" for r in p.refs}
    for case in cases:
        assert len(case.meta.get("sources") or []) >= 2, case.path
        assert {"lat", "lon"} <= set(case.meta.get("location") or {}), case.path
        assert case.meta.get("methods"), case.path
        assert case.id in linked, f"{case.path}: no guide links to it"
        if case.meta["evidence"] == "illustrative":
            assert "illustrat" in case.body.lower(), case.path


def test_glossary_complete_in_every_language(registry):
    terms = registry.glossary.terms
    assert len(terms) >= 40
    for term in terms.values():
        for code in registry.config.codes:
            assert term.terms.get(code) and term.definitions.get(code), (term.id, code)
        assert term.sources, term.id


def test_every_translation_is_current(registry):
    todo = [s for s in translations.status(registry) if s.state not in (translations.SOURCE, translations.CURRENT)]
    assert not todo, todo[:5]


def test_workshop_packs_add_up(registry):
    packs = registry.of_type("workshop")
    assert len(packs) >= 3
    for pack in packs:
        parts = pack.meta["parts"]
        minutes = sum(p["minutes"] for p in parts)
        hours = int(str(pack.meta["duration"]).split()[0])
        assert minutes == hours * 60, (pack.path, minutes, pack.meta["duration"])
        for number in range(1, len(parts) + 1):
            assert f"part-{number}" in pack.anchors, (pack.path, number)


def test_the_real_site_has_no_problems_not_even_warnings(registry):
    """Terminology, form of address, standard sections (language_rules.py) and every other rule: the
    published content is clean in every language, so a new warning in a pull request stands out."""
    from knowledge_base import validate
    problems = validate.run(registry)
    assert [str(p) for p in problems] == []
