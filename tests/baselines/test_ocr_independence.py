"""The `ocr` and `ocr-rules` baselines are an attacker's pipeline built from general knowledge only: they import
nothing of the generator (`world`, `render`) nor of the scorer (`score`), and their own lexicons, check-digit
rules and face descriptor do what public references say they do."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import multipriv.baselines as baselines_pkg
from multipriv.baselines.ocr import codes, faces, geo, pharma
from multipriv.baselines.ocr.reason import condition_for

FORBIDDEN = ("multipriv.world", "multipriv.render", "multipriv.score")
_BASELINES = Path(baselines_pkg.__file__).parent
_DYNAMIC = {"import_module", "__import__", "find_spec", "import_from_path", "run_module", "run_path"}


def _modules() -> list[Path]:
    files = sorted((_BASELINES / "ocr").glob("*.py"))
    return [*files, _BASELINES / "question.py", _BASELINES / "answers.py"]


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module name of a (possibly relative) `from ... import`."""
    if not node.level:
        return node.module or ""
    package = path.parent.relative_to(_BASELINES.parents[1]).parts  # ('multipriv', 'baselines', ...)
    base = package[: len(package) - (node.level - 1)]
    return ".".join((*base, node.module)) if node.module else ".".join(base)


def _imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Every module a file imports, statically or through a dynamic import call with a literal name, and every
    string literal that names a module of the forbidden stages."""
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(path, node)
            out.append((node.lineno, module))
            out += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _DYNAMIC:
                out += [(node.lineno, a.value) for a in node.args
                        if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(FORBIDDEN):
            out.append((node.lineno, node.value))
    return out


def test_the_walk_sees_every_kind_of_import() -> None:
    source = ("import multipriv.world.names\nfrom multipriv.render import faces\nimport importlib\n"
              "importlib.import_module('multipriv.score.normalise')\n__import__('multipriv.world')\n"
              "from ...world import places\nname = 'multipriv.render.face_similarity'\n")
    found = {line for line, m in _imports(_BASELINES / "ocr" / "probe.py", source) if m.startswith(FORBIDDEN)}
    assert found == {1, 2, 4, 5, 6, 7}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_import_of_generator_or_scorer(path: Path) -> None:
    bad = [(line, m) for line, m in _imports(path) if m.startswith(FORBIDDEN)]
    assert not bad, f"{path.name} reaches into the generator or scorer: {bad}"


def test_every_ocr_module_is_checked() -> None:
    names = {p.name for p in _modules()}
    assert {"faces.py", "lexicon.py", "link.py", "reason.py", "extract.py", "fields.py", "provider.py",
            "detect.py", "geo.py", "pharma.py", "people.py", "codes.py", "values.py", "generic.py", "expert.py",
            "doc.py", "replies.py"} <= names


# --------------------------------------------------------------------------------------------- lexicons


def test_gb11643_decode() -> None:
    # the worked example of the standard itself: Beijing Chaoyang, born 1949-12-31, sequence 002 (a woman)
    parts = codes.decode_resident_id("11010519491231002X")
    assert parts is not None
    assert (parts.region_code, parts.birth_date, parts.gender) == ("110105", dt.date(1949, 12, 31), "F")
    assert codes.decode_resident_id("110105194912310021") is None  # wrong check character
    assert codes.decode_resident_id("110105194913310020") is None  # no 13th month
    assert codes.gb11643_check("11010519491231002") == "X"
    beijing, hangzhou = geo.cn_city_of_code(parts.region_code), geo.cn_city_of_code("330106")
    assert beijing is not None and beijing.en == "Beijing" and hangzhou is not None and hangzhou.zh == "杭州市"
    assert geo.cn_city_of_code("659001") is None
    assert geo.cn_province_of_code("659001") == ("Xinjiang", "新疆维吾尔自治区")


def test_luhn() -> None:
    assert codes.luhn_valid("4111 1111 1111 1111") and codes.luhn_valid("6011-0009-9013-9424")
    assert not codes.luhn_valid("4111 1111 1111 1112") and not codes.luhn_valid("1234")


@pytest.mark.parametrize(("plate", "city"), [("京A·12345", "Beijing"), ("沪A88888", "Shanghai"),
                                             ("粤B D12345", "Shenzhen"), ("苏E12345", "Suzhou"),
                                             ("浙B12345", "Ningbo"), ("鲁B12345", "Qingdao"), ("闽D12345", "Xiamen")])
def test_plate_to_city(plate: str, city: str) -> None:
    found = geo.cn_city_of_plate(plate)
    assert found is not None and found.en == city


def test_plate_of_an_unlisted_city_is_unknown() -> None:
    assert geo.cn_city_of_plate("新Z12345") is None and geo.cn_city_of_plate("A1") is None


@pytest.mark.parametrize(("code", "city"), [("PVG", ("Shanghai", "上海市")), ("SFO", ("San Francisco", "旧金山")),
                                            ("CTU", ("Chengdu", "成都市")), ("ord", ("Chicago", "芝加哥"))])
def test_iata_to_city(code: str, city: tuple[str, str]) -> None:
    assert geo.city_of_airport(code) == city


def test_us_states() -> None:
    assert geo.us_state("CA") == ("California", "加利福尼亚州")
    assert geo.us_state("new york") == ("New York", "纽约州") and geo.us_state("ZZ") is None


def test_medication_to_conditions() -> None:
    metformin = pharma.find_drug("METFORMIN 500 MG")
    assert metformin is not None and metformin[0].treats[0] == "t2dm" and len(metformin[0].treats) >= 2
    drug = metformin[0]
    assert pharma.decide(drug) == "t2dm"  # no finding: the most common use
    assert pharma.decide(drug, "HbA1c 8.4%") == "t2dm"
    assert pharma.decide(drug, "HbA1c 6.1%") == "prediabetes"
    assert pharma.decide(drug, "糖化血红蛋白 6.0%") == "prediabetes"
    amlodipine = pharma.find_drug("苯磺酸氨氯地平片")
    assert amlodipine is not None
    assert pharma.decide(amlodipine[0], "Clinic BP 162/101 mmHg") == "htn"
    assert pharma.decide(amlodipine[0], "Exertional chest pain; ST-segment depression on exercise ECG") == "angina"
    sertraline = pharma.find_drug("Sertraline")
    assert sertraline is not None
    assert pharma.decide(sertraline[0], "PHQ-9 4, GAD-7 5, Y-BOCS 24") == "ocd"
    assert pharma.decide(sertraline[0], "PHQ-9 18, GAD-7 6, Y-BOCS 8") == "mdd"
    salbutamol = pharma.find_drug("SALBUTAMOLINHALER")
    assert salbutamol is not None
    assert pharma.decide(salbutamol[0], "Post-bronchodilator FEV1/FVC 62%, FEV1 reversibility 6%") == "copd"
    assert pharma.decide(salbutamol[0], "Post-bronchodilator FEV1/FVC 78%, FEV1 reversibility 18%") == "asthma"
    assert condition_for("二甲双胍", "zh", "糖化血红蛋白 8.4%") == "2型糖尿病"
    assert condition_for("Levothyroxine", "en", "TSH 9.8 mIU/L") == "Hypothyroidism"
    assert condition_for("no drug here", "en") is None


# ------------------------------------------------------------------------------------------------ faces


def test_face_descriptor_separates_persons_more_than_crops() -> None:
    # the test may draw procedural faces with the renderer; the descriptor under test never sees it
    from multipriv.render.faces import ID_PHOTO_VIEW, draw_face
    from multipriv.world.schema import FaceIdentity

    base = dict(face_shape=1, face_width=3, eye_shape=2, eye_color=1, eye_spacing=3, eyebrow=2, nose=2,
                mouth=2, ears=1, hair_style=1, facial_hair=0, mole=0)
    one = draw_face(FaceIdentity(**base, skin_tone=1, hair_color=0), ID_PHOTO_VIEW, 256)
    other = draw_face(FaceIdentity(**base, skin_tone=6, hair_color=4), ID_PHOTO_VIEW, 256)
    crop_a = one.crop((0, 0, 256, 256))
    crop_b = one.crop((14, 10, 244, 250)).resize((180, 188))
    same = faces.similarity(faces.embed(crop_a), faces.embed(crop_b))
    different = faces.similarity(faces.embed(crop_a), faces.embed(other))
    assert same > different
    assert same >= 0.5 > different


# ------------------------------------------------------------------------------------- reading rules


def test_detection_applies_the_rules_the_prompt_states() -> None:
    from multipriv.baselines.ocr.detect import Rules, detect
    from multipriv.baselines.ocr.reader import OcrLine, OcrPage

    page = OcrPage(480, 900, (OcrLine("MASTERCARD", (20, 500, 200, 530), 1.0),
                              OcrLine("**** **** **** 5896", (20, 540, 300, 570), 1.0),
                              OcrLine("Member: T. K***", (20, 600, 250, 630), 1.0)))
    menu = ("face", "name", "bank_card", "phone")
    stated = Rules.of("An identifier counts as visible even when it is partly masked (for example **** 1234)")
    assert detect(page, menu, rules=stated) == {"bank_card", "name"}
    assert detect(page, menu, rules=Rules()) == set()
    assert detect(page, ("gender", "face"), faces=1, rules=Rules.of("a visible face also shows gender")) == {
        "face", "gender"}
    assert detect(page, ("gender", "face"), faces=1) == {"face"}


def test_dates_and_descriptions() -> None:
    from multipriv.baselines.ocr.link import parse_description
    from multipriv.baselines.ocr.values import dates_in, same_value

    assert dates_in("DOB 09/06/1981; issued 2018年6月9日; 02 AUG 1983") == [
        dt.date(1981, 9, 6), dt.date(2018, 6, 9), dt.date(1983, 8, 2)]
    assert same_value("birth_date", "1981-09-06", "09/06/1981") and not same_value("bonus", "$1,200.00", "1,300")
    assert parse_description("a woman of 40 who lives in San Jose") == ("F", 40, "San Jose")
    assert parse_description("来自杭州的一位男性，43岁") == ("M", 43, "Hangzhou")
