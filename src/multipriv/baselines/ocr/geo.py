"""Public geography an attacker looks up once: Chinese provinces and major cities, US states and cities.

Plain tables, written from public references: GB/T 2260 administrative codes (two digits name the province,
four the prefecture-level city), the one-character province abbreviations and the city letters of Chinese
licence plates (京A Beijing, 粤B Shenzhen, 苏E Suzhou...), IATA codes of the major airports, the USPS state
abbreviations, and the usual Chinese names (Xinhua forms) of US states and cities. Nothing here comes from
the benchmark's generator; a city the tables lack is simply not recognised.
"""

from __future__ import annotations

from dataclasses import dataclass

# GB/T 2260 province codes: code -> (English, Chinese, plate abbreviation).
CN_PROVINCES: dict[str, tuple[str, str, str]] = {
    "11": ("Beijing", "北京市", "京"), "12": ("Tianjin", "天津市", "津"), "13": ("Hebei", "河北省", "冀"),
    "14": ("Shanxi", "山西省", "晋"), "15": ("Inner Mongolia", "内蒙古自治区", "蒙"),
    "21": ("Liaoning", "辽宁省", "辽"), "22": ("Jilin", "吉林省", "吉"), "23": ("Heilongjiang", "黑龙江省", "黑"),
    "31": ("Shanghai", "上海市", "沪"), "32": ("Jiangsu", "江苏省", "苏"), "33": ("Zhejiang", "浙江省", "浙"),
    "34": ("Anhui", "安徽省", "皖"), "35": ("Fujian", "福建省", "闽"), "36": ("Jiangxi", "江西省", "赣"),
    "37": ("Shandong", "山东省", "鲁"), "41": ("Henan", "河南省", "豫"), "42": ("Hubei", "湖北省", "鄂"),
    "43": ("Hunan", "湖南省", "湘"), "44": ("Guangdong", "广东省", "粤"),
    "45": ("Guangxi", "广西壮族自治区", "桂"), "46": ("Hainan", "海南省", "琼"), "50": ("Chongqing", "重庆市", "渝"),
    "51": ("Sichuan", "四川省", "川"), "52": ("Guizhou", "贵州省", "贵"), "53": ("Yunnan", "云南省", "云"),
    "54": ("Tibet", "西藏自治区", "藏"), "61": ("Shaanxi", "陕西省", "陕"), "62": ("Gansu", "甘肃省", "甘"),
    "63": ("Qinghai", "青海省", "青"), "64": ("Ningxia", "宁夏回族自治区", "宁"),
    "65": ("Xinjiang", "新疆维吾尔自治区", "新"),
}

# Plate abbreviations of every province-level division (mainland).
CN_PLATE_ABBRS = "".join(abbr for _, _, abbr in CN_PROVINCES.values())

MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True)
class CnCity:
    code: str  # GB/T 2260 four-digit prefix of the city's district codes
    en: str
    zh: str
    plate: str  # plate letters issued in the city (municipalities issue several)
    airports: tuple[str, ...] = ()


