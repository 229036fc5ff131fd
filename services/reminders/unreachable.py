"""A secretary blocked the bot: the dispatcher has marked the account unreachable; here the
account's other pending messages are cancelled (no retry storm, no failures piling up) and the
staff of the directive's issuing unit are told once per account (dedupe key)."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from ground.messages import Reply
from services import outbox
from services.i18n import Translator
from storage.queries import reminders as queries

log = logging.getLogger(__name__)


def on_blocked(*, session: Session, account_id: int, assignment_id: int | None, now: datetime) -> int:
    dropped = queries.cancel_pending_for_account(session=session, account_id=account_id, reason="recipient unreachable")
    log.info("account %s unreachable: %s pending messages cancelled", account_id, dropped)
    context = queries.row_context(session=session, assignment_id=assignment_id) if assignment_id else None
    found = queries.account_person(session=session, account_id=account_id)
    if context is None or found is None:
        return 0
    _assignment, directive, unit = context
    queued = 0
    for _person, staff in queries.staff_accounts_with_people(session=session, unit_id=directive.unit_id):
        text = Translator(staff.language)("reminder.unreachable", name=found[1].full_name, unit=unit.name)
        queued += outbox.enqueue(
            session=session,
            account_id=staff.id,
            kind="notice",
            reply=Reply(text=text),
            due_at=now,
            dedupe_key=f"unreachable:{account_id}:{staff.id}",
        )
    return queued
