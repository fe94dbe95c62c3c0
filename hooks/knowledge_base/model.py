"""Stage 1, load: the whole knowledge base read once into one complete registry (pages, data, interface
strings, and every generated page declared by id)."""
from __future__ import annotations

import dataclasses
from types import MappingProxyType

from . import checklists
from . import generated_pages
from . import safety
from . import registry as registry_mod
from . import strings as strings_mod
from .site_config import SiteConfig


def load(config: SiteConfig):
    """Return (registry, strings). Problems found while reading are in registry.problems."""
    registry = registry_mod.scan(config)
    strings, problems = strings_mod.load(config.data_dir, config.codes, config.default_language)
    virtual = declare_generated_pages(registry, strings)
    # complete and read-only from here: nothing later adds to it
    return dataclasses.replace(registry, virtual=MappingProxyType(virtual), strings=strings, problems=tuple(
        list(registry.problems) + list(config.problems) + problems + safety.check_strings(strings, safety.renderer(config)))), strings


def declare_generated_pages(registry, strings) -> dict:
    """Make every generated page known by id (generated_pages.SITE_PAGES, one handout per workshop pack, one
    checklist per topic and phase), so that [[glossary]] or [[checklists]] resolve and links are checked."""
    codes, urls, virtual = registry.config.codes, registry.config.urls, {}
    for page in generated_pages.SITE_PAGES:
        virtual[page.id] = registry_mod.Virtual(page.id, page.type, page.base,
                                                {l: strings.for_lang(l)[page.title_key] for l in codes},
                                                page.anchors(registry), urls)
    for workshop in registry.of_type("workshop"):
        virtual[f"{workshop.id}-handout"] = registry_mod.Virtual(
            f"{workshop.id}-handout", "handout", generated_pages.handout_base(workshop.id),
            {l: strings.for_lang(l)["handout_title"].format(title=registry.title(workshop.id, l)) for l in codes},
            {f"part-{n}" for n, _ in generated_pages.handout_parts(registry, workshop)}, urls)
    for coll in checklists.collections(registry, registry.config.default_language):
        anchors = {item.id for _, items in coll["groups"] for item in items} | {g.id for g, _ in coll["groups"]}
        virtual[f"checklists-{coll['slug']}"] = registry_mod.Virtual(
            f"checklists-{coll['slug']}", "checklist", f"checklists/{coll['slug']}.md",
            {l: checklists.checklist_title(coll, l, registry.vocab, strings.for_lang(l)) for l in codes}, anchors, urls)
    return virtual
