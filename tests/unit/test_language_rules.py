"""language_rules: terminology, the form of address and standard sections; dates per language."""
import pytest

from knowledge_base import formats, language_rules as lr
from knowledge_base import settings as settings_mod
from knowledge_base.diagnostics import ERROR, WARNING


def rules(avoid, prefer="overordnet arealplan", strict=False, term="plan-ogolny"):
    return [lr.TermRule(term, "nb", v, prefer, strict, lr.variant_pattern(v)) for v in avoid]


@pytest.mark.parametrize("variant, text, found", [
    ("generalplan*", "Kommunens generalplanen er ny.", "generalplanen"),
    ("generalplan*", "Generalplaner finnes.", "Generalplaner"),
    ("akt* planistyczn*", "projekt aktu planistycznego", "aktu planistycznego"),
    ("polske høring*", "i den polske  høringen", "polske  høringen"),
])
def test_a_variant_matches_its_inflected_forms(variant, text, found):
    assert lr.variant_pattern(variant).search(text).group(0) == found


@pytest.mark.parametrize("variant, text", [
    ("generalplan*", "regeneralplanlegging"),        # inside another word
    ("detaljplan*", "detaljregulering"),
    ("akt* planistyczn*", "akty prawne planowania"),
])
def test_a_variant_does_not_match_other_words(variant, text):
    assert not lr.variant_pattern(variant).search(text)


def test_terminology_message_names_the_term_and_the_form_to_use():
    problems = lr.check_text_lines("docs/x.nb.md", [(12, "Les generalplanen først.")], rules(["generalplan*"], strict=True))
    assert [str(p) for p in problems] == \
        ['docs/x.nb.md:12: "generalplanen" — use "overordnet arealplan" (glossary: plan-ogolny)']
    assert problems[0].severity == ERROR
    assert lr.check_text_lines("p", [(1, "generalplan")], rules(["generalplan*"]))[0].severity == WARNING


def test_a_phrase_across_a_line_break_is_found_on_its_first_line():
    problems = lr.check_text_lines("p", [(3, "Det gjelder den polske"), (4, "høringen i mai.")], rules(["polske høring*"]))
    assert [(p.line, p.message) for p in problems] == [(3, '"polske høringen"')]


def test_one_problem_per_place_the_longest_variant():
    problems = lr.check_text_lines("p", [(1, "den polske høringen")], rules(["polske høring*", "høring*"]))
    assert [p.message for p in problems] == ['"polske høringen"']


@pytest.mark.parametrize("line", [
    "Som det står: «generalplanen er vedtatt».",     # a quotation
    "Se `generalplan` i koden.",                     # code
    "[Lenke](https://example.org/generalplan/)",     # a link address
    "Se [[generalplan-id]].",                        # a reference id
    "Sitat: generalplan <!-- kb-allow -->",          # silenced on purpose
])
def test_quotations_code_links_and_silenced_lines_are_exempt(line):
    lines = list(lr.prose_lines(line, 1))
    assert lr.check_text_lines("p", lines, rules(["generalplan*"])) == []


def test_block_quotes_and_code_blocks_are_exempt():
    body = "> generalplan i et sitat\n\n```\ngeneralplan\n```\nMen generalplan her.\n"
    problems = lr.check_text_lines("p", list(lr.prose_lines(body, 10)), rules(["generalplan*"]))
    assert [p.line for p in problems] == [15]


@pytest.mark.parametrize("word", ["Sprawdźcie", "obiecajcie", "oceńcie", "zróbcie", "usłyszeliście", "Umieśćcie",
                                  "piszcie", "pomóżcie", "waszej", "jesteście", "wam"])
def test_polish_plural_address_is_found(word):
    problems = lr.check_address("p", [(7, f"Na koniec {word} wszystko.")], "ty")
    assert len(problems) == 1 and problems[0].line == 7 and f'"{word}"' in problems[0].message
    assert "extra.kb.address" in problems[0].message and lr.ALLOW in problems[0].fix


@pytest.mark.parametrize("word", ["punkcie", "dokumencie", "wejście", "przejście", "wsparcie", "liście", "wreszcie",
                                  "życie", "budżecie", "skrócie", "kontakcie", "raporcie", "Alcie", "zajęcie"])
def test_polish_nouns_ending_like_plurals_are_not(word):
    assert lr.check_address("p", [(1, f"Jest to w {word} opisane.")], "ty") == []


