"""Shape checks of the packaged data files (catalogue, word lists, units)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "baocao" / "data"

DIMENSIONS = {"money", "count", "percent", "area", "mass", "volume", "length", "energy", "duration", "other"}
AGG_UNITS = {"sum", "average", "last", "max", "ratio", "none"}
AGG_TIME = {"sum", "last", "average", "ratio"}
LEVELS = {"province", "district", "commune"}
BASE_UNITS = {"money": {"VND", "USD"}, "percent": {"%"}, "area": {"m2"}, "mass": {"kg"},
              "volume": {"m3"}, "length": {"m"}, "energy": {"kWh"}}


def nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def load_yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def word_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def sectors() -> list[dict[str, Any]]:
    data = load_yaml("sectors.yaml")
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def indicators() -> list[dict[str, Any]]:
    data = load_yaml("indicators.yaml")
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def count_nouns() -> list[str]:
    return word_lines("count_nouns.txt")


def test_sectors_shape(sectors: list[dict[str, Any]]) -> None:
    codes = [s["code"] for s in sectors]
    assert len(codes) == len(set(codes))
    assert "other" in codes
    for s in sectors:
        assert s["code"].isascii() and s["code"] == s["code"].lower()
        assert s["name"] and nfc(s["name"])
        assert isinstance(s["headings"], list)
        for h in s["headings"]:
            assert h and nfc(h) and h == h.lower()


def test_indicators_shape(
    indicators: list[dict[str, Any]], sectors: list[dict[str, Any]], count_nouns: list[str]
) -> None:
    assert len(indicators) >= 90
    sector_codes = {s["code"] for s in sectors}
    codes = [i["code"] for i in indicators]
    assert len(codes) == len(set(codes))
    by_code = {i["code"]: i for i in indicators}
    nouns = set(count_nouns)
    for ind in indicators:
        code = ind["code"]
        assert code.isascii() and code == code.lower() and "." in code, code
        assert ind["name"] and nfc(ind["name"]), code
        assert ind["sector"] in sector_codes, code
        assert ind["dimension"] in DIMENSIONS, code
        assert ind["aggregate_units"] in AGG_UNITS, code
        assert ind["aggregate_time"] in AGG_TIME, code
        assert set(ind["levels"]) <= LEVELS and ind["levels"], code
        assert isinstance(ind["key"], bool), code
        assert ind["display_unit"] and nfc(ind["display_unit"]), code
        if ind["dimension"] in BASE_UNITS:
            assert ind["unit"] in BASE_UNITS[ind["dimension"]], code
        if ind["dimension"] == "count":
            assert ind["unit"] in nouns, (code, ind["unit"])
        is_ratio = "ratio" in (ind["aggregate_units"], ind["aggregate_time"])
        assert is_ratio == ("ratio_of" in ind), code
        if is_ratio:
            num, den = ind["ratio_of"]
            assert num in by_code and den in by_code and num != den, code
            assert ind["dimension"] == "percent", code
        for link in ("amount_of", "share_of"):
            if link in ind:
                assert by_code[ind[link]]["dimension"] == "count", code
        if "share_of" in ind:
            assert ind["dimension"] == "percent", code
        phrases = ind["phrases"]
        assert phrases and len(phrases) == len(set(phrases)), code
        for p in phrases:
            assert isinstance(p, str) and p.strip() == p and p and nfc(p), (code, p)
    keys = [i for i in indicators if i["key"]]
    assert 12 <= len(keys) <= 20


def test_count_nouns(count_nouns: list[str]) -> None:
    assert len(count_nouns) >= 150
    assert len(count_nouns) == len(set(count_nouns))
    for noun in count_nouns:
        assert noun == noun.lower() == noun.strip() and nfc(noun), noun


def test_misspellings() -> None:
    text = (DATA / "misspellings.tsv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# wrong\tright"
    pairs = [line.split("\t") for line in word_lines("misspellings.tsv")]
    assert len(pairs) >= 90
    wrongs = [p[0] for p in pairs]
    assert len(wrongs) == len(set(wrongs))
    rights = {p[1] for p in pairs}
    for pair in pairs:
        assert len(pair) == 2, pair
        wrong, right = pair
        assert wrong and right and wrong != right, pair
        assert nfc(wrong) and nfc(right), pair
        assert wrong not in rights, pair


def test_abbreviations() -> None:
    rows = [line.split("\t") for line in word_lines("abbreviations.tsv")]
    assert len(rows) >= 60
    abbrs = [r[0] for r in rows]
    assert len(abbrs) == len(set(abbrs))
    for row in rows:
        assert len(row) == 2 and row[0] and row[1] and nfc(row[1]), row
    for required in ("UBND", "HĐND", "NSNN", "GPMB", "TTHC", "GCNQSDĐ", "BHYT", "OCOP"):
        assert required in abbrs


def test_admin_units() -> None:
    with (DATA / "admin_units.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["code", "name", "kind", "level", "parent_code", "valid_from", "valid_to"]
    keys = [(r["code"], r["valid_from"]) for r in rows]
    assert len(keys) == len(set(keys))

    def in_force(day: str) -> list[dict[str, str]]:
        return [r for r in rows if (not r["valid_from"] or r["valid_from"] <= day)
                and (not r["valid_to"] or r["valid_to"] >= day)]

    after = in_force("2025-07-01")
    assert len(after) == 34
    cities = {r["name"] for r in after if r["kind"] == "thành phố"}
    assert cities == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    assert len(in_force("2025-06-30")) == 63
    assert any(r["code"] == "20" and r["name"] == "Lạng Sơn" and not r["valid_to"] for r in rows)
    for r in rows:
        assert r["kind"] in ("tỉnh", "thành phố") and r["level"] == "province"
        assert nfc(r["name"]) and len(r["code"]) == 2
