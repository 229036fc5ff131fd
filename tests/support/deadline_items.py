"""A parsed document's deadlines as the parser tests compare them: (kind, due, until, rule),
due and until as "YYYY-MM-DD HH:MM" local time, rule a ``Recurrence`` rule string."""

from __future__ import annotations

from services.parsing import ParsedDocument


def deadline_items(doc: ParsedDocument) -> list[tuple]:
    return [
        (
            d.kind,
            d.due.strftime("%Y-%m-%d %H:%M") if d.due else None,
            d.until.strftime("%Y-%m-%d %H:%M") if d.until else None,
            d.recurrence.to_rule() if d.recurrence else None,
        )
        for d in doc.deadlines
    ]
