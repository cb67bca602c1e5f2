"""Section writers of the province report (seed 004 style: month and n months)."""

from __future__ import annotations

from decimal import Decimal

from baocao.synth.compose import FactSpec, Para, split_total
from baocao.synth.ctx import Ctx
from baocao.synth.sections_admin import tthc_month

ONE = Decimal(1)
TY = Decimal(10) ** 8  # 0,1 tỷ đồng
USDQ = Decimal(10) ** 5  # 0,1 triệu USD


def _vs(c: Ctx, p: Para, cur: FactSpec, code: str, q: Decimal, cumulative: bool, plan: bool = True,
        plan_word: str = "kế hoạch") -> None:
    """", đạt 58,2% kế hoạch, tăng 16,66% so với cùng kỳ" for a printed value."""
    b = c.b
    if plan:
        target = c.s.plan(c.u, code, c.y, q * 10)
        p.t(", đạt ").n(b.ratio(cur, target, b.rng.choice((1, 1, 2)), "achievement")).t(" " + plan_word)
    last = c.last_year(code, q)[1 if cumulative else 0]
    if last > 0:
        f, direction = b.change(cur, last, b.rng.choice((1, 2)))
        p.t(", " + ("tăng " if direction == "up" else "giảm ")).n(f)
        if b.chance(0.6):
            p.t(" so với cùng kỳ")


def agriculture(c: Ctx) -> None:
    b = c.b
    p = c.para("agriculture")
    q = Decimal(1000)
    codes = ("agri.planted_area.rice", "agri.planted_area.maize", "agri.planted_area.vegetables")
    values = [c.flow(code, q)[1] for code in codes]
    total_v = sum(values, Decimal(0))
    last = sum((c.last_year(code, q)[1] for code in codes), Decimal(0))
    p.t(b.pick("Trong tháng, người dân tập trung chăm sóc các cây trồng; ", "Sản xuất nông nghiệp ổn định; "))
    total = b.quantity(total_v, "ha", "area", 1, "agri.planted_area.total", scope="cumulative",
                       estimate=True, glued=False)
    p.t("tổng diện tích gieo trồng ước đạt ").n(total).t(", bằng ")
    p.n(b.ratio(total, last, 1, "ratio_percent")).t(" so với cùng kỳ")
    note = Para()
    parts = [b.quantity(v, "ha", "area", 1, code, scope="cumulative", glued=True) for v, code in zip(values, codes, strict=False)]
    note.t("Trong đó: cây lúa ").n(parts[0]).t(", đạt ")
    note.n(b.ratio(parts[0], c.s.plan(c.u, codes[0], c.y, q * 100), 1, "achievement")).t(" kế hoạch; ngô ")
    note.n(parts[1]).t(", đạt ").n(b.ratio(parts[1], c.s.plan(c.u, codes[1], c.y, q * 100), 1, "achievement"))
    note.t(" kế hoạch; rau các loại ").n(parts[2]).t(".")
    b.check_sum(total, parts)
    p.note(note).t(". ")
    herds = [("agri.herd.buffalo", "Đàn trâu"), ("agri.herd.cattle", "đàn bò"), ("agri.herd.pigs", "đàn lợn"),
             ("agri.herd.poultry", "tổng đàn gia cầm")]
    note = Para()
    for i, (code, label) in enumerate(herds):
        now = b.count(c.stock(code), "con", code, pad=False, estimate=True)
        prev = Decimal(int(c.s.month(c.u, code, c.y - 1, c.m, ONE)))
        note.t(("; " if i else "") + label + " ước đạt ").n(now).t(", bằng ")
        note.n(b.ratio(now, prev, 2, "ratio_percent")).t(" so với cùng kỳ")
    note.t(".")
    p.t("Đàn trâu, đàn bò và đàn gia cầm duy trì ổn định").note(note).t(". ")
    dm, dc = c.count("agri.vaccine_doses")
    fm = b.count(dm, "liều", "agri.vaccine_doses", pad=False)
    fc = b.count(dc, "liều", "agri.vaccine_doses", pad=False, scope="cumulative")
    p.t("Trong tháng đã thực hiện cấp ").n(fm).t(" vắc xin")
    if c.m > 1:
        p.t(", lũy kế đã cấp ").n(fc).t(" vắc xin")
        b.check_cumulative(fc, fm, c.prev_cum("agri.vaccine_doses", ONE))
        note = Para()
        kinds = split_total(b.rng, dc, [0.25, 0.2, 0.5, 0.05])
        labels = ("Vắc xin dại", "Vắc xin lở mồm long móng", "Vắc xin dịch tả lợn Châu Phi",
                  "Vắc xin viêm da nổi cục")
        fparts = [b.count(v, "liều", None, pad=False, scope="cumulative") for v in kinds]
        note.t("Trong đó: ")
        for i, (lab, f) in enumerate(zip(labels, fparts, strict=False)):
            note.t(("; " if i else "") + lab + " ").n(f)
        b.check_sum(fc, fparts)
        p.note(note)
    p.t(". ")
    vm, vc = c.count("agri.animals_vaccinated")
    p.t("Tiêm phòng cho đàn gia súc, gia cầm được ").n(b.count(vm, "lượt con", "agri.animals_vaccinated", pad=False))
    if c.m > 1 and vc >= 1_000_000:
        mil = (Decimal(vc) / Decimal(10) ** 6).quantize(Decimal("0.01"))
        fvc = b.count(mil * 10**6, "triệu lượt", "agri.animals_vaccinated", pad=False, scope="cumulative",
                      mult=Decimal(10) ** 6)
        fvc.decimals = 2
        fvc.unit = "lượt"
        p.t(", lũy kế từ đầu năm tiêm được ").n(fvc)
    p.t(". ")
    am, ac = c.flow("forestry.afforestation_area", Decimal(1000))
    if am > 0:
        p.t("Trong tháng trồng được ").n(b.quantity(am, "ha", "area", 1, "forestry.afforestation_area", glued=False))
        p.t(" rừng tập trung")
        if c.m > 1:
            fa = b.quantity(ac, "ha", "area", 1, "forestry.afforestation_area", scope="cumulative", glued=False)
            p.t("; lũy kế toàn tỉnh trồng được ").n(fa)
            _vs(c, p, fa, "forestry.afforestation_area", Decimal(1000), True, plan=True)
        p.t(".")
    c.emit_outcomes(p, "agriculture")


