"""A 100,000-character line at every step of every flow (issue 15): answered at once, politely,
within the channel's limits, and the flow goes on from where it was, as if the line had never
come. A line that long is never compared with the choices (handlers/choice_match.py), which
took minutes on 300,000 characters."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ground.messages import Choice
from handlers.choice_match import MAX_CHOICE_CHARS, match_choice
from handlers.invite_flow import MAX_NAME
from storage.tables import Broadcast, ConversationState, Invite, Report
from tests.reliability.limits_check import GENERIC_ERROR, assert_within_limits
from tests.support.report_factories import make_assignment
from tests.test_directives_flow import DOC_141, publish_141

#: One pasted line of words, 100,000 characters.
LONG = ("xin chào đồng chí " * 5_556)[:100_000]

#: Each flow walked step by step: ("send", text) or ("press", label). The long line comes
#: before every step and after the last. "press?": at the audience question, typed words are
#: unit codes, so the long line opens the unit picker itself (saying no unit has those codes).
WALKS = {
    "report": (
        "CB01",
        [("send", "/report"), ("send", "trực tiếp + zalo"), ("send", "45/50"), ("press", "Tốt")]
        + [("press", "Bỏ qua"), ("press", "Bỏ qua"), ("press", "Xác nhận")],
    ),
    "directive_new": (
        "staff",
        [("send", "/new"), ("send", DOC_141), ("press", "Sửa"), ("press", "Số, ký hiệu")]
        + [("send", "142-CV/ĐUK"), ("press", "Xác nhận"), ("press?", "Chọn từng đơn vị"), ("press", "CB01")]
        + [("press", "Xong"), ("press", "Gửi")],
    ),
    "invite": ("staff", [("send", "/invite"), ("send", "CB03"), ("press", "Bí thư")]),
    "broadcast": (
        "staff",
        [("send", "/broadcast"), ("send", "Nhắc báo cáo 141"), ("press", "Tất cả chi bộ")] + [("press", "Gửi")],
    ),
    "directive_deadline": (
        "staff",
        [("send", "/deadline 141"), ("press", "Báo cáo"), ("send", "trước 25/8/2021"), ("press", "Xác nhận")],
    ),
    "directive_recipients": ("staff", [("send", "/recipients 141"), ("press", "CB03"), ("press", "Xong")]),
}
PUBLISHED_FIRST = {"directive_deadline", "directive_recipients"}


def _polite(replies) -> None:  # noqa: ANN001
    assert replies, "no answer"
    for reply in replies:
        assert_within_limits(reply)


@pytest.mark.parametrize("flow", sorted(WALKS))
def test_a_100000_character_line_at_every_step_is_answered_and_changes_nothing(flow, org, app, session):
    who, walk = WALKS[flow]
    if flow in PUBLISHED_FIRST:
        publish_141(org, app)
    if flow == "report":
        make_assignment(app)
    chat = org[who]
    for action, what in walk:
        _polite(chat.send(LONG))
        if action == "send":
            chat.send(what)
        elif action == "press" or any(what in label for label in chat.buttons):
            chat.press(what)
        assert GENERIC_ERROR not in chat.last_text, (flow, what, chat.last_text[:300])
    _polite(chat.send(LONG))
    # The walk went through to its end: what it makes is stored once, from the typed answers.
    session.expire_all()
    if flow == "report":
        assert [(r.reached, r.total) for r in session.exec(select(Report)).all()] == [(45, 50)]
    elif flow == "invite":
        # The name is the one free-text step: the long line is refused whole (never cut into a
        # name nobody typed) and the name is asked again; a real name then makes the invite.
        assert f"tối đa {MAX_NAME} ký tự" in chat.last_text
        chat.send("Lê Văn Dài")
        session.expire_all()
        assert [i.label for i in session.exec(select(Invite)).all() if i.label and i.label.startswith("xin")] == []
        assert "Lê Văn Dài" in [i.label for i in session.exec(select(Invite)).all()]
    elif flow == "broadcast":
        assert [b.text for b in session.exec(select(Broadcast)).all()] == ["Nhắc báo cáo 141"]
    users = [chat.user_id]
    assert session.exec(select(ConversationState).where(ConversationState.user_id.in_(users))).all() == []


def test_a_line_past_the_cap_is_never_matched_against_the_choices():
    choices = [Choice("Xác nhận", "ok"), Choice("Sửa", "edit"), Choice("Hủy", "cancel")]
    assert match_choice("x" * 300_000, choices) is None
    assert match_choice("xác nhận " * 40_000, choices) is None
    # Within the cap the usual matching holds, blanks around a number included.
    assert match_choice(" " * 300 + "2" + " " * 300, choices) == choices[1]
    assert match_choice("xac nhan", choices) == choices[0]
    at_cap = Choice("a" * MAX_CHOICE_CHARS, "long")
    past_cap = Choice("b" * (MAX_CHOICE_CHARS + 1), "longer")
    assert match_choice("a" * MAX_CHOICE_CHARS, [at_cap, *choices]) == at_cap
    assert match_choice("b" * (MAX_CHOICE_CHARS + 1), [past_cap, *choices]) is None
