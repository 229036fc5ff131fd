### Tiếng Việt — ngôn ngữ mặc định. Mỗi khóa phải có trong locales/en/ (cùng tên tệp).

role-admin = quản trị
role-staff = cán bộ cơ quan đảng ủy
role-secretary = bí thư chi bộ

## Tên gọi đơn vị và người đứng đầu theo loại đơn vị: chỉ chi bộ mới là "chi bộ" có "bí thư chi bộ";
## tổ chức đoàn thể (Đoàn Thanh niên, Hội Cựu chiến binh) gọi chung là "tổ chức", "người phụ trách".
unit_kind-cell-noun = chi bộ
unit_kind-cell-leader = bí thư chi bộ
unit_kind-cell-leader_short = bí thư
unit_kind-grassroots-noun = đảng bộ
unit_kind-grassroots-leader = bí thư đảng bộ
unit_kind-grassroots-leader_short = bí thư
unit_kind-committee-noun = đảng ủy
unit_kind-committee-leader = bí thư đảng ủy
unit_kind-committee-leader_short = bí thư
unit_kind-mass-noun = tổ chức
unit_kind-mass-leader = người phụ trách
unit_kind-mass-leader_short = người phụ trách
unit_kind-unit-noun = đơn vị
unit_kind-unit-leader = người phụ trách
unit_kind-unit-leader_short = người phụ trách


error-fallback = Xin lỗi, đã có lỗi xảy ra. Vui lòng thử lại sau.
error-generic = Xin lỗi, đã có lỗi xảy ra khi xử lý tin nhắn của đồng chí. Vui lòng thử lại sau ít phút.

start-how_to_register =
    Xin chào! Tôi là chibot, trợ lý theo dõi văn bản, thời hạn và báo cáo của các chi bộ, đảng bộ và tổ chức đoàn thể.
    Để sử dụng, đồng chí cần mã mời do văn phòng đảng ủy cấp. Khi có mã, hãy gửi: /start MÃ_MỜI (hoặc gửi riêng mã mời).
start-already_registered = Đồng chí { $name } đã đăng ký rồi.
start-welcome =
    Chào mừng đồng chí! Tài khoản này đã được gắn với { $unit }, vai trò { $role }.
    Đồng chí có thể dùng các lệnh sau:
    { $commands }
start-invite_unknown = Mã mời không đúng. Đồng chí kiểm tra lại mã (gồm chữ và số, không có dấu cách) hoặc xin mã mới từ văn phòng đảng ủy.
start-invite_expired = Mã mời này đã hết hạn. Đồng chí vui lòng xin mã mới từ văn phòng đảng ủy.
start-invite_used = Mã mời này đã được dùng rồi. Mỗi mã chỉ dùng một lần; đồng chí vui lòng xin mã mới nếu cần.
start-open_directives = Hiện { $unit_word } của đồng chí có { $count } văn bản cần thực hiện; tôi gửi ngay sau đây.
start-invite_role_exists = Tài khoản này đã có vai trò đó tại đơn vị này rồi.

help-text =
    Các lệnh đồng chí có thể dùng:
    { $commands }
    Gõ /cancel để thoát thao tác đang làm bất cứ lúc nào.
help-start = bắt đầu / đăng ký bằng mã mời
help-help = danh sách lệnh
help-cancel = hủy thao tác đang làm
help-whoami = xem đơn vị và vai trò của tôi
help-lang = đổi ngôn ngữ (vi | en)
help-invite = tạo mã mời cho bí thư chi bộ, người phụ trách tổ chức đoàn thể hoặc cán bộ

cancel-nothing = Hiện không có thao tác nào đang làm.
cancel-done = Đã hủy { $what }. Không có gì được lưu.

whoami-text =
    Đồng chí: { $name }
    { $roles }
whoami-role_line = • { $role } — { $unit } (mã { $code })

lang-usage = Cách dùng: /lang vi hoặc /lang en
lang-done = Đã chuyển sang tiếng Việt.

command-unknown = Tôi chưa biết lệnh { $command }. Gõ /help để xem các lệnh đồng chí có thể dùng.

auth-denied = Đồng chí không có quyền thực hiện thao tác này.

button-stale = Nút này đã cũ hoặc không còn hiệu lực. Đồng chí vui lòng dùng tin nhắn mới nhất hoặc gõ /help.

flow-expired = Thao tác { $what } trước đó đã quá lâu không được hoàn tất nên đã tự hủy. Không có gì được lưu.
flow-dropped = Đã hủy { $what } đang làm dở. Không có gì của thao tác đó được lưu.
flow-outdated = Chibot vừa được cập nhật nên thao tác { $what } đang làm dở đã dừng. Không có gì được lưu; đồng chí vui lòng bắt đầu lại.

