"""Funnel, budget lines, categories, revenue and ROI: formulas with cached values."""

from __future__ import annotations

from ...fmt import basis_text
from ...labels import label
from ...results import Results
from ...schema import ALL_CATEGORIES, CATEGORIES, RATES, STAGES
from .book import NUDGE, Book, put_formula, put_text, setup_sheet


def write_funnel(book: Book, results: Results) -> None:
    model, plan = results.model, results.plan
    f = plan.funnel
    name = book.names["funnel"]
    ws = book.wb.add_worksheet(name)
    segs = [s.name for s in model.segments]
    setup_sheet(ws, model.campaign.name, results.fingerprint, [16] + [14] * (len(segs) + 3), header_rows=1)
    head = [book.h("stage"), *segs, book.h("forward" if not segs else "total"), book.h("required")]
    for c, h in enumerate(head):  # segment names are the input's own text
        ws.write_string(0, c, h, book.fmt["head"])
    fwd_col, req_col = len(segs) + 1, len(segs) + 2
    for i, stage in enumerate(STAGES):
        put_text(ws, i + 1, 0, label("stage", stage, book.lang), book.fmt["text"])
    a = book.refs
    for j, seg in enumerate(segs, start=1):  # one column per segment
        counts = f.counts(seg)
        for i, stage in enumerate(STAGES):
            if i == 0:
                formula = f"={a[f'segment.{seg}.customers']}"
            elif i == 1:
                formula = (
                    f"=ROUND(({book.local(1, j)}*{a[f'segment.{seg}.reach']}*{a[f'segment.{seg}.touches']})*{NUDGE},0)"
                )
            else:
                formula = f"=ROUND(({book.local(i, j)}*{a[f'segment.{seg}.{RATES[i - 1]}']})*{NUDGE},0)"
            put_formula(ws, i + 1, j, formula, book.fmt["count"], counts.get(stage))
            a[("count", seg, stage)] = book.ref(name, i + 1, j)
    for i, stage in enumerate(STAGES):
        if segs:
            formula = f"=SUM({book.local(i + 1, 1)}:{book.local(i + 1, len(segs))})"
        elif i == 0:
            formula = f"={a['campaign.pool_customers']}"
        elif i == 1:
            formula = (
                f"=ROUND(({book.local(1, fwd_col)}*{a['funnel.reach']}*{a['campaign.touches_per_customer']})*{NUDGE},0)"
            )
        else:
            formula = f"=ROUND(({book.local(i, fwd_col)}*{a[f'funnel.{RATES[i - 1]}']})*{NUDGE},0)"
        put_formula(ws, i + 1, fwd_col, formula, book.fmt["count"], f.forward.get(stage))
        a[("count", None, stage)] = book.ref(name, i + 1, fwd_col)
    req = f.required
    for i in reversed(range(len(STAGES))):
        stage, nxt = STAGES[i], book.local(i + 2, req_col)
        if i == len(STAGES) - 1:
            formula = f"={a['campaign.target_deals']}"
        elif segs:  # the forward funnel's aggregate stage ratios
            formula = f"=ROUND(({nxt}*{book.local(i + 1, fwd_col)}/{book.local(i + 2, fwd_col)})*{NUDGE},0)"
        elif i == 0:
            formula = f"=ROUND(({nxt}/({a['funnel.reach']}*{a['campaign.touches_per_customer']}))*{NUDGE},0)"
        else:
            formula = f"=ROUND(({nxt}/{a[f'funnel.{RATES[i]}']})*{NUDGE},0)"
        put_formula(ws, i + 1, req_col, formula, book.fmt["count"], req.get(stage) if req else "")
    row = len(STAGES) + 2
    yes, no = book.names["yes"], book.names["no"]
    put_text(ws, row, 0, book.h("feasible"), book.fmt["text"])
    put_formula(
        ws,
        row,
        req_col,
        f'=IF({book.local(1, req_col)}<={book.local(1, fwd_col)},"{yes}","{no}")',
        book.fmt["text"],
        yes if f.feasible else no,
    )
    put_text(ws, row + 1, 0, book.h("required / pool"), book.fmt["text"])
    put_formula(
        ws, row + 1, req_col, f"={book.local(1, req_col)}/{book.local(1, fwd_col)}", book.fmt["pct"], f.pool_ratio
    )


