"""Text of the data files the site publishes: JSON, and CSV that Excel opens with ł and ø intact."""
from __future__ import annotations

import csv
import io
import json


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_text(rows, fields: list[str]) -> str:
    """UTF-8 with a byte-order mark; lists are joined with '; ', dicts as 'key: value; …'."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else
                         ("; ".join(f"{a}: {b}" for a, b in v.items()) if isinstance(v, dict) else v)
                         for k, v in row.items()})
    return "\ufeff" + buf.getvalue()
