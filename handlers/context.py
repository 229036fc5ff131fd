"""Everything a handler gets for one update: the session, the actor, texts, the flow state."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Choice, Incoming, Reply
from services.i18n import Translator
from storage.queries import audit as audit_queries
from storage.queries import conversation as conv_queries
from storage.tables import ConversationState

if TYPE_CHECKING:
    from handlers.deps import Deps

FLOW_BUTTON_PREFIX = "f"


@dataclass
class Context:
    session: Session
    incoming: Incoming
    actor: Actor
    t: Translator
    deps: Deps
    now: datetime
    state: ConversationState | None = None
    #: Set when something was queued in the outbox, so the dispatcher is woken after commit.
    outbox_touched: bool = False
    notes: list[Reply] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.t.lang

    # ---- conversation flow -------------------------------------------------------------
    @property
    def flow_data(self) -> dict[str, Any]:
        return dict(self.state.data) if self.state is not None else {}

    def flow_start(self, flow: str, step: str, data: dict[str, Any] | None = None) -> None:
        self.state = conv_queries.save_state(
            session=self.session,
            channel=self.incoming.channel,
            user_id=self.incoming.user_id,
            flow=flow,
            step=step,
            data={**(data or {}), "_n": _nonce()},
            now=self.now,
        )

    def flow_goto(self, step: str, **updates: Any) -> None:
        """Move the current flow to ``step``, merging ``updates`` into its data.

        A new nonce makes the buttons of earlier questions stale.
        """
        if self.state is None:
            raise RuntimeError("flow_goto outside a flow")
        data = {**self.state.data, **updates, "_n": _nonce(), "_offered": []}
        self.state = conv_queries.save_state(
            session=self.session,
            channel=self.incoming.channel,
            user_id=self.incoming.user_id,
            flow=self.state.flow,
            step=step,
            data=data,
            now=self.now,
        )

    def flow_end(self) -> None:
        conv_queries.clear_state(session=self.session, channel=self.incoming.channel, user_id=self.incoming.user_id)
        self.state = None

    def flow_button(self, label: str, value: str) -> Choice:
        """A button answering the current question of the current flow.

        The buttons offered are remembered with the state, so a typed answer ("xac nhan" for
        "Xác nhận") still finds its button after a restart and on channels without buttons.
        """
        if self.state is None:
            raise RuntimeError("flow_button outside a flow")
        offered = [*self.state.data.get("_offered", []), [label, value]]
        self.state.data = {**self.state.data, "_offered": offered}
        self.session.add(self.state)
        return Choice(label=label, data=f"{FLOW_BUTTON_PREFIX}:{self.state.data['_n']}:{value}")

    def offered_buttons(self) -> list[Choice]:
        """The buttons the current flow step offered (its menu, when it has to be shown again)."""
        if self.state is None:
            return []
        nonce = self.state.data.get("_n")
        # A question asked again at the same step offers its buttons again: each once.
        pairs = dict.fromkeys((label, value) for label, value in self.state.data.get("_offered", []))
        return [Choice(label=label, data=f"{FLOW_BUTTON_PREFIX}:{nonce}:{value}") for label, value in pairs]

    def expect_number(self) -> None:
        """The current step takes a bare number as its answer ("45" people reached), so on a
        channel without buttons "45" goes to the flow instead of naming option 45 of its menu.
        Tied to the step's nonce: the next step decides again."""
        if self.state is None:
            raise RuntimeError("expect_number outside a flow")
        self.state.data = {**self.state.data, "_num": self.state.data.get("_n")}
        self.session.add(self.state)

    @property
    def number_is_answer(self) -> bool:
        return self.state is not None and self.state.data.get("_num") is not None and self.state.data.get("_num") == self.state.data.get("_n")

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
    def audit(self, action: str, *, unit_id: int | None = None, directive_id: int | None = None, **details: Any) -> None:
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

    def reply(self, key: str, /, *, choices: list[list[Choice]] | None = None, edit: bool = False, **params: Any) -> Reply:
        return Reply(text=self.t(key, **params), choices=choices or [], edit=edit)


def _nonce() -> str:
    return secrets.token_urlsafe(4)
