"""A paged checkbox list of units, shared by the flows that choose a directive's recipients.

The candidates and the selection live in the flow's data ("units": [[id, code, name]...],
"selected": [ids], "page": n), so paging and a restart keep what was ticked.
"""

from __future__ import annotations

from typing import Any

from handlers.context import Context
from ground.messages import Reply

PAGE_SIZE = 8


def candidates_data(units: list[Any]) -> list[list[Any]]:
    return [[u.id, u.code, u.name] for u in units]


def page_count(data: dict[str, Any]) -> int:
    return max(1, -(-len(data["units"]) // PAGE_SIZE))


def render(ctx: Context, data: dict[str, Any], *, edit: bool = False) -> Reply:
    page, pages = data.get("page", 0), page_count(data)
    selected = set(data["selected"])
    rows = []
    for unit_id, code, name in data["units"][page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        box = "☑" if unit_id in selected else "☐"
        rows.append([ctx.flow_button(ctx.t("directive.pick.unit", box=box, code=code, name=name), f"t:{unit_id}")])
    nav = []
    if page > 0:
        nav.append(ctx.flow_button(ctx.t("directive.button.prev"), f"p:{page - 1}"))
    if page < pages - 1:
        nav.append(ctx.flow_button(ctx.t("directive.button.next"), f"p:{page + 1}"))
    if nav:
        rows.append(nav)
    rows.append([ctx.flow_button(ctx.t("directive.button.done", count=len(selected)), "done"),
                 ctx.flow_button(ctx.t("directive.button.cancel"), "cancel")])
    text = ctx.t("directive.pick.head", page=page + 1, pages=pages, count=len(selected), examples=example_codes(data))
    return Reply(text=text, choices=rows, edit=edit)


def press(data: dict[str, Any], value: str) -> dict[str, Any] | None:
    """The picker data after a toggle ("t:<id>") or page ("p:<n>") press; None if neither."""
    kind, _, arg = value.partition(":")
    if not arg.isdigit():
        return None
    number = int(arg)
    if kind == "t" and any(u[0] == number for u in data["units"]):
        selected = list(data["selected"])
        selected.remove(number) if number in selected else selected.append(number)
        return {**data, "selected": selected}
    if kind == "p" and 0 <= number < page_count(data):
        return {**data, "page": number}
    return None


def example_codes(data: dict[str, Any]) -> str:
    """Two codes from the user's own list, for "type a code, for example ..."."""
    return ", ".join(code for _id, code, _name in data["units"][:2])


def unknown_codes_reply(ctx: Context, data: dict[str, Any], unknown: list[str]) -> Reply:
    """Codes typed that are not in the list. A bare number is most likely a menu number out
    of range, not a unit code: say so instead of "no unit with code 12"."""
    numbers = [c for c in unknown if c.isdigit()]
    if numbers and len(numbers) == len(unknown):
        return ctx.reply("directive.codes_number", typed=", ".join(numbers), examples=example_codes(data))
    return ctx.reply("directive.codes_unknown", codes=", ".join(unknown), examples=example_codes(data))


def unit_lines(ctx: Context, data: dict[str, Any]) -> str:
    chosen = set(data["selected"])
    return "\n".join(ctx.t("directive.unit_line", code=code, name=name) for uid, code, name in data["units"] if uid in chosen)