# Municipalities and the main prefecture-level cities (every provincial capital and the larger others).
CN_CITIES: tuple[CnCity, ...] = (
    CnCity("1101", "Beijing", "北京市", "ABCEFGHJKLMNPQY", ("PEK", "PKX")),
    CnCity("1201", "Tianjin", "天津市", "ABCDEFGHJKLMNQR", ("TSN",)),
    CnCity("3101", "Shanghai", "上海市", "ABCDEFGHJKLMN", ("PVG", "SHA")),
    CnCity("5001", "Chongqing", "重庆市", "ABCDFGH", ("CKG",)),
    CnCity("1301", "Shijiazhuang", "石家庄市", "A", ("SJW",)),
    CnCity("1302", "Tangshan", "唐山市", "B"),
    CnCity("1306", "Baoding", "保定市", "F"),
    CnCity("1401", "Taiyuan", "太原市", "A", ("TYN",)),
    CnCity("1501", "Hohhot", "呼和浩特市", "A", ("HET",)),
    CnCity("1502", "Baotou", "包头市", "B", ("BAV",)),
    CnCity("2101", "Shenyang", "沈阳市", "A", ("SHE",)),
    CnCity("2102", "Dalian", "大连市", "B", ("DLC",)),
    CnCity("2201", "Changchun", "长春市", "A", ("CGQ",)),
    CnCity("2202", "Jilin", "吉林市", "B"),
    CnCity("2301", "Harbin", "哈尔滨市", "A", ("HRB",)),
    CnCity("2302", "Qiqihar", "齐齐哈尔市", "B"),
    CnCity("3201", "Nanjing", "南京市", "A", ("NKG",)),
    CnCity("3202", "Wuxi", "无锡市", "B", ("WUX",)),
    CnCity("3203", "Xuzhou", "徐州市", "C", ("XUZ",)),
    CnCity("3204", "Changzhou", "常州市", "D", ("CZX",)),
    CnCity("3205", "Suzhou", "苏州市", "EU"),
    CnCity("3206", "Nantong", "南通市", "F", ("NTG",)),
    CnCity("3210", "Yangzhou", "扬州市", "K", ("YTY",)),
    CnCity("3301", "Hangzhou", "杭州市", "A", ("HGH",)),
    CnCity("3302", "Ningbo", "宁波市", "B", ("NGB",)),
    CnCity("3303", "Wenzhou", "温州市", "C", ("WNZ",)),
    CnCity("3304", "Jiaxing", "嘉兴市", "F"),
    CnCity("3305", "Huzhou", "湖州市", "E"),
    CnCity("3306", "Shaoxing", "绍兴市", "D"),
    CnCity("3307", "Jinhua", "金华市", "G"),
    CnCity("3310", "Taizhou", "台州市", "J", ("HYN",)),
    CnCity("3401", "Hefei", "合肥市", "A", ("HFE",)),
    CnCity("3402", "Wuhu", "芜湖市", "B"),
    CnCity("3501", "Fuzhou", "福州市", "A", ("FOC",)),
    CnCity("3502", "Xiamen", "厦门市", "D", ("XMN",)),
    CnCity("3505", "Quanzhou", "泉州市", "C", ("JJN",)),
    CnCity("3601", "Nanchang", "南昌市", "A", ("KHN",)),
    CnCity("3701", "Jinan", "济南市", "A", ("TNA",)),
    CnCity("3702", "Qingdao", "青岛市", "BU", ("TAO",)),
    CnCity("3706", "Yantai", "烟台市", "FY", ("YNT",)),
    CnCity("3707", "Weifang", "潍坊市", "GV"),
    CnCity("4101", "Zhengzhou", "郑州市", "A", ("CGO",)),
    CnCity("4103", "Luoyang", "洛阳市", "C", ("LYA",)),
    CnCity("4201", "Wuhan", "武汉市", "A", ("WUH",)),
    CnCity("4205", "Yichang", "宜昌市", "E", ("YIH",)),
    CnCity("4301", "Changsha", "长沙市", "A", ("CSX",)),
    CnCity("4401", "Guangzhou", "广州市", "A", ("CAN",)),
    CnCity("4403", "Shenzhen", "深圳市", "B", ("SZX",)),
    CnCity("4404", "Zhuhai", "珠海市", "C", ("ZUH",)),
    CnCity("4405", "Shantou", "汕头市", "D", ("SWA",)),
    CnCity("4406", "Foshan", "佛山市", "EXY"),
    CnCity("4413", "Huizhou", "惠州市", "L"),
    CnCity("4419", "Dongguan", "东莞市", "S"),
    CnCity("4501", "Nanning", "南宁市", "A", ("NNG",)),
    CnCity("4503", "Guilin", "桂林市", "C", ("KWL",)),
    CnCity("4601", "Haikou", "海口市", "A", ("HAK",)),
    CnCity("4602", "Sanya", "三亚市", "B", ("SYX",)),
    CnCity("5101", "Chengdu", "成都市", "AG", ("CTU", "TFU")),
    CnCity("5201", "Guiyang", "贵阳市", "A", ("KWE",)),
    CnCity("5301", "Kunming", "昆明市", "A", ("KMG",)),
    CnCity("5401", "Lhasa", "拉萨市", "A", ("LXA",)),
    CnCity("6101", "Xi'an", "西安市", "AU", ("XIY",)),
    CnCity("6201", "Lanzhou", "兰州市", "A", ("LHW",)),
    CnCity("6301", "Xining", "西宁市", "A", ("XNN",)),
    CnCity("6401", "Yinchuan", "银川市", "A", ("INC",)),
    CnCity("6501", "Urumqi", "乌鲁木齐市", "A", ("URC",)),
)

