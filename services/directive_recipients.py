"""Who a directive goes to: the default audience, the units picked by hand, and the units named
in the document's "Kính gửi" / "Nơi nhận" lines matched against the unit tree.

Rules (all on normalized text: lowercase, no diacritics, see services.parsing.vn_text):

- Default audience ("Tất cả chi bộ, đoàn thể"): every active unit of kind ``cell`` or ``mass``
  strictly below the staff member's unit. Grassroots organisations are reached through their
  own cells, which are below the unit too, so they are not added by default.
- Matching a line of "Kính gửi"/"Nơi nhận" (only units below the issuing unit ever match; lines
  such as "Thường trực Tỉnh ủy" or "Lưu Văn phòng" therefore match nothing):
    * "chi bộ" / "các chi"                 -> every cell below
    * "đảng bộ cơ sở" / "TCCS"             -> every grassroots organisation below
    * "các đoàn thể"                       -> every mass organisation below
    * a mass organisation's head words ("Đoàn", "Hội Cựu chiến binh"/"Hội CCB", "Hội Phụ nữ",
      "Công đoàn", "Mặt trận") -> the mass units whose name carries the same head words
    * otherwise, a unit whose code or full name equals the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlmodel import Session

from ground.actor import Actor
from services.parsing.vn_text import normalize
from storage.queries import units as unit_queries
from storage.tables import Unit

DEFAULT_KINDS = ("cell", "mass")
PICKABLE_KINDS = ("cell", "grassroots", "mass")

#: Abbreviations used in distribution lists, spelled out before matching.
_ABBREVIATIONS = {
    r"\bccb\b": "cuu chien binh",
    r"\btn\b": "thanh nien",
    r"\bmttq\b": "mat tran to quoc",
    r"\blhpn\b": "lien hiep phu nu",
    r"\btccs\b": "to chuc co so dang",
}
#: Head words of mass organisations: a line naming one selects the mass units naming it too.
_MASS_HEADS = ("cong doan", "doan", "cuu chien binh", "phu nu", "mat tran", "nong dan")

_CELLS_RE = re.compile(r"\bchi bo\b|\bcac chi\b|^chi\b")
_GRASSROOTS_RE = re.compile(r"\bdang bo co so\b|\bdang bo\b|\bto chuc co so dang\b|\bchi bo co so\b")
_ALL_MASS_RE = re.compile(r"\bdoan the\b")


def _canon(text: str) -> str:
    text = normalize(text)
    text = re.sub(r"^[-+•*\s]+", "", text)
    for pattern, full in _ABBREVIATIONS.items():
        text = re.sub(pattern, full, text)
    return text.strip(" ,.;:")


def _mass_head(canon: str) -> str | None:
    for head in _MASS_HEADS:
        if re.search(rf"\b{head}\b", canon):
            if head == "doan" and (re.search(r"\bcong doan\b|\bdoan the\b|\bdoan ket\b", canon)):
                continue
            return head
    return None


def _split(lines: Iterable[str]) -> list[str]:
    """Distribution lines are often joined: "Đoàn Khối, Hội Cựu chiến binh Khối"."""
    parts: list[str] = []
    for line in lines:
        for part in re.split(r"[;\n]|,\s*-|\s-\s", str(line)):
            # "Các chi, đảng bộ cơ sở" is one phrase; other commas separate units.
            canon = _canon(part)
            if re.match(r"^cac chi,", canon):
                parts.append(canon)
            else:
                parts.extend(p.strip() for p in canon.split(",") if p.strip())
    return parts


def staff_unit(*, session: Session, actor: Actor) -> Unit | None:
    """The unit a staff member (or admin) issues directives for: their first staff role's."""
    roles = actor.units("staff", "admin")
    return unit_queries.get_unit(session=session, unit_id=roles[0].unit_id) if roles else None


def default_audience(*, session: Session, unit: Unit) -> list[Unit]:
    return unit_queries.subtree_units(
        session=session, unit=unit, kinds=DEFAULT_KINDS, include_self=False, active_only=True
    )


def pickable_units(*, session: Session, unit: Unit) -> list[Unit]:
    units = unit_queries.subtree_units(
        session=session, unit=unit, kinds=PICKABLE_KINDS, include_self=False, active_only=True
    )
    return sorted(units, key=lambda u: u.code)


def match_addressees(*, session: Session, unit: Unit, lines: Iterable[str]) -> list[Unit]:
    """The units below ``unit`` that the document's distribution lines name, by code order."""
    below = pickable_units(session=session, unit=unit)
    chosen: dict[int, Unit] = {}
    for phrase in _split(lines):
        for found in _match_one(phrase, below):
            chosen[found.id] = found
    return sorted(chosen.values(), key=lambda u: u.code)


def _match_one(phrase: str, below: list[Unit]) -> list[Unit]:
    if phrase.startswith("luu ") or phrase == "luu":
        return []
    found: list[Unit] = []
    if _CELLS_RE.search(phrase):
        found += [u for u in below if u.kind == "cell"]
    if _GRASSROOTS_RE.search(phrase) or phrase.startswith("cac chi,"):
        found += [u for u in below if u.kind == "grassroots"]
    if _ALL_MASS_RE.search(phrase):
        found += [u for u in below if u.kind == "mass"]
    if found:
        return found
    head = _mass_head(phrase)
    if head is not None:
        return [u for u in below if u.kind == "mass" and _mass_head(_canon(u.name)) == head]
    return [u for u in below if phrase in (_canon(u.code), _canon(u.name))]


def units_by_codes(*, session: Session, unit: Unit, text: str) -> tuple[list[Unit], list[str]]:
    """Units typed as codes ("CB01, CB03"), limited to the pickable units below ``unit``;
    returns the units found and the codes that are not."""
    below = {u.code.upper(): u for u in pickable_units(session=session, unit=unit)}
    found: list[Unit] = []
    unknown: list[str] = []
    for code in re.split(r"[\s,;]+", text.strip()):
        if not code:
            continue
        unit_found = below.get(code.upper())
        if unit_found is None:
            unknown.append(code[:32])
        elif unit_found not in found:
            found.append(unit_found)
    return found, unknown
