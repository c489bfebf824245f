"""Tables for persons of the zh locale: names, ethnicities, made-up streets, employers and institutions.

Names are built from common characters so they look ordinary, but every surname and given-name character
has one pinyin reading, so the passport spelling of a name is never in doubt. Streets, compounds,
employers, banks, hospitals, shops and airlines are invented; only the places they sit in are real.
"""

from __future__ import annotations

from multipriv.world.tables.records import Airline, Bi
from multipriv.world.tables.zh_places import CITIES, PROVINCE_PREFIX

__all__ = [
    "AIRLINES", "BANKS", "CITIES", "COMPOUND_NAMES", "EMPLOYER_STEMS", "ETHNICITIES",
    "FREQUENT_PLACE_PATTERNS", "GIVEN_CHARS_ANY", "GIVEN_CHARS_F", "GIVEN_CHARS_M",
    "HOSPITAL_PATTERNS", "INDUSTRY_SUFFIXES", "PROVINCE_PREFIX", "STORES", "STREET_STEMS",
    "STREET_SUFFIXES", "SURNAMES",
]

# Common single-character surnames with one surname reading (so no 单, 解, 曾, 朴, 仇, 区, 查, 覃...).
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
    ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"), ("潘", "Pan"), ("于", "Yu"),
    ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"), ("程", "Cheng"),
    ("苏", "Su"), ("魏", "Wei"), ("丁", "Ding"), ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"),
    ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"), ("钟", "Zhong"), ("谭", "Tan"), ("陆", "Lu"),
    ("汪", "Wang"), ("范", "Fan"), ("金", "Jin"), ("廖", "Liao"), ("贾", "Jia"), ("夏", "Xia"),
    ("韦", "Wei"), ("方", "Fang"), ("白", "Bai"), ("邹", "Zou"), ("孟", "Meng"), ("熊", "Xiong"),
    ("秦", "Qin"), ("邱", "Qiu"), ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("段", "Duan"),
    ("雷", "Lei"), ("侯", "Hou"), ("龙", "Long"), ("史", "Shi"), ("陶", "Tao"), ("黎", "Li"),
    ("贺", "He"), ("顾", "Gu"), ("毛", "Mao"), ("郝", "Hao"), ("龚", "Gong"), ("邵", "Shao"),
    ("万", "Wan"), ("钱", "Qian"), ("严", "Yan"), ("武", "Wu"), ("戴", "Dai"), ("孔", "Kong"),
)

# Given-name characters by the sex they mostly go with; all common, all with a single pinyin spelling.
GIVEN_CHARS_F: tuple[str, ...] = tuple(
    "芳敏静丽婷雪琳颖萍玲霞燕梅莉兰月娟英慧洁琴云莹怡悦蕾璐瑶晶婉菲薇蓉妍琪萱雯妮珊馨岚彤"
    "淑秀凤艳琦晴诗涵梦瑾黛娅婕姗媚蕊芸茹韵蓓璇瑜嫣婧"
)
GIVEN_CHARS_M: tuple[str, ...] = tuple(
    "伟刚勇毅峰建国军磊超涛斌杰鹏浩宇明辉亮鑫旭昊凯锋轩航俊睿铭哲瑞烨翔飞龙东海波彬昌振健坤"
    "森琛恒诚骏晖松岩庆锐智远康永炜豪栋彪虎雄志宏博"
)
GIVEN_CHARS_ANY: tuple[str, ...] = tuple("文晨宁安嘉欣清雨林新秋子一华晓春心佳天阳方丹玉")

# Han with its census share, then the largest minorities; weights are relative, the generator normalises.
ETHNICITIES: tuple[tuple[Bi, float], ...] = (
    (("Han", "汉族"), 0.9111),
    (("Zhuang", "壮族"), 0.0139),
    (("Uyghur", "维吾尔族"), 0.0084),
    (("Hui", "回族"), 0.0081),
    (("Miao", "苗族"), 0.0078),
    (("Manchu", "满族"), 0.0074),
    (("Yi", "彝族"), 0.0070),
    (("Tujia", "土家族"), 0.0068),
    (("Tibetan", "藏族"), 0.0050),
    (("Mongol", "蒙古族"), 0.0045),
    (("Dong", "侗族"), 0.0025),
    (("Bouyei", "布依族"), 0.0025),
)

# Made-up street stems (a street is stem + suffix): two characters, no syllable that needs an apostrophe.
STREET_STEMS: tuple[Bi, ...] = (
    ("Wutong", "梧桐"), ("Qingfeng", "青枫"), ("Jinhu", "锦湖"), ("Songshi", "松石"), ("Mingxi", "明溪"),
    ("Zhuying", "竹影"), ("Biquan", "碧泉"), ("Xinghe", "星河"), ("Yingxue", "映雪"), ("Danxia", "丹霞"),
    ("Qiushi", "秋实"), ("Yinxing", "银杏"), ("Cuiwei", "翠微"), ("Qingchuan", "晴川"), ("Taoxi", "桃溪"),
    ("Mingxiang", "茗香"), ("Wangjiang", "望江"), ("Yingyue", "映月"), ("Zijing", "紫荆"), ("Zhilan", "芷兰"),
    ("Qingbo", "清波"), ("Tingtao", "听涛"), ("Lanxi", "兰溪"), ("Fenglin", "枫林"), ("Huaiyu", "槐雨"),
    ("Hehua", "荷花"), ("Yunjin", "云锦"), ("Shuguang", "曙光"),
)
STREET_SUFFIXES: tuple[Bi, ...] = (("Road", "路"), ("Street", "街"), ("Lane", "巷"), ("Avenue", "大道"))