def border(c: Ctx) -> None:
    b = c.b
    p = c.para("border_economy")
    p.t("Hoạt động của các cửa khẩu trên địa bàn tỉnh trong tháng diễn ra ổn định. ")
    dm, dc = c.flow("border.trade_declared", USDQ)
    om, oc = c.flow("border.other_flows", USDQ)
    tm = b.money(dm + om, "triệu USD", 1, "border.trade_total")
    fdm = b.money(dm, "triệu USD", 1, "border.trade_declared")
    p.t("Tổng kim ngạch hàng hóa xuất nhập khẩu qua địa bàn trong tháng đạt ").n(tm)
    p.t(", trong đó kim ngạch hàng hóa xuất nhập khẩu mở tờ khai tại tỉnh đạt ").n(fdm)
    _vs(c, p, fdm, "border.trade_declared", USDQ, False, plan=False)
    if c.m > 1:
        tc = b.money(dc + oc, "triệu USD", 1, "border.trade_total", scope="cumulative")
        fdc = b.money(dc, "triệu USD", 1, "border.trade_declared", scope="cumulative")
        p.t("; lũy kế ").x(str(c.m), "period").t(" tháng tổng kim ngạch đạt ").n(tc)
        p.t("; trong đó kim ngạch mở tờ khai tại tỉnh ").n(fdc)
        _vs(c, p, fdc, "border.trade_declared", USDQ, True)
        ex = c.flow("border.exports", USDQ)[1]
        ex = min(ex, dc)
        note = Para()
        fex = b.money(ex, "triệu USD", 1, "border.exports", scope="cumulative")
        fim = b.money(dc - ex, "triệu USD", 1, "border.imports", scope="cumulative")
        note.t("Trong đó: kim ngạch xuất khẩu đạt ").n(fex).t("; kim ngạch nhập khẩu đạt ").n(fim).t(".")
        b.check_sum(fdc, [fex, fim])
        p.note(note)
    p.t(".")
    c.emit_outcomes(p, "border_economy")


