### Theo dõi, nhắc việc hàng loạt và xuất báo cáo tổng hợp (cán bộ cơ quan đảng ủy).

status-help = tình hình thực hiện văn bản: /status hoặc /status SỐ (thêm «chart» để xem biểu đồ)
status-none = Đơn vị của đồng chí hiện không có văn bản nào đang thực hiện.
status-head = Văn bản đang thực hiện (mới nhất ở trên):
status-line =
    • { $title }
    {"   "}Giao { $assigned } · đã nhận { $acknowledged } · đã báo cáo { $reported } · quá hạn { $overdue }
    {"   "}Hạn gần nhất: { $nearest }
status-line_sending =
    • { $title }
    {"   "}Đang gửi cho các đơn vị: { $done }/{ $total }
status-no_nearest = không còn hạn nào sắp tới
status-hint = Gõ /status SỐ để xem chi tiết một văn bản, ví dụ /status { $example }.
status-hint_plain = Gõ /status SỐ để xem chi tiết một văn bản.
status-more = … và { $count } văn bản khác.
status-title = Tình hình thực hiện { $title }
status-sending = Văn bản đang được gửi cho các đơn vị: đã gửi { $done }/{ $total }. Số liệu nhận, báo cáo sẽ đầy đủ khi gửi xong; đồng chí xem lại sau ít phút.
status-counts = Giao { $assigned } đơn vị · đã nhận { $acknowledged } · đã báo cáo { $reported } · quá hạn { $overdue }
status-deadlines_head = Theo thời hạn:
status-deadline_line = • { $kind } { $shown }: đã báo cáo { $reported }/{ $concerned }, quá hạn { $overdue }
status-deadline_line_no_overdue = • { $kind } { $shown }: đã báo cáo { $reported }/{ $concerned }
status-period_current = • { $kind } { $rule }, kỳ này (hạn { $due }): đã báo cáo { $reported }/{ $concerned }
status-period_last = • { $kind } { $rule }, kỳ trước (hạn { $due }): đã báo cáo { $reported }/{ $concerned }, quá hạn { $overdue }
status-period_missing = {"  "}Chưa báo cáo: { $cells }
status-period_cells_more = { $cells } và { $count } đơn vị khác
status-reach = Số người được tiếp cận: { $reached }/{ $total } ({ $percent })
status-reach_none = Số người được tiếp cận: chưa có số liệu
status-groups_head = Theo đơn vị trực thuộc:
status-group_line = • { $name }: đã báo cáo { $reported }/{ $cells } · tiếp cận { $reached }/{ $total } ({ $percent })
status-missing_head = Đơn vị chưa báo cáo ({ $count }):
status-missing_group = { $name }:
status-missing_direct = Trực thuộc trực tiếp:
status-missing_line = • { $code } — { $name }{ $overdue } — { $leader }: { $secretaries }
status-missing_overdue = {" "}(quá hạn)
status-no_secretary = chưa có { $leader } đăng ký
status-missing_more = … và { $count } đơn vị khác (xem đầy đủ bằng /export { $number }).
status-all_reported = Tất cả đơn vị đã báo cáo.
status-no_percent = chưa có
status-button_chart = Xem biểu đồ
status-button_export = Xuất Excel
status-usage_chart = Để xem biểu đồ, đồng chí gõ /status SỐ chart, ví dụ /status { $example } chart.
status-chart_caption = Biểu đồ tình hình thực hiện { $title }
status-chart_title_groups = Đã báo cáo / chưa báo cáo theo đơn vị
status-chart_title_percent = Tỷ lệ người được tiếp cận (%) theo đơn vị
status-chart_reported = Đã báo cáo
status-chart_not_reported = Chưa báo cáo
status-chart_others = Các đơn vị khác ({ $count })
status-chart_no_data = Chưa có báo cáo nào có số liệu

