
parse-doc_type = Loại văn bản
parse-number = Số, ký hiệu
parse-issuer = Cơ quan ban hành
parse-issued_on = Ngày ban hành
parse-subject = Trích yếu
parse-urgent = Độ khẩn
parse-secret = Độ mật
parse-addressees = Kính gửi
parse-signer = Người ký
parse-report_fields = Báo cáo cần nêu rõ:
parse-deadlines = Thời hạn:
parse-no_deadlines = Thời hạn: không tìm thấy (cán bộ cần nhập thời hạn khi đăng ký văn bản)

deadline_kind-complete = Hoàn thành
deadline_kind-report = Báo cáo
deadline_kind-plan = Kế hoạch
deadline_kind-start = Bắt đầu
deadline_kind-recurring = Báo cáo định kỳ

# The Vietnamese term shown next to a role or a unit kind in the command line.
cli-role-admin = quản trị
cli-role-staff = cán bộ
cli-role-secretary = bí thư
cli-kind-committee = cấp ủy
cli-kind-grassroots = đảng bộ cơ sở
cli-kind-cell = chi bộ
cli-kind-mass = đoàn thể
cli-unit_inactive = ngừng hoạt động
parse-read_by_ocr = Đọc bằng nhận dạng chữ (OCR) từ ảnh/bản quét: cần đối chiếu số, ngày và dấu với bản giấy.
parse-unreadable_layer = Lớp chữ của tệp PDF không đọc được (phông chữ cũ TCVN3/VNI hoặc phông không có bảng mã Unicode): đã đọc ảnh các trang bằng OCR.
