"""The real site, built once per test session (strict) into a temporary folder.

KB_ENGINE chooses the engine: `mkdocs` (the default) or `properdocs`, the maintained fork of MkDocs 1.x,
which runs the same hooks, Material and static-i18n (`make test` runs the site and browser tests with
both)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINES = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict"],
    "properdocs": [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
}
_BUILT = {}


def engine() -> str:
    name = os.environ.get("KB_ENGINE", "mkdocs")
    if name not in ENGINES:
        raise AssertionError(f"KB_ENGINE={name!r} is not an engine the tests know — use one of {', '.join(ENGINES)}")
    return name


def build(site_dir: str, name: str, site_url: str | None = None) -> str:
    """site_url: build for another address than mkdocs.yml's (KB_SITE_URL)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"KB_SITE_URL": site_url} if site_url else {}))
    result = subprocess.run(ENGINES[name] + ["--site-dir", site_dir], cwd=ROOT, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise AssertionError(f"strict {name} build of the real site failed:\n" + result.stdout + result.stderr)
    return site_dir


def built_site(tmp_root: str, name: str | None = None, site_url: str | None = None) -> str:
    name = name or engine()
    key = (name, site_url)
    if key not in _BUILT:
        _BUILT[key] = build(os.path.join(tmp_root, f"site-{name}" + ("-elsewhere" if site_url else "")), name, site_url)
    return _BUILT[key]
