### Reports of cells and mass organisations. Every key must exist in locales/vi/reports.ftl.

report-describe = sending a report
report-describe_for = sending the report on { $directive } (type /report to start it again)
report-help_report = send the report on a directive
report-help_mytasks = see assigned directives, deadlines and status
report-no_open = Your { $unit_word } has no directive waiting for a report.
report-pick = Which directive are you reporting on? (not yet reported first, nearest deadline first)
report-pick_item = { $directive } — { $due }
report-pick_item_reported = Correct the report on { $directive } — { $due }
report-start =
    Report on { $directive } — { $unit }.
    Deadline: { $due }. Type /cancel to stop; nothing is saved.
report-on_behalf = You are reporting on behalf of { $unit }; the report is recorded as sent on its behalf.
report-already_sent = { $unit } already sent a report at { $when } (version { $version }{ $figures }). This one will be a correction (version { $next }); the earlier one is kept.
report-staff_usage = To report on behalf of a unit, type /report UNIT_CODE (or /report UNIT_CODE NUMBER), e.g. /report { $example }.
report-unit_unknown = No unit with code «{ $code }» under your responsibility.
report-not_open = This directive is no longer open for reports (completed or cancelled).
report-quick_unknown_ref = No directive numbered «{ $ref }» is assigned to your { $unit_word }. Type /report to pick from the list.
report-number_unknown = No open directive numbered { $ref } for your { $unit_word }. Type /report to pick from the list, or /mytasks to see the numbers.
report-number_unknown_staff = No open directive numbered { $ref }. To report on behalf of a unit, type /report UNIT_CODE NUMBER, e.g. /report CB01 { $ref }.
report-ref_unknown_in_flow = No directive numbered { $ref } is assigned to { $unit }, so nothing of this message was added to the report on { $directive }. Please answer the question below (or type /cancel to stop).
report-form_closed = The report form is closed (sent, cancelled, or left unanswered too long), so «{ $text }» was not added to any report. To report, type /report (or /report NUMBER) to start again.
report-other_ref_in_flow = You are reporting on { $directive }. This message is about directive «{ $ref }», so nothing of it was added to this report. To report on «{ $ref }» first, type /cancel (dropping the report in progress) and send it again; or answer the question below.
report-list_expects_button = I did not understand that message. Press one of the buttons below (or type its number), or type /cancel to stop.
report-quick_understood = Noted: { $fields }.
report-quick_nothing = I did not recognise a report in this message; I will ask question by question.
report-quick_unplaced = I did not understand: «{ $text }».
report-unplaced_offer = The part I did not understand: «{ $text }». If it is the { $label }, press the button below; if not, just confirm (it is not kept).
report-pending_percent = Noted { $percent }%; the total is needed to compute the number of people.
report-zero_reached = Nobody reached (0/{ $total }), is that right?
report-zero_reached_expects = Please answer «Yes» if it really is 0 people, «No» to type it again, or type the number of people reached (e.g. 40).
report-command_not_answer = «{ $text }» is a command, not an answer, so nothing was added to the report. Please answer the question below (or type «cancel» to stop).
report-done_nothing_ticked = «{ $label }» needs at least one choice before «Done»; press a button, or type the number or name of one of: { $options }.
report-done_nothing_ticked_other = «{ $label }» needs at least one choice before «Done»; press a button, type the number or name of one ({ $options }), or type «other: ...» for another one.
report-skip_required = «{ $label }» is required and cannot be skipped.
report-nothing_back = This is the first question; there is nothing to go back to.
report-attachment_saved = Received «{ $name }». Send more, or press «Done».
report-attachment_too_large = «{ $name }» is larger than the { $max_mb } MB limit; please send a smaller file (e.g. a photo instead of a scan).
report-attachment_not_now = This question needs a text answer; send files at «{ $label }» later.
report-attachment_no_field = This report has no attachment question; please answer in text.
report-edit_pick = Which answer do you want to change?
report-summary =
    Please check the report on { $directive } — { $unit }:
    { $lines }
    Press «Confirm» to send, or «Edit» to change an answer.
report-summary_line = • { $label }: { $value }
report-saved = Thank you! The report on { $directive } — { $unit } was sent: { $timing }.
report-saved_amended = Thank you! The amended report on { $directive } — { $unit } was sent (version { $version }): { $timing }. The earlier version is kept.
report-same_as_sent = This report is the same as version { $version } sent at { $when } for { $directive }, so it was not sent again; that one is on record. To correct it, type /report and change the figures.
report-not_saved = The report was not saved: { $problems }
report-notify_new =
    { $unit } reported on { $directive }{ $behalf } — { $timing }.
    { $summary }
