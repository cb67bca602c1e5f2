"""Following last period's tasks into the next report: statuses, evidence, confidence,
confirmed decisions, speed."""

from __future__ import annotations

import time

import pytest

from baocao.config import Config
from baocao.pipeline import analyze
from baocao.tasks import Evidence, Override, extract_tasks, follow, match_tasks, period_warning
from tests.conftest import seed_path
from tests.unit.test_tasks_extract import parse_text

MARCH = """
BÁO CÁO
Tình hình kinh tế - xã hội tháng 3 năm 2026
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
UBND xã ban hành 38 văn bản chỉ đạo, điều hành các lĩnh vực.
II. NHIỆM VỤ TRỌNG TÂM THÁNG 4 NĂM 2026
1. Tổ chức Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025 và triển khai nhiệm vụ năm 2026.
2. Đẩy nhanh tiến độ xây dựng Nhà văn hóa thôn Nà Lìa.
3. Hoàn thành chi trả tiền bồi thường cho các hộ bị ảnh hưởng dự án đường tránh Quốc lộ 1A.
4. Tổ chức tiêm phòng vắc xin lở mồm long móng đợt 1 năm 2026 cho đàn trâu, bò.
5. Tuyên truyền, vận động nhân dân tham gia bảo hiểm y tế hộ gia đình.
6. Kiểm tra, xử lý các trường hợp vi phạm hành lang an toàn giao thông trên tuyến tỉnh lộ 226.
"""

APRIL = """
BÁO CÁO
Tình hình kinh tế - xã hội tháng 4 năm 2026
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
UBND xã ban hành 41 văn bản chỉ đạo, điều hành các lĩnh vực.
II. KẾT QUẢ ĐẠT ĐƯỢC
1. Nông, lâm nghiệp
Hoàn thành tiêm phòng vắc xin lở mồm long móng đợt 1 cho 1.245 con trâu, bò trên địa bàn.
Tổng đàn trâu, bò của xã hiện có 3.120 con, đàn lợn 5.400 con.
Ngày 12/4/2026, UBND xã đã tổ chức Hội nghị tổng kết công tác phòng, chống thiên tai năm 2025, triển khai nhiệm vụ năm 2026 với 85 đại biểu.
2. Đầu tư xây dựng cơ bản
Công trình Nhà văn hóa thôn Nà Lìa đang thi công phần mái, khối lượng ước đạt khoảng 70%.
Việc chi trả tiền bồi thường dự án đường tránh Quốc lộ 1A chưa hoàn thành, còn 07 hộ chưa nhận tiền.
3. Văn hóa - xã hội
Trạm Y tế xã khám, chữa bệnh cho 412 lượt người.
Tổ chức thành công Giải bóng chuyền hơi mừng Đảng, mừng Xuân với 12 đội tham gia.
III. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2026
1. Kiểm tra, xử lý các trường hợp vi phạm hành lang an toàn giao thông trên tuyến tỉnh lộ 226.
2. Tuyên truyền, vận động nhân dân tham gia bảo hiểm y tế hộ gia đình.
"""

EXPECTED = {"1": "done", "2": "in_progress", "3": "in_progress", "4": "done", "5": "not_mentioned",
            "6": "not_mentioned"}


def test_statuses_of_a_synthetic_pair_with_known_outcomes() -> None:
    statuses = follow(parse_text(MARCH), parse_text(APRIL))
    assert {s.task.number: s.status for s in statuses} == EXPECTED
    by = {s.task.number: s for s in statuses}
    assert by["1"].evidence is not None and "Hội nghị tổng kết" in by["1"].evidence.text
    assert by["2"].evidence is not None and "Nà Lìa" in by["2"].evidence.text
    assert by["3"].cue == "chưa hoàn thành"
    assert by["4"].evidence is not None and "1.245" in by["4"].evidence.text
    for s in statuses:
        assert 0.0 <= s.confidence <= 1.0
        assert (s.evidence is None) == (s.status == "not_mentioned")


def test_the_next_reports_own_plans_are_not_evidence() -> None:
    # tasks 5 and 6 are planned again, word for word, in April's key tasks for May
    by = {s.task.number: s for s in follow(parse_text(MARCH), parse_text(APRIL))}
    assert by["6"].status == "not_mentioned"
    assert all(alt.paragraph not in ("p9", "p10") for alt in by["6"].alternatives + by["5"].alternatives)


def test_explicit_cues_are_confident_and_absence_is_confident_too() -> None:
    by = {s.task.number: s for s in follow(parse_text(MARCH), parse_text(APRIL))}
    assert by["3"].confidence >= 0.75  # "chưa hoàn thành" is explicit
    assert by["6"].confidence >= 0.5


def test_confirmed_decisions_are_returned_as_they_are() -> None:
    march = parse_text(MARCH)
    tasks = extract_tasks(march)
    key = tasks[4].key
    assert key == "2026-04:task:5"
    confirmed = Override(key, "done", Evidence("p99", "Đã tuyên truyền tại 12 thôn."), note="xác nhận qua điện thoại")
    statuses = match_tasks(tasks, parse_text(APRIL), overrides={key: confirmed})
    five = statuses[4]
    assert (five.status, five.confidence, five.source) == ("done", 1.0, "confirmed")
    assert five.evidence == confirmed.evidence
    assert [s.status for s in statuses[:4]] == ["done", "in_progress", "in_progress", "done"]


def test_matching_is_deterministic() -> None:
    first = follow(parse_text(MARCH), parse_text(APRIL))
    second = follow(parse_text(MARCH), parse_text(APRIL))
    assert [s.to_dict() for s in first] == [s.to_dict() for s in second]


def test_period_warning_when_the_next_report_is_for_another_period() -> None:
    march, april = parse_text(MARCH), parse_text(APRIL)
    tasks = extract_tasks(march)
    assert period_warning(tasks, april) is None
    warning = period_warning(tasks, march)
    assert warning is not None and "2026-04" in warning and "2026-03" in warning


@pytest.mark.seeds
def test_may_programme_followed_into_june_report_in_well_under_a_second() -> None:
    config = Config()
    programme = analyze(seed_path("002"), config).document
    june = analyze(seed_path("000"), config).document
    tasks = [t for t in extract_tasks(programme) if t.kind == "task"]
    started = time.perf_counter()
    statuses = match_tasks(tasks, june)
    assert time.perf_counter() - started < 1.0
    by = {s.task.number: s for s in statuses}
    assert by["2.2.a"].status == "in_progress" and by["2.2.a"].evidence is not None
    assert by["2.2.a"].evidence.paragraph == "p22"  # "Luỹ kế giải ngân … tỷ lệ giải ngân đạt 13,84%"
    assert by["2.1.đ"].evidence is not None and by["2.1.đ"].evidence.paragraph == "p20"  # xóa nhà tạm
    assert by["3.c"].status == "not_mentioned"  # nông thôn mới, OCOP: nothing in June's report
    assert by["1.b"].evidence is not None and by["1.b"].evidence.paragraph == "p17"  # thu chi ngân sách
    assert by["1.b"].status == "in_progress" and "72,2%" in by["1.b"].cue
