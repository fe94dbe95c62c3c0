"""Load the whole knowledge base once: pages, data, interface strings and generated-page ids."""
from __future__ import annotations

import generated_pages
import registry as registry_mod
import strings as strings_mod
from site_config import SiteConfig


def load(config: SiteConfig):
    """Return (registry, strings). Problems found while reading are in registry.problems."""
    registry = registry_mod.scan(config)
    strings, problems = strings_mod.load(config.data_dir, config.codes, config.default_language)
    registry.problems += problems
    generated_pages.register(registry, strings)
    return registry, strings