def industry_trade(c: Ctx) -> None:
    b = c.b
    p = c.para("industry")
    iip = Decimal(300 + b.rng.randint(0, 700)) / 100
    p.t("Tình hình sản xuất công nghiệp nhìn chung ổn định, chỉ số sản xuất công nghiệp tính chung ")
    p.x(str(c.m), "period").t(" tháng tăng ").n(b.pct(iip, 2, "percent_change", "industry.production_index"))
    products = [("industry.cement", "Xi măng", "nghìn tấn", Decimal(10) ** 4, "mass"),
                ("industry.coal", "Than", "nghìn tấn", Decimal(10) ** 4, "mass"),
                ("industry.electricity_commercial", "Điện thương phẩm", "triệu kWh", Decimal(10) ** 4, "energy"),
                ("industry.tap_water", "Nước máy", "nghìn m3", Decimal(10), "volume")]
    note = Para()
    for i, (code, label, unit, q, dim) in enumerate(products):
        cum = c.flow(code, q)[1]
        f = b.quantity(cum, unit, dim, 2 if q < 10**3 or dim != "volume" else 0, code, scope="cumulative",
                       glued=False)
        note.t(("; " if i else "") + label + " đạt ").n(f)
        _vs(c, note, f, code, q, True)
    note.t(".")
    p.note(note).t(". ")
    p2 = c.para("trade_tourism")
    rm, rc = c.flow("trade.retail_sales", TY)
    frm = b.money(rm, "tỷ đồng", 1, "trade.retail_sales", estimate=True)
    p2.t("Tổng mức bán lẻ hàng hóa tháng ").x(str(c.m), "period").t(" ước đạt ").n(frm)
    if c.m > 1:
        frc = b.money(rc, "tỷ đồng", 1, "trade.retail_sales", scope="cumulative")
        p2.t(", luỹ kế ").x(str(c.m), "period").t(" tháng ").n(frc)
        b.check_cumulative(frc, frm, c.prev_cum("trade.retail_sales", TY))
        _vs(c, p2, frc, "trade.retail_sales", TY, True)
    p2.t(". ")
    pm = c.flow("trade.transport_revenue_passenger", TY)[0]
    gm = c.flow("trade.transport_revenue_freight", TY)[0]
    ft = b.money(pm + gm, "tỷ đồng", 1, "trade.transport_revenue", estimate=True)
    note = Para()
    fpm = b.money(pm, "tỷ đồng", 1, "trade.transport_revenue_passenger", estimate=True)
    fgm = b.money(gm, "tỷ đồng", 1, "trade.transport_revenue_freight", estimate=True)
    note.t("Trong đó: Doanh thu vận tải hành khách ước đạt ").n(fpm).t("; doanh thu vận tải hàng hóa ước đạt ")
    note.n(fgm).t(".")
    b.check_sum(ft, [fpm, fgm])
    p2.t("Doanh thu vận tải tháng ").x(str(c.m), "period").t(" ước đạt ").n(ft).note(note).t(". ")
    dom, dcum = c.count("tourism.visitors.domestic")
    inm, incum = c.count("tourism.visitors.international")
    total = b.count(dom + inm, "lượt khách", "tourism.visitors.total", pad=False, estimate=True)
    fi = b.count(inm, "lượt", "tourism.visitors.international", pad=False)
    fd = b.count(dom, "lượt", "tourism.visitors.domestic", pad=False)
    p2.t("Du lịch tiếp tục phát triển, tổng lượng khách du lịch trong tháng ước đạt ").n(total)
    p2.t(", trong đó khách quốc tế đạt ").n(fi).t(", khách trong nước ").n(fd)
    b.check_sum(total, [fi, fd])
    rev = c.flow("tourism.revenue", TY)[0]
    p2.t(", tổng thu từ khách du lịch đạt ").n(b.money(rev, "tỷ đồng", 1, "tourism.revenue")).t(".")
    if c.m > 1 and dcum + incum >= 1_000_000:
        mil = (Decimal(dcum + incum) / Decimal(10) ** 6).quantize(Decimal("0.01"))
        fc = b.count(mil * 10**6, "triệu lượt khách", "tourism.visitors.total", pad=False, scope="cumulative",
                     mult=Decimal(10) ** 6)
        fc.decimals, fc.unit = 2, "lượt khách"
        p2.t(" Lũy kế ").x(str(c.m), "period").t(" tháng tổng lượng khách đạt ").n(fc).t(".")
    c.emit_outcomes(p2, "industry", "trade_tourism")