broadcast-help = gửi tin nhắn tới các chi bộ (chọn đối tượng, xem trước, xác nhận)
broadcast-describe = gửi tin nhắn hàng loạt
broadcast-ask_text = Đồng chí nhập nội dung tin nhắn gửi các chi bộ (có thể gửi kèm một tệp). Gõ /cancel để thôi.
broadcast-too_long = Tin nhắn dài { $length } ký tự, vượt giới hạn { $limit } ký tự của một tin. Đồng chí rút gọn hoặc chia thành nhiều lần gửi.
broadcast-file_too_large = Tệp «{ $name }» lớn hơn giới hạn { $max_mb } MB. Đồng chí gửi tệp nhỏ hơn.
broadcast-file_unreadable = Chưa nhận được nội dung tệp «{ $name }». Đồng chí gửi lại tệp.
broadcast-file_saved = Đã nhận tệp «{ $name }». Đồng chí nhập nội dung tin nhắn đi kèm.
broadcast-ask_audience = Gửi tới những đơn vị nào?
broadcast-audience_all = Tất cả chi bộ, đoàn thể của đơn vị
broadcast-audience_not_reported = Chưa báo cáo văn bản…
broadcast-audience_overdue = Quá hạn báo cáo văn bản…
broadcast-audience_not_acknowledged = Chưa báo đã nhận văn bản…
broadcast-audience_picked = Chọn từng đơn vị
broadcast-ask_directive = Văn bản nào? Đồng chí gõ số văn bản, ví dụ 141.
broadcast-directive_unknown = Không tìm thấy văn bản số «{ $number }» của đơn vị đồng chí. Đồng chí gõ lại số văn bản.
broadcast-empty = Không có đơn vị nào thuộc đối tượng đã chọn, nên không có tin nào được gửi. Đồng chí chọn đối tượng khác hoặc gõ /cancel.
broadcast-preview =
    Xem trước tin nhắn:
    ———
    { $text }
    ———
    Đối tượng: { $audience }
    Sẽ gửi tới { $accounts } tài khoản của { $units } đơn vị.{ $unreachable }
broadcast-preview_closed = ⚠️ { $directive } đã kết thúc lúc { $when }: gửi tin này chỉ là nhắn tới các đơn vị, họ vẫn không gửi báo cáo được. Muốn nhận báo cáo, đồng chí mở lại bằng /reopen { $number } trước khi gửi.
broadcast-preview_file =
    {""}
    Tệp đính kèm: { $name }
broadcast-confirm = Gửi
broadcast-cancel = Thôi
broadcast-cancelled = Đã hủy, không có tin nào được gửi.
broadcast-queued = Đã xếp { $accounts } tin vào hàng gửi. Tiến độ sẽ được cập nhật trong tin nhắn tiếp theo.
broadcast-audience-all = tất cả chi bộ, đoàn thể
broadcast-audience-not_reported = đơn vị chưa báo cáo { $number }
broadcast-audience-overdue = đơn vị quá hạn báo cáo { $number }
broadcast-audience-not_acknowledged = đơn vị chưa báo đã nhận { $number }
broadcast-audience-picked = { $count } đơn vị được chọn
broadcast-header = Tin nhắn từ { $unit }:
broadcast-progress = Đã gửi { $done }/{ $total }
broadcast-report =
    Kết quả gửi tin ({ $audience }):
    • Đã gửi tới: { $sent }
    • Không gửi được: { $failed }{ $reasons }
broadcast-reason_blocked =
    {""}
    {"   "}– đã chặn chatbot: { $names }
broadcast-reason_failed =
    {""}
    {"   "}– lỗi khi gửi: { $names }
broadcast-reason_no_secretary =
    {""}
    {"   "}– chưa có bí thư đăng ký hoặc không liên lạc được: { $names }
broadcast-by_channel =
    {""}
    • Gửi qua: { $channels }
# One channel and how many messages it carried, e.g. "Zalo 12"; the number in this language's format.
broadcast-channel_count = { $channel } { $count }

