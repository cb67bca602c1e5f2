"""Draft a unit's report for a period from the store, with the core's `baocao.draft`.

`prepare(unit, period)` gathers everything `build_draft` takes:
- the figures (`figures.py`: the unit's own values, or rolled up from the units under it);
- the key tasks planned for the period with their status (`baocao.web.tasks`);
- the tasks already decided for the next period (the period's own report or a work programme);
- units late on directives named in the period's report, and — for a unit with subordinates —
  the units that have not sent their report for the period;
- how the unit signs and whom it sends to, from its latest stored report.
Then `docx_bytes` / `xlsx_bytes` write the files; the CLI, the API and the page call these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.draft.build import DraftUnit, build_draft
from baocao.draft.docx_writer import render
from baocao.draft.model import DraftDocument
from baocao.draft.xlsx_writer import AnnexTable, render_xlsx
from baocao.tasks.model import Evidence, TaskStatus
from baocao.tasks.model import LateUnit as CoreLateUnit
from baocao.text.normalize import fold
from baocao.text.periods import next_period
from baocao.web.drafting.annex import annex_tables
from baocao.web.drafting.figures import Figures, Periods, children_in_force, figures_for, periods_of
from baocao.web.periods.models import Period
from baocao.web.periods.services import as_core
from baocao.web.reports.models import Report
from baocao.web.tasks import services as tasks
from baocao.web.tasks.models import PlannedTask
from baocao.web.units.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class DraftPackage:
    unit: Unit
    period: Period
    periods: Periods
    document: DraftDocument
    figures: Figures
    tasks: list[TaskStatus] = field(default_factory=list)
    missing_units: list[str] = field(default_factory=list)

    def file_name(self, ext: str) -> str:
        return f"du-thao-bao-cao-{self.unit.code}-{self.period.code}.{ext}"


def _latest_meta(unit: Unit, period: Period) -> dict:
    """The meta of the unit's most recent report up to the period (how it signs, whom it sends to),
    when that report names the unit as its issuer (a file stored under another unit says nothing)."""
    reports = (Report.objects.filter(unit=unit, current__isnull=False, period__window_end__lte=period.window_end)
               .select_related("current").order_by("-period__window_end", "-id")[:3])
    for report in reports:
        meta = report.current.meta if report.current is not None else {}
        if fold(meta.get("unit_name") or "").strip() == fold(unit.name).strip():
            return meta
    return {}


def _recipients(meta: dict) -> tuple[str, ...]:
    items = [" ".join(str(r).split()).strip("-; ") for r in meta.get("recipients") or ()]
    items = [r for r in items if r]
    if not items:
        return ()
    if not items[-1].lower().startswith("lưu"):
        items.append("Lưu: VT")
    return tuple(items)


def draft_unit(unit: Unit, period: Period) -> DraftUnit:
    meta = _latest_meta(unit, period)
    lines = tuple(meta.get("signing_lines") or ())
    return DraftUnit(
        name=unit.name, kind=unit.kind, level=unit.level, place=meta.get("place") or unit.name,
        signer_name=meta.get("signer") or "",
        signer_lines=lines if lines else ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        recipients=_recipients(meta),
    )


def task_statuses(unit: Unit, period: Period) -> list[TaskStatus]:
    """The key tasks planned for the period, each with what the period's report says (or "no result yet")."""
    out = []
    for view in tasks.tasks_for(unit, period.code):
        evidence = Evidence(view.evidence_paragraph, view.evidence_text, view.evidence_section) \
            if view.evidence_text else None
        out.append(TaskStatus(tasks.core_task(view.task), view.status or "not_mentioned", view.confidence or 0.0,
                              evidence, cue=view.cue, source="confirmed" if view.confirmed else "auto"))
    return out


def decided_next(unit: Unit, period: Period) -> list[str]:
    after = next_period(as_core(period)).code
    rows = (PlannedTask.objects.filter(unit=unit, period_code=after, kind="task").select_related("source_report")
            .order_by("source_report__doc_type", "source_report_id", "position"))
    return [r.text for r in rows]


def late_units(unit: Unit, period: Period) -> list[CoreLateUnit]:
    return [CoreLateUnit(unit=r.name, period=period.code, sentence=r.sentence, paragraph=r.paragraph, kind=r.kind,
                         topic=r.topic) for r in tasks.late_units_for(unit, period.code)]


def missing_reports(unit: Unit, period: Period) -> list[str]:
    """Units directly under `unit` (in force at the period's end) without a report for the period."""
    kids = children_in_force(unit, period)
    sent = set(Report.objects.filter(unit__in=kids, period=period, doc_type="report", current__isnull=False)
               .values_list("unit_id", flat=True))
    return [k.full_name for k in kids if k.pk not in sent]


def prepare(unit: Unit, period: Period) -> DraftPackage:
    figures = figures_for(unit, period)
    statuses = task_statuses(unit, period)
    missing = missing_reports(unit, period)
    document = build_draft(draft_unit(unit, period), as_core(period), figures.lines, statuses,
                           next_tasks=decided_next(unit, period), late_units=late_units(unit, period),
                           missing_units=missing)
    return DraftPackage(unit, period, periods_of(period), document, figures, statuses, missing)


def docx_bytes(package: DraftPackage) -> bytes:
    return render(package.document)


def tables(package: DraftPackage) -> list[AnnexTable]:
    return annex_tables(package.unit, package.periods, package.figures.indicators)


def xlsx_bytes(package: DraftPackage) -> bytes:
    title = f"Biểu số liệu kèm theo báo cáo {package.period.label.lower()} — {package.unit.full_name}"
    return render_xlsx(tables(package), title)
