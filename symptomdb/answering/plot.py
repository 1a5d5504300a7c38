"""A small SVG bar chart for evaluation reports (no plotting library needed for bars)."""

from __future__ import annotations

from html import escape

__all__ = ["bar_chart_svg"]


def bar_chart_svg(
    title: str, values: dict[str, float], maximum: float, counts: dict[str, int] | None = None
) -> str:
    """Horizontal bars, one per label, scaled to ``maximum``; returns an SVG document."""
    row, label_width, bar_width = 26, 190, 360
    height = 50 + row * len(values)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 90}" height="{height}" '
        'font-family="sans-serif" font-size="13">',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(values.items()):
        y = 40 + i * row
        width = 0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * bar_width
        n = f" (n={counts[label]})" if counts and label in counts else ""
        parts += [
            f'<text x="10" y="{y + 14}">{escape(label + n)}</text>',
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="18" fill="#0b5cad"/>',
            f'<text x="{label_width + width + 6:.1f}" y="{y + 14}">{value:.2f}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