def investment(c: Ctx) -> None:
    b = c.b
    p = c.para("investment")
    q = Decimal(10) ** 9
    cum = c.flow("investment.public.disbursed", q)[1]
    plan = c.plan("investment.public.disbursed", q * 10)
    fc = b.money(cum, "tỷ đồng", 0, "investment.public.disbursed", scope="cumulative", estimate=True)
    p.t("Ước kết quả giải ngân kế hoạch vốn năm ").x(str(c.y), "year").t(" đến hết tháng ")
    c.month_ref(p)
    p.t(" là ").n(fc).t(", đạt ").n(b.ratio(fc, plan, 1, "achievement", "investment.public.disbursement_rate"))
    p.t(" kế hoạch Thủ tướng Chính phủ giao, trong đó: ")
    local, central = split_total(b.rng, int(cum / q), [0.3, 0.7])
    fl = b.money(Decimal(local) * q, "tỷ đồng", 0, "investment.public.disbursed_local", scope="cumulative")
    fce = b.money(Decimal(central) * q, "tỷ đồng", 0, "investment.public.disbursed_central", scope="cumulative")
    pl = (plan * Decimal("0.3") / q).to_integral_value() * q
    p.t("Ngân sách địa phương: ").n(fl).t(", đạt ").n(b.ratio(fl, pl, 1, "achievement")).t(" kế hoạch; ")
    p.t("ngân sách trung ương: ").n(fce).t(", đạt ").n(b.ratio(fce, plan - pl, 1, "achievement")).t(" kế hoạch.")
    b.check_sum(fc, [fl, fce])
    c.emit_outcomes(p, "investment")


def enterprise(c: Ctx) -> None:
    b = c.b
    p = c.para("enterprise")
    new = c.count("enterprise.new")[1]
    cap = c.flow("enterprise.new_capital", Decimal(10) ** 9)[1]
    f = b.count(new, "doanh nghiệp", "enterprise.new", pad=True, scope="cumulative")
    p.t("Các nhiệm vụ, giải pháp cải thiện môi trường đầu tư, kinh doanh được đẩy mạnh triển khai. ")
    p.t("Toàn tỉnh đã đăng ký thành lập mới ").n(f)
    _vs(c, p, f, "enterprise.new", ONE, True)
    p.t(", tổng số vốn đăng ký ").n(b.money(cap, "tỷ đồng", 0, "enterprise.new_capital", scope="cumulative"))
    note = Para()
    for i, (code, label) in enumerate((("enterprise.resumed", "doanh nghiệp hoạt động trở lại"),
                                       ("enterprise.suspended", "doanh nghiệp đăng ký tạm ngừng hoạt động"),
                                       ("enterprise.dissolved", "doanh nghiệp đã hoàn thành giải thể"))):
        v = c.count(code)[1]
        fv = b.count(v, label.split(" ", 2)[0] + " " + label.split(" ", 2)[1], code, pad=True, scope="cumulative")
        note.t("; có " if i else "Có ").n(fv).t(" " + label.split(" ", 2)[2])
        last = c.last_year(code, ONE)[1]
        if last > 0:
            pct, direction = b.change(fv, last, 1)
            note.t(", " + ("tăng " if direction == "up" else "giảm ")).n(pct).t(" so với cùng kỳ")
    note.t(".")
    p.note(note).t(".")
    c.emit_outcomes(p, "enterprise")


