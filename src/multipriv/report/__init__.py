"""The report: a self-contained HTML page, CSV tables and a Markdown summary from scored runs."""

from multipriv.report.render import ReportPaths, render_html, write_report

__all__ = ["ReportPaths", "render_html", "write_report"]
