"""What a reader knows about documents without seeing any answer: how fields are labelled and how values look.

Labels are compared "squashed" (lower case, no spaces or punctuation), because OCR often drops the spaces
of Latin text ("DateofBirth"). Value patterns are the public formats of each identifier (an 18-character
resident ID, 555-01xx phones, Luhn-valid card numbers, plates, MRZ lines...), so a value can be found even
where its label is missing or misread.
"""

from __future__ import annotations

import re

from multipriv.baselines.ocr.codes import luhn_valid
from multipriv.baselines.ocr.geo import CN_PLATE_ABBRS
from multipriv.baselines.ocr.lexicon import is_name

_SQUASH = re.compile(r"[\s\W_]+")


def squash(text: str) -> str:
    return _SQUASH.sub("", text.lower())


# attribute id -> labels (squashed) that print it, both languages; longer labels are tried first.
LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "纳税人姓名", "旅客姓名", "被采集人", "name", "nameofpassenger", "patient", "employee",
             "registeredowner", "employeesname", "passenger", "所有人", "收件人", "寄件人", "持卡人", "shipto",
             "from"),
    "gender": ("性别", "sex", "gender"),
    "birth_date": ("出生日期", "出生", "dateofbirth", "dob", "birthdate", "born"),
    "age": ("年龄", "age"),
    "home_address": ("住址", "家庭住址", "地址", "address", "employeesaddressandzipcode", "homeaddress"),
    "id_number": ("公民身份号码", "身份证件号码", "身份证号码", "身份证号"),
    "license_number": ("dln", "driverlicenseno", "licenseno", "licensenumber"),
    "passport_number": ("护照号", "passportno", "护照号码"),
    "ssn": ("socialsecuritynumber", "ssn"),
    "phone": ("电话", "手机", "联系电话", "tel", "phone", "新号码是", "thenewoneis", "mobile"),
    "email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "employee_id": ("工号", "employeeid", "员工编号"),
    "ethnicity": ("民族",),
    "nationality": ("国籍", "nationality"),
    "marital_status": ("婚姻状况", "maritalstatus", "filingstatus"),
    "education": ("学历", "education"),
    "occupation": ("职业", "occupation", "职务", "title", "position"),
    "employer": ("工作单位", "employer", "扣缴义务人", "employersname", "单位"),
    "insurance_number": ("医保号", "memberid", "insuranceno", "医保卡号"),
    "exam_type": ("检查项目", "exam", "examination"),
    "exam_findings": ("检查所见", "findings"),
    "diagnosis": ("诊断意见", "诊断", "impression", "diagnosis"),
    "medication": ("rp",),
    "physician": ("报告医师", "医师", "主治医师", "physician", "prescriber", "electronicallysignedby"),
    "bank": ("开户银行", "工资卡", "directdeposit", "bank"),
    "bank_card": ("银行卡号", "卡号", "cardnumber"),
    "base_salary": ("基本工资", "basesalary", "basepay"),
    "allowance": ("岗位津贴", "津贴", "allowance"),
    "bonus": ("年终奖", "annualbonus", "bonus"),
    "income_tax": ("实缴退税额", "federalincometaxwithheld", "incometax"),
    "annual_income": ("wagestipsothercompensation", "年收入", "收入合计"),
    "flight_number": ("flight", "航班", "航班号"),
    "flight_date": ("date", "日期"),
    "flight_seat": ("seat", "座位"),
    "flight_route": ("fromto", "航程"),
    "license_plate": ("platenumber", "号牌号码", "车牌号"),
    "vehicle": ("makemodelbody", "品牌型号", "车辆类型"),
    "device_serial": ("serialno", "序列号", "sn"),
    "device": ("device", "设备"),
    "fingerprint": ("纹型分类", "patternclass"),
    "credit_score": ("信用分", "creditscore"),
    "social_handle": ("账号", "用户名", "username", "handle"),
}

DATE = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
        r"|\d{1,2}\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s*\d{4}"
        r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2},?\s*\d{4})")
MONEY = r"[$￥¥]?\s*\d{1,3}(?:[,，]\d{3})*(?:\.\d{2})|[$￥¥]\s*\d+(?:\.\d{2})?"
_PROV = CN_PLATE_ABBRS
# US passenger plates: 5 to 8 letters and digits in at most two groups, e.g. 7ABC123, ABC-1234, AB 12345,
# ABC D12 (each state has its own layout; this is the common envelope of them).
_US_PLATE = r"\d[A-Z]{3}\d{2,3}|[A-Z]{3}[- ]?\d{4}|[A-Z]{2}[- ]?\d{5}|[A-Z]{3} ?[A-Z]\d{2}"

