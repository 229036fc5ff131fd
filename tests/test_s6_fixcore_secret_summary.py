"""A secret (MẬT) directive's registration summary shows what will be kept: the report fields,
dropped at registration with the text, are not listed as if the cells would get them."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Directive
from tests.support.chat import CHANNELS
from tests.test_directives_flow import DOC_141, paste_141

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def test_a_secret_directives_summary_says_its_report_fields_are_not_kept(org, session):
    staff = paste_141(org, DOC_141.replace("KHẨN\n", "KHẨN\n\nMẬT\n", 1))
    assert "Độ mật: MẬT" in staff.last_text
    assert "Báo cáo cần nêu rõ:" not in staff.last_text and "hình thức quán triệt" not in staff.last_text
    assert "Các mục báo cáo cần nêu rõ không được lưu vì văn bản mật" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    session.expire_all()
    (directive,) = session.exec(select(Directive)).all()
    assert directive.report_fields == []


def test_an_ordinary_directives_summary_still_lists_its_report_fields(org):
    staff = paste_141(org)
    assert "Báo cáo cần nêu rõ: hình thức quán triệt;" in staff.last_text
    assert "không được lưu vì văn bản mật" not in staff.last_text