# Made-up residential compounds.
COMPOUND_NAMES: tuple[Bi, ...] = (
    ("Jinxiu Garden", "锦绣花园"), ("Cuihu Residence", "翠湖苑"), ("Fenglin Yaju", "枫林雅居"),
    ("Bishui Yunting", "碧水云庭"), ("Jingui Community", "金桂小区"), ("Lanting Mansion", "兰亭公馆"),
    ("Chunxiao Garden", "春晓花园"), ("Songhe Homes", "松鹤家园"), ("Qingyuan Court", "清源苑"),
    ("Xinghui Towers", "星辉大厦"), ("Mingyue Bay", "明月湾"), ("Yunqi Terrace", "云栖台"),
    ("Heyue Garden", "和悦花园"), ("Tingzhu Residence", "听竹居"),
)

# Made-up brand stems; an employer is city + stem + industry suffix: 杭州云澜科技有限公司.
EMPLOYER_STEMS: tuple[Bi, ...] = (
    ("Yunlan", "云澜"), ("Qiheng", "启衡"), ("Hengtuo", "恒拓"), ("Chengyu", "澄宇"), ("Lanfeng", "岚峰"),
    ("Yifan", "弈帆"), ("Hesheng", "禾昇"), ("Yaochen", "曜辰"), ("Hongyuan", "泓远"), ("Lingyue", "翎越"),
    ("Xucheng", "栩澄"), ("Shuochuan", "朔川"), ("Boheng", "铂衡"), ("Xilang", "汐朗"), ("Langyu", "朗宇"),
    ("Pengze", "芃泽"), ("Jingtao", "璟涛"), ("Zhuolan", "卓岚"),
)
INDUSTRY_SUFFIXES: dict[str, Bi] = {
    "tech": ("Technology Co., Ltd.", "科技有限公司"),
    "finance": ("Financial Services Co., Ltd.", "金融服务有限公司"),
    "health": ("Health Management Co., Ltd.", "健康管理有限公司"),
    "education": ("Education Technology Co., Ltd.", "教育科技有限公司"),
    "retail": ("Trading Co., Ltd.", "商贸有限公司"),
    "manufacturing": ("Manufacturing Co., Ltd.", "制造有限公司"),
    "logistics": ("Logistics Co., Ltd.", "物流有限公司"),
    "government": ("Public Service Center", "公共服务中心"),
    "media": ("Culture Media Co., Ltd.", "文化传媒有限公司"),
    "construction": ("Construction Engineering Co., Ltd.", "建设工程有限公司"),
}

BANKS: tuple[Bi, ...] = (
    ("Huilan Commercial Bank", "汇澜商业银行"), ("Qinghe Bank", "青禾银行"), ("Yuanchuan Bank", "远川银行"),
    ("Jiayu Commercial Bank", "嘉屿商业银行"), ("Chengyuan Bank", "澄源银行"),
    ("Xingchuan Rural Bank", "星川农商银行"),
)

# {city} is the city name without 市 in zh ("杭州") and plain in en ("Hangzhou").
HOSPITAL_PATTERNS: tuple[Bi, ...] = (
    ("{city} Kanglan Hospital", "{city}康澜医院"),
    ("{city} Yunshu Medical Center", "{city}云舒医疗中心"),
    ("{city} Huaijin Hospital", "{city}怀瑾医院"),
    ("{city} Songhe Memorial Hospital", "{city}松禾纪念医院"),
    ("{city} Qingci General Hospital", "{city}清慈综合医院"),
)

# Two-character codes of airlines that have ceased operating (WOW air, Atlasglobal, Air Italy, Adria), so a
# flight number does not name a carrier that flies today.
AIRLINES: tuple[Airline, ...] = (
    Airline(("Yunhai Airlines", "云海航空"), "WW"),
    Airline(("Qingluan Airlines", "青鸾航空"), "KK"),
    Airline(("Donglan Air", "东岚航空"), "IG"),
    Airline(("Jinpeng Skyways", "金鹏天翼航空"), "JP"),
)

STORES: tuple[Bi, ...] = (
    ("Heyue Supermarket", "禾悦超市"), ("Jianwu Living", "简物生活馆"),
    ("Jingxuan Convenience", "鲸选便利店"),
    ("Shiguang Books", "拾光书店"), ("Qingyou Digital", "青柚数码"), ("Maisui Bakery", "麦穗烘焙"),
    ("Luye Coffee", "鹿野咖啡"), ("Zhiyu Apparel", "织语服饰"), ("Yuekang Pharmacy", "悦康药房"),
    ("Senyu Home", "森屿家居"), ("Xiaoman Fresh", "小满生鲜"),
)

# {district} is the district name: "西湖区" / "Xihu District".
FREQUENT_PLACE_PATTERNS: tuple[Bi, ...] = (
    ("Jingyue Fitness, {district}", "{district}静悦健身"),
    ("Luye Coffee, {district}", "{district}鹿野咖啡"),
    ("Ciyun Temple, {district}", "{district}慈云寺"),
    ("Linhu Park, {district}", "{district}林湖公园"),
    ("Feiyu Badminton Club, {district}", "{district}飞羽羽毛球馆"),
    ("Qingshan Swimming Hall, {district}", "{district}青山游泳馆"),
    ("Mingxin Library, {district}", "{district}明心图书馆"),
)