# USPS abbreviation -> (English, Chinese).
US_STATES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "亚拉巴马州"), "AK": ("Alaska", "阿拉斯加州"), "AZ": ("Arizona", "亚利桑那州"),
    "AR": ("Arkansas", "阿肯色州"), "CA": ("California", "加利福尼亚州"), "CO": ("Colorado", "科罗拉多州"),
    "CT": ("Connecticut", "康涅狄格州"), "DE": ("Delaware", "特拉华州"), "FL": ("Florida", "佛罗里达州"),
    "GA": ("Georgia", "佐治亚州"), "HI": ("Hawaii", "夏威夷州"), "ID": ("Idaho", "爱达荷州"),
    "IL": ("Illinois", "伊利诺伊州"), "IN": ("Indiana", "印第安纳州"), "IA": ("Iowa", "艾奥瓦州"),
    "KS": ("Kansas", "堪萨斯州"), "KY": ("Kentucky", "肯塔基州"), "LA": ("Louisiana", "路易斯安那州"),
    "ME": ("Maine", "缅因州"), "MD": ("Maryland", "马里兰州"), "MA": ("Massachusetts", "马萨诸塞州"),
    "MI": ("Michigan", "密歇根州"), "MN": ("Minnesota", "明尼苏达州"), "MS": ("Mississippi", "密西西比州"),
    "MO": ("Missouri", "密苏里州"), "MT": ("Montana", "蒙大拿州"), "NE": ("Nebraska", "内布拉斯加州"),
    "NV": ("Nevada", "内华达州"), "NH": ("New Hampshire", "新罕布什尔州"), "NJ": ("New Jersey", "新泽西州"),
    "NM": ("New Mexico", "新墨西哥州"), "NY": ("New York", "纽约州"), "NC": ("North Carolina", "北卡罗来纳州"),
    "ND": ("North Dakota", "北达科他州"), "OH": ("Ohio", "俄亥俄州"), "OK": ("Oklahoma", "俄克拉何马州"),
    "OR": ("Oregon", "俄勒冈州"), "PA": ("Pennsylvania", "宾夕法尼亚州"), "RI": ("Rhode Island", "罗得岛州"),
    "SC": ("South Carolina", "南卡罗来纳州"), "SD": ("South Dakota", "南达科他州"),
    "TN": ("Tennessee", "田纳西州"), "TX": ("Texas", "得克萨斯州"), "UT": ("Utah", "犹他州"),
    "VT": ("Vermont", "佛蒙特州"), "VA": ("Virginia", "弗吉尼亚州"), "WA": ("Washington", "华盛顿州"),
    "WV": ("West Virginia", "西弗吉尼亚州"), "WI": ("Wisconsin", "威斯康星州"), "WY": ("Wyoming", "怀俄明州"),
    "DC": ("District of Columbia", "哥伦比亚特区"),
}


@dataclass(frozen=True)
class UsCity:
    en: str
    zh: str
    state: str  # USPS abbreviation
    airports: tuple[str, ...] = ()


