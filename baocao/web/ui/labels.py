"""Translatable labels for the codes the store keeps (statuses, roles, severities, scopes…).

The store's model choices are Vietnamese literals; the pages show these instead, so that the
English interface is English and no raw code ("submitted", "sum_mismatch") reaches a user.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from django.utils.translation import gettext_lazy as _

REPORT_STATUS = {"draft": _("bản nháp"), "submitted": _("đã gửi"), "reviewed": _("đã kiểm duyệt")}
ROLE = {"viewer": _("xem"), "editor": _("biên tập"), "reviewer": _("kiểm duyệt"), "admin": _("quản trị")}
SEVERITY = {"error": _("lỗi"), "warning": _("cảnh báo"), "info": _("ghi chú")}
FINDING_STATE = {"open": _("chưa xử lý"), "fixed": _("đã sửa"), "accepted": _("chấp nhận là đúng")}
SCOPE = {"period": _("trong kỳ"), "cumulative": _("lũy kế"), "year_to_date": _("từ đầu năm"),
         "since": _("từ ngày")}
LEVEL = {"province": _("cấp tỉnh"), "district": _("cấp huyện"), "commune": _("cấp xã")}
FACT_STATUS = {"accepted": _("đã nhận"), "pending": _("chờ xác nhận"), "rejected": _("đã loại")}
DOC_TYPE = {"report": _("báo cáo"), "work_programme": _("chương trình công tác"), "plan": _("kế hoạch"),
            "other": _("văn bản khác")}
SOURCE = {"reported": _("báo cáo"), "lineage": _("theo đơn vị cũ"), "rollup": _("tổng hợp"),
          "months": _("cộng các tháng"), "cumulative": _("lũy kế"), "missing": _("thiếu")}
DIMENSION = {"money": _("tiền"), "count": _("số lượng"), "percent": _("tỷ lệ"), "area": _("diện tích"),
             "mass": _("khối lượng"), "volume": _("thể tích"), "length": _("chiều dài"),
             "energy": _("điện năng"), "duration": _("thời gian"), "other": _("khác")}
BASE_UNIT = {"VND": "đồng", "USD": "USD", "m2": "m²", "m3": "m³", "%": "%"}


def label(table: dict[str, object], code: str | None) -> str:
    """The label of a code; an unknown code is shown as it is rather than hidden."""
    if code is None:
        return ""
    return str(table.get(code, code))


@lru_cache(maxsize=1)
def sectors() -> dict[str, str]:
    """Sector code → Vietnamese name, from the core's data file (baocao/data/sectors.yaml)."""
    items = yaml.safe_load(resources.files("baocao.data").joinpath("sectors.yaml").read_text(encoding="utf-8")) or []
    return {item["code"]: item["name"] for item in items}


def sector(code: str) -> str:
    return sectors().get(code, code)
