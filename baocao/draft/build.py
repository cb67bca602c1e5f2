"""Build the draft of a periodic report from figures and last period's tasks.

The store calls `build_draft(unit, period, figures, tasks, …)`: figures (with comparisons it
computed) become sentences grouped by sector in the standard order of the reports; the key
tasks planned for this period come with their status; unfinished ones are proposed again for
the next period; everything people must write is a highlighted placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from baocao.draft.model import DraftDocument, DraftParagraph, DraftSection, FigureLine, Run, Signature
from baocao.draft.sentences import figure_sentence, period_label, placeholder, unit_list_sentence
from baocao.parse.model import Period
from baocao.tasks.model import STATUS_LABELS, LateUnit, TaskStatus
from baocao.text.normalize import fold
from baocao.text.periods import next_period

# (number, title, sectors) of part II, in the order the reports use.
GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("1", "Lĩnh vực kinh tế", (
        ("agriculture", "Nông, lâm nghiệp và xây dựng nông thôn mới"),
        ("industry", "Sản xuất công nghiệp"),
        ("trade_tourism", "Thương mại, dịch vụ và du lịch"),
        ("border_economy", "Kinh tế cửa khẩu"),
        ("budget", "Tài chính, ngân sách nhà nước"),
        ("investment", "Đầu tư công, xây dựng cơ bản"),
        ("enterprise", "Phát triển doanh nghiệp và thu hút đầu tư"),
    )),
    ("2", "Quản lý đô thị, đất đai, tài nguyên và môi trường", (
        ("urban_land", "Quản lý đô thị, đất đai, giải phóng mặt bằng"),
        ("environment", "Tài nguyên và môi trường"),
    )),
    ("3", "Lĩnh vực văn hóa - xã hội", (
        ("education", "Giáo dục và đào tạo"),
        ("health", "Y tế"),
        ("culture", "Văn hóa, thông tin, thể thao"),
        ("social", "An sinh xã hội"),
        ("labour", "Lao động, việc làm"),
    )),
    ("4", "Khoa học, công nghệ, chuyển đổi số và cải cách hành chính", (
        ("science_digital", "Khoa học, công nghệ và chuyển đổi số"),
        ("admin_reform", "Cải cách hành chính"),
    )),
    ("5", "Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo", (("inspection", ""),)),
    ("6", "Quốc phòng, an ninh và đối ngoại", (
        ("security_defence", "Quốc phòng, an ninh, trật tự an toàn xã hội"),
        ("foreign_affairs", "Đối ngoại"),
    )),
    ("7", "Nội vụ, tư pháp, dân tộc và tôn giáo", (
        ("interior", "Nội vụ, thi đua khen thưởng"),
        ("justice", "Tư pháp, hộ tịch"),
        ("ethnic_religion", "Dân tộc, tôn giáo"),
    )),
)
SAME_TASK = 85  # rapidfuzz token-set ratio above which an unfinished task is already in the next plan
# Sectors every report covers: they get a placeholder even without figures.
CORE = frozenset({"agriculture", "budget", "investment", "urban_land", "environment", "education", "health",
                  "culture", "social", "admin_reform", "inspection", "security_defence", "interior"})


@dataclass(frozen=True)
class DraftUnit:
    """The reporting unit as the draft names it."""

    name: str  # "Tam Thanh"
    kind: str  # "phường", "xã", "tỉnh"
    level: str = "commune"
    place: str = ""  # the place-and-date line's place; defaults to the name
    superior: tuple[str, ...] = ()  # direct superior body when there is one (upper case)
    signer_name: str = ""
    signer_lines: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    recipients: tuple[str, ...] = ()

    @property
    def issuer(self) -> tuple[str, ...]:
        return ("ỦY BAN NHÂN DÂN", f"{self.kind} {self.name}".upper())

    @property
    def full_name(self) -> str:
        return f"UBND {self.kind} {self.name}"


DEFAULT_RECIPIENTS = ("Thường trực Đảng ủy", "Thường trực HĐND", "Chủ tịch, các Phó Chủ tịch UBND",
                      "Các cơ quan, đơn vị liên quan", "Lưu: VT")


def _figures_of(figures: Sequence[FigureLine], sector: str) -> list[DraftParagraph]:
    return [figure_sentence(f) for f in figures if f.sector == sector]


def _sector_section(number: str, title: str, sector: str, figures: Sequence[FigureLine], level: int) -> DraftSection:
    paragraphs = _figures_of(figures, sector)
    paragraphs.append(DraftParagraph((placeholder(f"tình hình, kết quả nổi bật về {title[:1].lower() + title[1:]}"),)))
    return DraftSection(number, title, level, tuple(paragraphs))


def _results(figures: Sequence[FigureLine], tasks: Sequence[TaskStatus], period: Period) -> DraftSection:
    present = {f.sector for f in figures}
    groups: list[DraftSection] = []
    for number, title, sectors in GROUPS:
        wanted = [(code, name) for code, name in sectors if code in present or code in CORE]
        if not wanted:
            continue
        if len(wanted) == 1:  # one sector: no lone "6.1" under "6"
            groups.append(_sector_section(number, title, wanted[0][0], figures, 2))
            continue
        children = tuple(_sector_section(f"{number}.{i}", name, code, figures, 3)
                         for i, (code, name) in enumerate(wanted, 1))
        groups.append(DraftSection(number, title, 2, (), children))
    if tasks:
        groups.append(_task_results(str(len(groups) + 1), tasks, period))
    return DraftSection("II", "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội", 1, (), tuple(groups))


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split()).rstrip(".;")
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _task_results(number: str, tasks: Sequence[TaskStatus], period: Period) -> DraftSection:
    done = sum(1 for t in tasks if t.status == "done")
    lead = DraftParagraph.of(
        f"Trong {period_label(period)}, đã hoàn thành {done:02d}/{len(tasks):02d} nhiệm vụ trọng tâm; "
        "kết quả từng nhiệm vụ như sau:"
    )
    paragraphs = [lead]
    for st in tasks:
        runs: list[Run] = [Run(f"- Nhiệm vụ {st.task.number} ({_short(st.task.text)}): "),
                           Run(STATUS_LABELS[st.status] if st.status != "not_mentioned" else "chưa có kết quả",
                               bold=True)]
        if st.status == "done":
            runs += [Run(". "), placeholder("kết quả cụ thể")]
        elif st.status == "in_progress":
            runs += [Run(". "), placeholder("tiến độ, khó khăn, vướng mắc")]
        else:
            runs += [Run(". "), placeholder("kết quả thực hiện hoặc lý do chưa thực hiện")]
        runs.append(Run("."))
        paragraphs.append(DraftParagraph(tuple(runs)))
    return DraftSection(number, f"Kết quả thực hiện nhiệm vụ trọng tâm {period_label(period)}", 2, tuple(paragraphs))


def _assessment(late_units: Sequence[LateUnit], missing_units: Sequence[str]) -> DraftSection:
    limits: list[DraftParagraph] = [DraftParagraph((placeholder("những hạn chế, khó khăn trong kỳ"),))]
    by_topic: dict[str, list[str]] = {}
    for late in late_units:
        by_topic.setdefault(late.kind, []).append(late.unit)
    if by_topic.get("directive"):
        limits.append(unit_list_sentence("Các đơn vị còn có nội dung chưa tham mưu giải quyết", by_topic["directive"]))
    reported_late = list(by_topic.get("report", [])) + [u for u in missing_units if u not in by_topic.get("report", [])]
    if reported_late:
        limits.append(unit_list_sentence("Các đơn vị chưa gửi báo cáo", reported_late))
    return DraftSection("III", "Đánh giá chung", 1, (), (
        DraftSection("1", "Ưu điểm", 2, (DraftParagraph((placeholder("những kết quả nổi bật trong kỳ"),)),)),
        DraftSection("2", "Hạn chế, khó khăn", 2, tuple(limits)),
        DraftSection("3", "Nguyên nhân", 2, (DraftParagraph((placeholder("nguyên nhân khách quan, chủ quan"),)),)),
    ))


def _next_tasks(period: Period, tasks: Sequence[TaskStatus], next_tasks: Iterable[str]) -> DraftSection:
    after = next_period(period)
    items: list[DraftParagraph] = []
    number = 0
    proposals = list(next_tasks)
    for text in proposals:
        number += 1
        items.append(DraftParagraph.of(f"{number}. {text.strip()}"))
    decided = [fold(t) for t in proposals]
    for st in tasks:
        if st.status == "done" or any(fuzz.token_set_ratio(fold(st.task.text), d) >= SAME_TASK for d in decided):
            continue
        number += 1
        text = st.task.text.strip()
        if not text.lower().startswith("tiếp tục"):
            text = "Tiếp tục " + text[:1].lower() + text[1:]
        items.append(DraftParagraph((Run(f"{number}. {_short(text, 400)} "),
                                     placeholder(f"đề xuất vì nhiệm vụ số {st.task.number} của kỳ trước chưa hoàn thành"),
                                     Run("."))))
    items.append(DraftParagraph((placeholder("các nhiệm vụ trọng tâm khác"),)))
    return DraftSection("IV", f"Nhiệm vụ trọng tâm {period_label(after)}", 1, tuple(items))


def build_draft(unit: DraftUnit, period: Period, figures: Sequence[FigureLine], tasks: Sequence[TaskStatus], *,
                next_tasks: Iterable[str] = (), late_units: Sequence[LateUnit] = (),
                missing_units: Sequence[str] = (), issued_on: dt.date | None = None, number: str = "",
                sample: bool = False) -> DraftDocument:
    """The draft report of `unit` for `period`.

    figures: this period's figures with their comparisons (the store computes them);
    tasks: the key tasks planned for this period, each with its status;
    next_tasks: tasks already decided for the next period (printed first in part IV);
    late_units / missing_units: units late on directives / that have not sent their report.
    """
    label = period_label(period)
    after = period_label(next_period(period))
    direction = _figures_of(figures, "direction")
    direction.append(DraftParagraph((placeholder("các văn bản chỉ đạo, điều hành quan trọng trong kỳ"),)))
    sections = (
        DraftSection("I", "Công tác chỉ đạo, điều hành", 1, tuple(direction)),
        _results(figures, tasks, period),
        _assessment(late_units, missing_units),
        _next_tasks(period, tasks, next_tasks),
    )
    intro: list[DraftParagraph] = []
    if sample:
        intro.append(DraftParagraph((placeholder("BẢN MẪU — số liệu minh họa, không phải số liệu thật"),)))
    # Neither "UBND …" nor "Thực hiện …" at the start: right under the title, the header reader
    # would take the line for the issuing body or for more of the title.
    intro.append(DraftParagraph.of(
        f"Theo chế độ báo cáo định kỳ, {unit.full_name} báo cáo tình hình kinh tế - xã hội {label} và "
        f"nhiệm vụ trọng tâm {after} như sau:"))
    closing = (DraftParagraph.of(
        f"Trên đây là báo cáo tình hình kinh tế - xã hội {label} và nhiệm vụ trọng tâm {after} của "
        f"{unit.full_name}./."),)
    year = issued_on.year if issued_on else period.year  # reports are signed within their period
    return DraftDocument(
        issuer=unit.issuer,
        superior=unit.superior,
        place=unit.place or unit.name,
        year=year,
        title=f"Tình hình kinh tế - xã hội {label} và nhiệm vụ trọng tâm {after}",
        sections=sections,
        signature=Signature(unit.signer_lines, unit.signer_name),
        recipients=unit.recipients or DEFAULT_RECIPIENTS,
        number=number,
        issued_on=issued_on,
        intro=tuple(intro),
        closing=closing,
        period=period,
        unit_name=f"{unit.kind} {unit.name}",
        sample=sample,
    )
