"""Commands on the store: init, units, user, ingest, values, serve, synth.

Django is imported inside the handlers only, so `baocao parse` stays Django-free.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from baocao.cli.main import registrar
from baocao.cli.output import print_json
from baocao.errors import InputError

ROLES = ("viewer", "editor", "reviewer", "admin")


def open_store(migrate: bool = True) -> None:
    """Start Django on BAOCAO_HOME; create or migrate the database and load the catalogue when needed."""
    from baocao.web.bootstrap import ensure_home, setup_django
    from baocao.web.bootstrap import migrate as run_migrations

    setup_django()
    ensure_home()
    if migrate:
        applied = run_migrations()
        from baocao.web.indicators.models import Indicator

        if applied or not Indicator.objects.exists():
            from baocao.web.indicators.catalogue import load_catalogue

            load_catalogue()


def read_text_file(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp {path}.") from None
    except UnicodeDecodeError:
        raise InputError(f"Tệp {path} không phải văn bản UTF-8 (hãy lưu CSV dạng UTF-8).") from None
    except IsADirectoryError:
        raise InputError(f"{path} là thư mục, không phải tệp.") from None


@registrar
def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="tạo hoặc nâng cấp cơ sở dữ liệu trong BAOCAO_HOME (chạy lại nhiều lần vẫn an toàn)")
    p.add_argument("--no-provinces", action="store_true", help="không nạp danh sách 34 tỉnh, thành phố có sẵn")
    p.set_defaults(handler=cmd_init)

    units = sub.add_parser("units", help="danh sách đơn vị hành chính: nhập, kế thừa, xuất")
    usub = units.add_subparsers(dest="units_command", metavar="LỆNH")
    ui = usub.add_parser("import", help="nhập đơn vị từ CSV: code,name,kind,parent_code,valid_from,valid_to")
    ui.add_argument("file", type=Path, help="tệp CSV (UTF-8), ngày dạng YYYY-MM-DD, để trống nếu không giới hạn")
    ui.set_defaults(handler=cmd_units_import)
    ul = usub.add_parser("lineage", help="nhập kế thừa từ CSV: unit_code,predecessor_code,share,kind,date")
    ul.add_argument("file", type=Path, help="tệp CSV (UTF-8); share từ 0 đến 1; kind: continue, merge, split, rename")
    ul.set_defaults(handler=cmd_units_lineage)
    ue = usub.add_parser("export", help="xuất danh sách đơn vị (hoặc kế thừa) ra CSV")
    ue.add_argument("--lineage", action="store_true", help="xuất bảng kế thừa thay cho danh sách đơn vị")
    ue.add_argument("--out", type=Path, help="ghi ra tệp thay vì màn hình")
    ue.set_defaults(handler=cmd_units_export)
    units.set_defaults(handler=lambda args: _help(units))

    user = sub.add_parser("user", help="người dùng và mã truy cập API")
    usr = user.add_subparsers(dest="user_command", metavar="LỆNH")
    ua = usr.add_parser("add", help="tạo người dùng của một đơn vị; dòng cuối là mã truy cập API")
    ua.add_argument("name", help="tên đăng nhập")
    ua.add_argument("--unit", required=True, help="mã đơn vị của người dùng")
    ua.add_argument("--role", required=True, choices=ROLES, help="vai trò: viewer (xem), editor (biên tập), "
                    "reviewer (kiểm duyệt), admin (quản trị)")
    ua.add_argument("--password", help="mật khẩu đăng nhập web (mặc định: tạo ngẫu nhiên và in ra)")
    ua.set_defaults(handler=cmd_user_add)
    user.set_defaults(handler=lambda args: _help(user))

    ing = sub.add_parser("ingest", help="lưu báo cáo vào kho (đơn vị và kỳ tự nhận ra từ văn bản nếu không chỉ rõ)")
    ing.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="các tệp báo cáo (PDF, DOCX, TXT)")
    ing.add_argument("--unit", help="mã đơn vị ban hành (mặc định: nhận ra từ văn bản)")
    ing.add_argument("--period", help="kỳ báo cáo: 2025-11, 2025-Q3, 2025-H1, 2025-9M, 2025, 2025-08-YTD")
    ing.add_argument("--status", default="draft", choices=("draft", "submitted", "reviewed"),
                     help="trạng thái của báo cáo sau khi lưu (mặc định: draft — bản nháp)")
    ing.add_argument("--no-checks", action="store_true", help="bỏ qua kiểm tra bất thường theo lịch sử và đơn vị cùng cấp")
    ing.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy")
    ing.set_defaults(handler=cmd_ingest)

    val = sub.add_parser("values", help="số liệu một chỉ tiêu: chuỗi thời gian của một đơn vị hoặc bảng các đơn vị")
    val.add_argument("indicator", help="mã chỉ tiêu, ví dụ budget.revenue.total")
    val.add_argument("--unit", help="mã đơn vị: chuỗi thời gian của đơn vị này (theo kế thừa)")
    val.add_argument("--from", dest="start", help="từ kỳ (ví dụ 2024-01)")
    val.add_argument("--to", dest="end", help="đến kỳ (ví dụ 2025-12)")
    val.add_argument("--scope", default="period", choices=("period", "cumulative", "year_to_date", "since"),
                     help="phạm vi: period (trong kỳ, mặc định) hoặc cumulative (lũy kế)")
    val.add_argument("--kind", default="month", help="loại kỳ: month, quarter, half_year, nine_months, year")
    val.add_argument("--csv", action="store_true", help="in dạng CSV")
    val.add_argument("--json", action="store_true", help="in dạng JSON cho máy")
    val.set_defaults(handler=cmd_values)

    srv = sub.add_parser("serve", help="chạy ứng dụng web và API trên máy này")
    srv.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    srv.set_defaults(handler=cmd_serve)

    syn = sub.add_parser("synth", help="sinh một tỉnh giả lập với báo cáo hằng tháng (dữ liệu thử, kiểm thử tải)")
    syn.add_argument("--units", type=int, default=12, help="số xã, phường sau sắp xếp (mặc định 12)")
    syn.add_argument("--months", type=int, default=24, help="số tháng báo cáo từ 01/2024 (mặc định 24)")
    syn.add_argument("--out", type=Path, required=True, help="thư mục ghi kết quả")
    syn.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (mặc định 1)")
    syn.set_defaults(handler=cmd_synth)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def initialise(provinces: bool = True) -> list[str]:
    """Create or migrate the database, load the catalogue (and the provinces); the lines to print."""
    from baocao.web.bootstrap import database_label, ensure_home, migrate, setup_django

    setup_django()
    home = ensure_home()
    applied = migrate()
    from baocao.web.indicators.catalogue import load_catalogue

    cat = load_catalogue()
    lines = [
        f"Thư mục dữ liệu: {home}",
        f"Cơ sở dữ liệu: {database_label()}",
        f"Đã áp dụng {len(applied)} bước nâng cấp." if applied else "Cơ sở dữ liệu đã ở phiên bản mới nhất.",
        f"Danh mục chỉ tiêu: thêm {cat.created}, cập nhật {cat.updated}, giữ nguyên {cat.kept} chỉ tiêu đã sửa tay.",
    ]
    if provinces:
        from baocao.web.units.services import import_units

        path = Path(__file__).resolve().parents[1] / "data" / "admin_units.csv"
        s = import_units(read_text_file(path), actor="cli")
        lines.append(f"Danh sách tỉnh, thành phố: thêm {s.created}, cập nhật {s.updated}, không đổi {s.unchanged}.")
    return lines


def cmd_init(args: argparse.Namespace) -> int:
    for line in initialise(provinces=not args.no_provinces):
        print(line)
    return 0


def cmd_units_import(args: argparse.Namespace) -> int:
    text = read_text_file(args.file)
    open_store()
    from baocao.web.units.services import import_units

    s = import_units(text, actor="cli")
    print(f"Đã nhập đơn vị từ {args.file}: thêm {s.created}, cập nhật {s.updated}, không đổi {s.unchanged}.")
    return 0


def cmd_units_lineage(args: argparse.Namespace) -> int:
    text = read_text_file(args.file)
    open_store()
    from baocao.web.units.services import import_lineage

    s = import_lineage(text, actor="cli")
    print(f"Đã nhập kế thừa từ {args.file}: thêm {s.created}, cập nhật {s.updated}, không đổi {s.unchanged}.")
    return 0


def cmd_units_export(args: argparse.Namespace) -> int:
    open_store()
    from baocao.web.units.services import export_lineage, export_units

    text = export_lineage() if args.lineage else export_units()
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"Đã ghi {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    open_store()
    from baocao.web.accounts.models import ROLES as ROLE_NAMES
    from baocao.web.accounts.services import add_user
    from baocao.web.units.services import resolve

    unit = resolve(args.unit)
    new = add_user(args.name, unit, args.role, password=args.password, actor="cli")
    verb = "Đã tạo" if new.created else "Đã cập nhật"
    print(f"{verb} người dùng {new.user.username}: {dict(ROLE_NAMES)[args.role]}, {unit.full_name} ({unit.code}).")
    if new.password and not args.password:
        print(f"Mật khẩu đăng nhập web: {new.password}")
    print("Mã truy cập API (chỉ hiện một lần, gửi trong tiêu đề «Authorization: Bearer MÃ»):")
    print(new.token)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    open_store()
    from baocao.web.periods.services import core_period
    from baocao.web.reports.batch import Item, ingest_files
    from baocao.web.units.services import resolve

    if args.period:
        core_period(args.period)  # one line for a malformed argument, not one per file
    if args.unit:
        resolve(args.unit, core_period_end(args.period) if args.period else None)  # an unknown code: one line

    def show(item: Item, r: Any, error: str | None) -> None:
        if args.json:
            return
        if r is None:
            print(f"✗ {item.path}: {error}", file=sys.stderr, flush=True)
            return
        rep = r.report
        if not r.created:
            print(f"= {item.path}: đã lưu trước đó (báo cáo #{rep.pk}, phiên bản {r.version.number}), không thay đổi.",
                  flush=True)
            return
        extra = f", thay phiên bản {r.superseded}" if r.superseded else ""
        print(f"✓ {item.path} → báo cáo #{rep.pk}: {rep.unit.full_name} ({rep.unit.code}), {rep.period.label}, "
              f"phiên bản {r.version.number}{extra}: {r.facts} số liệu, {r.findings} phát hiện, "
              f"{r.values.created} giá trị mới.", flush=True)

    items = [Item(path, args.unit, args.period) for path in args.files]
    batch = ingest_files(items, status=args.status, actor="cli", via="cli", store_checks=not args.no_checks,
                         on_result=show)
    if args.json:
        rows = []
        for item, r, error in batch.results:
            if r is None:
                rows.append({"file": str(item.path), "ok": False, "error": error})
            else:
                rows.append({"file": str(item.path), "ok": True, "created": r.created, "report": r.report.pk,
                             "version": r.version.number, "unit": r.report.unit.code, "period": r.report.period.code,
                             "facts": r.facts, "findings": r.findings, "values_created": r.values.created,
                             "values_revised": r.values.revised})
        print_json({"files": rows, "stored": batch.stored, "failed": batch.failed, "outliers": batch.outliers})
    else:
        tail = f", {batch.outliers} giá trị bất thường." if batch.outliers else "."
        print(f"Xong: {batch.stored}/{len(items)} tệp đã lưu, {batch.failed} tệp lỗi{tail}")
    return 2 if batch.failed else 0


def core_period_end(code: str) -> Any:
    from baocao.web.periods.services import core_period, data_window

    return data_window(core_period(code))[1]


def cmd_values(args: argparse.Namespace) -> int:
    open_store()
    from baocao.web.indicators import export, queries
    from baocao.web.indicators.display import format_value
    from baocao.web.indicators.models import Indicator, IndicatorValue
    from baocao.web.periods.services import core_period
    from baocao.web.units.services import resolve

    ind = Indicator.objects.filter(code=args.indicator).first()
    if ind is None:
        raise InputError(f"Không có chỉ tiêu «{args.indicator}» trong danh mục (xem /api/v1/indicators).")
    for code in (args.start, args.end):
        if code:
            core_period(code)
    if args.unit:
        unit = resolve(args.unit)
        points = queries.series(ind, unit, args.start, args.end, args.scope, args.kind)
        rows = [export.row(ind, args.scope, p, unit.code, unit.full_name) for p in points]
    else:
        qs = (IndicatorValue.objects.filter(indicator=ind, scope=args.scope, period__kind=args.kind)
              .select_related("unit", "period").order_by("period__window_end", "unit__code"))
        if args.start:
            qs = qs.filter(period__window_end__gte=queries.window_end(args.start))
        if args.end:
            qs = qs.filter(period__window_end__lte=queries.window_end(args.end))
        rows = [export.row(ind, args.scope, queries.Point(v.period.code, v.value, "reported", True, v.estimate,
                                                          v.corrected, v.pk, v.unit.code, v.unit.full_name))
                for v in qs]
    if args.csv:
        sys.stdout.write(export.to_csv(rows))
        return 0
    if args.json:
        print_json({"indicator": ind.code, "scope": args.scope, "rows": rows})
        return 0
    scope_label = {"period": "trong kỳ", "cumulative": "lũy kế", "year_to_date": "từ đầu năm", "since": "từ ngày"}
    print(f"{ind.name} ({ind.code}), {scope_label[args.scope]}, đơn vị tính: {ind.display_unit}")
    if not rows:
        print("Chưa có số liệu.")
        return 0
    width = max(len(r["unit_name"]) for r in rows)
    for r in rows:
        note = {"lineage": " (theo kế thừa)", "missing": " (thiếu)"}.get(r["source"], "")
        note += " (ước)" if r["estimate"] else ""
        note += " (đã hiệu chỉnh)" if r["corrected"] else ""
        print(f"{r['period']:<11} {r['unit_name']:<{width}}  {format_value(r['value'], ind.display_unit)}{note}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    open_store()
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.servers.basehttp import get_internal_wsgi_application as app

    print(f"baocao đang chạy tại http://{args.host}:{args.port}/  (API: /api/v1/, quản trị: /admin/; "
          "Ctrl+C để dừng)", flush=True)
    try:
        run(args.host, args.port, app(), ipv6=":" in args.host, threading=True, server_cls=WSGIServer)
    except OSError as exc:
        raise InputError(f"Không mở được cổng {args.host}:{args.port} ({exc.strerror}); thử --port khác.") from None
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from baocao.synth.corpus import write_corpus

    if args.units < 3:
        raise InputError("Cần ít nhất 3 xã, phường (--units).")
    if not 1 <= args.months <= 240:
        raise InputError("Số tháng (--months) phải từ 1 đến 240.")
    args.out.mkdir(parents=True, exist_ok=True)
    write_corpus(args.out, args.units, args.months, args.seed)
    n = len(list(args.out.glob("**/*.txt")))
    print(f"Đã sinh {n} báo cáo vào {args.out} (units.csv, lineage.csv, truth.jsonl).")
    return 0
