### Tiếng Việt — kênh Zalo và liên kết tài khoản giữa các kênh. Mỗi khóa phải có trong locales/en/zalo.ftl.

zalo-photo_unavailable = (Ảnh biểu đồ không gửi được qua Zalo lúc này. Đồng chí xem số liệu ở trên, hoặc mở chibot trên Telegram để xem ảnh.)
zalo-file_unavailable = (Tệp «{ $name }» không gửi được qua Zalo. Đồng chí mở chibot trên Telegram để nhận tệp, hoặc nhờ văn phòng đảng ủy gửi.)
zalo-file_link = Tệp «{ $name }»: { $url }
