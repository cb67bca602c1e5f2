"""Directive follow-up: units named as late become one record each, with period and sentence."""

from __future__ import annotations

import pytest

from baocao.config import Config
from baocao.pipeline import analyze
from baocao.tasks import follow_up
from baocao.tasks.followup import late_units_in
from tests.conftest import seed_path
from tests.unit.test_tasks_extract import parse_text


@pytest.mark.seeds
def test_city_report_names_two_departments_late_on_directives() -> None:
    records = follow_up(analyze(seed_path("000"), Config()).document)
    assert [r.unit for r in records] == ["phòng Kinh tế, Hạ tầng và Đô thị", "phòng Nông nghiệp và Môi trường thành phố"]
    for r in records:
        assert r.period == "2025-06"
        assert r.kind == "directive"
        assert r.paragraph == "p47"
        assert r.sentence.startswith("Các đơn vị còn có nội dung chưa tham mưu giải quyết:")
        assert r.topic.startswith("Thực hiện các văn bản chỉ đạo và Thông báo kết luận")


@pytest.mark.seeds
@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_reports_that_name_no_late_unit_give_no_record(prefix: str) -> None:
    assert follow_up(analyze(seed_path(prefix), Config()).document) == []


def test_a_unit_at_the_head_of_the_sentence_is_late() -> None:
    records = late_units_in("Phòng Văn hóa - Thông tin chưa tham mưu giải quyết 02 nội dung được giao.", "2026-03", "p4")
    assert [(r.unit, r.kind) for r in records] == [("Phòng Văn hóa - Thông tin", "directive")]


def test_units_that_have_not_sent_their_report() -> None:
    records = late_units_in("- Các xã chưa gửi báo cáo: xã Hoàng Văn Thụ, xã Mai Pha; phường Đông Kinh.", "2026-03", "p9")
    assert [r.unit for r in records] == ["xã Hoàng Văn Thụ", "xã Mai Pha", "phường Đông Kinh"]
    assert {r.kind for r in records} == {"report"}


def test_a_project_behind_schedule_is_not_a_late_unit() -> None:
    assert late_units_in("Dự án đường vành đai phường Tam Thanh chậm tiến độ do vướng mặt bằng.", "2026-03", "p1") == []
    assert late_units_in("Thu ngân sách đạt 58,2% dự toán.", "2026-03", "p1") == []


def test_follow_up_of_a_synthetic_report_keeps_the_period() -> None:
    doc = parse_text("""
BÁO CÁO
Tình hình kinh tế - xã hội tháng 3 năm 2026
I. ĐÁNH GIÁ CHUNG
Các đơn vị còn chậm triển khai nhiệm vụ được giao: Ban Chỉ huy Quân sự xã; Công an xã.
""")
    records = follow_up(doc)
    assert [(r.unit, r.period) for r in records] == [("Ban Chỉ huy Quân sự xã", "2026-03"), ("Công an xã", "2026-03")]
