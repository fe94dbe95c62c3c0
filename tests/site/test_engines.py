"""The second engine: ProperDocs 1.6.7, the maintained fork of MkDocs 1.x, builds the same site with the
same hooks, Material and static-i18n. Its site passes the site contract and is, file for file, the site
MkDocs builds (the generator meta tag and Pagefind's own build-to-build variation aside). The browser tests
run on it too: `make test` runs tests/site and tests/browser a second time with KB_ENGINE=properdocs."""
import os
import re
import subprocess
import sys

from site_build import ROOT, built_site, engine

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def files(top):
    out = set()
    for dirpath, _, names in os.walk(top):
        for name in names:
            out.add(os.path.relpath(os.path.join(dirpath, name), top).replace(os.sep, "/"))
    return out


def test_the_other_engine_builds_the_same_site(site, tmp_path_factory):
    other = "mkdocs" if engine() == "properdocs" else "properdocs"
    second = built_site(str(tmp_path_factory.mktemp(other)), other)
    result = subprocess.run([sys.executable, os.path.join(ROOT, "hooks", "kb.py"), "verify-site", second], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    # Pagefind names its filter, meta and fragment files by hashes that differ between any two builds:
    # those are compared by number per folder, everything else by name and content
    def split(names):
        hashed = {n for n in names if "/pagefind/" in "/" + n and not n.endswith((".js", ".css"))}
        return names - hashed, sorted(os.path.dirname(n) for n in hashed)
    (ours, our_index), (theirs, their_index) = split(files(site)), split(files(second))
    assert ours == theirs, (sorted(ours - theirs)[:10], sorted(theirs - ours)[:10])
    assert our_index == their_index
    differ = []
    for rel in sorted(ours):
        with open(os.path.join(site, rel), "rb") as a, open(os.path.join(second, rel), "rb") as b:
            x, y = a.read(), b.read()
        if rel.endswith(".html"):
            x, y = (GENERATOR.sub("", t.decode("utf-8")) for t in (x, y))
        if x != y:
            differ.append(rel)
    assert differ == [], differ[:20]


def test_properdocs_names_itself_in_its_pages(tmp_path_factory):
    site = built_site(str(tmp_path_factory.mktemp("properdocs")), "properdocs")
    with open(os.path.join(site, "pl", "index.html"), encoding="utf-8") as fh:
        assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs 1\.6\.7', fh.read())
