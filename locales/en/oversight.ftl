### Oversight, broadcasts and compiled exports (committee staff).

status-help = where directives stand: /status or /status NUMBER (add «chart» for a chart)
status-none = Your unit has no directive in progress.
status-head = Directives in progress (newest first):
status-line =
    • { $title }
    {"   "}Assigned { $assigned } · acknowledged { $acknowledged } · reported { $reported } · overdue { $overdue }
    {"   "}Nearest deadline: { $nearest }
status-line_sending =
    • { $title }
    {"   "}Being sent to the units: { $done }/{ $total }
status-no_nearest = no upcoming deadline
status-hint = Type /status NUMBER for one directive, e.g. /status { $example }.
status-hint_plain = Type /status NUMBER for one directive.
status-more = … and { $count ->
        [one] { $count } more directive
       *[other] { $count } more directives
    }.
status-title = Progress of { $title }
status-sending = The directive is still being sent to the units: { $done }/{ $total } so far. Acknowledgement and report figures are complete once it is sent; look again in a few minutes.
status-counts = { $assigned ->
        [one] Assigned to { $assigned } unit
       *[other] Assigned to { $assigned } units
    } · acknowledged { $acknowledged } · reported { $reported } · overdue { $overdue }
status-deadlines_head = By deadline:
status-deadline_line = • { $kind } { $shown }: reported { $reported }/{ $concerned }, overdue { $overdue }
status-deadline_line_no_overdue = • { $kind } { $shown }: reported { $reported }/{ $concerned }
status-period_current = • { $kind } { $rule }, this period (due { $due }): reported { $reported }/{ $concerned }
status-period_last = • { $kind } { $rule }, last period (due { $due }): reported { $reported }/{ $concerned }, overdue { $overdue }
status-period_missing = {"  "}Not reported: { $cells }
status-period_cells_more = { $cells } and { $count } more
status-reach = People reached: { $reached }/{ $total } ({ $percent })
status-reach_none = People reached: no figures yet
status-groups_head = By subordinate unit:
status-group_line = • { $name }: reported { $reported }/{ $cells } · reached { $reached }/{ $total } ({ $percent })
status-missing_head = Units that have not reported ({ $count }):
status-missing_group = { $name }:
status-missing_direct = Directly under the committee:
status-missing_line = • { $code } — { $name }{ $overdue } — { $leader }: { $secretaries }
status-missing_overdue = {" "}(overdue)
status-no_secretary = no registered { $leader }
status-missing_more = … and { $count ->
        [one] { $count } more unit
       *[other] { $count } more units
    } (the full list: /export { $number }).
status-all_reported = Every unit has reported.
status-no_percent = n/a
status-button_chart = Show chart
status-button_export = Export to Excel
status-usage_chart = For a chart, type /status NUMBER chart, e.g. /status { $example } chart.
status-chart_caption = Chart of the progress of { $title }
status-chart_title_groups = Reported / not reported per unit
status-chart_title_percent = People reached (%) per unit
status-chart_reported = Reported
status-chart_not_reported = Not reported
status-chart_others = Other units ({ $count })
status-chart_no_data = No report with figures yet

broadcast-help = send a message to the cells (choose the audience, preview, confirm)
broadcast-describe = a broadcast
broadcast-ask_text = Please type the message for the cells (you may attach one file). Type /cancel to stop.
broadcast-too_long = The message is { $length ->
        [one] { $length } character long
       *[other] { $length } characters long
    }, over the { $limit }-character limit of one message. Please shorten it or send it in parts.
broadcast-file_too_large = The file «{ $name }» is larger than the { $max_mb } MB limit. Please send a smaller file.
broadcast-file_unreadable = The content of «{ $name }» did not arrive. Please send the file again.
broadcast-file_saved = File «{ $name }» received. Please type the message to go with it.
broadcast-ask_audience = Who should receive it?
broadcast-audience_all = All cells and mass organisations of the unit
broadcast-audience_not_reported = Not yet reported on a directive…
broadcast-audience_overdue = Overdue on a directive…
broadcast-audience_not_acknowledged = Not yet acknowledged a directive…
broadcast-audience_picked = Pick units
broadcast-ask_directive = Which directive? Please type its number, e.g. 141.
broadcast-directive_unknown = No directive numbered «{ $number }» of your unit was found. Please type the number again.
broadcast-empty = No unit matches the chosen audience, so nothing was sent. Please choose another audience or type /cancel.
broadcast-preview =
    Preview:
    ———
    { $text }
    ———
    Audience: { $audience }
    It will go to { $accounts ->
        [one] { $accounts } account
       *[other] { $accounts } accounts
    } { $units ->
        [one] of { $units } unit.
       *[other] of { $units } units.
    }{ $unreachable }
broadcast-preview_closed = ⚠️ { $directive } was closed at { $when }: this message only reaches the units, they still cannot send a report. To take reports again, reopen it with /reopen { $number } before sending.
broadcast-preview_file =
    {""}
    Attached file: { $name }
broadcast-confirm = Send
broadcast-cancel = Cancel
broadcast-cancelled = Cancelled; nothing was sent.
broadcast-queued = { $accounts ->
        [one] { $accounts } message is queued
       *[other] { $accounts } messages are queued
    }. Progress will be shown in the next message.
