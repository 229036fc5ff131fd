"""All tables. Importing this package registers every table on ``SQLModel.metadata``."""

from sqlmodel import SQLModel

# One naming convention so constraint names are the same on SQLite and PostgreSQL and
# migrations can refer to them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

from storage.tables.audit import AuditEntry  # noqa: E402
from storage.tables.broadcasts import Broadcast  # noqa: E402
from storage.tables.conversation import ConversationState, ProcessedUpdate  # noqa: E402
from storage.tables.directives import Assignment, Deadline, Directive  # noqa: E402
from storage.tables.fanout import FanoutJob  # noqa: E402
from storage.tables.menus import ChatMenu  # noqa: E402
from storage.tables.outbox import OutboxMessage, SendShareMember  # noqa: E402
from storage.tables.people import ChatAccount, Invite, LinkCode, Membership, Person  # noqa: E402
from storage.tables.report_requests import ReportRequest  # noqa: E402
from storage.tables.reports import Report  # noqa: E402
from storage.tables.units import Unit  # noqa: E402
from storage.tables.web import WebLogin, WebSession  # noqa: E402

metadata = SQLModel.metadata

__all__ = [
    "Assignment",
    "AuditEntry",
    "Broadcast",
    "ChatAccount",
    "ChatMenu",
    "ConversationState",
    "Deadline",
    "Directive",
    "FanoutJob",
    "Invite",
    "LinkCode",
    "Membership",
    "OutboxMessage",
    "Person",
    "ProcessedUpdate",
    "Report",
    "SendShareMember",
    "ReportRequest",
    "Unit",
    "WebLogin",
    "WebSession",
    "metadata",
]
