"""Section writers of commune and district reports: administration, inspection, security, justice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from baocao.synth.compose import Para, split_total
from baocao.synth.ctx import Ctx
from baocao.synth.rand import poisson

ONE = Decimal(1)


def tthc_month(c: Ctx) -> dict[str, int]:
    """Dossiers of the one-stop shop in the month, consistent with the previous month."""

    def new_of(y: int, m: int) -> tuple[int, int, int]:
        return tuple(int(c.s.month(c.u, code, y, m, ONE)) for code in  # type: ignore[return-value]
                     ("tthc.received_online", "tthc.received_direct", "tthc.received_bcci"))

    def pending_of(y: int, m: int) -> int:
        return min(int(c.s.month(c.u, "tthc.pending", y, m, ONE)), sum(new_of(y, m)) // 2)

    online, direct, bcci = new_of(c.y, c.m)
    py, pm = (c.y, c.m - 1) if c.m > 1 else (c.y - 1, 12)
    carried = pending_of(py, pm)
    pending = pending_of(c.y, c.m)
    new = online + direct + bcci
    cancelled = poisson(new / 80.0, c.seed, c.u, c.y, c.m, "cancel")
    resolved = carried + new - pending - cancelled
    late = poisson(resolved / 150.0, c.seed, c.u, c.y, c.m, "late")
    early, on_time = split_total(c.b.rng, resolved - late, [0.45, 0.55])
    overdue = poisson(pending / 12.0, c.seed, c.u, c.y, c.m, "overdue")
    return dict(online=online, direct=direct, bcci=bcci, new=new, carried=carried, received=carried + new,
                pending=pending, cancelled=cancelled, resolved=resolved, early=early, on_time=on_time,
                late=late, overdue=overdue, in_time=pending - overdue)


def admin_reform(c: Ctx) -> None:
    b = c.b
    d = tthc_month(c)
    p = c.para("admin_reform")
    p.t(b.pick("Công tác cải cách hành chính tiếp tục được quan tâm triển khai thực hiện",
               "Duy trì hiệu quả hoạt động của bộ phận “Tiếp nhận và trả kết quả” trong giải quyết thủ tục "
               "hành chính"))
    note = Para()
    style = b.rng.choice(("000", "001"))
    received = b.count(d["received"], "hồ sơ", "tthc.received", pad=False)
    resolved = b.count(d["resolved"], "hồ sơ", "tthc.resolved", pad=False)
    early = b.count(d["early"], "hồ sơ", "tthc.resolved_early", pad=False)
    on_time = b.count(d["on_time"], "hồ sơ", "tthc.resolved_on_time", pad=False)
    late = b.count(d["late"], "hồ sơ", "tthc.resolved_late")
    pending = b.count(d["pending"], "hồ sơ", "tthc.pending", pad=False)
    carried = b.count(d["carried"], "hồ sơ", "tthc.carried_over", pad=False)
    new = b.count(d["new"], "hồ sơ", "tthc.received_new", pad=False)
    if style == "000":
        note.t("Trong tháng ")
        c.month_ref(note)
        note.t(", tổng số hồ sơ tiếp nhận tại Bộ phận “Tiếp nhận và trả kết quả” là ").n(received)
        note.t(" (").n(carried).t(" kỳ trước chuyển sang; tiếp nhận mới ").n(new).t(")")
        b.check_carry(received, carried, new)
        for f in (early, on_time, late):
            f.unit_text = ""
        den = b.count(d["resolved"], "", "tthc.resolved", pad=False)
        note.t(", trong đó số hồ sơ đã giải quyết trước hạn ").n(early).t("/").n(den).t(" = ")
        note.n(b.ratio(early, den, 2, "ratio_percent", "tthc.early_rate"))
        den2 = b.count(d["resolved"], "", "tthc.resolved", pad=False)
        note.t("; đúng hạn là ").n(on_time).t("/").n(den2).t(" = ").n(b.ratio(on_time, den2, 2, "ratio_percent"))
        den3 = b.count(d["resolved"], "", "tthc.resolved", pad=False)
        note.t(", quá hạn ").n(late).t("/").n(den3).t(" chiếm ").n(b.ratio(late, den3, 2, "ratio_percent",
                                                                                  "tthc.late_rate"))
        b.check_sum(den, [early, on_time, late])
        note.t("; số hồ sơ đang trong hạn giải quyết: ").n(pending)
        note.t("; hồ sơ hủy: ").n(b.count(d["cancelled"], "", "tthc.cancelled", pad=True)).t(".")
    else:
        note.t("Trong kỳ đã tiếp nhận ").n(received).t(" (trong đó ").n(carried)
        note.t(" kỳ trước chuyển sang, ").n(new).t(" tiếp nhận mới)")
        b.check_carry(received, carried, new)
        rec2 = b.count(d["received"], "hồ sơ", "tthc.received", pad=False)
        resolved.unit_text = ""
        note.t(", đã giải quyết ").n(resolved).t("/").n(rec2).t(", trong đó giải quyết trước hạn ").n(early)
        note.t(", đúng hạn ").n(on_time).t(", quá hạn ").n(late)
        b.check_sum(resolved, [early, on_time, late])
        in_time = b.count(d["in_time"], "hồ sơ", None, pad=False)
        overdue = b.count(d["overdue"], "hồ sơ", "tthc.pending_overdue")
        note.t("; đang giải quyết ").n(pending).t(", trong hạn ").n(in_time).t(", quá hạn ").n(overdue).t(".")
        b.check_sum(pending, [in_time, overdue])
    p.note(note).t(". ")
    online = b.count(d["online"], "hồ sơ", "tthc.received_online", pad=False)
    new2 = b.count(d["new"], "hồ sơ", "tthc.received_new", pad=False)
    if d["new"]:
        p.t("Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ").n(b.ratio(online, new2, 2, "share", "tthc.online_rate"))
        p.t(" (").n(online).t("/").n(new2).t("). ")
        online.unit_text = ""
    dig = c.count("tthc.digitised")[0] // 2
    p.t("Hồ sơ TTHC đã số hóa lên Kho dữ liệu của tỉnh là ").n(b.count(dig, "hồ sơ", "tthc.digitised", pad=False))
    p.t("; tiếp tục duy trì hệ thống hội nghị truyền hình trực tuyến với ")
    p.n(b.count(1 + b.rng.randint(0, 3), "điểm cầu", "digital.video_points")).t(".")
    c.emit_outcomes(p, "admin_reform", "science_digital")


def inspection(c: Ctx) -> None:
    b = c.b
    p = c.para("inspection")
    visits = max(1, c.count("citizens.visits")[0])
    persons = visits + poisson(visits / 3.0, c.seed, c.u, c.y, c.m, "persons")
    days = sorted({b.rng.choice((1, 2, 5)), b.rng.choice((15, 16))})
    p.t(b.pick("Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được triển khai tích cực, ",
               "Duy trì lịch tiếp công dân định kỳ theo quy định, "))
    p.t("tổ chức tiếp công dân được ").n(b.count(len(days), "kỳ", None, pad=True)).t(" (vào ngày ")
    for i, day in enumerate(days):
        p.t(" và ngày " if i else "")
        c.date_ref(p, date(c.y, c.m, day))
    p.t("), đã tiếp được ")
    fv = b.count(visits, "lượt", "citizens.visits", pad=True)
    fields = split_total(b.rng, visits, [0.4, 0.35, 0.25])
    if visits >= 3 and b.chance(0.7):
        fv.unit_text = "lượt"
        fv.glued = False
        note = Para()
        labels = ("Lĩnh vực đất đai", "Lĩnh vực giải phóng mặt bằng", "Lĩnh vực khác")
        parts = [b.count(v, "lượt", "citizens.visits", pad=True) for v in fields]
        for i, (lab, f) in enumerate(zip(labels, parts, strict=False)):
            note.t(("; " if i else "") + lab + ": ").n(f)
        note.t(".")
        b.check_sum(fv, parts)
        p.n(fv).note(note).t("/").n(b.count(persons, "công dân", "citizens.persons", pad=True))
    else:
        p.n(fv).t("/").n(b.count(persons, "công dân", "citizens.persons", pad=True))
    received = max(1, c.count("complaints.received")[0] + c.count("complaints.petitions")[0])
    fr = b.count(received, "đơn", "complaints.received", pad=True)
    p.t(". Tổng số đơn tiếp nhận trong kỳ: ").n(fr)
    if received >= 2:
        note = Para()
        parts_n = split_total(b.rng, received, [0.7, 0.15, 0.15])
        parts = [b.count(v, "đơn", None, pad=True) for v in parts_n]
        note.t("Trong đó: đơn đề nghị, phản ánh, kiến nghị ").n(parts[0]).t("; đơn khiếu nại ").n(parts[1])
        note.t("; đơn tố cáo ").n(parts[2]).t(".")
        b.check_sum(fr, parts)
        p.note(note)
    done = received - poisson(received / 4.0, c.seed, c.u, c.y, c.m, "open")
    done = max(0, min(received, done))
    fd = b.count(done, "đơn", "complaints.resolved", pad=True)
    fd.unit_text = "đơn"
    fr2 = b.count(received, "đơn", "complaints.received", pad=True)
    p.t(". Đã giải quyết ").n(fd).t("/").n(fr2).t(", đạt tỷ lệ ")
    p.n(b.ratio(fd, fr2, b.rng.choice((0, 1)), "ratio_percent", "complaints.resolution_rate")).t(".")
    c.emit_outcomes(p, "inspection")


def security(c: Ctx) -> None:
    b = c.b
    p = c.para("security_defence")
    p.t(b.pick("Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn được giữ vững. ",
               "Tình hình an ninh chính trị và trật tự an toàn xã hội được đảm bảo, không để xảy ra "
               "vụ việc phức tạp. "))
    theft = c.count("security.theft_cases")[0]
    last = int(c.last_year("security.theft_cases", ONE)[0])
    if theft:
        f = b.count(theft, "vụ", "security.theft_cases", pad=True)
        p.t("Phát hiện, xử lý ").n(f).t(" trộm cắp tài sản")
        if last and last != theft:
            diff = b.count(abs(theft - last), "vụ", None, pad=False, role="absolute_change")
            pct, direction = b.change(f, Decimal(last), 0)
            word = "tăng" if direction == "up" else "giảm"
            p.t(f" ({word} ").n(diff).t(f", {word} ").n(pct).t(" so với cùng kỳ năm ").x(str(c.y - 1), "year")
            p.t(")")
        p.t(". ")
    acc, deaths, injured = (c.count(k)[0] for k in ("traffic.accidents", "traffic.deaths", "traffic.injured"))
    if acc:
        deaths = min(deaths, acc)
        p.t("Trong tháng xảy ra ").n(b.count(acc, "vụ", "traffic.accidents", pad=True)).t(" tai nạn giao thông")
        if deaths:
            p.t(", làm chết ").n(b.count(deaths, "người", "traffic.deaths", pad=True))
        if injured:
            p.t(", bị thương ").n(b.count(injured, "người", "traffic.injured", pad=True))
        p.t(". ")
    else:
        p.t("Trong tháng không xảy ra tai nạn giao thông nghiêm trọng trên địa bàn. ")
    if c.m in (2, 3):
        target = 3 + b.rng.randint(0, 40 if c.level == "district" else 6)
        done = target + (1 if b.chance(0.3) else 0)
        fd = b.count(done, "thanh niên", "defence.recruits")
        fd.unit_text = ""
        p.t("Tổ chức lễ giao quân năm ").x(str(c.y), "year").t(", hoàn thành chỉ tiêu ").n(fd).t("/")
        p.n(b.count(target, "thanh niên", "defence.recruit_target")).t(" lên đường nhập ngũ. ")
    p.t(b.pick("Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, tuần tra, kiểm soát địa bàn.",
               "Lực lượng dân quân duy trì nghiêm chế độ trực, huấn luyện theo kế hoạch."))
    c.emit_outcomes(p, "security_defence")


def interior_justice(c: Ctx) -> None:
    b = c.b
    p = c.para("interior")
    col, ind = c.count("interior.rewards_collectives")[0], c.count("interior.rewards_individuals")[0]
    p.t(b.pick("Công tác thi đua khen thưởng thực hiện đúng quy định", "Công tác thi đua, khen thưởng được quan tâm"))
    if col or ind:
        dec = 1 + (1 if col and ind and b.chance(0.5) else 0)
        p.t(", ban hành ").n(b.count(dec, "Quyết định", "interior.reward_decisions", pad=True))
        p.t(" khen thưởng đối với ")
        if col:
            p.n(b.count(col, "tập thể", "interior.rewards_collectives", pad=True)).t(", " if ind else "")
        if ind:
            p.n(b.count(ind, "cá nhân", "interior.rewards_individuals", pad=True))
        p.t(" có thành tích xuất sắc trong các phong trào thi đua")
    p.t(". ")
    births, deaths, marr = (c.count(k)[0] for k in ("justice.birth_registrations", "justice.death_registrations",
                                                       "justice.marriage_registrations"))
    p.t(b.pick("Công tác đăng ký, quản lý hộ tịch, chứng thực được duy trì thường xuyên",
               "Công tác tư pháp, hộ tịch được thực hiện đúng quy định"))
    note = Para()
    note.t("Đăng ký khai sinh ").n(b.count(births, "trường hợp", "justice.birth_registrations"))
    note.t(", khai tử ").n(b.count(deaths, "trường hợp", "justice.death_registrations"))
    note.t(", kết hôn ").n(b.count(marr, "trường hợp", "justice.marriage_registrations"))
    cert = c.count("justice.certifications")[0]
    copies = cert + poisson(cert / 3.0, c.seed, c.u, c.y, c.m, "copies")
    note.t("; chứng thực ").n(b.count(cert, "lượt", "justice.certifications", pad=False)).t("/")
    note.n(b.count(copies, "bản", None, pad=False)).t(".")
    p.note(note).t(".")
    c.emit_outcomes(p, "interior", "justice")


def ethnic_religion(c: Ctx) -> None:
    b = c.b
    p = c.para("ethnic_religion")
    p.t(b.pick("Thực hiện tốt chính sách dân tộc, tôn giáo; nắm bắt kịp thời tình hình hoạt động tín ngưỡng, "
               "tôn giáo trên địa bàn, không để phát sinh điểm nóng.",
               "Các hoạt động tín ngưỡng, tôn giáo được duy trì ổn định, đúng quy định của pháp luật; "
               "tiếp tục tuyên truyền, vận động đồng bào dân tộc thực hiện tốt chủ trương, chính sách "
               "của Đảng và pháp luật của Nhà nước."))
    c.emit_outcomes(p, "ethnic_religion")
