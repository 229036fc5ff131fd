"""A person invited without a name and registered in `chibot shell` is not named by the invite
code (walk 6, finding 3): "/whoami" said "Đồng chí: BBJQXRCPXN", and so did /status and the exports."""

from __future__ import annotations

import json

from tests.test_console_shell import chibot, org_db  # noqa: F401 (the fixture)


def test_a_secretary_invited_without_a_name_is_called_by_role_and_unit(org_db):  # noqa: F811
    made = chibot(org_db, "invite", "CB01", "--role", "secretary", "--json")
    assert made.returncode == 0, made.stderr
    code = json.loads(made.stdout)["code"]
    result = chibot(org_db, "shell", "--as", code, stdin="/whoami\n")
    assert result.returncode == 0, result.stderr
    assert "— now talking as Bí thư Chi bộ Văn phòng —" in result.stdout
    assert "Đồng chí: Bí thư Chi bộ Văn phòng" in result.stdout
    assert code not in result.stdout.replace(f"/start {code}", "")
    again = chibot(org_db, "shell", "--as", "Bí thư Chi bộ Văn phòng", stdin="/whoami\n")
    assert "• bí thư chi bộ — Chi bộ Văn phòng (mã CB01)" in again.stdout
