### Nhắc hạn, báo cáo định kỳ, cảnh báo quá hạn, bản tin hằng ngày. Mỗi khóa phải có trong locales/en/reminders.ftl.

reminder-text =
    🔔 Nhắc việc: { $directive } — { $subject }
    { $deadline } — { $left }.
    { $ask }
reminder-merged =
    🔔 Nhắc việc
    { $blocks }
    { $ask }
reminder-ask-when_done = Đề nghị đồng chí báo cáo kết quả khi hoàn thành.
reminder-ask-now = Đề nghị đồng chí báo cáo kết quả ngay.
reminder-ask-manual = Đề nghị đồng chí báo cáo kết quả.
reminder-merged_block =
    { $directive } — { $subject }
    { $lines }
reminder-merged_line = • { $deadline } — { $left }.
reminder-button_report_of = Báo cáo { $directive }
reminder-button_ack_of = Đã nhận { $directive }
reminder-recurring_text =
    🔔 Đến kỳ báo cáo { $directive } — { $subject }
    Kỳ báo cáo lúc { $when }. Đề nghị đồng chí gửi báo cáo đúng giờ.
reminder-period = { $rule } (hạn kỳ này: { $due })
reminder-period_before = trước { $date }
reminder-manual_text =
    🔔 Văn phòng nhắc: { $directive } — { $subject }
    { $deadline } — { $left }.
    { $ask }
reminder-left-days = còn { $n } ngày
reminder-left-hours = còn { $n } giờ
reminder-left-hours_minutes = còn { $h } giờ { $m } phút
reminder-left-minutes = còn { $n } phút
reminder-left-today = hôm nay là hạn cuối
reminder-left-overdue = đã quá hạn { $n } ngày
reminder-button_report = Báo cáo
reminder-button_ack = Đã nhận
reminder-escalation =
    ⚠️ Quá hạn: { $directive } — { $deadline }
    { $groups }
reminder-escalation_reminded =
    Các đơn vị chưa thực hiện sau { $times } lần nhắc:
    { $cells }
reminder-escalation_unreached =
    Các đơn vị chưa có bí thư hoặc người phụ trách đăng ký nhận tin trên chibot (chưa nhận được lời nhắc nào), đồng chí liên hệ trực tiếp:
    { $cells }
reminder-escalation_undelivered =
    Các đơn vị chưa nhận được lời nhắc nào (tin nhắn tới bí thư, người phụ trách không gửi được), đồng chí liên hệ trực tiếp:
    { $cells }
reminder-escalation_parent =
    ⚠️ Đơn vị trực thuộc quá hạn: { $directive } — { $deadline }
    { $cells }
    Đề nghị đồng chí đôn đốc.