# attribute id -> pattern of its value; a value read next to a label must match it (when there is one).
PATTERNS: dict[str, re.Pattern[str]] = {
    "id_number": re.compile(r"(?<![0-9])\d{17}[\dXx](?![0-9])"),
    "ssn": re.compile(r"(?<![0-9])\d{3}-\d{2}-\d{4}(?![0-9])"),
    "phone": re.compile(r"\(\d{3}\)\s?555-?01\d{2}|(?<![0-9])1[2-9]\d{9}(?![0-9])|\d{3}-555-01\d{2}"),
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "social_handle": re.compile(r"(?<![\w.])@[A-Za-z0-9_.]{3,}"),
    "bank_card": re.compile(r"(?<![0-9])(?:\d{4}\s?\d{6}\s?\d{5}|(?:\d{4}\s?){3}\d{4}(?:\s?\d{3})?)(?![0-9])"),
    "passport_number": re.compile(r"(?<![A-Z0-9])(?:E\d{8}|[1-9]\d{8})(?![0-9])"),
    "passport_mrz": re.compile(r"[A-Z0-9<]{10,}<<[A-Z0-9<]*"),
    "license_plate": re.compile(rf"[{_PROV}][A-Z]\s*[·•.]?\s*[A-Z0-9]{{5,6}}|(?<![A-Z0-9])(?:{_US_PLATE})(?![A-Z0-9])"),
    # health plan member IDs: a short letter prefix and nine or ten digits
    "insurance_number": re.compile(r"(?<![A-Z0-9])[A-Z]{2,3}\d{9,10}(?![0-9])"),
    "flight_route": re.compile(r".+?(?:→|->|—>|至).+"),
    "flight_number": re.compile(r"(?<![A-Z0-9])[A-Z][A-Z0-9]\d{3,4}(?![0-9])"),
    "flight_seat": re.compile(r"(?<![A-Z0-9])\d{1,2}[A-K](?![A-Z0-9])"),
    "employee_id": re.compile(r"[A-Z]{2}-\d{5,7}"),
    "license_number": re.compile(r"(?<![A-Z0-9])(?:WDL[A-Z0-9]{9}|[A-Z]{1,2}\d{6,12}|S\d{8}|\d{8,9})(?![A-Z0-9])"),
    # a serial number: 8 to 18 capitals and digits, both present (only next to its label: it looks like much)
    "device_serial": re.compile(r"(?<![A-Z0-9])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,18}(?![A-Z0-9])"),
    "birth_date": re.compile(DATE, re.IGNORECASE),
    "flight_date": re.compile(DATE, re.IGNORECASE),
    "gender": re.compile(r"^(?:男|女|male|female|m|f)(?:/[MF])?$|(?:男|女)(?:/[MF])?", re.IGNORECASE),
    "age": re.compile(r"\d{1,3}\s*岁?"),
    "base_salary": re.compile(MONEY),
    "allowance": re.compile(MONEY),
    "bonus": re.compile(MONEY),
    "income_tax": re.compile(MONEY + r"|\d+\.\d{2}"),
    "annual_income": re.compile(MONEY + r"|\d+\.\d{2}"),
    "credit_score": re.compile(r"(?<![0-9])\d{3}(?![0-9])"),
}

# Attributes whose pattern alone (no label) is evidence enough that the image shows them.
SELF_EVIDENT = ("id_number", "ssn", "phone", "email", "social_handle", "bank_card", "passport_mrz",
                "license_plate", "insurance_number", "flight_route")

# Values that are only a label for something else: never an answer.
_LABEL_WORDS = {squash(label) for labels in LABELS.values() for label in labels}
_LABEL_RE = re.compile("|".join(re.escape(w) for w in sorted(_LABEL_WORDS, key=len, reverse=True)))


def looks_like_label(text: str) -> bool:
    """Whether the text is nothing but labels ("NAME姓名", "DATE日期")."""
    key = squash(text)
    return not key or not _LABEL_RE.sub("", key)


def valid_value(attr: str, text: str) -> str | None:
    """The part of `text` that is a value of `attr`, or None when `text` cannot be one."""
    text = text.strip(" :：|/,，;；")
    if not text or looks_like_label(text):
        return None
    pattern = PATTERNS.get(attr)
    if pattern is not None:
        m = pattern.search(text)
        if m is None:
            return None
        value = m.group().strip()
        if attr == "bank_card" and not luhn_valid(value):
            return None
        return value
    if attr in ("name", "physician"):
        if is_name(text, labelled=True):
            return text
        both = re.match(r"([\u4e00-\u9fff]{2,4})\s*[A-Z]", text)  # 孟铭文MENGMINGWEN: the name and its pinyin
        return both.group(1) if both and is_name(both.group(1)) else None
    return text
