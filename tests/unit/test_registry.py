"""Unit tests of registry.py: no MkDocs, no build."""
from knowledge_base import registry
def test_language_suffixes():
    assert registry.split_suffix("a.pl.md", ("en", "pl", "nb")) == ("a.md", "pl", None)
    assert registry.split_suffix("a.de.md", ("en", "pl", "nb"))[2].startswith("unknown language suffix")
    assert registry.split_suffix("a.md", ("en", "pl", "nb"))[2].startswith("the file name has no language")
