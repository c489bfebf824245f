from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipriv.world import identifiers as ids

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
DATES = st.dates(min_value=date(1930, 1, 1), max_value=date(2029, 12, 31))
FAST = settings(max_examples=100, deadline=None)


# ---- GB 11643 ------------------------------------------------------------------------------------


def test_gb11643_known_answer() -> None:
    assert ids.gb11643_check_digit("11010519491231002") == "X"
    assert ids.is_valid_resident_id("11010519491231002X")
    assert ids.is_valid_resident_id("11010519491231002x")  # lowercase x is read as X
    parts = ids.parse_resident_id("11010519491231002X")
    assert parts == ids.ResidentIdParts("110105", date(1949, 12, 31), "F")


@pytest.mark.parametrize(
    "bad",
    [
        "110105194912310021", "11010519491231002", "11010519491231002XX", "11010519491331002X",
        "A1010519491231002X",
    ],
)
def test_resident_id_rejects(bad: str) -> None:
    assert not ids.is_valid_resident_id(bad)
    with pytest.raises(ValueError):
        ids.parse_resident_id(bad)


@FAST
@given(birth=DATES, seq=st.integers(0, 499), gender=st.sampled_from(["M", "F"]))
def test_resident_id_round_trip(birth: date, seq: int, gender: ids.Gender) -> None:
    number = ids.make_resident_id("330106", birth, seq, gender)
    assert len(number) == 18
    assert int(number[16]) % 2 == (1 if gender == "M" else 0)
    assert ids.parse_resident_id(number) == ids.ResidentIdParts("330106", birth, gender)


def test_resident_id_sequences_are_distinct_per_sex() -> None:
    birth = date(1990, 5, 17)
    genders: tuple[ids.Gender, ...] = ("M", "F")
    for gender in genders:
        codes = {ids.make_resident_id("110101", birth, s, gender)[14:17] for s in range(500)}
        assert len(codes) == 500


def test_resident_id_argument_checks() -> None:
    with pytest.raises(ValueError):
        ids.make_resident_id("11010", date(1990, 1, 1), 1, "M")
    with pytest.raises(ValueError):
        ids.make_resident_id("110101", date(1990, 1, 1), 500, "M")


# ---- Luhn and cards ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["4242424242424242", "5555555555554444", "2223003122003222", "378282246310005", "6011111111111117",
     "6200000000000005", "6205500000000000004", "79927398713"],
)
def test_luhn_published_numbers(number: str) -> None:
    assert ids.is_luhn_valid(number)
    assert ids.luhn_check_digit(number[:-1]) == number[-1]


def test_luhn_rejects_single_digit_errors() -> None:
    assert not ids.is_luhn_valid("4242424242424241")
    assert not ids.is_luhn_valid("79927398710")
    assert not ids.is_luhn_valid("x")


@FAST
@given(seed=SEEDS)
def test_cards_pass_luhn_and_use_test_prefixes(seed: int) -> None:
    rng = random.Random(seed)
    for prefix, length, _ in ids.CARD_PREFIXES_EN + ids.CARD_PREFIXES_ZH:
        card = ids.make_card_number(rng, prefix, length)
        assert len(card) == length and card.isdigit()
        assert card.startswith(prefix)
        assert ids.is_luhn_valid(card)


def test_card_prefix_tables() -> None:
    assert any(length == 19 and net == "UnionPay" for _, length, net in ids.CARD_PREFIXES_ZH)
    for prefix, length, net in ids.CARD_PREFIXES_EN + ids.CARD_PREFIXES_ZH:
        assert prefix.isdigit() and len(prefix) == 6 and 15 <= length <= 19 and net


# ---- MRZ -----------------------------------------------------------------------------------------

SPECIMEN = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def test_mrz_check_digit_known_answers() -> None:
    assert ids.mrz_check_digit("L898902C3") == "6"
    assert ids.mrz_check_digit("740812") == "2"
    assert ids.mrz_check_digit("120415") == "9"
    assert ids.mrz_check_digit("ZE184226B<<<<<") == "1"
    with pytest.raises(ValueError):
        ids.mrz_check_digit("abc")


