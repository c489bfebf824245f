"""Decorations, signatures and fingerprints: deterministic, non-blank, distinct, recorded where they print text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PIL import Image
from rapidfuzz import fuzz

from multipriv.render.canvas import Canvas
from multipriv.render.decor import Cell, barcode, emblem, guilloche, paper_texture, qr_like, stamp, table
from multipriv.render.fingerprint import PATTERNS, draw_fingerprint
from multipriv.render.fonts import FONT_FILES, font
from multipriv.render.signature import N_STYLES, draw_signature

# --------------------------------------------------------------------------------------------- fonts


def test_every_font_style_loads_latin_and_cjk() -> None:
    for style in FONT_FILES:
        f = font(style, 20)
        assert f is font(style, 20)  # cached
        assert f.getbbox("Ag王")[2] > 30


def test_missing_font_file_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from multipriv.errors import MultiPrivError
    from multipriv.render import fonts

    monkeypatch.setitem(fonts.FONT_FILES, "serif", "NoSuchFont.otf")
    with pytest.raises(MultiPrivError, match=r"NoSuchFont\.otf") as err:
        fonts.font_path("serif")
    assert "\n" not in str(err.value)
    with pytest.raises(MultiPrivError):
        fonts.font_path("cursive")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------ simple decor


def test_emblem_qr_barcode_are_deterministic_and_sized() -> None:
    def red_emblem(seed: int) -> Image.Image:
        return emblem(120, seed, (160, 20, 30))

    def qr(seed: int) -> Image.Image:
        return qr_like(99, seed)

    for make in (red_emblem, qr):
        a, b, c = make(1), make(1), make(2)
        assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()
        assert a.size in ((120, 120), (99, 99))
    assert emblem(120, 1, (0, 0, 0)).mode == "RGBA"
    modules = np.asarray(qr_like(100, 3).convert("L"))
    assert 0.3 < (modules < 128).mean() < 0.7
    bar = barcode(300, 60, "330106199001011234")
    assert bar.size == (300, 60)
    assert bar.tobytes() == barcode(300, 60, "330106199001011234").tobytes()
    assert bar.tobytes() != barcode(300, 60, "330106199001011235").tobytes()
    row = np.asarray(bar.convert("L"))[30] < 128
    assert not row[:5].any() and not row[-5:].any()  # quiet zones
    assert 20 < np.count_nonzero(np.diff(row.astype(int)) == 1) < 120  # many bars


def test_guilloche_and_paper_are_faint() -> None:
    c = Canvas(300, 200)
    layer = guilloche((10, 10, 290, 190), 4, (40, 120, 90), canvas=c)
    assert layer.size == (280, 180) and layer.getchannel("A").getbbox() is not None
    assert not c.fields and not c.labels
    img = Image.new("RGB", (300, 200), (240, 240, 240))
    tex = paper_texture(img, 7)
    diff = np.abs(np.asarray(tex, dtype=int) - 240)
    assert tex.tobytes() == paper_texture(img, 7).tobytes()
    assert 0 < diff.mean() < 10


def test_table_records_fields_and_labels_inside_cells() -> None:
    c = Canvas(620, 200)
    rows = [
        [Cell("项目"), Cell("结果"), Cell("参考范围")],
        [Cell("血红蛋白"), Cell("132 g/L", attribute_id="lab_hb", person_id="P1"), Cell("115-150")],
        [Cell("诊断"), Cell("2型糖尿病伴周围神经病变与视网膜病变", attribute_id="dx", person_id="P1"), Cell("")],
    ]
    boxes = table(c, (10, 10), rows, [150, 200, 150], row_height=40, size=22, lang="zh")
    assert boxes[2][2] is None
    assert [f.attribute_id for f in c.fields] == ["lab_hb", "dx"]
    assert len(c.labels) == 6
    long = boxes[2][1]
    assert long is not None and long[0] >= 160 and long[2] <= 360 - 6  # shrunk into its cell
    c.check_inside()


def test_stamp_text_is_a_label() -> None:
    c = Canvas(300, 300)
    box = stamp(c, (150, 150), 100, "杭州市第一人民医院", center_text="门诊专用章")
    assert box == (50, 50, 250, 250)
    assert not c.fields and [f.text for f in c.labels] == ["杭州市第一人民医院 门诊专用章"]
    red = np.asarray(c.image, dtype=int)
    assert ((red[:, :, 0] - red[:, :, 1]) > 60).sum() > 2000
    c2 = Canvas(300, 300)
    stamp(c2, (150, 150), 100, "杭州市第一人民医院", center_text="门诊专用章")
    assert c.image.tobytes() == c2.image.tobytes()


# ------------------------------------------------------------------------------------ signatures


def _on_white(sig: Image.Image, margin: int = 40) -> Image.Image:
    bg = Image.new("RGB", (sig.width + 2 * margin, sig.height + 2 * margin), "white")
    bg.paste(sig, (margin, margin), sig)
    return bg


@pytest.mark.parametrize("name", ["Emily Carter", "王芳", "欧阳建国"])
def test_signatures_deterministic_non_blank_distinct(name: str) -> None:
    seen = set()
    for style in range(N_STYLES):
        a = draw_signature(name, style, (360, 110))
        assert a.mode == "RGBA" and a.size == (360, 110)
        assert a.tobytes() == draw_signature(name, style, (360, 110)).tobytes()
        ink = np.asarray(a.getchannel("A")) > 64
        assert 0.03 < ink.mean() < 0.6, (style, ink.mean())
        seen.add(a.tobytes())
    assert len(seen) == N_STYLES


@pytest.fixture(scope="module")
def ocr() -> Any:
    import rapidocr_onnxruntime as rapidocr
    return rapidocr.RapidOCR()


def test_latin_signatures_are_readable_by_ocr(ocr: Any) -> None:
    """Each word of the name must appear (fuzzy ratio >= 80) in the OCR output, for most styles and names."""
    read, total, failures = 0, 0, []
    for name in ("Emily Carter", "Maria Gonzalez"):
        for style in range(N_STYLES):
            result = ocr(np.asarray(_on_white(draw_signature(name, style, (360, 110)))))[0] or []
            tokens = [str(t).replace(" ", "").lower() for _, t, _ in result]
            joined = "".join(tokens)
            ok = all(
                max([fuzz.ratio(w.lower(), t) for t in tokens] + [fuzz.partial_ratio(w.lower(), joined)]) >= 80
                for w in name.split()
            )
            read += ok
            total += 1
            if not ok:
                failures.append((name, style, tokens))
    assert read >= 0.8 * total, failures


# ---------------------------------------------------------------------------------- fingerprints


def _orientation_field(img: Image.Image, block: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Block-wise ridge orientation (unit complex numbers of the doubled angle) and mean ink per block."""
    a = np.asarray(255.0 - np.asarray(img, dtype=float))
    gy, gx = (np.asarray(g) for g in np.gradient(a))
    n = a.shape[0] // block

    def pool(m: np.ndarray) -> np.ndarray:
        return np.asarray(m[: n * block, : n * block].reshape(n, block, n, block).sum(axis=(1, 3)))

    c = pool(gx * gx - gy * gy) + 1j * pool(2 * gx * gy)
    return c / np.maximum(np.abs(c), 1e-9), pool(a) / block**2