def budget(c: Ctx) -> None:
    b = c.b
    p = c.para("budget")
    dm, dcum = c.flow("budget.revenue.domestic", TY)
    xm, xcum = c.flow("budget.revenue.import_export", TY)
    mm, mcum = c.flow("budget.revenue.mobilised", TY)
    total = b.money(dm + xm + mm, "tỷ đồng", 1, "budget.revenue.total", estimate=True)
    fdm = b.money(dm, "tỷ đồng", 1, "budget.revenue.domestic")
    fxm = b.money(xm, "tỷ đồng", 1, "budget.revenue.import_export")
    fmm = b.money(mm, "tỷ đồng", 1, "budget.revenue.mobilised")
    p.t("Tổng thu ngân sách nhà nước trên địa bàn tháng ").x(str(c.m), "period").t(" ước đạt ").n(total)
    p.t(", trong đó: Thu nội địa đạt ").n(fdm).t(", thu từ hoạt động xuất nhập khẩu đạt ").n(fxm)
    p.t(", các khoản huy động, đóng góp ").n(fmm).t(". ")
    b.check_sum(total, [fdm, fxm, fmm])
    if c.m > 1:
        ct = b.money(dcum + xcum + mcum, "tỷ đồng", 1, "budget.revenue.total", scope="cumulative")
        b.check_cumulative(ct, total, sum((c.prev_cum(k, TY) for k in ("budget.revenue.domestic",
                                                                      "budget.revenue.import_export",
                                                                      "budget.revenue.mobilised")), Decimal(0)))
        est = sum((c.s.plan(c.u, k, c.y, TY * 10) for k in ("budget.revenue.domestic", "budget.revenue.import_export",
                                                            "budget.revenue.mobilised")), Decimal(0))
        p.t("Luỹ kế ").x(str(c.m), "period").t(" tháng đầu năm ").n(ct).t(", đạt ")
        p.n(b.ratio(ct, est * Decimal("0.9"), 2, "achievement", "budget.revenue.rate_estimate"))
        p.t(" dự toán Trung ương giao, đạt ").n(b.ratio(ct, est, 1, "achievement", "budget.revenue.rate_estimate"))
        p.t(" dự toán tỉnh giao")
        last = sum((c.last_year(k, TY)[1] for k in ("budget.revenue.domestic", "budget.revenue.import_export",
                                                    "budget.revenue.mobilised")), Decimal(0))
        f, direction = b.change(ct, last, b.rng.choice((0, 1)))
        p.t(", " + ("tăng " if direction == "up" else "giảm ")).n(f).t(" so với cùng kỳ, trong đó: Thu nội địa ")
        fdc = b.money(dcum, "tỷ đồng", 0, "budget.revenue.domestic", scope="cumulative")
        fxc = b.money(xcum, "tỷ đồng", 1, "budget.revenue.import_export", scope="cumulative")
        fmc = b.money(mcum, "tỷ đồng", 1, "budget.revenue.mobilised", scope="cumulative")
        fdc.base = (dcum / Decimal(10) ** 9).to_integral_value() * Decimal(10) ** 9
        fxc.base = ct.base - fdc.base - fmc.base
        p.n(fdc)
        _vs(c, p, fdc, "budget.revenue.domestic", Decimal(10) ** 9, True, plan_word="dự toán")
        p.t("; thu từ hoạt động xuất nhập khẩu ").n(fxc).t("; các khoản huy động, đóng góp ").n(fmc).t(". ")
        b.check_sum(ct, [fdc, fxc, fmc])
    sc = c.flow("budget.spending.total", TY)[1]
    fs = b.money(sc, "tỷ đồng", 1, "budget.spending.total", scope="cumulative", estimate=True)
    p.t("Tổng chi ngân sách địa phương ước thực hiện ").x(str(c.m), "period").t(" tháng đầu năm ")
    p.x(str(c.y), "year").t(" là ").n(fs)
    _vs(c, p, fs, "budget.spending.total", TY, True, plan_word="dự toán")
    p.t(".")
    c.emit_outcomes(p, "budget")


