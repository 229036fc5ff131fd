"""Staff during a report storm: reports that come faster than about one a minute reach each
staff member as one gathered message with the running total, not one message each."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from storage.tables import Assignment, OutboxMessage
from tests.support.chat import Chat, advance, deliver
from tests.support.report_factories import make_assignment


def report(chat: Chat, assignment_id: int, counts: str = "45/50") -> None:
    chat.press_data(f"rep:{assignment_id}")
    chat.send("trực tiếp + zalo")
    chat.send(counts)
    chat.press("Tốt")
    chat.press("Bỏ qua")
    chat.press("Bỏ qua")
    chat.press("Xác nhận")
    assert "Cảm ơn đồng chí" in chat.last_text


def assign(app, cells: list[str]) -> list[int]:  # noqa: ANN001
    first = make_assignment(app, cell=cells[0])
    with app.engine.connect() as connection:
        directive_id = connection.execute(select(Assignment.directive_id).where(Assignment.id == first)).scalar_one()
    return [first] + [make_assignment(app, cell=cell, directive_id=directive_id) for cell in cells[1:]]


def queued_to_staff(session) -> list[OutboxMessage]:  # noqa: ANN001
    session.expire_all()
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "report")).all()
    return [r for r in rows if r.status == "pending" and r.account_id == staff_account(session)]


def staff_account(session) -> int:  # noqa: ANN001
    from storage.tables import ChatAccount

    return session.exec(select(ChatAccount.id).where(ChatAccount.external_user_id == "u-staff")).one()


def test_reports_within_a_minute_reach_staff_as_one_message_with_the_running_total(org, app, clock, session, outbox):
    ids = assign(app, ["CB01", "CB02", "CB03", "CB04", "CB05"])
    report(org["CB01"], ids[0])
    deliver(app)
    [first] = outbox.texts_to("u-staff")
    assert "Chi bộ Văn phòng đã báo cáo 141-CV/ĐUK" in first and "45/50 (90%)" in first

    # Three more cells report seconds later: one message is queued for staff, not three.
    for cell, aid in zip(["CB02", "CB03", "CB04"], ids[1:4], strict=True):
        report(org[cell], aid)
    assert len(queued_to_staff(session)) == 1
    deliver(app)
    assert len(outbox.texts_to("u-staff")) == 1  # it waits a minute after the last one went

    advance(app, clock, timedelta(seconds=61))
    texts = outbox.texts_to("u-staff")
    assert len(texts) == 2
    assert texts[1] == (
        "3 đơn vị vừa báo cáo 141-CV/ĐUK: Chi bộ Ban Tuyên giáo, Chi bộ Ban Tổ chức, Chi bộ Ủy ban Kiểm tra.\n"
        "Đến nay 4/5 đơn vị đã báo cáo."
    )
    # The admin of the committee is told the same way, in one message.
    assert len(outbox.texts_to("u-admin")) == 2


def test_a_report_after_a_quiet_minute_is_told_in_full_at_once(org, app, clock, outbox):
    ids = assign(app, ["CB01", "CB02"])
    report(org["CB01"], ids[0])
    deliver(app)
    advance(app, clock, timedelta(minutes=5))
    report(org["CB02"], ids[1])
    deliver(app)
    texts = outbox.texts_to("u-staff")
    assert len(texts) == 2
    assert "Chi bộ Ban Tuyên giáo đã báo cáo 141-CV/ĐUK" in texts[1] and "45/50 (90%)" in texts[1]


def test_an_amendment_keeps_its_own_message(org, app, outbox):
    [aid] = assign(app, ["CB01"])
    cb01 = org["CB01"]
    report(cb01, aid)
    report(cb01, aid, counts="47/50")
    deliver(app)
    texts = outbox.texts_to("u-staff")
    assert len(texts) == 2 and "đã sửa báo cáo 141-CV/ĐUK (bản 2)" in texts[1]


def test_a_long_gathering_names_the_first_units_and_counts_the_rest(org, app, clock, session, outbox, monkeypatch):
    import services.reports

    monkeypatch.setattr(services.reports, "GATHER_NAMES", 2)  # fifteen in use; two here
    ids = assign(app, ["CB01", "CB02", "CB03", "CB04", "CB05"])
    report(org["CB01"], ids[0])
    deliver(app)
    for cell, aid in zip(["CB02", "CB03", "CB04", "CB05"], ids[1:], strict=True):
        report(org[cell], aid)
    [queued] = queued_to_staff(session)
    # The row keeps the names it shows and the count, not one name per report.
    assert queued.payload["gathered"] == ["Chi bộ Ban Tuyên giáo", "Chi bộ Ban Tổ chức"]
    advance(app, clock, timedelta(seconds=61))
    assert outbox.texts_to("u-staff")[1] == (
        "4 đơn vị vừa báo cáo 141-CV/ĐUK: Chi bộ Ban Tuyên giáo, Chi bộ Ban Tổ chức và 2 đơn vị khác.\n"
        "Đến nay 5/5 đơn vị đã báo cáo."
    )
