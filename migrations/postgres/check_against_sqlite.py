#!/usr/bin/env python3
"""Compares the PostgreSQL schema with the SQLite one, both as the migrations leave them.

Applies migrations/sqlite/*.sql in order to a fresh in-memory SQLite database (each file in one
transaction, as the runner does), reads a PostgreSQL database that has had migrations/postgres
applied (through `psql -At`), and compares, table by table:

  * the table exists (a view stands in for the fts5vocab table search_document_terms);
  * the same column names in the same order (PostgreSQL's added `rowid` and `document` columns
    are left out, and must come after the SQLite columns);
  * the same NOT NULL flags (a PRIMARY KEY column counts as NOT NULL on both sides: PostgreSQL
    implies it, SQLite only enforces it for INTEGER PRIMARY KEY and WITHOUT ROWID tables);
  * the same DEFAULTs (casts such as ::text dropped), PRIMARY KEY columns, UNIQUE column sets,
    FOREIGN KEYs (columns, parent, ON DELETE / ON UPDATE) and number of CHECK constraints;
  * every named SQLite index exists on the same table with the same columns and uniqueness
    (or under the name RENAMED_INDEXES gives);
  * the same rows in every table (the rows the migrations insert; on fresh databases the other
    tables are empty on both sides).

FTS5 and R*Tree shadow tables are skipped. KNOWN_DIFFERENCES lists the deliberate ones.
Prints every difference and exits 1 when there is any, 0 otherwise. Standard library only.

Usage:
  python3 migrations/postgres/check_against_sqlite.py \
      --psql-args "-h /tmp/pgh -p 55439 -U postgres -d DBNAME"
"""

import argparse
import glob
import os
import re
import shlex
import sqlite3
import subprocess
import sys

# SQLite index name -> PostgreSQL index name, for names PostgreSQL could not take.
RENAMED_INDEXES = {}

# Columns PostgreSQL adds at the end of some tables (SQLite's implicit rowid, the FTS tsvector).
ADDED_COLUMNS = {"rowid", "document"}

# (table, what) pairs whose difference is deliberate; see docs/postgres-schema.md.
KNOWN_DIFFERENCES = {
    # The R*Tree's columns are declared without constraints (it stores NULL as 0.0 and refuses
    # min > max by itself); PostgreSQL says NOT NULL (and CHECK (min <= max), which is not
    # compared for virtual tables) instead.
    ("location_geo", "notnull:min_lat"),
    ("location_geo", "notnull:max_lat"),
    ("location_geo", "notnull:min_lon"),
    ("location_geo", "notnull:max_lon"),
}

SHADOW_SUFFIXES = {
    "fts5": ("_data", "_idx", "_content", "_docsize", "_config"),
    "rtree": ("_node", "_rowid", "_parent"),
}

FIELD_SEP = "\x1f"
RECORD_SEP = "\x1e"
NULL_MARK = "\\N(null)"

PG_ON_ACTION = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL",
                "d": "SET DEFAULT"}


class Psql:
    def __init__(self, args):
        self.args = shlex.split(args)

    def rows(self, sql):
        cmd = ["psql", *self.args, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-F", FIELD_SEP,
               "-R", RECORD_SEP, "-P", "null=" + NULL_MARK, "-c", sql]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("psql failed: " + r.stderr.strip() + "\n  query: " + sql)
        out = r.stdout
        if out.endswith("\n"):
            out = out[:-1]
        if out == "":
            return []
        return [[None if f == NULL_MARK else f for f in rec.split(FIELD_SEP)]
                for rec in out.split(RECORD_SEP)]


def sqlite_database(migrations_dir):
    files = sorted(glob.glob(os.path.join(migrations_dir, "[0-9][0-9][0-9][0-9]_*.sql")))
    if not files:
        sys.exit("no migrations in " + migrations_dir)
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    for f in files:
        with open(f, encoding="utf-8") as fh:
            sql = fh.read()
        db.executescript("BEGIN;\n" + sql + "\nCOMMIT;")
    return db, len(files)