def social(c: Ctx) -> None:
    b = c.b
    p = c.para("health")
    em, ec = c.count("health.examinations")
    plan = int(c.s.plan(c.u, "health.examinations", c.y, Decimal(1)))
    p.t("Công tác khám chữa bệnh, chăm sóc sức khỏe cho Nhân dân được duy trì và thực hiện tốt")
    note = Para()
    fm = b.count(em, "lượt", "health.examinations", pad=False)
    note.t("Trong tháng ").x(str(c.m), "period").t(" khám được ").n(fm)
    if c.m > 1:
        fc = b.count(ec, "", "health.examinations", pad=False, scope="cumulative")
        fp = b.count(plan, "lượt", "health.examinations_plan", pad=False, role="plan")
        note.t(" (cộng dồn đạt ").n(fc).t("/").n(fp).t(" - đạt ")
        note.n(b.ratio(fc, fp, 1, "achievement")).t(" kế hoạch năm)")
        b.check_cumulative(fc, fm, c.prev_cum("health.examinations", ONE))
    im = c.count("health.inpatients")[0]
    note.t("; điều trị nội trú ").n(b.count(im, "lượt", "health.inpatients", pad=False)).t(".")
    p.note(note).t(". ")
    p2 = c.para("labour")
    cm = c.count("labour.job_counselling")[0]
    last = int(c.last_year("labour.job_counselling", ONE)[0])
    fcm = b.count(cm, "lượt người", "labour.job_counselling", pad=False)
    p2.t("Công tác lao động, việc làm được triển khai hiệu quả; tổng số người được tư vấn về chính sách "
         "pháp luật lao động, việc làm và giới thiệu việc làm cho ").n(fcm)
    if last:
        fl = b.count(last, "lượt người", None, pad=False)
        pct, direction = b.change(fcm, fl, 2)
        p2.t(" " + ("tăng " if direction == "up" else "giảm ")).n(pct).t(" so với cùng kỳ (").n(fl).t(")")
    p2.t(". ")
    um, uc = c.count("labour.ui_applicants")
    note = Para()
    fu = b.count(um, "người", "labour.ui_applicants", pad=False)
    note.t("Tổng số người nộp hồ sơ hưởng BHTN là ").n(fu)
    lu = int(c.last_year("labour.ui_applicants", ONE)[0])
    if lu:
        fl = b.count(lu, "người", None, pad=False)
        pct, direction = b.change(fu, fl, 2)
        note.t(", " + ("tăng " if direction == "up" else "giảm ")).n(pct).t(" so với cùng kỳ năm ")
        note.x(str(c.y - 1), "year").t(" (").n(fl).t(")")
    if c.m > 1:
        fuc = b.count(uc, "người", "labour.ui_applicants", pad=False, scope="cumulative")
        note.t(". Lũy kế từ đầu năm ").x(str(c.y), "year").t(" là ").n(fuc)
        b.check_cumulative(fuc, fu, c.prev_cum("labour.ui_applicants", ONE))
    note.t(".")
    p2.t("Duy trì công tác tiếp nhận hồ sơ hưởng bảo hiểm thất nghiệp").note(note).t(".")
    p3 = c.para("social")
    hn, hr = c.count("social.houses_new")[1], c.count("social.houses_repaired")[1]
    fh = b.count(hn + hr, "nhà", "social.houses_completed", pad=False, scope="cumulative")
    fn = b.count(hn, "nhà", "social.houses_new", pad=False, scope="cumulative")
    fr = b.count(hr, "nhà", "social.houses_repaired", pad=False, scope="cumulative")
    p3.t("Chương trình xóa nhà tạm, nhà dột nát được triển khai tích cực, từ đầu năm đã hoàn thành ").n(fh)
    p3.t(" (trong đó: xây mới ").n(fn).t(", sửa chữa ").n(fr).t(")")
    b.check_sum(fh, [fn, fr])
    col, ind = c.count("interior.rewards_collectives")[0], c.count("interior.rewards_individuals")[0]
    p3.t(". Chủ tịch UBND tỉnh quyết định khen thưởng cho ").n(b.count(col, "tập thể", "interior.rewards_collectives"))
    p3.t(", ").n(b.count(ind, "cá nhân", "interior.rewards_individuals")).t(".")
    c.emit_outcomes(p3, "health", "labour", "social", "culture", "education", "interior")


