"""Seed 000's results as an actuals workbook (`inputs/demo-actuals.xlsx`).

The seed gives the totals: 6,247 deals, 498万 revenue, 91.5万 spent (8.5万 of
it from the contingency, for the day-5 emergency measures), 174.3万 gross
profit, ROI 1.90:1, booking 26.8% and arrival 68% against plans of 28% and
70%. The daily rows spread the 6,247 deals in the shape of the seed's D1–D14
(the dip to D5, the weekend rebound, then a flat run) at those rates; the cost
lines follow the actual volumes at the plan's unit costs, and service-advisor
overtime takes the rest of the 83万 spent outside the reserve. The README says
so.
"""

from __future__ import annotations

DAILY = (
    ("day", "reached", "opened", "booked", "arrived", "deals", "revenue"),
    [
        (1, 20500, 3116, 835, None, None, 0),
        (2, 23099, 3511, 941, 640, 579, 313818),
        (3, 21704, 3299, 884, 601, 544, 294848),
        (4, 17013, 2586, 693, 471, 426, 230892),
        (5, 14901, 2265, 607, 413, 374, 202708),
        (6, 19171, 2914, 781, 531, 481, 260702),
        (7, 21507, 3269, 876, 596, 539, 292138),
        (8, 23836, 3623, 971, 660, 597, 323574),
        (9, 17967, 2731, 732, 498, 451, 244442),
        (10, 17967, 2731, 732, 498, 451, 244442),
        (11, 17967, 2731, 732, 498, 451, 244442),
        (12, 17967, 2731, 732, 498, 451, 244442),
        (13, 17967, 2731, 732, 498, 451, 244442),
        (14, 18020, 2739, 734, 499, 452, 244984),
    ],
)

COSTS = (
    ("item", "actual"),
    [
        ("预约礼券", 54910),
        ("到店礼包", 41406),
        ("积分奖励", 24988),
        ("App Push", 2100),
        ("企业微信", 9000),
        ("短信", 11400),
        ("电话外呼", 15000),
        ("门店物料", 19000),
        ("朋友圈广告", 13500),
        ("H5页面开发", 8000),
        ("数据看板", 7000),
        ("运营人员", 64200),
        ("服务顾问增量工时", 125001.5),
        ("免费21项检测", 103515),
        ("履约工位保障", 302979.5),
        ("会议+差旅", 28000),
        ("应急储备", 85000),
    ],
)

REVENUE = (
    ("item", "actual"),
    [("保养服务", 2998560), ("精品销售", 387314), ("后续维修（3个月）", 1594126)],
)

LESSONS = (
    ("kind", "text"),
    [
        ("success", "精准的目标设定是成功的基础：SMART原则确保目标清晰可执行，提前做了敏感性分析。"),
        ("success", "数据驱动的决策至关重要：实时监控让我们在D5就发现了问题，及时启动应急方案挽回了局面。"),
        ("success", "详细的预算编制是资源申请的关键：7大类成本拆解与ROI分析消除了领导的疑虑。"),
        ("success", "充分的准备决定了申请成功率：提前准备的反对意见回答赢得了信任。"),
        ("success", "执行中的灵活调整确保了最终达标：应急方案真正派上用场，愿意追加预算挽回局面。"),
        ("improvement", "初期转化率预估偏乐观：目标预约率28%，实际26.8%；建立更精细的客户分层模型。"),
        ("improvement", "应急储备不足：预留4.9万，实际用了8.5万；应急储备应在8–10%。"),
        ("improvement", "到店率低于预期：目标70%，实际68%；增加微信、短信等多渠道提醒。"),
        ("strategic", "客户保有率从37.6%提升到44.8%，接近45%目标。"),
        ("strategic", "3名运营专家完成了一次完整的项目历练；形成可复制的召回活动标准流程。"),
        ("strategic", "成功阻止了竞品的抢客攻势。"),
    ],
)

GOALS = (("metric", "actual"), [("retention", 0.448)])
