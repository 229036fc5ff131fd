"""Rendering shared by the adapters: numbered options and splitting at a channel's limit."""

from __future__ import annotations

from bot.channels.text_render import numbered_options, plain_messages, split_text
from ground.messages import Choice

ACTIONS = [Choice("Đã nhận", "ack:1"), Choice("Báo cáo", "rep:1"), Choice("Xem toàn văn", "full:1")]


def test_choices_are_numbered_lines_from_one():
    assert numbered_options(ACTIONS) == "1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn"
    assert numbered_options([]) == ""


def test_split_cuts_at_paragraphs_then_lines_then_words_by_the_measure_given():
    assert split_text("a" * 30 + "\n\n" + "b" * 30 + "\n\n" + "c" * 30, 70) == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30]
    assert split_text("mot hai ba bon", 7) == ["mot hai", "ba bon"]
    # Counting each character as 2 (as a channel counting bytes of a wide encoding would).
    assert split_text("mot hai ba bon", 14, measure=lambda ch: 2) == ["mot hai", "ba bon"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_reply_without_buttons_keeps_its_menu_whole_in_the_last_message():
    assert plain_messages("Văn bản mới: 141", ACTIONS, 2000) == [
        "Văn bản mới: 141\n\n1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn"
    ]
    long_text = "\n".join(["dòng văn bản"] * 200)
    parts = plain_messages(long_text, ACTIONS, 2000)
    assert all(len(p) <= 2000 for p in parts)
    assert parts[-1] == "1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn"
    assert "\n".join(parts[:-1]) == long_text
    assert plain_messages("Chỉ có chữ", [], 2000) == ["Chỉ có chữ"]
