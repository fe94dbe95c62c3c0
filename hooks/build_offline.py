#!/usr/bin/env python3
"""Build the offline copy: all languages, usable from file:// (no server), zipped into dist/.

    python hooks/build_offline.py [--out dist]

The copy uses Material's offline plugin (after static-i18n) and Material's own search, because Pagefind
cannot load from file://. The iframe-worker polyfill that the offline plugin would fetch from a CDN is
vendored in overrides/assets/javascripts/vendor/. The copy carries the same Content-Security-Policy as
the site online (a copy handed round on a USB stick deserves the same protection).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

import yaml  # noqa: E402

from knowledge_base import site_config  # noqa: E402

SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
ZIP_NAME = "knowledge-base-offline.zip"


def offline_config(cfg: dict, root: str = ROOT) -> dict:
    """The project's configuration, changed for a file:// copy."""
    cfg = dict(cfg)
    cfg["docs_dir"] = os.path.join(root, cfg.get("docs_dir", "docs"))
    cfg["theme"] = dict(cfg["theme"], custom_dir=os.path.join(root, cfg["theme"].get("custom_dir", "overrides")))
    cfg["hooks"] = [os.path.join(root, h) for h in cfg.get("hooks", [])]
    cfg["site_url"] = ""
    cfg["use_directory_urls"] = False   # what the offline plugin sets anyway; said here for kb.py verify-site
    extra = dict(cfg.get("extra") or {})
    extra["polyfills"] = [SHIM]
    extra["kb"] = dict(extra.get("kb") or {}, search="material",
                       data_dir=os.path.join(root, (extra.get("kb") or {}).get("data_dir", "data")))
    cfg["extra"] = extra
    plugins = []
    for plugin in cfg.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugins.append({"search": {"lang": ["en"], "pipeline": ["trimmer"]}})
            plugins.append({"i18n": dict(plugin["i18n"], reconfigure_search=True)})
        else:
            plugins.append(plugin)
    plugins.append("offline")
    cfg["plugins"] = plugins
    return cfg


def build(out_dir: str, root: str = ROOT) -> str:
    """Build the project in root into out_dir/knowledge-base/ and zip it; returns the zip's path."""
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as fh:
        cfg = yaml.load(fh, Loader=site_config._TolerantLoader)
    os.makedirs(out_dir, exist_ok=True)
    config_path = os.path.join(out_dir, "mkdocs.offline.yml")
    with open(config_path, "w", encoding="utf-8") as fh:
        yaml.safe_dump(offline_config(cfg, root), fh, allow_unicode=True, sort_keys=False)
    site_dir = os.path.join(out_dir, "knowledge-base")
    shutil.rmtree(site_dir, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_path, "-d", site_dir],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(result.returncode)
    with open(os.path.join(site_dir, "README.txt"), "w", encoding="utf-8") as fh:
        fh.write("Open index.html in a web browser (English); pl/index.html (Polski); nb/index.html (Norsk bokmål).\n")
    zip_path = os.path.join(out_dir, ZIP_NAME)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for dirpath, _, filenames in os.walk(site_dir):
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                zf.write(full, os.path.relpath(full, out_dir))
    return zip_path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"))
    parser.add_argument("--root", default=ROOT, help="the project folder (with mkdocs.yml)")
    args = parser.parse_args(argv)
    path = build(args.out, os.path.abspath(args.root))
    print(f"{os.path.relpath(path)}: {os.path.getsize(path) // 1024} KB — unzip it and open knowledge-base/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
