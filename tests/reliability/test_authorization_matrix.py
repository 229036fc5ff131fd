"""The authorization matrix: every command and every button kind that names a directive, a
unit or an assignment, tried by people who have no business with it.

Who tries: someone not registered, the secretary of another cell (CB02, same committee), and
staff of another committee (TUY). What they aim at: directive 141-CV/ĐUK of DUK, assigned to
CB01. For each attempt the test also makes the same attempt at something that does not exist
(number 999, id 99999) and asserts what the user would notice: the two answers are the same
words (the typed number aside), nothing of CB01 or of the directive is shown, the attempt is
in the audit log, and no row changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlmodel import func, select

from handlers.registry import build_router
from services import units
from storage.db import session_scope
from storage.tables import Assignment, AuditEntry, Deadline, Directive, OutboxMessage, Report
from tests.support.chat import Chat
from tests.support.org import register
from tests.support.report_factories import make_assignment

MISSING_ID = 99999
#: What must never reach someone outside: the cell's names, the directive's subject and number.
SECRETS = ("Chi bộ Văn phòng", "Bí thư CB01", "quán triệt", "141-CV", "Nghị quyết")


@dataclass(frozen=True)
class Attempt:
    kind: str  # "command" | "button"
    aimed: str  # the text or button data aimed at the directive
    missing: str  # the same, aimed at nothing
    #: The token in the answer that differs between the two (the typed number), if any.
    echoed: tuple[str, str] | None = None


def command(name: str, rest: str = "") -> Attempt:
    tail = f" {rest}" if rest else ""
    return Attempt("command", f"/{name} 141{tail}", f"/{name} 999{tail}", ("141", "999"))


def attempts(directive_id: int, assignment_id: int) -> list[Attempt]:
    d, a, m = directive_id, assignment_id, MISSING_ID
    typed = [
        command("doc"),
        command("status"),
        command("status", "chart"),
        command("export"),
        command("export", "docx"),
        command("unacked"),
        command("deadline"),
        command("recipients"),
        command("reminders"),
        command("remind"),
        command("close"),
        command("reopen"),
        Attempt("command", f"/status #{d}", f"/status #{m}", (f"#{d}", f"#{m}")),
        Attempt("command", f"/doc #{d}", f"/doc #{m}", (f"#{d}", f"#{m}")),
        Attempt("command", "/report CB01", "/report ZZ99", ("CB01", "ZZ99")),
        Attempt("command", "/invite CB01", "/invite ZZ99", ("CB01", "ZZ99")),
    ]
    buttons = [
        Attempt("button", f"ack:{a}", f"ack:{m}"),
        Attempt("button", f"rep:{a}", f"rep:{m}"),
        Attempt("button", f"full:{d}", f"full:{m}"),
        Attempt("button", f"stc:{d}", f"stc:{m}"),
        Attempt("button", f"exp:{d}:xlsx", f"exp:{m}:xlsx"),
        Attempt("button", f"exp:{d}:csv", f"exp:{m}:csv"),
        Attempt("button", f"rmd:{d}", f"rmd:{m}"),
        Attempt("button", f"cls:{d}", f"cls:{m}"),
    ]
    for name in ("doc", "status", "export", "unacked", "reminders", "remind", "close", "deadline", "recipients"):
        buttons.append(Attempt("button", f"pick:{name}:{d}", f"pick:{name}:{m}", (f"#{d}", f"#{m}")))
    return typed + buttons


def snapshot(app) -> dict[str, object]:  # noqa: ANN001
    """What an attempt must not change."""
    with session_scope(app.engine) as session:
        return {
            "directives": [(d.id, d.status, d.number, d.subject) for d in session.exec(select(Directive)).all()],
            "assignments": [
                (x.id, x.status, x.acknowledged_at, x.completed_at) for x in session.exec(select(Assignment)).all()
            ],
            "deadlines": [(x.id, x.due_at, x.active) for x in session.exec(select(Deadline)).all()],
            "reports": session.exec(select(func.count()).select_from(Report)).one(),
            "outbox": session.exec(select(func.count()).select_from(OutboxMessage)).one(),
        }


def denied_count(app) -> int:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return session.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "denied")).one()


def act(chat: Chat, attempt: Attempt, which: str) -> str:
    data = attempt.aimed if which == "aimed" else attempt.missing
    replies = chat.send(data) if attempt.kind == "command" else chat.press_data(data)
    chat.send("/cancel")  # whatever flow an attempt might have opened
    return "\n".join(r.text + "".join(c.label for c in r.flat_choices()) for r in replies)


@pytest.fixture
def target(app, org):  # noqa: ANN001
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[
                {"code": "TUY", "name": "Tỉnh ủy khác", "kind": "committee", "parent_code": ""},
                {"code": "TUY-CB1", "name": "Chi bộ khác", "kind": "cell", "parent_code": "TUY"},
            ],
        )
    assignment_id = make_assignment(app, cell="CB01")
    with session_scope(app.engine) as session:
        directive_id = session.get(Assignment, assignment_id).directive_id
    return directive_id, assignment_id


ACTORS = ("unregistered", "secretary of another cell", "staff of another committee")


@pytest.mark.parametrize("who", ACTORS)
def test_nobody_outside_learns_anything_of_another_units_directive(app, org, target, who):
    directive_id, assignment_id = target
    if who == "unregistered":
        chat = Chat(app=app, user_id="u-stranger", name="Người lạ")
    elif who == "secretary of another cell":
        chat = org["CB02"]
    else:
        chat = register(app, unit_code="TUY", role="staff", name="Cán bộ TUY", user_id="u-tuy-staff")
    before = snapshot(app)
    tried = refused = 0
    for attempt in attempts(directive_id, assignment_id):
        audited_before = denied_count(app)
        aimed = act(chat, attempt, "aimed")
        audited = denied_count(app) - audited_before
        missing = act(chat, attempt, "missing")
        tried += 1
        if attempt.echoed is not None:
            aimed_as_missing = aimed.replace(*attempt.echoed)
        else:
            aimed_as_missing = aimed
        assert aimed_as_missing == missing, (who, attempt.aimed, aimed, missing)
        leaked = [s for s in SECRETS if s in aimed and s not in (attempt.aimed,)]
        # "/report CB01" echoes the code typed; nothing else of the cell may show.
        assert not leaked, (who, attempt.aimed, leaked, aimed)
        assert audited >= 1, (who, attempt.aimed, "not audited")
        refused += 1
    assert snapshot(app) == before
    assert tried == refused == len(attempts(directive_id, assignment_id))


#: Commands that take nothing of another unit to aim at: they act on the user's own account or
#: list only what the user may see; /new and /broadcast pick units from the user's own tree
#: (a typed code outside it is answered as unknown, tests/reliability/test_long_lines.py).
NAMES_NOTHING = {
    "start",
    "help",
    "whoami",
    "lang",
    "cancel",
    "directives",
    "mytasks",
    "notify",
    "link",
    "kenh",
    "web",
    "new",
    "broadcast",
}


def test_the_matrix_tries_every_command_and_every_button_kind():
    router = build_router()
    tried = attempts(1, 1)
    commands = {a.aimed[1:].split()[0] for a in tried if a.kind == "command"}
    buttons = {a.aimed.split(":")[0] for a in tried if a.kind == "button"}
    assert commands | NAMES_NOTHING == set(router.commands), "a new command: aim it in the matrix or say why not"
    assert not commands & NAMES_NOTHING
    assert buttons == set(router.buttons), "a new button kind: aim it in the matrix"
