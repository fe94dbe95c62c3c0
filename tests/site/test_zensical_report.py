"""hooks/build_zensical.py: the Zensical report over the stage is a report, never a silent pass. Without
Zensical installed it still writes the table, with every part of the contract that the missing site
lacks; `--require-pass` turns a failed contract into exit 1. (`make engines` runs it with Zensical.)"""
import os
import subprocess
import sys

from site_build import ROOT

SCRIPT = os.path.join(ROOT, "hooks", "build_zensical.py")


def test_the_report_says_what_is_missing_when_no_site_was_built(tmp_path):
    report = tmp_path / "summary.md"
    args = [sys.executable, SCRIPT, "--out", str(tmp_path / "z"), "--bin", str(tmp_path / "no-zensical"),
            "--report", str(report)]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "not run: " in out and "is not installed ('make engines' installs it)" in out
    assert "| every page in every language | **missing**" in out
    assert "| the Content-Security-Policy meta on every HTML page | works |" in out   # no page, nothing to judge
    assert "Verdict: the Zensical-built site **fails" in out
    assert report.read_text(encoding="utf-8") == out
    assert os.path.exists(tmp_path / "z" / "stage" / "stage.json")   # the stage was written all the same
    strict = subprocess.run(args + ["--require-pass"], cwd=ROOT, capture_output=True, text=True)
    assert strict.returncode == 1


def test_the_stage_becomes_the_suffix_layout_zensical_i18n_reads(tmp_path):
    sys.path.insert(0, os.path.join(ROOT, "hooks"))
    import build_zensical
    stage = tmp_path / "stage"
    for lang in ("en", "pl"):
        (stage / lang / "participation").mkdir(parents=True)
        (stage / lang / "participation" / "x.md").write_text(f"# {lang}\n", encoding="utf-8")
        (stage / lang / "assets").mkdir()
        (stage / lang / "assets" / "a.css").write_text(lang, encoding="utf-8")
    manifest = {"languages": [{"code": "en", "folder": "en", "default": True},
                              {"code": "pl", "folder": "pl", "default": False}]}
    docs = tmp_path / "docs"
    build_zensical.suffix_layout(str(stage), manifest, str(docs))
    assert (docs / "participation" / "x.en.md").read_text(encoding="utf-8") == "# en\n"
    assert (docs / "participation" / "x.pl.md").read_text(encoding="utf-8") == "# pl\n"
    assert (docs / "assets" / "a.css").read_text(encoding="utf-8") == "en"
    assert sorted(os.listdir(docs / "participation")) == ["x.en.md", "x.pl.md"]