report-notify_amended =
    { $unit } amended its report on { $directive } (version { $version }){ $behalf } — { $timing }.
    { $summary }
report-notify_secretary_behalf =
    { $name } (staff of the committee above) reported on { $directive } for { $unit } (version { $version }):
    { $summary }
report-notify_behalf = {" "}(sent on its behalf by { $name })
report-gathered =
    { $count ->
        [one] { $count } unit has just reported on
       *[other] { $count } units have just reported on
    } { $directive }: { $units }.
    So far { $reported }/{ $total } units have reported.
report-gathered_more = { $units } and { $count } more
report-mytasks_header = Assigned to { $unit } (nearest deadline first):
report-mytasks_line =
    • { $directive }: { $subject }
    {"   "}Due: { $due } — { $status }
report-mytasks_two_dues = { $first_kind }: { $first }; { $kind }: { $due }
report-status_overdue = { $status } — overdue by { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
report-mytasks_none = { $unit } has no open assignments.
report-mytasks_hint = Press «Received» once your { $unit_word } has the directive, «Report» to report the result; or type a one-line report, for example: bc { $example } in person + zalo 45/50 good. See the directive: /doc { $example }.
report-mytasks_hint_acked = Press «Report» to report your { $unit_word }'s result; or type a one-line report, for example: bc { $example } in person + zalo 45/50 good. See the directive: /doc { $example }.
report-timing-on_time = on time — due { $due }
report-timing-late = late — due { $due }
report-timing-no_deadline = the directive has no report deadline
report-due-none = no deadline
report-due-shown = { $shown } ({ $when })
report-status-assigned = receipt not confirmed
report-status-acknowledged = received, not reported
report-status-reported = reported
report-status-completed = completed
report-status-cancelled = cancelled
report-button-unplaced = Put it in «{ $label }»
report-button-ack = Received
report-button-report = Report
report-button-back = « Back
report-button-skip = Skip
report-button-done = Done
report-button-confirm = Confirm
report-button-edit = Edit
report-button-yes = Yes
report-button-no = No
report-ask-integer = { $label }? Type a whole number.
report-ask-ratio_part = { $label }? Type the number of people, e.g. 45, or people/total, e.g. 45/50 (the % is computed).
report-ask-ratio_part_of = { $label } (out of { $whole } in total)? Type the number of people.
report-ask-ratio_whole = { $label }? Type the total number of people, e.g. 50.
report-ask-percentage = { $label }? Type a percentage, e.g. 90%.
report-ask-text = { $label }? Type the text (at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
report-ask-choice = { $label }? Pick one (or type its number).
report-ask-choice_other = { $label }? Pick one, or type another answer.
report-ask-multi_choice = { $label }? Pick one or more, then press «Done», or type e.g. «in person + zalo».
report-ask-multi_selected = Selected: { $selected }.
report-ask-date = { $label }? Type a date, e.g. 20/8.
report-ask-yes_no = { $label }? Pick Yes or No.
report-ask-attachment = { $label }? Send a photo or a file (at most { $max_mb } MB), then press «Done».
report-ask-optional = (Optional: press «Skip» if there is none.)
report-ask-optional_typed = (Optional: type { $number } to skip if there is none.)
report-ask-optional_words = (Optional: type «skip» if there is nothing.)
report-ask-back_words = (Type «back» to return to the previous question.)
report-ask-current = Current answer: { $value }.
report-value-none = (none)
report-value-not_asked = not asked, as nobody was reached
report-value-ratio = { $part }/{ $whole } ({ $percent }%)
report-value-other = other: { $text }
report-value-files = { $count ->
        [one] { $count } file
       *[other] { $count } files
    }
report-value-yes = yes
report-value-no = no
report-error-not_a_number = «{ $label }» needs a whole number, e.g. 45 (no letters).
report-error-not_whole = «{ $label }» needs a whole number, without decimals.
report-error-negative = «{ $label }» cannot be negative; type 0 or more.
report-error-below_min = «{ $label }» must be at least { $min }.
report-error-above_max = «{ $label }» must be at most { $max }.
report-error-whole_zero = «{ $label }» must be more than 0; type the total number of people, e.g. 50.
report-error-rule_le = «{ $left }» ({ $left_value }) cannot be larger than «{ $right }» ({ $right_value }); please type it again, e.g. 45/50.
report-error-bad_pair = I did not understand «{ $text }»; type people/total, e.g. 45/50.
report-error-percent_here = «{ $label }» needs a whole number, not a percentage; the percentage is computed.
report-error-bad_percent = «{ $text }» is not a percentage; type a number, e.g. 90%, or people/total, e.g. 45/50.
report-error-percent_range = A percentage must be between 0% and 100%.
report-error-percent_not_whole = { $percent }% of { $whole } people is not a whole number of people; type the exact number, e.g. { $part }/{ $whole }.
report-error-percent_mismatch = { $part }/{ $whole } is { $percent }%, not { $typed }%; please type people/total again.
report-error-text_empty = «{ $label }» is empty; please type the text.
report-error-text_too_long = The text is { $length ->
        [one] { $length } character long
       *[other] { $length } characters long
    }, over the { $max }-character limit; please shorten it.
report-error-choice_unknown = I did not understand this choice; press a button, or type the number or name of one of: { $options }.
report-error-choice_none = «{ $label }» needs at least one choice; press a button, or type the number or name of one of: { $options }.
report-error-other_confirm = «{ $text }» is not one of the levels: { $options }. Please pick one; if it really is another assessment, send the same text again (or type «other: ...»).
report-error-other_empty = Please say what the other answer is, e.g. «other: neighbourhood meeting».
report-error-yes_no_expected = Please answer «yes» or «no».
report-error-bad_date = «{ $label }» needs a date, e.g. 20/8.
report-error-attachment_expected = At this step send a photo or a file, or press «Done» or «Skip».
report-error-missing = «{ $label }» is missing
report-error-invalid = «{ $label }» is not valid
report-template_error-prefix = field '{ $field }':{" "}
report-template_error-no_fields = a report template needs a non-empty list of fields.
report-template_error-unreadable = the template cannot be read ({ $detail }).
report-template_error-not_a_mapping = each field must be a mapping of key: value.
report-template_error-bad_key = a field key has only lowercase letters without accents, digits and underscores (at most 32 characters).
report-template_error-duplicate = the field key is used twice.
report-template_error-bad_type = type «{ $type }» is not valid; use one of: { $types }.
report-template_error-no_label = the label (label_vi) is missing.
report-template_error-bounds_not_numeric = only number fields (integer, percentage) have min/max.
report-template_error-min_over_max = min ({ $min }) is larger than max ({ $max }).
report-template_error-bad_bound = { $bound } must be a number, not «{ $value }».
report-template_error-no_options = a choice field needs a list of options.
report-template_error-options_not_allowed = only choice and multi_choice fields have options.
report-template_error-duplicate_option = two options have the same value.
report-template_error-bad_max_length = max_length must be a positive whole number.
report-template_error-bad_required = required must be true or false.
report-template_error-bad_aliases = aliases must be a list.
report-template_error-bad_option = each option needs a value; synonyms must be a list.
report-template_error-bad_option_value = option value «{ $value }» may only have lowercase letters without accents, digits, underscores (at most 32 characters).
report-template_error-bad_rule = the rule is not valid; use one of: { $rules }.
report-template_error-rule_unknown_field = the rule names a field that is not in the template.
report-template_error-rule_not_numeric = comparison rules apply to number fields only.
report-template_error-bad_ratio = ratio needs part and whole.
report-template_error-ratio_not_integer = the ratio is computed from two whole-number fields of the template.
report-template_error-ratio_whole_min = the whole of the ratio must have min 1 or more (no division by zero).
report-closed = Directive { $directive } was closed on { $date }, so it takes no more reports. If you need to report more, contact the staff of the unit that sent it (they can reopen it).

## Periods of a recurring report (services/report_periods.py)
report-period-monthly = period of month { $month }/{ $year }
report-period-quarterly = period of quarter { $quarter }/{ $year }
report-period-yearly = period of year { $year }
report-period-weekly = period of the week to { $date }
report-period-daily = period { $when }
report-period-due = { $period }: { $due }
report-pick_item_once = { $kind } (one-off): { $due }
report-pick_period = { $directive } has more than one item waiting for a report. Which one is this report for?
report-period-overdue = { $period } — overdue by { $days } days
report-period-doc_line = Report periods waiting: { $periods }
