"""The project's configuration, read from mkdocs.yml without importing MkDocs.

Languages come from the i18n plugin's configuration, never from code: adding a language is a change of
mkdocs.yml and content only.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

import yaml

from . import settings as settings_mod
from .settings import Settings
from .urls import SiteUrls

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TolerantLoader(_Loader):  # type: ignore[misc, valid-type]
    """Reads mkdocs.yml, ignoring MkDocs' own tags (!ENV, !!python/name:…)."""


def _any_tag(loader, suffix, node):
    if suffix == "ENV":   # MkDocs' !ENV VAR or !ENV [VAR, …, default]
        names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else \
            [loader.construct_object(n) for n in node.value]
        default = names.pop() if len(names) > 1 else None
        return next((os.environ[n] for n in names if n in os.environ), default)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool = False
    site_prefix: str = ""  # "" for the default language, "pl/" otherwise
    site_name: str = ""    # the i18n plugin's per-language site_name, else the site's
    site_description: str = ""


@dataclass(frozen=True)
class SiteConfig:
    root: str
    docs_dir: str
    data_dir: str
    languages: tuple[Language, ...]
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    # mkdocs.yml's markdown_extensions as written: names, or {name: options}
    markdown_extensions: tuple = field(default=(), compare=False, hash=False)
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    settings: Settings = field(default_factory=Settings, compare=False, hash=False)   # extra.kb, validated
    urls: SiteUrls = field(default_factory=SiteUrls, compare=False, hash=False)       # the URL style
    problems: tuple = field(default=(), compare=False, hash=False)                     # with the settings

    @property
    def review_months(self) -> int:
        return self.settings.review_months

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def default_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    def prefix(self, code: str) -> str:
        return next(lang.site_prefix for lang in self.languages if lang.code == code)

    def language_name(self, code: str) -> str:
        return next((lang.name for lang in self.languages if lang.code == code), code)

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)


def languages_from_i18n(i18n: dict, site_name: str = "", site_description: str = "") -> tuple[Language, ...]:
    langs = []
    entries = [entry for entry in (i18n.get("languages") or []) if entry.get("locale") != "null"]
    for entry in entries:
        code = str(entry["locale"])
        default = bool(entry.get("default", False))
        langs.append(Language(code=code, name=str(entry.get("name", code)), default=default,
                              site_prefix="" if default else f"{code}/",
                              site_name=str(entry.get("site_name") or site_name),
                              site_description=str(entry.get("site_description") or site_description)))
    if langs and not any(lang.default for lang in langs):
        langs[0] = dataclasses.replace(langs[0], default=True, site_prefix="")
    return tuple(langs)


def from_mapping(cfg: dict, root: str, *, path: str = "mkdocs.yml", line_of=lambda key: 1) -> SiteConfig:
    """Build the configuration from a parsed mkdocs.yml mapping; line_of(setting) finds a line of extra.kb."""
    i18n = {}
    for plugin in cfg.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = plugin["i18n"] or {}
    extra = cfg.get("extra") or {}
    kb_settings, problems = settings_mod.from_mapping(extra.get("kb"), path=path, line_of=line_of)
    return SiteConfig(
        root=root,
        docs_dir=os.path.join(root, cfg.get("docs_dir", "docs")),
        data_dir=os.path.join(root, kb_settings.data_dir),
        languages=languages_from_i18n(i18n, str(cfg.get("site_name") or ""), str(cfg.get("site_description") or "")),
        site_url=str(cfg.get("site_url") or ""),
        repo_url=str(cfg.get("repo_url") or ""),
        edit_uri=str(cfg.get("edit_uri") or ""),
        extra=extra,
        markdown_extensions=tuple(cfg.get("markdown_extensions") or ()),
        settings=kb_settings,
        problems=tuple(problems),
        urls=SiteUrls(directory_urls=bool(cfg.get("use_directory_urls", True))),
    )


def _setting_lines(text: str):
    """line_of(key) for the settings under extra.kb, read from the YAML nodes (1 if not found)."""
    try:
        root = yaml.compose(text, Loader=_TolerantLoader)
    except yaml.YAMLError:
        root = None

    def child(node, name):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if getattr(key, "value", None) == name:
                    return key, value
        return None, None

    _, extra = child(root, "extra")
    kb_key, kb = child(extra, "kb")

    def line_of(key):
        key_node, _ = child(kb, key) if key is not None else (kb_key, None)
        node = key_node or kb_key
        return node.start_mark.line + 1 if node is not None else 1
    return line_of


def load(config_file: str) -> SiteConfig:
    root = os.path.dirname(os.path.abspath(config_file))
    with open(config_file, encoding="utf-8") as fh:
        text = fh.read()
    cfg = yaml.load(text, Loader=_TolerantLoader) or {}
    return from_mapping(cfg, root, path=os.path.relpath(os.path.abspath(config_file), root).replace(os.sep, "/"),
                        line_of=_setting_lines(text))


def for_build(raw: SiteConfig, *, language_links: dict, docs_dir: str, directory_urls: bool, site_url: str,
              repo_url: str, extra: dict) -> SiteConfig:
    """The configuration as a build really uses it: the language prefixes the engine chose (a one-language
    preview, `make serve LANG_ONLY=pl`, builds that language at the root; language_links maps a code to
    its link, e.g. '/pl/'), its folders, addresses and URL style."""
    languages = []
    for lang in raw.languages:
        prefix = (language_links.get(lang.code) or "/" + lang.site_prefix).strip("/")
        languages.append(dataclasses.replace(lang, site_prefix=prefix + "/" if prefix else ""))
    return dataclasses.replace(raw, root=os.path.dirname(os.path.abspath(docs_dir)), docs_dir=docs_dir,
                               urls=SiteUrls(directory_urls=directory_urls), languages=tuple(languages),
                               site_url=site_url, repo_url=repo_url, extra=dict(extra))
