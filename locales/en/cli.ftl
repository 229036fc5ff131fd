
parse-doc_type = Document type (loại văn bản)
parse-number = Number and symbol (số, ký hiệu)
parse-issuer = Issued by (cơ quan ban hành)
parse-issued_on = Issue date (ngày ban hành)
parse-subject = Subject (trích yếu)
parse-urgent = Urgency (độ khẩn)
parse-secret = Secrecy (độ mật)
parse-addressees = To (kính gửi)
parse-signer = Signed by (người ký)
parse-report_fields = The report must state (báo cáo cần nêu rõ):
parse-deadlines = Deadlines (thời hạn):
parse-no_deadlines = Deadlines (thời hạn): none found (staff add them when registering the directive)

deadline_kind-complete = Complete (hoàn thành)
deadline_kind-report = Report (báo cáo)
deadline_kind-plan = Plan (kế hoạch)
deadline_kind-start = Start (bắt đầu)
deadline_kind-recurring = Recurring report (báo cáo định kỳ)

# The term shown next to a role or a unit kind in the command line.
cli-role-admin = administrator
cli-role-staff = staff
cli-role-secretary = secretary
cli-kind-committee = committee
cli-kind-grassroots = grassroots organisation
cli-kind-cell = cell
cli-kind-mass = mass organisation
cli-unit_inactive = inactive
parse-read_by_ocr = Read by text recognition (OCR) from a photo or scan: check numbers, dates and diacritics against the paper.
parse-unreadable_layer = The PDF's text layer cannot be read (a legacy TCVN3/VNI font or a font without a Unicode map): the page images were read by OCR.