export-help = xuất báo cáo tổng hợp: /export SỐ (Excel, Word hoặc CSV)
export-usage = Cách dùng: /export SỐ [xlsx|docx|csv], ví dụ /export { $example } hoặc /export { $example } docx.
export-bad_format = Định dạng «{ $format }» chưa có; chibot chỉ xuất được xlsx, docx hoặc csv, ví dụ /export { $example } docx.
export-ask_format = Đồng chí muốn xuất { $title } dạng nào?
export-caption = Báo cáo tổng hợp { $title }
export-nothing = Chưa có đơn vị nào báo cáo { $title }.
export-sheet_cells = Các đơn vị
export-sheet_summary = Tổng hợp
export-col-code = Mã đơn vị
export-col-unit = Đơn vị
export-col-parent = Thuộc
export-col-secretary = Bí thư / người phụ trách
export-col-status = Tình trạng
export-col-acknowledged_at = Nhận lúc
export-col-first_submitted_at = Báo cáo lần đầu lúc
export-col-submitted_at = Gửi bản mới nhất lúc
export-col-timing = Đúng/trễ hạn
export-col-formats = Hình thức
export-col-format_other = Hình thức khác
export-col-reached = Số người tiếp cận
export-col-total = Tổng số
export-col-percent = Tỷ lệ (%)
export-col-awareness = Nhận thức
export-col-difficulties = Khó khăn, đề xuất
export-col-version = Bản báo cáo
export-col-behalf = Báo cáo thay
export-value-on_time = đúng hạn
export-value-late = trễ hạn
export-value-overdue = quá hạn
export-value-overdue_status = quá hạn ({ $status })
export-value-yes = có
export-value-not_reported = chưa báo cáo
export-summary-directive = Văn bản
export-summary-subject = Trích yếu
export-summary-assigned = Số đơn vị được giao
export-summary-acknowledged = Đã nhận văn bản
export-summary-reported = Đã báo cáo
export-summary-not_reported = Chưa báo cáo
export-summary-overdue = Quá hạn
export-summary-on_time = Báo cáo đúng hạn
export-summary-late = Báo cáo trễ hạn
export-summary-reached = Tổng số người tiếp cận
export-summary-total = Tổng số người
export-summary-percent = Tỷ lệ chung (%)
export-summary-exported_at = Xuất lúc
export-summary-no_reports = Chưa có đơn vị nào báo cáo.
export-docx-party = ĐẢNG CỘNG SẢN VIỆT NAM
export-docx-place_date = { $place }, ngày { $day } tháng { $month } năm { $year }
export-docx-place = ……………
export-docx-title = BÁO CÁO
export-docx-subtitle = Kết quả thực hiện { $number }
export-docx-figures = I. KẾT QUẢ CHUNG
export-docx-figures_line = Có { $reported }/{ $assigned } đơn vị đã báo cáo ({ $overdue } đơn vị quá hạn). Số người được tiếp cận: { $reached }/{ $total } ({ $percent }).
export-docx-cells = II. KẾT QUẢ CỦA TỪNG ĐƠN VỊ
export-docx-missing = III. ĐƠN VỊ CHƯA BÁO CÁO
export-docx-missing_none = Tất cả đơn vị đã báo cáo.
export-docx-difficulties = IV. KHÓ KHĂN, ĐỀ XUẤT
export-docx-difficulties_none = Các đơn vị không nêu khó khăn, đề xuất.
export-docx-signature = T/M BAN THƯỜNG VỤ
export-docx-signer_role = (ký, ghi rõ họ tên)
export-docx-recipients = Nơi nhận:
export-docx-recipients_lines =
    - Như trên;
    - Lưu VT.
export-docx-no_reports = Chưa có đơn vị nào báo cáo.
export-docx-behalf_mark = (cán bộ báo cáo thay)
export-cli-bad_format = định dạng «{ $fmt }» không dùng được: chọn xlsx, docx hoặc csv
export-cli-stdout_csv = chỉ ghi được CSV ra đầu ra chuẩn (-o -); với xlsx và docx hãy cho tên tệp
export-cli-not_found = không có văn bản nào số { $number }
export-cli-ambiguous =
    có { $count } văn bản số { $number }:
    { $lines }
    hãy chạy lại lệnh với mã văn bản, ví dụ: chibot export '#{ $id }' -o TỆP
export-cli-written = Đã ghi { $path }.
broadcast-none_reachable = Đối tượng đã chọn có { $count } đơn vị, nhưng không đơn vị nào nhận được tin qua chibot, nên không có tin nào được gửi. Đồng chí chọn đối tượng khác hoặc gõ /cancel.
broadcast-sent_already = Tin nhắn này đã được gửi lúc { $time } tới { $accounts } tài khoản; chibot không gửi lại lần nữa. Muốn gửi thêm, gõ /broadcast.
status-period_earlier = • { $kind } { $rule }, { $period } (hạn { $due }): đã báo cáo { $reported }/{ $concerned }, quá hạn { $overdue }
export-col-period = Kỳ
export-value-one_off = báo cáo một lần