def admin_digital(c: Ctx) -> None:
    """Year-to-date dossiers of the whole province with carry-over and shares (footnote 14 of seed 004)."""
    b = c.b
    p = c.para("science_digital")
    p.t("Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh hoạt động ổn định")
    months = [tthc_month_at(c, m) for m in range(1, c.m + 1)]
    carried = months[0]["carried"]
    keys = ("online", "direct", "bcci", "cancelled", "late")
    tot = {k: sum(d[k] for d in months) for k in keys}
    new = tot["online"] + tot["direct"] + tot["bcci"]
    pending = months[-1]["pending"]
    resolved = carried + new - pending - tot["cancelled"]
    early, on_time = split_total(b.rng, resolved - tot["late"], [0.15, 0.85])
    note = Para()
    fr = b.count(carried + new, "hồ sơ", "tthc.received", pad=False, scope="cumulative")
    fcar = b.count(carried, "hồ sơ", "tthc.carried_over", pad=False)
    fnew = b.count(new, "hồ sơ", "tthc.received_new", pad=False, scope="cumulative")
    note.t("Từ ngày ").x(f"01/01/{c.y}", "date").t(" đến nay tiếp nhận ").n(fr).t(" (").n(fcar)
    note.t(" năm trước chuyển sang); tiếp nhận mới ").n(fnew)
    b.check_carry(fr, fcar, fnew)
    parts = [(tot["direct"], "tiếp nhận trực tiếp", "tthc.received_direct"),
             (tot["online"], "trực tuyến", "tthc.received_online"),
             (tot["bcci"], "qua BCCI", "tthc.received_bcci")]
    fparts = []
    note.t(", trong đó ")
    for i, (v, label, code) in enumerate(parts):
        f = b.count(v, "hồ sơ", code, pad=False, scope="cumulative")
        fparts.append(f)
        note.t((", " if i else "") + label + " ").n(f).t(" (chiếm ").n(b.ratio(f, fnew, 2, "share")).t(")")
    b.check_sum(fnew, fparts)
    fres = b.count(resolved, "hồ sơ", "tthc.resolved", pad=False, scope="cumulative")
    note.t("; trả kết quả ").n(fres)
    rparts = []
    for v, label, code in ((early, "trước hạn", "tthc.resolved_early"),
                           (on_time, "đúng hạn", "tthc.resolved_on_time"),
                           (tot["late"], "quá hạn", "tthc.resolved_late")):
        f = b.count(v, "hồ sơ", code, pad=False, scope="cumulative")
        rparts.append(f)
        note.t(", " + label + " ").n(f).t(" (chiếm ").n(b.ratio(f, fres, 2, "share")).t(")")
    b.check_sum(fres, rparts)
    note.t("; còn ").n(b.count(pending, "hồ sơ", "tthc.pending", pad=False)).t(" đang giải quyết.")
    p.note(note).t(". ")
    online = b.count(tot["online"], "", "tthc.received_online", pad=False, scope="cumulative")
    denom = b.count(new, "", "tthc.received_new", pad=False, scope="cumulative")
    p.t("Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ").n(b.ratio(online, denom, 2, "share", "tthc.online_rate"))
    p.t(" (").n(online).t("/").n(denom).t(" hồ sơ).")
    c.emit_outcomes(p, "science_digital", "admin_reform")


def tthc_month_at(c: Ctx, month: int) -> dict[str, int]:
    saved = c.m
    c.m = month
    try:
        return tthc_month(c)
    finally:
        c.m = saved


def land(c: Ctx) -> None:
    b = c.b
    p = c.para("urban_land")
    om, _oc = c.count("land.certificates.organisations")
    hm, hc = c.count("land.certificates.households")
    p.t("Thực hiện tốt công tác thu hồi đất, giao đất, cho thuê đất và chuyển mục đích sử dụng đất. ")
    p.t("Cấp Giấy chứng nhận quyền sử dụng đất cho tổ chức được ").n(b.count(om, "giấy", "land.certificates.organisations"))
    p.t("; cấp cho hộ gia đình, cá nhân được ").n(b.count(hm, "giấy", "land.certificates.households", pad=False))
    if c.m > 1:
        fh = b.count(hc, "giấy", "land.certificates.households", pad=False, scope="cumulative")
        p.t("; lũy kế từ đầu năm cấp cho hộ gia đình, cá nhân được ").n(fh)
        _vs(c, p, fh, "land.certificates.households", ONE, True)
    p.t(".")
    c.emit_outcomes(p, "urban_land", "environment")


