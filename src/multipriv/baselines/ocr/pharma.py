"""General clinical knowledge: common drugs and what they are prescribed for, and the lab criteria that decide.

Plain tables written from general pharmacology and the usual diagnostic thresholds (ADA/WHO for diabetes,
ESC/ESH and the Chinese guideline for blood pressure, GOLD and GINA for spirometry, WHO for bone density and
anaemia, the usual cut-offs of PHQ-9, GAD-7 and Y-BOCS...). A drug usually treats several conditions; they
are listed most common first, and a printed finding that meets a condition's criterion decides between them.
Nothing here comes from the benchmark's generator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

# condition id -> (English, Chinese), the usual clinical names.
CONDITIONS: dict[str, tuple[str, str]] = {
    "t2dm": ("Type 2 diabetes mellitus", "2型糖尿病"), "t1dm": ("Type 1 diabetes mellitus", "1型糖尿病"),
    "prediabetes": ("Prediabetes", "糖尿病前期"), "pcos": ("Polycystic ovary syndrome", "多囊卵巢综合征"),
    "obesity": ("Obesity", "肥胖症"),
    "htn": ("Hypertension", "高血压"), "angina": ("Angina pectoris", "心绞痛"),
    "chd": ("Coronary heart disease", "冠心病"), "hf": ("Heart failure", "心力衰竭"),
    "af": ("Atrial fibrillation", "心房颤动"), "dvt": ("Deep vein thrombosis", "深静脉血栓形成"),
    "hld": ("Hyperlipidaemia", "高脂血症"), "htg": ("Hypertriglyceridaemia", "高甘油三酯血症"),
    "asthma": ("Asthma", "支气管哮喘"), "copd": ("Chronic obstructive pulmonary disease", "慢性阻塞性肺疾病"),
    "gerd": ("Gastro-oesophageal reflux disease", "胃食管反流病"), "du": ("Duodenal ulcer", "十二指肠溃疡"),
    "gu": ("Gastric ulcer", "胃溃疡"), "hp": ("Helicobacter pylori infection", "幽门螺杆菌感染"),
    "dyspepsia": ("Functional dyspepsia", "功能性消化不良"), "uc": ("Ulcerative colitis", "溃疡性结肠炎"),
    "hypothyroid": ("Hypothyroidism", "甲状腺功能减退症"), "hyperthyroid": ("Hyperthyroidism", "甲状腺功能亢进症"),
    "thyroid_cancer": ("Thyroid cancer", "甲状腺癌"),
    "mdd": ("Major depressive disorder", "抑郁症"), "gad": ("Generalised anxiety disorder", "广泛性焦虑障碍"),
    "ocd": ("Obsessive-compulsive disorder", "强迫症"), "panic": ("Panic disorder", "惊恐障碍"),
    "ptsd": ("Post-traumatic stress disorder", "创伤后应激障碍"), "bipolar": ("Bipolar disorder", "双相情感障碍"),
    "schizophrenia": ("Schizophrenia", "精神分裂症"), "insomnia": ("Insomnia disorder", "失眠症"),
    "adhd": ("Attention deficit hyperactivity disorder", "注意缺陷多动障碍"),
    "migraine": ("Migraine", "偏头痛"), "epilepsy": ("Epilepsy", "癫痫"),
    "neuropathic_pain": ("Neuropathic pain", "神经病理性疼痛"), "parkinson": ("Parkinson's disease", "帕金森病"),
    "alzheimer": ("Alzheimer's disease", "阿尔茨海默病"),
    "gout": ("Gout", "痛风"), "hyperuricaemia": ("Hyperuricaemia", "高尿酸血症"),
    "urate_stones": ("Uric acid kidney stones", "尿酸性肾结石"),
    "oa": ("Osteoarthritis", "骨关节炎"), "ra": ("Rheumatoid arthritis", "类风湿关节炎"),
    "sle": ("Systemic lupus erythematosus", "系统性红斑狼疮"), "psoriasis": ("Psoriasis", "银屑病"),
    "rhinitis": ("Allergic rhinitis", "过敏性鼻炎"), "urticaria": ("Chronic urticaria", "慢性荨麻疹"),
    "ida": ("Iron-deficiency anaemia", "缺铁性贫血"), "hbv": ("Chronic hepatitis B", "慢性乙型肝炎"),
    "hiv": ("HIV infection", "艾滋病病毒感染"), "osteoporosis": ("Osteoporosis", "骨质疏松症"),
    "osteopenia": ("Osteopenia", "骨量减少"), "ckd": ("Chronic kidney disease", "慢性肾脏病"),
    "bph": ("Benign prostatic hyperplasia", "良性前列腺增生"), "glaucoma": ("Glaucoma", "青光眼"),
    "acne": ("Acne", "痤疮"), "influenza": ("Influenza", "流行性感冒"), "uti": ("Urinary tract infection", "尿路感染"),
}


@dataclass(frozen=True)
class Drug:
    en: tuple[str, ...]  # generic names (and common other names) in English
    zh: tuple[str, ...]
    treats: tuple[str, ...]  # condition ids, most common use first


def _d(en: str, zh: str, *treats: str) -> Drug:
    return Drug(tuple(en.split("|")), tuple(zh.split("|")), treats)


DRUGS: tuple[Drug, ...] = (
    # diabetes and metabolism
    _d("Metformin", "二甲双胍", "t2dm", "prediabetes", "pcos"),
    _d("Glimepiride", "格列美脲", "t2dm"), _d("Gliclazide", "格列齐特", "t2dm"),
    _d("Sitagliptin", "西格列汀", "t2dm"), _d("Acarbose", "阿卡波糖", "t2dm"),
    _d("Empagliflozin", "恩格列净", "t2dm", "hf", "ckd"), _d("Dapagliflozin", "达格列净", "t2dm", "hf", "ckd"),
    _d("Insulin glargine", "甘精胰岛素", "t2dm", "t1dm"), _d("Liraglutide", "利拉鲁肽", "t2dm", "obesity"),
    _d("Semaglutide", "司美格鲁肽", "t2dm", "obesity"),
    # heart and vessels
    _d("Amlodipine", "氨氯地平", "htn", "angina"), _d("Nifedipine", "硝苯地平", "htn", "angina"),
    _d("Lisinopril", "赖诺普利", "htn", "hf"), _d("Enalapril", "依那普利", "htn", "hf"),
    _d("Losartan", "氯沙坦", "htn"), _d("Valsartan", "缬沙坦", "htn", "hf"), _d("Irbesartan", "厄贝沙坦", "htn"),
    _d("Telmisartan", "替米沙坦", "htn"), _d("Hydrochlorothiazide", "氢氯噻嗪", "htn"),
    _d("Metoprolol", "美托洛尔", "htn", "angina", "hf", "af"), _d("Bisoprolol", "比索洛尔", "htn", "hf", "af"),
    _d("Atenolol", "阿替洛尔", "htn", "angina"), _d("Propranolol", "普萘洛尔", "htn", "migraine"),
    _d("Furosemide", "呋塞米", "hf", "htn"), _d("Spironolactone", "螺内酯", "hf", "htn"),
    _d("Atorvastatin", "阿托伐他汀", "hld", "chd"), _d("Rosuvastatin", "瑞舒伐他汀", "hld", "chd"),
    _d("Simvastatin", "辛伐他汀", "hld", "chd"), _d("Pravastatin", "普伐他汀", "hld"),
    _d("Ezetimibe", "依折麦布", "hld"), _d("Fenofibrate", "非诺贝特", "htg", "hld"),
    _d("Aspirin", "阿司匹林", "chd"), _d("Clopidogrel", "氯吡格雷", "chd"), _d("Nitroglycerin", "硝酸甘油", "angina"),
    _d("Warfarin", "华法林", "af", "dvt"), _d("Rivaroxaban", "利伐沙班", "af", "dvt"),
    _d("Apixaban", "阿哌沙班", "af", "dvt"),
    # lungs
    _d("Salbutamol|Albuterol", "沙丁胺醇", "asthma", "copd"), _d("Budesonide", "布地奈德", "asthma", "copd"),
    _d("Salmeterol", "沙美特罗", "asthma", "copd"), _d("Montelukast", "孟鲁司特", "asthma", "rhinitis"),
    _d("Tiotropium", "噻托溴铵", "copd"), _d("Ipratropium", "异丙托溴铵", "copd"),
    # gut
    _d("Omeprazole", "奥美拉唑", "gerd", "du", "gu", "hp"), _d("Esomeprazole", "埃索美拉唑", "gerd", "du", "hp"),
    _d("Pantoprazole", "泮托拉唑", "gerd", "du", "gu"), _d("Lansoprazole", "兰索拉唑", "gerd", "du", "gu"),
    _d("Rabeprazole", "雷贝拉唑", "gerd", "du", "hp"), _d("Famotidine", "法莫替丁", "du", "gerd"),
    _d("Sucralfate", "硫糖铝", "du", "gu"), _d("Bismuth potassium citrate|Bismuth", "枸橼酸铋钾", "hp", "du"),
    _d("Domperidone", "多潘立酮", "dyspepsia"), _d("Mesalazine|Mesalamine", "美沙拉嗪", "uc"),
    # thyroid
    _d("Levothyroxine", "左甲状腺素", "hypothyroid", "thyroid_cancer"),
    _d("Methimazole|Thiamazole", "甲巯咪唑", "hyperthyroid"), _d("Propylthiouracil", "丙硫氧嘧啶", "hyperthyroid"),
    # mind and brain
    _d("Sertraline", "舍曲林", "mdd", "ocd", "panic", "ptsd", "gad"), _d("Fluoxetine", "氟西汀", "mdd", "ocd"),
    _d("Escitalopram", "艾司西酞普兰", "mdd", "gad"), _d("Citalopram", "西酞普兰", "mdd"),
    _d("Paroxetine", "帕罗西汀", "mdd", "panic", "gad"), _d("Venlafaxine", "文拉法辛", "mdd", "gad"),
    _d("Duloxetine", "度洛西汀", "mdd", "gad", "neuropathic_pain"), _d("Mirtazapine", "米氮平", "mdd"),
    _d("Bupropion", "安非他酮", "mdd"), _d("Buspirone", "丁螺环酮", "gad"),
    _d("Alprazolam", "阿普唑仑", "gad", "panic"), _d("Clonazepam", "氯硝西泮", "panic", "epilepsy"),
    _d("Zolpidem", "唑吡坦", "insomnia"), _d("Eszopiclone|Zopiclone", "右佐匹克隆|佐匹克隆", "insomnia"),
    _d("Estazolam", "艾司唑仑", "insomnia"), _d("Trazodone", "曲唑酮", "mdd", "insomnia"),
    _d("Quetiapine", "喹硫平", "schizophrenia", "bipolar"), _d("Olanzapine", "奥氮平", "schizophrenia", "bipolar"),
    _d("Risperidone", "利培酮", "schizophrenia"), _d("Aripiprazole", "阿立哌唑", "schizophrenia", "bipolar"),
    _d("Lithium carbonate|Lithium", "碳酸锂", "bipolar"), _d("Methylphenidate", "哌甲酯", "adhd"),
    _d("Sumatriptan", "舒马普坦|舒马曲坦", "migraine"), _d("Rizatriptan", "利扎曲普坦", "migraine"),
    _d("Zolmitriptan", "佐米曲普坦", "migraine"), _d("Flunarizine", "氟桂利嗪", "migraine"),
    _d("Levetiracetam", "左乙拉西坦", "epilepsy"), _d("Valproate|Sodium valproate", "丙戊酸钠", "epilepsy", "bipolar"),
    _d("Carbamazepine", "卡马西平", "epilepsy"), _d("Lamotrigine", "拉莫三嗪", "epilepsy", "bipolar"),
    _d("Gabapentin", "加巴喷丁", "neuropathic_pain", "epilepsy"), _d("Pregabalin", "普瑞巴林", "neuropathic_pain"),
    _d("Levodopa", "左旋多巴|多巴丝肼", "parkinson"), _d("Pramipexole", "普拉克索", "parkinson"),
    _d("Donepezil", "多奈哌齐", "alzheimer"), _d("Memantine", "美金刚", "alzheimer"),
    # joints and immunity
    _d("Allopurinol", "别嘌醇", "gout", "hyperuricaemia", "urate_stones"),
    _d("Febuxostat", "非布司他", "gout", "hyperuricaemia"), _d("Colchicine", "秋水仙碱", "gout"),
    _d("Benzbromarone", "苯溴马隆", "gout", "hyperuricaemia"),
    _d("Celecoxib", "塞来昔布", "oa", "ra"), _d("Meloxicam", "美洛昔康", "oa", "ra"),
    _d("Diclofenac", "双氯芬酸", "oa", "ra"), _d("Glucosamine", "氨基葡萄糖", "oa"),
    _d("Methotrexate", "甲氨蝶呤", "ra", "psoriasis"), _d("Hydroxychloroquine", "羟氯喹", "ra", "sle"),
    _d("Alendronate", "阿仑膦酸钠|阿仑膦酸", "osteoporosis"), _d("Risedronate", "利塞膦酸钠", "osteoporosis"),
    _d("Zoledronic acid", "唑来膦酸", "osteoporosis"),
    # allergy, blood, infection, others
    _d("Loratadine", "氯雷他定", "rhinitis", "urticaria"), _d("Desloratadine", "地氯雷他定", "rhinitis", "urticaria"),
    _d("Cetirizine", "西替利嗪", "rhinitis", "urticaria"), _d("Fexofenadine", "非索非那定", "rhinitis", "urticaria"),
    _d("Mometasone", "莫米松", "rhinitis"),
    _d("Ferrous sulfate", "硫酸亚铁", "ida"), _d("Ferrous succinate", "琥珀酸亚铁", "ida"),
    _d("Polysaccharide iron complex", "多糖铁复合物", "ida"),
    _d("Entecavir", "恩替卡韦", "hbv"), _d("Tenofovir", "替诺福韦", "hbv", "hiv"),
    _d("Lamivudine", "拉米夫定", "hiv", "hbv"), _d("Adefovir", "阿德福韦", "hbv"),
    _d("Tamsulosin", "坦索罗辛", "bph"), _d("Finasteride", "非那雄胺", "bph"),
    _d("Latanoprost", "拉坦前列素", "glaucoma"), _d("Isotretinoin", "异维A酸", "acne"),
    _d("Oseltamivir", "奥司他韦", "influenza"), _d("Nitrofurantoin", "呋喃妥因", "uti"),
)

# Salts and product forms that are part of a medicine's name (tablets and capsules are not).
PRODUCT_FORM = re.compile(r"\s*(?:sodium|potassium|calcium|hydrochloride|inhaler|nasal spray|eye drops|cream|"
                          r"ointment|injection|syrup|oral solution|patch|钠|钾|钙|气雾剂|吸入剂|喷雾剂|滴眼液|乳膏|"
                          r"软膏|注射液|颗粒|口服液|贴剂)", re.IGNORECASE)

# Common examinations (English, Chinese): what a report's exam line names.
EXAMS: tuple[tuple[str, str], ...] = (
    ("Blood glucose test", "血糖检测"), ("Oral glucose tolerance test", "口服葡萄糖耐量试验"),
    ("Ambulatory blood pressure monitoring", "动态血压监测"), ("Blood lipid panel", "血脂检查"),
    ("Pulmonary function test", "肺功能检查"), ("Spirometry", "肺通气功能检查"),
    ("Upper GI endoscopy", "胃镜检查"), ("Gastroscopy", "电子胃镜检查"), ("Colonoscopy", "结肠镜检查"),
    ("Thyroid function test", "甲状腺功能检查"), ("Thyroid ultrasound", "甲状腺超声"),
    ("Psychological assessment", "心理测评"), ("Cranial MRI", "头颅磁共振"), ("Brain CT", "头颅CT"),
    ("Serum uric acid test", "血尿酸检测"), ("Knee X-ray", "膝关节X线检查"), ("Chest X-ray", "胸部X线检查"),
    ("Allergen test", "过敏原检测"), ("Complete blood count", "血常规"), ("Polysomnography", "多导睡眠监测"),
    ("Liver function test", "肝功能检查"), ("Bone density scan", "骨密度检查"), ("Electrocardiogram", "心电图"),
    ("Echocardiography", "超声心动图"), ("Urinalysis", "尿常规"), ("Abdominal ultrasound", "腹部超声"),
    ("Renal function test", "肾功能检查"), ("Coronary angiography", "冠状动脉造影"),
)


# ------------------------------------------------------------------------------------------------ rules

_NUM = r"(-?\s?\d+(?:\.\d+)?)"


@dataclass(frozen=True)
class Criterion:
    """A condition's diagnostic criterion on one printed value: `label` then (within a few characters) the
    number, which must lie in [low, high]; or, with no bounds, a finding phrase that names it."""

    condition: str
    label: str  # regular expression
    low: float = float("-inf")
    high: float = float("inf")
    numeric: bool = True


def _c(condition: str, label: str, low: float = float("-inf"), high: float = float("inf")) -> Criterion:
    return Criterion(condition, label, low, high)


def _k(condition: str, phrase: str) -> Criterion:
    return Criterion(condition, phrase, numeric=False)


_GLUCOSE = r"(?:fasting (?:plasma )?glucose|FPG|空腹血糖)"
_A1C = r"(?:HbA1c|A1c|糖化血红蛋白)"
_BP = r"(?:blood pressure|BP|血压)"

CRITERIA: tuple[Criterion, ...] = (
    _c("t2dm", _A1C, 6.5), _c("t2dm", _GLUCOSE, 7.0, 40),
    _c("t2dm", r"(?:2-?h(?:our)? (?:OGTT|glucose)|OGTT ?2 ?h|餐后2小时血糖)", 11.1),
    _c("prediabetes", _A1C, 5.7, 6.4), _c("prediabetes", _GLUCOSE, 5.6, 6.9),
    _k("pcos", r"polycystic ovar|多囊|LH/FSH|oligo-?ovulation|月经稀发|闭经"),
    _c("obesity", r"(?:BMI|体重指数)", 30), _k("htn", r"(?:^|[^\d])1[4-9]\d/(?:9|1[01])\d ?mmHg"),
    _k("angina", r"ST[- ]?(?:segment )?depression|ST段.{0,4}压低|exertional chest|劳力性胸痛|心绞痛"),
    _k("chd", r"coronary (?:artery )?stenosis|冠状动脉.{0,6}狭窄"),
    _c("hld", r"(?:LDL(?:-C)?(?: cholesterol)?|低密度脂蛋白(?:胆固醇)?)", 4.1, 20),
    _c("hld", r"(?:total cholesterol|TC|总胆固醇)", 6.2, 30), _c("htg", r"(?:triglycerides?|TG|甘油三酯)", 5.6),
    _c("asthma", r"(?:reversibility|improve(?:d|ment)|改善)", 12, 100),
    _c("asthma", r"(?:FeNO|呼出气一氧化氮)", 50),
    _c("copd", r"(?:post-?bronchodilator FEV1/FVC|舒张后 ?FEV1/FVC)", 0, 69.9),
    _k("gerd", r"reflux|esophagitis|oesophagitis|食管炎|反流|黏膜破损|mucosal break"),
    _c("gerd", r"(?:acid exposure time|酸暴露时间)", 6),
    _k("du", r"duodenal (?:bulb )?ulcer|十二指肠.{0,4}溃疡"), _k("gu", r"gastric (?:\w+ )?ulcer|胃(?:角|窦|体)?溃疡"),
    _k("hp", r"H\. ?pylori[^,;]{0,20}positive|Helicobacter|幽门螺杆菌.{0,6}阳性"
             r"|urea breath test[^,;]{0,10}positive|尿素呼气试验.{0,4}阳性"),
    _c("hypothyroid", r"(?:TSH|促甲状腺激素)", 4.6, 200), _c("hyperthyroid", r"(?:TSH|促甲状腺激素)", 0, 0.1),
    _k("thyroid_cancer", r"thyroidectomy|papillary (?:thyroid )?carcinoma|甲状腺.{0,4}(?:切除|癌)"),
    _c("mdd", r"PHQ-?9(?: score)?", 10, 27), _c("mdd", r"HAMD(?:-1[7])?(?: score)?", 17),
    _c("gad", r"GAD-?7(?: score)?", 10, 21), _c("gad", r"HAMA(?: score)?", 14),
    _c("ocd", r"Y-?BOCS(?: score)?", 16, 40), _k("panic", r"panic attack|惊恐发作"),
    _k("ptsd", r"PCL-5|trauma|创伤"),
    _c("insomnia", r"(?:PSQI(?: score)?)", 8, 21), _c("insomnia", r"(?:sleep onset latency|入睡潜伏期)", 31),
    _k("migraine", r"migraine|偏头痛|headache diary|头痛日记|aura|先兆"),
    _c("gout", r"(?:serum uric acid|uric acid|血尿酸)", 420, 2000),
    _k("gout", r"tophus|tophi|痛风石|urate crystals|尿酸盐结晶|podagra|第一跖趾关节"),
    _k("urate_stones", r"kidney stone|renal calculus|nephrolithiasis|肾结石"),
    _k("oa", r"Kellgren|joint space narrow|关节间隙.{0,4}窄|osteophyte|骨赘"),
    _c("ra", r"(?:rheumatoid factor|RF|类风湿因子)", 20.1, 10000), _c("ra", r"(?:anti-?CCP|抗CCP抗体)", 20.1, 10000),
    _c("ra", r"(?:morning stiffness|晨僵)", 60, 1440),
    _k("rhinitis", r"sneez|rhinorrh|nasal|喷嚏|流涕|鼻塞|鼻分泌物"), _k("urticaria", r"wheal|hives|风团|荨麻疹"),
    _c("ida", r"(?:serum ferritin|ferritin|铁蛋白)", 0, 29.9), _c("ida", r"(?:MCV|平均红细胞体积)", 0, 79.9),
    _k("hbv", r"HBV|HBsAg|乙肝|乙型肝炎"), _k("hiv", r"HIV"),
    _c("osteoporosis", r"T[- ]?(?:score|值)", -10, -2.5), _c("osteopenia", r"T[- ]?(?:score|值)", -2.49, -1.0),
    _c("ckd", r"eGFR", 0, 59.9), _c("hf", r"(?:LVEF|ejection fraction|射血分数)", 0, 40),
    _k("af", r"atrial fibrillation|心房颤动|房颤"),
)


@cache
def _drug_patterns() -> tuple[tuple[re.Pattern[str], Drug], ...]:
    """One pattern per drug name, longest first; the words of a name may be glued (OCR drops spaces)."""
    pairs = sorted(((name, d) for d in DRUGS for name in (*d.en, *d.zh)), key=lambda p: -len(p[0]))
    out = []
    for name, drug in pairs:
        body = r"\s*".join(re.escape(w) for w in name.split())
        out.append((re.compile((r"(?<![A-Za-z])" + body) if name.isascii() else body, re.IGNORECASE), drug))
    return tuple(out)


def find_drug(text: str) -> tuple[Drug, int, int] | None:
    """The first drug named in a text (the longest name where several start there): the drug and where its
    name is. OCR may split or glue the words of a name: a text without a hit is tried without spaces."""
    best = _find_drug(text)
    if best is None and " " in text:
        glued = _find_drug(text.replace(" ", ""))
        return (glued[0], 0, len(text)) if glued else None
    return best


def _find_drug(text: str) -> tuple[Drug, int, int] | None:
    best: tuple[Drug, int, int] | None = None
    for pattern, drug in _drug_patterns():
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (drug, m.start(), m.end())
    return best


def _numbers_after(label: str, text: str) -> list[float]:
    out: list[float] = []
    for m in re.finditer(label + r"[^\d\n\-]{0,14}" + _NUM, text, re.IGNORECASE):
        try:
            out.append(float(m.group(1).replace(" ", "")))
        except ValueError:
            continue
    return out


def _systolic_diastolic(text: str) -> bool:
    """Whether a printed blood pressure meets hypertension (>= 140 systolic or >= 90 diastolic)."""
    for m in re.finditer(_BP + r"[^\d\n]{0,14}(\d{2,3})\s*/\s*(\d{2,3})", text, re.IGNORECASE):
        if int(m.group(1)) >= 140 or int(m.group(2)) >= 90:
            return True
    return False


def met(criterion: Criterion, text: str) -> bool:
    if not criterion.numeric:
        return re.search(criterion.label, text, re.IGNORECASE) is not None
    return any(criterion.low <= v <= criterion.high for v in _numbers_after(criterion.label, text))


_SPECIAL: dict[str, Callable[[str], bool]] = {"htn": _systolic_diastolic}


def supported(condition: str, text: str) -> bool:
    """Whether any printed finding in `text` meets a criterion of the condition."""
    special = _SPECIAL.get(condition)
    if special is not None and special(text):
        return True
    return any(met(c, text) for c in CRITERIA if c.condition == condition)


def decide(drug: Drug, evidence: str = "") -> str:
    """The condition a prescription of `drug` is most likely for: the first of its uses whose criterion a
    printed finding meets, else its most common use."""
    for condition in drug.treats:
        if evidence and supported(condition, evidence):
            return condition
    return drug.treats[0]


def condition_name(condition: str, lang: str) -> str:
    en, zh = CONDITIONS[condition]
    return zh if lang == "zh" else en


@cache
def diagnosis_names() -> tuple[str, ...]:
    """Every condition name in both languages, longest first."""
    return tuple(sorted({n for pair in CONDITIONS.values() for n in pair}, key=len, reverse=True))


@cache
def exam_names() -> tuple[str, ...]:
    return tuple(sorted({n for pair in EXAMS for n in pair}, key=len, reverse=True))
