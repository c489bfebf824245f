"""The condition table: each drug treats several conditions, and the deciding finding tells them apart."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections import Counter

import pytest

from multipriv.world import records
from multipriv.world.places import cities
from multipriv.world.tables import medical as med
from multipriv.world.tables.records import Condition


def _siblings(c: Condition) -> tuple[Condition, ...]:
    return med.conditions_for(c.medication[0])


def test_every_drug_treats_two_or_three_conditions() -> None:
    assert 16 <= len(med.CONDITIONS) <= 24
    for drug in med.MEDICATIONS:
        conditions = med.conditions_for(drug[0])
        assert 2 <= len(conditions) <= 3, drug
        assert med.conditions_for(drug[1]) == conditions == med.conditions_for(drug[0].upper())
        assert tuple(c.diagnosis for c in conditions) == med.DIAGNOSES_BY_MEDICATION[drug[0]]


def test_siblings_share_what_a_prescription_prints_beside_the_drug() -> None:
    for c in med.CONDITIONS:
        for s in _siblings(c):
            assert (s.department, s.dosage) == (c.department, c.dosage), (c.diagnosis, s.diagnosis)


def test_deciding_finding_is_one_line_that_carries_the_rule() -> None:
    for c in med.CONDITIONS:
        assert c.rule and all(c.rule_text), c.diagnosis
        assert c.sex in ("", "F", "M") and c.ages[0] <= c.ages[1]
        for lang, template in enumerate(c.findings[0]):
            assert not re.search(r"[;；]", template), template
            used = [int(n) for n in re.findall(r"\{v(\d+)\}", template)]
            assert used == list(range(1, len(used) + 1)), template  # the deciding finding's slots come first
            assert {slot for slot, _, _ in c.rule} <= set(used), (c.diagnosis, lang)
        for slot, lo, hi in c.rule:
            draw_lo, draw_hi, _ = c.finding_ranges[slot - 1]
            assert lo <= draw_lo and draw_hi < hi, (c.diagnosis, slot)  # drawn values never sit on a threshold


def _corners(c: Condition) -> list[tuple[float, ...]]:
    """Every combination of the lowest and highest drawable value of each slot."""
    return [tuple(v) for v in itertools.product(*((lo, hi) for lo, hi, _ in c.finding_ranges))]


@pytest.mark.parametrize("c", med.CONDITIONS, ids=lambda c: c.diagnosis[0])
def test_decide_recovers_the_condition_from_drug_and_note(c: Condition) -> None:
    rng = random.Random(c.diagnosis[0])
    for values in [c.sample_values(rng) for _ in range(200)] + _corners(c):
        findings = c.render_findings(values)
        for lang in (0, 1):
            note = med.deciding_finding(findings[lang])
            assert findings[lang].startswith(note) and "{" not in note
            for name in c.medication:
                assert med.decide(name, note) is c, (name, note)
            # the note alone fits exactly one sibling: the drug leaves 2-3 candidates, the note one
            fits = [s for s in _siblings(c) if (v := med.read_finding(s, note)) is not None and med.meets_rule(s, v)]
            assert fits == [c]


def test_decide_applies_clinical_thresholds_not_the_drawing_ranges() -> None:
    assert med.decide("Metformin", "HbA1c 6.5%") is med.condition_of("Type 2 diabetes mellitus")
    assert med.decide("二甲双胍", "糖化血红蛋白 6.4%") is med.condition_of("Prediabetes")
    assert med.decide("Metformin", "HbA1c 5.2%") is None  # normal: neither
    assert med.decide("Amlodipine", "Mean blood pressure 128/79 mmHg") is None
    assert med.decide("Amlodipine", "Mean blood pressure 146/92 mmHg") is med.condition_of("高血压")
    assert med.decide("Metformin", "Mean blood pressure 160/100 mmHg") is None  # another drug's finding
    assert med.decide("Aspirin", "HbA1c 8.0%") is None
    assert med.decide("sertraline", "PHQ-9 18, GAD-7 14, Y-BOCS 4") is None  # two scales above threshold


def test_sex_and_age_constraints() -> None:
    pcos = med.condition_of("Polycystic ovary syndrome")
    assert pcos.sex == "F"
    assert pcos not in med.conditions_for("Metformin", "M", 30)
    assert pcos in med.conditions_for("Metformin", "F", 30)
    copd = med.condition_of("Chronic obstructive pulmonary disease")
    assert med.conditions_for("Salbutamol inhaler", "M", 25) == (med.condition_of("Asthma"),)
    assert copd in med.conditions_for("Salbutamol inhaler", "M", 55)
    assert ("Salbutamol inhaler", "沙丁胺醇气雾剂") not in med.drugs_for("M", 25)
    for sex, age in itertools.product("FM", range(18, 80)):
        drugs = med.drugs_for(sex, age)
        assert len(drugs) >= 5
        for drug in drugs:  # age never narrows a prescribed drug's conditions; only sex does (PCOS)
            assert med.conditions_for(drug[0], sex, age) == med.conditions_for(drug[0], sex)
            assert len(med.conditions_for(drug[0], sex, age)) >= 2


def test_conditions_sharing_a_drug_are_drawn_about_equally() -> None:
    """Whatever the drug, its conditions are about equally likely, given the person's sex and age and over the
    whole population, so the drug alone leaves one in two or three."""
    home = cities("en")[0]
    rng = random.Random(5)
    reference = dt.date(2025, 6, 1)
    people = [(rng.choice("FM"), rng.randint(22, 68)) for _ in range(12000)]
    drawn = Counter((m.medication.en, m.diagnosis.en, sex)
                    for sex, age in people for m in [records.medical(rng, "en", home, reference, sex, age)])
    for sex in "FM":
        for drug, *_ in med.MEDICATIONS:
            options = med.conditions_for(drug, sex)
            total = sum(drawn[(drug, c.diagnosis[0], sex)] for c in options)
            assert total > 200
            for c in options:
                share = drawn[(drug, c.diagnosis[0], sex)] / total
                assert abs(share - 1 / len(options)) < 0.08, (sex, drug, c.diagnosis[0], share)
    assert not any(d == "Polycystic ovary syndrome" and sex == "M" for _, d, sex in drawn)
