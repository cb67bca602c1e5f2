"""Helpers of the page tests (tests/web/test_pages_*.py), on top of the store's world in conftest.py.

- `browser_for(name)`: a Django test client logged in as one of the world's users;
- `ward_history()`: phường Tam Thanh's figures before and after the 2025 merger (for the dashboard);
- `report_with_findings()`: a November 2025 report of the ward with a figure and two findings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.test import Client

from baocao.check.model import Evidence
from baocao.check.model import Finding as CoreFinding
from tests.web.conftest import fact, report_text, store, user

BODY = "Tiếp nhận 120 hồ sơ thủ tục hành chính, đã giải quyết 118 hồ sơ."
FIGURE = (BODY.index("120 hồ sơ"), BODY.index("120 hồ sơ") + len("120 hồ sơ"))
WORDS = (BODY.index("đã giải quyết"), BODY.index("đã giải quyết") + len("đã giải quyết"))


def browser_for(name: str | None, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    if name:
        client.force_login(user(name))
    return client


def tthc(fid: str, value: float, **kw: Any) -> Any:
    """A figure of the key indicator «hồ sơ TTHC tiếp nhận» placed on «120 hồ sơ» of BODY."""
    raw = f"{value:g} hồ sơ"
    return replace(fact(fid, "tthc.received", value, unit="hồ sơ", start=FIGURE[0], **kw), raw=raw,
                   end=FIGURE[0] + len(raw))


def ward_history() -> dict[str, Any]:
    """November 2024 from the two old units (50 + 30), October and November 2025 of the merged ward."""
    out = {}
    last_year = "Tình hình kinh tế - xã hội tháng 11 năm 2024"
    out["old_a"] = store("06040", "2024-11", facts=(tthc("a", 50),), text=report_text(title=last_year, body=BODY))
    out["old_b"] = store("06058", "2024-11", facts=(tthc("b", 30),),
                         text=report_text(title=last_year, unit_line="XÃ HOÀNG ĐỒNG", body=BODY))
    october = report_text(title="Tình hình kinh tế - xã hội tháng 10 năm 2025", body=BODY)
    out["oct"] = store("06041", "2025-10", facts=(tthc("c", 100),), text=october)
    out["nov"] = report_with_findings()
    return out


def report_with_findings(status: str = "submitted") -> Any:
    """The ward's November 2025 report: «120 hồ sơ» is a figure; a sum finding points at it, a wording
    warning at «đã giải quyết»."""
    sum_error = CoreFinding(
        code="sum_mismatch", severity="error", message="Các phần không cộng đúng tổng.",
        evidence=(Evidence(sentence=BODY, paragraph="p1", start=FIGURE[0], end=FIGURE[1], fact="t1",
                            raw="120 hồ sơ"),),
        suggestion="Tổng đúng là 125 hồ sơ.", expected=125.0, actual=120.0, rule="sums")
    wording = CoreFinding(
        code="doubled_word", severity="warning", message="Từ bị lặp: «đã giải quyết».",
        evidence=(Evidence(sentence=BODY, paragraph="p1", start=WORDS[0], end=WORDS[1], raw="đã giải quyết"),),
        rule="wording")
    return store("06041", "2025-11", facts=(tthc("t1", 120),), findings=(sum_error, wording),
                 text=report_text(body=BODY), status=status)