broadcast-audience-all = all cells and mass organisations
broadcast-audience-not_reported = units that have not reported on { $number }
broadcast-audience-overdue = units overdue on { $number }
broadcast-audience-not_acknowledged = units that have not acknowledged { $number }
broadcast-audience-picked = { $count ->
        [one] { $count } picked unit
       *[other] { $count } picked units
    }
broadcast-header = Message from { $unit }:
broadcast-progress = Sent { $done }/{ $total }
broadcast-report =
    Delivery report ({ $audience }):
    • Delivered: { $sent }
    • Not delivered: { $failed }{ $reasons }
broadcast-reason_blocked =
    {""}
    {"   "}– blocked the bot: { $names }
broadcast-reason_failed =
    {""}
    {"   "}– sending failed: { $names }
broadcast-reason_no_secretary =
    {""}
    {"   "}– no registered or reachable secretary: { $names }
broadcast-by_channel =
    {""}
    • Sent via: { $channels }
# One channel and how many messages it carried, e.g. "Zalo 12"; the number in this language's format.
broadcast-channel_count = { $channel } { $count }

export-help = export the compiled report: /export NUMBER (Excel, Word or CSV)
export-usage = Usage: /export NUMBER [xlsx|docx|csv], for example /export { $example } or /export { $example } docx.
export-bad_format = The format «{ $format }» is not available; chibot exports xlsx, docx or csv only, for example /export { $example } docx.
export-ask_format = Which format for { $title }?
export-caption = Compiled report on { $title }
export-nothing = No unit has reported on { $title } yet.
export-sheet_cells = Units
export-sheet_summary = Summary
export-col-code = Unit code
export-col-unit = Unit
export-col-parent = Part of
export-col-secretary = Secretary / person in charge
export-col-status = Status
export-col-acknowledged_at = Acknowledged at
export-col-first_submitted_at = First reported at
export-col-submitted_at = Latest version sent at
export-col-timing = On time / late
export-col-formats = Formats
export-col-format_other = Other format
export-col-reached = People reached
export-col-total = Total people
export-col-percent = Percent (%)
export-col-awareness = Awareness
export-col-difficulties = Difficulties, proposals
export-col-version = Report version
export-col-behalf = Reported on behalf
export-value-on_time = on time
export-value-late = late
export-value-overdue = overdue
export-value-overdue_status = overdue ({ $status })
export-value-yes = yes
export-value-not_reported = not reported
export-summary-directive = Directive
export-summary-subject = Subject
export-summary-assigned = Units assigned
export-summary-acknowledged = Acknowledged
export-summary-reported = Reported
export-summary-not_reported = Not reported
export-summary-overdue = Overdue
export-summary-on_time = Reported on time
export-summary-late = Reported late
export-summary-reached = People reached
export-summary-total = Total people
export-summary-percent = Overall percent (%)
export-summary-exported_at = Exported at
export-summary-no_reports = No unit has reported yet.
export-docx-party = COMMUNIST PARTY OF VIETNAM
export-docx-place_date = { $place }, { $day }/{ $month }/{ $year }
export-docx-place = ……………
export-docx-title = REPORT
export-docx-subtitle = Results of carrying out { $number }
export-docx-figures = I. OVERALL RESULTS
export-docx-figures_line = { $reported }{ $assigned ->
        [one] /{ $assigned } unit has reported
       *[other] /{ $assigned } units have reported
    } ({ $overdue } overdue). People reached: { $reached }/{ $total } ({ $percent }).
export-docx-cells = II. RESULTS PER UNIT
export-docx-missing = III. UNITS THAT HAVE NOT REPORTED
export-docx-missing_none = Every unit has reported.
export-docx-difficulties = IV. DIFFICULTIES AND PROPOSALS
export-docx-difficulties_none = No unit reported difficulties or proposals.
export-docx-signature = ON BEHALF OF THE STANDING COMMITTEE
export-docx-signer_role = (signature, full name)
export-docx-recipients = To:
export-docx-recipients_lines =
    - As above;
    - Filed.
export-docx-no_reports = No unit has reported yet.
export-docx-behalf_mark = (reported on behalf by staff)
export-cli-bad_format = unknown format «{ $fmt }»: use xlsx, docx or csv
export-cli-stdout_csv = only CSV can be written to standard output (-o -); give a file name for xlsx and docx
export-cli-not_found = no directive numbered { $number } was found
export-cli-ambiguous =
    { $count } directives are numbered { $number }:
    { $lines }
    run the command again with the directive's id, for example: chibot export '#{ $id }' -o FILE
export-cli-written = Wrote { $path }.
broadcast-none_reachable = The chosen audience has { $count ->
        [one] { $count } unit, but it cannot
       *[other] { $count } units, but none of them can
    } get messages through chibot, so nothing was sent. Choose another audience or type /cancel.
broadcast-sent_already = This message was already sent at { $time } to { $accounts ->
        [one] { $accounts } account
       *[other] { $accounts } accounts
    }; chibot does not send it again. To send another, type /broadcast.
status-period_earlier = • { $kind } { $rule }, { $period } (due { $due }): reported { $reported }/{ $concerned }, overdue { $overdue }
export-col-period = Period
export-value-one_off = one-off report
