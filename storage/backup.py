"""An online copy of a SQLite database: sqlite3's backup API, safe while the bot writes.

The backup API copies the database page by page inside SQLite's own locking, so the copy is
one consistent state of the database (a transaction that commits during the copy makes it
start over for the pages it changed), and the bot keeps running. The copy is written next to
the target under a temporary name, checked (``PRAGMA integrity_check``) and only then renamed
into place, so a failed or interrupted backup never leaves a half-written file under the
name the operator asked for.

PostgreSQL has its own tools for this (pg_dump, pg_restore; see the README).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from storage.db import normalize_url


class BackupError(RuntimeError):
    """The backup cannot be made; the message says why in one sentence."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    tables: int


def sqlite_path(url: str) -> Path:
    """The file of a SQLite DATABASE_URL; BackupError for another database or an in-memory one."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            f"`chibot backup` copies SQLite databases; for {parsed.get_backend_name()} use pg_dump (see the README)"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("the database is in memory: there is no file to back up")
    return Path(parsed.database)


def backup_sqlite(url: str, target: Path, *, overwrite: bool = False, pages_per_step: int = 256) -> BackupResult:
    """Copy the SQLite database of ``url`` to ``target`` while it is in use."""
    source_path = sqlite_path(url)
    if not source_path.exists():
        raise BackupError(f"there is no database file at {source_path}")
    target = Path(target)
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; give another file name or --force to replace it")
    if target.resolve() == source_path.resolve():
        raise BackupError("the backup file cannot be the database itself")
    if not target.parent.exists():
        raise BackupError(f"the folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy, pages=pages_per_step)
            # The copy is a plain file, not in WAL mode: one file to keep, nothing beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
            tables = copy.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed: {exc}") from exc
    finally:
        source.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {verdict}")
    os.replace(partial, target)
    return BackupResult(path=target, size=target.stat().st_size, tables=tables)
