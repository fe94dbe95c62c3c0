"""Field values (front matter, data files) are plain text wherever the site prints them.

Composing code never puts a raw field into Markdown or HTML: it passes it through one of these, so a
``<script>`` in a title is shown as the characters ``<script>``, never run. (Page bodies are Markdown and
are judged by safety.py instead.)
"""
from __future__ import annotations

import html as _html
import re

_WHITESPACE = re.compile(r"\s+")
# Characters that start Markdown syntax (links, emphasis, attribute lists, tables, headings, code)
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")   # Python-Markdown's ESCAPED_CHARS
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>()\\`{}|^\[\]]")


def html_text(value) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return _html.escape("" if value is None else str(value), quote=True)


def markdown_text(value) -> str:
    """Text for an inline position in Markdown: one line, no HTML, no Markdown syntax.

    HTML-special characters become entities (so no tag can form), Markdown punctuation is escaped with a
    backslash (so no link, image, emphasis or ``{: attribute list }`` can form), line breaks become spaces
    (so no new block, heading or link definition can start)."""
    text = _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
    return _MARKDOWN_ACTIVE.sub(r"\\\1", _html.escape(text, quote=False))


def web_url(value) -> str:
    """An http(s) address from a field, safe inside Markdown link syntax and HTML attributes; '' otherwise.

    ASCII characters that would end a Markdown link or an attribute (spaces, quotes, parentheses, angle
    brackets, backslashes) are percent-encoded, which leaves the address the same for the server; letters
    such as ł or § stay as they are written."""
    url = "" if value is None else str(value).strip()
    if not re.match(r"^https?://[^/\s]", url, re.I):
        return ""
    return _URL_UNSAFE.sub(lambda m: "%{:02X}".format(ord(m.group(0))), url)


def markdown_link_title(value) -> str:
    """Text for the "title" of a Markdown link: nothing in it can close the title or the link."""
    text = _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
    return (_html.escape(text, quote=True).replace("\\", "&#92;").replace("(", "&#40;").replace(")", "&#41;")
            .replace("[", "&#91;").replace("]", "&#93;").replace("{", "&#123;").replace("}", "&#125;"))