reminder-cell_line = • { $code } — { $name }
reminder-unreachable = ⚠️ Không gửi được tin nhắn cho { $name } ({ $unit }): tài khoản đã chặn chibot. Đồng chí liên hệ trực tiếp để nhắc việc.
reminder-digest-head = 📋 Bản tin ngày { $date }
reminder-digest-directive = { $directive }: đã báo cáo { $reported }/{ $assigned }
reminder-digest-overdue = {"  "}Quá hạn: { $cells }
reminder-digest-new_reports = {"  "}Báo cáo mới từ hôm qua: { $cells }
reminder-digest-none = {"  "}(không có)
reminder-digest-nothing = Không có văn bản nào đang mở.
reminder-plan-usage = Gõ /reminders SỐ_VĂN_BẢN, ví dụ /reminders { $example }.
reminder-plan-head = Lịch nhắc của { $directive }: { $count } tin nhắn sẽ gửi tới { $units } đơn vị (các lời nhắc cùng giờ cho một người được gộp thành một tin):
reminder-plan-slot = { $when } — { $deadline }, { $offset }:
reminder-plan-recipients = {"  "}{ $cells }
reminder-plan-closed = Văn bản { $directive } đã kết thúc nên không còn lịch nhắc. Mở lại: /reopen { $number }
reminder-plan-not_published = Văn bản { $directive } chưa được gửi đi nên chưa có lịch nhắc.
reminder-plan-all_done = Văn bản { $directive } không còn lịch nhắc: mọi đơn vị đã thực hiện.
reminder-plan-nobody = Chưa có lịch nhắc cho { $directive }: { $count } đơn vị chưa thực hiện nhưng chưa đơn vị nào có bí thư hoặc người phụ trách đăng ký nhận tin trên chibot. Khi họ đăng ký (mời bằng /invite), chibot tự lên lịch nhắc cho họ.
reminder-plan-unreached = Các đơn vị chưa nhận được tin qua chibot ({ $count }):
reminder-plan-unreached_some = Không được nhắc qua chibot ({ $count } đơn vị; khi có người đăng ký nhận tin, chibot lên lịch nhắc cho họ):
reminder-plan-no_deadline = Văn bản { $directive } không có thời hạn nên không có lịch nhắc. Đặt thời hạn: /deadline { $number }; nhắc ngay: /remind { $number }
reminder-plan-passed = Văn bản { $directive } không còn lịch nhắc: các thời hạn đã qua và các lần nhắc quá hạn đã gửi hết. Nhắc thêm: /remind { $number }
reminder-offset-before = trước { $n } ngày
reminder-offset-day = ngày đến hạn
reminder-offset-hours = trước { $n } giờ
reminder-offset-overdue = quá hạn lần { $n }
reminder-offset-recurring = báo cáo định kỳ
reminder-remind-usage = Gõ /remind SỐ_VĂN_BẢN, ví dụ /remind { $example }.
reminder-remind-confirm = Gửi nhắc ngay cho { $count } đơn vị chưa thực hiện { $directive }?
reminder-remind-button_send = Gửi nhắc
reminder-remind-button_cancel = Thôi
reminder-remind-sent = Đã gửi nhắc cho { $count } đơn vị chưa thực hiện { $directive }.
reminder-remind-none = Mọi đơn vị đã thực hiện { $directive }; không cần nhắc.
reminder-remind-cancelled = Đã thôi, không gửi nhắc.
reminder-remind-closed = Văn bản { $directive } đã kết thúc nên chibot không nhắc các đơn vị (họ không gửi báo cáo được nữa). Mở lại bằng /reopen { $number } trước khi nhắc.
reminder-remind-last = Lần nhắc gần nhất cho các đơn vị này: { $parts }.
reminder-remind-last_auto = tự động lúc { $time }
reminder-remind-last_by_hand = bằng tay lúc { $time }
reminder-remind-skipped = { $count } đơn vị khác vừa được nhắc bằng tay lúc { $time } nên không nhắc lại (trong vòng { $minutes } phút).
reminder-remind-too_soon = Các đơn vị chưa thực hiện { $directive } vừa được nhắc bằng tay lúc { $time }; chibot không nhắc lại trong vòng { $minutes } phút để các đồng chí không nhận tin trùng. Nếu cần nói thêm, dùng /broadcast.
reminder-close-usage = Gõ /close SỐ_VĂN_BẢN, ví dụ /close { $example }.
reminder-close-done = Đã kết thúc văn bản { $directive }: hủy { $count } tin nhắc chưa gửi. Mở lại: /reopen { $number }
reminder-close-done_recurring = Đã kết thúc văn bản { $directive }: hủy { $count } tin nhắc chưa gửi, dừng báo cáo định kỳ. Mở lại: /reopen { $number }
reminder-close-already = Văn bản { $directive } đã kết thúc trước đó. Mở lại: /reopen { $number }
reminder-close-not_published = Văn bản { $directive } chưa được gửi đi nên chưa thể kết thúc.
reminder-notify-usage = Gõ /notify each để nhận tin mỗi khi có báo cáo, hoặc /notify digest để gộp vào bản tin hằng ngày.
reminder-notify-each = Từ nay đồng chí nhận một tin nhắn cho mỗi báo cáo.
reminder-notify-digest = Từ nay các báo cáo mới được gộp vào bản tin hằng ngày lúc { $at }.
reminder-not_allowed = Đồng chí không quản lý văn bản này.
reminder-help_reminders = xem lịch nhắc hạn của một văn bản
reminder-help_remind = nhắc ngay các đơn vị chưa thực hiện
reminder-help_close = kết thúc một văn bản (có hỏi lại): dừng nhắc, báo cáo định kỳ và nhận báo cáo
reminder-help_notify = chọn nhận tin báo cáo từng cái hay gộp hằng ngày
reminder-close-button_cancel = Thôi
reminder-close-button_close = Kết thúc
reminder-close-cancelled = Đã thôi, văn bản vẫn mở.
reminder-close-confirm = Kết thúc văn bản { $directive }? Sau đó chibot dừng nhắc và các chi bộ không gửi báo cáo được nữa. Có thể mở lại bằng /reopen { $number }.
reminder-close-confirm_recurring = Kết thúc văn bản { $directive }? Sau đó chibot dừng nhắc, dừng báo cáo định kỳ và các chi bộ không gửi báo cáo được nữa. Có thể mở lại bằng /reopen { $number }.
reminder-help_reopen = mở lại văn bản đã kết thúc: nhắc và nhận báo cáo trở lại
reminder-remind-nobody = { $count } đơn vị chưa thực hiện { $directive }, nhưng không đơn vị nào nhận được tin nhắc qua chibot, nên không có gì để gửi.
reminder-reopen-done = Đã mở lại văn bản { $directive }: lên lịch { $count } tin nhắc từ nay; các chi bộ lại gửi báo cáo được.
reminder-reopen-not_closed = Văn bản { $directive } chưa kết thúc, không cần mở lại.
reminder-reopen-usage = Gõ /reopen SỐ_VĂN_BẢN, ví dụ /reopen { $example }.
reminder-remind-sent_messages = Đã gửi nhắc cho { $count } đơn vị chưa thực hiện { $directive } ({ $messages } tin nhắn: có đơn vị có nhiều người nhận tin).
reminder-remind-waiting = Các đơn vị chưa thực hiện { $directive } đang có lời nhắc chờ gửi; chibot không xếp thêm lời nhắc trùng.
reminder-digest-overdue_period = {"  "}Quá hạn { $period } (hạn { $due }): { $cells }
reminder-digest-overdue_earlier = {"  "}và { $count } kỳ trước đó còn đơn vị chưa báo cáo (xem /status).
