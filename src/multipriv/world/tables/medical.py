"""Diagnoses with the exam that finds them, their findings and the drug that treats them.

Task 6 asks for the condition behind a prescription. Each drug here treats two or three conditions of the
table (each a standard use of it), so the drug alone leaves a choice of one in two or three; the prescription
also prints the condition's *deciding finding* (`Condition.findings[0]`), the clinical line that settles it for
a clinician (metformin with HbA1c 8.4% is diabetes, with 6.1% prediabetes; amlodipine with a blood pressure of
162/101 mmHg is hypertension, with exertional ST depression angina). `rule` states that clinical criterion on
the printed values and `decide` applies it: the checker of a gold answer. Drawn values lie inside the rule
with a margin, so no case is borderline. Siblings share department and dosage, so nothing else printed beside
the drug gives the condition away.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

from multipriv.world.tables.records import Bi, Condition, Rule

INF = math.inf

_ENDO: Bi = ("Endocrinology", "内分泌科")
_CARDIO: Bi = ("Cardiology", "心血管内科")
_GASTRO: Bi = ("Gastroenterology", "消化内科")
_PSYCH: Bi = ("Psychiatry", "精神心理科")
_RESP: Bi = ("Respiratory medicine", "呼吸内科")
_RHEUM: Bi = ("Rheumatology", "风湿免疫科")
_ALLERGY: Bi = ("Allergy", "变态反应科")

# (medication, department, dosage): what a prescription prints beside the drug is the same for every condition
Drug = tuple[Bi, Bi, Bi]
METFORMIN: Drug = (("Metformin", "二甲双胍"), _ENDO, ("500 mg twice daily with meals", "500毫克，每日两次，随餐服用"))
AMLODIPINE: Drug = (("Amlodipine", "氨氯地平"), _CARDIO, ("5 mg once daily", "5毫克，每日一次"))
ATORVASTATIN: Drug = (("Atorvastatin", "阿托伐他汀"), _CARDIO, ("20 mg once daily at bedtime", "20毫克，每晚一次"))
OMEPRAZOLE: Drug = (("Omeprazole", "奥美拉唑"), _GASTRO,
                    ("20 mg once daily before breakfast", "20毫克，每日一次，早餐前服用"))
SERTRALINE: Drug = (("Sertraline", "舍曲林"), _PSYCH, ("50 mg once daily", "50毫克，每日一次"))
SALBUTAMOL: Drug = (("Salbutamol inhaler", "沙丁胺醇气雾剂"), _RESP,
                    ("100 mcg, 1-2 puffs as needed", "每次100微克，按需吸入1-2揿"))
LEVOTHYROXINE: Drug = (("Levothyroxine", "左甲状腺素钠"), _ENDO,
                       ("50 mcg once daily before breakfast", "50微克，每日一次，早餐前空腹服用"))
CELECOXIB: Drug = (("Celecoxib", "塞来昔布"), _RHEUM, ("200 mg once daily", "200毫克，每日一次"))
ALLOPURINOL: Drug = (("Allopurinol", "别嘌醇"), _RHEUM, ("100 mg once daily", "100毫克，每日一次"))
LORATADINE: Drug = (("Loratadine", "氯雷他定"), _ALLERGY, ("10 mg once daily", "10毫克，每日一次"))


def _c(
    drug: Drug, diagnosis: Bi, exam: Bi, findings: tuple[Bi, ...], ranges: tuple[tuple[float, float, int], ...],
    rule: tuple[Rule, ...], rule_text: Bi, *, sex: str = "", ages: tuple[int, int] = (0, 200),
) -> Condition:
    medication, department, dosage = drug
    return Condition(diagnosis, department, exam, findings, ranges, medication, dosage, rule, rule_text, sex, ages)


_HBA1C: Bi = ("HbA1c {v1}%", "糖化血红蛋白 {v1}%")
_PSY: Bi = ("PHQ-9 {v1}, GAD-7 {v2}, Y-BOCS {v3}", "PHQ-9 {v1}分，GAD-7 {v2}分，Y-BOCS {v3}分")
_PSY_TEXT = " (other scales below their thresholds: PHQ-9 < 10, GAD-7 < 10, Y-BOCS < 16)"
_PSY_TEXT_ZH = "（其余量表低于阈值：PHQ-9 < 10，GAD-7 < 10，Y-BOCS < 16）"
_SPIRO: Bi = ("Post-bronchodilator FEV1/FVC {v1}%, FEV1 reversibility {v2}%",
              "支气管舒张后 FEV1/FVC {v1}%，FEV1 改善 {v2}%")
_THYROID: Bi = ("TSH {v1} mIU/L, free T4 {v2} pmol/L", "促甲状腺激素 {v1} mIU/L，游离T4 {v2} pmol/L")
_JOINT: Bi = ("RF {v1} IU/mL, anti-CCP {v2} U/mL, morning stiffness {v3} min",
              "类风湿因子 {v1} IU/mL，抗CCP抗体 {v2} U/mL，晨僵 {v3} 分钟")

CONDITIONS: tuple[Condition, ...] = (
    # metformin: diabetes and prediabetes by HbA1c (>= 6.5% vs 5.7-6.4%); PCOS by its hormone and cycle pattern
    _c(METFORMIN, ("Type 2 diabetes mellitus", "2型糖尿病"), ("Blood glucose test", "血糖检测"),
       (_HBA1C, ("Fasting glucose {v2} mmol/L", "空腹血糖 {v2} mmol/L")),
       ((7.0, 10.8, 1), (7.4, 12.0, 1)),
       ((1, 6.5, INF),), ("HbA1c >= 6.5%", "糖化血红蛋白 ≥ 6.5%")),
    _c(METFORMIN, ("Prediabetes", "糖尿病前期"), ("Oral glucose tolerance test", "口服葡萄糖耐量试验"),
       (_HBA1C, ("Fasting glucose {v2} mmol/L", "空腹血糖 {v2} mmol/L"),
        ("2-hour glucose {v3} mmol/L", "餐后2小时血糖 {v3} mmol/L")),
       ((5.8, 6.3, 1), (5.7, 6.8, 1), (7.9, 10.9, 1)),
       ((1, 5.7, 6.5),), ("HbA1c 5.7-6.4%", "糖化血红蛋白 5.7%-6.4%")),
    _c(METFORMIN, ("Polycystic ovary syndrome", "多囊卵巢综合征"),
       ("Pelvic ultrasound and hormone panel", "盆腔超声及性激素检查"),
       (("LH/FSH ratio {v1}, menstrual cycles every {v2} days", "LH/FSH 比值 {v1}，月经周期 {v2} 天"),
        ("Ultrasound: {v3} follicles in each ovary", "超声：双侧卵巢各见 {v3} 个卵泡"),
        ("Total testosterone {v4} nmol/L", "总睾酮 {v4} nmol/L")),
       ((2.2, 3.5, 1), (45, 90, 0), (20, 32, 0), (2.6, 4.0, 1)),
       ((1, 2.0, INF), (2, 35, INF)),
       ("LH/FSH >= 2 with cycles longer than 35 days", "LH/FSH ≥ 2 且月经周期长于35天"), sex="F"),
    # amlodipine: raised blood pressure vs exertional ischaemia
    _c(AMLODIPINE, ("Hypertension", "高血压"), ("Ambulatory blood pressure monitoring", "动态血压监测"),
       (("Mean blood pressure {v1}/{v2} mmHg", "平均血压 {v1}/{v2} mmHg"), ("Heart rate {v3} bpm", "心率 {v3} 次/分")),
       ((150, 176, 0), (95, 110, 0), (64, 88, 0)),
       ((1, 140, INF), (2, 90, INF)), ("blood pressure >= 140/90 mmHg", "血压 ≥ 140/90 mmHg")),
    _c(AMLODIPINE, ("Stable angina", "稳定型心绞痛"), ("Exercise stress test", "运动平板试验"),
       (("Exercise ECG: {v1} mm ST depression, chest pain at {v2} METs",
         "运动心电图：ST段压低 {v1} mm，{v2} METs 时胸痛"),
        ("Resting blood pressure {v3}/{v4} mmHg", "静息血压 {v3}/{v4} mmHg")),
       ((1.5, 3.0, 1), (4, 8, 0), (112, 132, 0), (70, 84, 0)),
       ((1, 1.0, INF),), ("exertional chest pain with >= 1 mm ST depression", "运动诱发胸痛伴ST段压低 ≥ 1 mm"),
       ages=(40, 200)),
    # atorvastatin: high LDL (primary prevention) vs established coronary disease
    _c(ATORVASTATIN, ("Hyperlipidaemia", "高脂血症"), ("Blood lipid panel", "血脂检查"),
       (("LDL cholesterol {v1} mmol/L", "低密度脂蛋白胆固醇 {v1} mmol/L"),
        ("Total cholesterol {v2} mmol/L", "总胆固醇 {v2} mmol/L"),
        ("Triglycerides {v3} mmol/L", "甘油三酯 {v3} mmol/L")),
       ((4.6, 6.0, 2), (6.6, 8.2, 2), (1.8, 3.6, 2)),
       ((1, 4.1, INF),), ("LDL cholesterol >= 4.1 mmol/L", "低密度脂蛋白胆固醇 ≥ 4.1 mmol/L")),
    _c(ATORVASTATIN, ("Coronary artery disease", "冠心病"), ("Coronary CT angiography", "冠状动脉CT血管造影"),
       (("Coronary CTA: {v1}% stenosis of the LAD", "冠脉CTA：前降支狭窄 {v1}%"),
        ("Coronary calcium score {v2}", "冠状动脉钙化积分 {v2}")),
       ((55, 85, 0), (110, 620, 0)),
       ((1, 50, INF),), (">= 50% coronary stenosis", "冠状动脉狭窄 ≥ 50%"), ages=(40, 200)),
    # omeprazole: acid reflux vs an ulcer
    _c(OMEPRAZOLE, ("Gastro-oesophageal reflux disease", "胃食管反流病"),
       ("Upper GI endoscopy and pH monitoring", "胃镜及24小时食管pH监测"),
       (("24-hour oesophageal acid exposure {v1}%", "24小时食管酸暴露时间 {v1}%"),
        ("Mucosal breaks in the lower oesophagus, longest {v2} mm", "食管下段黏膜破损，最长 {v2} mm")),
       ((6.5, 14.0, 1), (2, 5, 0)),
       ((1, 6.0, INF),), ("acid exposure time > 6%", "酸暴露时间 > 6%")),
    _c(OMEPRAZOLE, ("Duodenal ulcer", "十二指肠溃疡"), ("Gastroscopy", "电子胃镜检查"),
       (("Gastroscopy: {v1} cm ulcer in the duodenal bulb", "胃镜：十二指肠球部溃疡，直径 {v1} cm"),
        ("Haemoglobin {v2} g/L", "血红蛋白 {v2} g/L")),
       ((0.5, 1.5, 1), (112, 135, 0)),
       ((1, 0.5, INF),), ("an ulcer >= 0.5 cm in the duodenal bulb", "十二指肠球部溃疡 ≥ 0.5 cm")),
    # sertraline: one screening battery, the scale above its threshold decides
    _c(SERTRALINE, ("Major depressive disorder", "抑郁症"), ("Psychological assessment", "心理测评"),
       (_PSY, ("HAMD-17 score {v4}", "HAMD-17 评分 {v4}")),
       ((16, 24, 0), (2, 7, 0), (3, 9, 0), (18, 28, 0)),
       ((1, 15, INF), (2, 0, 10), (3, 0, 16)),
       ("PHQ-9 >= 15" + _PSY_TEXT, "PHQ-9 ≥ 15" + _PSY_TEXT_ZH)),
    _c(SERTRALINE, ("Generalised anxiety disorder", "广泛性焦虑障碍"), ("Psychological assessment", "心理测评"),
       (_PSY, ("HAMA score {v4}", "HAMA 评分 {v4}")),
       ((3, 8, 0), (13, 20, 0), (3, 9, 0), (18, 28, 0)),
       ((1, 0, 10), (2, 10, INF), (3, 0, 16)),
       ("GAD-7 >= 10" + _PSY_TEXT, "GAD-7 ≥ 10" + _PSY_TEXT_ZH)),
    _c(SERTRALINE, ("Obsessive-compulsive disorder", "强迫症"), ("Psychological assessment", "心理测评"),
       (_PSY, ("Obsessions and compulsions {v4} hours a day", "强迫思维及行为每日 {v4} 小时")),
       ((3, 8, 0), (3, 8, 0), (20, 31, 0), (2, 6, 0)),
       ((1, 0, 10), (2, 0, 10), (3, 16, INF)),
       ("Y-BOCS >= 16" + _PSY_TEXT, "Y-BOCS ≥ 16" + _PSY_TEXT_ZH)),
    # salbutamol: reversible vs fixed airflow obstruction
    _c(SALBUTAMOL, ("Asthma", "支气管哮喘"), ("Pulmonary function test", "肺功能检查"),
       (_SPIRO, ("FeNO {v3} ppb", "呼出气一氧化氮 {v3} ppb")),
       ((73, 84, 0), (15, 28, 0), (45, 90, 0)),
       ((1, 70, INF), (2, 12, INF)),
       ("FEV1 reversibility >= 12% and post-bronchodilator FEV1/FVC >= 70%",
        "FEV1 改善 ≥ 12% 且支气管舒张后 FEV1/FVC ≥ 70%")),
    _c(SALBUTAMOL, ("Chronic obstructive pulmonary disease", "慢性阻塞性肺疾病"),
       ("Pulmonary function test", "肺功能检查"),
       (_SPIRO, ("FEV1 {v3}% of predicted", "FEV1 占预计值 {v3}%")),
       ((45, 66, 0), (2, 8, 0), (45, 75, 0)),
       ((1, 0, 70), (2, -INF, 12)),
       ("post-bronchodilator FEV1/FVC < 70% with little reversibility (< 12%)",
        "支气管舒张后 FEV1/FVC < 70% 且改善 < 12%"), ages=(40, 200)),
    # levothyroxine: low free T4 (overt) vs normal free T4 with raised TSH (subclinical)
    _c(LEVOTHYROXINE, ("Hypothyroidism", "甲状腺功能减退症"), ("Thyroid function test", "甲状腺功能检查"),
       (_THYROID, ("Thyroid peroxidase antibodies {v3} IU/mL", "甲状腺过氧化物酶抗体 {v3} IU/mL")),
       ((12.0, 40.0, 1), (4.0, 9.5, 1), (120, 600, 0)),
       ((1, 4.5, INF), (2, 0, 12)),
       ("TSH raised with free T4 below 12 pmol/L", "促甲状腺激素升高且游离T4 < 12 pmol/L")),
    _c(LEVOTHYROXINE, ("Subclinical hypothyroidism", "亚临床甲状腺功能减退症"),
       ("Thyroid function test", "甲状腺功能检查"),
       (_THYROID, ("Thyroid peroxidase antibodies {v3} IU/mL", "甲状腺过氧化物酶抗体 {v3} IU/mL")),
       ((10.2, 16.0, 1), (13.0, 19.5, 1), (60, 300, 0)),
       ((1, 4.5, INF), (2, 12, 22)),
       ("TSH raised with free T4 in range (12-22 pmol/L)", "促甲状腺激素升高且游离T4正常（12-22 pmol/L）")),
    # celecoxib: degenerative vs seropositive inflammatory arthritis vs axial spondyloarthritis
    _c(CELECOXIB, ("Knee osteoarthritis", "膝骨关节炎"),
       ("Knee X-ray and rheumatology panel", "膝关节X线及风湿免疫检查"),
       (_JOINT, ("Knee X-ray: osteophytes, Kellgren-Lawrence grade {v4}", "膝关节X线：骨赘形成，K-L 分级 {v4} 级")),
       ((2, 12, 0), (1, 9, 0), (5, 20, 0), (2, 4, 0)),
       ((1, 0, 20), (2, 0, 17), (3, 0, 30)),
       ("seronegative (RF < 20, anti-CCP < 17) with morning stiffness < 30 min",
        "血清学阴性（类风湿因子 < 20，抗CCP < 17）且晨僵 < 30 分钟"), ages=(45, 200)),
    _c(CELECOXIB, ("Rheumatoid arthritis", "类风湿关节炎"), ("Rheumatology panel", "风湿免疫检查"),
       (_JOINT, ("Swollen joints: {v4}, both hands", "双手关节肿胀 {v4} 个")),
       ((48, 180, 0), (85, 380, 0), (60, 150, 0), (4, 12, 0)),
       ((2, 17, INF), (3, 30, INF)),
       ("anti-CCP >= 17 U/mL with morning stiffness >= 30 min", "抗CCP ≥ 17 U/mL 且晨僵 ≥ 30 分钟")),
    _c(CELECOXIB, ("Ankylosing spondylitis", "强直性脊柱炎"),
       ("Sacroiliac joint X-ray and HLA-B27", "骶髂关节X线及HLA-B27检测"),
       (("HLA-B27 positive, bilateral sacroiliitis grade {v1}", "HLA-B27 阳性，双侧骶髂关节炎 {v1} 级"),
        ("CRP {v2} mg/L", "C反应蛋白 {v2} mg/L")),
       ((2, 3, 0), (12, 40, 0)),
       ((1, 2, INF),), ("HLA-B27 with bilateral sacroiliitis grade >= 2", "HLA-B27 阳性伴双侧骶髂关节炎 ≥ 2 级")),
    # allopurinol: gout (crystals) vs asymptomatic hyperuricaemia treated for its level
    _c(ALLOPURINOL, ("Gout", "痛风"), ("Joint aspiration and serum uric acid", "关节液检查及血尿酸检测"),
       (("Joint fluid: urate crystals, serum uric acid {v1} μmol/L", "关节液见尿酸盐结晶，血尿酸 {v1} μmol/L"),
        ("ESR {v2} mm/h", "血沉 {v2} mm/h")),
       ((480, 620, 0), (20, 45, 0)),
       ((1, 360, INF),), ("monosodium urate crystals in joint fluid", "关节液见尿酸盐结晶")),
    _c(ALLOPURINOL, ("Hyperuricaemia", "高尿酸血症"), ("Serum uric acid test", "血尿酸检测"),
       (("Serum uric acid {v1} μmol/L on two tests, no joint symptoms", "两次血尿酸 {v1} μmol/L，无关节症状"),
        ("eGFR {v2} mL/min", "估算肾小球滤过率 {v2} mL/min")),
       ((550, 640, 0), (78, 110, 0)),
       ((1, 540, INF),), ("serum uric acid >= 540 μmol/L without gout flares", "血尿酸 ≥ 540 μmol/L 且无痛风发作")),
    # loratadine: nasal allergy vs chronic hives
    _c(LORATADINE, ("Allergic rhinitis", "过敏性鼻炎"), ("Allergen test", "过敏原检测"),
       (("Nasal smear eosinophils {v1}%, dust mite IgE {v2} kU/L", "鼻分泌物嗜酸性粒细胞 {v1}%，尘螨IgE {v2} kU/L"),
        ("Total IgE {v3} IU/mL", "总IgE {v3} IU/mL")),
       ((10, 30, 0), (3.6, 40.0, 1), (150, 600, 0)),
       ((1, 5, INF), (2, 0.35, INF)),
       ("nasal eosinophilia with mite sensitisation", "鼻分泌物嗜酸性粒细胞增多且尘螨致敏")),
    _c(LORATADINE, ("Chronic urticaria", "慢性荨麻疹"), ("Urticaria activity assessment", "荨麻疹活动度评估"),
       (("Itchy wheals on most days for {v1} weeks, UAS7 {v2}", "风团伴瘙痒反复发作 {v1} 周，UAS7 评分 {v2}"),
        ("Total IgE {v3} IU/mL", "总IgE {v3} IU/mL")),
       ((8, 30, 0), (16, 34, 0), (60, 280, 0)),
       ((1, 6, INF),), ("wheals on most days for >= 6 weeks", "风团反复发作 ≥ 6 周")),
)

MEDICATIONS: tuple[Bi, ...] = tuple(dict.fromkeys(c.medication for c in CONDITIONS))
"""Every drug of the table once, in table order: draw one of these, then one of its conditions."""

# The diagnoses a prescription's drug leaves open: the candidates of the "condition from prescription" item.
DIAGNOSES_BY_MEDICATION: dict[str, tuple[Bi, ...]] = {
    m[0]: tuple(c.diagnosis for c in CONDITIONS if c.medication == m) for m in MEDICATIONS
}


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def conditions_for(medication: str, sex: str | None = None, age: int | None = None) -> tuple[Condition, ...]:
    """The conditions a drug (named in either language, any case) treats, for a person of this sex and age
    (None: any); () for a drug not in the table."""
    key = _norm(medication)
    return tuple(c for c in CONDITIONS if key in (_norm(c.medication[0]), _norm(c.medication[1]))
                 and c.eligible(sex, age))


def drugs_for(sex: str, age: int) -> tuple[Bi, ...]:
    """The drugs a person may be prescribed: those whose every condition open to their sex fits their age.

    A drug is never given where age alone would rule out one of its conditions (no amlodipine at 25, where
    angina is implausible), so the conditions sharing a drug stay equally likely at every age: the drug leaves
    one in two or three, and only sex narrows it (no PCOS for men)."""
    return tuple(m for m in MEDICATIONS
                 if all(c.eligible(sex, age) for c in conditions_for(m[0]) if c.eligible(sex, None)))


def condition_of(diagnosis: str) -> Condition:
    """The condition with this diagnosis (either language); KeyError if none."""
    key = _norm(diagnosis)
    for c in CONDITIONS:
        if key in (_norm(c.diagnosis[0]), _norm(c.diagnosis[1])):
            return c
    raise KeyError(diagnosis)


def deciding_finding(findings: str) -> str:
    """The deciding finding of a `Medical.findings` text in either language: its first line."""
    return re.split(r"\s*[;；]\s*", findings.strip(), maxsplit=1)[0]


_NUMBER = r"(-?\d+(?:\.\d+)?)"


@functools.cache
def _pattern(template: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """A template as a regex over normalised text, and the slot number of each group."""
    parts = re.split(r"\{v(\d+)\}", _norm(template))
    regex, slots = "", []
    for i, part in enumerate(parts):
        if i % 2:
            regex += _NUMBER
            slots.append(int(part))
        else:
            regex += r"\s*".join(re.escape(w) for w in part.split(" "))
    return re.compile(regex), tuple(slots)


def read_finding(condition: Condition, note: str) -> dict[int, float] | None:
    """The values of `note` (either language) read as this condition's deciding finding, by slot number; None
    if the note is not that finding."""
    for template in condition.findings[0]:
        pattern, slots = _pattern(template)
        m = pattern.fullmatch(_norm(note))
        if m:
            return {slot: float(v) for slot, v in zip(slots, m.groups(), strict=True)}
    return None


def meets_rule(condition: Condition, values: dict[int, float]) -> bool:
    """Whether the values of a deciding finding meet the condition's clinical criterion."""
    return all(slot in values and lo <= values[slot] < hi for slot, lo, hi in condition.rule)


def decide(medication: str, note: str) -> Condition | None:
    """Which of the drug's conditions a clinical note decides: the one whose deciding finding the note is and
    whose criterion its values meet; None when no condition, or more than one, fits (never for drawn data)."""
    fits = [c for c in conditions_for(medication) if (v := read_finding(c, note)) is not None and meets_rule(c, v)]
    return fits[0] if len(fits) == 1 else None
