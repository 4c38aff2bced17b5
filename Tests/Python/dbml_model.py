#!/usr/bin/env python3
"""Parses a DBML file with pydbml (the real parser from PyPI) and prints what it understood as JSON:
tables with columns, settings and indexes, refs with their ends and actions, enums, groups, the project.
Exit 1 with the parser's message when the file does not parse."""
import json
import sys

from pydbml import PyDBML


def text(note):
    return None if note is None else getattr(note, "text", str(note))


def value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return {"expression": getattr(v, "text", str(v))}


def subject(s):
    return s.name if hasattr(s, "name") else {"expression": getattr(s, "text", str(s))}


def end(columns):
    return [[c.table.schema, c.table.name, c.name] for c in columns]


def main(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        db = PyDBML(source)
    except Exception as e:  # pyparsing reports line and column in its message
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    out = {
        "tables": [
            {
                "schema": t.schema,
                "name": t.name,
                "note": text(t.note),
                "header_color": t.header_color,
                "columns": [
                    {
                        "name": c.name,
                        "type": str(c.type),
                        "pk": bool(c.pk),
                        "not_null": bool(c.not_null),
                        "unique": bool(c.unique),
                        "increment": bool(c.autoinc),
                        "default": value(c.default),
                        "note": text(c.note),
                    }
                    for c in t.columns
                ],
                "indexes": [
                    {
                        "subjects": [subject(s) for s in i.subjects],
                        "pk": bool(i.pk),
                        "unique": bool(i.unique),
                        "name": i.name,
                        "note": text(i.note),
                    }
                    for i in t.indexes
                ],
            }
            for t in db.tables
        ],
        "refs": [
            {
                "name": r.name,
                "type": r.type,
                "from": end(r.col1),
                "to": end(r.col2),
                "on_delete": r.on_delete,
                "on_update": r.on_update,
                "comment": r.comment,
            }
            for r in db.refs
        ],
        "enums": [{"schema": e.schema, "name": e.name, "items": [i.name for i in e.items]} for e in db.enums],
        "groups": [{"name": g.name, "items": [[t.schema, t.name] for t in g.items]} for g in db.table_groups],
        "project": None if db.project is None else {"name": db.project.name, "items": db.project.items, "note": text(db.project.note)},
    }
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
