"""Product pictures and CMS banners drawn with Pillow, so a demo catalogue needs no downloads.

Every picture depends only on its inputs (a seed picks the decorative circles), which keeps two runs
of the seeder visually identical. Shapes are drawn at twice the final size and then reduced, because
Pillow draws them without anti-aliasing.
"""

import io
import math
import random
import zlib
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

PRODUCT_SIZE = 800
SCALE = 2
JPEG_QUALITY = 88

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "DejaVuSans-Bold.ttf",
)


@dataclass(frozen=True)
class Palette:
    """A soft two-colour gradient and the darker ink used for icons and text on it."""

    light: str
    deep: str
    ink: str


PALETTES = {
    "maison": Palette("#f8ede3", "#e4b393", "#7a3b22"),
    "mode": Palette("#f9e8ee", "#d9a5bd", "#6b2849"),
    "high-tech": Palette("#e6eefb", "#9fbce8", "#1d3767"),
    "beaute": Palette("#e9f4ea", "#a9d3b3", "#275a40"),
    "livres": Palette("#fff4dc", "#efc57a", "#6f4508"),
    "services": Palette("#e0f4f2", "#93d0c8", "#125854"),
    "abonnements": Palette("#ece8fa", "#b3a8e6", "#3a2b7d"),
    "coins": Palette("#fff6d6", "#f0c94f", "#7a4f00"),
}
DEFAULT_PALETTE = PALETTES["maison"]


@lru_cache(maxsize=32)
def font(size):
    """The first bold TrueType font found on the machine, else Pillow's built-in scalable font."""
    for candidate in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _rgb(colour):
    return Image.new("RGB", (1, 1), colour).getpixel((0, 0))


def _gradient(width, height, palette):
    """Diagonal gradient, light in the top-left corner and deep in the bottom-right one.

    Computed on a 256×256 tile and stretched: a smooth ramp loses nothing in the resize.
    """
    vertical = Image.linear_gradient("L")
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ramp = ImageChops.add(vertical, horizontal, scale=2)
    tile = ImageOps.colorize(ramp, black=palette.light, white=palette.deep)
    return tile.resize((width, height), Image.Resampling.BILINEAR)


