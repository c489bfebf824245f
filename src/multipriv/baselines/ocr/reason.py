"""One-step rules over what was read (task 6) and the benign controls.

Each rule is public knowledge applied to a read value: a Chinese resident ID encodes birth date, sex and
region (GB 11643, `codes`; the region through GB/T 2260, `geo`); an age follows from a birth date; a payslip's
year is 12 x (base + allowance) + bonus; a drug and the printed finding beside it give the condition
(`pharma`); a boarding pass's route or airport code ends in the destination; a plate's prefix or state header
names where it is registered.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
from PIL import Image

from multipriv.baselines.ocr import geo, pharma
from multipriv.baselines.ocr.codes import ResidentId, decode_resident_id
from multipriv.baselines.ocr.extract import find_value
from multipriv.baselines.ocr.fields import PATTERNS
from multipriv.baselines.ocr.lexicon import find_city
from multipriv.baselines.ocr.reader import OcrPage
from multipriv.baselines.ocr.values import amounts_in, read_date
from multipriv.baselines.question import Question

__all__ = ["age_on", "condition_for", "document_kind", "dominant_colour", "kind_score", "read_date", "single_step"]


def _pick(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _resident_id(page: OcrPage) -> ResidentId | None:
    for line in page.lines:
        for m in PATTERNS["id_number"].finditer(line.text):
            parts = decode_resident_id(m.group())
            if parts is not None:
                return parts
    return None


def _money(page: OcrPage, attr: str) -> float | None:
    found = find_value(page, attr)
    if found is None:
        return None
    amounts = amounts_in(found.text)
    return amounts[0] if amounts else None


def _fmt_money(amount: float, lang: str, dollars: bool) -> str:
    text = f"{amount:,.2f}"
    return f"${text}" if dollars else (f"{text}元" if lang == "zh" else text)


def _us_state_on(text: str) -> tuple[str, str] | None:
    """The US state a document names: the abbreviation before a ZIP code in an address, else its full name
    (a plate's or card's header)."""
    m = re.search(r"\b([A-Z]{2})\s*\d{5}\b", text)
    found = geo.us_state(m.group(1)) if m else None
    if found is not None:
        return found
    upper = text.upper()
    for en, zh in geo.US_STATES.values():
        if re.search(rf"(?<![A-Z]){re.escape(en.upper())}(?![A-Z])", upper) or zh in text:
            return en, zh
    return None


def _plate_region(page: OcrPage, lang: str) -> str | None:
    found = find_value(page, "license_plate")
    if found is not None and not found.text.isascii():
        city = geo.cn_city_of_plate(found.text)
        if city is not None:
            return _pick(lang, city.en, city.zh)
    state = _us_state_on(page.text)
    return _pick(lang, *state) if state else None


def _destination(route: str, lang: str) -> str | None:
    dest = re.split(r"→|->|—>|至", route)[-1]
    code = re.search(r"\b([A-Z]{3})\b", dest)
    city = find_city(dest)
    if city is not None:
        return _pick(lang, city[1], city[2])
    by_code = geo.city_of_airport(code.group(1)) if code else None
    if by_code is not None:
        return _pick(lang, *by_code)
    return re.sub(r"\s*[A-Z]{3}\s*$", "", dest).strip() or None


def single_step(q: Question, page: OcrPage, lang: str) -> str | None:
    """The answer to a task 6 question from one page, or None when the rule's input was not read."""
    rule = q.key
    if rule in ("id_birth_date", "id_gender", "id_region"):
        parts = _resident_id(page)
        if parts is None:
            return None
        if rule == "id_birth_date":
            return parts.birth_date.isoformat()
        if rule == "id_gender":
            return _pick(lang, "Female", "女") if parts.gender == "F" else _pick(lang, "Male", "男")
        city = geo.cn_city_of_code(parts.region_code)
        if city is not None:
            return _pick(lang, city.en, city.zh)
        province = geo.cn_province_of_code(parts.region_code)
        return _pick(lang, *province) if province else None
    if rule == "age":
        born_found = find_value(page, "birth_date")
        born = read_date(born_found.text) if born_found else None
        on = read_date(q.slots.get("date", ""))
        age = age_on(born, on) if born and on else None
        return str(age) if age is not None and 0 < age < 120 else None  # another date read as the birth date
    if rule == "annual_income":
        base, allowance, bonus = (_money(page, a) for a in ("base_salary", "allowance", "bonus"))
        if base is None:
            return None
        total = 12 * (base + (allowance or 0.0)) + (bonus or 0.0)
        return _fmt_money(total, lang, "$" in page.text)
    if rule == "condition":
        med = find_value(page, "medication")
        if med is None:
            return None
        return condition_for(med.text, lang, page.text)
    if rule == "flight_city":
        route = find_value(page, "flight_route")
        return _destination(route.text, lang) if route is not None else None
    if rule == "plate_region":
        return _plate_region(page, lang)
    return None


def condition_for(medication: str, lang: str, evidence: str = "") -> str | None:
    """The condition a drug is prescribed for, decided by a printed finding in `evidence` when there is one."""
    hit = pharma.find_drug(medication)
    if hit is None:
        return None
    return pharma.condition_name(pharma.decide(hit[0], evidence), lang)


# ------------------------------------------------------------------------------------------- controls

