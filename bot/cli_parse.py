"""`chibot parse FILE [--json]`: what chibot reads from a directive, without the bot."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bot.cli_common import CliError
from ground.settings import Settings
from services.document_intake import DocumentIn, Refused, ocr_of, read_upload
from services.i18n import t
from services.localtime import format_date
from services.parsing import parse_document


def read_document(path: Path, *, settings: Settings | None = None) -> DocumentIn:
    """The text of a .txt, .docx or PDF file, or of a photo/scan by OCR: by content, not by
    name, with the bot's own upload limit. Anything else is refused in one sentence."""
    if not path.is_file():
        raise CliError(f"no such file: {path}")
    settings = settings or Settings()
    try:
        return read_upload(
            path.read_bytes(), file_name=path.name, max_bytes=settings.max_upload_bytes, ocr=ocr_of(settings)
        )
    except Refused as refused:
        raise CliError(f"{path.name}: {t(cli_language(), refused.key, **refused.params)}") from refused


def parse_command(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="The directive: .txt, .docx, PDF, or a photo/scan (read by OCR).", show_default=False
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help=(
            "Print JSON (keys: doc_type, number, issuer, issued_on, subject, urgent, secret, addressees, signer, "
            "report_fields, deadlines, read_by)."
        ),
    ),
) -> None:
    """Show what chibot extracts from a directive: type, number, subject, marks, deadlines.

    Deadline due times are local (Asia/Ho_Chi_Minh). Use it to check a document before
    registering it in chat. A photo or a scanned PDF is read by Tesseract OCR (read_by: ocr).
    """
    document = read_document(file)
    parsed = parse_document(document.text)
    if as_json:
        typer.echo(json.dumps({**parsed.to_json_dict(), "read_by": document.source}, ensure_ascii=False, indent=2))
        return
    lang = cli_language()
    if document.unreadable_layer:
        typer.echo(t(lang, "parse.unreadable_layer"))
    if document.by_ocr:
        typer.echo(t(lang, "parse.read_by_ocr"))
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


#: The command line is the administrator's tool and speaks one language: English, like its
#: --help, naming the Vietnamese terms chibot shows in chat ("Report (báo cáo)"). What chat
#: users read, and the exported files, follow DEFAULT_LANGUAGE (Vietnamese first).
CLI_LANGUAGE = "en"


#: The language of the terms named next to English words: "secretary (bí thư)", "(chi bộ)".
TERMS_LANGUAGE = "vi"


def cli_language() -> str:
    return CLI_LANGUAGE


def terms_language() -> str:
    return TERMS_LANGUAGE
