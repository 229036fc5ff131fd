"""A flow's state as stored: typed, written once per answer, and a state left by the previous
version (short keys such as "a", "ans") ends politely instead of breaking the chat."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlmodel import select

from storage.tables import AuditEntry, ConversationState, Report
from tests.support.report_factories import make_assignment


@contextmanager
def flow_row_writes(engine) -> Iterator[list[str]]:  # noqa: ANN001
    """The INSERT/UPDATE statements on conversation_state run while the block runs."""
    writes: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        head = statement.lstrip().upper()
        if head.startswith(("INSERT", "UPDATE")) and "CONVERSATION_STATE" in head.split("SET")[0].split("(")[0]:
            writes.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield writes
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def stored_state(session) -> ConversationState | None:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(ConversationState)).first()


def test_each_answer_writes_the_flow_row_once(org, app, engine, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    with flow_row_writes(engine) as writes:
        cb01.press_data(f"rep:{aid}")
    assert "Hình thức quán triệt?" in cb01.last_text and len(writes) == 1
    cb01.press("Hội nghị trực tiếp")
    cb01.press("Xong")
    # A wrong answer asks the same question again: nothing about the flow changed.
    with flow_row_writes(engine) as writes:
        cb01.send("abc")
    assert "cần một số nguyên" in cb01.last_text and writes == []
    # An answer that moves two steps (the total came with "45/50") and offers new buttons.
    with flow_row_writes(engine) as writes:
        cb01.send("45/50")
    assert "Nhận thức" in cb01.last_text and len(writes) == 1


def test_the_stored_state_uses_full_names(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.press("Hội nghị trực tiếp")
    cb01.press("Xong")
    state = stored_state(session)
    assert state.step == "reached"
    # The item the report answers: the directive's one-off report deadline, by its id.
    assert re.fullmatch(r"d\d+", state.data["item"])
    assert {k: v for k, v in state.data.items() if not k.startswith("_")} == {
        "assignment_id": aid,
        "item": state.data["item"],
        "items": [],
        "answers": {"formats": {"values": ["truc_tiep"], "other": None}},
        "history": ["formats"],
        "pending_percent": None,
        "quick": False,
        "on_behalf": False,
        "selected": [],
        "editing": False,
        "unplaced_text": None,
        "other_asked": None,
        "zero_confirmed": False,
        "zero_after": None,
        "zero_filled": [],
    }


def _old_report_row(session, aid: int) -> None:  # noqa: ANN001
    """What the version before typed states left in the table mid-report."""
    session.add(
        ConversationState(
            channel="console",
            user_id="u-cb01",
            flow="report",
            step="reached",
            data={
                "a": aid,
                "ans": {"formats": {"values": ["zalo"], "other": None}},
                "hist": ["formats"],
                "pp": None,
                "quick": False,
                "beh": False,
                "sel": [],
                "_n": "old1",
                "_offered": [],
            },
        )
    )
    session.commit()


def test_a_report_left_by_the_previous_version_ends_politely(org, app, session):
    aid = make_assignment(app)
    _old_report_row(session, aid)
    cb01 = org["CB01"]
    cb01.send("45/50")
    assert "Chibot vừa được cập nhật nên thao tác gửi báo cáo đang làm dở đã dừng" in cb01.last_text
    assert "Không có gì được lưu" in cb01.last_text
    assert stored_state(session) is None
    assert session.exec(select(Report)).all() == []
    # The secretary starts again and the report works as usual.
    cb01.press_data(f"rep:{aid}")
    assert "Hình thức quán triệt?" in cb01.last_text


def test_an_old_button_after_the_upgrade_is_answered_too(org, app, session):
    aid = make_assignment(app)
    _old_report_row(session, aid)
    cb01 = org["CB01"]
    cb01.press_data("f:old1:o:tot")
    assert "Chibot vừa được cập nhật" in cb01.last_text and "Nút này đã cũ" in cb01.last_text
    assert stored_state(session) is None


def test_an_old_state_whose_keys_still_fit_goes_on(org, session):
    # The invite flow had no short keys: an invite begun before the upgrade goes on.
    session.add(
        ConversationState(
            channel="console", user_id="u-staff", flow="invite", step="unit", data={"_n": "old2", "_offered": []}
        )
    )
    session.commit()
    staff = org["staff"]
    staff.send("CB02")
    assert "Chibot vừa được cập nhật" not in staff.last_text and "vai trò nào" in staff.last_text
    staff.press("bí thư")
    assert stored_state(session).step == "name" and stored_state(session).data["role"] == "secretary"


def test_a_forged_state_is_not_trusted(org, app, session):
    # A state that does not fit (a string where the assignment id goes) is not half-read.
    aid = make_assignment(app)
    session.add(
        ConversationState(
            channel="console",
            user_id="u-cb01",
            flow="report",
            step="_summary",
            data={"assignment_id": "một", "answers": {}, "_n": "old3"},
        )
    )
    session.commit()
    cb01 = org["CB01"]
    cb01.press_data("f:old3:ok")
    assert "Chibot vừa được cập nhật" in cb01.last_text
    assert session.exec(select(Report)).all() == [] and stored_state(session) is None
    assert aid and not session.exec(select(AuditEntry).where(AuditEntry.action == "report")).all()
