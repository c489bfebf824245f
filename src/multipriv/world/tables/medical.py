"""Diagnoses with the exam that finds them, plausible abnormal findings and the drug that treats them.

Task 6 asks a model to infer the condition from a prescription, so each medication appears in exactly one
condition and is a standard first-line drug for it; findings ranges are abnormal in the direction the
diagnosis implies, so a report reads consistently.
"""

from __future__ import annotations

from multipriv.world.tables.records import Bi, Condition

_ENDO: Bi = ("Endocrinology", "内分泌科")
_CARDIO: Bi = ("Cardiology", "心血管内科")
_GASTRO: Bi = ("Gastroenterology", "消化内科")
_PSYCH: Bi = ("Psychiatry", "精神心理科")

CONDITIONS: tuple[Condition, ...] = (
    Condition(
        ("Type 2 diabetes mellitus", "2型糖尿病"), _ENDO, ("Blood glucose test", "血糖检测"),
        (("Fasting glucose {v1} mmol/L", "空腹血糖 {v1} mmol/L"), ("HbA1c {v2}%", "糖化血红蛋白 {v2}%")),
        ((7.2, 11.8, 1), (6.8, 9.6, 1)),
        ("Metformin", "二甲双胍"), ("500 mg twice daily with meals", "500毫克，每日两次，随餐服用"),
    ),
    Condition(
        ("Hypertension", "高血压"), _CARDIO, ("Ambulatory blood pressure monitoring", "动态血压监测"),
        (
            ("Mean blood pressure {v1}/{v2} mmHg", "平均血压 {v1}/{v2} mmHg"),
            ("Heart rate {v3} bpm", "心率 {v3} 次/分"),
        ),
        ((145, 172, 0), (92, 108, 0), (64, 88, 0)),
        ("Amlodipine", "氨氯地平"), ("5 mg once daily", "5毫克，每日一次"),
    ),
    Condition(
        ("Hyperlipidaemia", "高脂血症"), _CARDIO, ("Blood lipid panel", "血脂检查"),
        (
            ("Total cholesterol {v1} mmol/L", "总胆固醇 {v1} mmol/L"),
            ("LDL cholesterol {v2} mmol/L", "低密度脂蛋白胆固醇 {v2} mmol/L"),
            ("Triglycerides {v3} mmol/L", "甘油三酯 {v3} mmol/L"),
        ),
        ((6.3, 8.2, 2), (4.2, 5.8, 2), (1.8, 3.6, 2)),
        ("Atorvastatin", "阿托伐他汀"), ("20 mg once daily at bedtime", "20毫克，每晚一次"),
    ),
    Condition(
        ("Asthma", "支气管哮喘"),
        ("Respiratory medicine", "呼吸内科"),
        ("Pulmonary function test", "肺功能检查"),
        (
            ("FEV1 {v1}% of predicted, FEV1/FVC {v2}%", "FEV1 占预计值 {v1}%，FEV1/FVC {v2}%"),
            ("FEV1 improved {v3}% after bronchodilator", "支气管舒张试验后 FEV1 改善 {v3}%"),
        ),
        ((60, 79, 0), (58, 69, 0), (13, 24, 0)),
        ("Salbutamol inhaler", "沙丁胺醇气雾剂"),
        ("100 mcg, 1-2 puffs as needed", "每次100微克，按需吸入1-2揿"),
    ),
    Condition(
        ("Gastro-oesophageal reflux disease", "胃食管反流病"), _GASTRO, ("Upper GI endoscopy", "胃镜检查"),
        (
            ("Mucosal breaks in the lower oesophagus, longest {v1} mm", "食管下段黏膜破损，最长 {v1} mm"),
            ("24-hour acid exposure time {v2}%", "24小时酸暴露时间 {v2}%"),
        ),
        ((2, 5, 0), (6.5, 14.0, 1)),
        ("Omeprazole", "奥美拉唑"), ("20 mg once daily before breakfast", "20毫克，每日一次，早餐前服用"),
    ),
    Condition(
        ("Duodenal ulcer", "十二指肠溃疡"), _GASTRO, ("Gastroscopy", "电子胃镜检查"),
        (
            ("Ulcer in the duodenal bulb, {v1} cm across", "十二指肠球部溃疡，直径 {v1} cm"),
            ("Haemoglobin {v2} g/L", "血红蛋白 {v2} g/L"),
        ),
        ((0.5, 1.5, 1), (112, 135, 0)),
        ("Sucralfate", "硫糖铝"), ("1 g four times daily before meals", "1克，每日四次，餐前服用"),
    ),
    Condition(
        ("Hypothyroidism", "甲状腺功能减退症"), _ENDO, ("Thyroid function test", "甲状腺功能检查"),
        (("TSH {v1} mIU/L", "促甲状腺激素 {v1} mIU/L"), ("Free T4 {v2} pmol/L", "游离甲状腺素 {v2} pmol/L")),
        ((6.5, 18.0, 1), (6.0, 11.5, 1)),
        ("Levothyroxine", "左甲状腺素钠"),
        ("50 mcg once daily before breakfast", "50微克，每日一次，早餐前空腹服用"),
    ),
    Condition(
        ("Major depressive disorder", "抑郁症"), _PSYCH, ("Psychological assessment", "心理测评"),
        (("PHQ-9 score {v1}", "PHQ-9 评分 {v1}"), ("HAMD-17 score {v2}", "HAMD-17 评分 {v2}")),
        ((15, 24, 0), (18, 28, 0)),
        ("Sertraline", "舍曲林"), ("50 mg once daily", "50毫克，每日一次"),
    ),
    Condition(
        ("Generalised anxiety disorder", "广泛性焦虑障碍"), _PSYCH, ("Psychological assessment", "心理测评"),
        (("GAD-7 score {v1}", "GAD-7 评分 {v1}"), ("HAMA score {v2}", "HAMA 评分 {v2}")),
        ((10, 19, 0), (18, 28, 0)),
        ("Buspirone", "丁螺环酮"), ("10 mg twice daily", "10毫克，每日两次"),
    ),
    Condition(
        ("Migraine", "偏头痛"), ("Neurology", "神经内科"), ("Cranial MRI", "头颅磁共振"),
        (
            ("No structural abnormality", "未见器质性异常"),
            (
                "Headache diary: {v1} attacks a month, about {v2} hours each",
                "头痛日记：每月发作 {v1} 次，每次约 {v2} 小时",
            ),
        ),
        ((3, 8, 0), (6, 36, 0)),
        ("Sumatriptan", "舒马普坦"),
        ("50 mg at onset, may repeat after 2 hours", "50毫克，发作时服用，2小时后可重复"),
    ),
    Condition(
        ("Gout", "痛风"), ("Rheumatology", "风湿免疫科"), ("Serum uric acid test", "血尿酸检测"),
        (("Serum uric acid {v1} μmol/L", "血尿酸 {v1} μmol/L"), ("ESR {v2} mm/h", "血沉 {v2} mm/h")),
        ((480, 620, 0), (20, 45, 0)),
        ("Allopurinol", "别嘌醇"), ("100 mg once daily", "100毫克，每日一次"),
    ),
    Condition(
        ("Knee osteoarthritis", "膝骨关节炎"), ("Orthopaedics", "骨科"), ("Knee X-ray", "膝关节X线检查"),
        (
            ("Medial joint space narrowed to {v1} mm", "内侧关节间隙变窄至 {v1} mm"),
            ("Kellgren-Lawrence grade {v2}", "Kellgren-Lawrence 分级 {v2} 级"),
        ),
        ((1.5, 3.0, 1), (2, 3, 0)),
        ("Celecoxib", "塞来昔布"), ("200 mg once daily", "200毫克，每日一次"),
    ),
    Condition(
        ("Allergic rhinitis", "过敏性鼻炎"),
        ("Otolaryngology", "耳鼻咽喉科"),
        ("Allergen test", "过敏原检测"),
        (
            ("Total IgE {v1} IU/mL", "总IgE {v1} IU/mL"),
            ("Nasal smear eosinophils {v2}%", "鼻分泌物嗜酸性粒细胞 {v2}%"),
        ),
        ((150, 600, 0), (10, 30, 0)),
        ("Loratadine", "氯雷他定"), ("10 mg once daily", "10毫克，每日一次"),
    ),
    Condition(
        ("Iron-deficiency anaemia", "缺铁性贫血"),
        ("Haematology", "血液科"),
        ("Complete blood count", "血常规"),
        (
            ("Haemoglobin {v1} g/L, MCV {v2} fL", "血红蛋白 {v1} g/L，平均红细胞体积 {v2} fL"),
            ("Serum ferritin {v3} μg/L", "血清铁蛋白 {v3} μg/L"),
        ),
        ((82, 108, 0), (66, 78, 0), (4, 12, 0)),
        ("Ferrous sulfate", "硫酸亚铁"), ("325 mg once daily", "325毫克，每日一次"),
    ),
    Condition(
        ("Insomnia disorder", "失眠症"),
        ("Sleep medicine", "睡眠医学科"),
        ("Polysomnography", "多导睡眠监测"),
        (
            ("Sleep onset latency {v1} min, sleep efficiency {v2}%", "入睡潜伏期 {v1} 分钟，睡眠效率 {v2}%"),
            ("PSQI score {v3}", "PSQI 评分 {v3}"),
        ),
        ((45, 95, 0), (62, 78, 0), (11, 18, 0)),
        ("Zolpidem", "唑吡坦"), ("5 mg at bedtime", "5毫克，睡前服用"),
    ),
    Condition(
        ("Chronic hepatitis B", "慢性乙型肝炎"), ("Infectious diseases", "感染科"),
        ("Liver function and HBV DNA test", "肝功能及乙肝病毒DNA检测"),
        (("HBV DNA {v1} IU/mL", "乙肝病毒DNA {v1} IU/mL"), ("ALT {v2} U/L", "谷丙转氨酶 {v2} U/L")),
        ((20000, 900000, 0), (65, 180, 0)),
        ("Entecavir", "恩替卡韦"), ("0.5 mg once daily on an empty stomach", "0.5毫克，每日一次，空腹服用"),
    ),
    Condition(
        ("Osteoporosis", "骨质疏松症"), _ENDO, ("Bone density scan (DXA)", "骨密度检查（双能X线）"),
        (
            ("Lumbar spine T-score -{v1}", "腰椎 T 值 -{v1}"),
            ("Femoral neck T-score -{v2}", "股骨颈 T 值 -{v2}"),
        ),
        ((2.6, 3.6, 1), (2.5, 3.2, 1)),
        ("Alendronate", "阿仑膦酸钠"), ("70 mg once weekly", "70毫克，每周一次"),
    ),
)

# Which diagnosis a prescription implies: the gold answer of the "condition from prescription" item.
DIAGNOSIS_BY_MEDICATION: dict[str, Bi] = {c.medication[0]: c.diagnosis for c in CONDITIONS}
