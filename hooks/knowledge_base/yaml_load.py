"""YAML of page headers and data files, loaded strictly and never with a traceback.

One loader for front matter and every file in data/:

- libyaml's parser when it is installed (``yaml.CSafeLoader``), PyYAML's safe constructors;
- a key written twice is refused (PyYAML would silently keep the second; here the first is kept):
  ``path:line: duplicate key 'title' (first at line 3) — keep one``;
- anchors and aliases are refused (``&a [...]``, ``*a``): nothing here needs them, and a "billion laughs"
  header grows exponentially once it is copied;
- dates stay text (``2026-11-29``), so that schemas, hashes and JSON see one type; an impossible date
  (``2026-02-30``) is reported instead of raising ValueError;
- keys are text (``NO:`` unquoted is read as the key 'False', as before);
- every YAML error becomes a Problem pointing at its line.

``load_file`` reads a data file (text_files.read), parses it and checks it against its JSON Schema in
``schemas/data/``; schema errors point at the line of the offending value, found from the YAML nodes.
"""
from __future__ import annotations

import functools
import json
import os

import jsonschema
import yaml

from . import text_files
from .diagnostics import Problem, did_you_mean

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"
SCHEMA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas", "data")


class _Stop(Exception):
    """A reason to stop constructing at once (an alias or a merge key), with the node it was found at."""

    def __init__(self, kind: str, node):
        super().__init__(kind)
        self.kind, self.node = kind, node


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]
    def __init__(self, stream):
        super().__init__(stream)
        self.troubles: list = []   # ("duplicate", key node, key, line of the first) or ("date", node)
        self.root = None

    def construct_document(self, node):
        self.root = node
        return super().construct_document(node)


class _AliasCheckingLoader(_StrictLoader):
    """Also refuses aliases: a node constructed a second time is the target of an alias. Used only for
    text containing '&' (without an anchor there can be no alias), which keeps the common case as fast
    as plain PyYAML."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Stop("alias", node)
        return super().construct_object(node, deep)


class _TrackingLoader(_AliasCheckingLoader):
    """Remembers the node being constructed: run again, only after a constructor failed on a value with
    an explicit tag (``!!int abc``), to find that value's line."""

    def construct_object(self, node, deep=False):
        self.current = node
        return super().construct_object(node, deep)


def _failing_node(text: str):
    loader = _TrackingLoader(text)
    loader.current = None
    try:
        loader.get_single_data()
    except Exception:  # noqa: BLE001 - the failure being located
        pass
    finally:
        loader.dispose()
    return loader.current


def _construct_mapping(self, node, deep=False):
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, but found {node.id}",
                                                node.start_mark)
    mapping: dict = {}
    first: dict = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            raise _Stop("merge", key_node)
        key = self.construct_object(key_node, deep=deep)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(None, None, "a key must be a single word or text, not a list or a group",
                                                    key_node.start_mark)
        key = str(key)
        if key in first:   # reported; the first value is kept, so that nothing else is reported about it
            self.troubles.append(("duplicate", key_node, key, first[key]))
            continue
        first[key] = key_node.start_mark.line
        mapping[key] = self.construct_object(value_node, deep=deep)
    return mapping


def _construct_timestamp(self, node):
    try:
        value = yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)
    except (ValueError, OverflowError):
        self.troubles.append(("date", node))
        return str(node.value)
    return value.isoformat()[:10]


_StrictLoader.construct_mapping = _construct_mapping
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _path_to(root, target) -> list:
    """Keys and indexes from the root node to target (found by identity), [] if not found."""
    stack = [(root, [])]
    seen = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(value, path + [str(key.value)]) for key, value in node.value]
            stack += [(key, path) for key, _ in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(value, path + [index]) for index, value in enumerate(node.value)]
    return []


def _first_alias(text: str):
    """(line index, anchor name) of the first alias in text, from libyaml's events."""
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line, event.anchor
    except yaml.YAMLError:
        pass
    return 0, ""


