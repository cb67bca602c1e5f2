"""Prose without figures: direction, assessment, tasks of the next month and their outcomes."""

from __future__ import annotations

from dataclasses import dataclass

from baocao.synth.rand import rng_for
from baocao.synth.world import SynthUnit


@dataclass(frozen=True)
class TaskTemplate:
    key: str
    sector: str
    text: str  # the planned task as printed in the "NHIỆM VỤ TRỌNG TÂM" list
    done: str  # how the next report says it was done (paraphrased)
    in_progress: str  # how the next report says it is under way
    levels: tuple[str, ...] = ("province", "district", "commune")


TASKS: tuple[TaskTemplate, ...] = (
    TaskTemplate("agri.crops", "agriculture",
                 "Tập trung chỉ đạo gieo trồng, chăm sóc cây trồng đúng khung thời vụ; chủ động phòng, chống "
                 "dịch bệnh trên cây trồng, vật nuôi, nhất là bệnh dịch tả lợn Châu Phi.",
                 "Đã hoàn thành chỉ đạo gieo trồng, chăm sóc cây trồng theo đúng khung thời vụ; dịch bệnh trên "
                 "cây trồng, vật nuôi được kiểm soát.",
                 "Tiếp tục chỉ đạo chăm sóc cây trồng và triển khai các biện pháp phòng, chống dịch bệnh trên "
                 "vật nuôi."),
    TaskTemplate("agri.forest", "agriculture",
                 "Thực hiện tốt công tác trồng rừng, quản lý, bảo vệ rừng và phòng cháy, chữa cháy rừng.",
                 "Công tác trồng rừng, quản lý, bảo vệ rừng đã được thực hiện đạt kế hoạch, không để xảy ra "
                 "cháy rừng lớn.",
                 "Đang tiếp tục triển khai trồng rừng và tăng cường tuần tra bảo vệ rừng, phòng cháy rừng."),
    TaskTemplate("budget.revenue", "budget",
                 "Triển khai quyết liệt các giải pháp thu ngân sách nhà nước, chống thất thu; điều hành chi "
                 "ngân sách chặt chẽ, tiết kiệm, đúng dự toán.",
                 "Đã triển khai đồng bộ các giải pháp thu ngân sách, chống thất thu; chi ngân sách được điều "
                 "hành chặt chẽ, đúng dự toán.",
                 "Các giải pháp tăng thu, chống thất thu ngân sách đang được tiếp tục triển khai."),
    TaskTemplate("invest.disburse", "investment",
                 "Đôn đốc các chủ đầu tư, nhà thầu đẩy nhanh tiến độ thi công và giải ngân vốn đầu tư công.",
                 "Đã đôn đốc các chủ đầu tư, nhà thầu đẩy nhanh tiến độ thi công, hoàn thiện hồ sơ giải ngân "
                 "vốn đầu tư công.",
                 "Việc đôn đốc đẩy nhanh tiến độ thi công, giải ngân vốn đầu tư công đang được tiếp tục "
                 "thực hiện."),
    TaskTemplate("land.gpmb", "urban_land",
                 "Tập trung tháo gỡ khó khăn, vướng mắc trong công tác bồi thường, giải phóng mặt bằng các dự "
                 "án trọng điểm.",
                 "Các khó khăn, vướng mắc trong bồi thường, giải phóng mặt bằng các dự án trọng điểm đã được "
                 "tháo gỡ cơ bản.",
                 "Công tác giải phóng mặt bằng các dự án trọng điểm đang được tập trung tháo gỡ vướng mắc."),
    TaskTemplate("land.certificates", "urban_land",
                 "Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân.",
                 "Việc cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân đã được đẩy "
                 "nhanh theo kế hoạch.",
                 "Đang tiếp tục rà soát, hoàn thiện hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu."),
    TaskTemplate("urban.order", "urban_land",
                 "Tăng cường kiểm tra trật tự xây dựng, trật tự đô thị; xử lý nghiêm các trường hợp lấn chiếm "
                 "vỉa hè, lòng đường.",
                 "Đã tổ chức các đợt kiểm tra trật tự xây dựng, trật tự đô thị và xử lý các trường hợp lấn "
                 "chiếm vỉa hè, lòng đường.",
                 "Việc kiểm tra, xử lý vi phạm trật tự đô thị, lấn chiếm vỉa hè đang được duy trì thường "
                 "xuyên."),
    TaskTemplate("edu.school_year", "education",
                 "Chuẩn bị tốt cơ sở vật chất, đội ngũ giáo viên, bảo đảm các điều kiện cho năm học mới.",
                 "Cơ sở vật chất, đội ngũ giáo viên đã được chuẩn bị đầy đủ, bảo đảm các điều kiện cho năm "
                 "học mới.",
                 "Đang tiếp tục rà soát, bổ sung cơ sở vật chất và đội ngũ giáo viên cho năm học mới."),
    TaskTemplate("health.prevention", "health",
                 "Tăng cường giám sát, phòng, chống dịch bệnh; bảo đảm an toàn thực phẩm trên địa bàn.",
                 "Công tác giám sát, phòng, chống dịch bệnh đã được tăng cường, không để xảy ra ngộ độc thực "
                 "phẩm trên địa bàn.",
                 "Tiếp tục duy trì giám sát dịch bệnh và kiểm tra an toàn thực phẩm tại các cơ sở."),
    TaskTemplate("social.policy", "social",
                 "Thực hiện đầy đủ, kịp thời chế độ, chính sách đối với người có công, đối tượng bảo trợ xã "
                 "hội; tổ chức thăm hỏi, tặng quà các gia đình chính sách.",
                 "Đã chi trả đầy đủ, kịp thời chế độ cho người có công, đối tượng bảo trợ xã hội và tổ chức "
                 "thăm hỏi, tặng quà các gia đình chính sách.",
                 "Việc chi trả chế độ, chính sách và thăm hỏi các gia đình chính sách đang được triển khai."),
    TaskTemplate("social.housing", "social",
                 "Hoàn thành mục tiêu xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo trên địa bàn.",
                 "Đã hoàn thành mục tiêu xóa nhà tạm, nhà dột nát cho các hộ nghèo, hộ cận nghèo trên địa bàn.",
                 "Chương trình xóa nhà tạm, nhà dột nát đang được đẩy nhanh để về đích đúng hạn."),
    TaskTemplate("admin.online", "admin_reform",
                 "Nâng cao chất lượng giải quyết thủ tục hành chính, tăng tỷ lệ hồ sơ trực tuyến và thanh toán "
                 "trực tuyến.",
                 "Chất lượng giải quyết thủ tục hành chính được nâng lên; tỷ lệ hồ sơ trực tuyến và thanh toán "
                 "trực tuyến tăng so với tháng trước.",
                 "Tiếp tục hướng dẫn người dân nộp hồ sơ và thanh toán trực tuyến khi giải quyết thủ tục "
                 "hành chính."),
    TaskTemplate("digital.platforms", "science_digital",
                 "Duy trì vận hành an toàn, thông suốt các nền tảng số, hệ thống thông tin dùng chung.",
                 "Các nền tảng số, hệ thống thông tin dùng chung được vận hành an toàn, thông suốt.",
                 "Đang tiếp tục rà soát, bảo đảm an toàn thông tin cho các nền tảng số dùng chung."),
    TaskTemplate("inspection.citizens", "inspection",
                 "Làm tốt công tác tiếp công dân, giải quyết kịp thời đơn khiếu nại, tố cáo, không để phát sinh "
                 "điểm nóng.",
                 "Công tác tiếp công dân được duy trì; các đơn khiếu nại, tố cáo đã được giải quyết kịp thời, "
                 "không phát sinh điểm nóng.",
                 "Đang tiếp tục xem xét, giải quyết các đơn khiếu nại, tố cáo còn tồn đọng."),
    TaskTemplate("security.order", "security_defence",
                 "Bảo đảm an ninh chính trị, trật tự an toàn xã hội; tăng cường tuần tra, kiểm soát, kiềm chế "
                 "tai nạn giao thông.",
                 "An ninh chính trị, trật tự an toàn xã hội được giữ vững; công tác tuần tra, kiểm soát giao "
                 "thông được tăng cường.",
                 "Tiếp tục duy trì tuần tra, kiểm soát, kiềm chế tai nạn giao thông trên địa bàn."),
    TaskTemplate("security.recruit", "security_defence",
                 "Chuẩn bị tốt các điều kiện cho công tác tuyển chọn, gọi công dân nhập ngũ.",
                 "Đã hoàn thành các bước chuẩn bị cho công tác tuyển chọn, gọi công dân nhập ngũ.",
                 "Công tác rà soát, sơ tuyển công dân trong độ tuổi nhập ngũ đang được triển khai."),
    TaskTemplate("interior.emulation", "interior",
                 "Đẩy mạnh các phong trào thi đua, kịp thời khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
                 "Các phong trào thi đua được đẩy mạnh; đã kịp thời khen thưởng các tập thể, cá nhân có thành "
                 "tích xuất sắc.",
                 "Tiếp tục phát động các phong trào thi đua và hoàn thiện hồ sơ khen thưởng."),
    TaskTemplate("trade.market", "trade_tourism",
                 "Tăng cường kiểm tra, kiểm soát thị trường, chống buôn lậu, gian lận thương mại và hàng giả.",
                 "Công tác kiểm tra, kiểm soát thị trường, chống buôn lậu, gian lận thương mại đã được tăng "
                 "cường.",
                 "Các lực lượng chức năng đang tiếp tục kiểm tra, kiểm soát thị trường, chống hàng giả."),
    TaskTemplate("border.clearance", "border_economy",
                 "Tạo thuận lợi cho hoạt động thông quan hàng hóa tại các cửa khẩu, tháo gỡ khó khăn cho doanh "
                 "nghiệp xuất nhập khẩu.", "Hoạt động thông quan hàng hóa tại các cửa khẩu đã được tạo thuận lợi, "
                 "các khó khăn của doanh nghiệp xuất nhập khẩu được tháo gỡ kịp thời.",
                 "Tiếp tục phối hợp tháo gỡ khó khăn, nâng cao năng lực thông quan tại các cửa khẩu.",
                 ("province",)),
    TaskTemplate("enterprise.support", "enterprise",
                 "Tổ chức hội nghị đối thoại, tháo gỡ khó khăn cho doanh nghiệp, hợp tác xã.",
                 "Đã tổ chức hội nghị đối thoại với doanh nghiệp, hợp tác xã, tiếp thu và tháo gỡ các kiến "
                 "nghị.", "Việc chuẩn bị hội nghị đối thoại với doanh nghiệp, hợp tác xã đang được triển khai.",
                 ("province",)),
)

