"""Seed 000's case (2024 春季保养召回, 华南战区, plan B) as input rows.

`budgetgen init` writes these rows into a fresh input workbook, and
``inputs/demo.xlsx`` is exactly that workbook. The README's "demo vs seed"
table says where these figures differ from the seed's and why.
"""

from __future__ import annotations

import datetime as dt

from .schema import columns_of

D = dt.date

CAMPAIGN = [
    ("name", "2024春季保养召回活动"),
    ("region", "华南战区"),
    ("owner", "李明"),
    ("theme", "春日焕新，爱车回家"),
    ("start", D(2024, 5, 1)),
    ("end", D(2024, 5, 14)),
    ("fulfillment_end", D(2024, 6, 15)),
    ("pool_customers", 41000),
    ("touches_per_customer", 6.6),
    ("target_deals", 6000),
    ("gross_margin", 0.35),
    ("contingency_rate", 0.08),
    ("marketing_categories", "incentives, promotion"),
    ("roi_floor", 1.8),
    ("total_customers", 85000),
    ("active_customers", 32000),
    ("at_risk_customers", 12000),
    ("dormant_customers", 23000),
    ("lost_customers", 18000),
    ("baseline_retention", 0.376),
    ("target_retention", 0.45),
]

SHEETS: dict[str, tuple[tuple[str, ...], list[tuple]]] = {
    "funnel": (
        columns_of("funnel"),
        [("reach", 0.85), ("open", 0.15), ("booking", 0.28), ("arrival", 0.70), ("purchase", 0.90)],
    ),
    "channels": (
        columns_of("channels"),
        [
            ("App Push", 35000, 3, 0.02, 0, "早8:30/午12:00/晚19:00 黄金时间推送"),
            ("企业微信", 15000, 3, 0.2, 0, "顾问一对一，按人工成本折算"),
            ("短信", 38000, 3, 0.1, 0, "含预约确认与到店提醒"),
            ("电话外呼", 5000, 1, 3, 0, "高价值客户"),
        ],
    ),
    "budget": (
        ("category", "item", "driver", "quantity", "times", "unit_cost", "lump_sum", "memo", "note"),
        [
            ("incentives", "折扣让利", "deals", None, None, 120, None, "yes", "保养8折，收入端让利"),
            ("incentives", "预约礼券", "booked", None, None, 5, None, None, "预约即送电子券"),
            ("incentives", "到店礼包", "arrived", None, None, 6, None, None, "低边际成本礼包"),
            ("incentives", "积分奖励", "deals", None, None, 4, None, None, "成交送积分"),
            ("promotion", "门店物料", "fixed", 50, None, 380, None, None, "海报+易拉宝+DM单，50家门店"),
            ("promotion", "朋友圈广告", "lump", None, None, None, 13500, None, "区域定向投放"),
            ("systems", "H5页面开发", "lump", None, None, None, 8000, None, "设计+开发+对接"),
            ("systems", "数据看板", "lump", None, None, None, 7000, None, "实时监控系统"),
            ("labor", "运营人员", "fixed", 4, 30, 535, None, None, "4人×30天×日工时成本"),
            ("labor", "服务顾问增量工时", "fixed", 150, 14, 57.6, None, None, "150人×14天"),
            ("fulfillment", "保养服务成本", "deals", None, None, 250, None, "yes", "收入端：计入毛利率"),
            ("fulfillment", "免费21项检测", "arrived", None, None, 15, None, None, "检测耗材与工时"),
            ("fulfillment", "履约工位保障", "deals", None, None, 48.5, None, None, "加班工位与配件调拨"),
            ("management", "会议+差旅", "lump", None, None, None, 28000, None, "启动会+复盘会"),
        ],
    ),
    "revenue": (
        ("item", "driver", "quantity", "unit_value", "discount", "lump_sum", "margin", "horizon"),
        [
            ("保养服务", "deals", None, 600, 0.2, None, None, "campaign"),
            ("精品销售", "lump", None, None, None, 400000, None, "campaign"),
            ("后续维修（3个月）", "deals", None, 245, None, None, None, "follow_up"),
        ],
    ),
    "goals": (
        columns_of("goals"),
        [
            ("strategic", "retention", 0.376, 0.45, "%", "客户保有率，年度KPI"),
            ("business", "revenue_campaign", None, 3200000, "元", "保养280万+精品40万，Q2目标"),
            ("operations", "deals", None, 6000, "人", "召回6000名客户到店消费"),
            ("execution", "open_rate", 0.12, 0.15, "%", "2023年春季打开率12%"),
            ("execution", "booking_rate", None, 0.28, "%", "可监控"),
            ("execution", "arrival_rate", None, 0.70, "%", "可监控"),
            ("execution", "purchase_rate", None, 0.90, "%", "可监控"),
            ("health", "gross_margin", None, 0.35, "%", "毛利率不因让利失守"),
            ("health", "nps", None, 10, "分", "NPS同比提升"),
            ("health", "repurchase", None, 0.40, "%", "6个月内再次到店"),
        ],
    ),
    "scenarios": (
        columns_of("scenarios"),
        [
            ("A", "保守", None, "campaign.target_deals", 4500),
            ("A", "保守", None, "campaign.touches_per_customer", 4.9),
            ("A", "保守", None, "budget.服务顾问增量工时.quantity", 110),
            ("B", "推荐", "yes", "campaign.target_deals", 6000),
            ("C", "激进", None, "campaign.target_deals", 8000),
            ("C", "激进", None, "campaign.touches_per_customer", 8.8),
            ("C", "激进", None, "budget.服务顾问增量工时.quantity", 200),
            ("C", "激进", None, "budget.朋友圈广告.lump_sum", 30000),
        ],
    ),
    "sensitivity": (
        columns_of("sensitivity"),
        [
            ("funnel.open", -0.2, 0.2),
            ("funnel.booking", -0.2, 0.2),
            ("funnel.arrival", -0.1, 0.1),
            ("funnel.purchase", -0.05, 0.05),
            ("revenue.保养服务.unit_value", -0.1, 0.1),
            ("revenue.后续维修（3个月）.unit_value", -0.3, 0.3),
            ("campaign.gross_margin", -0.1, 0.1),
            ("budget.到店礼包.unit_cost", -0.5, 0.5),
        ],
    ),
    "stress": (
        columns_of("stress"),
        [("参与率-20%且转化率-15%", "funnel.open", -0.2), ("参与率-20%且转化率-15%", "funnel.booking", -0.15)],
    ),
    "uncertainty": (
        columns_of("uncertainty"),
        [
            ("funnel.open", 0.12, 0.15, 0.17),
            ("funnel.booking", 0.24, 0.28, 0.30),
            ("funnel.arrival", 0.65, 0.70, 0.72),
            ("revenue.后续维修（3个月）.unit_value", 180, 245, 280),
        ],
    ),
    "risks": (
        columns_of("risks"),
        [
            (
                "参与率不达标",
                "中",
                "高",
                "open_rate",
                "<",
                0.15,
                5,
                "追加5000名客户电话外呼；朋友圈广告加量投放",
                "李明",
                35000,
            ),
            (
                "预约转化不足",
                "中",
                "高",
                "booking_rate",
                "<",
                0.28,
                5,
                "到店礼包由80元升级为120元；预约流程再简化",
                "运营专家",
                20000,
            ),
            (
                "到店率低于预期",
                "中",
                "中",
                "arrival_rate",
                "<",
                0.70,
                7,
                "3+2提醒机制加微信、短信多渠道提醒",
                "门店店长",
                5000,
            ),
            (
                "成交缺口扩大",
                "低",
                "高",
                "projected_deals",
                "<",
                5700,
                5,
                "启动应急预案，门店话术强化培训",
                "李明",
                10000,
            ),
            ("竞品抢客", "中", "中", None, None, None, None, "突出原厂配件与专属服务，不跟进价格战", "市场总监", None),
        ],
    ),
    "timeline": (
        columns_of("timeline"),
        [
            ("方案准备期", D(2024, 4, 8), D(2024, 4, 20)),
            ("资源申请期", D(2024, 4, 22), D(2024, 4, 25)),
            ("活动预热期", D(2024, 4, 26), D(2024, 4, 30)),
            ("活动执行期", D(2024, 5, 1), D(2024, 5, 14)),
            ("履约完成期", D(2024, 5, 1), D(2024, 6, 15)),
            ("复盘总结期", D(2024, 6, 16), D(2024, 6, 30)),
        ],
    ),
    "history": (
        columns_of("history"),
        [
            ("2023春季保养活动（华南）", 2023, 450000, 2100000, 873000, None, None),
            ("华东战区召回活动", 2023, None, None, None, None, 2.1),
        ],
    ),
    "benchmarks": (
        columns_of("benchmarks"),
        [
            ("incentives", 0.10, 0.35),
            ("promotion", 0.05, 0.15),
            ("systems", 0.01, 0.05),
            ("labor", 0.15, 0.30),
            ("fulfillment", 0.25, 0.45),
            ("management", 0.02, 0.05),
            ("contingency", 0.05, 0.10),
        ],
    ),
    "narrative": (
        columns_of("narrative"),
        [
            (
                "background",
                "Q1华南战区客户保有率全国倒数第二；战区8.5万客户中，2.3万超过6个月未到店，1.8万超过1年未到店。",
            ),
            ("opportunity", "2.3万名6个月未到店客户流失风险65%，如不行动将永久损失约1.56亿元客户终身价值。"),
            ("competition", "竞品A正投入200万元做召回，竞品B推出5折保养。"),
            ("timing", "春季保养高峰期，转化率比平时高30%，是最佳召回时机。"),
            (
                "target_strategy",
                "目标扩大到3–12个月未到店客户4.1万人，按RFM分为5层，不同层级不同权益；允许多渠道多次触达。",
            ),
            ("incentive_strategy", "阶梯式权益：预约送券、到店送礼包、成交送积分；以低边际成本权益替代高成本权益。"),
            ("promotion_strategy", "App Push、企业微信、短信、电话外呼四渠道组合，黄金时间推送，3秒法则文案。"),
            ("conversion_strategy", "3+2提醒机制保障到店率；服务顾问到店惊喜四步法保障消费率。"),
            ("strategic_value", "提升客户保有率，阻止竞品抢客，沉淀可复制的召回活动标准流程。"),
            ("ask", "请批准本次活动预算，用于召回6000名客户到店保养。"),
        ],
    ),
}
