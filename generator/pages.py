"""The proposal's pages, and which of them a plan has something to show on.

SPEC §4 lists 18 pages. A page whose content comes only from an optional
sheet is left out when that sheet gives nothing (decided from the model alone), so a sparse input gives a
shorter document with no empty page; the page numbers (``n / N``) follow.
The PDF, the HTML and the deck leave out the same pages, and ``validate``
names each one with the sheet that would fill it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import Collector, Named
from .model import Model

WHY_KEYS = ("opportunity", "timing", "competition", "strategic_value")


@dataclass(frozen=True)
class Page:
    """One page of the proposal.

    key: its name in ``Doc.pages`` (and the catalogue key of its heading: ``p_<key>`` or ``s_<key>``).
    sheets: the input sheets that fill it; empty for a page every plan fills.
    column: the column of that sheet that fills it, when only one does.
    shown: whether this plan has something to show on it.
    """

    key: str
    sheets: tuple[str, ...] = ()
    column: str = ""
    shown: Callable[[Model], bool] = lambda r: True

    @property
    def heading(self) -> str:
        """The catalogue key of its heading."""
        return f"s_{self.key}" if self.key in ("exec", "cases", "compare") else f"p_{self.key}"


def _narrative(keys: tuple[str, ...]) -> Callable[[Model], bool]:
    return lambda r: any(k in keys and text for k, text in r.narrative)


def _base(r: Model) -> bool:
    c = r.campaign
    return bool(c.total_customers) or _narrative(("background",))(r)


def _memo(r: Model) -> bool:
    return any(x.memo for x in r.budget)


def _what_if(r: Model) -> bool:
    return bool(r.sensitivity or r.stress or r.uncertainty)


PAGES: tuple[Page, ...] = (
    Page("exec"),
    Page("market_base", ("campaign", "narrative"), shown=_base),
    Page("market_why", ("narrative",), shown=_narrative(WHY_KEYS)),
    Page("plan_goals", ("goals",), shown=lambda r: bool(r.goals)),
    Page("plan_timeline", ("timeline",), shown=lambda r: bool(r.timeline)),
    Page("plan_offer"),
    Page("plan_funnel"),
    Page("budget_summary"),
    Page("budget_lines_a"),
    Page("budget_lines_b"),
    Page("budget_reserve", ("budget",), "memo", _memo),
    Page("budget_bench", ("benchmarks",), shown=lambda r: bool(r.benchmarks)),
    Page("roi_build"),
    Page("roi_risk", ("sensitivity", "stress", "uncertainty"), shown=_what_if),
    Page("risk_register", ("risks",), shown=lambda r: bool(r.risks)),
    Page("risk_matrix", ("risks",), shown=lambda r: bool(r.risks)),
    Page("cases", ("history",), shown=lambda r: bool(r.history)),
    Page("compare", ("scenarios",), shown=lambda r: bool(r.scenarios)),
)


def shown_pages(model: Model) -> tuple[str, ...]:
    """The keys of the pages this plan shows, in order."""
    return tuple(p.key for p in PAGES if p.shown(model))


def left_out(model: Model) -> tuple[Page, ...]:
    """The pages this plan leaves out (nothing to show), in order."""
    return tuple(p for p in PAGES if not p.shown(model))


def _sheet_names(page: Page, lang: str) -> str:
    from .i18n.docs import messages
    from .schema import SHEETS

    t = messages(lang)
    names = [f"“{SHEETS[s].label}”" if lang == "zh" else s for s in page.sheets]
    if len(names) == 1:
        return names[0]
    return t["list_sep"].join(names[:-1]) + t["or"] + names[-1]


def report_left_out(model: Model, problems: Collector) -> None:
    """A warning for each page left out, naming the sheet (or column) that would fill it."""
    from .i18n.docs import messages
    from .schema import SHEETS

    zh, en = messages("zh"), messages("en")
    for page in left_out(model):
        heading = Named(en[page.heading], zh[page.heading])
        sheets = Named(_sheet_names(page, "en"), _sheet_names(page, "zh"))
        if page.column:
            column = Named(page.column, SHEETS[page.sheets[0]].column(page.column).label)
            problems.warn(
                model.source,
                'the proposal leaves out the page "{page}" (nothing to show); lines of sheet {sheet} marked in column {column} would add it',
                page=heading,
                column=column,
                sheet=sheets,
            )
            continue
        problems.warn(
            model.source,
            'the proposal leaves out the page "{page}" (nothing to show); rows in sheet {sheet} would add it',
            page=heading,
            sheet=sheets,
        )