def _orientation_distance(a: Image.Image, b: Image.Image) -> float:
    """Mean angle (degrees, 0..90) between the ridge directions of two prints, over blocks inked in both."""
    (fa, ia), (fb, ib) = _orientation_field(a), _orientation_field(b)
    m = (ia > 40) & (ib > 40)
    return float(np.degrees(np.abs(np.angle(fa[m] * np.conj(fb[m])))).mean() / 2)


def test_fingerprints_deterministic_non_blank_and_distinct() -> None:
    prints = {}
    for pattern in PATTERNS:
        a = draw_fingerprint(pattern, 3, 160)
        assert a.mode == "L" and a.size == (160, 160)
        assert a.tobytes() == draw_fingerprint(pattern, 3, 160).tobytes()
        arr = np.asarray(a, dtype=float)
        assert 0.15 < (arr < 160).mean() < 0.6, pattern
        assert arr[0, 0] > 250 and arr[-1, -1] > 250  # white outside the oval
        prints[pattern] = a
    # Classes differ in ridge flow, seeds only in detail: every pair of classes is further apart in
    # orientation than two seeds of one class.
    within = max(_orientation_distance(prints[p], draw_fingerprint(p, 4, 160)) for p in PATTERNS)
    across = min(_orientation_distance(prints[p], prints[q]) for i, p in enumerate(PATTERNS) for q in PATTERNS[i + 1 :])
    assert within < 11.0 < 13.0 < across, (within, across)
    assert draw_fingerprint("whorl", 3, 160).tobytes() != draw_fingerprint("whorl", 4, 160).tobytes()
    with pytest.raises(ValueError):
        draw_fingerprint("spiral", 1, 100)
