"""The router: commands, button presses and free text go to the right handler.

Every handler is registered in handlers/registry.py; this module only knows how to dispatch.
Authorization happens here, on the server, for every command and every button press: a
handler runs only when the actor holds one of the roles it was registered for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ground.messages import Reply
from handlers.context import FLOW_BUTTON_PREFIX, Context
from handlers.flow_state import FlowState

log = logging.getLogger(__name__)

Handler = Callable[[Context, str], list[Reply]]
"""A command or button handler: gets the context and the argument text (or button args)."""


class Flow(Protocol):
    """A multi-step conversation. Its state (step, answers) lives in the database."""

    # Read-only, so a flow may give them as class variables.
    @property
    def name(self) -> str: ...

    @property
    def roles(self) -> frozenset[str]: ...

    #: The model its state is stored as (handlers/flow_state.py).
    @property
    def state_type(self) -> type[FlowState]: ...

    def on_text(self, ctx: Context, text: str) -> list[Reply]: ...

    def on_button(self, ctx: Context, value: str) -> list[Reply]: ...

    def on_attachment(self, ctx: Context) -> list[Reply]: ...

    def describe(self, ctx: Context) -> str:
        """A few words naming the flow, for "your X was cancelled/expired"."""


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    #: Roles allowed; empty means any registered user.
    roles: frozenset[str]
    #: Locale key of the one-line description shown by /help and in the command menu.
    help_key: str | None
    #: Usable before registration (only /start).
    public: bool = False


@dataclass(frozen=True)
class ButtonAction:
    prefix: str
    handler: Handler
    roles: frozenset[str]


@dataclass
class Router:
    commands: dict[str, Command] = field(default_factory=dict)
    buttons: dict[str, ButtonAction] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    #: Free text outside a flow from a registered user (quick reports hook in here).
    text_handlers: list[Callable[[Context, str], list[Reply] | None]] = field(default_factory=list)
    #: Asked, in order, about a flow's button pressed after its question was answered (the flow
    #: ended or moved on): (ctx, nonce, value) -> what to say, or None ("that button is old").
    #: /broadcast says its message was sent already instead of sending it twice.
    answered_buttons: list[Callable[[Context, str, str], list[Reply] | None]] = field(default_factory=list)

    def command(self, name: str, *, roles: tuple[str, ...] = (), help_key: str | None = None, public: bool = False):
        def register(fn: Handler) -> Handler:
            if name in self.commands:
                raise ValueError(f"command /{name} registered twice")
            self.commands[name] = Command(name, fn, frozenset(roles), help_key, public)
            return fn

        return register

    def button(self, prefix: str, *, roles: tuple[str, ...] = ()):
        def register(fn: Handler) -> Handler:
            if prefix in self.buttons or prefix == FLOW_BUTTON_PREFIX:
                raise ValueError(f"button prefix {prefix!r} taken")
            self.buttons[prefix] = ButtonAction(prefix, fn, frozenset(roles))
            return fn

        return register

    def add_flow(self, flow: Flow) -> None:
        if flow.name in self.flows:
            raise ValueError(f"flow {flow.name} registered twice")
        self.flows[flow.name] = flow

    def add_text_handler(self, fn: Callable[[Context, str], list[Reply] | None]) -> None:
        self.text_handlers.append(fn)

    # ---- queries used by /help and the channels' command menus --------------------------
    def commands_for(self, roles: set[str], *, registered: bool) -> list[Command]:
        found = []
        for cmd in self.commands.values():
            if cmd.help_key is None:
                continue
            if not registered:
                if cmd.public:
                    found.append(cmd)
                continue
            if not cmd.roles or cmd.roles & roles:
                found.append(cmd)
        return found

    def command_menu(self, ctx: Context) -> list[tuple[str, str]]:
        """The chat's command menu (command, description) for the actor's roles, in the actor's
        language now: sent with /start, and again with /lang so the menu follows the language."""
        commands = self.commands_for({r.role for r in ctx.actor.roles}, registered=ctx.actor.registered)
        return [(c.name, ctx.t(c.help_key)) for c in commands if c.help_key]

    @staticmethod
    def allowed(roles: frozenset[str], ctx: Context) -> bool:
        return not roles or ctx.actor.has_role(*roles)
