"""Real Chinese geography for the zh locale: cities, their districts, codes, postcodes, plates and hubs.

District codes are the GB/T 2260 codes a resident ID begins with, so an ID number decodes to the district a
person's documents name. Postcodes are real codes delivered in that district (a district spans several).
"""

from __future__ import annotations

from multipriv.world.tables.records import CnCity, CnDistrict

_D = CnDistrict


# Municipalities are their own province: province == city.
CITIES: tuple[CnCity, ...] = (
    CnCity(
        ("Beijing", "北京市"), "京", ("Beijing", "北京市"), "A",
        ("PEK", ("Beijing Capital International Airport", "北京首都国际机场")),
        ("Beijing South", "北京南站"),
        (
            _D(("Dongcheng District", "东城区"), "110101", "100010"),
            _D(("Xicheng District", "西城区"), "110102", "100032"),
            _D(("Chaoyang District", "朝阳区"), "110105", "100020"),
            _D(("Haidian District", "海淀区"), "110108", "100089"),
        ),
    ),
    CnCity(
        ("Shanghai", "上海市"), "沪", ("Shanghai", "上海市"), "A",
        ("PVG", ("Shanghai Pudong International Airport", "上海浦东国际机场")),
        ("Shanghai Hongqiao", "上海虹桥站"),
        (
            _D(("Huangpu District", "黄浦区"), "310101", "200001"),
            _D(("Xuhui District", "徐汇区"), "310104", "200030"),
            _D(("Changning District", "长宁区"), "310105", "200050"),
            _D(("Pudong New Area", "浦东新区"), "310115", "200135"),
        ),
    ),
    CnCity(
        ("Tianjin", "天津市"), "津", ("Tianjin", "天津市"), "A",
        ("TSN", ("Tianjin Binhai International Airport", "天津滨海国际机场")),
        ("Tianjin", "天津站"),
        (
            _D(("Heping District", "和平区"), "120101", "300041"),
            _D(("Hexi District", "河西区"), "120103", "300202"),
            _D(("Nankai District", "南开区"), "120104", "300110"),
        ),
    ),
    CnCity(
        ("Chongqing", "重庆市"), "渝", ("Chongqing", "重庆市"), "A",
        ("CKG", ("Chongqing Jiangbei International Airport", "重庆江北国际机场")),
        ("Chongqing North", "重庆北站"),
        (
            _D(("Yuzhong District", "渝中区"), "500103", "400010"),
            _D(("Jiangbei District", "江北区"), "500105", "400020"),
            _D(("Yubei District", "渝北区"), "500112", "401120"),
        ),
    ),
    CnCity(
        ("Zhejiang", "浙江省"), "浙", ("Hangzhou", "杭州市"), "A",
        ("HGH", ("Hangzhou Xiaoshan International Airport", "杭州萧山国际机场")),
        ("Hangzhou East", "杭州东站"),
        (
            _D(("Shangcheng District", "上城区"), "330102", "310002"),
            _D(("Xihu District", "西湖区"), "330106", "310013"),
            _D(("Binjiang District", "滨江区"), "330108", "310051"),
            _D(("Yuhang District", "余杭区"), "330110", "311100"),
        ),
    ),
    CnCity(
        ("Zhejiang", "浙江省"), "浙", ("Ningbo", "宁波市"), "B",
        ("NGB", ("Ningbo Lishe International Airport", "宁波栎社国际机场")),
        ("Ningbo", "宁波站"),
        (
            _D(("Haishu District", "海曙区"), "330203", "315000"),
            _D(("Jiangbei District", "江北区"), "330205", "315020"),
            _D(("Yinzhou District", "鄞州区"), "330212", "315100"),
        ),
    ),
    CnCity(
        ("Jiangsu", "江苏省"), "苏", ("Nanjing", "南京市"), "A",
        ("NKG", ("Nanjing Lukou International Airport", "南京禄口国际机场")),
        ("Nanjing South", "南京南站"),
        (
            _D(("Xuanwu District", "玄武区"), "320102", "210018"),
            _D(("Qinhuai District", "秦淮区"), "320104", "210001"),
            _D(("Gulou District", "鼓楼区"), "320106", "210009"),
            _D(("Jiangning District", "江宁区"), "320115", "211100"),
        ),
    ),
    CnCity(
        # Suzhou has no airport of its own; Sunan Shuofang (Wuxi) is the one its residents fly from.
        ("Jiangsu", "江苏省"), "苏", ("Suzhou", "苏州市"), "E",
        ("WUX", ("Sunan Shuofang International Airport", "苏南硕放国际机场")),
        ("Suzhou", "苏州站"),
        (
            _D(("Huqiu District", "虎丘区"), "320505", "215004"),
            _D(("Wuzhong District", "吴中区"), "320506", "215128"),
            _D(("Xiangcheng District", "相城区"), "320507", "215131"),
            _D(("Gusu District", "姑苏区"), "320508", "215031"),
        ),
    ),
    CnCity(
        ("Guangdong", "广东省"), "粤", ("Guangzhou", "广州市"), "A",
        ("CAN", ("Guangzhou Baiyun International Airport", "广州白云国际机场")),
        ("Guangzhou South", "广州南站"),
        (
            _D(("Yuexiu District", "越秀区"), "440104", "510030"),
            _D(("Haizhu District", "海珠区"), "440105", "510300"),
            _D(("Tianhe District", "天河区"), "440106", "510665"),
            _D(("Baiyun District", "白云区"), "440111", "510405"),
        ),
    ),
    CnCity(
        ("Guangdong", "广东省"), "粤", ("Shenzhen", "深圳市"), "B",
        ("SZX", ("Shenzhen Bao'an International Airport", "深圳宝安国际机场")),
        ("Shenzhen North", "深圳北站"),
        (
            _D(("Luohu District", "罗湖区"), "440303", "518021"),
            _D(("Futian District", "福田区"), "440304", "518048"),
            _D(("Nanshan District", "南山区"), "440305", "518051"),
            _D(("Bao'an District", "宝安区"), "440306", "518101"),
        ),
    ),
    CnCity(
        ("Sichuan", "四川省"), "川", ("Chengdu", "成都市"), "A",
        ("CTU", ("Chengdu Shuangliu International Airport", "成都双流国际机场")),
        ("Chengdu East", "成都东站"),
        (
            _D(("Jinjiang District", "锦江区"), "510104", "610021"),
            _D(("Qingyang District", "青羊区"), "510105", "610031"),
            _D(("Wuhou District", "武侯区"), "510107", "610041"),
            _D(("Chenghua District", "成华区"), "510108", "610066"),
        ),
    ),
    CnCity(
        ("Hubei", "湖北省"), "鄂", ("Wuhan", "武汉市"), "A",
        ("WUH", ("Wuhan Tianhe International Airport", "武汉天河国际机场")),
        ("Wuhan", "武汉站"),
        (
            _D(("Jiang'an District", "江岸区"), "420102", "430014"),
            _D(("Jianghan District", "江汉区"), "420103", "430021"),
            _D(("Wuchang District", "武昌区"), "420106", "430061"),
            _D(("Hongshan District", "洪山区"), "420111", "430070"),
        ),
    ),
    CnCity(
        ("Shaanxi", "陕西省"), "陕", ("Xi'an", "西安市"), "A",
        ("XIY", ("Xi'an Xianyang International Airport", "西安咸阳国际机场")),
        ("Xi'an North", "西安北站"),
        (
            _D(("Xincheng District", "新城区"), "610102", "710004"),
            _D(("Beilin District", "碑林区"), "610103", "710001"),
            _D(("Lianhu District", "莲湖区"), "610104", "710003"),
            _D(("Yanta District", "雁塔区"), "610113", "710061"),
        ),
    ),
    CnCity(
        ("Hunan", "湖南省"), "湘", ("Changsha", "长沙市"), "A",
        ("CSX", ("Changsha Huanghua International Airport", "长沙黄花国际机场")),
        ("Changsha South", "长沙南站"),
        (
            _D(("Furong District", "芙蓉区"), "430102", "410011"),
            _D(("Tianxin District", "天心区"), "430103", "410004"),
            _D(("Yuelu District", "岳麓区"), "430104", "410013"),
            _D(("Kaifu District", "开福区"), "430105", "410008"),
        ),
    ),
    CnCity(
        ("Shandong", "山东省"), "鲁", ("Jinan", "济南市"), "A",
        ("TNA", ("Jinan Yaoqiang International Airport", "济南遥墙国际机场")),
        ("Jinan West", "济南西站"),
        (
            _D(("Lixia District", "历下区"), "370102", "250014"),
            _D(("Shizhong District", "市中区"), "370103", "250001"),
            _D(("Licheng District", "历城区"), "370112", "250100"),
        ),
    ),
    CnCity(
        ("Shandong", "山东省"), "鲁", ("Qingdao", "青岛市"), "B",
        ("TAO", ("Qingdao Jiaodong International Airport", "青岛胶东国际机场")),
        ("Qingdao", "青岛站"),
        (
            _D(("Shinan District", "市南区"), "370202", "266001"),
            _D(("Shibei District", "市北区"), "370203", "266011"),
            _D(("Laoshan District", "崂山区"), "370212", "266100"),
        ),
    ),
    CnCity(
        ("Fujian", "福建省"), "闽", ("Fuzhou", "福州市"), "A",
        ("FOC", ("Fuzhou Changle International Airport", "福州长乐国际机场")),
        ("Fuzhou South", "福州南站"),
        (
            _D(("Gulou District", "鼓楼区"), "350102", "350001"),
            _D(("Taijiang District", "台江区"), "350103", "350004"),
            _D(("Cangshan District", "仓山区"), "350104", "350007"),
        ),
    ),
    CnCity(
        ("Fujian", "福建省"), "闽", ("Xiamen", "厦门市"), "D",
        ("XMN", ("Xiamen Gaoqi International Airport", "厦门高崎国际机场")),
        ("Xiamen North", "厦门北站"),
        (
            _D(("Siming District", "思明区"), "350203", "361001"),
            _D(("Huli District", "湖里区"), "350206", "361006"),
        ),
    ),
    CnCity(
        ("Henan", "河南省"), "豫", ("Zhengzhou", "郑州市"), "A",
        ("CGO", ("Zhengzhou Xinzheng International Airport", "郑州新郑国际机场")),
        ("Zhengzhou East", "郑州东站"),
        (
            _D(("Zhongyuan District", "中原区"), "410102", "450007"),
            _D(("Erqi District", "二七区"), "410103", "450052"),
            _D(("Jinshui District", "金水区"), "410105", "450003"),
        ),
    ),
    CnCity(
        ("Anhui", "安徽省"), "皖", ("Hefei", "合肥市"), "A",
        ("HFE", ("Hefei Xinqiao International Airport", "合肥新桥国际机场")),
        ("Hefei South", "合肥南站"),
        (
            _D(("Yaohai District", "瑶海区"), "340102", "230011"),
            _D(("Luyang District", "庐阳区"), "340103", "230001"),
            _D(("Shushan District", "蜀山区"), "340104", "230031"),
            _D(("Baohe District", "包河区"), "340111", "230041"),
        ),
    ),
    CnCity(
        ("Liaoning", "辽宁省"), "辽", ("Shenyang", "沈阳市"), "A",
        ("SHE", ("Shenyang Taoxian International Airport", "沈阳桃仙国际机场")),
        ("Shenyang North", "沈阳北站"),
        (
            _D(("Heping District", "和平区"), "210102", "110001"),
            _D(("Shenhe District", "沈河区"), "210103", "110011"),
        ),
    ),
    CnCity(
        ("Heilongjiang", "黑龙江省"), "黑", ("Harbin", "哈尔滨市"), "A",
        ("HRB", ("Harbin Taiping International Airport", "哈尔滨太平国际机场")),
        ("Harbin West", "哈尔滨西站"),
        (
            _D(("Daoli District", "道里区"), "230102", "150010"),
            _D(("Nangang District", "南岗区"), "230103", "150006"),
        ),
    ),
    CnCity(
        ("Yunnan", "云南省"), "云", ("Kunming", "昆明市"), "A",
        ("KMG", ("Kunming Changshui International Airport", "昆明长水国际机场")),
        ("Kunming South", "昆明南站"),
        (
            _D(("Wuhua District", "五华区"), "530102", "650021"),
            _D(("Panlong District", "盘龙区"), "530103", "650051"),
            _D(("Guandu District", "官渡区"), "530111", "650200"),
        ),
    ),
    CnCity(
        ("Guangxi", "广西壮族自治区"), "桂", ("Nanning", "南宁市"), "A",
        ("NNG", ("Nanning Wuxu International Airport", "南宁吴圩国际机场")),
        ("Nanning East", "南宁东站"),
        (
            _D(("Xingning District", "兴宁区"), "450102", "530023"),
            _D(("Qingxiu District", "青秀区"), "450103", "530213"),
        ),
    ),
)

# GB/T 2260 province prefixes: the first two digits of every district code in that province.
PROVINCE_PREFIX: dict[str, str] = {
    "北京市": "11", "天津市": "12", "辽宁省": "21", "黑龙江省": "23", "上海市": "31", "江苏省": "32",
    "浙江省": "33", "安徽省": "34", "福建省": "35", "山东省": "37", "河南省": "41", "湖北省": "42",
    "湖南省": "43", "广东省": "44", "广西壮族自治区": "45", "重庆市": "50", "四川省": "51", "云南省": "53",
    "陕西省": "61",
}
