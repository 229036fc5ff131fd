### English — the Zalo channel and linking accounts across channels. Same keys as locales/vi/zalo.ftl.

zalo-photo_unavailable = (The chart image cannot be sent over Zalo right now. See the figures above, or open chibot on Telegram to see the image.)
zalo-file_unavailable = (The file «{ $name }» cannot be sent over Zalo. Open chibot on Telegram to get it, or ask the committee office.)
zalo-file_link = File «{ $name }»: { $url }