STRENGTHS = (
    "{committee} đã tập trung chỉ đạo quyết liệt, đồng bộ, toàn diện trên các lĩnh vực phát triển kinh tế - xã "
    "hội; các chỉ tiêu chủ yếu cơ bản đạt tiến độ kế hoạch.",
    "Tình hình kinh tế - xã hội tiếp tục ổn định; công tác an sinh xã hội được quan tâm, đời sống Nhân dân "
    "được cải thiện; quốc phòng, an ninh được giữ vững.",
    "Công tác cải cách hành chính, chuyển đổi số tiếp tục được đẩy mạnh; các vụ việc khiếu nại, tố cáo được "
    "giải quyết theo đúng trình tự quy định.",
)
WEAKNESSES = (
    "Công tác giải phóng mặt bằng một số dự án còn chậm; tình trạng lấn chiếm vỉa hè, lòng đường vẫn còn "
    "xảy ra.",
    "Tiến độ giải ngân vốn đầu tư công chưa đạt yêu cầu; một số cán bộ, công chức còn lúng túng trong thực "
    "hiện nhiệm vụ.",
    "Dịch bệnh trên đàn vật nuôi còn diễn biến phức tạp; thời tiết bất lợi ảnh hưởng đến sản xuất và đời "
    "sống của Nhân dân.",
)
OFFICES = ("Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội",
           "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công")