def inspection(c: Ctx) -> None:
    b = c.b
    p = c.para("inspection")
    conducted = c.count("inspection.conducted")[0]
    concluded = conducted - b.rng.randint(0, max(1, conducted // 20))
    fc = b.count(concluded, "cuộc", "inspection.concluded", pad=True)
    fc.unit_text = ""
    p.t("Trong tháng, toàn tỉnh đã tổ chức triển khai thực hiện và kết thúc ").n(fc).t("/")
    p.n(b.count(conducted, "cuộc", "inspection.conducted", pad=True)).t(" thanh tra, kiểm tra các lĩnh vực. ")
    visits = c.count("citizens.visits")[0]
    p.t("Các cơ quan hành chính trong tỉnh tiếp ").n(b.count(visits, "lượt", "citizens.visits", pad=False))
    p.t(" công dân")
    new = c.count("complaints.received")[0]
    carried = b.rng.randint(1, 12)
    frec = b.count(new + carried, "đơn", "complaints.received", pad=True)
    p.t(", tiếp nhận ").n(frec).t(" khiếu nại, tố cáo thuộc thẩm quyền (trong đó ")
    fcar = b.count(carried, "đơn", "complaints.carried_over", pad=True)
    p.n(fcar).t(" tồn kỳ trước chuyển sang); đã giải quyết ")
    done = max(0, new + carried - b.rng.randint(0, 6))
    fd = b.count(done, "đơn", "complaints.resolved", pad=True)
    frec2 = b.count(new + carried, "đơn", "complaints.received", pad=True)
    p.n(fd).t("/").n(frec2).t(", đạt tỷ lệ ").n(b.ratio(fd, frec2, 1, "ratio_percent", "complaints.resolution_rate"))
    p.t(". ")
    sm, sc = c.count("smuggling.cases")
    fined = sm - b.rng.randint(0, max(1, sm // 8))
    p.t("Các lực lượng chức năng đã kiểm tra, xử lý vi phạm ").n(b.count(sm, "vụ", "smuggling.cases", pad=False))
    p.t(" buôn lậu, gian lận thương mại, hàng giả; xử phạt vi phạm hành chính ")
    p.n(b.count(fined, "vụ", "smuggling.fined_cases", pad=False))
    fine = Decimal(fined) * Decimal(b.rng.randint(8, 16)) * Decimal(10) ** 6
    p.t("; tổng số tiền xử lý vi phạm hành chính ")
    p.n(b.money((fine / Decimal(10) ** 7).to_integral_value() * Decimal(10) ** 7, "tỷ đồng", 2, "smuggling.fines"))
    if c.m > 1:
        p.t("; luỹ kế ").x(str(c.m), "period").t(" tháng kiểm tra, xử lý ")
        p.n(b.count(sc, "vụ", "smuggling.cases", pad=False, scope="cumulative"))
    p.t(".")
    c.emit_outcomes(p, "inspection")


def security(c: Ctx) -> None:
    b = c.b
    p = c.para("security_defence")
    crimes = c.count("security.crimes")[0]
    solved = crimes - b.rng.randint(0, max(1, crimes // 3))
    p.t("Tình hình an ninh chính trị và trật tự an toàn xã hội tiếp tục được đảm bảo. ")
    fcr = b.count(crimes, "vụ", "security.crimes", pad=True)
    fso = b.count(solved, "vụ", "security.crimes_solved", pad=True)
    p.t("Trong tháng xảy ra ").n(fcr).t(" phạm tội về trật tự xã hội, đã truy xét, làm rõ ").n(fso)
    p.t(", đạt ").n(b.ratio(fso, fcr, 1, "ratio_percent", "security.solve_rate")).t(". ")
    names = ("traffic.accidents", "traffic.deaths", "traffic.injured")
    start = (c.y - 1, 12)
    now = [sum(int(c.s.month(c.u, k, *ym, ONE)) for ym in [start] + [(c.y, m) for m in range(1, c.m + 1)])
           for k in names]
    before = [sum(int(c.s.month(c.u, k, *ym, ONE)) for ym in [(c.y - 2, 12)] + [(c.y - 1, m) for m in range(1, c.m + 1)])
              for k in names]
    note = Para()
    note.t("Từ ngày ").x(f"15/12/{c.y - 1}", "date").t(" đến ").x(f"14/{c.m}/{c.y}", "date")
    note.t(": trên địa bàn tỉnh xảy ra ")
    facts = [b.count(now[0], "vụ", names[0], pad=True), b.count(now[1], "người", names[1], pad=True),
             b.count(now[2], "người", names[2], pad=True)]
    note.n(facts[0]).t(" tai nạn giao thông, làm chết ").n(facts[1]).t("; bị thương ").n(facts[2])
    note.t(", so với cùng kỳ năm ").x(str(c.y - 1), "year").t(": ")
    for i, (f, prev, label) in enumerate(zip(facts, before, ("vụ", "người chết", "người bị thương"), strict=False)):
        if not prev:
            continue
        pct, direction = b.change(f, Decimal(prev), 1)
        word = "tăng" if direction == "up" else "giảm"
        diff = b.count(abs(now[i] - prev), label.split(" ")[0], None, pad=True, role="absolute_change")
        note.t(("; " if i else "") + f"{word} ").n(diff).t(" " + " ".join(label.split(" ")[1:]) if " " in label else "")
        note.t(f" tương đương {word} ").n(pct)
    note.t(".")
    p.t("Tình hình tai nạn giao thông được kiểm soát").note(note).t(".")
    c.emit_outcomes(p, "security_defence", "foreign_affairs", "justice", "ethnic_religion")
