"""Unit tests of search_index.py: no MkDocs, no build."""



def test_folded_terms_spell_special_letters_without_them():
    from knowledge_base import search_index
    html = '<p>Łódź i <a href="x">pełnomocnik</a> — «skjønn», Ærø; słowo</p><p>bez znaków</p>'
    assert search_index.folded_terms(html) == "aero lódź pelnomocnik skjonn slowo"   # ó, ź: Pagefind folds those
    assert search_index.folded_terms("<p>plain</p>") == ""


def test_language_glob_keeps_other_languages_and_the_index_out(tmp_path):
    from knowledge_base import search_index
    for name in ("pl", "nb", "pagefind", "participation", "cases"):
        (tmp_path / name).mkdir()
    assert search_index.language_glob(str(tmp_path), "pl/", ["", "nb/"]) == "pl/**/*.html"
    assert search_index.language_glob(str(tmp_path), "", ["pl/", "nb/"]) == "{*.html,cases/**/*.html,participation/**/*.html}"
