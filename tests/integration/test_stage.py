"""kb.py stage on a fixture site: header fields reach an engine as text, never as markup; a site with
content errors gets no stage."""
import os

import sitefactory as sf
from fixtures import pages as fp


def test_header_fields_are_written_as_text_for_engines_that_print_them_raw(tmp_path):
    pages = fp.site_pages()
    pages["participation/alpha-guide.en.md"] = fp.guide("en", title='"Alpha <img src=x onerror=alert(1)> & co"')
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.kb(site, "stage", "stage")
    assert rc == 0, out
    with open(os.path.join(site, "stage", "en", "participation", "alpha-guide.md"), encoding="utf-8") as fh:
        head = fh.read().split("---\n")[1]
    assert 'title: "Alpha &lt;img src=x onerror=alert(1)&gt; &amp; co"' in head, head
    assert "<img" not in head


def test_no_stage_from_content_with_errors(tmp_path):
    pages = fp.site_pages()
    pages["participation/alpha-guide.en.md"] = fp.guide("en").replace("topics: [participation]", "topics: [nonsense]")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.kb(site, "stage", "stage")
    assert rc == 2
    assert "unknown topics 'nonsense'" in out and "run 'make check'" in out
    assert not os.path.exists(os.path.join(site, "stage"))
