"""Finding one attribute's value on an OCR page, the way a clerk reads a form: by its label, then by its look.

A value sits after its label on the same line ("姓名：郝宏虎", "PATIENT: Valerie Howell"), to the right of it
in the same row (ID cards, tables), or under it (column headers of payslips and boarding passes); it must look
like a value of its kind (`fields.valid_value`). Where no label is read, a self-evident pattern (an ID number,
a plate, a Luhn-valid card number) or general domain knowledge (`pharma`: the names of common drugs, conditions
and exams; what hospital and company names end with; a receipt's big-ticket line is the purchase) finds it.
Boxes are the OCR line's box, narrowed to the value's characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from multipriv.baselines.ocr import pharma
from multipriv.baselines.ocr.fields import LABELS, PATTERNS, SELF_EVIDENT, squash, valid_value
from multipriv.baselines.ocr.lexicon import find_city, is_name, respace
from multipriv.baselines.ocr.reader import Box, OcrLine, OcrPage
from multipriv.baselines.ocr.values import amounts_in

_ADDRESSES = ("home_address", "workplace_address")
_SHORT = 4  # a Latin label at most this long must start its line (after a field code such as "4d", "15")


@dataclass(frozen=True)
class Found:
    text: str
    box: Box


@lru_cache(maxsize=1 << 15)
def _squash_map(text: str) -> tuple[str, tuple[int, ...]]:
    """The squashed text and, for each of its characters, the index in `text`."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text.lower()):
        if ch.isalnum() and ch != "_":
            out.append(ch)
            index.append(i)
    return "".join(out), tuple(index)


def _sub_box(line: OcrLine, start: int, end: int) -> Box:
    """The part of a line's box that holds characters start..end, by their share of the line's width
    (CJK characters count double)."""
    def width(s: str) -> int:
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    total = max(1, width(line.text))
    x0, y0, x1, y1 = line.box
    a = x0 + (x1 - x0) * width(line.text[:start]) / total
    b = x0 + (x1 - x0) * width(line.text[:end]) / total
    return (int(a), y0, int(b + 0.999), y1)


def _found_in(line: OcrLine, value: str) -> Found:
    start = line.text.find(value)
    if start < 0:
        return Found(value, line.box)
    return Found(value, _sub_box(line, start, start + len(value)))


def _right_of(page: OcrPage, line: OcrLine) -> list[OcrLine]:
    row = [o for o in page.lines if o is not line and o.box[0] >= line.box[2] - 4
           and abs(o.cy - line.cy) < 0.6 * max(line.height, o.height)]
    return sorted(row, key=lambda o: o.box[0])[:2]


def _below(page: OcrPage, line: OcrLine) -> list[OcrLine]:
    h = max(line.height, 12)
    out = [o for o in page.lines if o is not line and line.cy < o.cy <= line.box[3] + 2.6 * h
           and min(o.box[2], line.box[2] + 2 * h) - max(o.box[0], line.box[0] - 2 * h) > 0]
    return sorted(out, key=lambda o: (o.cy, abs(o.box[0] - line.box[0])))[:3]


def _continuation(page: OcrPage, line: OcrLine) -> OcrLine | None:
    """The next line of a wrapped value: directly under it, starting at the same x, not itself labelled."""
    for o in page.lines:
        if o is line or not (line.cy < o.cy <= line.box[3] + 1.6 * line.height):
            continue
        if abs(o.box[0] - line.box[0]) <= max(12, line.height) and not _label_at(o.text):
            return o
    return None


@cache
def _all_labels() -> tuple[str, ...]:
    return tuple(sorted({lab for labs in LABELS.values() for lab in labs if len(lab) > 2}, key=len, reverse=True))


def _label_at(text: str) -> bool:
    key = squash(text)
    return any(key.startswith(lab) for lab in _all_labels()) and not re.search(r"\d", key[:2])


def _label_hit(attr: str, line: OcrLine) -> tuple[int, int] | None:
    """Where in the line (original indices: label start, value start) a label of `attr` is, if any."""
    key, index = _squash_map(line.text)
    for label in sorted(LABELS.get(attr, ()), key=len, reverse=True):
        pos = key.find(label)
        if pos < 0:
            continue
        latin = label.isascii()
        if latin and pos > _SHORT:
            continue
        if latin and len(label) <= _SHORT and pos > 0 and not key[:pos].isdigit() and not re.fullmatch(
                r"\d+[a-z]?", key[:pos]):
            continue
        return index[pos], index[pos + len(label) - 1] + 1
    return None


