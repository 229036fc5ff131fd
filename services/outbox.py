"""Queue messages for later delivery. The outbox row is the promise: written in the same
transaction as the change that caused it, sent by the dispatcher, never twice (dedupe key)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from ground.messages import Choice, OutFile, Reply
from storage.queries import outbox as outbox_queries


def reply_to_payload(reply: Reply) -> dict[str, Any]:
    payload: dict[str, Any] = {"text": reply.text}
    if reply.choices:
        payload["choices"] = [[{"label": c.label, "data": c.data} for c in row] for row in reply.choices]
    if reply.document is not None:
        # Files in the outbox are small generated documents (full text of a directive).
        payload["document"] = {
            "name": reply.document.name,
            "content": reply.document.content.decode("utf-8"),
            "mime_type": reply.document.mime_type,
        }
    return payload


def payload_to_reply(payload: dict[str, Any]) -> Reply:
    choices = [[Choice(label=c["label"], data=c["data"]) for c in row] for row in payload.get("choices", [])]
    document = None
    if payload.get("document"):
        doc = payload["document"]
        # A broadcast's file is stored once on disk; its rows carry the path, not the bytes.
        content = Path(doc["path"]).read_bytes() if "path" in doc else doc["content"].encode("utf-8")
        document = OutFile(name=doc["name"], content=content, mime_type=doc["mime_type"])
    return Reply(text=payload.get("text", ""), choices=choices, document=document)


def enqueue(
    *,
    session: Session,
    account_id: int,
    kind: str,
    reply: Reply,
    due_at: datetime,
    dedupe_key: str,
    directive_id: int | None = None,
    assignment_id: int | None = None,
) -> bool:
    """Queue one message. Returns False (and changes nothing) when that key was queued before."""
    return outbox_queries.insert_message(
        session=session,
        account_id=account_id,
        kind=kind,
        payload=reply_to_payload(reply),
        due_at=due_at,
        dedupe_key=dedupe_key,
        directive_id=directive_id,
        assignment_id=assignment_id,
    )
