"""Who is talking: the chat account, the person behind it and their roles."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLE_ORDER = ("admin", "staff", "secretary")


@dataclass(frozen=True)
class RoleInUnit:
    role: str
    unit_id: int
    unit_code: str
    unit_name: str
    unit_kind: str
    unit_path: str


@dataclass
class Actor:
    account_id: int | None = None
    person_id: int | None = None
    name: str = ""
    roles: list[RoleInUnit] = field(default_factory=list)

    @property
    def registered(self) -> bool:
        return self.person_id is not None and bool(self.roles)

    @property
    def known_person_id(self) -> int:
        """``person_id`` where the caller has checked the actor is registered (a role check
        implies it); PermissionError when it is not, instead of acting for nobody."""
        if self.person_id is None:
            raise PermissionError("this action needs a registered person")
        return self.person_id

    @property
    def known_account_id(self) -> int:
        """``account_id`` of an actor that came through a chat (every handled message does);
        PermissionError for an actor built without one."""
        if self.account_id is None:
            raise PermissionError("this action needs a chat account")
        return self.account_id

    def has_role(self, *roles: str) -> bool:
        return any(r.role in roles for r in self.roles)

    def units(self, *roles: str) -> list[RoleInUnit]:
        return [r for r in self.roles if r.role in roles]

    def main_role(self) -> RoleInUnit | None:
        for role in ROLE_ORDER:
            for r in self.roles:
                if r.role == role:
                    return r
        return None

    def oversees(self, unit_path: str) -> bool:
        """True when the unit is this staff member's (or admin's) unit or below it."""
        return any(unit_path.startswith(r.unit_path) for r in self.roles if r.role in ("staff", "admin"))

    def is_secretary_of(self, unit_id: int) -> bool:
        return any(r.role == "secretary" and r.unit_id == unit_id for r in self.roles)
