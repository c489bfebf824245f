"""Locale-independent bilingual tables: education, jobs, health, biometrics, travel, property, relations.

Industry keys are shared with `INDUSTRY_SUFFIXES` of both locales, so an occupation always finds an
employer name. Salaries are monthly base ranges chosen for realistic relative pay within each currency.
"""

from __future__ import annotations

from multipriv.world.tables.medical import CONDITIONS, DIAGNOSES_BY_MEDICATION
from multipriv.world.tables.records import Bi, DeviceModel, FingerprintClass, Occupation

__all__ = [
    "CABINS", "CONDITIONS", "COUNTRY", "DEVICE_KINDS", "DEVICE_MODELS", "DIAGNOSES_BY_MEDICATION",
    "EDUCATION", "FINGERPRINT_CLASSES", "GENDER", "INDUSTRIES", "MARITAL_STATUS", "NATIONALITY",
    "OCCUPATIONS", "PURCHASE_ITEMS", "RELATION_NAMES", "SIGNATURE_STYLES", "VEHICLE_COLORS",
    "VEHICLE_MODELS", "VEHICLE_MODEL_TYPE", "VEHICLE_TYPES", "VEHICLE_WMI",
]

# Ordered low to high: Occupation.min_education indexes into this.
EDUCATION: tuple[Bi, ...] = (
    ("High school", "高中"),
    ("Associate degree", "大专"),
    ("Bachelor's degree", "本科"),
    ("Master's degree", "硕士研究生"),
    ("Doctorate", "博士研究生"),
)

MARITAL_STATUS: tuple[Bi, ...] = (
    ("Single", "未婚"), ("Married", "已婚"), ("Divorced", "离异"), ("Widowed", "丧偶"),
)

NATIONALITY: dict[str, Bi] = {"zh": ("Chinese", "中国"), "en": ("American", "美国")}
COUNTRY: dict[str, Bi] = {"zh": ("China", "中国"), "en": ("United States", "美国")}
GENDER: dict[str, Bi] = {"F": ("Female", "女"), "M": ("Male", "男")}
RELATION_NAMES: dict[str, Bi] = {
    "spouse": ("Spouse", "配偶"),
    "family": ("Family member", "亲属"),
    "colleague": ("Colleague", "同事"),
    "friend": ("Friend", "朋友"),
}

INDUSTRIES: tuple[str, ...] = (
    "tech", "finance", "health", "education", "retail", "manufacturing", "logistics", "government", "media",
    "construction",
)

_O = Occupation
OCCUPATIONS: tuple[Occupation, ...] = (
    _O(("Software engineer", "软件工程师"), "tech", 2, (18000, 40000), (9000, 15000)),
    _O(("Data analyst", "数据分析师"), "tech", 2, (12000, 25000), (6000, 9500)),
    _O(("Product manager", "产品经理"), "tech", 2, (18000, 38000), (9000, 14000)),
    _O(("IT support technician", "IT运维工程师"), "tech", 1, (6000, 11000), (4000, 5500)),
    _O(("Accountant", "会计"), "finance", 2, (8000, 16000), (5000, 7500)),
    _O(("Financial analyst", "金融分析师"), "finance", 2, (12000, 28000), (6500, 10000)),
    _O(("Bank teller", "银行柜员"), "finance", 1, (5000, 8000), (3000, 3800)),
    _O(("Surgeon", "外科医生"), "health", 4, (30000, 60000), (25000, 40000)),
    _O(("General practitioner", "全科医生"), "health", 3, (15000, 30000), (17000, 24000)),
    _O(("Nurse", "护士"), "health", 1, (7000, 12000), (6000, 8500)),
    _O(("Pharmacist", "药剂师"), "health", 2, (8000, 14000), (10000, 11500)),
    _O(("Secondary school teacher", "中学教师"), "education", 2, (8000, 14000), (4500, 6000)),
    _O(("University lecturer", "大学讲师"), "education", 4, (12000, 22000), (6500, 9500)),
    _O(("Cashier", "收银员"), "retail", 0, (3500, 5000), (2200, 2800)),
    _O(("Store manager", "门店经理"), "retail", 1, (7000, 12000), (4000, 5500)),
    _O(("Mechanical engineer", "机械工程师"), "manufacturing", 2, (10000, 20000), (6500, 9000)),
    _O(("Production supervisor", "生产主管"), "manufacturing", 1, (6000, 10000), (4000, 5500)),
    _O(("Truck driver", "货车司机"), "logistics", 0, (7000, 11000), (4000, 5500)),
    _O(("Logistics coordinator", "物流专员"), "logistics", 1, (6000, 9500), (3800, 5000)),
    _O(("Civil servant", "公务员"), "government", 2, (8000, 15000), (4500, 6500)),
    _O(("Police officer", "警察"), "government", 1, (8000, 13000), (5000, 7000)),
    _O(("Journalist", "记者"), "media", 2, (8000, 16000), (4000, 6000)),
    _O(("Graphic designer", "平面设计师"), "media", 1, (7000, 14000), (4000, 6000)),
    _O(("Civil engineer", "土木工程师"), "construction", 2, (10000, 20000), (6500, 9000)),
    _O(("Architect", "建筑师"), "construction", 3, (12000, 25000), (7000, 10000)),
    _O(("Electrician", "电工"), "construction", 0, (6000, 10000), (4500, 6500)),
)

