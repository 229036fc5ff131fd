"""A flow's typed state and where the flow stands during one update.

Each flow declares its state as a FlowState model with full field names; it is stored as JSON
in ConversationState.data next to the menu keys ("_n", "_offered", "_num", "_numopt"), which are not the flow's.
A row written by an older version whose keys no longer fit the model does not validate, and
the core ends that flow politely instead of guessing what the old keys meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

__all__ = ["FlowPosition", "FlowState", "ValidationError", "required"]

T = TypeVar("T")


def required(value: T | None, field_name: str) -> T:
    """A state field an earlier step of the flow always sets; None means a step was skipped."""
    if value is None:
        raise RuntimeError(f"flow state has no {field_name} at this step")
    return value


class FlowState(BaseModel):
    # Unknown keys are refused so a state saved under other names is seen as outdated.
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Self:
        return cls.model_validate({k: v for k, v in data.items() if not k.startswith("_")})

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


@dataclass
class FlowPosition:
    """The flow as this update leaves it; written to its row once, at the end of the update."""

    name: str
    step: str
    #: Changes with every step so the buttons of earlier questions go stale.
    nonce: str
    #: [label, value] of the buttons offered for the current step.
    offered: list[list[str]] = field(default_factory=list)
    #: The stored data, read into the flow's state type when the flow first asks for it.
    stored: dict[str, Any] = field(default_factory=dict)
    state: FlowState | None = None
    changed: bool = False
    #: The step reads a bare number as its answer, not as an option of its menu (expect_number).
    number_answer: bool = False
    #: ...except a number that names an option shown (a free-text step: "1" is «Bỏ qua»).
    options_first: bool = False
