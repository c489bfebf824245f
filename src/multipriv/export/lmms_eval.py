"""`multipriv export --format lmms-eval`: a task folder lmms-eval loads with `--include_path OUT`.

Layout:
    multipriv_<condition>.yaml   one task per prompt condition (`--tasks multipriv_plain`), all tagged `multipriv`
    utils.py                     re-exports `multipriv.export.lmms_eval_utils` (so multipriv must be installed)
    data/test.jsonl              one doc per item: prompts per condition, image paths, and (private) the item
    images/...                   the build's image files, hard-linked where possible, else copied byte for byte

The YAML names the data file by absolute path (lmms-eval resolves `data_files` from the working directory, not
from the YAML), so a moved folder must be exported again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from multipriv.export.public import CONDITIONS, ExportItem, load_export
from multipriv.export.registry import ExportRequest, ExportSummary, exporter

TAG = "multipriv"

_UTILS = '''"""lmms-eval glue for MultiPriv: the logic lives in multipriv.export.lmms_eval_utils (multipriv[export])."""

from pathlib import Path

from multipriv.export.lmms_eval_utils import (  # noqa: F401
    doc_to_target,
    doc_to_text,
    leak_rate,
    mean_correct,
    mean_score,
    process_results,
    refusal_rate,
    visual_loader,
    visual_messages,
    with_condition,
)

ROOT = Path(__file__).resolve().parent
doc_to_visual = visual_loader(ROOT)
doc_to_messages = visual_messages(ROOT)
{process_docs}
'''

_YAML = """task: {task}
tag: {tag}
dataset_path: json
dataset_kwargs:
  data_files:
    test: {data}
  cache_dir: {cache}
test_split: test
output_type: generate_until
process_docs: !function utils.{condition}_docs
doc_to_visual: !function utils.doc_to_visual
doc_to_text: !function utils.doc_to_text
doc_to_messages: !function utils.doc_to_messages
doc_to_target: !function utils.doc_to_target
generation_kwargs:
  max_new_tokens: 1024
  temperature: 0
  do_sample: false
process_results: !function utils.process_results
metric_list:
  - metric: multipriv_score
    aggregation: !function utils.mean_score
    higher_is_better: true
  - metric: multipriv_correct
    aggregation: !function utils.mean_correct
    higher_is_better: true
  - metric: multipriv_refused
    aggregation: !function utils.refusal_rate
    higher_is_better: false
  - metric: multipriv_leak
    aggregation: !function utils.leak_rate
    higher_is_better: false
metadata:
  version: {version}
  public: {public}
"""


def doc(item: ExportItem) -> dict[str, Any]:
    """One line of data/test.jsonl; `item` (the full build item, with gold) is empty in a public export."""
    row: dict[str, Any] = {"id": item.id, "task": item.task, "level": item.level, "lang": item.lang,
                           "answer_type": item.answer_type, "images": [f"images/{p}" for p in item.images]}
    for condition, prompt in item.prompts.items():
        row[f"prompt_{condition}"] = prompt.prompt
        row[f"system_{condition}"] = prompt.system or ""
    row["answer"] = item.answer
    row["item"] = item.item.model_dump_json() if item.item is not None else ""
    return row


def place(src: Path, dst: Path) -> None:
    """Hard-link `src` to `dst` (same bytes, no copy), or copy it where links are impossible."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists():
        dst.unlink()
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _yaml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar, whatever the path holds


@exporter("lmms-eval")
def export_lmms_eval(request: ExportRequest) -> ExportSummary:
    data = load_export(request.data, public=request.public)
    out = request.out.absolute()
    (out / "data").mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(doc(i), ensure_ascii=False, sort_keys=True) for i in data.items]
    (out / "data" / "test.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    images = data.image_paths()
    for rel in images:
        place(request.data / rel, out / "images" / rel)
    docs = "\n".join(f'{c}_docs = with_condition("{c}")' for c in CONDITIONS)
    (out / "utils.py").write_text(_UTILS.format(process_docs=docs), encoding="utf-8")
    files = []
    for condition in CONDITIONS:
        path = out / f"{TAG}_{condition}.yaml"
        path.write_text(_YAML.format(task=f"{TAG}_{condition}", tag=TAG, condition=condition,
                                     data=_yaml_str(str(out / "data" / "test.jsonl")),
                                     cache=_yaml_str(str(out / ".hf-cache")), version=_yaml_str(data.build.version),
                                     public=str(data.public).lower()), encoding="utf-8")
        files.append(path)
    return ExportSummary("lmms-eval", items=len(data.items), images=len(images), files=files)