def by_label(page: OcrPage, attr: str) -> Found | None:
    for line in page.lines:
        hit = _label_hit(attr, line)
        if hit is None:
            continue
        rest = line.text[hit[1]:]
        candidates: list[tuple[OcrLine, str]] = []
        if rest.strip(" :：|/"):
            candidates.append((line, rest))
        candidates += [(o, o.text) for o in _right_of(page, line)]
        candidates += [(o, o.text) for o in _below(page, line)]
        for source, text in candidates:
            value = valid_value(attr, text)
            if value is None:
                continue
            found = _found_in(source, value)
            if attr in _ADDRESSES:
                more = _continuation(page, source)
                if more is not None:
                    joiner = "" if re.search(r"[\u4e00-\u9fff]", value) else ", "
                    box = (min(found.box[0], more.box[0]), found.box[1], max(found.box[2], more.box[2]),
                           more.box[3])
                    found = Found(value + joiner + more.text, box)
            return found
    return None


def by_pattern(page: OcrPage, attr: str) -> Found | None:
    pattern = PATTERNS.get(attr)
    if pattern is None:
        return None
    for line in page.lines:
        value = valid_value(attr, line.text)
        if value is None:
            continue
        if attr == "license_plate" and value.isascii() and len(value) < len(line.text.strip()) - 1:
            continue  # a US plate only counts alone on its line (its formats look like much else)
        return _found_in(line, value)
    return None


def _drug(page: OcrPage) -> Found | None:
    """A common drug's name as printed, with the salt or product form that is part of its name ("Salbutamol
    inhaler", "左甲状腺素钠"), without the tablet or capsule form, strength or quantity that follow."""
    for line in page.lines:
        hit = pharma.find_drug(line.text)
        if hit is None:
            continue
        _, start, end = hit
        form = pharma.PRODUCT_FORM.match(line.text, end)
        if form:
            end = form.end()
        text = line.text[start:end].strip()
        return Found(text, _sub_box(line, start, start + len(text)))
    return None


def _known_line(page: OcrPage, names: tuple[str, ...]) -> Found | None:
    """The first line that names one of `names`: the whole value as printed (after any label on the line)."""
    for line in page.lines:
        low = squash(line.text)
        for name in names:
            if squash(name) and squash(name) in low:
                start = 0
                label = re.match(r"^[^:：]{1,16}[:：]\s*|^\s*\d{1,2}\s*[.、]\s*", line.text)
                if label and squash(name) not in squash(label.group()):
                    start = label.end()
                text = line.text[start:].strip()
                return Found(text, _sub_box(line, start, len(line.text)))
    return None


_TOTALS = re.compile(r"sub-?total|total|tax|change|cash|visa|mastercard|debit|credit|balance|合计|总计|应收|实收|找零|"
                     r"件数|支付|优惠|数量|金额|单价|品名|amount|item|qty|price", re.IGNORECASE)


_RECEIPT = re.compile(r"subtotal|receipt|cashier|CSHR|thank you for shopping|收银|小票|谢谢惠顾|欢迎光临|品名",
                      re.IGNORECASE)


_ITEM_HEAD = re.compile(r"^(?:item|items|description|品名|商品)$", re.IGNORECASE)
_AMOUNT_HEAD = re.compile(r"^(?:amount|price|金额|小计)$", re.IGNORECASE)
_PRICE = re.compile(r"[$￥¥]?\s*\d[\d,]*\.\d{2}")


def _tilt(page: OcrPage) -> float:
    """The slope (dy per dx) of a photographed receipt's rows, from its column headers, which share a row."""
    item = next((ln for ln in page.lines if _ITEM_HEAD.match(squash(ln.text))), None)
    amount = next((ln for ln in page.lines if _AMOUNT_HEAD.match(squash(ln.text))), None)
    if item is None or amount is None or abs(amount.cx - item.cx) < 20:
        return 0.0
    return (amount.cy - item.cy) / (amount.cx - item.cx)