DIRECTION = (
    "{committee} tiếp tục chỉ đạo triển khai thực hiện đồng bộ, quyết liệt các mục tiêu, nhiệm vụ, giải pháp "
    "phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {year}; các nhiệm vụ trọng tâm của tháng.",
    "Chỉ đạo các cơ quan chuyên môn tổng hợp các nhiệm vụ, công việc, công trình, dự án đang thực hiện, "
    "kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Chỉ đạo thực hiện tốt công tác y tế dự phòng, khám chữa bệnh cho Nhân dân; tăng cường kiểm tra công tác "
    "bảo đảm an toàn vệ sinh thực phẩm trên địa bàn.",
    "Nâng cao chất lượng công tác tiếp công dân, gắn tiếp công dân với việc xử lý, giải quyết đề nghị, kiến "
    "nghị, phản ánh của công dân.",
    "Chỉ đạo đẩy mạnh các biện pháp bảo đảm trật tự, an toàn giao thông; tăng cường công tác phòng, chống "
    "cháy nổ và quản lý trật tự đô thị.",
)


def plan_tasks(unit: SynthUnit, year: int, month: int, seed: int) -> list[TaskTemplate]:
    """The key tasks a unit plans for the month after (year, month); stable for the seed."""
    rng = rng_for("tasks", seed, unit.code, year, month)
    pool = [t for t in TASKS if unit.level in t.levels]
    n = rng.randint(4, 7) if unit.level != "province" else rng.randint(6, 9)
    return rng.sample(pool, min(n, len(pool)))


def task_status(unit_code: str, year: int, month: int, seed: int, key: str) -> str:
    """Whether the task `key` planned in (year, month) was reported done in the next report."""
    rng = rng_for("outcome", seed, unit_code, year, month, key)
    r = rng.random()
    return "done" if r < 0.45 else ("in_progress" if r < 0.8 else "not_mentioned")
