"""Invented Vietnamese place and person names (no real ward lists)."""

from __future__ import annotations

import random

FIRST = (
    "Tân", "Hòa", "Đông", "Tây", "Nam", "Bắc", "Minh", "Quang", "Hưng", "Phú", "Vĩnh", "An",
    "Bình", "Thạch", "Hồng", "Kim", "Ngọc", "Thanh", "Trường", "Xuân", "Yên", "Long", "Lộc",
    "Hoàng", "Tam", "Khánh", "Thái", "Đồng", "Chi", "Văn", "Hữu", "Mai", "Lạc", "Thiện",
    "Quảng", "Đại", "Cao", "Hải", "Tú", "Na", "Bảo", "Gia", "Phúc", "Châu", "Tràng", "Hợp",
)
SECOND = (
    "Sơn", "Hà", "Lâm", "Thành", "Phong", "Thịnh", "Lợi", "Tiến", "Hòa", "Bình", "Long",
    "Đồng", "Khê", "Lạc", "Tân", "Yên", "Lập", "Phúc", "Thủy", "Giang", "Mỹ", "Lĩnh", "Quan",
    "Hải", "Xuyên", "Trung", "Định", "Châu", "Hưng", "Nghĩa", "Lộc", "Vượng", "Cường",
    "Khang", "Điền", "Hiệp", "Mai", "Pha", "Cầm", "Thanh", "Linh", "Hội", "Kỳ", "Vân",
)
PROVINCE_FIRST = ("Lạng", "Bắc", "Cao", "Tuyên", "Thái", "Hà", "Phú", "Quảng", "Vĩnh", "Ninh")
PROVINCE_SECOND = ("Giang", "Sơn", "Bình", "Yên", "Xuyên", "Châu", "Thành", "Hòa", "Định")

FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Lương", "Nông", "Hà", "Lăng", "Chu", "Triệu", "Vi", "Mạc", "Lộc",
)
MIDDLE_M = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Tuấn", "Thanh", "Mạnh", "Xuân", "Hồng")
MIDDLE_F = ("Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Thúy", "Bích")
GIVEN_M = ("Hạnh", "Trung", "Anh", "Dũng", "Hùng", "Hiếu", "Thắng", "Cường", "Tuấn", "Bình",
           "Sơn", "Nam", "Khánh", "Long", "Hải", "Quân", "Toàn", "Thành", "Phong", "Lâm")
GIVEN_F = ("Lan", "Mai", "Hà", "Phương", "Thủy", "Hương", "Hằng", "Nga", "Linh", "Yến")


def place_name(rng: random.Random, taken: set[str]) -> str:
    """A two-syllable place name not in `taken` (added to it)."""
    for _ in range(1000):
        a, b = rng.choice(FIRST), rng.choice(SECOND)
        if a == b:
            continue
        name = f"{a} {b}"
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of place names")


def province_name(rng: random.Random) -> str:
    return f"{rng.choice(PROVINCE_FIRST)} {rng.choice(PROVINCE_SECOND)}"


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