def _error_line(exc: yaml.YAMLError, text: str) -> int:
    """0-based line of a YAML error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line
    position = getattr(exc, "position", None)   # ReaderError: a character YAML does not allow
    if isinstance(position, int):
        return text.count("\n", 0, position)
    return 0


def parse(path: str, text: str, *, first_line: int = 1, where: str = "",
          syntax_fix: str = "check the indentation and quoting") -> tuple[object, object, list[Problem]]:
    """Parse YAML text: (data, root node, problems).

    first_line is the file's line number of the text's first line (2 for a page header); where is added
    to the messages (" in the header"). data is None when the text could not be read at all; with
    duplicate keys or impossible dates it is still returned (the first value of a duplicate key, the date
    as written), and the problems say what is wrong.
    """
    loader = (_AliasCheckingLoader if "&" in text else _StrictLoader)(text)
    try:
        data = loader.get_single_data()
    except _Stop as stop:
        if stop.kind == "merge":
            return None, None, [Problem(path, stop.node.start_mark.line + first_line,
                                        f"YAML merge key '<<'{where} is not supported", "write the fields out in full")]
        line, name = _first_alias(text)
        return None, None, [Problem(path, line + first_line, f"YAML alias '*{name}'{where} is not allowed",
                                    f"write the value out in full instead of repeating '&{name}' (anchors and "
                                    "aliases are not supported)")]
    except yaml.YAMLError as exc:
        what = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "invalid YAML"
        context = getattr(exc, "context", None)
        if context and str(what).startswith("but "):   # "expected a single document …, but found another"
            what = f"{context}, {what}"
        if str(what).startswith("could not determine a constructor for the tag"):
            tag = str(what).split("'")[1].replace("tag:yaml.org,2002:", "!!") if "'" in str(what) else ""
            return None, None, [Problem(path, _error_line(exc, text) + first_line, f"unknown YAML tag '{tag}'{where}",
                                        "remove the tag (YAML tags such as !!python/… are not supported)")]
        if isinstance(exc, yaml.reader.ReaderError):
            syntax_fix = "delete the invisible control character on this line (pasted from another program?)"
        return None, None, [Problem(path, _error_line(exc, text) + first_line, f"YAML syntax error{where}: {what}",
                                    syntax_fix)]
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
        # Only a value with an explicit tag gets here (``!!int abc``, ``!!bool maybe``): implicit values
        # are constructed from what the resolver recognised, and impossible dates are handled above.
        node = _failing_node(text)
        if node is None:
            line, what = 0, f"a value{where} cannot be read ({exc})"
        else:
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            line, what = node.start_mark.line, f"{str(node.value)!r}{where} is not a valid {tag}"
        return None, None, [Problem(path, line + first_line, what, "remove the tag and write the value plainly")]
    except RecursionError:
        return None, None, [Problem(path, first_line, f"the YAML{where} is nested too deeply",
                                    "write it with fewer levels of lists and groups")]
    finally:
        loader.dispose()
    problems = []
    for trouble in loader.troubles:
        if trouble[0] == "duplicate":
            _, node, key, first = trouble
            problems.append(Problem(path, node.start_mark.line + first_line,
                                    f"duplicate key '{key}' (first at line {first + first_line})", "keep one"))
        else:
            node = trouble[1]
            keys = [p for p in _path_to(loader.root, node) if isinstance(p, str)]
            name = f"'{keys[-1]}'" if keys else "this value"
            problems.append(Problem(path, node.start_mark.line + first_line,
                                    f"{name} is not a real date: {node.value}",
                                    "write the date as YYYY-MM-DD"))
    return data, loader.root, sorted(problems, key=lambda p: p.line)


# Data files ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _validator(name: str):
    with open(os.path.join(SCHEMA_DIR, f"{name}.json"), encoding="utf-8") as fh:
        return jsonschema.Draft202012Validator(json.load(fh))


def node_at(root, path) -> object:
    """The deepest node of root along path (keys and indexes), for the line of a message."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if str(k.value) == str(step)), None)
            if found is None:
                break
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return node


