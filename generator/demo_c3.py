"""Seed 002's C3 campaign (a Buick dealer in Shenzhen, May–July 2014) as input rows.

Two target groups with their own offers, invitation rates and tickets, and
staff paid by tiers. `budgetgen init PATH --case c3` writes them; the
committed ``inputs/c3-demo.xlsx`` is that workbook. The README says which
figures come from the seed and which are assumptions.
"""

from __future__ import annotations

import datetime as dt

from .schema import columns_of

D = dt.date
LOYAL, LOW = "盈利忠诚群", "低成本群"

CAMPAIGN = [
    ("name", "C3客户招揽活动（空调养护季）"),
    ("region", "深圳 · 别克4S店"),
    ("owner", "客服经理"),
    ("theme", "差异化对待两类目标人群"),
    ("start", D(2014, 5, 1)),
    ("end", D(2014, 7, 31)),
    ("target_deals", 205),
    ("gross_margin", 0.35),
    ("contingency_rate", 0.05),
    ("roi_floor", 1.5),
]

SHEETS: dict[str, tuple[tuple[str, ...], list[tuple]]] = {
    "funnel": (
        columns_of("funnel"),
        [("reach", 0.95), ("open", 0.6), ("booking", 0.4), ("arrival", 0.85), ("purchase", 0.95)],
    ),
    "segments": (
        ("segment", "customers", "ltv", "reach", "open", "booking", "arrival", "purchase"),
        [
            (LOYAL, 895, 12000, None, None, None, None, None),
            (LOW, 441, 5000, 0.9, 0.45, 0.35, 0.75, 0.9),
        ],
    ),
    "channels": (
        columns_of("channels"),
        [("电话邀约", 1336, 2, 1, 0, "客服专员邀约，半月后二次跟进")],
    ),
    "budget": (
        columns_of("budget"),
        [
            ("incentives", "节气门清洗剂免单", "deals", None, None, 100, None, None, "燃油系统保养", LOYAL),
            ("incentives", "空调清洗剂免单", "deals", None, None, 45, None, None, "空调系统保养套餐", LOYAL),
            ("incentives", "100元保养工时礼券", "deals", None, None, 100, None, "yes", "限下次使用，收入端", LOW),
            ("incentives", "预约礼CD光碟", "booked", None, None, 12, None, None, "预约到店客户", None),
            ("incentives", "空气质量检测", "arrived", None, None, 20, None, None, "进店礼，DC1700粒子计数器", None),
            ("promotion", "柠檬贴与现场物料", "lump", None, None, None, 3000, None, "接待大厅与客休区", None),
            ("systems", "DMS数据筛选", "lump", None, None, None, 2000, None, "C3分类与名单", None),
            ("labor", "客服提成-盈利忠诚群", "arrived", None, None, 0, None, None, "按邀约进店率阶梯", LOYAL),
            ("labor", "客服提成-低成本群", "arrived", None, None, 0, None, None, "按邀约进店率阶梯", LOW),
            ("labor", "技师空调养护提成", "deals", None, None, 0, None, None, "按套餐销量阶梯", None),
            ("management", "周度早会与复盘", "lump", None, None, None, 2000, None, None, None),
        ],
    ),
    "tiers": (
        columns_of("tiers"),
        [
            ("客服提成-盈利忠诚群", "visit_rate", 0, 0, -200),
            ("客服提成-盈利忠诚群", "visit_rate", 0.11, 6, None),
            ("客服提成-盈利忠诚群", "visit_rate", 0.18, 10, None),
            ("客服提成-低成本群", "visit_rate", 0, 0, -200),
            ("客服提成-低成本群", "visit_rate", 0.07, 10, None),
            ("客服提成-低成本群", "visit_rate", 0.12, 15, None),
            ("技师空调养护提成", "deals", 0, 0, -200),
            ("技师空调养护提成", "deals", 51, 15, None),
            ("技师空调养护提成", "deals", 81, 25, None),
            ("技师空调养护提成", "deals", 101, 40, None),
        ],
    ),
    "revenue": (
        columns_of("revenue"),
        [
            ("盈利忠诚群产值", "deals", None, 2542, None, None, None, "campaign", LOYAL),
            ("低成本群产值", "deals", None, 1685, None, None, None, "campaign", LOW),
        ],
    ),
    "goals": (
        columns_of("goals"),
        [
            ("business", "revenue_total", None, 480000, "元", "目标客户产值"),
            ("operations", "deals", None, 205, "人", "盈利忠诚群18%、低成本群10%招揽成功率"),
            ("execution", "visit_rate", None, 0.15, "%", "目标客户邀约进店率"),
            ("health", "satisfaction", None, 0.89, "%", "活动满意度好评率"),
        ],
    ),
    "risks": (
        columns_of("risks"),
        [
            (
                "首月回厂率偏低",
                "高",
                "高",
                "arrival_rate",
                "<",
                0.85,
                30,
                "设立客服专员日招揽目标，周回厂率递进考核",
                "客服经理",
                0,
            ),
            ("检测仪器不足", "中", "中", None, None, None, None, "协调供应商增配两台空气检测仪", "服务经理", 1000),
        ],
    ),
    "narrative": (
        columns_of("narrative"),
        [
            (
                "background",
                "店内对经营状况自我诊断：客户基础信息管理不足、营销活动缺乏有效评估、客服工作单一、员工考核指标欠缺。",
            ),
            (
                "target_strategy",
                "盈利忠诚群（2–5年车龄）重点维护挽留；低成本群（0–3年车龄）借助保修期优势逐步转化为盈利忠诚客户。",
            ),
            (
                "incentive_strategy",
                "盈利忠诚群：燃油系统保养节气门材料费免单、空调系统保养清洗剂免单；低成本群：100元保养工时礼券（限下次使用）。",
            ),
        ],
    ),
}
