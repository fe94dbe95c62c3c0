"""kb.py stage: the knowledge base as a build stage of its own, from the same pipeline as the hooks.

Its published files are byte for byte those of the MkDocs build; its Markdown, rendered with nothing but
Python-Markdown and the site's extensions, holds every page's anchors and checklist items."""
import json
import os
import re
import subprocess
import sys

import pytest

from site_build import ROOT


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("stage") / "stage")
    result = subprocess.run([sys.executable, os.path.join(ROOT, "hooks", "kb.py"), "stage", out], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(os.path.join(out, "stage.json"), encoding="utf-8") as fh:
        return out, json.load(fh)


def walk(top):
    for dirpath, _, names in os.walk(top):
        for name in names:
            yield os.path.relpath(os.path.join(dirpath, name), top).replace(os.sep, "/")


def test_the_stage_has_every_page_in_every_language(staged, registry):
    out, manifest = staged
    codes = registry.config.codes
    assert [l["code"] for l in manifest["languages"]] == list(codes)
    for lang in manifest["languages"]:
        folder = os.path.join(out, lang["folder"])
        for base in registry.by_base:
            assert os.path.exists(os.path.join(folder, base)), (lang["code"], base)
        for virtual in registry.virtual.values():
            assert os.path.exists(os.path.join(folder, virtual.base)), (lang["code"], virtual.id)
        assert lang["pages"] == len(registry.by_base) + len(registry.virtual)
        assert os.path.exists(os.path.join(folder, "assets", "stylesheets", "kb.css"))


def test_the_stage_leaves_nothing_for_an_engine_to_resolve(staged):
    out, manifest = staged
    for lang in manifest["languages"]:
        folder = os.path.join(out, lang["folder"])
        for rel in walk(folder):
            if not rel.endswith(".md"):
                continue
            with open(os.path.join(folder, rel), encoding="utf-8") as fh:
                text = fh.read()
            assert "kb-stash" not in text, rel
            assert text.startswith("---\ntitle: "), rel
            prose = re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.S)   # contribute.md shows the syntax in code
            assert not re.search(r"\[\[[a-z]", prose), (lang["code"], rel, re.search(r".{30}\[\[[a-z].{30}", prose))


def test_the_stage_files_are_those_the_build_publishes(staged, site):
    out, manifest = staged
    files = list(walk(os.path.join(out, "files")))
    assert len(files) == sum(l["files"] for l in manifest["languages"]) > 0
    assert any(f.startswith("pl/go/") for f in files) and any(f.startswith("nb/api/") for f in files)
    for rel in files:
        with open(os.path.join(out, "files", rel), "rb") as a, open(os.path.join(site, rel), "rb") as b:
            assert a.read() == b.read(), rel


def test_stage_markdown_renders_the_anchors_and_checklist_items(staged, registry):
    from knowledge_base import markdown_render
    out, _ = staged
    render = markdown_render.Renderer(registry.config.markdown_extensions)
    guides = [p for p in registry.of_type("guide", "pl") if p.checklist]
    assert guides
    for guide in guides[:5]:
        with open(os.path.join(out, "pl", guide.base), encoding="utf-8") as fh:
            text = fh.read()
        html = render(text.split("---\n", 2)[2])
        for anchor in guide.anchors:
            assert f'id="{anchor}"' in html, (guide.base, anchor)
        for item in guide.checklist:
            assert f'data-item="{item.id}"' in html, (guide.base, item.id)
