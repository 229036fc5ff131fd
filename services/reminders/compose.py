"""Reminders as they leave: worded for the moment they actually go, and merged per cell.

The planner writes one outbox row per deadline and offset, with the text as planned. When
the dispatcher claims a batch, the reminder rows due for one chat at one moment (two deadlines
of 141 on the same 08:00, or three directives of one cell) become ONE message naming each
deadline, and every "còn …" is counted from now, not from the planned time. Other rows go out
exactly as queued.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ground.clock import Clock
from services.dispatcher import Claim, Outgoing, payload_to_reply
from services.i18n import Translator
from services.reminders import texts

#: Row kinds the composer rewords and merges (planned reminders; not /remind, which staff
#: send on purpose one by one, nor recurring report requests, which have their own time).
MERGED_KINDS = ("reminder",)


def _mergeable(claim: Claim) -> bool:
    return claim.kind in MERGED_KINDS and isinstance(claim.payload.get("reminder"), dict)


def composer(*, clock: Clock, tz: ZoneInfo):  # noqa: ANN201
    """The dispatcher's composer for reminders (see the module docstring)."""

    def compose(claims: list[Claim]) -> list[Outgoing]:
        now: datetime = clock.now()
        groups: dict[tuple[str, str], list[Claim]] = {}
        order: list[tuple[str, str] | int] = []
        for index, claim in enumerate(claims):
            if not _mergeable(claim):
                order.append(index)
                continue
            key = (claim.channel, claim.chat_id)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(claim)
        outgoing: list[Outgoing] = []
        for item in order:
            if isinstance(item, int):
                claim = claims[item]
                outgoing.append(Outgoing([claim], payload_to_reply(claim.payload)))
                continue
            group = groups[item]
            t = Translator(group[0].language)
            reply = texts.merged(t, [c.payload["reminder"] for c in group], at=now, tz=tz)
            outgoing.append(Outgoing(group, reply))
        return outgoing

    return compose
