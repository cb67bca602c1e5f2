"""The REST API under /api/v1/ (django-ninja); OpenAPI at /api/v1/openapi.json.

Every route needs `Authorization: Bearer TOKEN` (or a logged-in session); objects reached by
id are looked up among what the user may see, so another province's ids answer 404.
"""


from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import HttpError as NinjaHttpError

from baocao.errors import InputError
from baocao.web.accounts.access import Denied
from baocao.web.accounts.api import router as accounts_router
from baocao.web.accounts.auth import API_AUTH
from baocao.web.audit.api import router as audit_router
from baocao.web.drafting.api import router as drafting_router
from baocao.web.findings.api import router as findings_router
from baocao.web.indicators.api import facts_router, values_router
from baocao.web.indicators.api import router as indicators_router
from baocao.web.periods.api import router as periods_router
from baocao.web.reports.api import router as reports_router
from baocao.web.tasks.api import router as tasks_router
from baocao.web.units.api import router as units_router

api = NinjaAPI(
    title="baocao API",
    version="1",
    description="Báo cáo kinh tế - xã hội của UBND các cấp: đơn vị, kỳ, báo cáo, chỉ tiêu, số liệu, phát hiện.",
    auth=API_AUTH,
    urls_namespace="api-v1",
)
api.add_router("/me", accounts_router, tags=["người dùng"])
api.add_router("/units", units_router, tags=["đơn vị"])
api.add_router("/periods", periods_router, tags=["kỳ báo cáo"])
api.add_router("/reports", reports_router, tags=["báo cáo"])
api.add_router("/indicators", indicators_router, tags=["chỉ tiêu"])
api.add_router("/values", values_router, tags=["số liệu"])
api.add_router("/facts", facts_router, tags=["số liệu trích xuất"])
api.add_router("/findings", findings_router, tags=["phát hiện"])
api.add_router("/audit", audit_router, tags=["nhật ký"])
api.add_router("/tasks", tasks_router, tags=["nhiệm vụ"])
api.add_router("/drafts", drafting_router, tags=["dự thảo báo cáo"])


def _detail(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return api.create_response(request, {"detail": message}, status=status)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    resp = _detail(request, 401, "Cần mã truy cập: gửi tiêu đề «Authorization: Bearer MÃ» (tạo bằng baocao user add).")
    resp["WWW-Authenticate"] = "Bearer"
    return resp


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    message = str(exc) if str(exc) and not str(exc).startswith("No ") else "Không tìm thấy."
    return _detail(request, 404, message)


@api.exception_handler(InputError)
def on_bad_input(request: HttpRequest, exc: InputError) -> HttpResponse:
    return _detail(request, 400, exc.message)


@api.exception_handler(Denied)
def on_denied(request: HttpRequest, exc: Denied) -> HttpResponse:
    return _detail(request, 403, exc.message)


@api.exception_handler(NinjaHttpError)
def on_http_error(request: HttpRequest, exc: NinjaHttpError) -> HttpResponse:
    return _detail(request, exc.status_code, str(exc))
