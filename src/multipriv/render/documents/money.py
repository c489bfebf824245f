"""Money as payroll, tills and tax offices print it, shared by every design of the finance kinds."""

from __future__ import annotations

from multipriv.world.schema import Person


def cny(amount: float) -> str:
    return f"{amount:,.2f}"


def usd(amount: float) -> str:
    return f"${amount:,.2f}"


_BRANDS = (("4", "VISA"), ("34", "AMEX"), ("37", "AMEX"), ("6011", "DISCOVER"), ("62", "UNIONPAY"))


def card_brand(number: str) -> str:
    return next((brand for prefix, brand in _BRANDS if number.startswith(prefix)), "MASTERCARD")


def contributions(gross: int, zh: bool) -> list[tuple[str, float]]:
    """Employee social contributions of one month: Chinese 五险一金 shares, or US FICA."""
    if zh:
        return [("养老保险", gross * 0.08), ("医疗保险", gross * 0.02), ("失业保险", gross * 0.005),
                ("住房公积金", gross * 0.07)]
    return [("Social Security", gross * 0.062), ("Medicare", gross * 0.0145)]


def monthly(p: Person) -> tuple[list[int], list[int], int]:
    """Monthly wage and tax rows summing exactly to the annual figures; the bonus row gets its share of tax."""
    f = p.financial
    bonus_tax = round(f.income_tax * f.bonus / f.annual_income) if f.annual_income else 0
    wage_tax = f.income_tax - bonus_tax
    taxes = [wage_tax // 12 + (1 if i < wage_tax % 12 else 0) for i in range(12)][::-1]
    return [f.base_salary + f.allowance] * 12, taxes, bonus_tax
