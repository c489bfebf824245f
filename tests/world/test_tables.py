from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from pypinyin import lazy_pinyin

from multipriv.world import identifiers as ids
from multipriv.world.tables import common, en, zh
from multipriv.world.tables.records import Bi

CJK = re.compile(r"[\u4e00-\u9fff]")


def is_bi(x: Any) -> bool:
    return isinstance(x, tuple) and len(x) == 2 and all(isinstance(s, str) for s in x)


def all_bis(obj: Any) -> Iterator[Bi]:
    """Every (en, zh) pair reachable from a table, through tuples, dicts and dataclasses."""
    if is_bi(obj):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from all_bis(v)
    elif isinstance(obj, tuple):
        for v in obj:
            yield from all_bis(v)
    elif hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            yield from all_bis(getattr(obj, name))


def table_names(module: Any) -> list[str]:
    """Bilingual tables of a module; SURNAMES pairs are (hanzi, pinyin), not (en, zh)."""
    return [n for n in module.__all__ if n.isupper() and n != "SURNAMES"]


@pytest.mark.parametrize("module", [common, zh, en], ids=["common", "zh", "en"])
def test_every_bi_is_complete(module: Any) -> None:
    count = 0
    for name in table_names(module):
        for en_text, zh_text in all_bis(getattr(module, name)):
            count += 1
            assert en_text.strip() and zh_text.strip(), (name, en_text, zh_text)
            assert not CJK.search(en_text), (name, en_text)
    assert count > 20


def test_zh_sides_are_chinese() -> None:
    """Chinese renderings contain hanzi, except brand-like values that are Latin in both (SUV, model names)."""
    latin_ok = {"SUV"}
    tables: list[Any] = [
        common.EDUCATION, common.MARITAL_STATUS, common.OCCUPATIONS, common.CONDITIONS, common.FINGERPRINT_CLASSES,
        common.CABINS, common.DEVICE_KINDS, common.VEHICLE_TYPES, common.VEHICLE_COLORS, common.PURCHASE_ITEMS,
        common.RELATION_NAMES, common.GENDER, common.NATIONALITY, common.COUNTRY, zh.CITIES, zh.STREET_STEMS,
        zh.STREET_SUFFIXES, zh.COMPOUND_NAMES, zh.ETHNICITIES, zh.EMPLOYER_STEMS, zh.INDUSTRY_SUFFIXES, zh.BANKS,
        zh.HOSPITAL_PATTERNS, zh.AIRLINES, zh.STORES, zh.FREQUENT_PLACE_PATTERNS, en.STATES, en.STREET_TYPES,
        en.ETHNICITIES, en.INDUSTRY_SUFFIXES, en.BANKS, en.HOSPITAL_PATTERNS, en.AIRLINES, en.STORES,
        en.FREQUENT_PLACE_PATTERNS,
    ]
    for table in tables:
        for en_text, zh_text in all_bis(table):
            if en_text in latin_ok or re.fullmatch(r"[A-Z0-9 ./-]+", en_text):
                continue
            assert CJK.search(zh_text), (en_text, zh_text)


# ---- zh geography -------------------------------------------------------------------------------------------


def test_cn_cities_cover_enough_provinces() -> None:
    assert len(zh.CITIES) >= 16
    assert len({c.province for c in zh.CITIES}) >= 12
    assert len({c.city for c in zh.CITIES}) == len(zh.CITIES)
    assert len({(c.province_abbr, c.plate_letter) for c in zh.CITIES}) == len(zh.CITIES)


def test_cn_district_codes_and_postcodes() -> None:
    codes = []
    for city in zh.CITIES:
        assert len(city.districts) >= 2, city.city
        prefix = zh.PROVINCE_PREFIX[city.province[1]]
        for d in city.districts:
            assert re.fullmatch(r"\d{6}", d.code), d
            assert d.code.startswith(prefix), (city.city, d)
            assert d.code[:4] == city.districts[0].code[:4], (city.city, d)  # one prefecture per city
            assert re.fullmatch(r"\d{6}", d.postcode), d
            assert CJK.search(d.name[1]) and d.name[1][-1] in "区"
            codes.append(d.code)
    assert len(codes) == len(set(codes))


def test_cn_known_codes() -> None:
    by_name = {(c.city[1], d.name[1]): d.code for c in zh.CITIES for d in c.districts}
    assert by_name[("杭州市", "西湖区")] == "330106"
    assert by_name[("北京市", "朝阳区")] == "110105"
    assert by_name[("深圳市", "南山区")] == "440305"


def test_cn_municipalities_are_their_own_province() -> None:
    abbr = {"北京市": "京", "上海市": "沪", "天津市": "津", "重庆市": "渝"}
    for city in zh.CITIES:
        if city.city[1] in abbr:
            assert city.province == city.city and city.province_abbr == abbr[city.city[1]]


