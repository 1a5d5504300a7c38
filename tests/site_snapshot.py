"""Replay what loading the starter topics wrote, instead of loading them again (test support).

``load_documents`` on the starter topics takes seconds (Wagtail revisions, publishing, the
reference and search indexes), and about two hundred tests start from that site, on each
database. The first such test in a process loads the topics for real, inside its own test
transaction, and records which rows that load deleted and which it wrote, table by table.
Every later test gets the same rows written straight into its transaction (and rolled back
with it, like anything else the test writes): the database holds exactly what the load
would have written. The replay happens only when the tables the load touches hold exactly
what they held before the recorded load; otherwise (another fixture wrote to them first) the
topics are loaded for real again.

Rows are read and written in the engine's own terms, so every value round-trips exactly:
``COPY … TO/FROM STDOUT/STDIN`` in text format on PostgreSQL, plain SELECT and INSERT on
SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

Row = Hashable


@dataclass
class _TableChange:
    before: frozenset[Row]
    removed: list[Row]
    added: list[Row]
    pk_index: int | None  # position of the single-column primary key, None: no such key


@dataclass
class SiteSnapshot:
    """The rows one ``load`` call changed, and a way to write them again."""

    key: Any
    changes: dict[str, _TableChange] = field(default_factory=dict)

    def matches(self) -> bool:
        """The touched tables hold what they held before the recorded load."""
        with connection.cursor() as cursor:
            return all(
                frozenset(_read(cursor, table)) == change.before
                for table, change in self.changes.items()
            )

    def replay(self) -> None:
        with connection.cursor() as cursor:
            for table, change in self.changes.items():
                _delete(cursor, table, change)
            for table, change in self.changes.items():
                _insert(cursor, table, change.added)
                if change.added and change.pk_index is not None:
                    _advance_sequence(cursor, table)


def record(key: Any, load: Callable[[], None]) -> SiteSnapshot:
    """Run ``load`` and return what it changed (call inside a transaction)."""
    with connection.cursor() as cursor:
        tables = _tables(cursor)
        before = {table: _read(cursor, table) for table in tables}
    load()
    snapshot = SiteSnapshot(key)
    with connection.cursor() as cursor:
        for table in tables:
            after = _read(cursor, table)
            old, new = frozenset(before[table]), frozenset(after)
            if old == new and len(after) == len(before[table]):
                continue
            pk_index = _pk_index(cursor, table)
            if pk_index is None or len(old) != len(before[table]) or len(new) != len(after):
                # No single primary key (or duplicate rows): replace the whole table.
                removed, added, pk_index = list(before[table]), list(after), None
            else:
                removed, added = (
                    [r for r in before[table] if r not in new],
                    [r for r in after if r not in old],
                )
            snapshot.changes[table] = _TableChange(old, removed, added, pk_index)
    return snapshot


# --- engine-specific reading and writing ----------------------------------------------------


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _virtual_tables(cursor: Any) -> set[str]:
    """SQLite's virtual tables (FTS5 indexes): read and written through the table itself, by
    rowid, never through the shadow tables that hold the index."""
    if _postgres():
        return set()
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
    return {name for (name,) in cursor.fetchall()}


def _trigger_bodies(cursor: Any) -> list[str]:
    if _postgres():
        cursor.execute("SELECT action_statement FROM information_schema.triggers")
    else:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
    return [body for (body,) in cursor.fetchall()]


def _tables(cursor: Any) -> list[str]:
    """Every table but SQLite's own, the shadow tables of virtual tables, and tables that
    triggers write (the search backend's FTS index follows its entries table by trigger)."""
    virtual = _virtual_tables(cursor)
    triggers = _trigger_bodies(cursor)
    return sorted(
        t
        for t in connection.introspection.table_names(cursor)
        if t != "sqlite_sequence"
        and not any(t.startswith(f"{v}_") for v in virtual)
        and not any(f"INSERT INTO {t}(" in b or f"INSERT INTO {t} " in b for b in triggers)
    )


def _columns(cursor: Any, table: str) -> list[str]:
    names = [c.name for c in connection.introspection.get_table_description(cursor, table)]
    return ["rowid", *names] if table in _virtual_tables(cursor) else names


def _pk_index(cursor: Any, table: str) -> int | None:
    if table in _virtual_tables(cursor):
        return 0  # rowid
    keys = connection.introspection.get_primary_key_columns(cursor, table) or []
    return _columns(cursor, table).index(keys[0]) if len(keys) == 1 else None


def _read(cursor: Any, table: str) -> list[Row]:
    if _postgres():
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        data = bytearray()
        with raw.copy(f"COPY {_q(table)} TO STDOUT") as copy:
            for block in copy:
                data += block
        return [bytes(line) for line in bytes(data).split(b"\n") if line]
    names = ", ".join(c if c == "rowid" else _q(c) for c in _columns(cursor, table))
    cursor.execute(f"SELECT {names} FROM {_q(table)}")
    return [tuple(row) for row in cursor.fetchall()]


def _pk_value(row: Row, pk_index: int) -> Any:
    if _postgres():
        assert isinstance(row, bytes)
        return row.split(b"\t")[pk_index].decode()
    assert isinstance(row, tuple)
    return row[pk_index]


def _delete(cursor: Any, table: str, change: _TableChange) -> None:
    if change.pk_index is None:
        cursor.execute(f"DELETE FROM {_q(table)}")
        return
    if not change.removed:
        return
    pk = _columns(cursor, table)[change.pk_index]
    pk = pk if pk == "rowid" else _q(pk)
    values = [_pk_value(r, change.pk_index) for r in change.removed]
    if _postgres():
        cursor.execute(f"DELETE FROM {_q(table)} WHERE {pk}::text = ANY(%s)", [values])
    else:
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {_q(table)} WHERE {pk} IN ({marks})", chunk)


def _insert(cursor: Any, table: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    if _postgres():
        with cursor.cursor.copy(f"COPY {_q(table)} FROM STDIN") as copy:
            copy.write(b"".join(bytes(r) + b"\n" for r in rows))  # type: ignore[arg-type]
        return
    columns = _columns(cursor, table)
    marks = ", ".join(["%s"] * len(columns))
    names = ", ".join(c if c == "rowid" else _q(c) for c in columns)
    cursor.executemany(f"INSERT INTO {_q(table)} ({names}) VALUES ({marks})", rows)


def _advance_sequence(cursor: Any, table: str) -> None:
    """Rows written with their ids leave PostgreSQL's id sequence behind; move it past them
    (SQLite's AUTOINCREMENT follows on its own)."""
    if not _postgres():
        return
    pk = connection.introspection.get_primary_key_columns(cursor, table)[0]
    cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [_q(table), pk])
    sequence = cursor.fetchone()[0]
    if sequence:
        cursor.execute(f"SELECT setval(%s, (SELECT max({_q(pk)}) FROM {_q(table)}))", [sequence])
