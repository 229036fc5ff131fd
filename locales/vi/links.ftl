### Tiếng Việt — một người dùng cả Telegram và Zalo (/link, /kenh). Mỗi khóa phải có trong locales/en/links.ftl.

help-link = liên kết tài khoản Telegram và Zalo của đồng chí
help-kenh = chọn kênh nhận nhắc việc, văn bản (telegram | zalo)
link-code =
    Mã liên kết của đồng chí: { $code }
    Mở chibot trên { $other } và gửi: /link { $code }
    Mã dùng được một lần, trong { $minutes } phút. Sau khi liên kết, đồng chí dùng được cả hai kênh với cùng đơn vị và vai trò.
link-done = Đã liên kết! Tài khoản { $channel } này nay dùng chung đơn vị, vai trò và văn bản với tài khoản kia của đồng chí. Nhắc việc sẽ gửi về kênh đồng chí nhắn gần nhất; gõ /kenh để chọn kênh cố định.
link-error-unknown = Mã liên kết không đúng. Đồng chí gõ /link ở kênh đã đăng ký để lấy mã mới (dạng LK và 6 ký tự, ví dụ LK4H7Q2M).
link-error-expired = Mã liên kết đã hết hạn. Đồng chí gõ /link ở kênh đã đăng ký để lấy mã mới.
link-error-used = Mã liên kết này đã được dùng rồi. Mỗi mã chỉ dùng một lần; đồng chí gõ /link để lấy mã mới nếu cần.
link-error-same_channel = Mã này cần gửi ở kênh kia (Telegram hoặc Zalo), không phải kênh vừa tạo mã.
link-error-other_person = Tài khoản này đã thuộc về một người khác trong chibot, nên không liên kết được bằng mã của đồng chí. Nếu có nhầm lẫn, xin liên hệ quản trị.
link-error-already_linked = Tài khoản này đã được liên kết với đồng chí rồi.
link-error-channel_taken = Đồng chí đã có một tài khoản khác trên kênh này. Mỗi người liên kết một tài khoản cho mỗi kênh; xin liên hệ quản trị nếu cần đổi.
kenh-usage = Cách dùng: /kenh telegram hoặc /kenh zalo (hoặc /kenh tự động: theo kênh đồng chí nhắn gần nhất).
kenh-done = Từ nay nhắc việc, văn bản và thông báo gửi qua { $channel }. Nếu kênh này không nhận được, chibot gửi qua kênh còn lại.
kenh-auto = Từ nay nhắc việc gửi về kênh đồng chí nhắn gần nhất.
kenh-no_account = Đồng chí chưa có tài khoản { $channel } dùng được trong chibot. Gõ /link ở đây rồi gửi mã trên { $channel } để liên kết.
kenh-current_auto = Nhắc việc đang gửi qua { $channel } (kênh đồng chí nhắn gần nhất). Tài khoản đã liên kết: { $linked }. Đổi bằng /kenh telegram hoặc /kenh zalo.
kenh-current_fixed = Nhắc việc đang gửi qua { $channel } (đồng chí đã chọn). Tài khoản đã liên kết: { $linked }. Gõ /kenh tự động để theo kênh nhắn gần nhất.
