
parse-doc_type = Document type
parse-number = Number and symbol
parse-issuer = Issued by
parse-issued_on = Issue date
parse-subject = Subject
parse-urgent = Urgency
parse-secret = Secrecy
parse-addressees = To
parse-signer = Signed by
parse-report_fields = The report must state:
parse-deadlines = Deadlines:
parse-no_deadlines = Deadlines: none found (staff add them when registering the directive)

deadline_kind-complete = Complete
deadline_kind-report = Report
deadline_kind-plan = Plan
deadline_kind-start = Start
deadline_kind-recurring = Recurring report

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
