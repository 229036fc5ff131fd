"""The channel-neutral core: one update in, replies out, one database transaction around it."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from ground.actor import Actor, RoleInUnit
from ground.messages import Incoming, Reply
from ground.ports import capabilities_of
from ground.reply_limits import fit_replies
from ground.text_limits import has_controls, without_controls
from handlers import typed_choice
from handlers.context import FLOW_BUTTON_PREFIX, Context
from handlers.deps import Deps
from handlers.router import Router
from services import chat_menus
from services.i18n import Translator, normalize_language, t
from storage.db import is_disconnect, session_scope, writer_lock
from storage.queries import accounts as account_queries
from storage.queries import conversation as conv_queries

log = logging.getLogger(__name__)

#: What an invite code typed as plain text looks like (so Zalo and console users can paste it).
INVITE_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{6,64}$")
#: SQLite: at most this many waiting updates share one commit (see ``ChibotCore._grouped``).
GROUP_COMMIT_MAX = 16


@dataclass(eq=False)
class _Waiting:
    """An update waiting for SQLite's writer lock, and what became of it."""

    incoming: Incoming
    now: datetime
    done: bool = False
    replies: list[Reply] | None = None
    error: BaseException | None = None


class ChibotCore:
    """Implements ground.ports.ConversationCore."""

    def __init__(self, *, engine: Engine, deps: Deps, router: Router) -> None:
        self.engine = engine
        self.deps = deps
        self.router = router
        # SQLite makes every commit durable with an fsync (3-4 ms here) under its one writer
        # lock; updates that queue for it meanwhile are committed together (``_grouped``).
        self._group_commit = engine.dialect.name == "sqlite"
        self._waiting: list[_Waiting] = []
        self._waiting_guard = threading.Lock()

    # ---- the one entry point ------------------------------------------------------------
    def handle(self, incoming: Incoming) -> list[Reply]:
        now = self.deps.clock.now()
        incoming = without_control_characters(incoming)
        # Whatever this update queues in the outbox wakes the dispatcher once the transaction
        # commits (storage/outbox_wake.py); handlers need not say so.
        # A connection the server dropped (restart, idle timeout) fails the first statement
        # of a transaction that checked it out before the drop: the transaction rolled back
        # whole (the update's claim with it), so it runs once more on a new connection.
        for attempt in (1, 2):
            try:
                replies = self._grouped(incoming, now) if self._group_commit else self._unit_of_work(incoming, now)
            except Exception as exc:
                if attempt == 1 and is_disconnect(exc):
                    log.warning("database connection lost handling update %r; trying once more", _describe(incoming))
                    continue
                log.exception("handler failed for update %r", _describe(incoming))
                lang = normalize_language(incoming.language, self.deps.settings.default_language)
                return [Reply(text=t(lang, "error.generic"))]
            break
        return fit_replies(replies, capabilities_of(incoming.channel))

    def _unit_of_work(self, incoming: Incoming, now: datetime) -> list[Reply]:
        with writer_lock(self.engine), session_scope(self.engine) as session:
            return self._work(session, incoming, now)

    def _work(self, session, incoming: Incoming, now: datetime) -> list[Reply]:  # noqa: ANN001
        """One update inside the open transaction: claimed once, handled, its flow saved."""
        if incoming.update_id is not None and not conv_queries.claim_update(
            session=session, channel=incoming.channel, update_id=incoming.update_id, now=now
        ):
            log.info("update %s/%s already processed; ignored", incoming.channel, incoming.update_id)
            return []
        ctx = self._context(session, incoming, now)
        replies = self._dispatch(ctx)
        ctx.save_flow()
        self._remember_menu(ctx, replies)
        return replies

    def _grouped(self, incoming: Incoming, now: datetime) -> list[Reply]:
        """The unit of work on SQLite, with group commit: the update joins the queue for the
        writer lock; whoever holds the lock carries out every update queued by then (at most
        GROUP_COMMIT_MAX), each in its own SAVEPOINT, and commits once for all. Each update
        is still all or nothing (a failing one rolls back to its savepoint, the others keep
        theirs), and no reply leaves before its update is committed; a storm of updates pays
        one fsync per group instead of one each. Alone, an update is its own group."""
        mine = _Waiting(incoming, now)
        with self._waiting_guard:
            self._waiting.append(mine)
        with writer_lock(self.engine):
            while not mine.done:
                with self._waiting_guard:
                    group = self._waiting[:GROUP_COMMIT_MAX]
                    del self._waiting[:GROUP_COMMIT_MAX]
                self._commit_group(group)
        if mine.error is not None:
            raise mine.error
        return mine.replies or []

    def _commit_group(self, group: list[_Waiting]) -> None:
        """Carry out ``group`` in one transaction (see ``_grouped``); the writer lock is held."""
        try:
            with session_scope(self.engine) as session:
                # A real BEGIN (and SQLite's write lock) first: a SAVEPOINT opened outside a
                # transaction would commit on its release, one fsync per update again.
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                for waiting in group:
                    try:
                        with session.begin_nested():
                            waiting.replies = self._work(session, waiting.incoming, waiting.now)
                    except Exception as exc:
                        waiting.error = exc
        except BaseException as exc:  # the commit failed: nothing of the group was saved
            for waiting in group:
                if waiting.error is None:
                    waiting.error, waiting.replies = exc, None
            if not isinstance(exc, Exception):
                raise
        finally:
            for waiting in group:
                waiting.done = True

    def mark_unreachable(self, *, channel: str, chat_id: str, reason: str) -> None:
        with session_scope(self.engine) as session:
            count = account_queries.mark_unreachable(session=session, channel=channel, chat_id=chat_id, reason=reason)
        log.warning("chat %s/%s unreachable (%s): %d account(s) flagged", channel, chat_id, reason, count)

    def command_menus(self, lang: str | None = None) -> dict[str, list[tuple[str, str]]]:
        lang = lang or self.deps.settings.default_language
        menus = {"default": self._menu(set(), registered=False, lang=lang)}
        for role in ("secretary", "staff", "admin"):
            menus[role] = self._menu({role}, registered=True, lang=lang)
        return menus

    def _menu(self, roles: set[str], *, registered: bool, lang: str) -> list[tuple[str, str]]:
        return [
            (c.name, t(lang, c.help_key)) for c in self.router.commands_for(roles, registered=registered) if c.help_key
        ]

    # ---- building the context -----------------------------------------------------------
    def _context(self, session, incoming: Incoming, now) -> Context:  # noqa: ANN001
        settings = self.deps.settings
        actor = Actor()
        found = account_queries.get_actor(session=session, channel=incoming.channel, external_user_id=incoming.user_id)
        if found is not None:
            account_queries.touch_actor(
                session=session,
                actor=found,
                channel=incoming.channel,
                chat_id=incoming.chat_id,
                display_name=incoming.display_name,
                now=now,
            )
            roles = [RoleInUnit(r.role, r.unit_id, r.code, r.name, r.kind, r.path) for r in found.roles]
            actor = Actor(
                account_id=found.account_id, person_id=found.person_id, name=found.full_name or "", roles=roles
            )
            lang = found.language
            state = found.flow  # read with the account
        else:
            lang = normalize_language(incoming.language, settings.default_language)
            state = conv_queries.read_flow(session=session, channel=incoming.channel, user_id=incoming.user_id)
        return Context(
            session=session, incoming=incoming, actor=actor, t=Translator(lang), deps=self.deps, now=now, state=state
        )

    # ---- dispatch -----------------------------------------------------------------------
    def _dispatch(self, ctx: Context) -> list[Reply]:
        notes = self._expire_flow(ctx)
        incoming = ctx.incoming
        if incoming.button is not None:
            return notes + self._on_button(ctx, incoming.button)
        text = (incoming.text or "").strip()
        if text.startswith("/"):
            return notes + self._on_command(ctx, text)
        if not ctx.actor.registered:
            return notes + self._unregistered(ctx, text)
        if text and incoming.attachment is None and chat_menus.records_menus(incoming.channel):
            picked = typed_choice.resolve(ctx, text, answered=lambda data: self._answered_button(ctx, data))
            if isinstance(picked, str):
                return notes + self._on_button(ctx, picked)
            if picked is not None:
                return notes + picked
        if ctx.state is not None:
            flow = self.router.flows.get(ctx.state.flow)
            if flow is None or not self.router.allowed(flow.roles, ctx):
                ctx.flow_end()
            elif incoming.attachment is not None:
                return notes + flow.on_attachment(ctx)
            elif not text:
                return notes + [ctx.reply("input.text_expected")]
            else:
                value = ctx.offered_choice(text)
                if value is not None:
                    return notes + flow.on_button(ctx, value)
                return notes + flow.on_text(ctx, text)
        if incoming.attachment is not None and not text:
            if incoming.attachment.kind not in ("document", "photo"):
                return notes + [ctx.reply("input.unsupported_media")]
            return notes + [ctx.reply("input.attachment_outside_flow")]
        if not text:
            return notes + [ctx.reply("input.text_expected")]
        for handler in self.router.text_handlers:
            replies = handler(ctx, text)
            if replies is not None:
                return notes + replies
        return notes + [ctx.reply("input.unknown_text")]

    @staticmethod
    def _remember_menu(ctx: Context, replies: list[Reply]) -> None:
        """A chat without buttons answers "2" later: keep what 2 means, in this transaction."""
        chat_menus.remember(
            session=ctx.session,
            channel=ctx.incoming.channel,
            chat_id=ctx.incoming.chat_id,
            account_id=ctx.actor.account_id,
            choices=chat_menus.shown_choices(replies),
            flow=ctx.flow.name if ctx.flow is not None else None,
            flow_nonce=ctx.flow_nonce,
            now=ctx.now,
        )

    def _expire_flow(self, ctx: Context) -> list[Reply]:
        state = ctx.state
        if state is None:
            return []
        timeout = timedelta(minutes=self.deps.settings.conversation_timeout_minutes)
        flow = self.router.flows.get(state.flow)
        # A state saved by an older version under other keys ends like an expired one.
        outdated = flow is not None and not ctx.flow_readable(flow.state_type)
        if ctx.now - state.updated_at <= timeout and not outdated:
            return []
        what = flow.describe(ctx) if flow is not None else state.flow
        log.info("flow %s of %s/%s %s", state.flow, state.channel, state.user_id, "outdated" if outdated else "expired")
        ctx.expired_nonce = ctx.flow_nonce
        ctx.flow_end()
        return [ctx.reply("flow.outdated" if outdated else "flow.expired", what=what)]

    def _dropping(self, ctx: Context, run: Callable[[], list[Reply]]) -> list[Reply]:
        """Run a command (or a button outside the flow) typed in the middle of a flow; when it
        starts another flow or ends this one, say first which flow was dropped, so nothing the
        user was doing vanishes without a word."""
        before = ctx.flow
        flow = self.router.flows.get(before.name) if before is not None else None
        what = flow.describe(ctx) if flow is not None and ctx.flow_readable(flow.state_type) else None
        replies = run()
        if before is None or ctx.flow is before:
            return replies
        log.info("flow %s of %s/%s dropped by a command", before.name, ctx.incoming.channel, ctx.incoming.user_id)
        return [ctx.reply("flow.dropped", what=what or before.name), *replies]

    def _on_command(self, ctx: Context, text: str) -> list[Reply]:
        head, _, args = text[1:].partition(" ")
        if "\n" in head:
            head, _, rest = head.partition("\n")
            args = (rest + " " + args).strip()
        name = head.split("@", 1)[0].lower()
        command = self.router.commands.get(name)
        if not ctx.actor.registered and (command is None or not command.public):
            if command is not None:  # a command that needs an account: an attempt worth a line
                ctx.audit("denied", command=name[:32], user=ctx.incoming.user_id[:64])
            return self._registration_help(ctx)
        if command is None:
            return [ctx.reply("command.unknown", command="/" + name[:32])]
        if not self.router.allowed(command.roles, ctx):
            ctx.audit("denied", command=name)
            return [ctx.reply("auth.denied")]
        if name == "cancel":  # says itself what it cancelled
            return command.handler(ctx, args.strip())
        return self._dropping(ctx, lambda: command.handler(ctx, args.strip()))

    def _on_button(self, ctx: Context, data: str) -> list[Reply]:
        if not ctx.actor.registered:
            ctx.audit("denied", button=data[:64], user=ctx.incoming.user_id[:64])
            return self._registration_help(ctx)
        prefix, _, rest = data.partition(":")
        if prefix == FLOW_BUTTON_PREFIX:
            nonce, _, value = rest.partition(":")
            state = ctx.state
            if state is None or state.data.get("_n") != nonce:
                return self._answered_button(ctx, data) or [ctx.reply("button.stale")]
            flow = self.router.flows.get(state.flow)
            if flow is None or not self.router.allowed(flow.roles, ctx):
                ctx.flow_end()
                return [ctx.reply("button.stale")]
            return _in_place(ctx, flow.on_button(ctx, value))
        action = self.router.buttons.get(prefix)
        if action is None:
            log.info("unknown button data %r from %s", data[:64], ctx.incoming.user_id)
            return [ctx.reply("button.stale")]
        if not self.router.allowed(action.roles, ctx):
            ctx.audit("denied", button=data[:64])
            return [ctx.reply("auth.denied")]
        return self._dropping(ctx, lambda: action.handler(ctx, rest))

    def _answered_button(self, ctx: Context, data: str) -> list[Reply] | None:
        """What a flow says about its button pressed once its question was answered; None when
        no flow knows it (it is just old)."""
        prefix, _, rest = data.partition(":")
        if prefix != FLOW_BUTTON_PREFIX:
            return None
        nonce, _, value = rest.partition(":")
        for answered in self.router.answered_buttons:
            replies = answered(ctx, nonce, value)
            if replies is not None:
                return replies
        return None

    def _unregistered(self, ctx: Context, text: str) -> list[Reply]:
        if text and INVITE_CODE_RE.match(text):
            start = self.router.commands.get("start")
            if start is not None:
                return start.handler(ctx, text)
        return self._registration_help(ctx)

    @staticmethod
    def _registration_help(ctx: Context) -> list[Reply]:
        return [ctx.reply("start.how_to_register")]


def _in_place(ctx: Context, replies: list[Reply]) -> list[Reply]:
    """An answer to a flow's button while the flow goes on replaces the question it answers
    (one Bot API request per step, and the old buttons cannot be pressed again). The answer
    that ends the flow comes as a new message, so the summary the user confirmed stays."""
    if ctx.flow is None or not replies:
        return replies
    first = replies[0]
    if first.edit or first.document is not None or first.photo is not None:
        return replies
    return [replace(first, edit=True), *replies[1:]]


def without_control_characters(incoming: Incoming) -> Incoming:
    """The update with control characters removed from its text, so nothing typed can reach
    the database in a form one engine stores and the other refuses."""
    if incoming.text and has_controls(incoming.text):
        return replace(incoming, text=without_controls(incoming.text))
    return incoming


def _describe(incoming: Incoming) -> dict[str, object]:
    """The update for a log line, without file contents."""
    return {
        "channel": incoming.channel,
        "chat": incoming.chat_id,
        "user": incoming.user_id,
        "update": incoming.update_id,
        "text": (incoming.text or "")[:200],
        "button": incoming.button,
        "attachment": incoming.attachment.kind if incoming.attachment else None,
    }
