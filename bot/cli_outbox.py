"""`chibot outbox`: what waits in the outbox, by channel, and why it failed.

A row for a channel that no running process serves waits (it is never failed for that); this
command is how an operator sees it waiting, and sees it go once the channel runs again.
"""

from __future__ import annotations

from collections import defaultdict

import typer

from bot.cli_common import open_database
from storage.db import session_scope
from storage.queries import outbox as outbox_queries

#: Columns of the table, in order; "pending" includes rows waiting to be retried.
STATUSES = ("pending", "sending", "sent", "failed")
#: Reasons are Bot API descriptions or exception texts; a line shows this much of one.
REASON_WIDTH = 100


def outbox_command(ctx: typer.Context) -> None:
    """Count outbox messages by channel: pending (waiting or to be retried), sending, sent, failed.

    Then the reasons of the pending ones that were tried already and of the failed ones, by
    channel. Messages for a channel that is not running wait and go out when it runs again.
    """
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            rows = outbox_queries.counts_by_channel(session=session)
    finally:
        engine.dispose()
    typer.echo(render(rows))


def render(rows: list[tuple[str, str, str | None, int]]) -> str:
    if not rows:
        return "The outbox is empty."
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    reasons: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for channel, status, error, count in rows:
        counts[channel][status] = counts[channel].get(status, 0) + count
        if status in ("pending", "failed") and error:
            reasons[(status, channel)][_one_line(error)] += count
    width = max(len("channel"), *(len(c) for c in counts))
    lines = ["  ".join([f"{'channel':<{width}}", *(f"{s:>8}" for s in STATUSES)])]
    for channel in sorted(counts):
        lines.append("  ".join([f"{channel:<{width}}", *(f"{counts[channel][s]:>8}" for s in STATUSES)]))
    for status, title in (("pending", "Pending, to be retried, by reason:"), ("failed", "Failed, by reason:")):
        found = sorted(
            (channel, reason, n) for (s, channel), by in reasons.items() if s == status for reason, n in by.items()
        )
        if found:
            lines += ["", title]
            lines += [f"  {channel:<{width}}  {n:>6}  {reason}" for channel, reason, n in found]
    return "\n".join(lines)


def _one_line(reason: str) -> str:
    text = " ".join(reason.split())
    return text if len(text) <= REASON_WIDTH else text[: REASON_WIDTH - 1] + "…"