def key_node_at(root, path):
    """The node of the last key of path (its line is the line of 'key:'), or the value's node."""
    if path:
        parent = node_at(root, path[:-1])
        if isinstance(parent, yaml.MappingNode):
            for key, _ in parent.value:
                if str(key.value) == str(path[-1]):
                    return key
    return node_at(root, path)


def line_of(root, path, first_line: int = 1) -> int:
    if root is None:
        return first_line
    return key_node_at(root, list(path)).start_mark.line + first_line


_KINDS = {"object": "a group of 'key: value' lines", "array": "a list ('- item' lines or [a, b])",
          "string": "text", "integer": "a whole number", "number": "a number", "null": "empty",
          "boolean": "true or false"}


def _kind(value) -> str:
    if isinstance(value, dict):
        return _KINDS["object"]
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return repr(value).lower()
    return repr(value)


def schema_problems(path: str, data, root, schema: str, describe=None) -> list[Problem]:
    """Problems of data against schemas/data/<schema>.json, one per error, at the line of the value.

    The "description" of the failing part of the schema, when it has one, is the fix. describe(data,
    path), when given, names a place in the file for readers ("glossary term 'x': 'term'"); by default
    it is the quoted dotted path ('topics.participation')."""
    problems = []
    for error in sorted(_validator(schema).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        where = list(error.absolute_path)
        named = (describe(data, where) if describe and where else "") or \
            ("'" + ".".join(str(p) for p in where) + "'" if where else "")
        line = line_of(root, where)
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        if error.validator == "type":
            expected = error.validator_value
            expected = [expected] if isinstance(expected, str) else expected
            text = " or ".join(_KINDS.get(e, e) for e in expected)
            subject = named or "the file"
            problems.append(Problem(path, line, f"{subject} must be {text}, not {_kind(error.instance)}",
                                    hint or f"write {text}"))
        elif error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            problems.append(Problem(path, line, f"missing '{missing}'" + (f" in {named}" if named else ""),
                                    hint or f"add '{missing}: …'"))
        elif error.validator == "additionalProperties":
            extra = error.message.split("'")[1] if "'" in error.message else error.message
            line = line_of(root, where + [extra])
            allowed = sorted((error.schema.get("properties") or {}).keys())
            problems.append(Problem(path, line, f"unknown field '{extra}'" + (f" in {named}" if named else ""),
                                    did_you_mean(extra, allowed, what="fields")))
        else:
            problems.append(Problem(path, line, f"{named or 'the file'}: {error.message}",
                                    hint or "see the comments at the top of the file"))
    return problems


class Loaded:
    """A data file as read: data (None when unusable), its root node, problems, and whether it exists."""

    def __init__(self, data, root, problems, exists: bool = True):
        self.data, self.root, self.problems, self.exists = data, root, problems, exists

    def line(self, *path) -> int:
        return line_of(self.root, path)


def load_file(full: str, rel: str, schema: str | None = None, describe=None) -> Loaded:
    """Read, parse and check one data file. data is None when the file is missing, unreadable, not YAML,
    or of the wrong shape (then problems say why; a missing file has exists=False and no problem, the
    caller decides whether that is one)."""
    if not os.path.lexists(full):
        return Loaded(None, None, [], exists=False)
    text, problem = text_files.read(full, rel)
    if problem:
        return Loaded(None, None, [problem])
    data, root, problems = parse(rel, text)
    if data is None and root is None and problems:
        return Loaded(None, None, problems)
    if schema:
        problems += schema_problems(rel, data, root, schema, describe)
    return Loaded(data, root, problems)


def missing(rel: str, what: str) -> Problem:
    """A data file that is not there: one problem, with the way to get it back."""
    return Problem(rel, 1, f"the {what} file is missing", f"restore {rel} (e.g. 'git checkout -- {rel}')")