input-unsupported_media = Tôi chỉ đọc được tin nhắn chữ, tệp văn bản và ảnh. Gõ /help để xem các lệnh.
input-text_expected = Tôi cần một câu trả lời bằng chữ cho câu hỏi này.
input-attachment_outside_flow = Tôi đã nhận tệp nhưng chưa biết dùng vào việc gì. Gõ /help để xem các lệnh.
input-unknown_text = Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh đồng chí có thể dùng.
input-choice_unknown = Tôi chưa hiểu lựa chọn này. Đồng chí trả lời bằng số thứ tự hoặc chữ của một lựa chọn: { $options }

invite-ask_unit = Tạo mã mời cho đơn vị nào? Gõ mã đơn vị (ví dụ: { $example }).
invite-unit_unknown = Không tìm thấy đơn vị có mã «{ $code }» trong phạm vi đồng chí quản lý. Gõ lại mã đơn vị (ví dụ: { $example }), hoặc /cancel để thôi.
invite-unit_number = «{ $code }» không phải mã đơn vị. Đồng chí gõ mã của đơn vị, ví dụ: { $example }, hoặc /cancel để thôi.
invite-ask_role = Mã mời cho vai trò nào tại { $unit }?
invite-role_not_allowed = Đồng chí không thể mời vai trò này cho đơn vị này.
invite-ask_name = Họ tên người được mời? (gõ họ tên, hoặc bấm Bỏ qua)
invite-name_too_long = Họ tên dài { $length } ký tự; tối đa { $max } ký tự. Đồng chí gõ lại họ tên ngắn hơn, hoặc bấm Bỏ qua.
invite-role_already_held = Lưu ý: { $unit } đã có { $role } đăng ký ({ $names }). Mã này thêm một người nữa; cả hai sẽ cùng nhận văn bản và nhắc việc.
invite-skip = Bỏ qua
invite-unnamed_secretary = { $leader } { $unit }
invite-unnamed_staff = Cán bộ { $unit }
invite-unnamed_admin = Quản trị { $unit }
invite-created =
    Đã tạo mã mời cho { $role } — { $unit }{ $label }:
    Mã: { $code }
    Hết hạn: { $expires }
    Người được mời gửi cho bot: /start { $code }
invite-describe = tạo mã mời
invite-describe_for = tạo mã mời cho { $unit }
menu-no_pick = Tôi chưa rõ đồng chí chọn mục nào.
menu-out_of_range = { $last ->
    [1] Ở đây chỉ có một lựa chọn: đồng chí gõ 1.
   *[other] Đồng chí chọn từ 1 đến { $last }.
}
menu-stale = Các lựa chọn đó thuộc một tin nhắn cũ, không còn dùng được.
menu-pick_one = Đồng chí trả lời bằng số thứ tự hoặc chữ của một mục:
menu-what_to_do = Gõ /help để xem các lệnh đồng chí có thể dùng.
reach-blocked = { $leader } đã chặn chibot
reach-head_before = Lưu ý: hiện chưa báo được cho { $count } đơn vị (chưa có bí thư hoặc người phụ trách nhận tin qua chibot). Văn bản vẫn được giao; họ nhận khi có người đăng ký (mời bằng /invite), hoặc đồng chí báo bằng đường khác:
reach-head = Chưa báo được cho { $count } đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng đường khác):
reach-line = • { $code } — { $name }: { $reason }
reach-more = … và { $count } đơn vị khác
reach-no_secretary = chưa có { $leader } đăng ký

## Các chữ của một thời hạn khi hiển thị (giữ nguyên như đã lưu).
deadline_word-first_month_of_quarter = của tháng đầu quý
deadline_word-middle_month_of_quarter = của tháng giữa quý
deadline_word-last_month_of_quarter = của tháng cuối quý
deadline_word-first_half = 6 tháng đầu năm
deadline_word-second_half = 6 tháng cuối năm
deadline_word-by_end_of = đến hết
deadline_word-no_later_than = chậm nhất
deadline_word-daily = hằng ngày
deadline_word-weekly = hằng tuần
deadline_word-monthly = hằng tháng
deadline_word-quarterly = hằng quý
deadline_word-yearly = hằng năm
deadline_word-before = trước
deadline_word-until = đến
deadline_word-from = từ
deadline_word-in = trong
deadline_word-at = lúc
deadline_word-on = vào
deadline_word-mon = thứ Hai
deadline_word-tue = thứ Ba
deadline_word-wed = thứ Tư
deadline_word-thu = thứ Năm
deadline_word-fri = thứ Sáu
deadline_word-sat = thứ Bảy
deadline_word-sun = Chủ nhật
deadline_word-day = ngày
deadline_word-month = tháng
deadline_word-quarter = quý
deadline_word-year = năm

# The number a usage hint shows when the person sees no numbered directive: plainly an example.
usage-example_number = 123