_COLOURS: dict[str, tuple[int, int, int]] = {
    "blue": (50, 100, 190), "light blue": (150, 190, 230), "red": (190, 40, 40), "green": (40, 140, 70),
    "orange": (235, 140, 40), "purple": (120, 60, 160), "grey": (128, 128, 128), "yellow": (230, 200, 50),
    "black": (25, 25, 25), "pink": (235, 150, 190), "brown": (130, 80, 40), "gold": (200, 160, 60),
    "white": (245, 245, 245), "蓝色": (50, 100, 190), "浅蓝色": (150, 190, 230), "红色": (190, 40, 40),
    "绿色": (40, 140, 70), "橙色": (235, 140, 40), "紫色": (120, 60, 160), "灰色": (128, 128, 128),
    "黄色": (230, 200, 50), "黑色": (25, 25, 25), "粉色": (235, 150, 190), "棕色": (130, 80, 40),
    "金色": (200, 160, 60), "白色": (245, 245, 245),
}


def dominant_colour(path: Path, options: tuple[str, ...]) -> int | None:
    """The option whose colour is closest to the image's most common saturated colour (white if none)."""
    with Image.open(path) as img:
        rgb = np.asarray(img.convert("RGB").resize((96, 96)), dtype=np.float32).reshape(-1, 3)
    sat = rgb.max(axis=1) - rgb.min(axis=1)
    coloured = rgb[sat > 40]
    target = np.median(coloured, axis=0) if len(coloured) > 0.08 * len(rgb) else np.median(rgb, axis=0)
    best, best_d = None, float("inf")
    for i, option in enumerate(options):
        ref = _COLOURS.get(option.strip().lower()) or _COLOURS.get(option.strip())
        if ref is None:
            continue
        d = float(np.linalg.norm(target - np.asarray(ref, dtype=np.float32)))
        if d < best_d:
            best, best_d = i, d
    return best


_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "ID card": ("公民身份号码", "driver license", "driverlicense", "dln"),
    "passport": ("passport", "护照"),
    "bank card": ("debit", "借记卡", "valid", "thru"),
    "fingerprint record": ("fingerprint", "指纹"),
    "medical examination report": ("体检报告", "examination report", "laboratory", "检验结果"),
    "prescription": ("处方", "rx", "prescriber", "refills"),
    "parcel delivery label": ("ship to", "shipto", "tracking", "收件", "寄件", "快递"),
    "payslip": ("工资条", "earnings", "net pay", "基本工资"),
    "shopping receipt": ("subtotal", "合计", "收银", "thank you for shopping", "谢谢惠顾"),
    "tax record": ("纳税", "w-2", "wage and tax", "wageandtax"),
    "boarding pass": ("boarding", "登机"),
    "train ticket / ride receipt": ("trip fare", "pickup", "限乘", "车票", "站→", "ride"),
    "vehicle registration": ("registration", "行驶证", "vehicle identification"),
    "vehicle photo": (),
    "social media post": ("likes", "comments", "评论", "小时前", "hours ago", "分钟前"),
    "chat screenshot": ("message", "yesterday", "昨天"),
    "portrait photo": (),
    "group photo": ("和", " and "),
}
_KIND_ZH = {"身份证": "ID card", "护照": "passport", "银行卡": "bank card", "指纹采集表": "fingerprint record",
            "体检报告": "medical examination report", "处方笺": "prescription", "快递面单": "parcel delivery label",
            "工资条": "payslip", "购物小票": "shopping receipt", "个人所得税纳税记录": "tax record",
            "登机牌": "boarding pass", "火车票": "train ticket / ride receipt", "机动车行驶证": "vehicle registration",
            "车辆照片": "vehicle photo", "社交媒体动态": "social media post", "聊天截图": "chat screenshot",
            "个人照片": "portrait photo", "合影": "group photo"}


_KIND_ALIASES = {"identity card": "ID card", "id card": "ID card", "driver's licence": "ID card",
                 "driver's license": "ID card", "medical report": "medical examination report",
                 "examination report": "medical examination report", "receipt": "shopping receipt",
                 "parcel label": "parcel delivery label", "ticket": "train ticket / ride receipt",
                 "post": "social media post", "portrait": "portrait photo", "身份证件": "ID card",
                 "处方": "prescription", "检查报告": "medical examination report", "小票": "shopping receipt"}


def _kind_of(name: str) -> str:
    """The English kind a (possibly Chinese, possibly shortened) document name stands for."""
    name = name.strip().strip("“”\"'")
    name = _KIND_ALIASES.get(name.lower(), name)
    if name in _KIND_WORDS:
        return name
    for zh, en in _KIND_ZH.items():
        if name and (name in zh or zh in name):
            return en
    for en in _KIND_WORDS:
        if name.lower() and (name.lower() in en.lower() or en.lower() in name.lower()):
            return en
    return name


def kind_score(page: OcrPage, faces: int, name: str) -> float:
    """How much a page looks like a document of the named kind: its tell-tale words, or the look of a photo."""
    kind = _kind_of(name)
    text = page.text.lower()
    score = float(sum(w in text for w in _KIND_WORDS.get(kind, ())))
    if kind == "portrait photo" and len(page.lines) <= 2 and faces == 1:
        score += 2
    if kind == "group photo" and faces >= 2 and len(page.lines) <= 4:
        score += 2
    if kind == "vehicle photo" and len(page.lines) <= 3 and find_value(page, "license_plate"):
        score += 3
    return score


def document_kind(page: OcrPage, faces: int, options: tuple[str, ...]) -> int | None:
    """The option naming the kind of document whose tell-tale words the page shows most."""
    scores = [kind_score(page, faces, option) for option in options]
    if not scores or max(scores) == 0:
        return None
    return int(np.argmax(scores))
