"""Footnote markers glued to words and numbers, and digits that only look like markers."""

from __future__ import annotations

from baocao.parse import parse
from baocao.read.textlayer import read_text

SEP = " " * 43


def layer(body: list[str], notes: list[str], tail: list[str] | None = None) -> bytes:
    lines = [*body, SEP, *notes, *(tail or [" Kết thúc trang sau."])]
    return "".join(f"{line}\n\n" for line in lines).encode()


def parse_layer(body: list[str], notes: list[str], tail: list[str] | None = None):  # type: ignore[no-untyped-def]
    return parse(read_text(layer(body, notes, tail)))


def test_marker_glued_to_an_amount_is_split_from_it() -> None:
    doc = parse_layer(["Tổng số tiền thu được là 36.618.000đ1 theo quy định."], ["1 Trong đó thu phí 20 triệu đồng."])
    assert "36.618.000đ theo quy định" in doc.text
    assert doc.footnotes[0].anchor.endswith("36.618.000đ")


def test_marker_glued_to_a_word_after_a_count() -> None:
    doc = parse_layer(["Đã cấp phép cho 01 công ty1 và 03 hộ kinh doanh."], ["1 Công ty TNHH An Phú."])
    assert "cho 01 công ty và 03 hộ" in doc.text


def test_square_metres_are_not_a_marker() -> None:
    doc = parse_layer(
        ["Giao đất cho 02 hộ với diện tích 988 m2 và bàn giao 120 m2 đất công1."],
        ["1 Khu dân cư Bến Bắc."],
    )
    assert "988 m2" in doc.text and "120 m2 đất công." in doc.text
    assert doc.footnotes[0].anchor.endswith("đất công")


def test_marker_between_a_count_and_a_ratio() -> None:
    doc = parse_layer(["Đã tiếp được 41 lượt1/60 công dân trong kỳ."], ["1 Lĩnh vực đất đai: 12 lượt."])
    assert "41 lượt/60 công dân" in doc.text


def test_identifier_before_the_real_marker_is_left_alone() -> None:
    doc = parse_layer(
        ["Đội bóng đá U11 Hòa Bình thi đấu tốt, thành tích khởi sắc11."],
        [f"{i} Chú thích số {i}." for i in range(1, 12)],
        tail=[" Trang sau."],
    )
    # footnotes 1..10 have no marker in this tiny text; 11 must go to "khởi sắc", not "U11"
    assert "U11 Hòa Bình" in doc.text
    note = doc.footnote(11)
    assert note is not None and note.anchor.endswith("khởi sắc")


def test_marker_after_closing_parenthesis_and_percent() -> None:
    doc = parse_layer(
        ["Tỷ lệ đạt 68,5%1. Kinh phí (đã bao gồm thuế)2; hoàn thành đúng hạn."],
        ["1 Theo số liệu của Công an.", "2 Chưa gồm phí."],
    )
    assert "68,5%. Kinh phí (đã bao gồm thuế); hoàn thành" in doc.text
    assert [f.anchor[-5:] for f in doc.footnotes] == ["68,5%", "thuế)"]


def test_marker_printed_after_a_space() -> None:
    doc = parse_layer(["Thẩm định 01 đồ án quy hoạch chi tiết 1; hoàn thành 02 dự án."], ["1 Khu dân cư Ba Toa."])
    assert "quy hoạch chi tiết; hoàn thành 02 dự án" in doc.text or "quy hoạch chi tiết ; hoàn thành" in doc.text
    assert doc.footnotes[0].paragraph is not None


def test_footnote_block_mid_sentence_and_continuation() -> None:
    body = ["Công tác cải cách hành chính được triển khai quyết liệt1; tiếp tục rà soát các thủ tục"]
    notes = ["1 Trong tháng tiếp nhận 771 hồ sơ, trong đó quá hạn", "15/596 chiếm 2,52%."]
    doc = parse_layer(body, notes, tail=[" hành chính trên địa bàn."])
    assert "rà soát các thủ tục hành chính trên địa bàn." in doc.text
    assert doc.footnotes[0].text == "Trong tháng tiếp nhận 771 hồ sơ, trong đó quá hạn 15/596 chiếm 2,52%."
    assert len(doc.footnotes) == 1


