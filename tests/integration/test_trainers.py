"""Links that do not break: short links and moved pages, with collisions refused."""
import os
import re

import sitefactory as sf
from fixtures import pages as fp


def test_moved_pages_redirect_in_every_language(tmp_path):
    pages = fp.site_pages()
    for lang in ("en", "pl", "nb"):
        pages[f"participation/beta-guide.{lang}.md"] = fp.beta(lang).replace(
            "reviewed: 2026-11-29\n", "reviewed: 2026-11-29\nmoved_from: [guides/old-beta.md, participation/beta/]\n")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.build(site)
    assert rc == 0, out
    for prefix in ("", "pl/", "nb/"):
        for old in ("guides/old-beta/", "participation/beta/"):
            html = sf.read(site, prefix + old + "index.html")
            target = re.search(r'url=([^"]+)"', html).group(1)
            resolved = os.path.normpath(os.path.join(prefix + old, target)).replace(os.sep, "/")
            assert resolved == prefix + "participation/beta-guide", (prefix, old, target)
        short = sf.read(site, prefix + "go/beta-guide/index.html")
        assert "participation/beta-guide/" in short
    # the site contract knows the redirects: the built site passes, and one removed redirect fails it
    rc, out = sf.kb(site, "verify-site", "site")
    assert rc == 0, out
    os.unlink(os.path.join(site, "site", "pl", "guides", "old-beta", "index.html"))
    rc, out = sf.kb(site, "verify-site", "site")
    assert rc == 1
    assert "pl/guides/old-beta/index.html: the redirect from guides/old-beta/ is missing — the page's former address " \
           "(moved_from) no longer leads to it" in out, out


def test_former_path_of_a_live_page_is_an_error(tmp_path):
    pages = fp.site_pages()
    pages["participation/beta-guide.en.md"] = fp.beta("en").replace(
        "reviewed: 2026-11-29\n", "reviewed: 2026-11-29\nmoved_from: [participation/alpha-guide/]\n")
    site = sf.make_site(str(tmp_path), pages, glossary=fp.GLOSSARY)
    rc, out = sf.kb(site, "check")
    assert rc == 1
    assert re.search(r"docs/participation/beta-guide\.en\.md:\d+: moved_from 'participation/alpha-guide/' is the address "
                     r"of a live page \(docs/participation/alpha-guide\.\w\w\.md\) — remove it", out), out
    rc, out = sf.build(site)
    assert rc != 0 and "is the address of a live page" in out
