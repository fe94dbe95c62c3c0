"""Page bodies rendered to HTML with the site's own Markdown extensions, outside MkDocs.

`kb.py check` uses it to judge raw HTML as the browser will see it (safety.py), so that the check refuses
exactly what the build would publish.
"""
from __future__ import annotations

import markdown


def _extensions(configured) -> tuple[list, dict]:
    names, options = [], {}
    for entry in configured:
        if isinstance(entry, dict):
            for name, opts in entry.items():
                names.append(name)
                if opts:
                    options[name] = dict(opts)
        else:
            names.append(str(entry))
    return names, options


class Renderer:
    """render(markdown_text) -> HTML, with one Markdown instance reused (reset between pages)."""

    def __init__(self, configured_extensions):
        names, options = _extensions(configured_extensions)
        self._md = markdown.Markdown(extensions=names, extension_configs=options, output_format="html")

    def __call__(self, text: str) -> str:
        return self._md.reset().convert(text)
