"""Load the whole knowledge base once: pages, data, interface strings and generated-page ids."""
from __future__ import annotations

import os

from . import generated_pages
from . import safety
from . import registry as registry_mod
from . import strings as strings_mod
from .site_config import SiteConfig


def load(config: SiteConfig):
    """Return (registry, strings). Problems found while reading are in registry.problems."""
    registry = registry_mod.scan(config)
    strings, problems = strings_mod.load(config.data_dir, config.codes, config.default_language)
    registry.problems += list(config.problems) + problems + _unsafe_strings(config, strings)
    generated_pages.register(registry, strings)
    return registry, strings


def _unsafe_strings(config: SiteConfig, strings) -> list:
    path = os.path.join(config.data_dir, "strings.yml")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return []   # strings.load reports a missing file
    rel = os.path.relpath(path, config.root).replace(os.sep, "/")
    return safety.check_strings(strings, rel, text, safety.renderer(config))
