"""Who a directive goes to: the default audience, the units picked by hand, and the units named
in the document's "Kính gửi" / "Nơi nhận" lines matched against the unit tree.

Rules (all on normalized text: lowercase, no diacritics, see services.parsing.vn_text):

- Default audience ("Tất cả chi bộ, đoàn thể"): every active unit of kind ``cell`` or ``mass``
  strictly below the staff member's unit. Grassroots organisations are reached through their
  own cells, which are below the unit too, so they are not added by default.
- Matching a line of "Kính gửi"/"Nơi nhận" (only units below the issuing unit ever match; lines
  such as "Thường trực Tỉnh ủy" or "Lưu Văn phòng" therefore match nothing):
    * "chi bộ" alone, "các chi bộ", "chi bộ trực thuộc", "bí thư chi bộ", "các chi"
                                           -> every cell below
    * "các chi bộ khu phố" (a plural with a kind of cell) -> the cells whose name says so
    * "Chi bộ Khu phố 1" (one cell by its name) -> that cell only, never every cell
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
    r"\bkp\.?\s*(?=\d)": "khu pho ",
    r"\bkp\b": "khu pho",
}
#: Head words of mass organisations: a line naming one selects the mass units naming it too.
_MASS_HEADS = ("cong doan", "doan", "cuu chien binh", "phu nu", "mat tran", "nong dan")

_CELLS_RE = re.compile(r"\bchi bo\b|\bcac chi\b|^chi\b")
_GRASSROOTS_RE = re.compile(r"\bdang bo co so\b|\bdang bo\b|\bto chuc co so dang\b|\bchi bo co so\b")
_ALL_MASS_RE = re.compile(r"\bdoan the\b")
#: "chi bộ" and what stands before it: a plural ("các", "tất cả các", "toàn thể") or a title.
_CELL_WORDS_RE = re.compile(r"\b(?P<plural>(?:cac|tat ca|toan the|moi|nhung)(?: cac)? )?chi bo\b(?P<rest>.*)$")
#: Words after "chi bộ" that qualify every cell rather than name one.
_QUALIFIER_RE = re.compile(r"^(?:(?:truc thuoc|thuoc|co so|trong|cua|o|tai|va|de|nhu)\b|[(,&/+-])")


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


def _named_units(phrase: str, below: list[Unit]) -> list[Unit]:
    """Units the phrase names by code or full name ("Chi bộ Khu phố 1", "CB1"), also when the
    phrase says a little more after the name ("Chi bộ Khu phố 1 (để thực hiện)")."""
    exact = [u for u in below if phrase in (_canon(u.code), _canon(u.name))]
    if exact:
        return exact
    return [u for u in below if phrase.startswith(_canon(u.name) + " ")]


def _cells_meant(phrase: str, below: list[Unit]) -> list[Unit] | None:
    """The cells a phrase with "chi bộ" means, or None when it has no such words."""
    cells = [u for u in below if u.kind == "cell"]
    match = _CELL_WORDS_RE.search(phrase)
    if match is None:
        return cells if _CELLS_RE.search(phrase) else None
    rest = match.group("rest").strip()
    if not rest or _QUALIFIER_RE.match(rest):
        return cells
    if match.group("plural"):
        # "Các chi bộ khu phố": the cells whose name carries those words, else every cell.
        kind_of = [u for u in cells if re.search(rf"\bchi bo {re.escape(rest)}\b", _canon(u.name))]
        return kind_of or cells
    # One cell by its name: that cell, or nothing when no cell is called so (staff pick by hand).
    return [u for u in _named_units("chi bo " + rest, below) if u.kind == "cell"]


def _match_one(phrase: str, below: list[Unit]) -> list[Unit]:
    if phrase.startswith("luu ") or phrase == "luu":
        return []
    named = _named_units(phrase, below)
    if named:
        return named
    found: list[Unit] = []
    cells = _cells_meant(phrase, below)
    if cells is not None:
        found += cells
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
