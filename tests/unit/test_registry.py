"""Unit tests of registry.py: no MkDocs, no build."""
from knowledge_base import registry


def test_language_suffixes():
    assert registry.split_suffix("a.pl.md", ("en", "pl", "nb")) == ("a.md", "pl", None)
    assert registry.split_suffix("a.de.md", ("en", "pl", "nb"))[2].startswith("unknown language suffix")
    assert registry.split_suffix("a.md", ("en", "pl", "nb"))[2].startswith("the file name has no language")


def test_the_loaded_registry_is_read_only(registry):
    import dataclasses
    import pytest
    page = registry.pages[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.body = "changed"
    with pytest.raises(TypeError):
        registry.virtual["x"] = None
    with pytest.raises(TypeError):
        registry.versions["x"] = {}
    assert isinstance(registry.problems, tuple) and isinstance(registry.pages, tuple)
    assert "glossary" in registry.virtual and registry.virtual["glossary"].url == "glossary/"
