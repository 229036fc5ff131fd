"""Everything a handler gets for one update: the session, the actor, texts, the flow state."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Choice, Incoming, Reply
from handlers.flow_state import FlowPosition, FlowState, ValidationError
from services.i18n import Translator
from storage.queries import audit as audit_queries
from storage.queries import conversation as conv_queries
from storage.queries.conversation import FlowRow

if TYPE_CHECKING:
    from handlers.deps import Deps

FLOW_BUTTON_PREFIX = "f"
S = TypeVar("S", bound=FlowState)


@dataclass
class Context:
    session: Session
    incoming: Incoming
    actor: Actor
    t: Translator
    deps: Deps
    now: datetime
    #: The flow's row as it was when this update arrived (what the user's buttons were made from).
    state: FlowRow | None = None
    notes: list[Reply] = field(default_factory=list)
    #: Where the flow stands now; ``save_flow`` writes it once, after the handler ran.
    flow: FlowPosition | None = field(default=None, init=False)
    #: The nonce of a flow that timed out as this update arrived: a message the outbox sent
    #: meanwhile (a reminder's "2. Đã nhận") was tied to it and is still what the user sees last.
    expired_nonce: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.state is not None:
            data = self.state.data or {}
            self.flow = FlowPosition(
                name=self.state.flow,
                step=self.state.step,
                nonce=str(data.get("_n", "")),
                offered=[list(pair) for pair in data.get("_offered", [])],
                stored=dict(data),
                number_answer=data.get("_num") is not None and data.get("_num") == data.get("_n"),
                options_first=data.get("_numopt") is not None and data.get("_numopt") == data.get("_n"),
            )

    @property
    def lang(self) -> str:
        return self.t.lang

    # ---- conversation flow -------------------------------------------------------------
    @property
    def flow_step(self) -> str:
        """The current flow's step; a flow's own handlers run only inside it."""
        if self.flow is None:
            raise RuntimeError("flow_step outside a flow")
        return self.flow.step

    def flow_data(self, kind: type[S]) -> S:
        """The current flow's state; the same object all through the update."""
        if self.flow is None:
            raise RuntimeError("flow_data outside a flow")
        if not isinstance(self.flow.state, kind):
            self.flow.state = kind.from_data(self.flow.stored)
        return self.flow.state

    def flow_readable(self, kind: type[FlowState]) -> bool:
        """False when the stored state does not fit ``kind`` (saved by an older version)."""
        try:
            self.flow_data(kind)
        except ValidationError:
            return False
        return True

    def flow_start(self, flow: str, step: str, state: FlowState) -> None:
        self.flow = FlowPosition(name=flow, step=step, nonce=_nonce(), state=state, changed=True)

    def flow_goto(self, step: str, state: FlowState | None = None) -> None:
        """Move the current flow to ``step`` (with ``state`` when given; else the one read).

        A new nonce makes the buttons of earlier questions stale.
        """
        if self.flow is None:
            raise RuntimeError("flow_goto outside a flow")
        if state is not None:
            self.flow.state = state
        self.flow.step, self.flow.nonce, self.flow.offered, self.flow.changed = step, _nonce(), [], True
        self.flow.number_answer = self.flow.options_first = False

    def flow_end(self) -> None:
        conv_queries.clear_flow(session=self.session, channel=self.incoming.channel, user_id=self.incoming.user_id)
        self.state = None
        self.flow = None

    def save_flow(self) -> None:
        """Write the flow's row: once per update, however many steps the handler took."""
        flow = self.flow
        if flow is None or not flow.changed:
            return
        data = (
            flow.state.to_data()
            if flow.state is not None
            else {k: v for k, v in flow.stored.items() if not k.startswith("_")}
        )
        data = {
            **data,
            "_n": flow.nonce,
            "_offered": flow.offered,
            "_num": flow.nonce if flow.number_answer else None,
            "_numopt": flow.nonce if flow.number_answer and flow.options_first else None,
        }
        # Over the row read for this update (or a new one once the flow was ended): one statement.
        self.state = conv_queries.write_flow(
            session=self.session,
            row=self.state,
            channel=self.incoming.channel,
            user_id=self.incoming.user_id,
            flow=flow.name,
            step=flow.step,
            data=data,
            now=self.now,
        )
        flow.changed = False

    def flow_button(self, label: str, value: str) -> Choice:
        """A button answering the current question of the current flow.

        The buttons offered are remembered with the state, so a typed answer ("xac nhan" for
        "Xác nhận") still finds its button after a restart and on channels without buttons.
        """
        if self.flow is None:
            raise RuntimeError("flow_button outside a flow")
        if [label, value] not in self.flow.offered:
            self.flow.offered.append([label, value])
            self.flow.changed = True
        return Choice(label=label, data=f"{FLOW_BUTTON_PREFIX}:{self.flow.nonce}:{value}")

    def offered_buttons(self) -> list[Choice]:
        """The buttons the current flow step offered (its menu, when it has to be shown again)."""
        if self.flow is None:
            return []
        return [
            Choice(label=label, data=f"{FLOW_BUTTON_PREFIX}:{self.flow.nonce}:{value}")
            for label, value in self.flow.offered
        ]

    @property
    def flow_nonce(self) -> str | None:
        """The current step's nonce (None outside a flow): a menu shown at another is stale."""
        return self.flow.nonce if self.flow is not None else None

    def expect_number(self, *, options_first: bool = False) -> None:
        """The current step takes a bare number as its answer ("45" people reached), so on a
        channel without buttons "45" goes to the flow instead of naming option 45 of its menu.
        With ``options_first`` (a free-text step, whose menu is only «Bỏ qua» and «Quay lại»),
        a number that names a shown option is that option and any other number is the answer.
        Kept with the step: the next step decides again."""
        if self.flow is None:
            raise RuntimeError("expect_number outside a flow")
        if not self.flow.number_answer or self.flow.options_first != options_first:
            self.flow.number_answer, self.flow.options_first, self.flow.changed = True, options_first, True

    @property
    def number_is_answer(self) -> bool:
        """Any bare number is the step's answer, never an option."""
        return self.flow is not None and self.flow.number_answer and not self.flow.options_first

    @property
    def number_may_be_answer(self) -> bool:
        """A bare number that names no shown option is the step's answer (a free-text step)."""
        return self.flow is not None and self.flow.number_answer and self.flow.options_first

    def offered_choice(self, text: str) -> str | None:
        """The value of the offered button that typed words name, if exactly one does."""
        if self.state is None or not self.state.data.get("_offered") or text.strip().isdigit():
            # Digits are left to the flow: "1" may be an answer ("1 người"), not button 1.
            return None
        from handlers.choice_match import match_choice

        choices = [Choice(label=label, data=value) for label, value in self.state.data["_offered"]]
        found = match_choice(text, choices)
        return found.data if found is not None else None

    # ---- helpers -----------------------------------------------------------------------
    def audit(
        self, action: str, *, unit_id: int | None = None, directive_id: int | None = None, **details: Any
    ) -> None:
        audit_queries.add_audit(
            session=self.session,
            action=action,
            actor_person_id=self.actor.person_id,
            actor_account_id=self.actor.account_id,
            unit_id=unit_id,
            directive_id=directive_id,
            details={"channel": self.incoming.channel, **details},
            at=self.now,
        )

    def reply(
        self, key: str, /, *, choices: list[list[Choice]] | None = None, edit: bool = False, **params: Any
    ) -> Reply:
        return Reply(text=self.t(key, **params), choices=choices or [], edit=edit)


def _nonce() -> str:
    return secrets.token_urlsafe(4)
