"""Run by test_resume in a subprocess (`python -m runner.kill_target ROOT OUT SPEC_JSON`), then SIGKILLed."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from multipriv.runner.base import ModelSpec
from multipriv.runner.engine import run_eval


def main() -> None:
    root, out, spec_json = sys.argv[1:4]
    spec = ModelSpec.model_validate_json(spec_json)
    asyncio.run(run_eval(Path(root), [spec], Path(out), conditions=("plain", "protective"), progress=False))


if __name__ == "__main__":
    main()
