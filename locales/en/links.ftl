### English — one person on both Telegram and Zalo (/link, /kenh). Same keys as locales/vi/links.ftl.

help-link = link your Telegram and Zalo accounts
help-kenh = choose where reminders and directives go (telegram | zalo)
link-code =
    Your link code: { $code }
    Open chibot on { $other } and send: /link { $code }
    The code works once, for { $minutes } minutes. Once linked, both channels have the same unit and role.
link-done = Linked! This { $channel } account now shares the unit, role and directives of your other account. Reminders go to the channel you wrote from last; send /kenh to choose one.
link-error-unknown = This link code is not known. Send /link on the channel you registered on to get a new one (LK and 6 characters, e.g. LK4H7Q2M).
link-error-expired = This link code has expired. Send /link on the channel you registered on to get a new one.
link-error-used = This link code has already been used. Each code works once; send /link for a new one if needed.
link-error-same_channel = Send this code on the other channel (Telegram or Zalo), not the one that made it.
link-error-other_person = This account already belongs to someone else in chibot, so your code cannot link it. If this is a mistake, contact the administrator.
link-error-already_linked = This account is already linked to you.
link-error-channel_taken = You already have another account on this channel. One account per channel can be linked; contact the administrator to change it.
kenh-usage = Usage: /kenh telegram or /kenh zalo (or /kenh auto: the channel you wrote from last).
kenh-done = From now on reminders, directives and notices go to { $channel }. If it cannot be reached, chibot uses the other channel.
kenh-auto = From now on reminders go to the channel you wrote from last.
kenh-no_account = You have no usable { $channel } account in chibot yet. Send /link here, then send the code on { $channel } to link it.
kenh-current_auto = Reminders go to { $channel } (the channel you wrote from last). Linked accounts: { $linked }. Change with /kenh telegram or /kenh zalo.
kenh-current_fixed = Reminders go to { $channel } (your choice). Linked accounts: { $linked }. Send /kenh auto to follow the channel you wrote from last.
