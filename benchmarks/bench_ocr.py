"""CPU-seconds per image of the OCR baseline's reading, split into detection, recognition and the rest.

The main job's slowest stage is RapidOCR reading every image once (`ocr` and `ocr-rules` answer from that
one read, cached on disk). Wall time lies on a shared machine, so this measures process CPU time in one
process with one reading thread, the way each of `warm_cache`'s worker processes runs, and compares
configurations on the same images, interleaved image by image so that load drifts hit all of them alike:

- `before`: RapidOCR's own detector sizing (its "max" limit ignores the configured side: a page up to 2,000
  pixels is detected at full size) and its recognition batch of 6, as the reader did up to cache version 2;
- `det=N`: the detector fed a page of long side N (the reader now uses `reader.DET_SIDE`);
- `batch=N`: recognition N lines per call (the reader now uses `reader.REC_BATCH`);
- `pad=320`: RapidOCR's own recogniser, every line padded to at least 320 px (the reader up to cache version 3);
  otherwise `reader.LineRecogniser`, each line at its own width rounded up to `step=N` px (`reader.REC_STEP`);
  combine with a comma, e.g. `det=960,batch=1,pad=320` (cache version 3), `det=960,step=32`.

Usage:
    multipriv build --out /tmp/b --persons 10 --background 30
    python benchmarks/bench_ocr.py /tmp/b --limit 40 --configs before det=960,batch=1,pad=320 det=960

It prints CPU-s per image for each configuration, its split, and how many pages read the same text as the
first configuration.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from multipriv.baselines.ocr import reader


def _timed(fn: Callable[..., Any], totals: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start
    return wrapper


def make_engine(config: str) -> tuple[Any, dict[str, float]]:
    """An engine for one configuration, with its detector and recogniser sessions timed."""
    import cv2
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    cv2.setNumThreads(1)
    settings = dict(part.split("=") for part in config.split(",") if "=" in part)
    batch = int(settings.get("batch", 6 if config == "before" else reader.REC_BATCH))
    engine = RapidOCR(det_limit_type="max", det_limit_side_len=960, intra_op_num_threads=1,
                      inter_op_num_threads=1, use_cls=False, rec_batch_num=batch)
    if config != "before":
        side = int(settings.get("det", reader.DET_SIDE))
        det = engine.text_det
        det.get_preprocess = lambda _max_side, det=det, side=side: DetPreProcess(side, "max", det.mean, det.std)
        if settings.get("pad") != "320":
            engine.text_rec = reader.LineRecogniser(engine.text_rec, batch, int(settings.get("step", reader.REC_STEP)))
    totals = {"det": 0.0, "rec": 0.0, "all": 0.0}
    engine.text_det.infer = _timed(engine.text_det.infer, totals, "det")
    engine.text_rec.session = _timed(engine.text_rec.session, totals, "rec")
    return engine, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="a build folder (its images/ are read)")
    parser.add_argument("--limit", type=int, default=40, help="images to read (sorted by name)")
    parser.add_argument("--configs", nargs="+", default=["before", "det=960,batch=1,pad=320", "det=960"])
    args = parser.parse_args()
    paths = sorted((args.data / "images").iterdir())[: args.limit]
    engines = {c: make_engine(c) for c in args.configs}
    pages: dict[str, list[list[str]]] = {c: [] for c in args.configs}
    for config, (engine, _) in engines.items():  # load the models and warm each session once
        reader._LOCAL.engine = engine
        reader.ocr_image(str(paths[0]))
        engines[config][1].update(det=0.0, rec=0.0)
    for path in paths:
        for config, (engine, totals) in engines.items():
            reader._LOCAL.engine = engine
            start = time.process_time()
            data = reader.ocr_image(str(path))
            totals["all"] += time.process_time() - start
            pages[config].append([line[0] for line in data["lines"]])
    first = pages[args.configs[0]]
    n = len(paths)
    print(f"{n} images from {args.data}; CPU-seconds per image (one process, one thread)")
    print(f"{'config':<16} {'total':>7} {'detect':>7} {'recog':>7} {'other':>7} {'lines':>6} same-text")
    for config, (_, t) in engines.items():
        lines = sum(len(p) for p in pages[config])
        same = sum(a == b for a, b in zip(first, pages[config], strict=True))
        print(f"{config:<16} {t['all'] / n:7.3f} {t['det'] / n:7.3f} {t['rec'] / n:7.3f} "
              f"{(t['all'] - t['det'] - t['rec']) / n:7.3f} {lines:6d} {same}/{n}")


if __name__ == "__main__":
    main()