def test_mrz_reproduces_icao_specimen() -> None:
    lines = ids.make_td3_mrz(
        "UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO", date(1974, 8, 12), "F", date(2012, 4, 15),
        "ZE184226B",
    )
    assert lines == SPECIMEN


def test_mrz_parses_icao_specimen() -> None:
    f = ids.parse_td3_mrz(*SPECIMEN)
    assert (f.surname, f.given_names, f.passport_number) == ("ERIKSSON", "ANNA MARIA", "L898902C3")
    assert (f.issuing_country, f.nationality, f.gender) == ("UTO", "UTO", "F")
    assert (f.birth_date, f.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))
    assert f.personal_number == "ZE184226B"


@pytest.mark.parametrize("pos", [9, 19, 27, 42, 43, 0, 15])
def test_mrz_detects_corruption(pos: int) -> None:
    line2 = SPECIMEN[1]
    bad = line2[:pos] + ("7" if line2[pos] != "7" else "8") + line2[pos + 1 :]
    with pytest.raises(ValueError):
        ids.parse_td3_mrz(SPECIMEN[0], bad)


def test_mrz_pinyin_names() -> None:
    line1, line2 = ids.make_td3_mrz("CHN", "Lü", "Xiaoming", "E12345678", "CHN", date(1990, 1, 2), "M",
                                    date(2031, 5, 6))
    assert line1.startswith("P<CHNLYU<<XIAOMING<")
    assert line2[28:43] == "<" * 14 + "0"
    with pytest.raises(ValueError):
        ids.make_td3_mrz("CHN", "王", "芳", "E12345678", "CHN", date(1990, 1, 2), "F", date(2031, 5, 6))


@FAST
@given(
    seed=SEEDS, birth=st.dates(min_value=date(1931, 1, 1), max_value=date(2025, 12, 31)),
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    gender=st.sampled_from(["M", "F"]),
    surname=st.from_regex(r"[A-Z][a-z]{1,11}", fullmatch=True),
    given_names=st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
)
def test_mrz_round_trip(
    seed: int, birth: date, expiry: date, gender: str, surname: str, given_names: str
) -> None:
    number = ids.make_cn_passport_number(random.Random(seed))
    line1, line2 = ids.make_td3_mrz("CHN", surname, given_names, number, "CHN", birth, gender, expiry)
    assert len(line1) == len(line2) == 44
    f = ids.parse_td3_mrz(line1, line2)
    assert f.passport_number == number and f.gender == gender
    assert f.birth_date == birth and f.expiry_date == expiry
    assert f.surname == surname.upper() and f.given_names == given_names.upper()


# ---- SSN, licences, plates -----------------------------------------------------------------------

ITIN_GROUPS = set(range(50, 66)) | set(range(70, 89)) | set(range(90, 93)) | set(range(94, 100))


