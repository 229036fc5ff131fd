### Văn bản chỉ đạo: đăng ký (/new), gửi cho chi bộ, xác nhận đã nhận, xem và thay đổi.

directive-continued = Đã ghép phần tiếp theo của văn bản (tổng cộng { $length } ký tự) và đọc lại:
directive-describe = đăng ký văn bản mới
directive-help-new = đăng ký và gửi văn bản mới (dán toàn văn hoặc gửi tệp)
directive-help-list = danh sách văn bản và tình hình thực hiện
directive-help-doc = xem một văn bản: /doc SỐ (ví dụ /doc 141)
directive-help-unacked = đơn vị chưa xác nhận nhận văn bản: /unacked SỐ
directive-help-deadline = đổi thời hạn của văn bản đã gửi: /deadline SỐ
directive-help-recipients = thêm, bớt đơn vị nhận văn bản đã gửi: /recipients SỐ
directive-ask_text =
    Đồng chí dán toàn văn văn bản (công văn, kế hoạch, nghị quyết...) vào đây, hoặc gửi tệp .docx / .txt.
    Tôi sẽ đọc số, trích yếu, độ khẩn và các thời hạn để đồng chí kiểm tra trước khi gửi. Gõ /cancel để thôi.
directive-not_document = Tôi không nhận ra văn bản chỉ đạo trong tin nhắn này. Đồng chí hãy dán toàn văn văn bản (có số, ký hiệu và trích yếu), hoặc gửi tệp .docx / .txt. Gõ /cancel để thôi.
directive-not_a_file = Tôi chưa đọc được chữ trong ảnh. Đồng chí hãy dán toàn văn văn bản, hoặc gửi tệp .docx / .txt.
directive-unsupported_file = Tệp «{ $name }» không phải .docx hoặc .txt. Đồng chí gửi tệp .docx hoặc .txt, hoặc dán toàn văn văn bản.
directive-bad_file = Không đọc được tệp «{ $name }»: { $reason } Đồng chí gửi lại tệp khác hoặc dán toàn văn văn bản.
directive-too_long = Văn bản dài { $length } ký tự, vượt giới hạn { $limit } ký tự. Đồng chí chỉ gửi văn bản chỉ đạo (không kèm phụ lục dài), hoặc chia nhỏ phụ lục.
directive-use_buttons = Đồng chí chọn một nút bên dưới (hoặc gõ /cancel để thôi).
directive-document = Văn bản
directive-no_number = (không số)
directive-unknown = (chưa rõ)
directive-not_urgent = thường
directive-no_deadlines = • (không có thời hạn)
directive-deadline_line = • { $kind }: { $shown }
directive-deadline_text = { $kind }: { $shown }
directive-unit_line = • { $code } — { $name }
directive-kind-complete = Hoàn thành
directive-kind-report = Báo cáo
directive-kind-plan = Kế hoạch
directive-kind-start = Bắt đầu
directive-kind-recurring = Báo cáo định kỳ
directive-status-assigned = chưa xác nhận nhận
directive-status-acknowledged = đã nhận
directive-status-reported = đã báo cáo
directive-status-completed = đã hoàn thành
directive-status-cancelled = đã hủy
directive-summary-head = Tôi đọc được văn bản như sau:
directive-summary-type = Loại: { $value }
directive-summary-number = Số, ký hiệu: { $value }
directive-summary-subject = Trích yếu: { $value }
directive-summary-urgency = Độ khẩn: { $value }
directive-summary-secret = Độ mật: { $mark } — toàn văn sẽ KHÔNG được lưu hay gửi qua chat; chỉ lưu số, trích yếu và thời hạn.
directive-summary-deadlines = Thời hạn:
directive-summary-no_deadline = Thời hạn: không tìm thấy thời hạn nào trong văn bản. Đồng chí bấm «Thêm hạn» để thêm, hoặc «Không có hạn» nếu văn bản đúng là không có thời hạn.
directive-summary-past_mark = {" "}(đã qua)
directive-summary-past_warning = Lưu ý: có thời hạn đã qua so với hôm nay. Nếu đúng như vậy, đồng chí vẫn có thể xác nhận.
directive-summary-warnings = Lưu ý khi đọc văn bản: { $warnings }
directive-summary-report_fields = Báo cáo cần nêu rõ: { $fields }
directive-button-confirm = Xác nhận
directive-button-no_deadline = Không có hạn, tiếp tục
directive-button-edit = Sửa
directive-button-add_deadline = Thêm hạn
directive-button-remove_deadline = Xóa hạn
directive-button-cancel = Hủy
directive-button-field_number = Số, ký hiệu
directive-button-field_subject = Trích yếu
directive-button-field_urgency = Độ khẩn
directive-button-all_units = Tất cả chi bộ, đoàn thể ({ $count })
directive-button-by_addressees = Theo Kính gửi/Nơi nhận ({ $count })
directive-button-pick = Chọn từng đơn vị
directive-button-prev = « Trang trước
directive-button-next = Trang sau »
directive-button-done = Xong ({ $count })
directive-button-publish = Gửi
directive-button-back = Quay lại
directive-button-ack = Đã nhận
directive-button-report = Báo cáo
directive-button-full = Xem toàn văn
directive-ask_field = Đồng chí muốn sửa mục nào?
directive-ask_value-number = Gõ số và ký hiệu đúng (ví dụ: 141-CV/ĐUK).
directive-ask_value-subject = Gõ trích yếu đúng.
directive-ask_value-urgency = Gõ độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC, hoặc «không».
directive-ask_deadline = Gõ thời hạn, ví dụ: «trước 17h00 ngày 25/8/2021», «đến hết ngày 20/8/2021», «Báo cáo: trước ngày 23/8/2021», «hằng tuần vào thứ Sáu».
directive-deadline_error = { $message }. Đồng chí gõ lại thời hạn (ví dụ: trước ngày 23/8/2021), hoặc /cancel để thôi.
directive-deadline_added = Đã thêm thời hạn: { $line }
directive-deadline_past = Lưu ý: thời hạn này đã qua (hôm nay là { $today }). Tôi vẫn giữ; nếu nhầm, đồng chí bấm «Xóa hạn».
directive-ask_remove = Xóa thời hạn nào?
directive-ask_recipients = Gửi văn bản cho những đơn vị nào?
directive-no_units = Dưới đơn vị của đồng chí chưa có chi bộ hay đoàn thể nào để gửi. Đồng chí liên hệ quản trị để nhập danh sách đơn vị.
directive-pick-head = Chọn đơn vị nhận (trang { $page }/{ $pages }, đã chọn { $count }). Bấm để chọn/bỏ chọn, hoặc gõ mã đơn vị, ví dụ: CB01, CB03.
directive-pick-unit = { $box } { $code } — { $name }
directive-codes_unknown = Không có đơn vị mã { $codes } trong phạm vi đồng chí quản lý.
directive-none_selected = Đồng chí chưa chọn đơn vị nào.
directive-confirm_publish =
    Gửi { $title } cho { $count } đơn vị:
    { $units }
    Đồng chí xác nhận gửi?
