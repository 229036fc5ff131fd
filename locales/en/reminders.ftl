### Deadline reminders, recurring reports, overdue escalation, daily digest. Every key must exist in locales/vi/reminders.ftl.

reminder-text =
    🔔 Reminder: { $directive } — { $subject }
    { $deadline } — { $left }.
    { $ask }
reminder-merged =
    🔔 Reminder
    { $blocks }
    { $ask }
reminder-ask-when_done = Please report the result when done.
reminder-ask-now = Please report the result now.
reminder-ask-manual = Please report the result.
reminder-merged_block =
    { $directive } — { $subject }
    { $lines }
reminder-merged_line = • { $deadline } — { $left }.
reminder-button_report_of = Report { $directive }
reminder-button_ack_of = Received { $directive }
reminder-recurring_text =
    🔔 Report due: { $directive } — { $subject }
    This report is due at { $when }. Please send it on time.
reminder-period = { $rule } (this period: due { $due })
reminder-period_before = before { $date }
reminder-manual_text =
    🔔 Reminder from the office: { $directive } — { $subject }
    { $deadline } — { $left }.
    { $ask }
reminder-left-days = { $n ->
        [one] { $n } day left
       *[other] { $n } days left
    }
reminder-left-hours = { $n ->
        [one] { $n } hour left
       *[other] { $n } hours left
    }
reminder-left-hours_minutes = { $h } h { $m } min left
reminder-left-minutes = { $n ->
        [one] { $n } minute left
       *[other] { $n } minutes left
    }
reminder-left-today = today is the last day
reminder-left-overdue = overdue { $n ->
        [one] by { $n } day
       *[other] by { $n } days
    }
reminder-button_report = Report
reminder-button_ack = Received
reminder-escalation =
    ⚠️ Overdue: { $directive } — { $deadline }
    { $groups }
reminder-escalation_reminded =
    Units that have not done it { $times ->
        [one] after { $times } reminder
       *[other] after { $times } reminders
    }:
    { $cells }
reminder-escalation_unreached =
    Units with no secretary or person in charge registered on chibot (they received no reminder); please contact them directly:
    { $cells }
reminder-escalation_undelivered =
    Units that received no reminder (the messages to their secretary or person in charge could not be delivered); please contact them directly:
    { $cells }
reminder-escalation_parent =
    ⚠️ Units under you are overdue: { $directive } — { $deadline }
    { $cells }
    Please follow up.
reminder-cell_line = • { $code } — { $name }
reminder-unreachable = ⚠️ Could not message { $name } ({ $unit }): the account blocked chibot. Please contact them directly.
reminder-digest-head = 📋 Digest for { $date }
reminder-digest-directive = { $directive }: reported { $reported }/{ $assigned }
reminder-digest-overdue = {"  "}Overdue: { $cells }
reminder-digest-new_reports = {"  "}New reports since yesterday: { $cells }
reminder-digest-none = {"  "}(none)
reminder-digest-nothing = No open directives.
reminder-plan-usage = Type /reminders NUMBER, e.g. /reminders { $example }.
reminder-plan-head = Reminder plan for { $directive }: { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } to { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } (reminders due for one person at the same time go as one message):
reminder-plan-slot = { $when } — { $deadline }, { $offset }:
reminder-plan-recipients = {"  "}{ $cells }
reminder-plan-closed = { $directive } is closed, so no reminders are planned. Reopen it: /reopen { $number }
reminder-plan-not_published = { $directive } has not been sent yet, so no reminders are planned.
reminder-plan-all_done = No reminders left for { $directive }: every unit is done.
reminder-plan-nobody = No reminders planned for { $directive } yet: { $count ->
        [one] { $count } unit is
       *[other] { $count } units are
    } not done, but none has a secretary or person in charge registered on chibot. Once they register (invite them with /invite), chibot plans their reminders.
reminder-plan-unreached = Units chibot cannot message ({ $count }):
reminder-plan-unreached_some = Not reminded on chibot ({ $count ->
        [one] { $count } unit
       *[other] { $count } units
    }; once somebody there registers to receive messages, chibot plans their reminders):
reminder-plan-no_deadline = { $directive } has no deadline, so no reminders are planned. Set one: /deadline { $number }; remind now: /remind { $number }
reminder-plan-passed = No reminders left for { $directive }: the deadlines passed and the overdue reminders all went. Remind again: /remind { $number }
reminder-offset-before = { $n ->
        [one] { $n } day before
       *[other] { $n } days before
    }
