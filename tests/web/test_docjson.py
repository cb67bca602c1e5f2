"""The fast document JSON is exactly the core's `Document.to_dict()`."""

from __future__ import annotations

import pytest

from baocao.config import Config
from baocao.pipeline import analyze_bytes
from baocao.web.reports.docjson import document_dict
from tests.conftest import SEEDS
from tests.web.conftest import report_text


def documents() -> list[tuple[str, bytes]]:
    from baocao.synth.world import make_province
    from baocao.synth.writer import render_report

    province = make_province(4, 3)
    ward = next(u for u in province.units if u.level == "commune" and u.valid_from)
    docs = [("mau.txt", report_text().encode("utf-8")),
            ("synth.txt", render_report(province, ward.code, 2025, 9, 3).text.encode("utf-8"))]
    if SEEDS.is_dir():
        docs += [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    else:
        print(f"SEEDS MISSING: {SEEDS}; comparing on synthetic reports only")
    return docs


@pytest.mark.parametrize(("name", "data"), documents())
def test_document_dict_equals_to_dict(name: str, data: bytes) -> None:
    doc = analyze_bytes(data, name, Config(), upto="parse").document
    assert document_dict(doc) == doc.to_dict()
