"""Shared fixtures. pytest.ini puts tests/ and hooks/ (the knowledge_base package) on the path."""
import os

import pytest


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Path of the real site, built once with --strict for the whole test run."""
    from site_build import built_site
    return built_site(str(tmp_path_factory.mktemp("real")))


@pytest.fixture(scope="session")
def registry():
    from knowledge_base import model
    from knowledge_base import site_config
    from site_build import ROOT
    reg, _ = model.load(site_config.load(os.path.join(ROOT, "mkdocs.yml")))
    return reg