def test_cn_cities_make_valid_plates_and_ids() -> None:
    rng = random.Random(0)
    for city in zh.CITIES:
        assert re.fullmatch(r"[A-Z]{3}", city.airport[0])
        assert city.station[1].endswith("站")
        plate = ids.make_cn_plate(rng, city.province_abbr, city.plate_letter)
        assert ids.cn_plate_region(plate) == (city.province_abbr, city.plate_letter)
    assert {(c.city[0], c.plate_letter) for c in zh.CITIES} >= {("Hangzhou", "A"), ("Ningbo", "B"),
                                                                ("Suzhou", "E"), ("Shenzhen", "B")}


# ---- zh names and institutions ------------------------------------------------------------------------------

POLYPHONIC = set("单解曾朴仇区查覃盖缪尉翟乐长重行朝和强娜莎茜露乾传藏薄都会奇石")


def test_surnames() -> None:
    assert len(zh.SURNAMES) >= 60
    hanzi = [h for h, _ in zh.SURNAMES]
    assert len(hanzi) == len(set(hanzi))
    for h, p in zh.SURNAMES:
        assert len(h) == 1 and h not in POLYPHONIC
        assert re.fullmatch(r"[A-Z][a-z]+", p)
        assert lazy_pinyin(h)[0] == p.lower(), (h, p)


def test_given_name_characters() -> None:
    for pool in (zh.GIVEN_CHARS_F, zh.GIVEN_CHARS_M):
        assert len(pool) >= 60
    every = zh.GIVEN_CHARS_F + zh.GIVEN_CHARS_M + zh.GIVEN_CHARS_ANY
    assert len(every) == len(set(every)), [c for c, n in Counter(every).items() if n > 1]
    assert all(len(c) == 1 and CJK.match(c) and c not in POLYPHONIC for c in every)


@pytest.mark.parametrize("table", ["STREET_STEMS", "EMPLOYER_STEMS"])
def test_stems_have_matching_pinyin(table: str) -> None:
    stems: tuple[Bi, ...] = getattr(zh, table)
    assert len({s[1] for s in stems}) == len(stems)
    for pinyin, hanzi in stems:
        assert len(hanzi) == 2
        assert "".join(lazy_pinyin(hanzi)) == pinyin.lower(), (pinyin, hanzi)


def test_ethnicities() -> None:
    for table in (zh.ETHNICITIES, en.ETHNICITIES):
        names = [n for n, _ in table]
        assert len(names) == len(set(names)) and all(w > 0 for _, w in table)
    assert zh.ETHNICITIES[0][0] == ("Han", "汉族") and 0.85 < zh.ETHNICITIES[0][1] < 0.95
    assert len(zh.ETHNICITIES) >= 9
    assert all(n[1].endswith("族") for n, _ in zh.ETHNICITIES)


def test_institution_tables_sizes_and_uniqueness() -> None:
    sizes = {"BANKS": 5, "HOSPITAL_PATTERNS": 4, "AIRLINES": 3, "STORES": 8, "FREQUENT_PLACE_PATTERNS": 4}
    for module in (zh, en):
        for name, least in sizes.items():
            table = getattr(module, name)
            assert len(table) >= least and len(set(table)) == len(table), (module.__name__, name)
        codes = [a.code for a in module.AIRLINES]
        assert all(re.fullmatch(r"[A-Z0-9]{2}", c) for c in codes) and len(set(codes)) == len(codes)
        for en_p, zh_p in module.HOSPITAL_PATTERNS:
            assert "{city}" in en_p and "{city}" in zh_p
        for en_p, zh_p in module.FREQUENT_PLACE_PATTERNS:
            assert "{district}" in en_p and "{district}" in zh_p


def test_industry_keys_are_shared() -> None:
    keys = set(common.INDUSTRIES)
    assert set(zh.INDUSTRY_SUFFIXES) == keys == set(en.INDUSTRY_SUFFIXES)
    assert {o.industry for o in common.OCCUPATIONS} <= keys


# ---- en geography -------------------------------------------------------------------------------------------


def test_us_states() -> None:
    assert len(en.STATES) >= 8
    assert len({s.abbr for s in en.STATES}) == len(en.STATES) == len({s.fips for s in en.STATES})
    zips: list[str] = []
    for state in en.STATES:
        assert re.fullmatch(r"[A-Z]{2}", state.abbr) and re.fullmatch(r"\d{2}", state.fips)
        assert state.name[1].endswith("州") and len(state.cities) >= 2
        assert state.abbr in ids.US_LICENSE_FORMATS and state.abbr in ids.US_PLATE_FORMATS
        for city in state.cities:
            assert len(city.zips) >= 3 and all(re.fullmatch(r"\d{5}", z) for z in city.zips)
            assert city.area_codes and all(re.fullmatch(r"[2-9]\d\d", a) for a in city.area_codes)
            assert re.fullmatch(r"[A-Z]{3}", city.airport[0])
            assert city.county[0].endswith("County")
            zips += city.zips
    assert len(zips) == len(set(zips))


def test_us_streets() -> None:
    assert len(set(en.STREET_WORDS)) == len(en.STREET_WORDS) >= 12
    assert ("Court", "苑") in en.STREET_TYPES


# ---- common -------------------------------------------------------------------------------------------------


