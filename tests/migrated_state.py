"""Transactional tests end by putting the test database back as migrations left it.

Django ends each ``transaction=True`` test with ``flush``: it truncates every table, then its
``post_migrate`` handlers create content types and permissions again (one to four seconds a test),
and what data migrations wrote (Wagtail's root page and Site, locales, wagtail-localize's
permission...) is gone for every later test. Here the migrated state is copied once per session
into the schema ``migrated_state`` of the test database; after a transactional test, one query
finds the tables whose rows changed (row count and newest row version per table), and only those
are emptied and, when migrations had filled them, filled again from the copy. Every transactional
test therefore starts from the state the other tests see. Sequences are not reset (as with flush).

Rows are deleted and copied back with ``session_replication_role = replica`` (the tests' database
user is a superuser): no trigger fires, neither foreign-key checks and cascades (every table that
changed gets exactly its migrated rows back, which referred to each other) nor audit history.
"""

from __future__ import annotations

SCHEMA = "migrated_state"
#: Django's record of applied migrations: migrations own it, flush never empties it either.
KEPT = {"django_migrations"}


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def _literal(name):
    return "'" + name.replace("'", "''") + "'"


class MigratedState:
    """The copy of the migrated tables, and each table's mark (rows, newest row version) when the
    database last matched it."""

    def __init__(self, cursor):
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
            "ORDER BY c.relname"
        )
        self.tables = [name for (name,) in cursor.fetchall() if name not in KEPT]
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r'",
            [SCHEMA],
        )
        self.filled = {name for (name,) in cursor.fetchall()}
        cursor.execute(
            "SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
            "AND NOT a.attisdropped AND a.attgenerated = '' "
            "GROUP BY c.relname"
        )
        self.columns = dict(cursor.fetchall())
        self.marks = self._marks(cursor, self.tables)

    @staticmethod
    def take(cursor):
        """Copy every table migrations filled (the database is as migrations left it)."""
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        state = MigratedState(cursor)
        filled = [table for table in state.tables if state.marks[table][0]]
        if filled:
            cursor.execute(
                ";\n".join(f"CREATE TABLE {SCHEMA}.{_quote(t)} AS TABLE public.{_quote(t)}" for t in filled)
            )
        return MigratedState(cursor)

    @staticmethod
    def kept(cursor):
        """Whether this database holds a copy of its migrated state (``restore`` can use it)."""
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [SCHEMA])
        return cursor.fetchone() is not None

    @staticmethod
    def _marks(cursor, tables):
        if not tables:
            return {}
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT {_literal(table)}, count(*), max(xmin::text::bigint) FROM public.{_quote(table)}"  # noqa: S608 - catalog names
                for table in tables
            )
        )
        return {table: (rows, newest) for table, rows, newest in cursor.fetchall()}

    def restore(self, cursor, everything=False):
        """Put back the tables that changed since the last mark (all of them with ``everything``),
        inside the caller's transaction. Returns the tables put back."""
        if everything:
            changed = set(self.tables)
        else:
            changed = {
                table for table, mark in self._marks(cursor, self.tables).items() if mark != self.marks[table]
            }
        if not changed:
            return changed
        statements = ["SET LOCAL session_replication_role = replica"]
        for table in sorted(changed):
            statements.append(f"DELETE FROM public.{_quote(table)}")  # noqa: S608 - catalog names
            if table in self.filled:
                columns = self.columns[table]
                statements.append(
                    f"INSERT INTO public.{_quote(table)} ({columns}) OVERRIDING SYSTEM VALUE "  # noqa: S608 - catalog names
                    f"SELECT {columns} FROM {SCHEMA}.{_quote(table)}"
                )
        statements.append("SET LOCAL session_replication_role = DEFAULT")
        cursor.execute(";\n".join(statements))
        self.marks.update(self._marks(cursor, sorted(changed)))
        return changed
