"""Tables for persons of the en locale: census-style ethnicities and made-up streets and institutions.

Street words are invented compounds rather than famous street names; a Chinese rendering of a US address
keeps the Latin street name, as Chinese documents do. Employers, banks, hospitals, shops and airlines are
made up; only the states and cities are real.
"""

from __future__ import annotations

from multipriv.world.tables.en_places import STATES
from multipriv.world.tables.records import Airline, Bi

__all__ = [
    "AIRLINES", "BANKS", "EMPLOYER_STEMS", "ETHNICITIES", "FREQUENT_PLACE_PATTERNS",
    "HOSPITAL_PATTERNS", "INDUSTRY_SUFFIXES", "STATES", "STORES", "STREET_TYPES", "STREET_WORDS",
]

STREET_WORDS: tuple[str, ...] = (
    "Amberleaf", "Copperfield", "Willowmere", "Foxglen", "Larkhaven", "Quillfeather", "Brackenridge",
    "Thornbury", "Alderbrook", "Hollowpine", "Marigold", "Sablecrest", "Fernhollow", "Briarwick",
    "Glenhaven", "Ravensdale", "Cobblestone", "Kestrelwood", "Moonridge", "Silverbirch", "Ashcombe",
    "Bramblewood", "Juniper Hill", "Cedarvale",
)
STREET_TYPES: tuple[Bi, ...] = (
    ("Lane", "巷"), ("Street", "街"), ("Avenue", "大道"), ("Drive", "路"), ("Road", "路"), ("Court", "苑"),
)

# US census-style categories with approximate 2020 shares; the generator normalises the weights.
ETHNICITIES: tuple[tuple[Bi, float], ...] = (
    (("White", "白人"), 0.58),
    (("Hispanic or Latino", "西班牙裔或拉丁裔"), 0.19),
    (("Black or African American", "黑人或非裔美国人"), 0.12),
    (("Asian", "亚裔"), 0.06),
    (("Two or more races", "多种族"), 0.04),
    (("American Indian or Alaska Native", "美洲印第安人或阿拉斯加原住民"), 0.007),
    (("Native Hawaiian or Other Pacific Islander", "夏威夷原住民或其他太平洋岛民"), 0.002),
)

# Made-up brand stems; an employer is stem + industry suffix: "Northwind Technologies, Inc.".
EMPLOYER_STEMS: tuple[Bi, ...] = (
    ("Northwind", "诺斯温德"), ("Bluefin", "蓝鳍"), ("Cedarline", "雪松线"), ("Harrowgate", "哈罗盖特"),
    ("Stonebridge", "石桥"), ("Brightwell", "明泉"), ("Ironvale", "铁谷"), ("Maplecrest", "枫冠"),
    ("Quarrytown", "采石镇"), ("Redfern", "红蕨"), ("Silverline", "银线"), ("Tallgrass", "高草"),
    ("Westbrook", "西溪"), ("Lumenfield", "流明原"), ("Oakhurst", "橡林"), ("Pinecrest", "松冠"),
)
INDUSTRY_SUFFIXES: dict[str, Bi] = {
    "tech": ("Technologies, Inc.", "科技公司"),
    "finance": ("Financial Group, LLC", "金融集团"),
    "health": ("Health Systems, Inc.", "医疗系统公司"),
    "education": ("Learning Group", "教育集团"),
    "retail": ("Retail Co.", "零售公司"),
    "manufacturing": ("Manufacturing Corp.", "制造公司"),
    "logistics": ("Logistics, LLC", "物流公司"),
    "government": ("Civic Services Agency", "市政服务局"),
    "media": ("Media Group", "传媒集团"),
    "construction": ("Builders, Inc.", "建筑公司"),
}

BANKS: tuple[Bi, ...] = (
    ("Harbor Trust Bank", "港信银行"), ("Granite Peak Savings Bank", "岩峰储蓄银行"),
    ("Meadowlark National Bank", "草地鹨国民银行"), ("Bluewater Federal Credit Union", "蓝水联邦信用合作社"),
    ("Summit Ridge Bank", "峰岭银行"), ("Lanternfield Bank", "灯原银行"),
)

# {city} is the city name: "Seattle" / "西雅图".
HOSPITAL_PATTERNS: tuple[Bi, ...] = (
    ("{city} Lakeshore Medical Center", "{city}湖岸医疗中心"),
    ("Saint Aldric Hospital of {city}", "{city}圣奥尔德里克医院"),
    ("{city} Brightwater Regional Hospital", "{city}明水地区医院"),
    ("{city} Fairhaven Health Clinic", "{city}费尔黑文健康诊所"),
    ("{city} Elmstead General Hospital", "{city}榆田综合医院"),
)

# Codes of airlines that have ceased operating (Virgin America, Air Berlin, Air Namibia, Comair).
AIRLINES: tuple[Airline, ...] = (
    Airline(("Bluecrest Airways", "蓝冠航空"), "VX"),
    Airline(("Northmere Air", "诺斯米尔航空"), "AB"),
    Airline(("Sunward Airlines", "向阳航空"), "SW"),
    Airline(("Cedarwing Airlines", "雪松翼航空"), "MN"),
)

STORES: tuple[Bi, ...] = (
    ("Maple & Finch Market", "枫雀超市"), ("Brightcart Grocery", "亮车杂货"),
    ("Pinecone Pharmacy", "松果药房"), ("Larkspur Books", "飞燕草书店"), ("Voltbay Electronics", "伏湾电器"),
    ("Juniper Home Goods", "杜松家居"), ("Copper Kettle Coffee", "铜壶咖啡"),
    ("Threadline Apparel", "织线服饰"), ("Sunnyhollow Bakery", "阳谷面包房"),
    ("Trailmark Outdoor", "径标户外"), ("Harvest Lane Foods", "丰收巷食品"),
)

# {district} is the neighbourhood or city part of the address.
FREQUENT_PLACE_PATTERNS: tuple[Bi, ...] = (
    ("Ironleaf Fitness, {district}", "{district}铁叶健身中心"),
    ("Copper Kettle Coffee, {district}", "{district}铜壶咖啡馆"),
    ("Grace Hollow Church, {district}", "{district}恩谷教堂"),
    ("Larkspur Park, {district}", "{district}飞燕草公园"),
    ("Shuttlecock Badminton Club, {district}", "{district}羽毛球俱乐部"),
    ("Tidewater Climbing Gym, {district}", "{district}潮水攀岩馆"),
    ("Riverbend Public Library, {district}", "{district}河湾公共图书馆"),
)