def _purchase(page: OcrPage) -> Found | None:
    """A receipt's purchase: the item line with the largest price (the other lines are small extras). A
    price printed apart is paired with its item along the receipt's rows (tilted in a photo)."""
    if not _RECEIPT.search(page.text):
        return None
    slope = _tilt(page)

    def level(ln: OcrLine) -> float:  # a line's height on the receipt, tilt undone
        return ln.cy - slope * ln.cx

    ends = [level(ln) for ln in page.lines if re.search(r"sub-?total|^total|合计|总计|件数", ln.text, re.IGNORECASE)]
    end = min(ends) if ends else float("inf")
    prices = [ln for ln in page.lines if _PRICE.fullmatch(ln.text.strip()) and level(ln) < end - 4]
    best: tuple[float, Found] | None = None
    for line in page.lines:
        text = line.text.strip()
        if level(line) >= end - 4:
            continue
        if not re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", text) or _TOTALS.search(text) or ":" in text or "：" in text:
            continue
        tail = re.search(r"[$￥¥]?\s*(\d{1,3}(?:,\d{3})*|\d+)\.\d{2}\s*$", text)
        name = re.sub(r"(?:\s+\d{1,2})?\s*$", "", text[: tail.start()] if tail else text).strip()
        if not name or re.search(r"\d{3,}|#", name):
            continue
        if tail:
            price = amounts_in(tail.group())[0]
        else:
            row = [(abs(level(p) - level(line)), p) for p in prices if p.box[0] > line.box[2] - 4]
            row = [(d, p) for d, p in row if d < 0.6 * max(p.height, line.height)]
            if not row:
                continue
            price = amounts_in(min(row, key=lambda t: t[0])[1].text)[0]
        if best is None or price > best[0]:
            best = (price, Found(name, _sub_box(line, 0, len(name))))
    return best[1] if best else None


_HOSPITAL = re.compile(r"[\u4e00-\u9fff]{2,}(?:医院|卫生院|诊所|医疗中心)"
                       r"|[A-Z][\w .&'-]*(?:Hospital|Clinic|Medical Center)"
                       r"|[A-Z][A-Z .&'-]*(?:PHARMACY|APOTHECARY)", re.IGNORECASE)
_COMPANY = re.compile(r"[\u4e00-\u9fff]{2,}(?:有限公司|集团|公司)"
                      r"|[A-Z][\w .&',-]*?(?:Inc\.?|LLC|Ltd\.?|Co\.|Corp\.?|Group)")


def _first_match(page: OcrPage, pattern: re.Pattern[str]) -> Found | None:
    for line in page.lines:
        m = pattern.search(line.text)
        if m:
            return Found(m.group().strip(), _sub_box(line, m.start(), m.end()))
    return None


_BANK = re.compile(r"[\u4e00-\u9fff]{2,}银行|[A-Z][A-Za-z .&'-]*?(?:Bank|BANK|Credit Union)\b")
_PLACE = re.compile(r"(?:\bat\s+|打卡|摄于|在)([^·|]+?(?:County|区[\u4e00-\u9fff]{2,}))(?:[·|,，]|$)")
_ROUTE = re.compile(r"[^→]{2,}(?:→|->)[^→]{2,}")
_US_ADDRESS = re.compile(r"\d{1,5}\s*[A-Za-z][A-Za-z ]+?(?:,?\s*Apt\s*\w+)?,\s*[A-Za-z .]+,\s*[A-Z]{2}\s*\d{5}")
_ZH_ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|市)[\u4e00-\u9fff0-9]*?\d+号[\u4e00-\u9fff0-9]*")
_THANKS = re.compile(r"(?:Thanks for riding|Hi|Dear|Hello)[,\s]+([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)+)")
_TEXT_ATTRS = {"name", "home_address", "workplace_address", "employer", "hospital", "frequent_place", "trip",
               "exam_findings", "flight_route", "flight_date", "bank", "vehicle", "purchase", "exam_type",
               "physician", "occupation", "diagnosis", "home_city"}


_MRZ_NAME = re.compile(r"^P[A-Z<][A-Z<]{3}([A-Z]+(?:<[A-Z]+)*)<<([A-Z]+(?:<[A-Z]+)*)")


def _name_anywhere(page: OcrPage) -> Found | None:
    """A line that is a name by itself (chat headers, card holders, posts; beside a social handle the shape
    of a name is enough), a greeting's name, or the name field of a passport's machine-readable zone
    (ICAO 9303: "P<", issuing state, then SURNAME<<GIVEN<NAMES)."""
    for line in page.lines:
        m = _THANKS.search(line.text)
        if m and is_name(m.group(1), labelled=True):
            return Found(m.group(1), _sub_box(line, m.start(1), m.end(1)))
    for line in page.lines:
        text = re.sub(r"\s*@\S+$", "", line.text).strip()
        if is_name(text, labelled=text != line.text.strip()):
            return _found_in(line, text)
        m = re.search(r"\*{2,}\d{0,4}([\u4e00-\u9fff]{2,4})$", line.text)  # a ticket: masked ID then name
        if m and is_name(m.group(1)):
            return Found(m.group(1), _sub_box(line, m.start(1), m.end(1)))
    for line in page.lines:
        m = _MRZ_NAME.match(line.text.replace(" ", ""))
        if m:
            name = f"{m.group(1).replace('<', ' ')} {m.group(2).replace('<', ' ')}"
            return Found(name, line.box)
    return None


