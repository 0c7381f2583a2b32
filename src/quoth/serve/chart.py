"""Statements per month as an inline SVG bar chart, drawn by the server (no script, no library).

The template puts a ``<title>`` and a ``<desc>`` in the ``<svg>`` and a table of the same figures
beside it, so the chart reads without sight and without JavaScript.
"""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT = 640, 160
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 32, 28, 8


def month_bars(months: list[dict[str, Any]]) -> dict[str, Any]:
    """Geometry for the chart of ``[{"month": "YYYY-MM", "quotes": n}, ...]`` (from
    ``Store.timeline``): bars, y-axis top and a few x labels.

    Example:
        >>> c = month_bars([{"month": "2016-01", "quotes": 2}, {"month": "2016-02", "quotes": 0}])
        >>> [round(b["height"]) for b in c["bars"]], c["top"]
        ([124, 0], 2)
    """
    top = max((m["quotes"] for m in months), default=0)
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_w / max(1, len(months))
    bars, labels = [], []
    every = max(1, len(months) // 8)
    for i, m in enumerate(months):
        h = plot_h * m["quotes"] / top if top else 0
        x = MARGIN_LEFT + i * step
        bars.append({"x": round(x + step * 0.1, 1), "y": round(MARGIN_TOP + plot_h - h, 1),
                     "width": round(max(1.0, step * 0.8), 1), "height": round(h, 1),
                     "month": m["month"], "quotes": m["quotes"]})
        if i % every == 0:
            labels.append({"x": min(round(x + step / 2, 1), WIDTH - 30), "text": m["month"]})  # never clipped
    return {"width": WIDTH, "height": HEIGHT, "bars": bars, "labels": labels, "top": top,
            "axis_y": MARGIN_TOP + plot_h, "left": MARGIN_LEFT, "label_y": HEIGHT - 8}
