"""What models call each attribute kind when they list them, in English and Chinese.

The taxonomy's display names (`name_en`, `name_zh`) and ids are always accepted; this table adds the
everyday words. A phrase listed under several attributes ("address") goes to the first of them that the
item's menu offers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from multipriv.world.taxonomy import ATTRIBUTES

SYNONYMS: dict[str, tuple[str, ...]] = {
    "face": ("face photo", "photo of face", "facial image", "face image", "portrait", "headshot", "photo",
             "photograph", "facial features", "人脸", "面部", "脸部", "人像", "照片", "头像", "面孔", "人脸照片"),
    "fingerprint": ("fingerprint", "fingerprints", "指纹"),
    "signature": ("handwritten signature", "autograph", "手写签名", "签字", "签章"),
    "id_number": ("id number", "id card number", "identity number", "identity card number", "national id",
                  "national id number", "resident id", "resident id number", "citizen id", "id no", "id",
                  "身份证号", "身份证号码", "身份证", "公民身份号码", "身份号码", "证件号码", "证件号"),
    "license_number": ("driver's license number", "drivers license number", "driver license number",
                       "licence number", "license number", "driver's license", "driving licence number",
                       "dl number", "驾照号", "驾驶证号码", "驾照号码", "驾驶证"),
    "passport_number": ("passport no", "passport", "护照号", "护照"),
    "passport_mrz": ("mrz", "machine readable zone", "machine-readable zone", "机读码", "机读区"),
    "ssn": ("ssn", "social security", "social security no", "社会保障号", "社保号"),
    "phone": ("phone", "telephone", "telephone number", "mobile", "mobile number", "cell phone", "cell number",
              "contact number", "手机号", "手机号码", "电话", "联系电话", "手机"),
    "email": ("email", "email address", "e-mail", "mail address", "邮箱", "电子邮件", "邮箱地址", "电子邮箱地址"),
    "social_handle": ("social handle", "social media account", "username", "user name", "handle", "微博",
                      "微信号", "社交媒体账号", "社交账号", "用户名"),
    "employee_id": ("employee number", "staff id", "staff number", "employee no", "badge number", "工号",
                    "员工编号", "员工号", "职工号"),
    "name": ("full name", "person's name", "name", "姓名", "名字", "全名"),
    "gender": ("sex", "gender", "性别"),
    "birth_date": ("birth date", "birthdate", "date of birth", "dob", "birthday", "出生日期", "生日", "出生年月"),
    "age": ("age", "年龄", "岁数"),
    "nationality": ("nationality", "citizenship", "国籍"),
    "ethnicity": ("ethnicity", "ethnic group", "race", "民族"),
    "marital_status": ("marital status", "married", "婚姻状况", "婚姻状态", "婚否"),
    "education": ("education", "degree", "educational background", "学历", "教育背景", "文化程度"),
    "occupation": ("occupation", "job title", "job", "profession", "position", "职业", "职位", "职务"),
    "employer": ("employer", "company", "workplace", "organisation", "organization", "工作单位", "单位",
                 "公司", "雇主"),
    "home_address": ("home address", "residential address", "address", "家庭住址", "住址", "家庭地址",
                     "居住地址", "地址"),
    "home_city": ("city of residence", "home city", "city", "居住城市", "城市"),
    "workplace_address": ("workplace address", "work address", "office address", "company address",
                          "address", "工作地址", "单位地址", "公司地址", "地址"),
    "flight_number": ("flight number", "flight no", "flight", "航班号", "航班"),
    "flight_route": ("flight route", "route", "航线", "航程"),
    "flight_date": ("flight date", "travel date", "航班日期", "乘机日期"),
    "flight_seat": ("seat number", "seat", "座位号", "座位"),
    "trip": ("ground trip", "trip", "travel record", "train ticket", "出行记录", "行程"),
    "frequent_place": ("frequently visited place", "frequent place", "常去地点", "常去的地方"),
    "hospital": ("hospital", "clinic", "就诊医院", "医院"),
    "exam_type": ("examination type", "exam type", "test type", "检查类型", "检查项目"),
    "exam_findings": ("examination findings", "exam findings", "findings", "test results", "检查结果", "检查所见"),
    "diagnosis": ("diagnosis", "medical condition", "诊断", "诊断结果", "病情"),
    "medication": ("medication", "medicine", "prescription", "drug", "药物", "用药", "药品", "处方"),
    "physician": ("physician", "doctor", "doctor's name", "主治医师", "医生", "医师"),
    "insurance_number": ("health insurance number", "insurance number", "medical insurance number",
                         "医保号", "医保卡号", "社保卡号", "医保号码"),
    "bank": ("bank", "bank name", "开户银行", "银行", "开户行"),
    "bank_card": ("bank card number", "card number", "bank card", "credit card number", "account number",
                  "银行卡号", "卡号", "银行卡", "银行账号"),
    "base_salary": ("base salary", "monthly base salary", "salary", "基本工资", "月基本工资", "工资", "薪资"),
    "allowance": ("allowance", "monthly allowance", "津贴", "补贴", "月津贴"),
    "bonus": ("bonus", "annual bonus", "年终奖", "奖金"),
    "annual_income": ("annual income", "yearly income", "income", "年收入", "收入"),
    "income_tax": ("income tax", "annual income tax", "tax", "个人所得税", "个税", "所得税"),
    "purchase": ("purchase", "purchase record", "transaction", "消费记录", "购买记录", "交易记录"),
    "credit_score": ("credit score", "credit rating", "信用分", "信用评分"),
    "vehicle": ("vehicle", "car", "车辆", "汽车"),
    "license_plate": ("licence plate", "license plate", "plate number", "number plate", "plate", "车牌号",
                      "车牌", "车牌号码"),
    "device": ("device", "电子设备", "设备"),
    "device_serial": ("device serial number", "serial number", "serial no", "sn", "设备序列号", "序列号"),
    "relations": ("social relations", "relationships", "relatives", "family members", "社会关系", "亲属关系"),
}


def _key(phrase: str) -> str:
    return re.sub(r"[\s\-_]+", " ", phrase.lower()).replace("'", "").replace("’", "")


def _phrases() -> dict[str, tuple[str, ...]]:
    """Phrase -> attribute ids, in taxonomy order: display names, ids and synonyms."""
    table: dict[str, list[str]] = {}
    for attr in ATTRIBUTES:
        for word in (attr.name_en, attr.name_zh, attr.id, *SYNONYMS.get(attr.id, ())):
            ids = table.setdefault(_key(word), [])
            if attr.id not in ids:
                ids.append(attr.id)
    return {k: tuple(v) for k, v in table.items()}


PHRASES: dict[str, tuple[str, ...]] = _phrases()


@lru_cache(maxsize=1)
def phrase_pattern() -> re.Pattern[str]:
    """One alternation over lower-cased text, longest phrase first, so "ID card number" wins over "ID".

    Spaces match any run of spaces, hyphens or underscores, and an apostrophe may be left out, so
    "driver's licence number", "drivers licence number" and "license_number" all match.
    """
    parts = []
    for phrase in sorted(PHRASES, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"[\s\-_]+")
        if phrase.isascii():
            body = body.replace("s[\\s\\-_]+", "'?s[\\s\\-_]+")
            body = r"(?<![a-z0-9])" + body + r"s?(?![a-z0-9])"
        parts.append(body)
    return re.compile("|".join(parts))


def resolve(phrase: str, menu: tuple[str, ...]) -> str | None:
    """The attribute a phrase names: the first candidate on the menu, else the first candidate."""
    key = _key(phrase)
    ids = PHRASES.get(key)
    if ids is None and key.endswith("s"):
        ids = PHRASES.get(key[:-1])
    if not ids:
        return None
    for attr_id in ids:
        if attr_id in menu:
            return attr_id
    return ids[0]