def _findings(page: OcrPage) -> Found | None:
    for line in page.lines:
        if _label_hit("exam_findings", line) is None:
            continue
        parts: list[OcrLine] = []
        for o in page.lines:
            if o.cy > line.cy and (not parts or o.cy - parts[-1].cy < 2.2 * max(o.height, 10)):
                if parts and re.fullmatch(r"[A-Z\s]{6,}|[\u4e00-\u9fff]{4}", o.text.strip()):
                    break
                if re.match(r"^\s*(?:\d+[.、]|·|•)", o.text) or not parts:
                    parts.append(o)
                    continue
            if parts:
                break
        if parts:
            texts = [re.sub(r"^\s*(?:\d+[.、]|·|•)\s*", "", p.text) for p in parts]
            cjk = any(re.search(r"[\u4e00-\u9fff]", t) for t in texts)
            box = (min(p.box[0] for p in parts), parts[0].box[1], max(p.box[2] for p in parts), parts[-1].box[3])
            return Found(("" if cjk else " ").join(texts), box)
    return None


def _special(page: OcrPage, attr: str) -> Found | None:
    if attr == "name":
        return _name_anywhere(page)
    if attr == "hospital":
        return _first_match(page, _HOSPITAL)
    if attr == "employer":
        return _first_match(page, _COMPANY)
    if attr == "bank":
        return _first_match(page, _BANK)
    if attr == "trip":
        return _first_match(page, _ROUTE)
    if attr == "frequent_place":
        for line in page.lines:
            m = _PLACE.search(line.text)
            if m:
                return Found(m.group(1).strip(), _sub_box(line, m.start(1), m.end(1)))
        return None
    if attr == "home_city":
        for line in page.lines:
            text = line.text.strip(" ·•")
            city = find_city(text)
            if city is None:
                continue
            form = city[0]
            if text in (form, form + "市") or (form.isascii() and text.lower().startswith(form.lower())
                                                and re.fullmatch(r"(?:,?\s*[A-Z]{2})?", text[len(form):])):
                return _found_in(line, text)
        return None
    if attr == "purchase":
        return _purchase(page)
    if attr == "exam_findings":
        return _findings(page)
    if attr == "workplace_address":
        return _address_under_employer(page)
    if attr in _ADDRESSES:
        return _first_match(page, _ZH_ADDRESS) or _first_match(page, _US_ADDRESS)
    return None


_ADDRESS_LINE = re.compile(r"^\d{1,6}\s*[A-Za-z].*(?:\d{5}|Road|Street|Avenue|Drive|Lane|Suite|Blvd|Way|Court)"
                           r"|[\u4e00-\u9fff]{2,}(?:省|市|区)[\u4e00-\u9fff0-9]*(?:路|街|道|号)", re.IGNORECASE)


def _address_under_employer(page: OcrPage) -> Found | None:
    """A letterhead's address: the address line printed just under the employer's name."""
    for line in page.lines:
        if not _COMPANY.search(line.text):
            continue
        for below in _below(page, line)[:2]:
            if _ADDRESS_LINE.search(below.text):
                return Found(below.text.strip(), below.box)
    return None


@lru_cache(maxsize=1 << 16)
def find_value(page: OcrPage, attr: str) -> Found | None:
    """The attribute's value as read, with its box; None when nothing on the page looks like it. Cached:
    the same page is asked about under three conditions and by several tasks."""
    found = find_raw(page, attr)
    if found is not None and attr in _TEXT_ATTRS:
        found = Found(respace(found.text), found.box)
    if found is not None and attr == "flight_date":
        found = Found(re.sub(r"(\d)([A-Z]{3})(\d)", r"\1 \2 \3", found.text), found.box)
    return found


def find_raw(page: OcrPage, attr: str) -> Found | None:
    """`find_value` before clean-up, uncached."""
    if attr in ("hospital", "flight_route", "trip", "exam_findings"):
        first = _special(page, attr) if attr != "flight_route" else _first_match(page, _ROUTE)
        if first is not None:
            return first
    if attr == "medication":
        found = _drug(page)
        if found:
            return found
    if attr == "diagnosis":
        found = _known_line(page, pharma.diagnosis_names())
        if found:
            return found
    found = by_label(page, attr)
    if found is not None:
        return found
    if attr == "exam_type":
        return _known_line(page, pharma.exam_names())
    found = _special(page, attr)
    if found is not None:
        return found
    if attr in SELF_EVIDENT or attr in PATTERNS:
        return by_pattern(page, attr)
    return None
