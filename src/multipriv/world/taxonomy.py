"""The one list of private attributes. Every later stage reads it and never re-lists attributes.

Attributes are grouped into the paper's categories; `kind` says what the attribute is in privacy terms
(tasks 1 and 2 ask for direct and quasi-identifiers respectively), and `normaliser` tells the scorer how to
compare a model's answer with the gold value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    BIOMETRIC = "biometric"
    IDENTITY_DOCUMENT = "identity_document"
    CONTACT = "contact"
    GENERAL_IDENTITY = "general_identity"
    LOCATION = "location"
    MEDICAL = "medical"
    FINANCIAL = "financial"
    PROPERTY = "property"
    SOCIAL = "social"


class Kind(StrEnum):
    DIRECT = "direct_identifier"
    QUASI = "quasi_identifier"
    SENSITIVE = "sensitive_attribute"


class Normaliser(StrEnum):
    NAME = "name"
    NUMBER = "number"  # identifiers and codes: spacing, dashes and full-width forms do not matter
    DATE = "date"
    MONEY = "money"
    ADDRESS = "address"
    TEXT = "text"


@dataclass(frozen=True)
class Attribute:
    id: str
    category: Category
    kind: Kind
    name_en: str
    name_zh: str
    normaliser: Normaliser
    locales: tuple[str, ...] = ("en", "zh")


_C, _K, _N = Category, Kind, Normaliser

ATTRIBUTES: tuple[Attribute, ...] = (
    # biometric
    Attribute("face", _C.BIOMETRIC, _K.DIRECT, "face", "人脸", _N.TEXT),
    Attribute("fingerprint", _C.BIOMETRIC, _K.DIRECT, "fingerprint pattern", "指纹纹型", _N.TEXT),
    Attribute("signature", _C.BIOMETRIC, _K.DIRECT, "signature", "签名", _N.NAME),
    # identity documents
    Attribute("id_number", _C.IDENTITY_DOCUMENT, _K.DIRECT, "ID number", "身份证号码", _N.NUMBER, ("zh",)),
    Attribute(
        "license_number", _C.IDENTITY_DOCUMENT, _K.DIRECT, "driver's licence number", "驾驶证号", _N.NUMBER,
        ("en",),
    ),
    Attribute("passport_number", _C.IDENTITY_DOCUMENT, _K.DIRECT, "passport number", "护照号码", _N.NUMBER),
    Attribute("passport_mrz", _C.IDENTITY_DOCUMENT, _K.DIRECT, "passport MRZ", "护照机读码", _N.NUMBER),
    Attribute("ssn", _C.IDENTITY_DOCUMENT, _K.DIRECT, "social security number", "社会安全号", _N.NUMBER, ("en",)),
    # specific identity / contact
    Attribute("phone", _C.CONTACT, _K.DIRECT, "phone number", "电话号码", _N.NUMBER),
    Attribute("email", _C.CONTACT, _K.DIRECT, "e-mail address", "电子邮箱", _N.TEXT),
    Attribute("social_handle", _C.CONTACT, _K.DIRECT, "social media handle", "社交账号", _N.TEXT),
    Attribute("employee_id", _C.CONTACT, _K.DIRECT, "employee ID", "工号", _N.NUMBER),
    # general identity
    Attribute("name", _C.GENERAL_IDENTITY, _K.DIRECT, "name", "姓名", _N.NAME),
    Attribute("gender", _C.GENERAL_IDENTITY, _K.QUASI, "gender", "性别", _N.TEXT),
    Attribute("birth_date", _C.GENERAL_IDENTITY, _K.QUASI, "date of birth", "出生日期", _N.DATE),
    Attribute("age", _C.GENERAL_IDENTITY, _K.QUASI, "age", "年龄", _N.NUMBER),
    Attribute("nationality", _C.GENERAL_IDENTITY, _K.QUASI, "nationality", "国籍", _N.TEXT),
    Attribute("ethnicity", _C.GENERAL_IDENTITY, _K.QUASI, "ethnicity", "民族", _N.TEXT),
    Attribute("marital_status", _C.GENERAL_IDENTITY, _K.QUASI, "marital status", "婚姻状况", _N.TEXT),
    Attribute("education", _C.GENERAL_IDENTITY, _K.QUASI, "education", "学历", _N.TEXT),
    Attribute("occupation", _C.GENERAL_IDENTITY, _K.QUASI, "occupation", "职业", _N.TEXT),
    Attribute("employer", _C.GENERAL_IDENTITY, _K.QUASI, "employer", "工作单位", _N.TEXT),
    # location trajectory
    Attribute("home_address", _C.LOCATION, _K.QUASI, "home address", "家庭住址", _N.ADDRESS),
    Attribute("home_city", _C.LOCATION, _K.QUASI, "city of residence", "居住城市", _N.TEXT),
    Attribute("workplace_address", _C.LOCATION, _K.QUASI, "workplace address", "工作地址", _N.ADDRESS),
    Attribute("flight_number", _C.LOCATION, _K.QUASI, "flight number", "航班号", _N.NUMBER),
    Attribute("flight_route", _C.LOCATION, _K.QUASI, "flight route", "航线", _N.TEXT),
    Attribute("flight_date", _C.LOCATION, _K.QUASI, "flight date", "航班日期", _N.DATE),
    Attribute("flight_seat", _C.LOCATION, _K.QUASI, "seat number", "座位号", _N.NUMBER),
    Attribute("trip", _C.LOCATION, _K.QUASI, "ground trip", "出行记录", _N.TEXT),
    Attribute("frequent_place", _C.LOCATION, _K.QUASI, "frequently visited place", "常去地点", _N.TEXT),
    # medical health
    Attribute("hospital", _C.MEDICAL, _K.SENSITIVE, "hospital", "就诊医院", _N.TEXT),
    Attribute("exam_type", _C.MEDICAL, _K.SENSITIVE, "examination type", "检查类型", _N.TEXT),
    Attribute("exam_findings", _C.MEDICAL, _K.SENSITIVE, "examination findings", "检查结果", _N.TEXT),
    Attribute("diagnosis", _C.MEDICAL, _K.SENSITIVE, "diagnosis", "诊断", _N.TEXT),
    Attribute("medication", _C.MEDICAL, _K.SENSITIVE, "medication", "药物", _N.TEXT),
    Attribute("physician", _C.MEDICAL, _K.QUASI, "physician", "主治医师", _N.NAME),
    Attribute("insurance_number", _C.MEDICAL, _K.DIRECT, "health insurance number", "医保号", _N.NUMBER),
    # financial
    Attribute("bank", _C.FINANCIAL, _K.QUASI, "bank", "开户银行", _N.TEXT),
    Attribute("bank_card", _C.FINANCIAL, _K.DIRECT, "bank card number", "银行卡号", _N.NUMBER),
    Attribute("base_salary", _C.FINANCIAL, _K.SENSITIVE, "monthly base salary", "月基本工资", _N.MONEY),
    Attribute("allowance", _C.FINANCIAL, _K.SENSITIVE, "monthly allowance", "月津贴", _N.MONEY),
    Attribute("bonus", _C.FINANCIAL, _K.SENSITIVE, "annual bonus", "年终奖", _N.MONEY),
    Attribute("annual_income", _C.FINANCIAL, _K.SENSITIVE, "annual income", "年收入", _N.MONEY),
    Attribute("income_tax", _C.FINANCIAL, _K.SENSITIVE, "annual income tax", "年个人所得税", _N.MONEY),
    Attribute("purchase", _C.FINANCIAL, _K.SENSITIVE, "purchase", "消费记录", _N.TEXT),
    Attribute("credit_score", _C.FINANCIAL, _K.SENSITIVE, "credit score", "信用分", _N.NUMBER),
    # property
    Attribute("vehicle", _C.PROPERTY, _K.QUASI, "vehicle", "车辆", _N.TEXT),
    Attribute("license_plate", _C.PROPERTY, _K.DIRECT, "licence plate", "车牌号", _N.NUMBER),
    Attribute("device", _C.PROPERTY, _K.QUASI, "device", "电子设备", _N.TEXT),
    Attribute("device_serial", _C.PROPERTY, _K.DIRECT, "device serial number", "设备序列号", _N.NUMBER),
    # social
    Attribute("relations", _C.SOCIAL, _K.QUASI, "social relations", "社会关系", _N.TEXT),
)

BY_ID: dict[str, Attribute] = {a.id: a for a in ATTRIBUTES}


def attribute(attr_id: str) -> Attribute:
    """Look up one attribute; an unknown id is a programming error, so it raises KeyError."""
    return BY_ID[attr_id]


def attributes_for(locale: str) -> tuple[Attribute, ...]:
    return tuple(a for a in ATTRIBUTES if locale in a.locales)


def in_category(category: Category) -> tuple[Attribute, ...]:
    return tuple(a for a in ATTRIBUTES if a.category == category)