US_CITIES: tuple[UsCity, ...] = (
    UsCity("New York", "纽约", "NY", ("JFK", "LGA")), UsCity("Buffalo", "布法罗", "NY", ("BUF",)),
    UsCity("Rochester", "罗切斯特", "NY", ("ROC",)), UsCity("Albany", "奥尔巴尼", "NY", ("ALB",)),
    UsCity("Syracuse", "锡拉丘兹", "NY", ("SYR",)),
    UsCity("Los Angeles", "洛杉矶", "CA", ("LAX",)), UsCity("San Francisco", "旧金山", "CA", ("SFO",)),
    UsCity("San Jose", "圣何塞", "CA", ("SJC",)), UsCity("San Diego", "圣迭戈", "CA", ("SAN",)),
    UsCity("Sacramento", "萨克拉门托", "CA", ("SMF",)), UsCity("Oakland", "奥克兰", "CA", ("OAK",)),
    UsCity("Fresno", "弗雷斯诺", "CA", ("FAT",)), UsCity("Long Beach", "长滩", "CA", ("LGB",)),
    UsCity("Houston", "休斯敦", "TX", ("IAH", "HOU")), UsCity("Dallas", "达拉斯", "TX", ("DFW", "DAL")),
    UsCity("Austin", "奥斯汀", "TX", ("AUS",)), UsCity("San Antonio", "圣安东尼奥", "TX", ("SAT",)),
    UsCity("Fort Worth", "沃思堡", "TX"), UsCity("El Paso", "埃尔帕索", "TX", ("ELP",)),
    UsCity("Miami", "迈阿密", "FL", ("MIA",)), UsCity("Orlando", "奥兰多", "FL", ("MCO",)),
    UsCity("Tampa", "坦帕", "FL", ("TPA",)), UsCity("Jacksonville", "杰克逊维尔", "FL", ("JAX",)),
    UsCity("Fort Lauderdale", "劳德代尔堡", "FL", ("FLL",)), UsCity("Tallahassee", "塔拉哈西", "FL", ("TLH",)),
    UsCity("Chicago", "芝加哥", "IL", ("ORD", "MDW")), UsCity("Springfield", "斯普林菲尔德", "IL", ("SPI",)),
    UsCity("Naperville", "内珀维尔", "IL"), UsCity("Aurora", "奥罗拉", "IL"),
    UsCity("Rockford", "罗克福德", "IL", ("RFD",)),
    UsCity("Seattle", "西雅图", "WA", ("SEA",)), UsCity("Spokane", "斯波坎", "WA", ("GEG",)),
    UsCity("Bellevue", "贝尔维尤", "WA"), UsCity("Tacoma", "塔科马", "WA"),
    UsCity("Boston", "波士顿", "MA", ("BOS",)), UsCity("Cambridge", "剑桥", "MA"),
    UsCity("Worcester", "伍斯特", "MA", ("ORH",)), UsCity("Lowell", "洛厄尔", "MA"),
    UsCity("Philadelphia", "费城", "PA", ("PHL",)), UsCity("Pittsburgh", "匹兹堡", "PA", ("PIT",)),
    UsCity("Allentown", "阿伦敦", "PA", ("ABE",)), UsCity("Harrisburg", "哈里斯堡", "PA", ("MDT",)),
    UsCity("Atlanta", "亚特兰大", "GA", ("ATL",)), UsCity("Savannah", "萨凡纳", "GA", ("SAV",)),
    UsCity("Augusta", "奥古斯塔", "GA", ("AGS",)),
    UsCity("Columbus", "哥伦布", "OH", ("CMH",)), UsCity("Cleveland", "克利夫兰", "OH", ("CLE",)),
    UsCity("Cincinnati", "辛辛那提", "OH", ("CVG",)), UsCity("Toledo", "托莱多", "OH", ("TOL",)),
    UsCity("Dayton", "代顿", "OH", ("DAY",)),
    UsCity("Denver", "丹佛", "CO", ("DEN",)), UsCity("Phoenix", "菲尼克斯", "AZ", ("PHX",)),
    UsCity("Tucson", "图森", "AZ", ("TUS",)), UsCity("Las Vegas", "拉斯维加斯", "NV", ("LAS",)),
    UsCity("Detroit", "底特律", "MI", ("DTW",)), UsCity("Minneapolis", "明尼阿波利斯", "MN", ("MSP",)),
    UsCity("Washington", "华盛顿", "DC", ("DCA", "IAD")), UsCity("Baltimore", "巴尔的摩", "MD", ("BWI",)),
    UsCity("Charlotte", "夏洛特", "NC", ("CLT",)), UsCity("Raleigh", "罗利", "NC", ("RDU",)),
    UsCity("Nashville", "纳什维尔", "TN", ("BNA",)), UsCity("Memphis", "孟菲斯", "TN", ("MEM",)),
    UsCity("New Orleans", "新奥尔良", "LA", ("MSY",)), UsCity("Salt Lake City", "盐湖城", "UT", ("SLC",)),
    UsCity("Honolulu", "檀香山", "HI", ("HNL",)), UsCity("St. Louis", "圣路易斯", "MO", ("STL",)),
    UsCity("Kansas City", "堪萨斯城", "MO", ("MCI",)), UsCity("Indianapolis", "印第安纳波利斯", "IN", ("IND",)),
    UsCity("Milwaukee", "密尔沃基", "WI", ("MKE",)), UsCity("Portland", "波特兰", "OR", ("PDX",)),
    UsCity("Newark", "纽瓦克", "NJ", ("EWR",)), UsCity("Albuquerque", "阿尔伯克基", "NM", ("ABQ",)),
    UsCity("Oklahoma City", "俄克拉何马城", "OK", ("OKC",)), UsCity("Louisville", "路易斯维尔", "KY", ("SDF",)),
    UsCity("Richmond", "里士满", "VA", ("RIC",)), UsCity("Hartford", "哈特福德", "CT", ("BDL",)),
    UsCity("Providence", "普罗维登斯", "RI", ("PVD",)), UsCity("Anchorage", "安克雷奇", "AK", ("ANC",)),
    UsCity("Omaha", "奥马哈", "NE", ("OMA",)), UsCity("Boise", "博伊西", "ID", ("BOI",)),
    UsCity("Des Moines", "得梅因", "IA", ("DSM",)), UsCity("Madison", "麦迪逊", "WI", ("MSN",)),
)

