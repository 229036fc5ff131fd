"""The DOCX report names the directive as chat does, with its type (walk 6, finding 13):
"Kết quả thực hiện 27-KH/ĐU" lacked the "Kế hoạch" a party report writes."""

from __future__ import annotations

import io

from docx import Document

from tests.test_directives_flow import publish_141


def test_the_docx_from_chat_reads_ket_qua_thuc_hien_cong_van_141(org, app):
    staff = publish_141(org, app)
    staff.send("/export 141 docx")
    [reply] = [r for r in staff.replies if r.document is not None]
    texts = [p.text for p in Document(io.BytesIO(reply.document.content)).paragraphs]
    assert texts[:2] == ["BÁO CÁO", "Kết quả thực hiện Công văn 141-CV/ĐUK"]
