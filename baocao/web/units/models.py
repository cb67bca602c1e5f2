"""Administrative units (ĐVHC) and their lineage (kế thừa).

A unit is one row per code *and* validity: codes are reused (province code 15 was Yên Bái
until 2025-06-30 and is Lào Cai since), so (code, valid_from) is the identity and the
integer id is what other tables point to. `path` holds the ids from the root down
("/3/17/245/") so that "a unit and everything under it" is one indexed prefix query.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models.functions import Coalesce

from baocao.text.normalize import fold

LEVELS = (("province", "tỉnh"), ("district", "huyện"), ("commune", "xã"))
LEVEL_RANK = {"province": 1, "district": 2, "commune": 3}
LINEAGE_KINDS = (
    ("continue", "tiếp tục"),
    ("merge", "sáp nhập"),
    ("split", "chia tách"),
    ("rename", "đổi tên"),
)
OPEN_START = date(1900, 1, 1)


class Unit(models.Model):
    code = models.CharField("mã", max_length=16, db_index=True)
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("loại", max_length=40, help_text="tỉnh, thành phố, huyện, thị xã, phường, xã, đặc khu…")
    level = models.CharField("cấp", max_length=16, choices=LEVELS)
    parent = models.ForeignKey(
        "self", verbose_name="đơn vị cấp trên", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    kind_folded = models.CharField(max_length=40, editable=False)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                models.F("code"), Coalesce("valid_from", models.Value(OPEN_START)), name="unit_code_valid_from_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="unit_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.name} ({self.code})"

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name).strip()
        self.kind_folded = fold(self.kind).strip()
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
        if new_path != self.path:
            old = self.path
            self.path = new_path
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            if old:
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    Unit.objects.filter(pk=child.pk).update(path=new_path + child.path[len(old) :])

    def ancestors(self) -> list[Unit]:
        ids = [int(x) for x in self.path.strip("/").split("/") if x][:-1]
        by_id = Unit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def province(self) -> Unit | None:
        if self.level == "province":
            return self
        return next((u for u in self.ancestors() if u.level == "province"), None)


class Lineage(models.Model):
    """`unit` was formed (in part) from `predecessor`: `share` of the predecessor went into it."""

    unit = models.ForeignKey(Unit, verbose_name="đơn vị mới", on_delete=models.CASCADE, related_name="predecessor_links")
    predecessor = models.ForeignKey(
        Unit, verbose_name="đơn vị cũ", on_delete=models.CASCADE, related_name="successor_links"
    )
    share = models.FloatField("tỷ lệ kế thừa", default=1.0, help_text="phần của đơn vị cũ chuyển vào đơn vị mới (0–1)")
    kind = models.CharField("hình thức", max_length=16, choices=LINEAGE_KINDS, default="merge")
    date = models.DateField("ngày hiệu lực", null=True, blank=True)

    class Meta:
        verbose_name = "kế thừa"
        verbose_name_plural = "kế thừa"
        ordering = ["unit__code", "predecessor__code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "predecessor"], name="lineage_unique"),
            models.CheckConstraint(condition=models.Q(share__gt=0) & models.Q(share__lte=1), name="lineage_share_range"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.unit} ({self.share:g})"
