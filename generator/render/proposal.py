"""Write the proposal and the summary: charts, HTML, PDF, summary.md."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..compare import Comparison
from ..results import Results
from .env import render
from .summary import summary_markdown, summary_view
from .view import ProposalView, proposal_view


def proposal_html(view: ProposalView) -> str:
    v = view
    return render(
        "proposal.html.j2",
        doc=v.doc,
        exec=v.exec,
        market=v.market,
        plan=v.plan,
        budget=v.budget,
        roi=v.roi,
        risk=v.risk,
        cases=v.cases,
        compare=v.compare,
        baseline=v.baseline,
    )


@dataclass(frozen=True)
class DocumentsReport:
    files: list[str]
    served: list[str]  # URLs the PDF renderer fetched (the build's own charts)
    refused: list[str]  # URLs it asked for and was refused


def write_documents(
    results: Results,
    folder: Path,
    lang: str,
    html: bool,
    worker=None,
    pptx: bool = False,
    chart_cache: Path | None = None,
    baseline: Comparison | None = None,
) -> DocumentsReport:
    """Draw the charts once (in ``worker``, a started ChartWorker, when given), render both documents;
    with ``baseline``, the proposal and the deck gain the page on how the budget got here."""
    view = proposal_view(results, lang)
    if baseline is not None:
        from .compare import comparison_view

        view = replace(view, baseline=comparison_view(baseline, lang))
    if worker is not None:
        worker.draw(view.charts, folder / "charts")
        charts_done = worker.wait
    else:
        from .charts import draw_all

        draw_all(view.charts, folder / "charts", chart_cache)
        charts_done = lambda: None  # noqa: E731
    from .pdf import write_pdf  # WeasyPrint's import overlaps the drawing

    pages = proposal_html(view)
    summary = summary_view(results, view)
    summary_page = render("summary.html.j2", doc=view.doc, s=summary)
    summary_fetcher = write_pdf(summary_page, folder, folder / "summary.pdf")  # it shows no chart
    charts_done()
    fetchers = [write_pdf(pages, folder, folder / "proposal.pdf"), summary_fetcher]
    (folder / "summary.md").write_text(summary_markdown(view.doc, summary), encoding="utf-8")
    written = ["proposal.pdf", "summary.pdf", "summary.md", "charts/"]
    if pptx:
        from .deck import write_deck

        write_deck(view, folder / "proposal.pptx")
        written.append("proposal.pptx")
    if html:
        (folder / "proposal.html").write_text(pages, encoding="utf-8")
        (folder / "summary.html").write_text(summary_page, encoding="utf-8")
        written += ["proposal.html", "summary.html"]
    return DocumentsReport(written, [u for f in fetchers for u in f.served], [u for f in fetchers for u in f.refused])
