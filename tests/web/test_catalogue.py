"""The indicator catalogue: loaded from the core's data file, editable in the Django admin, and an
admin's edit survives loading the file again."""

from __future__ import annotations

import json

import pytest
import yaml

from baocao.web.audit.models import AuditEntry
from baocao.web.indicators.catalogue import catalogue_path, load_catalogue
from baocao.web.indicators.models import Indicator

pytestmark = pytest.mark.django_db


def test_the_catalogue_holds_every_indicator_of_the_data_file(world: dict) -> None:
    items = yaml.safe_load(catalogue_path().read_text(encoding="utf-8"))
    assert Indicator.objects.count() == len(items)
    rate = Indicator.objects.get(code="budget.revenue.rate_estimate")
    assert (rate.ratio_numerator, rate.ratio_denominator, rate.aggregate_units) == (
        "budget.revenue.total", "budget.revenue.estimate_province", "ratio")
    again = load_catalogue()
    assert (again.created, again.updated) == (0, 0)


def test_an_admin_edit_is_audited_and_kept_when_the_file_is_loaded_again(world: dict) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    admin = get_user_model().objects.create_superuser("root", password="mat-khau-quan-tri")
    client = Client()
    client.force_login(admin)
    ind = Indicator.objects.get(code="docs.incoming")
    data = {f: getattr(ind, f) for f in ("code", "name", "sector", "dimension", "unit", "display_unit",
                                        "aggregate_units", "aggregate_time", "ratio_numerator", "ratio_denominator")}
    data.update(name="Văn bản đến (đã sửa)", levels=json.dumps(ind.levels), phrases=json.dumps(ind.phrases),
                key="on", active="on")
    r = client.post(f"/admin/indicators/indicator/{ind.pk}/change/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    ind.refresh_from_db()
    assert ind.name == "Văn bản đến (đã sửa)" and ind.edited and ind.key
    entry = AuditEntry.objects.get(action="indicator.update")
    assert entry.actor_label == "root" and entry.old["name"] == "Văn bản đến"
    summary = load_catalogue()
    assert summary.kept == 1
    assert Indicator.objects.get(code="docs.incoming").name == "Văn bản đến (đã sửa)"
