"""The real site, built once per test session (strict) into a temporary folder."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_BUILT = {}


def built_site(tmp_root: str) -> str:
    if "dir" not in _BUILT:
        site_dir = os.path.join(tmp_root, "site")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
                                cwd=ROOT, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise AssertionError("strict build of the real site failed:\n" + result.stdout + result.stderr)
        _BUILT["dir"] = site_dir
    return _BUILT["dir"]
