### Báo cáo kết quả của chi bộ và tổ chức đoàn thể. Mỗi khóa phải có trong locales/en/reports.ftl.

report-describe = gửi báo cáo
report-describe_for = gửi báo cáo { $directive } (gõ /report để làm lại)
report-help_report = gửi báo cáo kết quả thực hiện văn bản
report-help_mytasks = xem việc được giao, thời hạn và tình trạng
report-no_open = Hiện { $unit_word } của đồng chí không có văn bản nào cần báo cáo.
report-pick = Đồng chí báo cáo cho văn bản nào? (việc chưa báo cáo ở trên, hạn gần nhất trước)
report-pick_item = { $directive } — { $due }
report-pick_item_reported = Sửa báo cáo { $directive } — { $due }
report-start =
    Báo cáo { $directive } — { $unit }.
    Hạn: { $due }. Gõ /cancel để thôi, không có gì được lưu.
report-on_behalf = Đồng chí đang báo cáo thay cho { $unit }; báo cáo sẽ được ghi là báo cáo thay.
report-already_sent = { $unit } đã gửi báo cáo lúc { $when } (bản { $version }{ $figures }). Báo cáo này sẽ là bản sửa (bản { $next }); bản trước vẫn được lưu.
report-staff_usage = Để báo cáo thay cho một đơn vị, đồng chí gõ /report MÃ_ĐƠN_VỊ (hoặc /report MÃ_ĐƠN_VỊ SỐ_VĂN_BẢN), ví dụ /report { $example }.
report-unit_unknown = Không tìm thấy đơn vị có mã «{ $code }» trong phạm vi đồng chí quản lý.
report-not_open = Văn bản này không còn mở để báo cáo (đã hoàn thành hoặc đã hủy).
report-quick_unknown_ref = Không tìm thấy văn bản số «{ $ref }» trong việc được giao cho { $unit_word } của đồng chí. Đồng chí gõ /report để chọn từ danh sách.
report-number_unknown = Không tìm thấy văn bản { $ref } trong việc đang mở của { $unit_word } đồng chí. Đồng chí gõ /report để chọn từ danh sách, hoặc /mytasks để xem số văn bản.
report-number_unknown_staff = Không tìm thấy văn bản { $ref } đang mở. Để báo cáo thay cho một đơn vị, đồng chí gõ /report MÃ_ĐƠN_VỊ SỐ_VĂN_BẢN, ví dụ /report CB01 { $ref }.
report-ref_unknown_in_flow = Không tìm thấy văn bản { $ref } trong việc được giao cho { $unit }, nên tôi không ghi tin nhắn này vào báo cáo { $directive }. Đồng chí trả lời tiếp câu hỏi dưới đây (hoặc gõ /cancel để thôi).
report-form_closed = Biểu mẫu báo cáo đã đóng (đã gửi xong, đã hủy, hoặc để quá lâu không trả lời), nên «{ $text }» không được ghi vào báo cáo nào. Muốn báo cáo, đồng chí gõ /report (hoặc /report SỐ_VĂN_BẢN) để bắt đầu lại.
report-other_ref_in_flow = Đồng chí đang báo cáo { $directive }. Tin nhắn này nói về văn bản «{ $ref }» nên tôi chưa ghi vào báo cáo này. Muốn báo cáo văn bản «{ $ref }» trước, đồng chí gõ /cancel (bỏ báo cáo đang làm dở) rồi gửi lại tin nhắn đó; hoặc trả lời tiếp câu hỏi dưới đây.
report-list_expects_button = Tôi chưa hiểu tin nhắn này. Đồng chí bấm một nút bên dưới (hoặc gõ số thứ tự của nút), hoặc gõ /cancel để thôi.
report-quick_understood = Đã ghi nhận: { $fields }.
report-quick_nothing = Tôi chưa nhận ra nội dung báo cáo trong tin nhắn này; tôi sẽ hỏi lần lượt từng mục.
report-quick_unplaced = Tôi chưa hiểu: «{ $text }».
report-unplaced_offer = Phần tôi chưa hiểu: «{ $text }». Nếu đó là { $label }, đồng chí bấm nút bên dưới; nếu không, cứ xác nhận (phần đó không được ghi).
report-pending_percent = Đã ghi { $percent }%; cần thêm tổng số để tính số người.
report-zero_reached = Chưa tiếp cận được ai (0/{ $total }), đúng không?
report-zero_reached_expects = Xin trả lời «Có» nếu đúng là 0 người, «Không» để nhập lại, hoặc gõ số người đã tiếp cận (ví dụ 40).
report-command_not_answer = «{ $text }» là lệnh, không phải câu trả lời, nên tôi không ghi vào báo cáo. Đồng chí trả lời câu hỏi dưới đây (hoặc gõ «hủy» để thôi).
report-done_nothing_ticked = Mục «{ $label }» cần ít nhất một lựa chọn trước khi bấm «Xong»; đồng chí bấm nút, hoặc gõ số thứ tự hay tên của một mục: { $options }.
report-done_nothing_ticked_other = Mục «{ $label }» cần ít nhất một lựa chọn trước khi bấm «Xong»; đồng chí bấm nút, gõ số thứ tự hay tên của một mục ({ $options }), hoặc gõ «khác: ...» nếu là hình thức khác.
report-skip_required = Mục «{ $label }» là bắt buộc, không bỏ qua được.
report-nothing_back = Đây là câu hỏi đầu tiên, không quay lại được nữa.
report-attachment_saved = Đã nhận tệp «{ $name }». Đồng chí gửi thêm, hoặc bấm «Xong».
report-attachment_too_large = Tệp «{ $name }» lớn hơn giới hạn { $max_mb } MB; đồng chí gửi tệp nhỏ hơn (ví dụ ảnh chụp thay cho bản quét).
report-attachment_not_now = Câu hỏi này cần trả lời bằng chữ; đồng chí gửi tệp ở mục «{ $label }» sau.
report-attachment_no_field = Báo cáo này không có mục tệp đính kèm; đồng chí trả lời câu hỏi bằng chữ.
report-edit_pick = Đồng chí muốn sửa mục nào?
report-summary =
    Kiểm tra lại báo cáo { $directive } — { $unit }:
    { $lines }
    Bấm «Xác nhận» để gửi, hoặc «Sửa» để sửa một mục.