directive-published = Đã gửi { $title } cho { $count } đơn vị ({ $messages } tin nhắn tới bí thư). Xem ai đã nhận: /doc { $number }
directive-unreached = Các đơn vị chưa có bí thư nhận được tin qua chibot (cần chuyển văn bản bằng đường khác): { $codes }
directive-cell-head = Văn bản mới: { $title }
directive-cell-urgency = Độ khẩn: { $mark }
directive-cell-subject = Trích yếu: { $subject }
directive-cell-deadlines = Thời hạn:
directive-cell-report_fields = Báo cáo cần nêu rõ: { $fields }
directive-cell-secret = Văn bản { $mark }: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat.
directive-full-official_channel = { $title } là văn bản mật: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat.
directive-full-as_file = Toàn văn { $title } trong tệp đính kèm.
directive-ack-ok = Đã ghi nhận chi bộ đồng chí đã nhận { $title } lúc { $time }. Cảm ơn đồng chí.
directive-ack-already = Chi bộ đồng chí đã xác nhận nhận { $title } lúc { $time } rồi.
directive-ack-cancelled = { $title } không còn giao cho đơn vị đồng chí.
directive-list-head = Văn bản:
directive-list-empty = Chưa có văn bản nào.
directive-list-staff_line =
    • { $title } — { $subject }
    {"  "}Đã nhận: { $acked }/{ $assigned } đơn vị
directive-list-secretary_line =
    • { $title } — { $subject }
    {"  "}Tình trạng: { $status }; hạn gần nhất: { $nearest }
directive-list-no_nearest = không còn hạn nào sắp tới
directive-list-hint = Xem chi tiết: /doc SỐ
directive-doc-usage = Cách dùng: /doc SỐ (ví dụ: /doc 141 hoặc /doc 141-CV/ĐUK)
directive-doc-not_found = Không tìm thấy văn bản số «{ $number }» trong phạm vi đồng chí được xem. Gõ /directives để xem danh sách.
directive-doc-ambiguous = Có nhiều văn bản số «{ $number }»: { $numbers }. Đồng chí gõ đầy đủ số và ký hiệu.
directive-doc-published = Gửi lúc: { $time }
directive-doc-acked = Đã nhận: { $acked }/{ $assigned } đơn vị
directive-doc-acked_line = • { $code } — { $name }: { $who }, { $time }
directive-unacked-usage = Cách dùng: /unacked SỐ (ví dụ: /unacked 141)
directive-unacked-head = Chưa xác nhận nhận { $title } ({ $count }/{ $assigned } đơn vị):
directive-unacked-none = Cả { $assigned } đơn vị đã xác nhận nhận { $title }.
directive-change-describe_deadline = đổi thời hạn văn bản
directive-change-describe_recipients = đổi đơn vị nhận văn bản
directive-change-deadline_usage = Cách dùng: /deadline SỐ (ví dụ: /deadline 141)
directive-change-recipients_usage = Cách dùng: /recipients SỐ (ví dụ: /recipients 141)
directive-change-ask_pick = Đổi thời hạn nào của { $title }?
directive-change-deadline_done = Đã đổi thời hạn: { $line }. Đã báo cho { $count } đơn vị.
directive-change-recipients_done = Đã cập nhật đơn vị nhận { $title }. Thêm: { $added }. Bỏ: { $removed }. Các đơn vị liên quan đã được báo.
directive-change-recipients_unchanged = Đơn vị nhận không thay đổi.
directive-change-deadline =
    Thay đổi thời hạn { $title } ({ $subject }):
    { $kind }: { $old } → { $new }
directive-change-removed = { $title } ({ $subject }) không còn giao cho đơn vị đồng chí. Đồng chí không cần thực hiện hay báo cáo văn bản này nữa.
