"""`chibot parse` names a refused file as it was typed (walk 6, finding 15): every CLI error got
its first letter upper-cased, so "empty.txt" came back as "Error: Empty.txt: The file is empty.\""""

from __future__ import annotations

from typer.testing import CliRunner

from bot.cli import app

runner = CliRunner()


def test_an_empty_file_is_named_as_typed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: empty.txt: The file is empty."


def test_a_sentence_still_starts_with_a_capital(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: No such file: {tmp_path / 'nope.txt'}."