report-summary_line = • { $label }: { $value }
report-saved = Cảm ơn đồng chí! Đã gửi báo cáo { $directive } — { $unit }: { $timing }.
report-saved_amended = Cảm ơn đồng chí! Đã gửi báo cáo sửa { $directive } — { $unit } (bản { $version }): { $timing }. Bản trước vẫn được lưu.
report-same_as_sent = Báo cáo này giống hệt bản { $version } đã gửi lúc { $when } cho { $directive }, nên tôi không gửi lại; báo cáo đó đã được ghi nhận. Muốn sửa, đồng chí gõ /report và thay số liệu.
report-not_saved = Báo cáo chưa được lưu: { $problems }
report-notify_new =
    { $unit } đã báo cáo { $directive }{ $behalf } — { $timing }.
    { $summary }
report-notify_amended =
    { $unit } đã sửa báo cáo { $directive } (bản { $version }){ $behalf } — { $timing }.
    { $summary }
report-notify_secretary_behalf =
    Đồng chí { $name } (cán bộ đơn vị cấp trên) đã báo cáo { $directive } thay cho { $unit } (bản { $version }):
    { $summary }
report-notify_behalf = {" "}(do { $name } báo cáo thay)
report-gathered =
    { $count } đơn vị vừa báo cáo { $directive }: { $units }.
    Đến nay { $reported }/{ $total } đơn vị đã báo cáo.
report-gathered_more = { $units } và { $count } đơn vị khác
report-mytasks_header = Việc được giao cho { $unit } (hạn gần nhất ở trên):
report-mytasks_line =
    • { $directive }: { $subject }
    {"   "}Hạn: { $due } — { $status }