def test_education_and_status() -> None:
    assert [e[1] for e in common.EDUCATION] == ["高中", "大专", "本科", "硕士研究生", "博士研究生"]
    assert len(common.MARITAL_STATUS) == 4
    assert set(common.GENDER) == {"F", "M"} and set(common.NATIONALITY) == set(common.COUNTRY) == {"zh", "en"}
    assert set(common.RELATION_NAMES) == {"spouse", "family", "colleague", "friend"}


def test_occupations() -> None:
    assert len(common.OCCUPATIONS) >= 20
    assert len({o.title for o in common.OCCUPATIONS}) == len(common.OCCUPATIONS)
    for o in common.OCCUPATIONS:
        assert 0 <= o.min_education < len(common.EDUCATION)
        assert 0 < o.base_cny[0] < o.base_cny[1] and 0 < o.base_usd[0] < o.base_usd[1], o.title

    def mid(title: str, currency: str) -> float:
        o = next(o for o in common.OCCUPATIONS if o.title[0] == title)
        lo, hi = o.base_cny if currency == "cny" else o.base_usd
        return (lo + hi) / 2

    for cur in ("cny", "usd"):
        order = [mid(t, cur) for t in ("Surgeon", "Software engineer", "Secondary school teacher", "Cashier")]
        assert order == sorted(order, reverse=True), cur


def test_conditions() -> None:
    """Shape of the condition table (the decision behaviour is tested in test_medical.py)."""
    assert 16 <= len(common.CONDITIONS) <= 24
    assert len({c.diagnosis[0] for c in common.CONDITIONS}) == len(common.CONDITIONS)
    assert len({c.diagnosis[1] for c in common.CONDITIONS}) == len(common.CONDITIONS)
    assert common.DIAGNOSES_BY_MEDICATION["Metformin"][0] == ("Type 2 diabetes mellitus", "2型糖尿病")
    rng = random.Random(1)
    for c in common.CONDITIONS:
        assert c.diagnosis in common.DIAGNOSES_BY_MEDICATION[c.medication[0]]
        assert 2 <= len(c.findings) <= 3
        slots = {f"v{i + 1}" for i in range(len(c.finding_ranges))}
        used_en = set(re.findall(r"\{(v\d+)\}", " ".join(f[0] for f in c.findings)))
        used_zh = set(re.findall(r"\{(v\d+)\}", " ".join(f[1] for f in c.findings)))
        assert used_en == used_zh == slots, c.diagnosis
        for lo, hi, dec in c.finding_ranges:
            assert lo < hi and dec >= 0
        values = c.sample_values(rng)
        assert all(lo <= v <= hi for v, (lo, hi, _) in zip(values, c.finding_ranges, strict=True))
        en_text, zh_text = c.render_findings(values)
        assert "{" not in en_text + zh_text


def test_fingerprints_signatures_cabins() -> None:
    patterns = {f.pattern for f in common.FINGERPRINT_CLASSES}
    assert patterns == {"arch", "tented_arch", "left_loop", "right_loop", "whorl", "double_loop"}
    assert common.SIGNATURE_STYLES >= 4
    assert [c[0][1] for c in common.CABINS] == ["经济舱", "超级经济舱", "公务舱", "头等舱"]
    assert all(w > 0 for _, w in common.CABINS)


def test_devices() -> None:
    assert set(common.DEVICE_KINDS) >= {"phone", "laptop", "tablet", "watch"}
    assert {d.kind for d in common.DEVICE_MODELS} == set(common.DEVICE_KINDS.values())
    assert len({d.model for d in common.DEVICE_MODELS}) == len(common.DEVICE_MODELS)
    prefix_of: dict[Bi, str] = {}
    for d in common.DEVICE_MODELS:
        assert prefix_of.setdefault(d.brand, d.serial_prefix) == d.serial_prefix
        assert d.model[0].startswith(d.brand[0]) and d.model[1].startswith(d.brand[1])
    assert len(set(prefix_of.values())) == len(prefix_of)


def test_vehicles() -> None:
    assert len(set(common.VEHICLE_MODELS)) == len(common.VEHICLE_MODELS)
    assert set(common.VEHICLE_MODEL_TYPE) == {m[0] for m in common.VEHICLE_MODELS}
    assert set(common.VEHICLE_MODEL_TYPE.values()) <= set(common.VEHICLE_TYPES)
    rng = random.Random(5)
    for locale, wmis in common.VEHICLE_WMI.items():
        for wmi in wmis:
            assert wmi[0] == ("L" if locale == "zh" else wmi[0]) and ids.is_valid_vin(ids.make_vin(rng, wmi))
    assert len(set(common.VEHICLE_COLORS)) == len(common.VEHICLE_COLORS)


def test_purchase_items() -> None:
    assert len(common.PURCHASE_ITEMS) >= 15
    assert len({item for item, _ in common.PURCHASE_ITEMS}) == len(common.PURCHASE_ITEMS)
    assert all(0 < lo < hi for _, (lo, hi) in common.PURCHASE_ITEMS)
