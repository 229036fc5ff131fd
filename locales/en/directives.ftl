### Directives: registration (/new), sending to cells and mass organisations, acknowledgement, viewing and changes.

directive-continued = Added the next part of the document ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    } in all) and read it again:
directive-describe = registering a new directive
directive-help-new = register and send a new directive (paste the text or send the file)
directive-help-list = directives and their progress
directive-help-doc = show one directive: /doc NUMBER (its number, as /directives lists it)
directive-help-unacked = units that have not acknowledged a directive: /unacked NUMBER
directive-help-deadline = change a deadline of a sent directive: /deadline NUMBER
directive-help-recipients = add or remove units of a sent directive: /recipients NUMBER
directive-ask_text =
    Paste the full text of the directive (letter, plan, resolution...) here, or send a .docx / .txt / PDF file, or a photo of the paper document.
    I will read its number, subject, urgency and deadlines for you to check before sending. Type /cancel to stop.
directive-not_document = I do not recognise a directive in this message. Please paste the full text of the document (with its number, symbol and subject), or send a .docx / .txt / PDF file. Type /cancel to stop.
directive-not_a_file = I can read .docx, .txt and PDF files and photos of documents. Please send one of those, or paste the full text.
directive-unsupported_file = The file «{ $name }» is neither .docx nor .txt. Please send a .docx or .txt file, or paste the full text.
directive-bad_file = Cannot read the file «{ $name }»: { $reason } Please send another file or paste the full text.
directive-too_long = The text is { $length ->
        [one] { $length } character long
       *[other] { $length } characters long
    }, over the limit of { $limit }. Please send only the directive itself (without long appendices).
directive-use_buttons = Please choose one of the buttons below (or type /cancel to stop).
directive-review_typed = «{ $typed }» is not one of the choices, and I did not add it to the document. Please pick one of the options below (type its number or name), or type /cancel to stop.
directive-document = Document
directive-no_number = (no number)
directive-unnumbered_name = { $title } — { $subject }
directive-secret_subject = { $mark } document — get it through the official document channel/at the Office; the subject is not sent through chat
directive-secret_subject_unnumbered = { $mark } document #{ $id } — get it through the official document channel/at the Office; the subject is not sent through chat
directive-unknown = (unknown)
directive-not_urgent = normal
directive-no_deadlines = • (no deadline)
directive-deadline_line = • { $kind }: { $shown }
directive-deadline_text = { $kind }: { $shown }
directive-unit_line = • { $code } — { $name }
directive-kind-complete = Complete
directive-kind-report = Report
directive-kind-plan = Plan
directive-kind-start = Start
directive-kind-recurring = Recurring report
directive-status-assigned = not acknowledged yet
directive-status-acknowledged = acknowledged
directive-status-reported = reported
directive-status-completed = completed
directive-status-cancelled = cancelled
directive-summary-head = This is what I read in the document:
directive-summary-type = Type: { $value }
directive-summary-number = Number: { $value }
directive-summary-subject = Subject: { $value }
directive-summary-urgency = Urgency: { $value }
directive-summary-secret = Secrecy: { $mark } — the full text will NOT be stored or sent through chat; only number, subject and deadlines are kept.
directive-summary-deadlines = Deadlines:
directive-summary-no_deadline = Deadlines: none found in the document. Press «Add deadline» to add one, or «No deadline» if the document really has none.
directive-summary-past_mark = {" "}(past)
directive-summary-past_warning = Note: a deadline is already past. If that is right, you can still confirm.
directive-summary-warnings = Note from reading the document: { $warnings }
directive-summary-report_fields = The report must state: { $fields }
directive-summary-secret_report_fields = What the report must state is not kept, as the document is secret; cells read it on paper.
directive-button-open_existing = Open the registered one
directive-button-amend = Register as changed version
directive-button-fix_number = Fix the number
directive-button-confirm = Confirm
directive-button-no_deadline = No deadline, continue
directive-button-edit = Edit
directive-button-add_deadline = Add deadline
directive-button-remove_deadline = Remove deadline
directive-button-cancel = Cancel
directive-button-field_number = Number
directive-button-field_subject = Subject
directive-button-field_urgency = Urgency
directive-button-all_units = All cells and mass organisations ({ $count })
directive-button-by_addressees = As addressed in the document ({ $count })
directive-button-pick = Choose units
directive-button-prev = « Previous page
directive-button-next = Next page »
directive-button-done = Done ({ $count })
directive-button-publish = Send
directive-button-back = Back
directive-button-ack = Received
directive-button-report = Report
directive-button-full = Full text
directive-button-remove_reported = Remove anyway
directive-ask_field = Which field do you want to correct?
directive-bad_value-urgency = «{ $typed }» is not an urgency mark, so nothing was changed.
directive-value_too_long = That is { $length } characters, over the limit of { $max }, so nothing was changed.
directive-ask_value-number = Type the right number and symbol (e.g. 141-CV/ĐUK).
directive-ask_value-subject = Type the right subject.
directive-ask_value-urgency = Type the urgency: KHẨN, THƯỢNG KHẨN, HỎA TỐC, or «không» (none).
directive-ask_deadline = Type the deadline in Vietnamese, e.g. «trước 17h00 ngày 25/8», «đến hết ngày 20/8», «Báo cáo: trước ngày 23/8», «hằng tuần vào thứ Sáu».
directive-deadline_error = { $message }. Please type the deadline again (e.g. trước ngày 23/8), or /cancel to stop.
directive-deadline_added = Deadline added: { $line }
directive-deadline_past = Note: this deadline is already past (today is { $today }). I kept it; press «Remove deadline» if it was a mistake.
directive-ask_remove = Which deadline should be removed?
directive-ask_recipients = Which units should receive the directive?
directive-no_units = There are no cells or mass organisations under your unit yet. Ask the administrator to import the unit list.
directive-pick-head = Choose the receiving units (page { $page }/{ $pages }, { $count } chosen). Press to tick or untick, or type unit codes, e.g. { $examples }.
directive-pick-unit = { $box } { $code } — { $name }
directive-codes_unknown = No unit with code { $codes } under your unit (codes look like { $examples }).
directive-codes_number = «{ $typed }» is neither a number on the list nor a unit code. Pick from the list, or type a unit code, for example: { $examples }.
directive-codes_already = Already ticked: { $codes }, so typing the code changed nothing. To untick a unit, press it in the list.
directive-none_selected = You have not chosen any unit.
directive-confirm_publish-head = Send { $title } to { $count ->
        [one] { $count } unit:
       *[other] { $count } units:
    }
