"""Commands on planned tasks and drafts that need no store:

- `baocao tasks-of FILE`: the planned tasks (and meetings) of one report or work programme,
  one per line, numbered as in the report; units named as late on directives;
- `baocao follow PREVIOUS CURRENT`: each task of PREVIOUS with its status in CURRENT;
- `baocao draft-demo --out FILE.docx`: a draft in the official format from sample figures.

and, on the store (`baocao.web.tasks`, `baocao.web.drafting`, which call the same core):

- `baocao tasks UNIT PERIOD`: the tasks planned for the period, each with its status in the
  period's report (done, in progress, not mentioned), as matched when the reports were stored;
- `baocao draft UNIT PERIOD`: the report of the unit for the period drafted from the store's
  figures (rolled up from the units below for a province), with last period's tasks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from baocao.cli.documents import config_from
from baocao.cli.main import registrar
from baocao.cli.output import print_json, shorten
from baocao.errors import InputError
from baocao.pipeline import analyze
from baocao.tasks import extract_tasks, follow, follow_up, period_warning
from baocao.tasks.model import PlannedTask, TaskStatus
from baocao.tasks.vocab import vocabulary


@registrar
def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tasks-of", help="liệt kê nhiệm vụ trọng tâm (và lịch họp) của một báo cáo, chương trình công tác")
    p.add_argument("file", type=Path, help="tệp báo cáo hoặc chương trình công tác (PDF, DOCX hoặc TXT)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy")
    p.add_argument("--max-mb", type=float, default=None, help="giới hạn kích thước tệp (MB, mặc định 50)")
    p.set_defaults(handler=cmd_tasks_of)

    p = sub.add_parser("follow", help="đối chiếu nhiệm vụ của báo cáo kỳ trước với báo cáo kỳ sau")
    p.add_argument("previous", type=Path, help="báo cáo (hoặc chương trình công tác) giao nhiệm vụ")
    p.add_argument("current", type=Path, help="báo cáo kỳ sau")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy")
    p.add_argument("--max-mb", type=float, default=None, help="giới hạn kích thước tệp (MB, mặc định 50)")
    p.set_defaults(handler=cmd_follow)

    p = sub.add_parser("draft-demo", help="tạo bản dự thảo báo cáo mẫu (số liệu minh họa) theo thể thức Nghị định 30/2020")
    p.add_argument("--out", type=Path, required=True, help="tệp DOCX sẽ ghi")
    p.add_argument("--pdf", action="store_true", help="tạo thêm PDF bằng LibreOffice (nếu đã cài)")
    p.add_argument("--xlsx", type=Path, default=None, help="ghi thêm biểu số liệu kèm theo (XLSX)")
    p.set_defaults(handler=cmd_draft_demo)

    p = sub.add_parser("tasks", help="nhiệm vụ trọng tâm được giao cho một kỳ và kết quả thực hiện (từ kho dữ liệu)")
    p.add_argument("unit", help="mã đơn vị, ví dụ 06041")
    p.add_argument("period", help="kỳ thực hiện nhiệm vụ: 2025-11, 2025-Q3, 2025-H1, …")
    p.add_argument("--evidence", action="store_true", help="in thêm câu dẫn chứng trong báo cáo kỳ sau")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy")
    p.set_defaults(handler=cmd_tasks)

    p = sub.add_parser("draft", help="dự thảo báo cáo của đơn vị cho một kỳ từ số liệu trong kho (thể thức NĐ 30/2020)")
    p.add_argument("unit", help="mã đơn vị, ví dụ 06041 (tỉnh: tổng hợp từ các xã, phường)")
    p.add_argument("period", help="kỳ báo cáo: 2025-11, 2025-Q3, 2025-H1, …")
    p.add_argument("--out", type=Path, default=None, help="tệp DOCX sẽ ghi (mặc định du-thao-bao-cao-MÃ-KỲ.docx)")
    p.add_argument("--xlsx", type=Path, default=None, help="ghi thêm biểu số liệu kèm theo (XLSX, có công thức)")
    p.add_argument("--pdf", action="store_true", help="tạo thêm PDF bằng LibreOffice (nếu đã cài)")
    p.set_defaults(handler=cmd_draft)


def _task_line(task: PlannedTask, sector_names: dict[str, str]) -> str:
    if task.kind == "meeting":
        when = "; ".join(
            f"{m.kind}: {m.date_text or m.recurrence or m.note or 'chưa rõ thời gian'}" for m in task.meetings
        )
        return f"{task.number}. {task.heading or task.text} — {when}"
    units = f" (đơn vị: {', '.join(task.units)})" if task.units else ""
    sector = sector_names.get(task.sector, task.sector)
    return f"{task.number}. [{sector}] {shorten(task.text, 400)}{units}"


def cmd_tasks_of(args: argparse.Namespace) -> int:
    doc = analyze(args.file, config_from(args), upto="parse").document
    tasks = extract_tasks(doc)
    late = follow_up(doc)
    if args.json:
        print_json({"period": doc.meta.period.code if doc.meta.period else None,
                    "tasks": [t.to_dict() for t in tasks], "late_units": [u.to_dict() for u in late]})
        return 0
    names = vocabulary().sector_names
    plans = [t for t in tasks if t.kind == "task"]
    meetings = [t for t in tasks if t.kind == "meeting"]
    if not tasks:
        print("Không tìm thấy phần nhiệm vụ trọng tâm trong văn bản này.")
    if plans:
        periods = ", ".join(sorted({t.period for t in plans if t.period})) or "không rõ kỳ"
        print(f"Nhiệm vụ trọng tâm ({len(plans)}) — kỳ {periods}:")
        for t in plans:
            print(_task_line(t, names))
    if meetings:
        print()
        print(f"Lịch họp ({len(meetings)}):")
        for t in meetings:
            print(_task_line(t, names))
    if late:
        print()
        print(f"Đơn vị còn chậm ({len(late)}):")
        for u in late:
            print(f"- {u.unit} ({'chưa gửi báo cáo' if u.kind == 'report' else 'chưa tham mưu giải quyết'})")
    return 0


def _status_line(st: TaskStatus) -> list[str]:
    lines = [f"{st.task.number}. {st.label.upper()} ({st.confidence:.0%}) — {shorten(st.task.text, 110)}"]
    if st.evidence is not None:
        cue = f" [{st.cue}]" if st.cue else ""
        lines.append(f"    ↳ {st.evidence.paragraph}{cue}: {shorten(st.evidence.text, 150)}")
    if st.source == "confirmed":
        lines.append("    (đã được xác nhận)")
    return lines


def cmd_follow(args: argparse.Namespace) -> int:
    config = config_from(args)
    previous = analyze(args.previous, config, upto="parse").document
    current = analyze(args.current, config, upto="parse").document
    statuses = follow(previous, current)
    warning = period_warning([s.task for s in statuses], current)
    if args.json:
        print_json({"previous_period": previous.meta.period.code if previous.meta.period else None,
                    "current_period": current.meta.period.code if current.meta.period else None,
                    "warning": warning, "statuses": [s.to_dict() for s in statuses]})
        return 0
    if not statuses:
        print("Văn bản kỳ trước không có phần nhiệm vụ trọng tâm để đối chiếu.")
        return 0
    if warning:
        print(f"Lưu ý: {warning}")
    counts = {label: sum(1 for s in statuses if s.label == label) for label in dict.fromkeys(s.label for s in statuses)}
    print("Tổng hợp: " + "; ".join(f"{label}: {n}" for label, n in counts.items()))
    for st in statuses:
        for line in _status_line(st):
            print(line)
    return 0


def cmd_draft_demo(args: argparse.Namespace) -> int:
    from baocao.draft.demo import demo_annex, demo_draft
    from baocao.draft.docx_writer import write_docx
    from baocao.draft.pdf import docx_to_pdf
    from baocao.draft.xlsx_writer import write_xlsx

    out: Path = args.out
    if out.suffix.lower() != ".docx":
        out = out.with_suffix(".docx")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_docx(demo_draft(), out)
    print(f"Đã ghi bản dự thảo mẫu (số liệu minh họa): {out}")
    if args.xlsx is not None:
        write_xlsx(demo_annex(), args.xlsx)
        print(f"Đã ghi biểu số liệu mẫu: {args.xlsx}")
    if args.pdf:
        pdf = docx_to_pdf(out)
        print(f"Đã ghi PDF: {pdf}")
    sys.stdout.flush()
    return 0


# -- on the store ------------------------------------------------------------------------------

def _unit_and_period(unit_code: str, period_code: str) -> tuple[Any, Any]:
    """The stored period (InputError when no report of it is stored) and the unit in force then."""
    from baocao.cli.store import open_store

    open_store()
    from baocao.web.periods.services import core_period, get_period
    from baocao.web.units.services import resolve

    canonical = core_period(period_code).code
    period = get_period(canonical)
    if period is None:
        raise InputError(f"Kho chưa có báo cáo hay nhiệm vụ nào của kỳ {canonical}.")
    return resolve(unit_code, period.window_end), period


def _source_label(task: Any, unit: Any) -> str:
    """"báo cáo tháng 8/2025", "chương trình công tác tháng 5/2025 của phường Tam Thanh (06040)"."""
    source = task.source_report
    kind = "chương trình công tác" if source.doc_type == "work_programme" else "báo cáo"
    whose = "" if task.unit_id == unit.pk else f" của {task.unit.full_name} ({task.unit.code})"
    return f"{kind} {source.period.label.lower()}{whose}"


def _task_view_line(view: Any, evidence: bool) -> list[str]:
    marks = [view.label]
    if view.corrected:
        marks.append("đã sửa")
    elif view.confirmed:
        marks.append("đã xác nhận")
    sure = f" ({view.confidence:.0%})" if view.confidence is not None and not view.confirmed else ""
    lines = [f"{view.task.number}. [{' · '.join(marks)}] {shorten(view.task.text, 160)}{sure}"]
    if evidence and view.evidence_text:
        where = f" ({view.evidence_paragraph})" if view.evidence_paragraph else ""
        lines.append(f"    ↳{where} {shorten(view.evidence_text, 200)}")
    return lines


def cmd_tasks(args: argparse.Namespace) -> int:
    from baocao.cli.store import open_store

    open_store()
    from baocao.web.periods.services import core_period, data_window, get_period, label_of
    from baocao.web.tasks import services
    from baocao.web.units.services import resolve

    core = core_period(args.period)  # tasks are often planned for a period with no report stored yet
    stored = get_period(core.code)
    label = stored.label if stored is not None else label_of(core)
    unit = resolve(args.unit, data_window(core)[1])
    views = services.tasks_for(unit, core.code, kind=None)
    late = services.late_units_for(unit, core.code)
    plans = [v for v in views if v.task.kind == "task"]
    meetings = [v for v in views if v.task.kind == "meeting"]
    if args.json:
        print_json({"unit": unit.code, "unit_name": unit.full_name, "period": core.code,
                    "summary": services.summary(plans), "tasks": [v.to_dict() for v in plans],
                    "meetings": [v.to_dict() for v in meetings],
                    "late_units": [{"name": x.name, "kind": x.kind, "topic": x.topic, "sentence": x.sentence,
                                    "paragraph": x.paragraph} for x in late]})
        return 0
    print(f"Nhiệm vụ trọng tâm {label.lower()} — {unit.full_name} ({unit.code})")
    if not plans:
        print("Chưa có nhiệm vụ nào được giao cho kỳ này trong kho "
              "(cần báo cáo kỳ trước hoặc chương trình công tác của kỳ này).")
    answered = {(v.match.report.period.label.lower(), v.match.version.number) for v in plans if v.match}
    if answered:
        print("Kết quả theo: " + "; ".join(f"báo cáo {label} (phiên bản {n})" for label, n in sorted(answered)) + ".")
    groups: dict[int, list[Any]] = {}
    for view in plans:
        groups.setdefault(view.task.source_report_id, []).append(view)
    for group in groups.values():
        print(f"Giao tại {_source_label(group[0].task, unit)}:")
        for view in group:
            for line in _task_view_line(view, args.evidence):
                print(line)
    if plans:
        print("Tổng hợp: " + "; ".join(f"{services.SUMMARY_LABELS[status]}: {n}"
                                       for status, n in services.summary(plans).items()) + ".")
    if meetings:
        print(f"Lịch họp ({len(meetings)}):")
        for view in meetings:
            print(_task_line(core_of(view.task), vocabulary().sector_names))
    if late:
        print(f"Đơn vị còn chậm theo báo cáo {label.lower()} ({len(late)}):")
        for x in late:
            print(f"- {x.name} ({x.get_kind_display()})")
    return 0


def core_of(row: Any) -> PlannedTask:
    from baocao.web.tasks.services import core_task

    return core_task(row)


def cmd_draft(args: argparse.Namespace) -> int:
    unit, period = _unit_and_period(args.unit, args.period)
    from baocao.draft.pdf import docx_to_pdf
    from baocao.web.drafting import services

    package = services.prepare(unit, period)
    out: Path = args.out or Path(package.file_name("docx"))
    if out.suffix.lower() != ".docx":
        out = out.with_suffix(".docx")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(services.docx_bytes(package))
    figures = package.figures
    filled = sum(1 for f in figures.lines if f.value is not None)
    how = "tổng hợp từ các đơn vị trực thuộc" if figures.rolled_up else "số liệu của đơn vị"
    print(f"Đã ghi dự thảo báo cáo {period.label.lower()} của {unit.full_name}: {out}")
    print(f"  {filled} chỉ tiêu có số liệu ({how}), {len(figures.lines) - filled} chỉ tiêu chờ bổ sung; "
          f"{len(package.tasks)} nhiệm vụ trọng tâm kỳ trước.")
    if package.missing_units:
        print(f"  Đơn vị chưa gửi báo cáo ({len(package.missing_units)}): {', '.join(package.missing_units)}.")
    if args.xlsx is not None:
        xlsx: Path = args.xlsx
        xlsx.parent.mkdir(parents=True, exist_ok=True)
        xlsx.write_bytes(services.xlsx_bytes(package))
        print(f"Đã ghi biểu số liệu kèm theo: {xlsx}")
    if args.pdf:
        sys.stdout.flush()
        pdf = docx_to_pdf(out)
        print(f"Đã ghi PDF: {pdf}")
    return 0
