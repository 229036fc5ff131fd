"""Messages that differ from one cell to the next only by the assignment id in their buttons
("Đã nhận" = ``ack:<id>``, "Báo cáo" = ``rep:<id>``): rendered once per distinct text (per
language, deadline, moment …) and pointed at each cell's assignment by a dictionary copy.

Rendering through Fluent is what made publishing to many cells slow (one render per cell and
reminder); a copy of a small dict is a few microseconds."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

#: The assignment id a shared payload is rendered with (real ids start at 1).
PLACEHOLDER = 0
_SUFFIX = f":{PLACEHOLDER}"


def retarget(payload: dict[str, Any], assignment_id: int) -> dict[str, Any]:
    """A copy of ``payload`` (rendered for PLACEHOLDER) whose buttons and reminder facts name
    ``assignment_id``; the text is shared (it never names the assignment)."""
    copy = dict(payload)
    if "choices" in payload:
        copy["choices"] = [
            [
                {**c, "data": c["data"][: -len(_SUFFIX)] + f":{assignment_id}"} if c["data"].endswith(_SUFFIX) else c
                for c in row
            ]
            for row in payload["choices"]
        ]
    if isinstance(payload.get("reminder"), dict):
        copy["reminder"] = {**payload["reminder"], "assignment_id": assignment_id}
    return copy


class PerAssignment:
    """A cache of payloads rendered for PLACEHOLDER, keyed by whatever makes their text differ."""

    def __init__(self) -> None:
        self._rendered: dict[Hashable, dict[str, Any]] = {}

    def payload(self, key: Hashable, assignment_id: int, render: Callable[[int], dict[str, Any]]) -> dict[str, Any]:
        shared = self._rendered.get(key)
        if shared is None:
            shared = self._rendered[key] = render(PLACEHOLDER)
        return retarget(shared, assignment_id)

    def __len__(self) -> int:
        return len(self._rendered)
