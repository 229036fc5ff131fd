"""`chibot parse FILE [--json]`: what chibot reads from a directive, without the bot."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bot.cli_common import CliError
from services.i18n import normalize_language, t
from services.localtime import format_date
from services.parsing import DocumentFormatError, decode_text_file, extract_text_from_docx, parse_document


def read_document(path: Path) -> str:
    """The text of a .txt or .docx file (by content, not by name: a .docx is a zip)."""
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    data = path.read_bytes()
    if data[:2] == b"PK" or path.suffix.lower() == ".docx":
        try:
            return extract_text_from_docx(data)
        except DocumentFormatError as exc:
            raise CliError(f"{path.name}: {exc}") from exc
    return decode_text_file(data)


def parse_command(
    file: Path = typer.Argument(..., metavar="FILE", help="The directive as a .txt or .docx file.", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (keys: doc_type, number, issuer, issued_on, subject, urgent, secret, addressees, signer, report_fields, deadlines)."),
) -> None:
    """Show what chibot extracts from a directive: type, number, subject, marks, deadlines.

    Deadline due times are local (Asia/Ho_Chi_Minh). Use it to check a document before
    registering it in chat.
    """
    parsed = parse_document(read_document(file))
    if as_json:
        typer.echo(json.dumps(parsed.to_json_dict(), ensure_ascii=False, indent=2))
        return
    lang = cli_language()
    rows = [
        ("doc_type", parsed.doc_type),
        ("number", parsed.number),
        ("issuer", parsed.issuer),
        ("issued_on", format_date(parsed.issued_on) if parsed.issued_on else None),
        ("subject", parsed.subject),
        ("urgent", parsed.urgent),
        ("secret", parsed.secret),
        ("addressees", "; ".join(parsed.addressees)),
        ("signer", parsed.signer),
    ]
    for key, value in rows:
        typer.echo(f"{t(lang, 'parse.' + key)}: {value or '—'}")
    if parsed.report_fields:
        typer.echo(t(lang, "parse.report_fields"))
        for item in parsed.report_fields:
            typer.echo(f"  - {item}")
    if not parsed.deadlines:
        typer.echo(t(lang, "parse.no_deadlines"))
        return
    typer.echo(t(lang, "parse.deadlines"))
    for d in parsed.deadlines:
        typer.echo(f"  • {t(lang, 'deadline_kind.' + d.kind)}: {d.shown}    ← «{d.text}»")


def cli_language() -> str:
    """The CLI speaks DEFAULT_LANGUAGE (vi unless set otherwise)."""
    import os

    return normalize_language(os.environ.get("DEFAULT_LANGUAGE"))
