"""A paged checkbox list of units, shared by the flows that choose a directive's recipients.

The candidates and the selection are part of the flow's state (UnitPicker), so paging and a
restart keep what was ticked.
"""

from __future__ import annotations

from typing import Any

from ground.messages import Reply
from ground.reply_limits import MAX_REPLY_UNITS, fit_lines
from ground.text_limits import cut_list
from handlers.context import Context
from handlers.flow_state import FlowState

PAGE_SIZE = 8


class PickableUnit(FlowState):
    id: int
    code: str
    name: str


class UnitPicker(FlowState):
    units: list[PickableUnit]
    selected: list[int] = []
    page: int = 0

    @classmethod
    def of(cls, units: list[Any], *, selected: list[int] | None = None) -> UnitPicker:
        return cls(
            units=[PickableUnit(id=u.id, code=u.code, name=u.name) for u in units], selected=list(selected or [])
        )

    def page_count(self) -> int:
        return max(1, -(-len(self.units) // PAGE_SIZE))

    def codes(self) -> dict[int, str]:
        return {u.id: u.code for u in self.units}


def render(ctx: Context, picker: UnitPicker, *, edit: bool = False) -> Reply:
    page, pages = picker.page, picker.page_count()
    selected = set(picker.selected)
    rows = []
    for unit in picker.units[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        box = "☑" if unit.id in selected else "☐"
        rows.append(
            [ctx.flow_button(ctx.t("directive.pick.unit", box=box, code=unit.code, name=unit.name), f"t:{unit.id}")]
        )
    nav = []
    if page > 0:
        nav.append(ctx.flow_button(ctx.t("directive.button.prev"), f"p:{page - 1}"))
    if page < pages - 1:
        nav.append(ctx.flow_button(ctx.t("directive.button.next"), f"p:{page + 1}"))
    if nav:
        rows.append(nav)
    rows.append(
        [
            ctx.flow_button(ctx.t("directive.button.done", count=len(selected)), "done"),
            ctx.flow_button(ctx.t("directive.button.cancel"), "cancel"),
        ]
    )
    text = ctx.t("directive.pick.head", page=page + 1, pages=pages, count=len(selected), examples=example_codes(picker))
    return Reply(text=text, choices=rows, edit=edit)


def press(picker: UnitPicker, value: str) -> bool:
    """Apply a toggle ("t:<id>") or page ("p:<n>") press; False if the value is neither."""
    kind, _, arg = value.partition(":")
    if not arg.isdigit():
        return False
    number = int(arg)
    if kind == "t" and any(u.id == number for u in picker.units):
        picker.selected.remove(number) if number in picker.selected else picker.selected.append(number)
        return True
    if kind == "p" and 0 <= number < picker.page_count():
        picker.page = number
        return True
    return False


def example_codes(picker: UnitPicker) -> str:
    """Two codes from the user's own list, for "type a code, for example ..."."""
    return ", ".join(u.code for u in picker.units[:2])


#: How much of a list of typed codes a reply repeats back.
ECHO_LIST = 200


def unknown_codes_reply(ctx: Context, picker: UnitPicker, unknown: list[str]) -> Reply:
    """Codes typed that are not in the list. A bare number is most likely a menu number out
    of range, not a unit code: say so instead of "no unit with code 12"."""
    numbers = [c for c in unknown if c.isdigit()]
    if numbers and len(numbers) == len(unknown):
        return ctx.reply("directive.codes_number", typed=cut_list(numbers, ECHO_LIST), examples=example_codes(picker))
    return ctx.reply("directive.codes_unknown", codes=cut_list(unknown, ECHO_LIST), examples=example_codes(picker))


def already_ticked_reply(ctx: Context, picker: UnitPicker, unit_ids: list[int]) -> Reply | None:
    """Typed codes of units ticked already: typing adds, so say how to take one off instead of
    showing the same list again without a word."""
    ticked = set(picker.selected)
    codes = [code for unit_id, code in picker.codes().items() if unit_id in unit_ids and unit_id in ticked]
    if not codes:
        return None
    return ctx.reply("directive.codes_already", codes=cut_list(codes, ECHO_LIST))


def add(picker: UnitPicker, unit_ids: list[int]) -> None:
    """Tick units named by typed codes, keeping the order they were ticked in."""
    picker.selected = list(dict.fromkeys([*picker.selected, *unit_ids]))


def unit_lines(ctx: Context, picker: UnitPicker, unit_ids: list[int], budget: int = MAX_REPLY_UNITS) -> str:
    """The chosen units one a line, within ``budget`` ("… và N đơn vị khác" past it)."""
    chosen = set(unit_ids)
    lines = [ctx.t("directive.unit_line", code=u.code, name=u.name) for u in picker.units if u.id in chosen]
    return fit_lines(lines, budget, lambda n: ctx.t("reach.more", count=n), head=0)
