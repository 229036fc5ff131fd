### English. Every key here must also be in locales/vi/ and the other way round.

role-admin = administrator
role-staff = committee staff
role-secretary = cell secretary

## What a unit is called and who leads it, by the unit's kind (see locales/vi/core.ftl).
unit_kind-cell-noun = cell
unit_kind-cell-leader = cell secretary
unit_kind-cell-leader_short = secretary
unit_kind-grassroots-noun = party organisation
unit_kind-grassroots-leader = party secretary
unit_kind-grassroots-leader_short = secretary
unit_kind-committee-noun = committee
unit_kind-committee-leader = committee secretary
unit_kind-committee-leader_short = secretary
unit_kind-mass-noun = organisation
unit_kind-mass-leader = person in charge
unit_kind-mass-leader_short = person in charge
unit_kind-unit-noun = unit
unit_kind-unit-leader = person in charge
unit_kind-unit-leader_short = person in charge

error-fallback = Sorry, something went wrong. Please try again later.
error-generic = Sorry, something went wrong while handling your message. Please try again in a few minutes.

start-how_to_register =
    Hello! I am chibot, the assistant that tracks directives, deadlines and the reports of cells, party organisations and mass organisations.
    To use me you need an invite code from your party committee office. When you have it, send: /start CODE (or just the code).
start-already_registered = You are already registered, { $name }.
start-welcome =
    Welcome! This account is now linked to { $unit } as { $role }.
    You can use these commands:
    { $commands }
start-invite_unknown = That invite code is not right. Check the code (letters and digits, no spaces) or ask the committee office for a new one.
start-invite_expired = That invite code has expired. Please ask the committee office for a new one.
start-invite_used = That invite code has already been used. Each code works once; ask for a new one if you need it.
start-open_directives = Your { $unit_word } has { $count ->
        [one] { $count } directive to carry out; it follows
       *[other] { $count } directives to carry out; they follow
    } right after this message.
start-invite_role_exists = This account already has that role in this unit.

help-text =
    Commands you can use:
    { $commands }
    Type /cancel at any time to leave what you are doing.
help-start = start / register with an invite code
help-help = list of commands
help-cancel = cancel what you are doing
help-whoami = show my unit and role
help-lang = change language (vi | en)
help-invite = create an invite for a cell secretary, the person in charge of a mass organisation or a staff member

cancel-nothing = You are not in the middle of anything.
cancel-done = Cancelled { $what }. Nothing was saved.

whoami-text =
    You: { $name }
    { $roles }
whoami-role_line = • { $role } — { $unit } (code { $code })

lang-usage = Usage: /lang vi or /lang en
lang-done = Switched to English.

command-unknown = I don't know the command { $command }. Type /help to see what you can do.

auth-denied = You are not allowed to do that.

button-stale = That button is old or no longer valid. Please use the latest message or type /help.

flow-expired = Your earlier { $what } was left unfinished for too long and was cancelled. Nothing was saved.
flow-dropped = Cancelled { $what }, left unfinished. Nothing of it was saved.
flow-outdated = chibot was updated, so your unfinished { $what } was stopped. Nothing was saved; please start again.

input-unsupported_media = I can only read text messages, documents and photos. Type /help to see the commands.
input-text_expected = I need a text answer to this question.
input-attachment_outside_flow = I received the file but don't know what it is for. Type /help to see the commands.
input-unknown_text = I didn't understand that message. Type /help to see what you can do.
input-choice_unknown = I didn't understand that choice. Answer with the number or the words of one option: { $options }

invite-ask_unit = Invite for which unit? Type the unit code (for example: { $example }).
invite-unit_unknown = No unit with code «{ $code }» under your responsibility. Type the code again (for example: { $example }), or /cancel to stop.
invite-unit_number = «{ $code }» is not a unit code. Type the code of the unit, for example: { $example }, or /cancel to stop.
invite-ask_role = Invite for which role at { $unit }?
invite-role_not_allowed = You cannot invite that role for that unit.
invite-ask_name = Name of the person invited? (type the name, or press Skip)
invite-name_too_long = The name is { $length } characters long; at most { $max }. Type a shorter name, or press Skip.
invite-role_already_held = Note: { $unit } already has a registered { $role } ({ $names }). This code adds one more person; both will get every directive and reminder.
invite-skip = Skip
invite-unnamed_secretary = { $leader }, { $unit }
invite-unnamed_staff = Staff, { $unit }
invite-unnamed_admin = Administrator, { $unit }
invite-created =
    Invite created for { $role } — { $unit }{ $label }:
    Code: { $code }
    Expires: { $expires }
    The person sends the bot: /start { $code }
invite-describe = creating an invite
invite-describe_for = creating an invite for { $unit }
menu-no_pick = I am not sure which option you mean.
menu-out_of_range = { $last ->
    [1] There is only one choice here: type 1.
   *[other] Please choose from 1 to { $last }.
}
menu-stale = Those options belong to an older message and no longer apply.
menu-pick_one = Answer with the number or the words of one option:
menu-what_to_do = Type /help to see the commands you can use.
reach-blocked = the { $leader } blocked chibot
reach-head_before = Note: { $count ->
    [one] one unit cannot
   *[other] { $count } units cannot
} be told yet (nobody receives messages from chibot there). The directive is still assigned; they get it once someone registers (invite with /invite), or tell them another way:
reach-head = Could not tell { $count ->
        [one] { $count } unit
       *[other] { $count } units
    } (no secretary or person in charge who gets chibot's messages; please tell them another way):
reach-line = • { $code } — { $name }: { $reason }
reach-more = … and { $count ->
        [one] { $count } more unit
       *[other] { $count } more units
    }
reach-no_secretary = no { $leader } registered

## The words of a deadline as shown, for a reader of English (stored in Vietnamese).
deadline_word-first_month_of_quarter = of the first month of the quarter
deadline_word-middle_month_of_quarter = of the middle month of the quarter
deadline_word-last_month_of_quarter = of the last month of the quarter
deadline_word-first_half = the first half of
deadline_word-second_half = the second half of
deadline_word-by_end_of = by the end of
deadline_word-no_later_than = no later than
deadline_word-daily = daily
deadline_word-weekly = weekly
deadline_word-monthly = monthly
deadline_word-quarterly = quarterly
deadline_word-yearly = yearly
deadline_word-before = before
deadline_word-until = until
deadline_word-from = from
deadline_word-in = in
deadline_word-at = at
deadline_word-on = on
deadline_word-mon = Monday
deadline_word-tue = Tuesday
deadline_word-wed = Wednesday
deadline_word-thu = Thursday
deadline_word-fri = Friday
deadline_word-sat = Saturday
deadline_word-sun = Sunday
deadline_word-day = day
deadline_word-month = month
deadline_word-quarter = quarter
deadline_word-year = year

# The number a usage hint shows when the person sees no numbered directive: plainly an example.
usage-example_number = 123