def test_norwegian_plural_address():
    assert len(lr.check_address("p", [(2, "Når dere har hørt innspillene, skriv til dere selv.")], "du")) == 2
    assert lr.check_address("p", [(2, "Barn og deres foreldre.")], "du") == []   # "deres" is also "their"
    assert lr.check_address("p", [(2, "Når du har hørt innspillene, svarer du.")], "du") == []


def test_standard_sections_are_checked_and_fixed():
    from knowledge_base.registry import Page
    text = "---\nid: x\n---\n\n# T\n\n## Lovgrunnlag {#legal-basis}\n\n## Hvorfor det er viktig {#why}\n"
    page = Page(path="docs/x.nb.md", src="x.nb.md", base="x.md", lang="nb", text=text, meta={"id": "x"},
                body=text.split("---\n", 2)[2], body_line=4,
                headings=[(7, 2, "Lovgrunnlag", "legal-basis"), (9, 2, "Hvorfor det er viktig", "why")])
    sections = {"legal-basis": "Rettsgrunnlag", "why": "Hvorfor det er viktig"}
    problems = lr.check_sections(page, sections, "data/strings.yml")
    assert [str(p) for p in problems] == [
        "docs/x.nb.md:7: the section '{#legal-basis}' is headed 'Lovgrunnlag', not 'Rettsgrunnlag' as on every guide "
        "in this language — write 'Rettsgrunnlag' (from data/strings.yml), or run 'python hooks/kb.py fix'"]
    fixed = lr.fix_sections(text, 4, sections)
    assert "## Rettsgrunnlag {#legal-basis}\n" in fixed and fixed.count("\n") == text.count("\n")


@pytest.mark.parametrize("value, lang, text", [
    ("2026-11", "pl", "listopad 2026"), ("2026-11", "nb", "november 2026"), ("2026-11", "en", "November 2026"),
    ("2026-11-29", "pl", "29 listopada 2026"), ("2026-11-29", "nb", "29. november 2026"),
    ("2026-11-29", "en", "29 November 2026"), ("2026-05-03", "pl", "3 maja 2026"), ("2024-02-29", "nb", "29. februar 2024"),
    ("not a date", "pl", "not a date"),
])
def test_dates_as_each_language_writes_them(value, lang, text):
    assert formats.readable(value, lang) == text


def test_month_headings():
    assert formats.month("2026-11-29", "pl") == "Listopad 2026"
    assert formats.month("2026-12-04", "nb") == "Desember 2026"


def test_the_address_setting_is_validated():
    ok, problems = settings_mod.from_mapping({"address": {"pl": "ty", "nb": "du"}})
    assert ok.address == {"pl": "ty", "nb": "du"} and problems == []
    _, problems = settings_mod.from_mapping({"address": {"pl": "wy"}}, line_of=lambda key: 9)
    assert [str(p) for p in problems] == ["mkdocs.yml:9: setting 'address' has forms the check does not know: pl: wy — "
                                          "use pl: ty or pl: impersonal, and nb: du"]
    _, problems = settings_mod.from_mapping({"address": "ty"})
    assert "must be a group of 'language: form' entries" in str(problems[0])


@pytest.mark.parametrize("year, period, warned", [
    (2024, "2005–2013", False),    # current
    (2011, "2005–2013", False),    # of the case's own years
    (2011, "2012", False),         # the year before the case (a figure for 31 December / 1 January)
    (2019, "2021–2024", False),    # two years before: the latest figure when the work was planned
    (2012, "2022–2024", True),     # neither: Lørenskog's old figure
    (2018, "2021–2024", True),
    (2012, "", True),
])
def test_population_figures_are_current_or_of_the_cases_years(year, period, warned):
    import types
    from knowledge_base import validate
    from knowledge_base.registry import Page
    text = f"---\nid: c\ntype: case\nperiod: \"{period}\"\npopulation_source: {{title: T, year: {year}}}\nreviewed: 2026-11-29\n---\n"
    meta = {"id": "c", "type": "case", "period": period, "population_source": {"title": "T", "year": year},
            "reviewed": "2026-11-29"}
    page = Page(path="docs/cases/c.en.md", src="c.en.md", base="c.md", lang="en", text=text, meta=meta, body="",
                body_line=7)
    ctx = types.SimpleNamespace(registry=types.SimpleNamespace(config=types.SimpleNamespace(review_months=12)))
    problems = validate.rule_statistics_age(page, ctx)
    assert bool(problems) is warned
    if warned:
        assert problems[0].line == 5 and f"the population figure is from {year}" in problems[0].message
