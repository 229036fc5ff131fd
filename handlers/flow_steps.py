"""A flow read like a table: each step says what it does with typed text, a button, a file.

    def steps(self) -> dict[str, Step]:
        return {
            "unit": Step(text=self._got_unit),
            "role": Step(button=self._chose_role),
        }

A handler gets the context, the flow's typed state and the text or button value. What a step
has no handler for gets the flow's ``otherwise`` answer. ``steps`` is built on each call so a
handler is looked up by name when it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from ground.messages import Reply
from handlers.context import Context
from handlers.flow_state import FlowState

S = TypeVar("S", bound=FlowState)
StepHandler = Callable[..., list[Reply]]


@dataclass(frozen=True)
class Step:
    text: StepHandler | None = None
    button: StepHandler | None = None
    attachment: StepHandler | None = None


class StepFlow(Generic[S]):
    name: ClassVar[str]
    roles: ClassVar[frozenset[str]]
    state_type: ClassVar[type[FlowState]]
    #: Locale key of the answer to an input the current step does not take.
    otherwise: ClassVar[dict[str, str]] = {
        "text": "directive.use_buttons",
        "button": "button.stale",
        "attachment": "input.text_expected",
    }

    def steps(self) -> dict[str, Step]:
        raise NotImplementedError

    def step(self, ctx: Context) -> Step | None:
        return self.steps().get(ctx.flow_step)

    def state(self, ctx: Context) -> S:
        return ctx.flow_data(self.state_type)  # type: ignore[return-value]

    def on_text(self, ctx: Context, text: str) -> list[Reply]:
        return self.run(ctx, "text", text)

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        return self.run(ctx, "button", value)

    def on_attachment(self, ctx: Context) -> list[Reply]:
        return self.run(ctx, "attachment")

    def run(self, ctx: Context, kind: str, *args: Any) -> list[Reply]:
        step = self.step(ctx)
        handler = getattr(step, kind) if step is not None else None
        if handler is None:
            return self.unexpected(ctx, kind)
        return handler(ctx, self.state(ctx), *args)

    def unexpected(self, ctx: Context, kind: str) -> list[Reply]:
        return [ctx.reply(self.otherwise[kind])]