def _soft_circles(image, rng, count, max_radius):
    """Large translucent white discs for depth; positions come from ``rng`` so they are repeatable."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = image.size
    for _ in range(count):
        radius = rng.randint(max_radius // 3, max_radius)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, rng.randint(28, 56))
        )
    image.alpha_composite(layer)


def _medallion(image, centre, radius):
    """A white disc with a soft shadow, the stage on which the icon is drawn."""
    cx, cy = centre
    margin = radius // 2
    patch_size = 2 * (radius + margin)
    shadow = Image.new("L", (patch_size // 4, patch_size // 4), 0)
    ImageDraw.Draw(shadow).ellipse(
        (margin // 4, margin // 4, (patch_size - margin) // 4, (patch_size - margin) // 4), fill=70
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(radius // 22)).resize((patch_size, patch_size))
    tint = Image.new("RGBA", (patch_size, patch_size), (40, 20, 10, 0))
    tint.putalpha(shadow)
    image.alpha_composite(tint, (cx - radius - margin, cy - radius - margin + radius // 12))
    ImageDraw.Draw(image).ellipse(
        (cx - radius, cy - radius, cx + radius, cy + radius), fill=(255, 255, 255, 245)
    )


# --- Icons: each draws inside a disc of radius ``r`` centred on (cx, cy) ---------------------------


def _icon_bag(draw, cx, cy, r, ink, light):
    w = max(2, r // 11)
    draw.arc((cx - 0.3 * r, cy - 0.78 * r, cx + 0.3 * r, cy - 0.12 * r), 180, 360, fill=ink, width=w)
    draw.rounded_rectangle(
        (cx - 0.58 * r, cy - 0.42 * r, cx + 0.58 * r, cy + 0.62 * r), radius=r // 8, fill=ink
    )
    draw.ellipse((cx - 0.36 * r - w, cy - 0.26 * r - w, cx - 0.36 * r + w, cy - 0.26 * r + w), fill=light)
    draw.ellipse((cx + 0.36 * r - w, cy - 0.26 * r - w, cx + 0.36 * r + w, cy - 0.26 * r + w), fill=light)


def _icon_vase(draw, cx, cy, r, ink, light):
    """An amphora, the shape of Nabeul's jars: lip, neck, two handles, round body with a painted band."""
    w = max(2, r // 12)
    draw.arc((cx - 0.5 * r, cy - 0.62 * r, cx - 0.06 * r, cy - 0.02 * r), 90, 270, fill=ink, width=w)
    draw.arc((cx + 0.06 * r, cy - 0.62 * r, cx + 0.5 * r, cy - 0.02 * r), 270, 450, fill=ink, width=w)
    draw.rounded_rectangle(
        (cx - 0.34 * r, cy - 0.74 * r, cx + 0.34 * r, cy - 0.6 * r), radius=r // 16, fill=ink
    )
    draw.polygon(
        [
            (cx - 0.2 * r, cy - 0.62 * r),
            (cx + 0.2 * r, cy - 0.62 * r),
            (cx + 0.3 * r, cy - 0.2 * r),
            (cx - 0.3 * r, cy - 0.2 * r),
        ],
        fill=ink,
    )
    draw.ellipse((cx - 0.56 * r, cy - 0.34 * r, cx + 0.56 * r, cy + 0.62 * r), fill=ink)
    draw.rounded_rectangle(
        (cx - 0.18 * r, cy + 0.54 * r, cx + 0.18 * r, cy + 0.72 * r), radius=r // 20, fill=ink
    )
    band = max(2, r // 14)
    draw.line((cx - 0.5 * r, cy + 0.02 * r, cx + 0.5 * r, cy + 0.02 * r), fill=light, width=band)
    draw.line((cx - 0.46 * r, cy + 0.34 * r, cx + 0.46 * r, cy + 0.34 * r), fill=light, width=band)
    for step in range(-2, 3):
        draw.regular_polygon((cx + step * 0.19 * r, cy + 0.18 * r, r * 0.055), 4, fill=light)


def _icon_hanger(draw, cx, cy, r, ink, light):
    w = max(2, r // 10)
    draw.arc((cx - 0.16 * r, cy - 0.74 * r, cx + 0.16 * r, cy - 0.42 * r), 160, 450, fill=ink, width=w)
    draw.line((cx, cy - 0.42 * r, cx, cy - 0.3 * r), fill=ink, width=w)
    points = [
        (cx, cy - 0.3 * r),
        (cx + 0.72 * r, cy + 0.28 * r),
        (cx - 0.72 * r, cy + 0.28 * r),
        (cx, cy - 0.3 * r),
    ]
    draw.line(points, fill=ink, width=w, joint="curve")
    draw.rounded_rectangle(
        (cx - 0.5 * r, cy + 0.38 * r, cx + 0.5 * r, cy + 0.62 * r), radius=r // 10, fill=ink
    )


def _icon_device(draw, cx, cy, r, ink, light):
    draw.rounded_rectangle((cx - 0.4 * r, cy - 0.7 * r, cx + 0.4 * r, cy + 0.7 * r), radius=r // 7, fill=ink)
    draw.rounded_rectangle(
        (cx - 0.32 * r, cy - 0.56 * r, cx + 0.32 * r, cy + 0.46 * r), radius=r // 20, fill=light
    )
    dot = r * 0.06
    draw.ellipse((cx - dot, cy + 0.58 * r - dot, cx + dot, cy + 0.58 * r + dot), fill=light)


def _icon_bottle(draw, cx, cy, r, ink, light):
    draw.rounded_rectangle(
        (cx - 0.2 * r, cy - 0.74 * r, cx + 0.2 * r, cy - 0.5 * r), radius=r // 20, fill=ink
    )
    draw.rectangle((cx - 0.12 * r, cy - 0.52 * r, cx + 0.12 * r, cy - 0.3 * r), fill=ink)
    draw.rounded_rectangle(
        (cx - 0.42 * r, cy - 0.34 * r, cx + 0.42 * r, cy + 0.7 * r), radius=r // 6, fill=ink
    )
    draw.rounded_rectangle(
        (cx - 0.3 * r, cy - 0.02 * r, cx + 0.3 * r, cy + 0.42 * r), radius=r // 20, fill=light
    )
    drop = 0.11 * r
    draw.ellipse((cx - drop, cy + 0.3 * r - drop, cx + drop, cy + 0.3 * r + drop), fill=ink)
    draw.polygon(
        [(cx - 0.95 * drop, cy + 0.27 * r), (cx + 0.95 * drop, cy + 0.27 * r), (cx, cy + 0.05 * r)], fill=ink
    )


def _icon_document(draw, cx, cy, r, ink, light):
    x0, y0, x1, y1 = cx - 0.46 * r, cy - 0.66 * r, cx + 0.46 * r, cy + 0.66 * r
    fold = 0.3 * r
    draw.polygon([(x0, y0), (x1 - fold, y0), (x1, y0 + fold), (x1, y1), (x0, y1)], fill=ink)
    draw.polygon([(x1 - fold, y0), (x1 - fold, y0 + fold), (x1, y0 + fold)], fill=light)
    w = max(2, r // 14)
    for i in range(3):
        y = y0 + 0.42 * r + i * 0.18 * r
        draw.line((x0 + 0.16 * r, y, x1 - (0.16 + 0.14 * i) * r, y), fill=light, width=w)
    arrow_y = cy + 0.3 * r
    draw.line((cx, arrow_y - 0.14 * r, cx, arrow_y + 0.14 * r), fill=light, width=w)
    draw.polygon(
        [(cx - 0.14 * r, arrow_y + 0.08 * r), (cx + 0.14 * r, arrow_y + 0.08 * r), (cx, arrow_y + 0.26 * r)],
        fill=light,
    )


def _icon_clock(draw, cx, cy, r, ink, light):
    w = max(2, r // 10)
    rr = 0.62 * r
    draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=ink, width=w)
    for hour in range(12):
        angle = math.radians(hour * 30)
        inner, outer = (0.46 if hour % 3 else 0.4) * r, 0.52 * r
        draw.line(
            (
                cx + inner * math.sin(angle),
                cy - inner * math.cos(angle),
                cx + outer * math.sin(angle),
                cy - outer * math.cos(angle),
            ),
            fill=ink,
            width=max(2, w // 2),
        )
    draw.line((cx, cy, cx, cy - 0.36 * r), fill=ink, width=w)
    draw.line((cx, cy, cx + 0.26 * r, cy + 0.12 * r), fill=ink, width=w)
    dot = w * 0.9
    draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=ink)


def _icon_cycle(draw, cx, cy, r, ink, light):
    w = max(2, r // 9)
    radius = 0.52 * r
    box = (cx - radius, cy - radius, cx + radius, cy + radius)
    for start, end in ((200, 330), (20, 150)):
        draw.arc(box, start, end, fill=ink, width=w)
        theta = math.radians(end)
        px, py = cx + radius * math.cos(theta), cy + radius * math.sin(theta)
        tx, ty = -math.sin(theta), math.cos(theta)
        nx, ny = math.cos(theta), math.sin(theta)
        head, half = 0.26 * r, 0.2 * r
        draw.polygon(
            [
                (px + tx * head, py + ty * head),
                (px + nx * half, py + ny * half),
                (px - nx * half, py - ny * half),
            ],
            fill=ink,
        )


def _icon_coins(draw, cx, cy, r, ink, light):
    thickness = 0.14 * r
    left, right = cx - 0.66 * r, cx + 0.02 * r
    for i in range(4):
        y = cy + 0.5 * r - i * thickness
        draw.rectangle((left, y - 0.1 * r, right, y + 0.1 * r - thickness), fill=ink)
        draw.ellipse(
            (left, y - 0.16 * r, right, y + 0.12 * r), fill=ink, outline=light, width=max(2, r // 40)
        )
    coin_x, coin_y, coin_r = cx + 0.3 * r, cy + 0.04 * r, 0.44 * r
    draw.ellipse((coin_x - coin_r, coin_y - coin_r, coin_x + coin_r, coin_y + coin_r), fill=ink)
    inner = 0.74 * coin_r
    draw.ellipse(
        (coin_x - inner, coin_y - inner, coin_x + inner, coin_y + inner), outline=light, width=max(2, r // 28)
    )
    star = [
        (
            coin_x + (0.34 if i % 2 == 0 else 0.15) * coin_r * math.sin(math.radians(i * 36)),
            coin_y - (0.34 if i % 2 == 0 else 0.15) * coin_r * math.cos(math.radians(i * 36)),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=light)


def _icon_textile(draw, cx, cy, r, ink, light):
    """A stack of folded foutas with stripes and a fringe."""
    w = max(2, r // 16)
    for index, top in enumerate((-0.5, -0.14, 0.22)):
        y0 = cy + top * r
        box = (cx - 0.62 * r, y0, cx + 0.62 * r, y0 + 0.32 * r)
        draw.rounded_rectangle(box, radius=r // 12, fill=ink)
        stripe_y = y0 + (0.1 + 0.06 * index) * r
        draw.line((cx - 0.5 * r, stripe_y, cx + 0.5 * r, stripe_y), fill=light, width=w)
    for step in range(9):
        x = cx - 0.5 * r + step * 0.125 * r
        draw.line((x, cy + 0.54 * r, x, cy + 0.68 * r), fill=ink, width=w)


def _icon_headphones(draw, cx, cy, r, ink, light):
    w = max(2, r // 8)
    draw.arc((cx - 0.56 * r, cy - 0.62 * r, cx + 0.56 * r, cy + 0.5 * r), 180, 360, fill=ink, width=w)
    draw.line((cx - 0.56 * r + w / 2, cy - 0.06 * r, cx - 0.56 * r + w / 2, cy + 0.12 * r), fill=ink, width=w)
    draw.line((cx + 0.56 * r - w / 2, cy - 0.06 * r, cx + 0.56 * r - w / 2, cy + 0.12 * r), fill=ink, width=w)
    for side in (-1, 1):
        x = cx + side * 0.48 * r
        draw.rounded_rectangle(
            (x - 0.17 * r, cy + 0.02 * r, x + 0.17 * r, cy + 0.56 * r), radius=r // 8, fill=ink
        )


def _icon_laptop(draw, cx, cy, r, ink, light):
    draw.rounded_rectangle(
        (cx - 0.58 * r, cy - 0.5 * r, cx + 0.58 * r, cy + 0.3 * r), radius=r // 14, fill=ink
    )
    draw.rectangle((cx - 0.48 * r, cy - 0.4 * r, cx + 0.48 * r, cy + 0.2 * r), fill=light)
    draw.polygon(
        [
            (cx - 0.72 * r, cy + 0.36 * r),
            (cx + 0.72 * r, cy + 0.36 * r),
            (cx + 0.8 * r, cy + 0.5 * r),
            (cx - 0.8 * r, cy + 0.5 * r),
        ],
        fill=ink,
    )


ICONS = {
    "bag": _icon_bag,
    "vase": _icon_vase,
    "hanger": _icon_hanger,
    "device": _icon_device,
    "bottle": _icon_bottle,
    "document": _icon_document,
    "clock": _icon_clock,
    "cycle": _icon_cycle,
    "coins": _icon_coins,
    "textile": _icon_textile,
    "headphones": _icon_headphones,
    "laptop": _icon_laptop,
}


def _tokens(text):
    """Words, with a number kept on the line of the word after it ("100 Go", "30 ml", "2 h")."""
    tokens = []
    for word in text.split():
        glued = tokens and (
            word in {"—", "–", "-", ":"} or (any(ch.isdigit() for ch in tokens[-1]) and len(word) <= 3)
        )
        if glued:
            tokens[-1] = f"{tokens[-1]} {word}"
        else:
            tokens.append(word)
    return tokens


def _split(draw, tokens, face, lines):
    """The split of ``tokens`` into at most ``lines`` lines whose widest line is narrowest."""
    if lines == 1 or len(tokens) == 1:
        return [" ".join(tokens)]
    best = None
    for cut in range(1, len(tokens)):
        head = " ".join(tokens[:cut])
        rest = _split(draw, tokens[cut:], face, lines - 1)
        candidate = [head, *rest]
        widest = max(draw.textlength(line, font=face) for line in candidate)
        if best is None or widest < best[0]:
            best = (widest, candidate)
    return best[1]


def _wrap(draw, text, size, max_width, max_lines):
    """Balanced lines at the largest font size (down from ``size``) that fits in ``max_lines`` lines."""
    tokens = _tokens(text)
    while True:
        face = font(size)
        for count in range(1, max_lines + 1):
            lines = _split(draw, tokens, face, count)
            if max(draw.textlength(line, font=face) for line in lines) <= max_width:
                return face, lines
        if size <= 20 * SCALE:
            return face, lines
        size -= 4 * SCALE


def _encode(image, size):
    buffer = io.BytesIO()
    image = image.convert("RGB")
    # A 2× reduction by box averaging is both the fastest and a clean anti-aliasing filter.
    image = image.reduce(SCALE) if image.size == (size[0] * SCALE, size[1] * SCALE) else image.resize(size)
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True)
    return buffer.getvalue()


def product_picture(title, *, label="", icon="bag", palette=DEFAULT_PALETTE):
    """An 800×800 JPEG: gradient, soft discs, the type's icon on a white medallion, title and label."""
    size = PRODUCT_SIZE * SCALE
    rng = random.Random(zlib.crc32(title.encode()))
    image = _gradient(size, size, palette).convert("RGBA")
    _soft_circles(image, rng, count=3, max_radius=size // 3)

    centre, radius = (size // 2, int(size * 0.385)), int(size * 0.235)
    _medallion(image, centre, radius)
    draw = ImageDraw.Draw(image)
    ICONS.get(icon, _icon_bag)(draw, centre[0], centre[1], int(radius * 0.78), palette.ink, palette.light)

    face, lines = _wrap(draw, title, 60 * SCALE, max_width=size * 0.86, max_lines=3)
    line_height = face.size * 1.18
    top = size * 0.83 - line_height * len(lines) / 2 + line_height * 0.1
    for index, line in enumerate(lines):
        draw.text((size / 2, top + index * line_height), line, font=face, fill=palette.ink, anchor="mt")

    if label:
        small = font(24 * SCALE)
        pad_x, pad_y = 22 * SCALE, 10 * SCALE
        width = draw.textlength(label, font=small)
        x0, y0 = 36 * SCALE, 36 * SCALE
        box = (x0, y0, x0 + width + 2 * pad_x, y0 + small.size + 2 * pad_y)
        draw.rounded_rectangle(box, radius=(box[3] - box[1]) // 2, fill=(*_rgb(palette.ink), 235))
        draw.text((x0 + pad_x, (box[1] + box[3]) / 2), label, font=small, fill=palette.light, anchor="lm")
    return _encode(image, (PRODUCT_SIZE, PRODUCT_SIZE))


def _star(draw, cx, cy, r, fill):
    """An eight-pointed star (two overlapping squares), the khatam of Tunisian tiles."""
    draw.regular_polygon((cx, cy, r), 4, rotation=0, fill=fill)
    draw.regular_polygon((cx, cy, r), 4, rotation=45, fill=fill)


def _glow(image, centre, radius, colour, alpha):
    """A blurred halo, computed at a quarter of the size to stay cheap."""
    w, h = image.size
    small = Image.new("L", (w // 4, h // 4), 0)
    cx, cy, r = centre[0] // 4, centre[1] // 4, radius // 4
    ImageDraw.Draw(small).ellipse((cx - r, cy - r, cx + r, cy + r), fill=alpha)
    mask = small.filter(ImageFilter.GaussianBlur(r // 2)).resize((w, h))
    layer = Image.new("RGBA", (w, h), colour)
    layer.putalpha(mask)
    image.alpha_composite(layer)


def hero_banner(width=1600, height=640):
    """A language-neutral hero: Sidi Bou Saïd blues, a tile-star pattern, whitewashed houses, a sun."""
    w, h = width * SCALE, height * SCALE
    image = _gradient(w, h, Palette("#3a97bf", "#0d2f52", "#ffffff")).convert("RGBA")
    pattern = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(pattern)
    step = 110 * SCALE
    for row, y in enumerate(range(step // 2, h, step)):
        for x in range(step // 2, w, step):
            _star(draw, x + (step // 2 if row % 2 else 0), y, 18 * SCALE, (255, 255, 255, 22))
    image.alpha_composite(pattern)

    sun = (int(w * 0.62), int(h * 0.24))
    _glow(image, sun, 140 * SCALE, (255, 220, 150, 255), 110)
    draw = ImageDraw.Draw(image)
    sun_r = 62 * SCALE
    draw.ellipse((sun[0] - sun_r, sun[1] - sun_r, sun[0] + sun_r, sun[1] + sun_r), fill="#f7c55e")

    white, shade, blue = "#f6f3ec", "#e4ddd0", "#1d6595"
    ground = int(h * 0.88)
    # Two whitewashed houses, the taller one with a dome, blue arched doors and windows.
    small_house = (int(w * 0.56), int(h * 0.55), int(w * 0.77), ground)
    tall_house = (int(w * 0.75), int(h * 0.42), int(w * 0.97), ground)
    dome_r = int((tall_house[2] - tall_house[0]) * 0.26)
    dome_x = (tall_house[0] + tall_house[2]) // 2
    draw.rectangle(small_house, fill=shade)
    draw.rectangle((small_house[0], small_house[1], small_house[2], small_house[1] + 10 * SCALE), fill=white)
    draw.pieslice(
        (dome_x - dome_r, tall_house[1] - dome_r, dome_x + dome_r, tall_house[1] + dome_r),
        180,
        360,
        fill=white,
    )
    draw.rectangle(tall_house, fill=white)

    def arch(x0, y0, x1, y1):
        width_ = x1 - x0
        draw.rectangle((x0, y0 + width_ // 2, x1, y1), fill=blue)
        draw.pieslice((x0, y0, x1, y0 + width_), 180, 360, fill=blue)

    door_w = 64 * SCALE
    for x in (small_house[0] + 40 * SCALE, small_house[0] + 150 * SCALE):
        arch(x, ground - 150 * SCALE, x + door_w, ground)
    arch(dome_x - 46 * SCALE, ground - 190 * SCALE, dome_x + 46 * SCALE, ground)
    for x in (tall_house[0] + 30 * SCALE, tall_house[2] - 80 * SCALE):
        arch(x, tall_house[1] + 40 * SCALE, x + 50 * SCALE, tall_house[1] + 130 * SCALE)
    draw.rectangle((0, ground, w, h), fill="#e8dfcd")
    draw.rectangle((0, ground, w, ground + 6 * SCALE), fill="#d8cdb6")
    return _encode(image, (width, height))


def market_banner(width=1200, height=480):
    """Three medallions (home, fashion, tech) on a warm gradient: a body picture for the home page."""
    w, h = width * SCALE, height * SCALE
    image = _gradient(w, h, Palette("#fbf1e6", "#eac3a2", "#7a3b22")).convert("RGBA")
    _soft_circles(image, random.Random(7), count=4, max_radius=h // 2)
    radius = int(h * 0.28)
    for index, (icon, palette) in enumerate(
        (("vase", PALETTES["maison"]), ("hanger", PALETTES["mode"]), ("device", PALETTES["high-tech"]))
    ):
        centre = (int(w * (0.22 + 0.28 * index)), h // 2)
        _medallion(image, centre, radius)
        ICONS[icon](
            ImageDraw.Draw(image), centre[0], centre[1], int(radius * 0.78), palette.ink, palette.light
        )
    return _encode(image, (width, height))
