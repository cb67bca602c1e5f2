"""Uploading reports from the browser, in two steps.

1. analyse: each file is checked (type, size), read by the core and kept in a staging folder of
   the user (BAOCAO_HOME/staging/<user id>/); the page shows what baocao inferred — unit, period,
   title, figures, findings — in fields people can correct;
2. store: each confirmed row is ingested with the unit and period as corrected.
The page's script sends one file per request so it can show progress; without JavaScript the
same endpoints take many files at once and answer whole pages.
"""

from __future__ import annotations

import json
import pickle
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from baocao.config import Config
from baocao.errors import InputError
from baocao.web.accounts import access
from baocao.web.accounts.models import ROLE_RANK
from baocao.web.periods.services import core_period, ensure_period
from baocao.web.reports import storage
from baocao.web.reports.ingest import AlreadyStoredElsewhere, analyse, decide_unit, ingest
from baocao.web.reports.models import ReportVersion
from baocao.web.ui.choices import visible_unit_options
from baocao.web.ui.templatetags.baocao_ui import code_period_label

ALLOWED = (".pdf", ".docx", ".txt")
STAGING_HOURS = 24


def _max_mb() -> int:
    return settings.BAOCAO_MAX_UPLOAD_BYTES // (1024 * 1024)


def staging_dir(user: Any) -> Path:
    path = Path(settings.BAOCAO_HOME) / "staging" / str(user.pk)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sweep(folder: Path) -> None:
    limit = time.time() - STAGING_HOURS * 3600
    for item in folder.iterdir():
        if item.stat().st_mtime < limit:
            item.unlink(missing_ok=True)


def _may_upload(user: Any) -> None:
    role = access.role_of(user)
    if role is None or ROLE_RANK[role] < ROLE_RANK[access.ACTIONS["upload"]]:
        raise access.Denied(_("Vai trò của bạn chỉ được xem, không được tải báo cáo lên."))




def check_file(name: str, size: int) -> None:
    """Type and size, before anything is read (friendly Vietnamese messages)."""
    if not name.lower().endswith(ALLOWED):
        raise InputError(_("Chỉ nhận tệp PDF, DOCX hoặc TXT; «%(name)s» không phải loại này.") % {"name": name})
    if size > settings.BAOCAO_MAX_UPLOAD_BYTES:
        raise InputError(_("Tệp «%(name)s» lớn hơn giới hạn %(mb)s MB.") % {"name": name, "mb": _max_mb()})
    if size == 0:
        raise InputError(_("Tệp «%(name)s» rỗng.") % {"name": name})


def analyse_one(user: Any, upload: Any) -> dict[str, Any]:
    """One uploaded file → a row of the page: what was inferred, or why it cannot be read."""
    name = (upload.name or "bao-cao").rsplit("/", 1)[-1]
    row: dict[str, Any] = {"name": name, "size": upload.size or 0}
    try:
        check_file(name, upload.size or 0)
        data = upload.read()
        digest = storage.sha256_of(data)
        existing = ReportVersion.objects.select_related("report__unit", "report__period").filter(sha256=digest).first()
        if existing is not None:
            if not access.can_see(user, existing.report.unit):
                raise AlreadyStoredElsewhere(_("Tệp này đã được lưu cho một đơn vị khác."))
            return {**row, "existing": existing.report}
        analysis = analyse(data, name, Config(max_bytes=settings.BAOCAO_MAX_UPLOAD_BYTES))
    except InputError as exc:
        return {**row, "error": exc.message}
    meta = analysis.document.meta
    row.update(key=digest, title=meta.title or "", facts=len(analysis.facts), findings=len(analysis.findings),
               errors=sum(1 for f in analysis.findings if f.severity == "error"), unit_id=None, period="", hint="")
    if meta.period is not None:
        row["period"] = meta.period.code
        row["period_label"] = code_period_label(meta.period.code)
        try:
            row["unit_id"] = decide_unit(meta, ensure_period(meta.period.code), None, name, user).pk
        except InputError as exc:
            row["hint"] = exc.message
    else:
        row["hint"] = _("Không đọc được kỳ báo cáo trong văn bản; hãy ghi kỳ (ví dụ 2025-11).")
    folder = staging_dir(user)
    (folder / f"{digest}.bin").write_bytes(data)
    with (folder / f"{digest}.pickle").open("wb") as f:
        pickle.dump(analysis, f, protocol=pickle.HIGHEST_PROTOCOL)
    keep = {k: row[k] for k in ("name", "size", "title", "facts", "findings", "errors")}
    (folder / f"{digest}.json").write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
    return row


