"""Handling findings on the review page: accept with a comment, fix the value, reopen."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.errors import InputError
from baocao.web.audit.models import AuditEntry
from baocao.web.findings.views import parse_value
from baocao.web.indicators.models import IndicatorValue
from tests.web.conftest_pages import browser_for, report_with_findings


@pytest.fixture
def findings(world: Any) -> dict[str, Any]:
    report = report_with_findings().report
    return {f.code: f for f in report.findings.all()}


def act(who: str, finding: Any, htmx: bool = False, **data: str) -> Any:
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return browser_for(who).post(f"/phat-hien/{finding.pk}/xu-ly/", data, **extra)


def test_reviewer_accepts_a_finding_with_a_comment(findings: dict[str, Any]) -> None:
    f = findings["sum_mismatch"]
    resp = act("bob", f, action="accept", comment="Số liệu đúng theo sổ theo dõi.")
    assert resp.status_code == 302
    assert resp["Location"].endswith(f"#finding-{f.pk}")
    f.refresh_from_db()
    assert (f.state, f.comment, f.state_changed_by.username) == ("accepted", "Số liệu đúng theo sổ theo dõi.", "bob")
    assert AuditEntry.objects.filter(action="finding.state", object_id=str(f.pk)).exists()


def test_accepting_without_a_comment_is_refused_in_the_card(findings: dict[str, Any]) -> None:
    f = findings["sum_mismatch"]
    resp = act("bob", f, htmx=True, action="accept", comment="  ")
    assert resp.status_code == 200
    body = resp.content.decode()
    assert body.lstrip().startswith("<article")  # the card alone, for htmx to swap
    assert "cần có ghi chú" in body
    f.refresh_from_db()
    assert f.state == "open"


def test_reviewer_fixes_the_value_and_the_printed_one_stays(findings: dict[str, Any]) -> None:
    f = findings["sum_mismatch"]
    resp = act("bob", f, htmx=True, action="fix", value="125", comment="Cộng lại từ các phần.")
    assert "đã sửa" in resp.content.decode()
    f.refresh_from_db()
    assert f.state == "fixed"
    assert "«120 hồ sơ» thành 125 hồ sơ" in f.comment and "Cộng lại từ các phần." in f.comment
    value = IndicatorValue.objects.get(indicator__code="tthc.received", period__code="2025-11")
    assert (value.value, value.reported_value, value.corrected) == (125.0, 120.0, True)


def test_editor_marks_fixed_and_the_value_waits_for_a_reviewer(findings: dict[str, Any]) -> None:
    f = findings["sum_mismatch"]
    act("alice", f, action="fix", value="125", comment="Đã sửa trong bản gửi lại.")
    f.refresh_from_db()
    assert f.state == "fixed"
    assert "Giá trị đúng: 125 hồ sơ" in f.comment
    value = IndicatorValue.objects.get(indicator__code="tthc.received", period__code="2025-11")
    assert (value.value, value.corrected) == (120.0, False)


def test_fixing_a_finding_without_a_figure_needs_a_comment(findings: dict[str, Any]) -> None:
    f = findings["doubled_word"]
    resp = act("alice", f, htmx=True, action="fix", comment="")
    assert "Ghi giá trị đúng hoặc một ghi chú" in resp.content.decode()
    act("alice", f, action="fix", comment="Đã bỏ từ lặp.")
    f.refresh_from_db()
    assert (f.state, f.comment) == ("fixed", "Đã bỏ từ lặp.")


def test_a_malformed_value_gets_a_vietnamese_explanation(findings: dict[str, Any]) -> None:
    f = findings["sum_mismatch"]
    resp = act("bob", f, htmx=True, action="fix", value="1809.6.5", comment="x")
    assert "không phải là số" in resp.content.decode()
    f.refresh_from_db()
    assert f.state == "open"


def test_reviewer_reopens_a_handled_finding(findings: dict[str, Any]) -> None:
    f = findings["doubled_word"]
    act("bob", f, action="accept", comment="Không phải lỗi.")
    act("bob", f, action="reopen", comment="Xem lại.")
    f.refresh_from_db()
    assert f.state == "open"


def test_values_are_read_the_vietnamese_way() -> None:
    assert parse_value("1.809,6") == 1809.6
    assert parse_value("142.214") == 142214
    assert parse_value(" 79,7 ") == 79.7
    assert parse_value("-12") == -12
    with pytest.raises(InputError):
        parse_value("mười hai")