def test_a_footnote_printed_as_the_line_after_its_paragraph() -> None:
    text = ("BÁO CÁO\nTình hình kinh tế - xã hội tháng 7\n"
            "I. KẾT QUẢ\n"
            "UBND phường bố trí 86 cán bộ, công chức1; ban hành 57 quyết định.\n"
            "1 Trong đó: từ phường Hải Long (cũ) 38 người, phường Bình Tân (cũ) 24 người.\n"
            "Thu ngân sách đạt 48.265 triệu đồng, bằng 54,2% dự toán2.\n"
            "2 Dự toán chi năm 2025 của 03 đơn vị cũ là 54.302 triệu đồng.\n"
            "1 Trong đó nothing: a numbered line with no marker before it stays body text.\n")
    doc = parse(read_text(text.encode()))
    assert [(n.number, n.text[:9]) for n in doc.footnotes] == [(1, "Trong đó:"), (2, "Dự toán c")]
    assert "công chức; ban hành" in doc.text and "54,2% dự toán." in doc.text
    assert "38 người" not in doc.text and "a numbered line" in doc.text


def test_footnotes_below_a_rule_of_underscores_and_the_body_after_them() -> None:
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÀ TỔNG\nĐộc lập - Tự do - Hạnh phúc\n---------------\nBÁO CÁO\n"
            "Tình hình kinh tế - xã hội tháng 10\nI. KẾT QUẢ\n"
            "Xã Tà Tổng1 tổ chức 02 hội nghị; tổng thiệt hại ước 7,85 tỷ đồng2. Tiếp 14 lượt công dân.\n"
            "__________\n"
            "1 Xã Tà Tổng được thành lập theo Nghị quyết số 1670/NQ-UBTVQH15 ngày 16/6/2025.\n"
            "2 Thiệt hại về giao thông 5,2 tỷ đồng, nhà ở 0,94 tỷ đồng.\n"
            "II. ĐÁNH GIÁ CHUNG\n"
            "Sản xuất nông nghiệp cơ bản ổn định.\n")
    doc = parse(read_text(text.encode()))
    assert [(n.number, n.text[:12]) for n in doc.footnotes] == [(1, "Xã Tà Tổng đ"), (2, "Thiệt hại về")]
    assert "7,85 tỷ đồng. Tiếp 14 lượt" in doc.text and "Sản xuất nông nghiệp cơ bản ổn định." in doc.text
    assert "5,2 tỷ" not in doc.text and "---" not in doc.text.split("BÁO CÁO")[-1]
    assert [s.title for s in doc.sections] == ["KẾT QUẢ", "ĐÁNH GIÁ CHUNG"]


def test_footnotes_below_a_narrow_rule_of_spaces_in_a_double_spaced_layer() -> None:
    lines = ["ỦY BAN NHÂN DÂN", "PHƯỜNG VĂN MIẾU", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
             "Tình hình kinh tế - xã hội tháng 11", "I. KẾT QUẢ",
             "Thu ngân sách 11 tháng1 ước 1.027,5 tỷ đồng; chi ngân sách ước 32.436,2 triệu đồng, bằng 47,8% dự toán",
             "          ",
             "1 Trong đó, thuế giá trị gia tăng 354,2 tỷ đồng, thuế thu nhập doanh nghiệp 141,5 tỷ",
             "đồng.", "2", "phường giao. Tiếp 14 lượt công dân.",
             "          ", "2 số hộ gặp khó khăn, sản xuất kinh doanh ổn định."]
    doc = parse(read_text("\n\n".join(lines).encode()))
    assert [(n.number, n.text[:9]) for n in doc.footnotes] == [(1, "Trong đó,")]
    assert "47,8% dự toán phường giao. Tiếp 14 lượt" in doc.text and "354,2" not in doc.text
    assert "2 số hộ gặp khó khăn" in doc.text  # no marker 2 before it: no footnote
