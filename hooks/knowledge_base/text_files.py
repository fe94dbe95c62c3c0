"""Reading the site's text files (pages, data) without ever crashing on what an editor saved.

Every page and data file is UTF-8. What editors on office PCs sometimes save instead is recognised:

- a UTF-8 byte order mark (BOM) at the start: removed silently (``kb.py fix`` removes it from the file);
- a legacy 8-bit encoding (Windows-1250 or ISO-8859-2 for Polish, Windows-1252 for Norwegian): reported
  with the likely encoding, and ``kb.py fix`` converts the file to UTF-8;
- UTF-16 (Notepad's "Unicode"): reported, and converted by ``kb.py fix``;
- a file with NUL bytes (an image or a document renamed to ``.md``): "this is not a text file".

``walk`` lists the files of a folder as MkDocs sees them (it follows symbolic links to folders), but
reports a symbolic link loop or a dangling link instead of following it or failing on it.
"""
from __future__ import annotations

import errno
import os

from .diagnostics import Problem

BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Legacy encodings that can be told apart, each with the letters text in it is expected to use (the
# encoding's own letters: any other non-ASCII letter or symbol makes the decoding less likely).
_LEGACY = {
    "cp1250": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "iso-8859-2": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "cp1252": "æøåÆØÅéèêëáàâäíìïóòôöúùûüñçÉÈÁÀÄÖÜ",
}
NAMES = {"utf-8": "UTF-8", "cp1250": "Windows-1250", "iso-8859-2": "ISO-8859-2", "cp1252": "Windows-1252",
         "utf-16": "UTF-16"}
# Typographic characters common in any of them; they count neither for nor against an encoding.
_NEUTRAL = set("\u00a0„”“‘’‚–—…«»§°©®™•·×€‰")
_LETTERS = set("".join(_LEGACY.values()))


def _score(text: str, letters: str) -> int | None:
    """How Polish (or Norwegian…) a decoding looks: its own letters minus anything else non-ASCII;
    None when it contains C1 control characters, which no editor writes."""
    good = bad = 0
    for char in text:
        if char < "\x80":
            continue
        if char <= "\x9f":
            return None
        if char in letters:
            good += 1
        elif char not in _NEUTRAL:
            bad += 1
    return good - bad


def _mixed(data: bytes) -> bool:
    """UTF-8 with a few bytes of another encoding pasted in: it has UTF-8 letters too."""
    return any(char in _LETTERS for char in data.decode("utf-8", errors="surrogateescape") if char >= "\x80")


def guess_encoding(data: bytes) -> str | None:
    """The likely encoding of bytes that are not UTF-8, or None when none of the known ones fits (or the
    file is mostly UTF-8 with a few foreign bytes, which no single decoding would repair).

    Windows-1250 and ISO-8859-2 differ in a few letters (ś ź ą Ś Ź Ą): the right one gives Polish letters,
    the wrong one symbols (± ¶ ¬) or C1 control characters. Text whose only non-ASCII letters are the
    ones both share (ł ó ę ć ń ż) reads the same either way; Windows-1250 is chosen.
    """
    if data.startswith(_UTF16_BOMS):
        return "utf-16"
    if _mixed(data):
        return None
    best, best_score = None, 0
    for encoding, letters in _LEGACY.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _score(text, letters)
        if score is not None and score > best_score:
            best, best_score = encoding, score
    return best


def decode(data: bytes) -> tuple[str | None, str | None, bool]:
    """(text, encoding it was read from, whether it had a byte order mark), for ``kb.py fix``.

    text is None for a binary file or an encoding that cannot be recognised."""
    if data.startswith(BOM):
        try:
            return data[len(BOM):].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError:
            return None, None, True
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16", True
        except UnicodeDecodeError:
            return None, None, True
    if b"\x00" in data:
        return None, None, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        encoding = guess_encoding(data)
        return (data.decode(encoding) if encoding else None), encoding, False


def read(full: str, rel: str) -> tuple[str | None, Problem | None]:
    """A text file as a str (a UTF-8 BOM removed, line ends as \\n), or None and the problem that says why not.

    rel is the path shown in messages."""
    try:
        with open(full, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return None, _os_problem(full, rel, exc)
    if data.startswith(BOM):
        data = data[len(BOM):]
    elif data.startswith(_UTF16_BOMS):
        return None, Problem(rel, 1, "the file is not UTF-8 (it is UTF-16, which Notepad calls 'Unicode')", _CONVERT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            return None, _binary(rel)
        if _mixed(data):
            line = data.count(b"\n", 0, exc.start) + 1
            return None, Problem(rel, line, "this line is not UTF-8, although the rest of the file is "
                                 "(text pasted from a file in another encoding)",
                                 "type its accented letters again, and save the file as UTF-8")
        encoding = guess_encoding(data)
        if encoding:
            return None, Problem(rel, 1, f"the file is not UTF-8 (it looks like {NAMES[encoding]})", _CONVERT)
        return None, Problem(rel, 1, "the file is not UTF-8, and its encoding is not one 'kb.py fix' knows",
                             "save it as UTF-8 in your editor")
    if "\x00" in text:
        return None, _binary(rel)
    if "\r" in text:   # as Python's text mode reads it: Windows (CRLF) and old Mac (CR) line ends as \n
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


_CONVERT = "run 'python hooks/kb.py fix' to convert it, or save it as UTF-8 in your editor"


def _binary(rel: str) -> Problem:
    return Problem(rel, 1, "this is not a text file (it contains NUL bytes)",
                   "remove it, or save its text as UTF-8 under this name")


def _os_problem(full: str, rel: str, exc: OSError) -> Problem:
    if exc.errno == errno.ELOOP:
        return Problem(rel, 1, "this is a symbolic link loop", "remove it")
    if os.path.islink(full) and not os.path.exists(full):
        return Problem(rel, 1, f"this is a symbolic link to {os.readlink(full)}, which does not exist",
                       "remove the link, or restore the file it points to")
    if exc.errno == errno.ENOENT:
        return Problem(rel, 1, "the file is missing", f"restore {rel}")
    return Problem(rel, 1, f"the file cannot be read ({exc.strerror or exc})",
                   "check that it is a readable file (its permissions, that it is not a folder)")


def walk(top: str, root: str):
    """Files under top, as (full path, None), folder by folder in name order (a folder's files before its
    subfolders), following symbolic links to folders as MkDocs does; (full path, Problem) for a symbolic
    link loop or a dangling link. Paths in problems are relative to root."""
    def rel(path):
        return os.path.relpath(path, root).replace(os.sep, "/")

    stack = [(top, (os.path.realpath(top),))]
    while stack:
        folder, inside = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, _os_problem(folder, rel(folder), exc)
            continue
        subfolders = []
        for entry in entries:
            link = entry.is_symlink()
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if link and not os.path.exists(entry.path):
                try:
                    os.stat(entry.path)
                except OSError as exc:
                    yield entry.path, _os_problem(entry.path, rel(entry.path), exc)
                continue
            if is_dir:
                real = os.path.realpath(entry.path)
                if link and real in inside:
                    target = rel(real) + "/" if real != os.path.realpath(root) else "the project folder"
                    yield entry.path, Problem(rel(entry.path), 1, f"'{entry.name}' is a symbolic link loop "
                                              f"(it points to {target}, which contains it)", "remove it")
                    continue
                subfolders.append((entry.path, inside + (real,)))
            else:
                yield entry.path, None
        stack.extend(reversed(subfolders))
