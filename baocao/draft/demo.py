"""A built-in example draft (`baocao draft-demo`), so the format can be looked at without a store.

The figures are SAMPLE figures, made up for the layout, and the draft says so on its first
page; the unit is real (phường Tam Thanh, Lạng Sơn) only to make the header realistic.
"""

from __future__ import annotations

import datetime as dt

from baocao.draft.build import DraftUnit, build_draft
from baocao.draft.model import DraftDocument, FigureLine
from baocao.draft.xlsx_writer import AnnexRow, AnnexTable
from baocao.parse.model import Period
from baocao.tasks.model import Evidence, LateUnit, PlannedTask, TaskStatus

UNIT = DraftUnit(
    name="Tam Thanh",
    kind="phường",
    level="commune",
    signer_name="",
    recipients=("UBND tỉnh Lạng Sơn", "Thường trực Đảng ủy phường", "Thường trực HĐND phường",
                "Chủ tịch, các Phó Chủ tịch UBND phường", "Các phòng, ban, đơn vị thuộc phường", "Lưu: VT, VP"),
)
PERIOD = Period("month", 2025, month=8, label="tháng 8 năm 2025")

FIGURES = (
    FigureLine("Văn bản đến", "direction", 352, "văn bản", count=True, change_same_period=8.3),
    FigureLine("Văn bản đi", "direction", 168, "văn bản", count=True, change_previous=-5.9),
    FigureLine("Diện tích lúa vụ Mùa", "agriculture", 596.94, "ha", estimate=True, achievement=96.6),
    FigureLine("Tổng đàn trâu, bò", "agriculture", 1204, "con", count=True, change_same_period=-2.1),
    FigureLine("Tổng thu ngân sách nhà nước trên địa bàn", "budget", 1809.6, "triệu đồng", decimals=1,
               estimate=True, achievement=58.2, basis="dự toán", change_same_period=16.66, cumulative=25140.5,
               cumulative_label="8 tháng"),
    FigureLine("Chi ngân sách địa phương", "budget", 3412.0, "triệu đồng", decimals=1, estimate=True,
               achievement=61.4, basis="dự toán"),
    FigureLine("Giải ngân vốn đầu tư công", "investment", 12.4, "tỷ đồng", achievement=43.8,
               basis="kế hoạch vốn", cumulative=54.3, cumulative_label="8 tháng"),
    FigureLine("Dự án khởi công mới", "investment", 2, "dự án", count=True),
    FigureLine("Giấy chứng nhận quyền sử dụng đất cấp lần đầu", "urban_land", 47, "giấy", count=True,
               change_previous=12.5),
    FigureLine("Hồ sơ thủ tục hành chính tiếp nhận", "admin_reform", 1284, "hồ sơ", count=True,
               change_same_period=4.0),
    FigureLine("Tỷ lệ hồ sơ giải quyết đúng hạn", "admin_reform", 99.53, "%"),
    FigureLine("Lượt công dân được tiếp", "inspection", 8, "lượt", count=True),
    FigureLine("Tỷ lệ người dân tham gia bảo hiểm y tế", "health", None, "%", missing_units=("khối 3", "khối 7")),
    FigureLine("Hộ gia đình đạt danh hiệu gia đình văn hóa", "culture", 95.2, "%"),
    FigureLine("Vụ tai nạn giao thông", "security_defence", 1, "vụ", count=True, change_same_period=-50.0),
)


def _task(number: str, text: str, sector: str) -> PlannedTask:
    return PlannedTask(number=number, text=text, sector=sector, period="2025-08", paragraph=f"p{number}")


TASKS = (
    TaskStatus(_task("1", "Tập trung chăm sóc lúa và cây màu vụ Mùa; chủ động phòng trừ sâu bệnh hại cây trồng.",
                     "agriculture"), "done", 0.86,
               Evidence("p12", "Hoàn thành gieo cấy 596,94 ha lúa vụ Mùa.")),
    TaskStatus(_task("2", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công, nhất là các dự án trọng điểm.",
                     "investment"), "in_progress", 0.9,
               Evidence("p20", "Giải ngân vốn đầu tư công đạt 43,8% kế hoạch vốn."), cue="đạt 43,8% kế hoạch vốn"),
    TaskStatus(_task("3", "Tổ chức khai giảng năm học mới 2025 - 2026 bảo đảm an toàn, tiết kiệm.", "education"),
               "not_mentioned", 0.7),
)


def demo_draft() -> DraftDocument:
    """The sample draft: phường Tam Thanh, August 2025, sample figures."""
    return build_draft(
        UNIT, PERIOD, FIGURES, TASKS,
        next_tasks=("Tổ chức khai giảng năm học mới 2025 - 2026 bảo đảm an toàn, tiết kiệm, đúng quy định.",),
        late_units=(LateUnit("Văn phòng HĐND và UBND phường", "2025-08", "", "", "directive"),),
        issued_on=dt.date(2025, 8, 18),
        sample=True,
    )


WARDS = ("phường Tam Thanh", "phường Lương Văn Tri", "phường Đông Kinh", "phường Kỳ Lừa")


def demo_annex() -> list[AnnexTable]:
    """Sample annex tables (sample figures): four wards, this month, last month, same month last year."""
    periods = ("Tháng 8/2025", "Tháng 7/2025", "Tháng 8/2024")
    compare = ((0, 1, "So với tháng trước (%)"), (0, 2, "So với cùng kỳ (%)"))
    revenue = ((1809.6, 1650.2, 1551.1), (2410.0, 2290.5, 2105.3), (3120.4, 2984.0, 2800.9),
               (1250.8, None, 1199.0))
    dossiers = ((1284, 1201, 1235), (1530, 1490, 1402), (1710, 1655, 1690), (980, 1002, 915))
    online = ((88.9, 87.5, 80.1), (91.2, 90.4, 82.3), (86.0, 85.1, 79.9), (84.7, 83.0, 78.8))
    return [
        AnnexTable("Tổng thu ngân sách nhà nước trên địa bàn", "triệu đồng", periods,
                   tuple(AnnexRow(w, v) for w, v in zip(WARDS, revenue, strict=True)), "sum", 1, compare,
                   "budget.revenue.total"),
        AnnexTable("Hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", periods,
                   tuple(AnnexRow(w, tuple(map(float, v))) for w, v in zip(WARDS, dossiers, strict=True)), "sum", 0,
                   compare, "tthc.received"),
        AnnexTable("Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", periods,
                   tuple(AnnexRow(w, v) for w, v in zip(WARDS, online, strict=True)), "average", 1, (),
                   "tthc.online_rate"),
    ]
