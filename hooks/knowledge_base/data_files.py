"""Text of the data files the site publishes: JSON, and CSV that Excel opens with ł and ø intact."""
from __future__ import annotations

import csv
import io
import json


def json_text(data) -> str:
    """Compact JSON: these files are read by programs (the case browser, other tools), and without
    indentation Python's C encoder writes them several times faster and the files are a quarter smaller."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    elif isinstance(value, dict):
        value = "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # a spreadsheet would run "=HYPERLINK(…)" or "@SUM(…)" as a formula: an apostrophe makes it text
        return "'" + value
    return value


def csv_text(rows, fields: list[str]) -> str:
    """UTF-8 with a byte-order mark; lists are joined with '; ', dicts as 'key: value; …'."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(fields)
    writer.writerows([_cell(row.get(field)) for field in fields] for row in rows)
    return "\ufeff" + buf.getvalue()