# One class per pattern the fingerprint renderer draws. Loop direction follows a right-hand print, where an
# ulnar loop opens towards the little finger (right) and a radial loop towards the thumb (left).
FINGERPRINT_CLASSES: tuple[FingerprintClass, ...] = (
    FingerprintClass(("plain arch", "弓形纹"), "arch"),
    FingerprintClass(("tented arch", "帐形弓纹"), "tented_arch"),
    FingerprintClass(("radial loop", "桡侧箕形纹"), "left_loop"),
    FingerprintClass(("ulnar loop", "尺侧箕形纹"), "right_loop"),
    FingerprintClass(("plain whorl", "斗形纹"), "whorl"),
    FingerprintClass(("double loop", "双箕斗形纹"), "double_loop"),
)

SIGNATURE_STYLES: int = 6
"""Signature styles a renderer knows, by index: 0 flowing cursive, 1 upright print, 2 initials with a
flourish, 3 compact slanted scrawl, 4 surname only with underline, 5 wide looping cursive."""

# Cabin classes with how often a trip is booked in each.
CABINS: tuple[tuple[Bi, float], ...] = (
    (("Economy", "经济舱"), 0.78),
    (("Premium economy", "超级经济舱"), 0.1),
    (("Business", "公务舱"), 0.1),
    (("First", "头等舱"), 0.02),
)

DEVICE_KINDS: dict[str, Bi] = {
    "phone": ("Mobile phone", "手机"),
    "laptop": ("Laptop", "笔记本电脑"),
    "tablet": ("Tablet", "平板电脑"),
    "watch": ("Smartwatch", "智能手表"),
}
# Fictional brands; every model of a brand shares the brand's serial prefix.
_ORION: Bi = ("Orion", "猎户")
_LUMORA: Bi = ("Lumora", "朗月")
_KESTREL: Bi = ("Kestrel", "红隼")
_TIDEWAY: Bi = ("Tideway", "潮汐")
_PREFIX = {_ORION: "OR", _LUMORA: "LM", _KESTREL: "KS", _TIDEWAY: "TW"}


def _device(kind: str, brand: Bi, model: str) -> DeviceModel:
    name = (f"{brand[0]} {model}", f"{brand[1]} {model}")
    return DeviceModel(DEVICE_KINDS[kind], name, _PREFIX[brand], brand)


