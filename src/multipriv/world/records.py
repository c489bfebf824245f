"""Derived records of a person's life: travel, health, money, property.

Each function takes the person's final choices and a random stream of its own, so that adding a field to one
record never shifts the values of another.
"""

from __future__ import annotations

import datetime as dt
import random

from multipriv.world import identifiers as ids
from multipriv.world import names
from multipriv.world.places import CityPlace, cities, text
from multipriv.world.schema import Device, Financial, Flight, GroundTrip, Medical, Purchase, Text, Vehicle
from multipriv.world.tables import common, en, zh
from multipriv.world.tables import medical as medical_table

USD_PER_CNY = 1 / 7


def _recent_date(rng: random.Random, reference: dt.date, max_days: int = 330) -> dt.date:
    return reference - dt.timedelta(days=rng.randint(3, max_days))


def _time(rng: random.Random, lo: int = 6, hi: int = 21) -> str:
    return f"{rng.randint(lo, hi):02d}:{rng.choice((0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55)):02d}"


def _minus_minutes(hhmm: str, minutes: int) -> str:
    h, m = map(int, hhmm.split(":"))
    total = (h * 60 + m - minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def flights(rng: random.Random, locale: str, home: CityPlace, reference: dt.date) -> tuple[Flight, ...]:
    airlines = zh.AIRLINES if locale == "zh" else en.AIRLINES
    others = [c for c in cities(locale) if c.airport[0] != home.airport[0]]
    abroad = cities("en" if locale == "zh" else "zh")
    out: list[Flight] = []
    for _ in range(rng.randint(1, 3)):
        dest = rng.choice(abroad) if rng.random() < 0.15 else rng.choice(others)
        airline = rng.choice(airlines)
        departure = _time(rng)
        cabin_values, cabin_weights = zip(*common.CABINS, strict=True)
        out.append(
            Flight(
                date=_recent_date(rng, reference),
                airline=text(airline.name),
                number=f"{airline.code}{rng.randint(101, 9899)}",
                origin=text(home.city),
                origin_code=home.airport[0],
                destination=text(dest.city),
                destination_code=dest.airport[0],
                departure_time=departure,
                boarding_time=_minus_minutes(departure, 40),
                terminal=f"T{rng.randint(1, 3)}",
                gate=f"{rng.choice('ABCDE')}{rng.randint(1, 60)}",
                seat=f"{rng.randint(1, 45)}{rng.choice('ABCDEFHJK')}",
                cabin=text(rng.choices(cabin_values, weights=cabin_weights)[0]),
            )
        )
    return tuple(sorted(out, key=lambda f: f.date))


def trips(
    rng: random.Random, locale: str, home: CityPlace, home_street: Text, places: tuple[Text, ...],
    reference: dt.date,
) -> tuple[GroundTrip, ...]:
    out: list[GroundTrip] = []
    for _ in range(rng.randint(1, 2)):
        date = _recent_date(rng, reference)
        if locale == "zh":
            dest = rng.choice([c for c in cities("zh") if c.station and c.key != home.key])
            assert home.station is not None and dest.station is not None
            fare = rng.randint(40, 900) + rng.choice((0, 0.5))
            out.append(
                GroundTrip(
                    kind="train",
                    date=date,
                    number=f"{rng.choice('GGGD')}{rng.randint(1, 2999)}",
                    origin=text(home.station),
                    destination=text(dest.station),
                    departure_time=_time(rng),
                    seat=f"{rng.randint(1, 16):02d}车{rng.randint(1, 20):02d}{rng.choice('ABCDF')}号",
                    fare=f"{fare:.1f}",
                )
            )
        else:
            place = rng.choice(places)
            out.append(
                GroundTrip(
                    kind="ride",
                    date=date,
                    number=f"RX-{rng.randint(10**7, 10**8 - 1)}",
                    origin=home_street,
                    destination=place,
                    departure_time=_time(rng, 7, 23),
                    seat=f"{rng.choice(common.VEHICLE_COLORS)[0]} {rng.choice(common.VEHICLE_MODELS)[0]}",
                    fare=f"{rng.uniform(8, 60):.2f}",
                )
            )
    return tuple(sorted(out, key=lambda t: t.date))


def frequent_places(rng: random.Random, locale: str, district: Text) -> tuple[Text, ...]:
    patterns = zh.FREQUENT_PLACE_PATTERNS if locale == "zh" else en.FREQUENT_PLACE_PATTERNS
    chosen = rng.sample(patterns, k=min(len(patterns), rng.randint(2, 3)))
    return tuple(Text(en=p[0].format(district=district.en), zh=p[1].format(district=district.zh)) for p in chosen)


def medical(rng: random.Random, locale: str, home: CityPlace, reference: dt.date, sex: str, age: int) -> Medical:
    """A drug first, then one of the conditions it treats that fits the person: the conditions sharing a drug
    are equally likely, so the drug alone leaves one in two or three and the deciding finding settles it."""
    drug = rng.choice(medical_table.drugs_for(sex, age))
    condition = rng.choice(medical_table.conditions_for(drug[0], sex, age))
    hospital = rng.choice(zh.HOSPITAL_PATTERNS if locale == "zh" else en.HOSPITAL_PATTERNS)
    findings = condition.render_findings(condition.sample_values(rng))
    physician = names.random_name(rng, locale, rng.choice("FM")).full
    insurance = f"YB{rng.randint(10**9, 10**10 - 1)}" if locale == "zh" else (
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + f"{rng.randint(10**8, 10**9 - 1)}"
    )
    return Medical(
        hospital=Text(en=hospital[0].format(city=home.city[0]), zh=hospital[1].format(city=home.city[1])),
        department=text(condition.department),
        exam_type=text(condition.exam_type),
        exam_date=_recent_date(rng, reference, 200),
        findings=text(findings),
        diagnosis=text(condition.diagnosis),
        medication=text(condition.medication),
        dosage=text(condition.dosage),
        physician=physician,
        insurance_number=insurance,
    )


def clinical_note(m: Medical) -> Text:
    """The deciding finding of a medical record (the clinical note a prescription prints), both languages."""
    return Text(en=medical_table.deciding_finding(m.findings.en), zh=medical_table.deciding_finding(m.findings.zh))


def cn_income_tax(annual_income: int) -> int:
    """China's comprehensive-income tax: 60,000 yuan a year deducted, then the 2019 progressive brackets."""
    taxable = max(0, annual_income - 60000)
    brackets = ((36000, 0.03, 0), (144000, 0.10, 2520), (300000, 0.20, 16920), (420000, 0.25, 31920),
                (660000, 0.30, 52920), (960000, 0.35, 85920), (10**12, 0.45, 181920))
    for ceiling, rate, quick in brackets:
        if taxable <= ceiling:
            return round(taxable * rate - quick)
    raise AssertionError("unreachable")


def us_income_tax(annual_income: int) -> int:
    """US federal tax of a single filer: standard deduction and brackets of tax year 2024."""
    taxable = max(0, annual_income - 14600)
    brackets = ((11600, 0.10), (47150, 0.12), (100525, 0.22), (191950, 0.24), (243725, 0.32),
                (609350, 0.35), (10**12, 0.37))
    tax, lower = 0.0, 0
    for ceiling, rate in brackets:
        tax += max(0, min(taxable, ceiling) - lower) * rate
        lower = ceiling
    return round(tax)


def financial(rng: random.Random, locale: str, occupation: int, reference: dt.date) -> Financial:
    occ = common.OCCUPATIONS[occupation]
    lo, hi = occ.base_cny if locale == "zh" else occ.base_usd
    step = 100 if locale == "zh" else 50
    base = round(rng.randint(lo, hi) / step) * step
    allowance = round(base * rng.uniform(0.05, 0.2) / step) * step
    bonus = round(base * rng.choice((0, 0.5, 1, 1.5, 2, 3)) / step) * step
    annual = 12 * (base + allowance) + bonus
    prefix, length, _network = rng.choice(ids.CARD_PREFIXES_ZH if locale == "zh" else ids.CARD_PREFIXES_EN)
    scale = 1.0 if locale == "zh" else USD_PER_CNY
    purchases = []
    for _ in range(rng.randint(2, 4)):
        item, (p_lo, p_hi) = rng.choice(common.PURCHASE_ITEMS)
        store = rng.choice(zh.STORES if locale == "zh" else en.STORES)
        purchases.append(
            Purchase(date=_recent_date(rng, reference, 120), store=text(store), item=text(item),
                     amount=f"{rng.uniform(p_lo, p_hi) * scale:.2f}")
        )
    expiry = reference + dt.timedelta(days=rng.randint(200, 5 * 365))
    return Financial(
        bank=text(rng.choice(zh.BANKS if locale == "zh" else en.BANKS)),
        card_number=ids.make_card_number(rng, prefix, length),
        card_expiry=f"{expiry.month:02d}/{expiry.year % 100:02d}",
        currency="CNY" if locale == "zh" else "USD",
        base_salary=base,
        allowance=allowance,
        bonus=bonus,
        annual_income=annual,
        income_tax=cn_income_tax(annual) if locale == "zh" else us_income_tax(annual),
        credit_score=min(950, max(350, round(rng.gauss(680, 70)))) if locale == "zh"
        else min(850, max(300, round(rng.gauss(705, 60)))),
        purchases=tuple(sorted(purchases, key=lambda p: p.date)),
    )


def vehicle(rng: random.Random, home: CityPlace, reference: dt.date) -> Vehicle:
    plate = (
        ids.make_cn_plate(rng, home.region_abbr, home.plate_letter)
        if home.locale == "zh"
        else ids.make_us_plate(rng, home.region_abbr)
    )
    model = rng.choice(common.VEHICLE_MODELS)
    return Vehicle(
        type=text(common.VEHICLE_MODEL_TYPE[model[0]]),
        model=text(model),
        color=text(rng.choice(common.VEHICLE_COLORS)),
        plate=plate,
        vin=ids.make_vin(rng, rng.choice(common.VEHICLE_WMI[home.locale])),
        registration_date=reference - dt.timedelta(days=rng.randint(60, 8 * 365)),
    )


def devices(rng: random.Random) -> tuple[Device, ...]:
    chosen = rng.sample(common.DEVICE_MODELS, k=rng.randint(1, 2))
    return tuple(
        Device(kind=text(d.kind), model=text(d.model), serial=ids.make_serial(rng, d.serial_prefix, 12))
        for d in chosen
    )