report-mytasks_two_dues = { $first_kind }: { $first }; { $kind }: { $due }
report-status_overdue = { $status } — đã quá hạn { $n } ngày
report-mytasks_none = Hiện { $unit } không có việc nào đang mở.
report-mytasks_hint = Bấm «Đã nhận» khi { $unit_word } đã nhận văn bản, «Báo cáo» để báo cáo kết quả; hoặc gõ báo cáo một dòng, ví dụ: bc { $example } truc tiep + zalo 45/50 tot. Xem văn bản: /doc { $example }.
report-mytasks_hint_acked = Bấm «Báo cáo» để báo cáo kết quả của { $unit_word }; hoặc gõ báo cáo một dòng, ví dụ: bc { $example } truc tiep + zalo 45/50 tot. Xem văn bản: /doc { $example }.
report-timing-on_time = đúng hạn — hạn { $due }
report-timing-late = trễ hạn — hạn { $due }
report-timing-no_deadline = văn bản không có hạn báo cáo
report-due-none = không có hạn
report-due-shown = { $shown } ({ $when })
report-status-assigned = chưa báo đã nhận
report-status-acknowledged = đã nhận, chưa báo cáo
report-status-reported = đã báo cáo
report-status-completed = đã hoàn thành
report-status-cancelled = đã hủy
report-button-unplaced = Ghi vào «{ $label }»
report-button-ack = Đã nhận
report-button-report = Báo cáo
report-button-back = « Quay lại
report-button-skip = Bỏ qua
report-button-done = Xong
report-button-confirm = Xác nhận
report-button-edit = Sửa
report-button-yes = Có
report-button-no = Không
report-ask-integer = { $label }? Đồng chí gõ một số nguyên.
report-ask-ratio_part = { $label }? Đồng chí gõ số người, ví dụ 45, hoặc số người/tổng số, ví dụ 45/50 (tỷ lệ % được tự tính).
report-ask-ratio_part_of = { $label } (trên tổng số { $whole } người)? Đồng chí gõ số người.
report-ask-ratio_whole = { $label }? Đồng chí gõ tổng số người, ví dụ 50.
report-ask-percentage = { $label }? Đồng chí gõ tỷ lệ phần trăm, ví dụ 90%.
report-ask-text = { $label }? Đồng chí gõ nội dung (tối đa { $max } ký tự).
report-ask-choice = { $label }? Đồng chí chọn một mục (hoặc gõ số thứ tự).
report-ask-choice_other = { $label }? Đồng chí chọn một mục, hoặc gõ câu trả lời khác.
report-ask-multi_choice = { $label }? Đồng chí chọn một hoặc nhiều mục rồi bấm «Xong», hoặc gõ, ví dụ «trực tiếp + zalo».
report-ask-multi_selected = Đã chọn: { $selected }.
report-ask-date = { $label }? Đồng chí gõ ngày, ví dụ 20/8.
report-ask-yes_no = { $label }? Đồng chí chọn Có hoặc Không.
report-ask-attachment = { $label }? Đồng chí gửi ảnh hoặc tệp (tối đa { $max_mb } MB), rồi bấm «Xong».
report-ask-optional = (Không bắt buộc: bấm «Bỏ qua» nếu không có.)
report-ask-optional_typed = (Không bắt buộc: gõ { $number } để bỏ qua nếu không có.)
report-ask-optional_words = (Không bắt buộc: gõ «bỏ qua» nếu không có.)
report-ask-back_words = (Gõ «quay lại» để về câu trước.)
report-ask-current = Câu trả lời hiện tại: { $value }.
report-value-none = (không có)
report-value-not_asked = không hỏi, vì chưa tiếp cận được ai
report-value-ratio = { $part }/{ $whole } ({ $percent }%)
report-value-other = khác: { $text }
report-value-files = { $count } tệp
report-value-yes = có
report-value-no = không
report-error-not_a_number = «{ $label }» cần một số nguyên, ví dụ 45 (không gõ chữ).
report-error-not_whole = «{ $label }» cần một số nguyên, không có phần thập phân.
report-error-negative = «{ $label }» không thể là số âm; đồng chí gõ số từ 0 trở lên.
report-error-below_min = «{ $label }» phải từ { $min } trở lên.
report-error-above_max = «{ $label }» không được lớn hơn { $max }.
report-error-whole_zero = «{ $label }» phải lớn hơn 0; đồng chí gõ tổng số người, ví dụ 50.
report-error-rule_le = «{ $left }» ({ $left_value }) không thể lớn hơn «{ $right }» ({ $right_value }); đồng chí gõ lại, ví dụ 45/50.
report-error-bad_pair = Tôi chưa hiểu «{ $text }»; đồng chí gõ số người/tổng số, ví dụ 45/50.
report-error-percent_here = «{ $label }» cần một số nguyên, không phải tỷ lệ phần trăm; tỷ lệ được tự tính.
report-error-bad_percent = «{ $text }» không phải tỷ lệ phần trăm; đồng chí gõ số, ví dụ 90%, hoặc số người/tổng số, ví dụ 45/50.
report-error-percent_range = Tỷ lệ phải từ 0% đến 100%.
report-error-percent_not_whole = { $percent }% của { $whole } người không ra số người tròn; đồng chí gõ số người cụ thể, ví dụ { $part }/{ $whole }.
report-error-percent_mismatch = { $part }/{ $whole } là { $percent }%, không phải { $typed }%; đồng chí gõ lại số người/tổng số.
report-error-text_empty = «{ $label }» chưa có nội dung; đồng chí gõ nội dung.
report-error-text_too_long = Nội dung dài { $length } ký tự, quá giới hạn { $max } ký tự; đồng chí rút gọn lại.
report-error-choice_unknown = Tôi chưa hiểu lựa chọn này; đồng chí bấm nút, hoặc gõ số thứ tự hay tên của một mục: { $options }.
report-error-choice_none = Mục «{ $label }» cần ít nhất một lựa chọn; đồng chí bấm nút, hoặc gõ số thứ tự hay tên của một mục: { $options }.
report-error-other_confirm = «{ $text }» không phải là một trong các mức: { $options }. Đồng chí chọn một mức; nếu đúng là đánh giá khác thì gửi lại đúng câu đó (hoặc gõ «khác: ...»).
report-error-other_empty = Đồng chí ghi rõ nội dung khác, ví dụ «khác: họp tổ dân phố».
report-error-yes_no_expected = Đồng chí trả lời «có» hoặc «không».
report-error-bad_date = «{ $label }» cần một ngày, ví dụ 20/8.
report-error-attachment_expected = Ở bước này đồng chí gửi ảnh hoặc tệp, hoặc bấm «Xong» hay «Bỏ qua».
report-error-missing = còn thiếu «{ $label }»
report-error-invalid = «{ $label }» chưa hợp lệ
report-template_error-prefix = trường '{ $field }':{" "}
report-template_error-no_fields = mẫu báo cáo cần danh sách trường (fields) không rỗng.
report-template_error-unreadable = không đọc được mẫu báo cáo ({ $detail }).
report-template_error-not_a_mapping = mỗi trường phải là một bảng khóa: giá trị.
report-template_error-bad_key = mã trường chỉ gồm chữ thường không dấu, số và dấu gạch dưới (tối đa 32 ký tự).
report-template_error-duplicate = mã trường bị trùng.
report-template_error-bad_type = kiểu «{ $type }» không hợp lệ; dùng một trong: { $types }.
report-template_error-no_label = thiếu nhãn (label_vi).
report-template_error-bounds_not_numeric = chỉ trường số (integer, percentage) mới có min/max.
report-template_error-min_over_max = min ({ $min }) lớn hơn max ({ $max }).
report-template_error-bad_bound = { $bound } phải là số, không phải «{ $value }».
report-template_error-no_options = trường lựa chọn cần danh sách options.
report-template_error-options_not_allowed = chỉ trường choice hoặc multi_choice mới có options.
report-template_error-duplicate_option = có hai lựa chọn trùng giá trị.
report-template_error-bad_max_length = max_length phải là số nguyên dương.
report-template_error-bad_required = required phải là true hoặc false.
report-template_error-bad_aliases = aliases phải là một danh sách.
report-template_error-bad_option = mỗi lựa chọn cần value; synonyms phải là một danh sách.
report-template_error-bad_option_value = giá trị lựa chọn «{ $value }» chỉ gồm chữ thường không dấu, số, gạch dưới (tối đa 32 ký tự).
report-template_error-bad_rule = quy tắc không hợp lệ; dùng một trong: { $rules }.
report-template_error-rule_unknown_field = quy tắc nhắc đến trường không có trong mẫu.
report-template_error-rule_not_numeric = quy tắc so sánh chỉ dùng cho trường số.
report-template_error-bad_ratio = ratio cần part và whole.
report-template_error-ratio_not_integer = tỷ lệ chỉ tính từ hai trường số nguyên của mẫu.
report-template_error-ratio_whole_min = trường tổng số của tỷ lệ phải có min từ 1 trở lên (không chia cho 0).
report-closed = Văn bản { $directive } đã kết thúc ngày { $date }, nên không nhận báo cáo nữa. Nếu cần báo cáo thêm, đồng chí liên hệ cán bộ đơn vị đã giao văn bản (họ có thể mở lại).

## Các kỳ của báo cáo định kỳ (services/report_periods.py)
report-period-monthly = kỳ tháng { $month }/{ $year }
report-period-quarterly = kỳ quý { $quarter }/{ $year }
report-period-yearly = kỳ năm { $year }
report-period-weekly = kỳ tuần đến { $date }
report-period-daily = kỳ { $when }
report-period-due = { $period }: { $due }
report-pick_item_once = { $kind } (một lần): { $due }
report-pick_period = { $directive } có hơn một việc đang chờ báo cáo. Báo cáo này cho việc nào?
report-period-overdue = { $period } — đã quá hạn { $days } ngày
report-period-doc_line = Kỳ báo cáo đang chờ: { $periods }