DEVICE_MODELS: tuple[DeviceModel, ...] = (
    _device("phone", _ORION, "X5"),
    _device("phone", _ORION, "X7 Pro"),
    _device("phone", _LUMORA, "Pro 12"),
    _device("phone", _TIDEWAY, "Wave 3"),
    _device("laptop", _KESTREL, "Book 14"),
    _device("laptop", _ORION, "AirBook 13"),
    _device("laptop", _LUMORA, "Studio 16"),
    _device("tablet", _LUMORA, "Pad 11"),
    _device("tablet", _KESTREL, "Tab S8"),
    _device("watch", _TIDEWAY, "Watch S3"),
    _device("watch", _ORION, "Band 6"),
)

VEHICLE_TYPES: tuple[Bi, ...] = (
    ("Sedan", "轿车"), ("SUV", "SUV"), ("Hatchback", "两厢车"), ("Pickup", "皮卡"),
    ("Electric car", "新能源车"),
)
# Fictional makes and models, and the body type each is (keyed by the English model name).
VEHICLE_MODELS: tuple[Bi, ...] = (
    ("Ardent Vela", "雅登 维拉"), ("Ardent Terra", "雅登 泰拉"), ("Corvane Pico", "科万 皮可"),
    ("Corvane Atlas", "科万 阿特拉斯"), ("Halden Ridgeback", "海登 脊背"), ("Meridia Lumen", "麦瑞迪 流明"),
    ("Sunvolt E7", "阳动 E7"), ("Sunvolt E3", "阳动 E3"),
)
_SEDAN, _SUV, _HATCH, _PICKUP, _EV = VEHICLE_TYPES
VEHICLE_MODEL_TYPE: dict[str, Bi] = {
    "Ardent Vela": _SEDAN, "Ardent Terra": _SUV, "Corvane Pico": _HATCH, "Corvane Atlas": _SUV,
    "Halden Ridgeback": _PICKUP, "Meridia Lumen": _SEDAN, "Sunvolt E7": _EV, "Sunvolt E3": _EV,
}
# World manufacturer identifiers for VINs by locale: L = built in China, 1 and 5 = built in the US. They are
# well-formed; whether a code is assigned to some real maker could not be checked offline.
VEHICLE_WMI: dict[str, tuple[str, ...]] = {
    "zh": ("LA7", "LC3", "LH8", "LS2"),
    "en": ("1A7", "1C3", "1H8", "5S2"),
}

VEHICLE_COLORS: tuple[Bi, ...] = (
    ("White", "白色"), ("Black", "黑色"), ("Silver", "银色"), ("Grey", "灰色"), ("Blue", "蓝色"),
    ("Red", "红色"), ("Dark green", "墨绿色"), ("Champagne", "香槟色"),
)

# Items with a price range in CNY; the generator scales by about 1/7 for USD.
PURCHASE_ITEMS: tuple[tuple[Bi, tuple[float, float]], ...] = (
    (("Wireless earbuds", "无线耳机"), (199.0, 1299.0)),
    (("Running shoes", "跑步鞋"), (299.0, 899.0)),
    (("Coffee beans", "咖啡豆"), (68.0, 198.0)),
    (("Down jacket", "羽绒服"), (499.0, 1899.0)),
    (("Groceries", "生鲜食品"), (45.0, 380.0)),
    (("Blender", "破壁机"), (299.0, 999.0)),
    (("Books", "图书"), (39.0, 268.0)),
    (("Skincare set", "护肤套装"), (199.0, 899.0)),
    (("Multivitamins", "复合维生素"), (89.0, 299.0)),
    (("Yoga mat", "瑜伽垫"), (59.0, 199.0)),
    (("Phone case", "手机壳"), (29.0, 129.0)),
    (("Desk lamp", "台灯"), (79.0, 399.0)),
    (("Bed linen set", "床上四件套"), (199.0, 799.0)),
    (("Backpack", "双肩包"), (129.0, 599.0)),
    (("Children's toys", "儿童玩具"), (49.0, 399.0)),
    (("Cat food", "猫粮"), (89.0, 329.0)),
    (("Mechanical keyboard", "机械键盘"), (199.0, 899.0)),
    (("Sunglasses", "太阳镜"), (159.0, 899.0)),
)
