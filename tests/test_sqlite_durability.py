"""A report chibot confirmed on SQLite survives a power cut: commits wait for the disk
(synchronous=FULL) unless the operator chose the faster NORMAL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.app import build_app
from ground.settings import Settings
from storage.db import make_db_engine


def _level(engine) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA synchronous")).scalar_one()


@pytest.mark.parametrize(("chosen", "pragma"), [(None, 2), ("NORMAL", 1), ("FULL", 2)])
def test_the_sqlite_file_waits_for_the_disk_unless_told_otherwise(tmp_path, monkeypatch, chosen, pragma):
    monkeypatch.delenv("SQLITE_SYNCHRONOUS", raising=False)
    if chosen:
        monkeypatch.setenv("SQLITE_SYNCHRONOUS", chosen)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'chibot.db'}", _env_file=None)
    app = build_app(settings)
    try:
        assert _level(app.engine) == pragma  # 2 = FULL, 1 = NORMAL
    finally:
        app.engine.dispose()


def test_an_engine_made_without_settings_is_durable(tmp_path):
    engine = make_db_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert _level(engine) == 2
    engine.dispose()
