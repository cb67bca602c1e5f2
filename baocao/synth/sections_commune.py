"""Section writers of commune and district reports (seeds 000 and 001 style)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from baocao.synth.compose import FactSpec, Para
from baocao.synth.ctx import Ctx
from baocao.synth.rand import poisson

ONE = Decimal(1)
HA = Decimal(10) ** 4


def _same_period(c: Ctx, p: Para, current: FactSpec, base: Decimal, indicator: str | None = None) -> None:
    """", tăng 16,66% so với cùng kỳ" or ", bằng 111,7% so với cùng kỳ"."""
    if base <= 0:
        return
    if c.b.chance(0.5):
        f, direction = c.b.change(current, base, c.b.rng.choice((1, 2)), indicator)
        p.t(", " + ("tăng " if direction == "up" else "giảm ")).n(f)
    else:
        f = c.b.ratio(current, base, 1, "ratio_percent", indicator)
        p.t(c.b.pick(", bằng ", ", đạt ")).n(f)
    p.t(c.b.pick(" so với cùng kỳ", " so với cùng kỳ năm trước", " so cùng kỳ"))


def direction_docs(c: Ctx) -> None:
    p = c.para("direction")
    p.t(c.b.pick("Trong tháng ", "Trong tháng ", "Tháng "))
    c.month_ref(p)
    inc, out = c.count("docs.incoming")[0], c.count("docs.outgoing")[0]
    p.t(c.b.pick(" đã tiếp nhận ", ", tiếp nhận ")).n(c.b.count(inc, "văn bản", "docs.incoming", pad=False))
    p.t(" đến và phát hành ").n(c.b.count(out, "văn bản", "docs.outgoing", pad=False)).t(" đi")
    if c.b.chance(0.6):
        si, so = c.count("docs.incoming_secret")[0], c.count("docs.outgoing_secret")[0]
        p.t("; tiếp nhận ").n(c.b.count(si, "văn bản", "docs.incoming_secret")).t(" mật đến, phát hành ")
        p.n(c.b.count(so, "văn bản", "docs.outgoing_secret")).t(" mật đi")
    p.t(".")


def agriculture(c: Ctx) -> None:
    b = c.b
    p = c.para("agriculture")
    p.t(b.pick("Tiếp tục vận động nhân dân tích cực tăng gia sản xuất, chăm sóc cây trồng theo mùa vụ",
               "Tập trung chỉ đạo sản xuất nông nghiệp theo đúng khung thời vụ",
               "Hướng dẫn nhân dân gieo trồng, chăm sóc các loại cây trồng theo mùa vụ"))
    q = Decimal(100) if b.chance(0.5) else Decimal(1000)  # 0,01 ha or 0,1 ha
    dec = 2 if q == 100 else 1
    parts = [("agri.planted_area.rice", "lúa"), ("agri.planted_area.maize", "ngô"),
             ("agri.planted_area.vegetables", "rau màu các loại")]
    values = [c.flow(code, q)[1] for code, _ in parts]
    if all(v > 0 for v in values) and c.m >= 2:
        p.t("; lũy kế từ đầu năm tổng diện tích gieo trồng đạt ")
        facts = [b.quantity(v, "ha", "area", dec, code, scope="cumulative") for v, (code, _) in zip(values, parts, strict=False)]
        total = b.quantity(sum(values, Decimal(0)), "ha", "area", dec, "agri.planted_area.total",
                           scope="cumulative")
        p.n(total).t(", trong đó: ")
        for i, (f, (_, label)) in enumerate(zip(facts, parts, strict=False)):
            p.t(("; " if i else "") + label + " ").n(f)
        b.check_sum(total, facts)
    p.t(". ")
    vac = c.count("agri.animals_vaccinated")[0] // 40
    if vac > 0:
        p.t(b.pick("Trong tháng đã tiêm phòng cho đàn gia súc, gia cầm được ",
                   "Tổ chức tiêm phòng cho đàn vật nuôi được "))
        p.n(b.count(vac, "con", "agri.animals_vaccinated")).t(". ")
    asf = c.count("agri.asf.households")[0]
    if asf > 0:
        culled = asf * (2 + poisson(2.0, c.seed, c.u, c.y, c.m, "asf"))
        mass = culled * (35 + poisson(25.0, c.seed, c.u, c.y, c.m, "asfkg"))
        p.t("Trong tháng xảy ra dịch tả lợn Châu Phi tại ").n(b.count(asf, "hộ", "agri.asf.households"))
        p.t(", có ").n(b.count(culled, "con", "agri.asf.animals_culled")).t(" bị dịch với trọng lượng ")
        p.n(b.quantity(Decimal(mass), "kg", "mass", 0, "agri.asf.mass_culled"))
        p.t(", đã triển khai tiêu hủy theo quy định.")
    else:
        p.t("Trong tháng không phát sinh dịch bệnh nguy hiểm trên đàn gia súc, gia cầm.")
    c.emit_outcomes(p, "agriculture")


def trade(c: Ctx) -> None:
    b = c.b
    p = c.para("trade_tourism")
    p.t(b.pick("Hoạt động thương mại, dịch vụ trên địa bàn diễn ra ổn định, nguồn cung hàng hóa dồi dào, "
               "không có biến động lớn về giá cả.",
               "Tình hình thị trường, giá cả các mặt hàng thiết yếu ổn định, đáp ứng nhu cầu tiêu dùng "
               "của Nhân dân."))
    cases = c.count("smuggling.cases")[0] // (1 if c.level == "district" else 4)
    if cases > 0:
        fine = Decimal(cases * (1 + poisson(4.0, c.seed, c.u, c.y, c.m, "fine")) * 2_500_000)
        p.t(" Trong tháng, các lực lượng chức năng đã kiểm tra, xử lý vi phạm ")
        p.n(b.count(cases, "vụ", "smuggling.cases")).t(" buôn lậu, gian lận thương mại, hàng giả, hàng kém chất lượng")
        p.t(b.pick("; tổng số tiền xử lý vi phạm hành chính: ", ", xử phạt vi phạm hành chính với số tiền "))
        p.n(b.money(fine, "đồng", 0, "smuggling.fines")).t(".")
    c.emit_outcomes(p, "trade_tourism")


def budget(c: Ctx) -> None:
    b = c.b
    p = c.para("budget")
    code = "budget.revenue.domestic"
    month, cum = c.flow(code, c.mq)
    plan_q = c.mq * 10
    est = c.plan(code, plan_q)
    p.t(b.pick("Công tác thu chi ngân sách được chỉ đạo triển khai quyết liệt, đồng bộ, kết quả: ",
               "Triển khai công tác thu ngân sách nhà nước năm ", "Về thu ngân sách nhà nước: "))
    if p.parts[-1][1] == "Triển khai công tác thu ngân sách nhà nước năm ":
        p.x(str(c.y), "year").t("; ")
    p.t(b.pick("tính đến ngày ", "tính đến hết ngày ")).x(f"{c.cutoff.day}/{c.cutoff.month}/{c.y}", "date")
    fm = c.money(month, "budget.revenue.total", as_of=c.cutoff.isoformat())
    fc = c.money(cum, "budget.revenue.total", scope="cumulative", as_of=c.cutoff.isoformat())
    if c.m > 1:
        p.t(" thu được ").n(fm).t(b.pick(", lũy kế đạt ", " lũy kế đạt ", ", luỹ kế từ đầu năm đạt ")).n(fc)
        b.check_cumulative(fc, fm, c.prev_cum(code, c.mq))
    else:
        p.t(" thu được ").n(fc)
    if b.chance(0.5):
        fest = c.money(est, "budget.revenue.estimate_province", role="plan")
        pct = b.ratio(fc, fest, 1, "achievement", "budget.revenue.rate_estimate")
        p.t(", đạt ").n(pct).t(" dự toán tỉnh giao (").n(fest).t(")")
    else:
        pct = b.ratio(fc, est, 1, "achievement", "budget.revenue.rate_estimate")
        p.t(", đạt ").n(pct).t(" dự toán tỉnh giao")
    if b.chance(0.5):
        local = c.s.plan(c.u, code, c.y, plan_q) * Decimal("1.1")
        local = (local / plan_q).to_integral_value() * plan_q
        p.t("; đạt ").n(b.ratio(fc, local, 1, "achievement")).t(" dự toán phấn đấu")
    last = c.last_year(code, c.mq)[1]
    if last > 0:
        f, direction = b.change(fc, last, b.rng.choice((1, 2)))
        p.t(", " + ("tăng " if direction == "up" else "giảm ")).n(f).t(" so với cùng kỳ")
    p.t(". ")
    spend = c.flow("budget.spending.total", c.mq)[1]
    p.t(b.pick("Tổng chi ngân sách là ", "Tổng chi ngân sách lũy kế đạt ", "Chi ngân sách địa phương đạt "))
    fs = c.money(spend, "budget.spending.total", scope="cumulative")
    p.n(fs)
    _same_period(c, p, fs, c.last_year("budget.spending.total", c.mq)[1])
    merged = [link for link in c.province.predecessors(c.u) if link.kind == "merge"]
    if len(merged) >= 2 and b.chance(0.8):
        _budget_parts_note(c, p, fs, merged)
    p.t(b.pick(", đảm bảo đáp ứng các nhiệm vụ chi thường xuyên theo quy định.",
               ", đáp ứng kịp thời các nhiệm vụ chính trị của địa phương."))
    c.emit_outcomes(p, "budget")


def _budget_parts_note(c: Ctx, p: Para, total: FactSpec, links: list) -> None:  # type: ignore[type-arg]
    """Footnote: the spending split by the former units of a merged ward (seed 001)."""
    b = c.b
    note = Para()
    cells = c.province.cells_of(c.u)
    parts: list[FactSpec] = []
    remaining = total.base
    for i, link in enumerate(links):
        old = c.province.unit(link.predecessor_code)
        if i == len(links) - 1:
            value = remaining
        else:
            share = sum(x.population for x in cells if x.old_unit == old.code) / sum(x.population for x in cells)
            value = (Decimal(str(share)) * total.base / c.mq).to_integral_value() * c.mq
            remaining -= value
        f = c.money(value, "budget.spending.total", scope="cumulative")
        parts.append(f)
        est = c.s.plan(old.code, "budget.spending.total", c.y, c.mq * 10) if old.valid_to else Decimal(0)
        est = max(est, value + c.mq * 10)
        fe = c.money(est, "budget.spending.estimate", role="plan")
        f.unit_text = ""
        note.t(("; " if i else "") + f"{old.name}: ").n(f).t("/").n(fe).t(", đạt ")
        note.n(b.ratio(f, fe, 1, "achievement", "budget.spending.rate_estimate")).t(" chỉ tiêu giao")
    note.t(".")
    p.note(note)
    b.check_sum(total, parts)


def investment(c: Ctx) -> None:
    b = c.b
    p = c.para("investment")
    code = "investment.public.disbursed"
    _month, cum = c.flow(code, c.mq)
    plan = c.plan(code, c.mq * 10)
    if b.chance(0.5):
        n = 1 + poisson(1.0, c.seed, c.u, c.y, c.m, "proj")
        p.t(b.pick("Tổ chức giám sát thi công xây dựng đối với ", "Tiếp tục giám sát thi công "))
        p.n(b.count(n, "công trình", "investment.works_supervised")).t(". ")
    day = date(c.y, c.m, b.rng.choice((10, 12, 14)))
    p.t(b.pick("Lũy kế giải ngân vốn đầu tư công tính đến ngày ", "Luỹ kế giải ngân vốn đầu tư tính đến ngày "))
    c.date_ref(p, day)
    fc = c.money(cum, code, scope="cumulative", as_of=day.isoformat())
    fp = c.money(plan, "investment.public.plan", role="plan")
    fc.unit_text = ""
    p.t(" đạt ").n(fc).t("/").n(fp)
    p.t(b.pick(", tỷ lệ giải ngân đạt ", " (", ", đạt "))
    closing = ")" if p.parts[-1][1] == " (" else ""
    p.n(b.ratio(fc, fp, 2 if b.chance(0.5) else 1, "ratio_percent", "investment.public.disbursement_rate"))
    p.t(closing + ".")
    if c.m < 12 and b.chance(0.6):
        extra = (cum * Decimal("0.08") / c.mq).to_integral_value() * c.mq + c.mq
        est = c.money(cum + extra, code, scope="cumulative", estimate=True)
        p.t(" Dự kiến lũy kế giải ngân đến hết tháng ")
        c.month_ref(p)
        p.t(" đạt ").n(est).t(", tỷ lệ giải ngân đạt ")
        p.n(b.ratio(est, plan, 2, "ratio_percent", "investment.public.disbursement_rate", estimate=True)).t(".")
    c.emit_outcomes(p, "investment")


def urban_land(c: Ctx) -> None:
    b = c.b
    p = c.para("urban_land")
    p.t(b.pick("Tiếp tục thực hiện tốt công tác quản lý quy hoạch xây dựng, kiến trúc đô thị, đảm bảo trật tự "
               "đô thị, xây dựng trên địa bàn. ",
               "Tăng cường công tác quản lý trật tự xây dựng, kịp thời phát hiện, xử lý các trường hợp vi phạm. "))
    if b.chance(0.6):
        p.t("Tổ chức lấy ý kiến cộng đồng dân cư về đồ án điều chỉnh cục bộ quy hoạch chi tiết xây dựng khu dân cư ")
        p.t(b.pick("khối ", "thôn ")).x(str(b.rng.randint(1, 12)), "identifier").t(", tỷ lệ ").x("1/500", "scale")
        p.t(". ")
    permits = c.count("construction.permits")[0]
    p.t("Trong tháng đã cấp ").n(b.count(permits, "giấy phép", "construction.permits")).t(" xây dựng")
    gcn = c.count("land.certificates.households")[0]
    if gcn:
        area = Decimal(gcn * b.rng.randint(80, 400)) + Decimal(b.rng.randint(0, 9)) / 10
        p.t(b.pick("; cấp ", "; cấp mới ")).n(b.count(gcn, "GCNQSD đất", "land.certificates.households", pad=False))
        p.t(" lần đầu cho hộ gia đình, cá nhân với diện tích ")
        p.n(b.quantity(area, "m2", "area", 1, None))
    conv = c.count("land.conversion_cases")[0]
    if conv:
        area = c.s.month(c.u, "land.conversion_area", c.y, c.m, Decimal("0.1"))
        p.t(". Cho phép chuyển mục đích sử dụng đất cho ").n(b.count(conv, "trường hợp", "land.conversion_cases"))
        p.t(" với diện tích ").n(b.quantity(area, "m2", "area", 1, "land.conversion_area"))
    p.t(". ")
    handed = c.s.month(c.u, "gpmb.area_handed_over", c.y, c.m, Decimal("0.1"))
    hh = c.count("gpmb.households_handed_over")[0]
    if hh and handed > 0:
        p.t(b.pick("Tiếp tục chỉ đạo thực hiện giải phóng mặt bằng các dự án trên địa bàn",
                   "Tập trung giải quyết những khó khăn vướng mắc trong công tác bồi thường, giải phóng mặt bằng"))
        note = Para()
        paid = c.s.month(c.u, "gpmb.compensation_paid", c.y, c.m, Decimal(100000))
        projects = 1 + poisson(1.5, c.seed, c.u, c.y, c.m, "gpmbp")
        note.t("Bàn giao mặt bằng diện tích ").n(b.quantity(handed, "m2", "area", 1, "gpmb.area_handed_over", glued=True))
        note.t(" của ").n(b.count(hh, "hộ", "gpmb.households_handed_over")).t(" ảnh hưởng bởi ")
        note.n(b.count(projects, "dự án", None, pad=True))
        if paid > 0:
            note.t("; chi trả tiền bồi thường, hỗ trợ với tổng số tiền ")
            note.n(b.money(paid, "đồng", 0, "gpmb.compensation_paid"))
        note.t(".")
        p.note(note).t(". ")
    fee = Decimal(b.rng.randint(300, 6000)) * Decimal(1_000_000) + Decimal(b.rng.randint(0, 999)) * 1000
    if c.level == "district" or b.chance(0.4):
        p.t("Thu giá dịch vụ vệ sinh môi trường với tổng số tiền ").n(b.money(fee, "đồng", 0, "env.sanitation_fee"))
        p.t(". ")
    p2 = c.para("environment")
    people = Decimal(b.rng.randint(8, 60) * 100 + b.rng.randint(0, 99))
    p2.t(b.pick("Tổ chức ra quân vệ sinh môi trường, hưởng ứng ngày chủ nhật xanh với ",
                "Duy trì phong trào ngày chủ nhật xanh, ra quân dọn vệ sinh đường làng, ngõ xóm với "))
    p2.t("trên ").n(b.count(people, "lượt người", "env.cleanup_participants", approx="trên"))
    p2.t(" tham gia; duy trì kiểm tra công tác thu gom, vận chuyển rác thải sinh hoạt trên địa bàn.")
    c.emit_outcomes(p2, "urban_land", "environment")


def education(c: Ctx) -> None:
    b = c.b
    p = c.para("education")
    total = max(2, c.stock("edu.schools_total"))
    std = max(1, round(total * min(0.95, 0.55 + 0.08 * (c.y - 2023))))
    start = c.y if c.m >= 8 else c.y - 1
    if c.m in (6, 7):
        p.t("Tổ chức tổng kết năm học ").x(f"{start} - {start + 1}", "school_year")
        p.t(", bàn giao học sinh về sinh hoạt hè tại địa phương. ")
    elif c.m in (8, 9):
        p.t("Chuẩn bị các điều kiện tổ chức khai giảng năm học mới ").x(f"{start} - {start + 1}", "school_year")
        p.t(". ")
    else:
        p.t("Tiếp tục nâng cao chất lượng dạy và học năm học ").x(f"{start} - {start + 1}", "school_year")
        p.t(". ")
    fs = b.count(std, "trường", "edu.schools_standard", pad=True)
    ft = b.count(total, "trường", "edu.schools_total", pad=True)
    fs.unit_text = ""
    p.t("Duy trì ").n(fs).t("/").n(ft).t(" đạt chuẩn quốc gia")
    if b.chance(0.4):
        p.t(" (đạt ").n(b.ratio(fs, ft, 1, "ratio_percent", "edu.schools_standard_rate")).t(")")
    p.t("; duy trì phổ cập giáo dục tiểu học mức độ ").x("3", "identifier").t(".")
    c.emit_outcomes(p, "education")


def culture(c: Ctx) -> None:
    b = c.b
    p = c.para("culture")
    p.t(b.pick("Thực hiện tốt công tác tuyên truyền nhân dịp kỷ niệm các ngày lễ, sự kiện của đất nước, "
               "địa phương. ", "Công tác thông tin, tuyên truyền được duy trì thường xuyên. "))
    news = c.count("culture.news_items")[0]
    sessions = c.count("culture.propaganda_sessions")[0]
    p.t(b.pick("Trong tháng phát ", "Trong kỳ đã phát ")).n(b.count(news, "tin bài", "culture.news_items"))
    p.t(" trên hệ thống loa truyền thanh")
    if sessions:
        people = sessions * (20 + poisson(15.0, c.seed, c.u, c.y, c.m, "att"))
        p.t("; tổ chức tuyên truyền ").n(b.count(sessions, "buổi", "culture.propaganda_sessions"))
        p.t(" tại các thôn, khối với ").n(b.count(people, "lượt người", "culture.propaganda_attendance")).t(" dự")
    p.t(".")
    c.emit_outcomes(p, "culture")


def health(c: Ctx) -> None:
    b = c.b
    p = c.para("health")
    exams = c.count("health.examinations")[0] // 3
    treat = c.count("health.inpatients")[0] // 5
    p.t(b.pick("Duy trì tốt công tác chăm sóc sức khoẻ nhân dân. ", "Công tác khám, chữa bệnh được duy trì. "))
    p.t("Tổ chức khám bệnh cho nhân dân được ").n(b.count(exams, b.pick("lượt", "trường hợp"), "health.examinations"))
    p.t(", điều trị ").n(b.count(treat, "trường hợp", "health.inpatients")).t(". ")
    rate = Decimal(9300 + b.rng.randint(0, 550)) / 100
    p.t("Tỷ lệ dân số tham gia bảo hiểm y tế đạt ").n(b.pct(rate, 2, "value", "health.insurance_coverage"))
    n = 3 + poisson(8.0, c.seed, c.u, c.y, c.m, "attp")
    fa = b.count(n, "cơ sở", "health.food_safety_inspections")
    fb = b.count(n, "cơ sở", None)
    fa.unit_text = ""
    p.t("; kiểm tra ").n(fa).t("/").n(fb).t(" về vệ sinh ATTP, không có trường hợp ngộ độc thực phẩm xảy ra.")
    c.emit_outcomes(p, "health")


def social(c: Ctx) -> None:
    b = c.b
    p = c.para("social")
    p.t(b.pick("Thực hiện đầy đủ, kịp thời các chế độ, chính sách đối với người có công và đối tượng bảo trợ xã hội. ",
               "Công tác bảo trợ xã hội và người có công được quan tâm kịp thời, đầy đủ. "))
    pay = c.s.month(c.u, "social.merit_payments", c.y, c.m, Decimal(1000))
    rec = c.count("social.merit_recipients")[0]
    if rec:
        p.t("Chi trả trợ cấp NCC tháng ")
        c.month_ref(p)
        f = b.money(pay, b.pick("đồng", "đồng", "đ"), 0, "social.merit_payments")
        f.glued = b.chance(0.3)
        p.t(" với tổng kinh phí ").n(f).t("/").n(b.count(rec, "lượt người", "social.merit_recipients")).t(". ")
    gifts = c.count("social.gifts")[0]
    if gifts > 5:
        value = Decimal(gifts) * Decimal(b.rng.choice((300_000, 400_000, 500_000)))
        p.t("Tổ chức thăm hỏi, tặng ").n(b.count(gifts, "suất quà", "social.gifts"))
        p.t(" cho gia đình chính sách, hộ nghèo, hộ cận nghèo với tổng số tiền ")
        p.n(b.money(value, "triệu đồng", 1, "social.gifts_value")).t(". ")
    houses = c.count("social.houses_new")[0] + c.count("social.houses_repaired")[0]
    if houses:
        p.t("Hỗ trợ xoá nhà tạm, nhà dột nát đối với ").n(b.count(houses, "hộ gia đình", "social.houses_completed"))
        p.t(" với tổng số tiền ").n(b.money(Decimal(houses * 40_000_000), "triệu đồng", 0,
                                              "social.housing_support_money")).t(". ")
    poor, near = c.stock("social.poor_households"), c.stock("social.near_poor_households")
    p.t(b.pick("Hiện trên địa bàn còn ", "Toàn địa bàn hiện có ")).n(b.count(poor, "hộ nghèo", "social.poor_households"))
    p.t(", ").n(b.count(near, "hộ cận nghèo", "social.near_poor_households")).t(". ")
    jobs = c.count("labour.jobs_created")[0]
    p.t(b.pick("Giải quyết việc làm mới cho ", "Phối hợp giới thiệu, giải quyết việc làm cho "))
    p.n(b.count(jobs, "lao động", "labour.jobs_created")).t(".")
    c.emit_outcomes(p, "social", "labour")

