"""sitemaps.py: one sitemap per language, with every language version of each page and x-default."""
import gzip
import xml.etree.ElementTree as ET
from types import SimpleNamespace

from knowledge_base import sitemaps
from knowledge_base.urls import SiteUrls

PREFIX = {"en": "", "pl": "pl/", "nb": "nb/"}.get
NS = {"s": sitemaps.SITEMAP, "x": sitemaps.XHTML}


def registry(by_base):
    return SimpleNamespace(by_base=by_base)


def test_versions_come_from_the_pages_written_in_each_language_and_the_generated_pages():
    reg = registry({"index.md": {"en": 1, "pl": 1, "nb": 1}, "participation/x.md": {"en": 1, "pl": 1}})
    pages = sitemaps.page_versions(reg, {"en": ["glossary/index.md"], "pl": ["glossary/index.md"]}, SiteUrls(), PREFIX)
    assert pages == [{"en": "", "pl": "pl/", "nb": "nb/"},
                     {"en": "participation/x/", "pl": "pl/participation/x/"},   # no nb version: not listed in nb
                     {"en": "glossary/", "pl": "pl/glossary/"}]


def test_each_language_lists_its_own_pages_with_every_version_and_x_default():
    pages = [{"en": "", "pl": "pl/", "nb": "nb/"}, {"en": "a/", "pl": "pl/a/"}, {"en": "only-en/"}]
    out = sitemaps.files(pages, "https://h/kb", ("en", "pl", "nb"), "en", PREFIX)
    assert sorted(out) == ["nb/sitemap.xml", "nb/sitemap.xml.gz", "pl/sitemap.xml", "pl/sitemap.xml.gz",
                           "sitemap.xml", "sitemap.xml.gz"]
    assert gzip.decompress(out["pl/sitemap.xml.gz"]) == out["pl/sitemap.xml"]
    pl = ET.fromstring(out["pl/sitemap.xml"])
    urls = pl.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == ["https://h/kb/pl/", "https://h/kb/pl/a/"]
    versions = {link.get("hreflang"): link.get("href") for link in urls[1].findall("x:link", NS)}
    assert versions == {"en": "https://h/kb/a/", "pl": "https://h/kb/pl/a/", "x-default": "https://h/kb/a/"}
    en = ET.fromstring(out["sitemap.xml"])
    only = en.findall("s:url", NS)[2]
    assert only.findtext("s:loc", namespaces=NS) == "https://h/kb/only-en/"
    assert only.findall("x:link", NS) == []   # one language: no other version to name
    assert "lastmod" not in out["sitemap.xml"].decode()   # no date beats a wrong one


def test_a_build_without_an_address_gets_no_sitemap():
    assert sitemaps.files([{"en": ""}], "", ("en",), "en", PREFIX) == {}


def test_addresses_are_escaped():
    out = sitemaps.files([{"en": "a&b/"}], "https://h/", ("en",), "en", PREFIX)
    assert b"<loc>https://h/a&amp;b/</loc>" in out["sitemap.xml"]
