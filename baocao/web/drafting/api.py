"""API: `GET /drafts?unit=&period=&format=docx|xlsx` — the drafted report (or its annex) of a unit
the user sees (404 otherwise), as a file to download."""

from django.http import HttpRequest, HttpResponse
from ninja import Router

from baocao.errors import InputError
from baocao.web.apiutil import period_of, visible_unit
from baocao.web.drafting import services

router = Router()

FORMATS = {"docx": services.DOCX, "xlsx": services.XLSX}


def download(package: services.DraftPackage, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise InputError(f"Định dạng «{fmt}» không hỗ trợ (docx hoặc xlsx).")
    data = services.docx_bytes(package) if fmt == "docx" else services.xlsx_bytes(package)
    resp = HttpResponse(data, content_type=FORMATS[fmt])
    resp["Content-Disposition"] = f'attachment; filename="{package.file_name(fmt)}"'
    return resp


@router.get("", summary="Dự thảo báo cáo của một đơn vị cho một kỳ (DOCX theo NĐ 30/2020, hoặc biểu XLSX)")
def draft(request: HttpRequest, unit: str, period: str, format: str = "docx"):
    fmt = format.lower()
    if fmt not in FORMATS:
        raise InputError(f"Định dạng «{format}» không hỗ trợ (docx hoặc xlsx).")
    p = period_of(period)
    u = visible_unit(request, unit, p.window_end)
    return download(services.prepare(u, p), fmt)
