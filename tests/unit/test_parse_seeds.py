"""The four real reports: structure, footnotes and meta as a careful reader sees them."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from baocao.config import Config
from baocao.parse.model import Document
from baocao.pipeline import analyze
from tests.conftest import seed_path

pytestmark = pytest.mark.seeds


@lru_cache(maxsize=8)
def doc(prefix: str) -> Document:
    return analyze(seed_path(prefix), Config()).document


EXPECTED_META = {
    "000": ("thành phố", "Lạng Sơn", "district", "2025-06", "report", None, "Nguyễn Văn Hạnh"),
    "001": ("phường", "Tam Thanh", "commune", "2025-H1", "report", "TM.", "Vũ Hồng Trung"),
    "002": ("thành phố", "Lạng Sơn", "district", "2025-05", "work_programme", "TL.", "Hoàng Tuấn Anh"),
    "004": ("tỉnh", "Lạng Sơn", "province", "2025-08", "report", "KT.", None),
}
FOOTNOTE_COUNTS = {"000": 19, "001": 4, "002": 1, "004": 23}

# (footnote number, the words printed just before its marker)
ANCHORS = {
    "000": [(1, "5.185.225.000 đồng"), (3, "quy hoạch chi tiết"), (4, "nhà thầu 02 dự án"), (8, "quyết toán 02 dự án"),
            (14, "thực hiện quyết liệt"), (18, "đã tiếp được 41 lượt"), (19, "trong kỳ: 41 đơn")],
    "001": [(1, "8.086 triệu đồng"), (2, "hồ sơ cấp giấy CNQSD đất"), (4, "nhất là dịch sởi")],
    "002": [(1, "các dự án trọng điểm")],
    "004": [(1, "89,3% so với kế hoạch"), (4, "180.696 liều vắc xin"), (11, "thành tích thi đấu khởi sắc"),
            (17, "trật tự xã hội đạt 68,5%"), (21, "trực tuyến đạt 88,96%"), (23, "đời sống của Nhân dân")],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_META))
def test_meta_is_inferred_without_a_header_block(prefix: str) -> None:
    m = doc(prefix).meta
    kind, name, level, period, doc_type, form, signer = EXPECTED_META[prefix]
    assert (m.unit_kind, m.unit_name, m.level) == (kind, name, level)
    assert m.period is not None and m.period.code == period
    assert m.doc_type == doc_type
    assert m.signing_form == form
    assert m.signer == signer
    assert m.recipients, "the 'Nơi nhận' list is read"


@pytest.mark.parametrize("prefix", sorted(FOOTNOTE_COUNTS))
def test_every_footnote_is_found_in_order_with_its_marker(prefix: str) -> None:
    d = doc(prefix)
    assert [f.number for f in d.footnotes] == list(range(1, FOOTNOTE_COUNTS[prefix] + 1))
    assert all(f.paragraph for f in d.footnotes), [f.number for f in d.footnotes if not f.paragraph]
    positions = [(int(f.paragraph[1:]), f.offset) for f in d.footnotes if f.paragraph]
    assert positions == sorted(positions), "markers run 1..N through the document"


@pytest.mark.parametrize("prefix", sorted(ANCHORS))
def test_footnote_anchor_is_the_text_before_the_marker(prefix: str) -> None:
    d = doc(prefix)
    for number, words in ANCHORS[prefix]:
        note = d.footnote(number)
        assert note is not None
        assert note.anchor.rstrip().endswith(words), (number, note.anchor)
        para = d.paragraph(note.paragraph or "")
        assert para is not None and note.offset is not None
        assert para.text[: note.offset].endswith(note.anchor)


@pytest.mark.parametrize("prefix", sorted(FOOTNOTE_COUNTS))
def test_no_footnote_text_is_left_in_the_body(prefix: str) -> None:
    d = doc(prefix)
    for note in d.footnotes:
        probe = note.text[:45]
        assert probe not in d.text, (note.number, probe)


def test_sentences_cut_by_footnote_blocks_are_whole_again() -> None:
    text = doc("000").text
    assert "Bàn giao đưa vào sử dụng, trình thẩm tra quyết toán 02 dự án; Tổ chức giám sát" in text
    assert "Duy trì hiệu quả hoạt động của bộ phận" in text
    assert "điện tử thành phố; 100% văn bản" not in text  # page break inside "thành phố"
    assert "hệ thống của thành phố; 100% văn bản điện tử" in text
    text4 = doc("004").text
    assert "lũy kế từ đầu năm tiêm được 1,47 triệu lượt" in text4
    assert "Doanh thu vận tải, kho bãi tháng 8 ước đạt 241,7 tỷ đồng" in text4
    assert "đến điểm cầu 65 xã, phường." in text4


def test_footnote_continued_on_next_page_is_joined() -> None:
    d = doc("004")
    n11 = d.footnote(11)
    n21 = d.footnote(21)
    assert n11 is not None and n21 is not None
    assert n11.text.endswith("Kickboxing trẻ toàn quốc năm 2025 từ 20/8-31/8 Gia Lai.")
    assert "Giải vô địch Cử tạ quốc gia năm 2025 từ ngày 15/8-27/8 Đà Nẵng" in n11.text
    assert "(16,54%), đúng hạn 80.238 hồ sơ (83,44%)" in n21.text
    assert d.footnote(14) is not None and "15/596" not in (d.footnote(15).text if d.footnote(15) else "")


def test_markers_never_eat_digits_of_values() -> None:
    t0 = doc("000").text
    assert "5.185.225.000 đồng.\n" in t0 and "đã tiếp được 41 lượt/60 công dân" in t0
    t4 = doc("004").text
    assert "đội bóng đá U11 Lạng Sơn" in t4, "U11 is a team, not footnote 11"
    assert "đoạn Km18 - Km80" in t4
    t1 = doc("001").text
    assert "106.220m2" in t1


def test_wrong_heading_numbers_are_kept_and_warned() -> None:
    d0 = doc("000")
    romans = [s.number for s in d0.sections]
    assert romans == ["I", "II", "II", "III"]
    assert any(w.code == "heading_duplicate" and "II" in w.message for w in d0.warnings)
    d1 = doc("001")
    assert any(w.code == "heading_duplicate" and "«2»" in w.message for w in d1.warnings)


def test_key_tasks_are_numbered_paragraphs() -> None:
    d = doc("004")
    tasks = next(s for s in d.sections if "NHIỆM VỤ TRỌNG TÂM" in s.title)
    numbers = [p.number for p in tasks.paragraphs if p.number]
    assert numbers == [str(i) for i in range(1, 13)]


def test_text_is_nfc_and_has_no_page_numbers() -> None:
    import unicodedata

    for prefix in FOOTNOTE_COUNTS:
        d = doc(prefix)
        assert unicodedata.is_normalized("NFC", d.text)
        assert not re.search(r"(?m)^\s*\d{1,2}\s*$", d.text)
    assert "xây dựng nhà ở và nhà tạm" in doc("001").text  # the page number "9" in this sentence is gone