# Other forms people write for some of these cities.
CITY_ALIASES: dict[str, str] = {"圣地亚哥": "San Diego", "纽约市": "New York", "NYC": "New York",
                                "Saint Louis": "St. Louis", "Xian": "Xi'an", "Urumchi": "Urumqi"}


def cn_city_of_code(code: str) -> CnCity | None:
    """The city a GB/T 2260 code (4 or 6 digits, e.g. an ID number's first six) lies in, if it is listed."""
    prefix = code[:2]
    for city in CN_CITIES:
        if city.code == code[:4] or (prefix in MUNICIPALITIES and city.code[:2] == prefix):
            return city
    return None


def cn_province_of_code(code: str) -> tuple[str, str] | None:
    found = CN_PROVINCES.get(code[:2])
    return (found[0], found[1]) if found else None


def cn_city_of_plate(plate: str) -> CnCity | None:
    """The city a Chinese plate's first two characters (province abbreviation, city letter) name."""
    plate = plate.replace(" ", "").replace("·", "").replace("•", "")
    if len(plate) < 2:
        return None
    abbr, letter = plate[0], plate[1].upper()
    for code, (_, _, a) in CN_PROVINCES.items():
        if a != abbr:
            continue
        for city in CN_CITIES:
            if city.code[:2] == code and letter in city.plate:
                return city
    return None


def city_of_airport(code: str) -> tuple[str, str] | None:
    """(English, Chinese) name of the city an IATA airport code serves."""
    code = code.strip().upper()
    for cn in CN_CITIES:
        if code in cn.airports:
            return cn.en, cn.zh
    for us in US_CITIES:
        if code in us.airports:
            return us.en, us.zh
    return None


def us_state(abbr_or_name: str) -> tuple[str, str] | None:
    """(English, Chinese) of a US state from its USPS abbreviation or either name."""
    key = abbr_or_name.strip()
    if key.upper() in US_STATES:
        return US_STATES[key.upper()]
    for en, zh in US_STATES.values():
        if key.lower() == en.lower() or key in (zh, zh.removesuffix("州")):
            return en, zh
    return None
