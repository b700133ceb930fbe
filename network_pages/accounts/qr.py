"""QR codes as inline SVG, for setting up an authenticator app."""

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe


def svg_for(data: str) -> SafeString:
    """An SVG element (no XML declaration) that encodes `data`, on a white background."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=10,
        border=4,
    )
    svg = image.to_string(encoding="unicode")
    # The markup comes from the qrcode library's XML writer and holds only shapes,
    # never the encoded data as text: there is nothing in it to escape.
    return mark_safe(svg)  # noqa: S308