def _tier_cells(book: Book, results: Results, item: str, segment: str | None) -> tuple[str, str, str]:
    """The metric formula and the LOOKUPs of unit cost and lump sum for a tiered line."""
    metric = next(t.metric for t in results.model.tiers if t.item == item)
    a = book.refs
    from ...calc.tiers import RATE_METRICS

    if metric in RATE_METRICS:
        num, den = (a[("count", segment, s)] for s in RATE_METRICS[metric])
        metric_formula = f"=IF({den}=0,0,{num}/{den})"
    else:
        metric_formula = f"={a[('count', segment, metric)]}"
    frm, unit, lump = a[("tiers", item)]
    return metric_formula, f"LOOKUP(M{{row}},{frm},{unit})", f"LOOKUP(M{{row}},{frm},{lump})"


def write_lines(book: Book, results: Results) -> None:
    model, budget = results.model, results.plan.budget
    name = book.names["lines"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(
        ws, model.campaign.name, results.fingerprint, [12, 22, 10, 12, 12, 8, 10, 12, 14, 36, 8, 8, 10], header_rows=1
    )
    head = [
        "category",
        "item",
        "driver",
        "segment",
        "quantity",
        "times",
        "unit_cost",
        "lump / fixed",
        "amount",
        "basis",
        "memo",
        "variable",
        "tier metric",
    ]
    for c, h in enumerate(head):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    a = book.refs
    yes, no = book.names["yes"], book.names["no"]
    first = 1
    for r, line in enumerate(budget.lines, start=1):
        x = r + 1  # the 1-based row in formulas
        put_text(ws, r, 0, label("category", line.category, book.lang), book.fmt["text"])
        put_text(ws, r, 1, line.item, book.fmt["text"])
        put_text(ws, r, 2, line.driver, book.fmt["text"])
        put_text(ws, r, 3, line.segment or "", book.fmt["text"])
        b = line.basis
        key = f"{'channel' if line.source == 'channel' else 'budget'}.{line.item}."
        if line.source == "channel":
            cells = [
                (4, f"={a[key + 'reachable']}", b.quantity),
                (5, f"={a[key + 'sends']}", b.times),
                (6, f"={a[key + 'unit_cost']}", b.unit_cost),
                (7, f"={a[key + 'fixed_cost']}", b.extra),
            ]
            amount = f"=ROUND((E{x}*F{x}*G{x}+H{x})*{NUDGE},2)"
        elif line.driver == "lump":
            cells = [(7, f"={a[key + 'lump_sum']}", b.unit_cost)]
            amount = f"=ROUND((H{x})*{NUDGE},2)"
        else:
            qty = f"={a[('count', line.segment, line.driver)]}" if line.driver in STAGES else f"={a[key + 'quantity']}"
            cells = [(4, qty, b.quantity), (5, f"={a[key + 'times']}", b.times)]
            if b.band is not None:
                metric, unit, lump = _tier_cells(book, results, line.item, line.segment)
                put_formula(ws, r, 12, metric, book.fmt["number"], b.band.value)
                cells += [
                    (6, "=" + unit.format(row=x), b.band.unit_cost),
                    (7, "=" + lump.format(row=x), b.band.lump_sum),
                ]
            else:
                cells += [(6, f"={a[key + 'unit_cost']}", b.unit_cost), (7, "=0", 0)]
            amount = f"=ROUND((E{x}*F{x}*G{x}+H{x})*{NUDGE},2)"
        for col, formula, value in cells:
            put_formula(ws, r, col, formula, book.fmt["money" if col >= 6 else "number"], value)
        put_formula(ws, r, 8, amount, book.fmt["money"], line.amount)
        put_text(ws, r, 9, basis_text(b, book.lang), book.fmt["text"])
        put_text(ws, r, 10, yes if line.memo else no, book.fmt["text"])
        put_text(ws, r, 11, yes if line.driver in STAGES else no, book.fmt["text"])
        a[("line", line.item)] = book.ref(name, r, 8)
    last = len(budget.lines)
    col = lambda c: f"'{name}'!${c}${first + 1}:${c}${last + 1}"  # noqa: E731
    a["lines.category"], a["lines.amount"], a["lines.memo"], a["lines.variable"] = (
        col("A"),
        col("I"),
        col("K"),
        col("L"),
    )


def write_categories(book: Book, results: Results) -> None:
    model, budget = results.model, results.plan.budget
    name = book.names["categories"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(ws, model.campaign.name, results.fingerprint, [20, 16, 10], header_rows=1)
    for c, h in enumerate(["category", "amount", "share"]):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    a = book.refs
    no, yes = book.names["no"], book.names["yes"]
    total_row = len(ALL_CATEGORIES) + 2  # 0-based: six, contingency, six_total row, total row
    for i, cat in enumerate(CATEGORIES, start=1):
        put_text(ws, i, 0, label("category", cat, book.lang), book.fmt["text"])
        put_formula(
            ws,
            i,
            1,
            f'=SUMIFS({a["lines.amount"]},{a["lines.category"]},A{i + 1},{a["lines.memo"]},"{no}")',
            book.fmt["money"],
            budget.categories[cat],
        )
        a[("category", cat)] = book.ref(name, i, 1)
    six_row = len(CATEGORIES) + 1
    put_text(ws, six_row, 0, "six categories" if book.lang == "en" else "六项合计", book.fmt["text"])
    put_formula(ws, six_row, 1, f"=SUM(B2:B{six_row})", book.fmt["money_bold"], budget.six_total)
    cont = six_row + 1
    put_text(ws, cont, 0, label("category", "contingency", book.lang), book.fmt["text"])
    put_formula(
        ws,
        cont,
        1,
        f"=ROUND(({a['campaign.contingency_rate']}*B{six_row + 1})*{NUDGE},2)",
        book.fmt["money"],
        budget.contingency,
    )
    a[("category", "contingency")] = book.ref(name, cont, 1)
    total_row = cont + 1
    put_text(ws, total_row, 0, "total" if book.lang == "en" else "总预算", book.fmt["text"])
    put_formula(ws, total_row, 1, f"=B{six_row + 1}+B{cont + 1}", book.fmt["money_bold"], budget.total)
    a["budget_total"] = book.ref(name, total_row, 1)
    a["contingency"] = book.ref(name, cont, 1)
    for i, cat in enumerate(ALL_CATEGORIES):
        row = i + 1 if cat != "contingency" else cont
        put_formula(
            ws,
            row,
            2,
            f"=IF($B${total_row + 1}=0,0,B{row + 1}/$B${total_row + 1})",
            book.fmt["pct"],
            budget.share(cat) or 0,
        )
    extra = total_row + 2
    marketing = "+".join(a[("category", c)] for c in model.campaign.marketing_categories)
    rows = [
        ("marketing_spend", f"={marketing}", budget.marketing_spend),
        ("memo_total", f'=SUMIFS({a["lines.amount"]},{a["lines.memo"]},"{yes}")', budget.memo_total),
        (
            "variable",
            f'=SUMIFS({a["lines.amount"]},{a["lines.variable"]},"{yes}",{a["lines.memo"]},"{no}")',
            budget.variable,
        ),
    ]
    for k, (key, formula, value) in enumerate(rows):
        put_text(ws, extra + k, 0, book.h(key), book.fmt["text"])
        put_formula(ws, extra + k, 1, formula, book.fmt["money"], value)
        a[key] = book.ref(name, extra + k, 1)
    a["six_total"] = book.ref(name, six_row, 1)
