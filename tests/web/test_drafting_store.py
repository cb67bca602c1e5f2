"""Drafting from the store: a ward's draft carries its own figures with comparisons computed from
the store (previous period; same period last year through the merger; plan), last period's
tasks with their status; a province's draft sums its communes and names the missing ones."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.draft.numbers import format_number
from baocao.web.drafting import services
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.tasks import services as task_services
from baocao.web.tasks.models import PlannedTask
from tests.web.conftest import unit, user
from tests.web.test_tasks_store import put

pytestmark = pytest.mark.django_db


def stock(dong_kinh_october: bool = True) -> None:
    """Ward Tam Thanh (06041, merged on 2025-07-01 from 06040 and 06058) and ward Đông Kinh (06042)
    under the province (20): September and October 2025, and October 2024 of the units then."""
    put(9)  # 06041, plans October's tasks
    put(10)
    put(10, "06040", year=2024, code="55001")
    put(10, "06058", year=2024, code="55002")
    put(10, "06042", year=2024, code="55005")
    put(9, "06042", code="55503")
    if dong_kinh_october:
        put(10, "06042", code="55503")


def values(code: str, period: str, scope: str = "period") -> dict[str, float]:
    return {v.indicator.code: v.value for v in IndicatorValue.objects.filter(
        unit=unit(code), period__code=period, scope=scope).select_related("indicator")}


def draft(code: str, period: str = "2025-10") -> services.DraftPackage:
    return services.prepare(unit(code), Period.objects.get(code=period))


def body_text(sections: Any) -> list[str]:
    out: list[str] = []
    for s in sections:
        out += [p.text for p in s.paragraphs] + body_text(s.children)
    return out


def lines_by_indicator(package: services.DraftPackage) -> dict[str, Any]:
    return {f.indicator: f for f in package.figures.lines}


def test_a_wards_draft_carries_every_figure_it_reported(world: dict) -> None:
    stock()
    package = draft("06041")
    own = values("06041", "2025-10")
    lines = lines_by_indicator(package)
    folded = {"budget.revenue.rate_estimate", "budget.revenue.estimate_province", "budget.spending.rate_estimate",
              "budget.spending.estimate", "investment.public.disbursement_rate", "investment.public.plan"}
    assert set(own) - folded <= set(lines)
    for code, value in own.items():
        if code in lines:
            assert lines[code].value == pytest.approx(to_display(value, lines[code].display_unit)), code
    assert not package.figures.rolled_up and package.missing_units == []


def test_same_period_last_year_is_the_sum_of_the_merged_wards(world: dict) -> None:
    stock()
    now, a, b = values("06041", "2025-10"), values("06040", "2024-10"), values("06058", "2024-10")
    lines = lines_by_indicator(draft("06041"))
    checked = 0
    for code in sorted(set(now) & set(a) & set(b)):
        line = lines.get(code)
        if line is None or IndicatorValue.objects.filter(indicator__code=code).first().indicator.aggregate_units \
                != "sum" or line.change_same_period is None:
            continue
        assert line.change_same_period == pytest.approx(round((now[code] / (a[code] + b[code]) - 1) * 100, 2)), code
        checked += 1
    assert checked >= 5


def test_change_against_the_previous_month(world: dict) -> None:
    stock()
    now, before = values("06041", "2025-10"), values("06041", "2025-09")
    lines = lines_by_indicator(draft("06041"))
    compared = [c for c in set(now) & set(before) if c in lines and lines[c].change_previous is not None]
    assert len(compared) >= 10
    for code in compared:
        if before[code] > 0:
            assert lines[code].change_previous == pytest.approx(round((now[code] / before[code] - 1) * 100, 2))
    assert all(lines[c].previous_label == "tháng trước" for c in compared)


def test_percentages_get_no_percent_change(world: dict) -> None:
    stock()
    for line in draft("06041").figures.lines:
        if line.display_unit == "%":
            assert line.change_previous is None and line.change_same_period is None


def test_budget_revenue_is_compared_with_the_estimate(world: dict) -> None:
    stock()
    rate = {**values("06041", "2025-10", "cumulative"), **values("06041", "2025-10")}["budget.revenue.rate_estimate"]
    line = lines_by_indicator(draft("06041"))["budget.revenue.total"]
    assert line.achievement == pytest.approx(rate) and line.basis == "dự toán tỉnh giao"


def test_last_periods_tasks_come_with_their_status_including_corrections(world: dict) -> None:
    stock()
    task = PlannedTask.objects.get(unit=unit("06041"), period_code="2025-10", number="1")
    task_services.decide(task, "in_progress", user("alice"), note="Còn dở dang.")
    package = draft("06041")
    assert [t.task.number for t in package.tasks] == [
        v.task.number for v in task_services.tasks_for(unit("06041"), "2025-10")]
    assert package.tasks[0].status == "in_progress" and package.tasks[0].source == "confirmed"
    results = package.document.sections[1].children[-1]
    assert results.title == "Kết quả thực hiện nhiệm vụ trọng tâm tháng 10 năm 2025"
    assert "đang thực hiện" in results.paragraphs[1].text
    next_plans = [p.text for p in package.document.sections[3].paragraphs]
    assert next_plans[0].startswith("1. ")  # October's report already decided November's tasks


def test_the_province_draft_sums_its_communes(world: dict) -> None:
    stock()
    a, b = values("06041", "2025-10"), values("06042", "2025-10")
    package = draft("20")
    assert package.figures.rolled_up and package.missing_units == []
    lines = lines_by_indicator(package)
    summed = 0
    for code in sorted(set(a) & set(b)):
        ind = IndicatorValue.objects.filter(indicator__code=code).first().indicator
        if ind.aggregate_units != "sum" or code not in lines:
            continue
        assert lines[code].value == pytest.approx(to_display(a[code] + b[code], lines[code].display_unit)), code
        assert not lines[code].missing_units
        summed += 1
    assert summed >= 20
    text = "\n".join(body_text(package.document.sections))
    ind = IndicatorValue.objects.filter(indicator__code="tthc.received").first().indicator
    total = format_number(to_display(a["tthc.received"] + b["tthc.received"], ind.display_unit), count=True)
    assert f"{ind.name}: {total} hồ sơ" in text


def test_the_province_draft_names_the_communes_that_have_not_reported(world: dict) -> None:
    stock(dong_kinh_october=False)
    package = draft("20")
    assert package.missing_units == ["phường Đông Kinh"]
    limits = package.document.sections[2].children[1]
    assert any(p.text == "Các đơn vị chưa gửi báo cáo: phường Đông Kinh." for p in limits.paragraphs)
    partial = [f for f in package.figures.lines if f.missing_units]
    assert partial and all(f.missing_units == ("phường Đông Kinh",) for f in partial)
    assert all(f.change_previous is None and f.change_same_period is None for f in partial)  # unlike sets


def test_a_province_compares_with_last_year_through_the_old_district(world: dict) -> None:
    stock()
    lines = lines_by_indicator(draft("20"))
    now = {k: values("06041", "2025-10").get(k, 0) + values("06042", "2025-10").get(k, 0)
           for k in ("tthc.received",)}
    before = sum(values(c, "2024-10")["tthc.received"] for c in ("06040", "06058", "06042"))
    assert lines["tthc.received"].change_same_period == pytest.approx(round((now["tthc.received"] / before - 1) * 100,
                                                                            2))



def test_the_draft_signs_and_sends_like_the_units_last_report(world: dict) -> None:
    from tests.web.conftest import report_text

    closing = ("\n\nNơi nhận:\n\n- UBND tỉnh Lạng Sơn;\n\n- Thường trực Đảng ủy phường;\n\n- Lưu: VT, VP.\n\n"
               "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nHoàng Văn Nam\n")
    text = report_text("Tình hình kinh tế - xã hội tháng 10 năm 2025") + closing
    put(10, text=text)
    document = draft("06041").document
    assert document.signature.lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert document.signature.name == "Hoàng Văn Nam"
    assert document.recipients == ("UBND tỉnh Lạng Sơn", "Thường trực Đảng ủy phường", "Lưu: VT, VP")
    put(9)  # a synthetic report of another ward stored under 06041 says nothing about how 06041 signs
    assert draft("06041", "2025-09").document.signature.name == ""