def strip_sql_comments(sql):
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        if c == "'":
            j = i + 1
            while j < n:
                if sql[j] == "'" and (j + 1 >= n or sql[j + 1] != "'"):
                    break
                j += 2 if sql[j] == "'" else 1
            out.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def sqlite_tables(db):
    """name -> {'virtual': module or None, 'sql': text}; shadow tables left out."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    tables = {}
    for name, sql in rows:
        m = re.match(r"\s*CREATE\s+VIRTUAL\s+TABLE\s+\S+\s+USING\s+(\w+)", sql or "", re.I)
        tables[name] = {"virtual": m.group(1).lower() if m else None, "sql": sql or ""}
    shadow = set()
    for name, t in tables.items():
        for suffix in SHADOW_SUFFIXES.get(t["virtual"], ()):
            shadow.add(name + suffix)
    return {n: t for n, t in tables.items() if n not in shadow}


def norm_default(text):
    if text is None:
        return None
    t = text.strip()
    while t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    t = re.sub(r"::(text|bigint|integer|double precision|numeric|bytea)\b", "", t)
    t = t.strip()
    while t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    return t


def sqlite_value(v):
    if v is None:
        return None
    if isinstance(v, bytes):
        return "\\x" + v.hex()
    if isinstance(v, float):
        return repr(v)
    return str(v)


def values_equal(s, p):
    if s == p:
        return True
    if s is None or p is None:
        return False
    try:
        return float(s) == float(p)
    except ValueError:
        return False


def quote_ident(name):
    return '"' + name.replace('"', '""') + '"'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--psql-args", required=True,
                    help='connection arguments for psql, e.g. "-h /tmp/pgh -p 55439 -d tilti"')
    ap.add_argument("--sqlite-migrations",
                    default=os.path.join(os.path.dirname(here), "sqlite"),
                    help="directory of the SQLite migrations (default: ../sqlite)")
    ap.add_argument("--schema", default="public", help="PostgreSQL schema (default: public)")
    # "--psql-args '-h …'": argparse would take the value for an option; join the two.
    argv = sys.argv[1:]
    for i, a in enumerate(argv[:-1]):
        if a == "--psql-args":
            argv[i:i + 2] = ["--psql-args=" + argv[i + 1]]
            break
    args = ap.parse_args(argv)

    db, nfiles = sqlite_database(args.sqlite_migrations)
    pg = Psql(args.psql_args)
    schema = args.schema.replace("'", "''")
    diffs = []

    def diff(table, what, message):
        if (table, what) in KNOWN_DIFFERENCES:
            return
        diffs.append(f"{table}: {message}")

    # ---- PostgreSQL catalogue, read once.
    pg_rel = {r[0]: r[1] for r in pg.rows(
        "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE n.nspname = '{schema}' AND c.relkind IN ('r', 'v', 'p')")}
    pg_cols = {}
    for rel, col, notnull, default, generated, identity in pg.rows(
            "SELECT c.relname, a.attname, a.attnotnull, pg_get_expr(d.adbin, d.adrelid), "
            "a.attgenerated, a.attidentity "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            f"WHERE n.nspname = '{schema}' AND c.relkind IN ('r', 'v', 'p') AND a.attnum > 0 "
            "AND NOT a.attisdropped ORDER BY c.relname, a.attnum"):
        pg_cols.setdefault(rel, []).append({
            "name": col, "notnull": notnull == "t",
            "default": None if generated else norm_default(default),
            "identity": identity != ""})
    pg_index = {}
    for name, rel, unique, primary, cols, pred in pg.rows(
            "SELECT i.relname, t.relname, x.indisunique, x.indisprimary, "
            "array_to_string(ARRAY(SELECT CASE WHEN k = 0 THEN '(expr)' ELSE "
            "  (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = k) END "
            "  FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS u(k, o) ORDER BY o), ','), "
            "pg_get_expr(x.indpred, x.indrelid) "
            "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            f"WHERE n.nspname = '{schema}'"):
        pg_index[name] = {"table": rel, "unique": unique == "t", "primary": primary == "t",
                          "columns": cols.split(",") if cols else [], "where": pred}
    pg_fks = {}
    for rel, cols, parent, pcols, ondel, onupd in pg.rows(
            "SELECT t.relname, "
            "array_to_string(ARRAY(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY u(k, o) "
            "  JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k ORDER BY o), ','), "
            "p.relname, "
            "array_to_string(ARRAY(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY u(k, o) "
            "  JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k ORDER BY o), ','), "
            "c.confdeltype, c.confupdtype "
            "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "JOIN pg_class p ON p.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            f"WHERE c.contype = 'f' AND n.nspname = '{schema}'"):
        pg_fks.setdefault(rel, set()).add((cols, parent, pcols, PG_ON_ACTION[ondel],
                                           PG_ON_ACTION[onupd]))
    pg_checks = {}
    for rel, count in pg.rows(
            "SELECT t.relname, count(*) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            f"WHERE c.contype = 'c' AND n.nspname = '{schema}' GROUP BY t.relname"):
        pg_checks[rel] = int(count)

    # ---- Table by table.
    tables = sqlite_tables(db)
    compared_rows = 0
    for table in sorted(tables):
        t = tables[table]
        if table not in pg_rel:
            diff(table, "missing", "missing in PostgreSQL")
            continue
        if t["virtual"] == "fts5vocab" and pg_rel[table] != "v":
            diff(table, "kind", "expected a view for the fts5vocab table")
        qt = quote_ident(table)
        info = db.execute(f"PRAGMA table_xinfo({qt})").fetchall()
        # (cid, name, type, notnull, dflt_value, pk, hidden); hidden columns of virtual tables
        # (FTS5's own table-named column, rank) are not columns one selects.
        s_cols = [r for r in info if r[6] == 0]
        p_all = pg_cols.get(table, [])
        p_cols = [c for c in p_all if not (c["name"] in ADDED_COLUMNS
                                           and c["name"] not in {r[1] for r in s_cols})]
        s_names = [r[1] for r in s_cols]
        p_names = [c["name"] for c in p_cols]
        if s_names != p_names:
            diff(table, "columns", f"columns differ:\n    sqlite:   {s_names}\n"
                                   f"    postgres: {p_names}")
        else:
            added_at = [i for i, c in enumerate(p_all) if c not in p_cols]
            if added_at and min(added_at) < len(p_cols):
                diff(table, "added_order", "added columns (rowid, document) are not last")
        s_pk = [r[1] for r in sorted((r for r in s_cols if r[5] > 0), key=lambda r: r[5])]
        if t["virtual"] == "rtree" and s_cols:
            s_pk = [s_cols[0][1]]  # the R*Tree's first column is its integer key
        for r in s_cols:
            name = r[1]
            p = next((c for c in p_cols if c["name"] == name), None)
            if p is None:
                continue
            s_notnull = bool(r[3]) or name in s_pk
            if pg_rel[table] == "r" and s_notnull != p["notnull"]:
                diff(table, "notnull:" + name,
                     f"column {name}: NOT NULL sqlite={s_notnull} postgres={p['notnull']}")
            s_def = norm_default(r[4])
            if s_def != p["default"] and not (s_def is None and p["identity"]):
                diff(table, "default:" + name,
                     f"column {name}: DEFAULT sqlite={s_def!r} postgres={p['default']!r}")

        p_indexes = {n: i for n, i in pg_index.items() if i["table"] == table}
        p_pk = next((i["columns"] for i in p_indexes.values() if i["primary"]), [])
        if pg_rel[table] == "r" and s_pk != p_pk and not (t["virtual"] == "fts5" and not p_pk):
            diff(table, "primary_key", f"PRIMARY KEY sqlite={s_pk} postgres={p_pk}")

        # UNIQUE constraints: SQLite's automatic unique indexes (origin 'u').
        s_unique = set()
        named = []
        for _, iname, unique, origin, partial in db.execute(f"PRAGMA index_list({qt})"):
            cols = [r[2] for r in db.execute(f"PRAGMA index_info({quote_ident(iname)})")]
            if origin == "u":
                s_unique.add(tuple(cols))
            elif origin == "c":
                named.append((iname, bool(unique), cols, bool(partial)))
        p_unique = {tuple(i["columns"]) for i in p_indexes.values()
                    if i["unique"] and not i["primary"] and i["columns"] != ["rowid"]
                    and i["where"] is None}
        for iname, unique, cols, partial in named:
            if unique and not partial:
                p_unique.discard(tuple(cols))  # compared below as a named index
        if s_unique != p_unique:
            diff(table, "unique", f"UNIQUE sqlite={sorted(s_unique)} postgres={sorted(p_unique)}")

        # Named indexes.
        for iname, unique, cols, partial in named:
            pname = RENAMED_INDEXES.get(iname, iname)
            p = pg_index.get(pname)
            if p is None:
                diff(table, "index:" + iname, f"index {iname} missing in PostgreSQL")
                continue
            if p["table"] != table:
                diff(table, "index:" + iname, f"index {pname} is on {p['table']}")
            if p["columns"] != cols or p["unique"] != unique:
                diff(table, "index:" + iname,
                     f"index {iname}: sqlite {'UNIQUE ' if unique else ''}{cols}, "
                     f"postgres {'UNIQUE ' if p['unique'] else ''}{p['columns']}")
            if partial != (p["where"] is not None):
                diff(table, "index:" + iname, f"index {iname}: partial in one database only")

        # Foreign keys.
        s_fk = {}
        for fid, seq, parent, frm, to, onupd, ondel, match in db.execute(
                f"PRAGMA foreign_key_list({qt})"):
            s_fk.setdefault(fid, {"parent": parent, "from": [], "to": [], "del": ondel,
                                  "upd": onupd})
            s_fk[fid]["from"].append(frm)
            s_fk[fid]["to"].append(to)
        s_fks = set()
        for fk in s_fk.values():
            to = fk["to"]
            if any(x is None for x in to):
                to = [r[1] for r in sorted((r for r in db.execute(
                    f"PRAGMA table_info({quote_ident(fk['parent'])})") if r[5] > 0),
                    key=lambda r: r[5])]
            s_fks.add((",".join(fk["from"]), fk["parent"], ",".join(to), fk["del"], fk["upd"]))
        p_fks = pg_fks.get(table, set())
        for fk in sorted(s_fks - p_fks):
            diff(table, "fk", f"foreign key {fk} missing in PostgreSQL")
        for fk in sorted(p_fks - s_fks):
            diff(table, "fk", f"foreign key {fk} only in PostgreSQL")

        # CHECK constraints (counted: SQLite keeps them only as text).
        if t["virtual"] is None:
            s_checks = len(re.findall(r"\bCHECK\s*\(", strip_sql_comments(t["sql"]), re.I))
            if s_checks != pg_checks.get(table, 0):
                diff(table, "checks", f"CHECK constraints: sqlite {s_checks}, "
                                      f"postgres {pg_checks.get(table, 0)}")

        # Rows.
        if s_names == p_names and s_names:
            col_list = ", ".join(quote_ident(c) for c in s_names)
            s_rows = sorted(tuple(sqlite_value(v) for v in row) for row in
                            db.execute(f"SELECT {col_list} FROM {qt}"))
            p_rows = sorted(tuple(r) for r in pg.rows(
                f"SELECT {col_list} FROM {quote_ident(args.schema)}.{qt}"))
            if len(s_rows) != len(p_rows):
                diff(table, "rows", f"rows: sqlite {len(s_rows)}, postgres {len(p_rows)}")
            else:
                bad = [(a, b) for a, b in zip(s_rows, p_rows)
                       if not all(values_equal(x, y) for x, y in zip(a, b))]
                if bad:
                    diff(table, "rows", f"{len(bad)} rows differ, e.g.\n    sqlite:   {bad[0][0]}"
                                        f"\n    postgres: {bad[0][1]}")
            compared_rows += len(s_rows)

    # Indexes of SQLite named under another table, or tables PostgreSQL has and SQLite has not.
    for rel, kind in sorted(pg_rel.items()):
        if rel not in tables:
            diffs.append(f"{rel}: in PostgreSQL only")

    named_count = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                             "AND name NOT LIKE 'sqlite_autoindex_%'").fetchone()[0]
    if diffs:
        print(f"{len(diffs)} difference(s) between SQLite (0001-{nfiles:04d}) and PostgreSQL:")
        for d in diffs:
            print("  " + d)
        return 1
    print(f"OK: {len(tables)} tables, {named_count} named indexes and {compared_rows} "
          f"migration-inserted rows match (SQLite migrations 0001-{nfiles:04d}).")
    if RENAMED_INDEXES:
        print("Renamed indexes: " + ", ".join(f"{a} -> {b}" for a, b in RENAMED_INDEXES.items()))
    print(f"Known, deliberate differences not reported: {len(KNOWN_DIFFERENCES)} "
          "(KNOWN_DIFFERENCES).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