def _context(user: Any) -> dict[str, Any]:
    return {"units": visible_unit_options(user), "max_mb": _max_mb(), "allowed": ", ".join(ALLOWED),
            "max_bytes": settings.BAOCAO_MAX_UPLOAD_BYTES}


@login_required
def upload_page(request: HttpRequest) -> HttpResponse:
    _may_upload(request.user)
    return render(request, "reports/upload.html", _context(request.user))


@login_required
@require_POST
def analyse_files(request: HttpRequest) -> HttpResponse:
    user = request.user
    _may_upload(user)
    _sweep(staging_dir(user))
    files = request.FILES.getlist("file")
    rows = [analyse_one(user, f) for f in files]
    if not files:
        rows = [{"name": "", "error": _("Chưa chọn tệp nào.")}]
    context = {**_context(user), "rows": rows}
    if request.headers.get("X-Requested-With") == "fetch":
        return render(request, "reports/_upload_rows.html", context)
    return render(request, "reports/upload.html", context)


def store_one(user: Any, key: str, unit_id: str, period: str, status: str) -> dict[str, Any]:
    """Ingest one staged file with the unit and period people confirmed."""
    folder = staging_dir(user)
    row: dict[str, Any] = {"key": key}
    if len(key) != 64 or not all(c in "0123456789abcdef" for c in key) or not (folder / f"{key}.bin").exists():
        return {**row, "error": _("Tệp tạm không còn (quá %(h)s giờ hoặc đã lưu); hãy tải lên lại.")
                % {"h": STAGING_HOURS}}
    row.update(json.loads((folder / f"{key}.json").read_text(encoding="utf-8")))
    try:
        unit = access.visible_units(user).filter(pk=int(unit_id) if unit_id.isdigit() else 0).first()
        if unit is None:
            raise InputError(_("Hãy chọn đơn vị ban hành báo cáo."))
        access.require(user, "upload", unit)
        if not period.strip():
            raise InputError(_("Hãy ghi kỳ báo cáo (ví dụ 2025-11, 2025-Q3, 2025-H1)."))
        code = core_period(period.strip()).code
        data = (folder / f"{key}.bin").read_bytes()
        if storage.sha256_of(data) != key:
            raise InputError(_("Tệp tạm bị hỏng; hãy tải lên lại."))
        try:
            with (folder / f"{key}.pickle").open("rb") as f:
                analysis = pickle.load(f)  # written by this server into the user's staging folder
        except Exception:
            analysis = None  # analysed again by ingest
        result = ingest(data, row["name"], unit_code=unit.code, period_code=code, actor=user, user=user, via="web",
                        status=status if status in ("draft", "submitted") else "draft", analysis=analysis)
    except InputError as exc:
        # the file is still staged: show its row again, with what was chosen and what is wrong
        chosen = int(unit_id) if unit_id.isdigit() else None
        return {**row, "retry": True, "unit_id": chosen, "period": period, "hint": exc.message, "hint_error": True}
    for suffix in (".bin", ".pickle", ".json"):
        (folder / f"{key}{suffix}").unlink(missing_ok=True)
    return {**row, "report": result.report, "created": result.created, "facts": result.facts,
            "findings": result.findings, "version": result.version.number, "superseded": result.superseded}


@login_required
@require_POST
def store_files(request: HttpRequest) -> HttpResponse:
    user = request.user
    _may_upload(user)
    keys = request.POST.getlist("key")
    if not keys:
        raise Http404("Không có tệp nào để lưu.")
    status = request.POST.get("status", "draft")
    rows = [store_one(user, key, request.POST.get(f"unit-{key}", ""), request.POST.get(f"period-{key}", ""), status)
            for key in keys]
    retry = [r for r in rows if r.get("retry")]
    context = {**_context(user), "stored": [r for r in rows if not r.get("retry")], "rows": retry}
    if request.headers.get("X-Requested-With") == "fetch":
        return render(request, "reports/_upload_rows.html" if retry else "reports/_stored_rows.html", context)
    return render(request, "reports/upload.html", context)