reminder-offset-day = on the day
reminder-offset-hours = { $n ->
        [one] { $n } hour before
       *[other] { $n } hours before
    }
reminder-offset-overdue = overdue, time { $n }
reminder-offset-recurring = recurring report
reminder-remind-usage = Type /remind NUMBER, e.g. /remind { $example }.
reminder-remind-confirm = Send a reminder now to { $count ->
        [one] { $count } unit that has not
       *[other] { $count } units that have not
    } done { $directive }?
reminder-remind-button_send = Send reminder
reminder-remind-button_cancel = Cancel
reminder-remind-sent = Reminder sent to { $count ->
        [one] { $count } unit that has not
       *[other] { $count } units that have not
    } done { $directive }.
reminder-remind-none = Every unit has done { $directive }; no reminder needed.
reminder-remind-cancelled = Cancelled, nothing sent.
reminder-remind-closed = { $directive } is closed, so chibot does not remind the units (they can no longer report). Reopen it with /reopen { $number } before reminding.
reminder-remind-last = These units were last reminded: { $parts }.
reminder-remind-last_auto = automatically at { $time }
reminder-remind-last_by_hand = by hand at { $time }
reminder-remind-skipped = { $count ->
        [one] 1 other unit was reminded by hand at { $time } and is not reminded again (within { $minutes } minutes).
       *[other] { $count } other units were reminded by hand at { $time } and are not reminded again (within { $minutes } minutes).
    }
reminder-remind-too_soon = The units that have not done { $directive } were reminded by hand at { $time }; chibot does not remind them again within { $minutes } minutes, so nobody gets the same message twice. To say more, use /broadcast.
reminder-close-usage = Type /close NUMBER, e.g. /close { $example }.
reminder-close-done = Directive { $directive } closed: { $count ->
        [one] { $count } pending reminder cancelled
       *[other] { $count } pending reminders cancelled
    }. Reopen: /reopen { $number }
reminder-close-done_recurring = Directive { $directive } closed: { $count ->
        [one] { $count } pending reminder cancelled
       *[other] { $count } pending reminders cancelled
    }, recurring reports stopped. Reopen: /reopen { $number }
reminder-close-already = Directive { $directive } was already closed. Reopen: /reopen { $number }
reminder-close-not_published = Directive { $directive } was never sent, so it cannot be closed.
reminder-notify-usage = Type /notify each for one message per report, or /notify digest to batch them into the daily digest.
reminder-notify-each = You will now get one message per report.
reminder-notify-digest = New reports will now be batched into the daily digest at { $at }.
reminder-not_allowed = You do not manage this directive.
reminder-help_reminders = see the reminder plan of a directive
reminder-help_remind = remind the units that have not done it, now
reminder-help_close = close a directive (after confirming): stop reminders, recurring reports and reports
reminder-help_notify = choose one message per report or a daily digest
reminder-close-button_cancel = Cancel
reminder-close-button_close = Close
reminder-close-cancelled = Cancelled, the directive stays open.
reminder-close-confirm = Close { $directive }? chibot then stops reminders, and cells can no longer report on it. You can reopen it with /reopen { $number }.
reminder-close-confirm_recurring = Close { $directive }? chibot then stops reminders and recurring reports, and cells can no longer report on it. You can reopen it with /reopen { $number }.
reminder-help_reopen = reopen a closed directive: reminders and reports again
reminder-remind-nobody = { $count ->
        [one] { $count } unit has not done { $directive }, but it cannot
       *[other] { $count } units have not done { $directive }, but none of them can
    } get a reminder through chibot, so there is nothing to send.
reminder-reopen-done = Directive { $directive } reopened: { $count ->
        [one] { $count } reminder planned
       *[other] { $count } reminders planned
    } from now on; cells can report on it again.
reminder-reopen-not_closed = Directive { $directive } is not closed; nothing to reopen.
reminder-reopen-usage = Type /reopen NUMBER, e.g. /reopen { $example }.
reminder-remind-sent_messages = Reminded { $count ->
        [one] { $count } unit
       *[other] { $count } units
    } that have not done { $directive } ({ $messages } messages: some units have several people receiving them).
reminder-remind-waiting = The units that have not done { $directive } already have a reminder waiting to go; chibot queues no duplicate.
reminder-digest-overdue_period = {"  "}Overdue { $period } (due { $due }): { $cells }
reminder-digest-overdue_earlier = {"  "}and { $count } earlier periods with units that have not reported (see /status).
