"""Real US geography for the en locale: states, cities, counties, ZIP codes, area codes and airports.

Every state here has a licence and plate format in `identifiers`, so a person's documents agree with the
state they live in. Phone numbers use these area codes with the fictional 555-01xx exchange.
"""

from __future__ import annotations

from multipriv.world.tables.records import UsCity, UsState

_C = UsCity

STATES: tuple[UsState, ...] = (
    UsState(("California", "加利福尼亚州"), "CA", "06", (
        _C(("San Francisco", "旧金山"), ("San Francisco County", "旧金山县"),
           ("94102", "94103", "94110", "94117"), ("415", "628"),
           ("SFO", ("San Francisco International Airport", "旧金山国际机场"))),
        _C(("San Jose", "圣何塞"), ("Santa Clara County", "圣克拉拉县"),
           ("95110", "95112", "95125", "95128"), ("408", "669"),
           ("SJC", ("San Jose Mineta International Airport", "圣何塞米内塔国际机场"))),
        _C(("Los Angeles", "洛杉矶"), ("Los Angeles County", "洛杉矶县"),
           ("90012", "90026", "90034", "90045"), ("213", "323", "310"),
           ("LAX", ("Los Angeles International Airport", "洛杉矶国际机场"))),
        _C(("San Diego", "圣迭戈"), ("San Diego County", "圣迭戈县"),
           ("92101", "92103", "92109"), ("619", "858"),
           ("SAN", ("San Diego International Airport", "圣迭戈国际机场"))),
    )),
    UsState(("New York", "纽约州"), "NY", "36", (
        _C(("New York", "纽约"), ("New York County", "纽约县"),
           ("10001", "10011", "10025", "10128"), ("212", "646", "332"),
           ("JFK", ("John F. Kennedy International Airport", "约翰·肯尼迪国际机场"))),
        _C(("Buffalo", "布法罗"), ("Erie County", "伊利县"),
           ("14201", "14209", "14214", "14222"), ("716",),
           ("BUF", ("Buffalo Niagara International Airport", "布法罗尼亚加拉国际机场"))),
        _C(("Rochester", "罗切斯特"), ("Monroe County", "门罗县"),
           ("14604", "14607", "14610", "14620"), ("585",),
           ("ROC", ("Greater Rochester International Airport", "大罗切斯特国际机场"))),
    )),
    UsState(("Texas", "得克萨斯州"), "TX", "48", (
        _C(("Houston", "休斯敦"), ("Harris County", "哈里斯县"),
           ("77002", "77006", "77019", "77098"), ("713", "281", "832"),
           ("IAH", ("George Bush Intercontinental Airport", "乔治·布什洲际机场"))),
        _C(("Austin", "奥斯汀"), ("Travis County", "特拉维斯县"),
           ("78701", "78702", "78704"), ("512", "737"),
           ("AUS", ("Austin-Bergstrom International Airport", "奥斯汀-伯格斯特龙国际机场"))),
        _C(("Dallas", "达拉斯"), ("Dallas County", "达拉斯县"),
           ("75201", "75204", "75206", "75214"), ("214", "469", "972"),
           ("DFW", ("Dallas Fort Worth International Airport", "达拉斯-沃思堡国际机场"))),
    )),
    UsState(("Florida", "佛罗里达州"), "FL", "12", (
        _C(("Miami", "迈阿密"), ("Miami-Dade County", "迈阿密-戴德县"),
           ("33125", "33130", "33131", "33133"), ("305", "786"),
           ("MIA", ("Miami International Airport", "迈阿密国际机场"))),
        _C(("Orlando", "奥兰多"), ("Orange County", "奥兰治县"),
           ("32801", "32803", "32806"), ("407", "689"),
           ("MCO", ("Orlando International Airport", "奥兰多国际机场"))),
        _C(("Tampa", "坦帕"), ("Hillsborough County", "希尔斯伯勒县"),
           ("33602", "33606", "33609"), ("813", "656"),
           ("TPA", ("Tampa International Airport", "坦帕国际机场"))),
    )),
    UsState(("Illinois", "伊利诺伊州"), "IL", "17", (
        _C(("Chicago", "芝加哥"), ("Cook County", "库克县"),
           ("60601", "60614", "60622", "60657"), ("312", "773", "872"),
           ("ORD", ("O'Hare International Airport", "芝加哥奥黑尔国际机场"))),
        _C(("Springfield", "斯普林菲尔德"), ("Sangamon County", "桑加蒙县"),
           ("62701", "62702", "62704"), ("217",),
           ("SPI", ("Abraham Lincoln Capital Airport", "亚伯拉罕·林肯首府机场"))),
        _C(("Naperville", "内珀维尔"), ("DuPage County", "杜佩奇县"),
           ("60540", "60563", "60565"), ("630", "331"),
           ("ORD", ("O'Hare International Airport", "芝加哥奥黑尔国际机场"))),
    )),
    UsState(("Washington", "华盛顿州"), "WA", "53", (
        _C(("Seattle", "西雅图"), ("King County", "金县"),
           ("98101", "98103", "98109", "98115", "98122"), ("206",),
           ("SEA", ("Seattle-Tacoma International Airport", "西雅图-塔科马国际机场"))),
        _C(("Bellevue", "贝尔维尤"), ("King County", "金县"),
           ("98004", "98005", "98006"), ("425",),
           ("SEA", ("Seattle-Tacoma International Airport", "西雅图-塔科马国际机场"))),
        _C(("Spokane", "斯波坎"), ("Spokane County", "斯波坎县"),
           ("99201", "99203", "99205"), ("509",),
           ("GEG", ("Spokane International Airport", "斯波坎国际机场"))),
    )),
    UsState(("Massachusetts", "马萨诸塞州"), "MA", "25", (
        _C(("Boston", "波士顿"), ("Suffolk County", "萨福克县"),
           ("02108", "02114", "02116", "02118"), ("617", "857"),
           ("BOS", ("Boston Logan International Airport", "波士顿洛根国际机场"))),
        _C(("Cambridge", "剑桥"), ("Middlesex County", "米德尔塞克斯县"),
           ("02138", "02139", "02140"), ("617", "857"),
           ("BOS", ("Boston Logan International Airport", "波士顿洛根国际机场"))),
        _C(("Worcester", "伍斯特"), ("Worcester County", "伍斯特县"),
           ("01602", "01604", "01609"), ("508", "774"),
           ("ORH", ("Worcester Regional Airport", "伍斯特地区机场"))),
    )),
    UsState(("Pennsylvania", "宾夕法尼亚州"), "PA", "42", (
        _C(("Philadelphia", "费城"), ("Philadelphia County", "费城县"),
           ("19103", "19106", "19130", "19146"), ("215", "267", "445"),
           ("PHL", ("Philadelphia International Airport", "费城国际机场"))),
        _C(("Pittsburgh", "匹兹堡"), ("Allegheny County", "阿勒格尼县"),
           ("15213", "15217", "15222"), ("412", "878"),
           ("PIT", ("Pittsburgh International Airport", "匹兹堡国际机场"))),
    )),
    UsState(("Georgia", "佐治亚州"), "GA", "13", (
        _C(("Atlanta", "亚特兰大"), ("Fulton County", "富尔顿县"),
           ("30303", "30308", "30309", "30318"), ("404", "470", "678"),
           ("ATL", ("Hartsfield-Jackson Atlanta International Airport",
                    "哈茨菲尔德-杰克逊亚特兰大国际机场"))),
        _C(("Savannah", "萨凡纳"), ("Chatham County", "查塔姆县"),
           ("31401", "31404", "31405"), ("912",),
           ("SAV", ("Savannah/Hilton Head International Airport", "萨凡纳/希尔顿黑德国际机场"))),
    )),
    UsState(("Ohio", "俄亥俄州"), "OH", "39", (
        _C(("Columbus", "哥伦布"), ("Franklin County", "富兰克林县"),
           ("43201", "43206", "43215"), ("614", "380"),
           ("CMH", ("John Glenn Columbus International Airport", "约翰·格伦哥伦布国际机场"))),
        _C(("Cleveland", "克利夫兰"), ("Cuyahoga County", "凯霍加县"),
           ("44102", "44113", "44114"), ("216",),
           ("CLE", ("Cleveland Hopkins International Airport", "克利夫兰霍普金斯国际机场"))),
        _C(("Cincinnati", "辛辛那提"), ("Hamilton County", "汉密尔顿县"),
           ("45202", "45206", "45219"), ("513",),
           ("CVG", ("Cincinnati/Northern Kentucky International Airport", "辛辛那提/北肯塔基国际机场"))),
    )),
)
