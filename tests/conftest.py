import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "hooks"))

import pytest


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Path of the real site, built once with --strict for the whole test run."""
    from site_build import built_site
    return built_site(str(tmp_path_factory.mktemp("real")))


@pytest.fixture(scope="session")
def registry():
    import model
    import site_config
    from site_build import ROOT
    reg, _ = model.load(site_config.load(os.path.join(ROOT, "mkdocs.yml")))
    return reg
