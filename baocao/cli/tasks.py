"""Commands on planned tasks and drafts that need no store:

- `baocao tasks-of FILE`: the planned tasks (and meetings) of one report or work programme,
  one per line, numbered as in the report; units named as late on directives;
- `baocao follow PREVIOUS CURRENT`: each task of PREVIOUS with its status in CURRENT;
- `baocao draft-demo --out FILE.docx`: a draft in the official format from sample figures.

The store-based `baocao tasks UNIT PERIOD` and `baocao draft UNIT PERIOD` call the same core:
`baocao.tasks.follow` / `match_tasks` and `baocao.draft.build.build_draft` + `docx_writer.render`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from baocao.cli.documents import config_from
from baocao.cli.main import registrar
from baocao.cli.output import print_json, shorten
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