@FAST
@given(seed=SEEDS)
def test_ssn_never_live_and_never_itin(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        ssn = ids.make_ssn(rng)
        m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", ssn)
        assert m
        area, group, serial = (int(g) for g in m.groups())
        assert area >= 900 and group not in ITIN_GROUPS and 1 <= group <= 49 and serial != 0
        assert ids.is_fictional_ssn(ssn)
    assert not ids.is_fictional_ssn("123-45-6789")
    assert not ids.is_fictional_ssn("912-70-1234")


def test_license_formats_known_states() -> None:
    rng = random.Random(7)
    assert re.fullmatch(r"[A-Z]\d{7}", ids.make_us_license(rng, "CA"))
    assert re.fullmatch(r"\d{9}", ids.make_us_license(rng, "NY"))
    assert re.fullmatch(r"\d{8}", ids.make_us_license(rng, "TX"))
    assert re.fullmatch(r"[A-Z]\d{12}", ids.make_us_license(rng, "FL"))
    assert re.fullmatch(r"[A-Z]\d{11}", ids.make_us_license(rng, "IL"))
    assert re.fullmatch(r"WDL[A-Z0-9]{9}", ids.make_us_license(rng, "WA"))


@FAST
@given(seed=SEEDS)
def test_us_licences_and_plates_match_their_state(seed: int) -> None:
    rng = random.Random(seed)
    for state in ids.US_PLATE_FORMATS:
        assert ids.us_plate_matches_state(ids.make_us_plate(rng, state), state)
        assert ids.us_license_matches_state(ids.make_us_license(rng, state), state)


def test_us_plate_examples() -> None:
    assert ids.us_plate_matches_state("7ABC123", "CA")
    assert ids.us_plate_matches_state("ABC-1234", "NY")
    assert not ids.us_plate_matches_state("ABC-1234", "CA")
    assert not ids.us_plate_matches_state("7ABC123", "ZZ")


@FAST
@given(seed=SEEDS, prov=st.sampled_from(list("京沪浙苏粤川鄂陕")), letter=st.sampled_from(list("ABCDEFGHJK")))
def test_cn_plates_round_trip_their_region(seed: int, prov: str, letter: str) -> None:
    rng = random.Random(seed)
    plate = ids.make_cn_plate(rng, prov, letter)
    assert re.fullmatch(rf"{prov}{letter}·[A-HJ-NP-Z0-9]{{5}}", plate)
    assert sum(c.isalpha() for c in plate[3:]) <= 2
    assert ids.cn_plate_region(plate) == (prov, letter)
    green = ids.make_cn_plate(rng, prov, letter, new_energy=True)
    assert len(green) == 9 and green[3] in "DF"
    assert ids.cn_plate_region(green) == (prov, letter)


@pytest.mark.parametrize("bad", ["浙A·ABC12", "浙I·12345", "XA·12345", "浙A·1234", "浙A·123456"])
def test_cn_plate_region_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        ids.cn_plate_region(bad)


def test_cn_plate_argument_checks() -> None:
    with pytest.raises(ValueError):
        ids.make_cn_plate(random.Random(0), "X", "A")
    with pytest.raises(ValueError):
        ids.make_cn_plate(random.Random(0), "浙", "O")


# ---- phones, VIN, serials, passports -------------------------------------------------------------


@FAST
@given(seed=SEEDS)
def test_phones_are_fictional(seed: int) -> None:
    rng = random.Random(seed)
    assert re.fullmatch(r"\(415\) 555-01\d\d", ids.make_us_phone(rng, "415"))
    cn = ids.make_cn_phone(rng)
    assert re.fullmatch(r"12[3-9]\d{8}", cn)


def test_us_phone_rejects_bad_area_code() -> None:
    with pytest.raises(ValueError):
        ids.make_us_phone(random.Random(0), "015")


def test_vin_known_answers() -> None:
    assert ids.is_valid_vin("1M8GDM9AXKP042788")
    assert ids.is_valid_vin("11111111111111111")
    assert not ids.is_valid_vin("1M8GDM9A1KP042788")
    assert not ids.is_valid_vin("1M8GDM9AXKP04278")
    assert [ids.vin_year_code(y) for y in (2009, 2010, 2024)] == ["9", "A", "R"]


@FAST
@given(seed=SEEDS, year=st.integers(1995, 2030))
def test_vins_are_valid(seed: int, year: int) -> None:
    vin = ids.make_vin(random.Random(seed), "LA7", model_year=year)
    assert len(vin) == 17 and vin.startswith("LA7")
    assert not set(vin) & set("IOQ")
    assert ids.is_valid_vin(vin)
    assert vin[9] == ids.vin_year_code(year)


def test_serial_and_passport_numbers() -> None:
    rng = random.Random(3)
    serial = ids.make_serial(rng, "OR", 12)
    assert len(serial) == 12 and serial.startswith("OR") and not set(serial[2:]) & set("IOQ")
    with pytest.raises(ValueError):
        ids.make_serial(rng, "OR", 2)
    assert re.fullmatch(r"E\d{8}", ids.make_cn_passport_number(rng))
    assert re.fullmatch(r"[1-9]\d{8}", ids.make_us_passport_number(rng))


def test_same_seed_same_identifiers() -> None:
    def draw(seed: int) -> list[str]:
        rng = random.Random(seed)
        return [ids.make_ssn(rng), ids.make_vin(rng, "1A7"), ids.make_cn_plate(rng, "浙", "A"),
                ids.make_card_number(rng, "620000", 19), ids.make_us_plate(rng, "NY")]

    assert draw(42) == draw(42)
    assert draw(42) != draw(43)