directive-confirm_publish-ask = Confirm sending?
directive-published = { $title } was sent to { $count ->
        [one] { $count } unit (
       *[other] { $count } units (
    }{ $messages ->
        [one] { $messages } message to the secretary or person in charge
       *[other] { $messages } messages to secretaries and persons in charge
    }). See who received it: /doc { $number }
directive-sending = { $title } is recorded. Sending it to { $count ->
        [one] { $count } unit…
       *[other] { $count } units…
    } I will tell you when it is done. See who received it: /doc { $number }
fanout-halfway = Sending { $title }: sent to { $done }/{ $total } units so far…
directive-cell-head = New directive: { $title }
directive-cell-urgency = Urgency: { $mark }
directive-cell-subject = Subject: { $subject }
directive-cell-deadlines = Deadlines:
directive-cell-report_fields = The report must state: { $fields }
directive-cell-secret = { $mark } document: the full text comes through the official document channel, not through chat.
directive-cell-amends = This is a changed version of the directive with the same number sent before: the earlier one is closed; carry out and report on this one.
directive-view-head = { $title }
directive-view-status = Status: { $status }
directive-view-status_closed = Status: { $status }; the directive is closed and takes no more reports.
directive-full-official_channel = { $title } is a secret document: the full text comes through the official document channel, not through chat.
directive-full-as_file = The full text of { $title } is in the attached file.
directive-ack-ok = Recorded: your { $unit_word } received { $title } at { $time }. Thank you.
directive-ack-already = { $Unit_word } acknowledged { $title } already, at { $time }.
directive-ack-cancelled = { $title } is no longer assigned to your unit.
directive-closed_title = { $title } (closed at { $when })
directive-list-head = Directives:
directive-list-empty = No directives yet.
directive-list-staff_line =
    • { $title } — { $subject }
    {"  "}Received: { $acked }{ $assigned ->
        [one] /{ $assigned } unit
       *[other] /{ $assigned } units
    } · reported: { $reported }/{ $assigned }
directive-list-secretary_line =
    • { $title } — { $subject }
    {"  "}Status: { $status }; next deadline: { $nearest }
directive-list-overdue = { $deadline } — overdue by { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
directive-list-no_nearest = no upcoming deadline
directive-list-more = … and { $count ->
        [one] { $count } older directive
       *[other] { $count } older directives
    }
directive-list-hint = Details: /doc NUMBER
directive-duplicate-head = Your unit has already registered a directive numbered «{ $number }»:
directive-duplicate-ask = If this is a changed version of it (same number, new content), choose «Register as changed version»: the new one is sent, the old one is closed and reminds no more. If the number was mistyped, choose «Fix the number».
directive-superseded = The earlier version (#{ $id }) is closed: no more reminders; units carry out and report on the new one.
directive-which-head = There are { $count } directives numbered «{ $number }». Please pick one below, or type the command again with the directive's id (for example: /{ $command } #{ $id }):
directive-which-line = • #{ $id } { $title }{ $issued }: { $subject } — { $state }
directive-which-issued = {" "}of { $date }
directive-which-published = sent { $date }
directive-which-closed = closed { $date }
directive-which-draft = not sent
directive-which-amends = changed version of #{ $id },{" "}
directive-which-button = #{ $id } { $title }, sent { $date }
directive-doc-usage = Usage: /doc NUMBER (e.g. /doc { $example })
directive-doc-not_found = No directive numbered «{ $number }» that you may see. Type /directives for the list.
directive-doc-published = Sent at: { $time }
directive-doc-acked = Received: { $acked }{ $assigned ->
        [one] /{ $assigned } unit
       *[other] /{ $assigned } units
    }
directive-doc-acked_line = • { $code } — { $name }: { $who }, { $time }
directive-unacked-usage = Usage: /unacked NUMBER (e.g. /unacked { $example })
directive-unacked-head = Not yet acknowledged { $title } ({ $count }{ $assigned ->
        [one] /{ $assigned } unit
       *[other] /{ $assigned } units
    }):
directive-unacked-none = { $assigned ->
        [one] The one unit acknowledged
       *[other] All { $assigned } units acknowledged
    } { $title }.
directive-change-describe_deadline = changing a directive's deadline
directive-change-describe_recipients = changing a directive's units
directive-change-deadline_usage = Usage: /deadline NUMBER (e.g. /deadline { $example })
directive-change-recipients_usage = Usage: /recipients NUMBER (e.g. /recipients { $example })
directive-change-closed = { $title } is closed, so its deadlines and recipients are not changed. Reopen it with /reopen { $number } first.
directive-change-ask_pick = Which deadline of { $title } should change?
directive-change-deadline_done = Deadline changed: { $line }. { $count ->
        [one] { $count } unit was told
       *[other] { $count } units were told
    }.
directive-change-recipients_done = Units of { $title } updated. Added: { $added }. Removed: { $removed }. { $count ->
        [one] { $count } unit concerned was told.
       *[other] { $count } units concerned were told.
    }
directive-change-recipients_unchanged = The receiving units did not change.
directive-change-deadline_confirm =
    Change a deadline of { $title }:
    { $kind }: { $old } → { $new }
    { $count ->
        [one] { $count } unit will be told
       *[other] { $count } units will be told
    }. Change it (yes/no)?
directive-change-deadline_past = ⚠️ The new deadline is already past (today is { $today }): if you confirm, the units not done yet are overdue at once: their overdue reminders start now (one a day), then you are told if they still have not reported. If it was a typo, type the right deadline, or press «Cancel».
directive-change-deadline_kept = The deadline stays as it was; no unit was told.
directive-change-remove_reported_head = { $count ->
        [one] { $count } unit you are removing from { $title } has reported:
       *[other] { $count } units you are removing from { $title } have reported:
    }
directive-change-remove_reported_line = • { $code } — { $name }: reported at { $time }
directive-change-remove_reported_what = If removed, the report sent stays stored but no longer counts in /status or the exports, and the unit is told it no longer has to carry out this directive. Remove anyway (yes/no)?
directive-change-remove_reported_kept = No unit was removed. The units that have reported are ticked again:
directive-change-answer_yes_no = Please answer «yes» or «no», or press a button below.
directive-change-deadline =
    Deadline changed for { $title } ({ $subject }):
    { $kind }: { $old } → { $new }
directive-change-removed = { $title } ({ $subject }) is no longer assigned to your unit. You no longer need to carry it out or report on it.
directive-bad_photo = I could not read the text in the photo: { $reason } Please take a clearer photo, send the PDF / .docx file, or paste the full text.
directive-ocr_note = ⚠️ This document was read by text recognition (OCR) from a photo or scan and may have wrong numbers, dates or diacritics. Compare it with the paper and use «Edit», «Add deadline», «Remove deadline» to correct it before sending.
directive-ocr_pages_cut = Only the first { $read } of the scan's { $total } pages were read.
directive-ocr_unreadable_layer = The PDF's text layer cannot be read (a legacy TCVN3/VNI font or a font without a Unicode map), so I read the page images by text recognition (OCR).
directive-ocr_not_document = I read the picture by text recognition (OCR) but found no number, symbol or subject of a directive; nothing was saved. Please take a clearer photo (whole page, straight, well lit), send the PDF/.docx, or paste the full text.
intake-empty = The file is empty.
intake-binary = The file is not a document (binary data).
intake-unsupported = The file is not a .docx, .txt, PDF or photo of a document.
intake-bad_format = { $reason }
intake-not_received = The file's content did not arrive (the download failed); please send it again.
intake-too_big = The file is { $size } MB, over the { $limit } MB limit.
intake-pdf_password = The PDF is password-protected; please send a copy without a password.
intake-ocr_unavailable = This is a picture and needs text recognition (OCR), but Vietnamese Tesseract OCR is not installed on the server (packages tesseract-ocr, tesseract-ocr-vie), so it cannot be read.
intake-pdf_ocr_unavailable = This PDF has no text layer (it is a scan) and needs text recognition (OCR), but Vietnamese Tesseract OCR is not installed on the server (packages tesseract-ocr, tesseract-ocr-vie, poppler-utils), so it cannot be read.
intake-pdf_unreadable = The text layer of this PDF cannot be read: it was made with a legacy font (TCVN3/ABC such as .VnTime, or VNI) or a font without a Unicode map, so its text comes out as strange characters, and text recognition (OCR) of the page images was not possible on the server. Please send a photo or scan of the document, or open the original, convert it to a Unicode font (for example with Unikey's converter) and paste the full text.
intake-legacy_font = The file was typed in a legacy font (TCVN3/ABC such as .VnTime, or VNI), so its text comes out as strange characters. Please open it in Word, convert it to a Unicode font (for example with Unikey's converter) and send it again, or send a photo of the document.
intake-image_unreadable = The picture is damaged or cannot be opened.
intake-ocr_no_text = Text recognition (OCR) found hardly any text: the picture is not a document, or is too blurred or too small; nothing was saved.
intake-ocr_timeout = Text recognition (OCR) took over { $seconds } seconds for a page and was stopped.
intake-ocr_failed = Text recognition (OCR) failed on this file.
directive-doc-acked_by_report = received, per the report staff sent on its behalf
directive-summary-window = from { $start } to { $end }
directive-summary-flag-month_for_day = {" "}(the document says «{ $phrase }»; read as a day, please check)
directive-summary-flag-year_typo = {" "}(the document says «{ $phrase }», a year before its own date; read as its own year, please check)
directive-summary-flag-relative = {" "}(counted from an event the document does not date: press «Add deadline» to set the date; no reminder is sent for this line until it has one)
directive-summary-flag-own_office = {" "}(a duty of the issuing office itself, not asked of the units; no report request is made for them)
directive-ack-unknown_number = No directive numbered { $number } is assigned to your { $unit_word }. Type /directives to see them.
directive-ack-none_waiting = { $Unit_word }: every directive assigned to it is acknowledged. Type /directives to see them.
directive-ack-which = Which directive are you acknowledging? (or type «đã nhận» with its number, e.g. đã nhận 141)

## Document types by their folded Vietnamese name (services/directive_texts.doc_type_name); the stored value stays Vietnamese.
directive-doctype-cong_van = Official letter
directive-doctype-ke_hoach = Plan
directive-doctype-nghi_quyet = Resolution
directive-doctype-chi_thi = Directive
directive-doctype-thong_bao = Notice
directive-doctype-huong_dan = Guidance
directive-doctype-ket_luan = Conclusion
directive-doctype-quyet_dinh = Decision
directive-doctype-quy_dinh = Regulation
directive-doctype-bao_cao = Report
directive-doctype-thong_tu = Circular
directive-doctype-chuong_trinh = Programme
directive-doctype-to_trinh = Submission
directive-doctype-cong_dien = Official dispatch
directive-doctype-de_an = Project
directive-doctype-quy_che = Rules
directive-doctype-giay_moi = Invitation
typed_deadline-day_of_month = There is no day { $day } in a month: a recurring rule needs a day from 1 to 31, e.g. «hằng tháng trước ngày 25»
typed_deadline-day_of_year = There is no { $day }/{ $month } in a year: a yearly rule needs a real day (month 1 to 12, a day that month has), e.g. «trước ngày 10/8 hằng năm»
typed_deadline-day_unread = The day in the rule «{ $phrase }» could not be read. Write it as «hằng tháng trước ngày 25», «hằng quý, trước ngày 20 tháng cuối quý», «trước ngày 10/8 hằng năm»
directive-ask_remove_confirm = Remove the deadline «{ $line }» from the directive?
directive-button-keep_deadline = Keep it
directive-deadline_removed = Deadline removed: { $line }
directive-deadline_kept_in_draft = Deadline kept: { $line }
