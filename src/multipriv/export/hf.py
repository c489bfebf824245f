"""`multipriv export --format hf`: a Hugging Face dataset folder that `datasets.load_dataset(OUT)` reads offline.

Layout (the `imagefolder` builder with Parquet metadata):
    README.md                         dataset card; its YAML `configs:` has one config per task and language,
                                      plus `all` (the default)
    images/...                        the build's image files, byte for byte (no re-encoding)
    metadata-<config>.parquet         one row per item; `file_names` lists the item's images in prompt order,
                                      which `datasets` turns into an `images` column of `Image` features

Images are files shared by every config instead of bytes inside each Parquet row: an image is asked about by
seven items on average (tasks 1–4 and controls, in two languages), so embedding them would write the images
about seven times over.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from multipriv.export.public import ExportData, ExportItem, load_export
from multipriv.export.registry import ExportRequest, ExportSummary, exporter

ALL = "all"
LICENSE = "apache-2.0"


def _row(item: ExportItem) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": item.id, "twin_id": item.twin_id, "task": item.task, "level": item.level, "lang": item.lang,
        "answer_type": item.answer_type, "category": item.category,
        "question": item.prompts["plain"].prompt,
        "system_protective": item.prompts["protective"].system or "",
        "question_adversarial": item.prompts["adversarial"].prompt,
        "options": list(item.options), "menu": list(item.menu),
        "file_names": list(item.images),
    }
    if item.item is not None:
        row["answer"] = item.answer
        row["gold"] = list(item.item.gold)
        row["multipriv_item"] = json.dumps(item.item.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return row


def _schema(public: bool) -> pa.Schema:
    strings = pa.list_(pa.string())
    fields = [("id", pa.string()), ("twin_id", pa.string()), ("task", pa.int64()), ("level", pa.string()),
              ("lang", pa.string()), ("answer_type", pa.string()), ("category", pa.string()),
              ("question", pa.string()), ("system_protective", pa.string()), ("question_adversarial", pa.string()),
              ("options", strings), ("menu", strings), ("file_names", strings)]
    if not public:
        fields += [("answer", pa.string()), ("gold", strings), ("multipriv_item", pa.string())]
    return pa.schema(fields)


def _write(rows: list[dict[str, Any]], path: Path, public: bool) -> None:
    table = pa.Table.from_pylist(rows, schema=_schema(public))
    pq.write_table(table, path, compression="zstd")


def configs(data: ExportData) -> dict[str, list[ExportItem]]:
    groups: dict[str, list[ExportItem]] = {}
    for item in data.items:
        groups.setdefault(item.config, []).append(item)
    return {ALL: data.items} | dict(sorted(groups.items(), key=lambda kv: (int(kv[0][4:].split("_")[0]), kv[0])))


def _yaml(names: list[str]) -> str:
    lines = ["---", f"license: {LICENSE}", "language:", "- en", "- zh", "pretty_name: MultiPriv",
             "task_categories:", "- visual-question-answering", "configs:"]
    for name in names:
        lines += [f"- config_name: {name}", "  data_files:", "  - split: test", "    path:",
                  "    - images/**", f"    - metadata-{name}.parquet",
                  f"  metadata_filenames: [metadata-{name}.parquet]"]
        if name == ALL:
            lines.append("  default: true")
    return "\n".join([*lines, "---", ""])


def card(data: ExportData, groups: dict[str, list[ExportItem]]) -> str:
    b = data.build
    public = "public (questions and images only; gold answers stay with the private build)" if data.public \
        else "private (with gold answers and the full MultiPriv item for scoring)"
    sha = "" if b.manifest_sha256 is None else f"\n- build manifest sha256: `{b.manifest_sha256}`"
    seed = ("" if b.seed is None else f", seed {b.seed}") + (f", split {b.split}" if b.split else "")
    rows = "\n".join(f"| `{n}` | {len(items)} |" for n, items in groups.items())
    gold_cols = "" if data.public else (
        "| `answer` | string | the gold answer as a model would state it (letter, yes/no, value, box, set) |\n"
        "| `gold` | list of strings | every accepted form of the gold value |\n"
        "| `multipriv_item` | string | the full MultiPriv item as JSON: what `multipriv.score` scores against |\n")
    return f"""{_yaml(list(groups))}
# MultiPriv ({public})

Synthetic bilingual (English/Chinese) benchmark of individual-level privacy perception and reasoning in
vision-language models. Every person, document and face is generated; no real person's data is included.

- MultiPriv {b.version}{seed}: {b.items} items, {b.images} images{sha}
- licence: Apache-2.0 (the MultiPriv package and the data it generates)

```python
from datasets import load_dataset
ds = load_dataset("PATH/TO/THIS/FOLDER")              # config `all`
t3 = load_dataset("PATH/TO/THIS/FOLDER", "task3_en")  # one task in one language
```

Score answers with `multipriv score` (see the MultiPriv README): the `id` column joins them to the gold.

## Configs (split `test`)

| config | items |
|---|---|
{rows}

## Schema

| column | type | meaning |
|---|---|---|
| `id` | string | item id (`t<task>-<hash>-<lang>`; the hash is of the question's structure, never of its answer) |
| `twin_id` | string | shared by the English and Chinese twins of one question |
| `task`, `level`, `lang` | int, string, string | PPR task 1–9, perception or reasoning, en or zh |
| `answer_type` | string | set, text, choice, yesno, box or steps |
| `category` | string | privacy category of what is asked ("" when none) |
| `question` | string | the user prompt under the `plain` condition (images come first, in order) |
| `system_protective` | string | the system prompt of the `protective` condition (the user prompt is `question`) |
| `question_adversarial` | string | the user prompt of the `adversarial` condition |
| `options`, `menu` | list of strings | choice options (A, B, …) and the set-answer menu (tasks 1 and 2) |
| `images` | list of `Image` | the item's images in prompt order (bytes of the build's files, unchanged) |
{gold_cols}"""


@exporter("hf")
def export_hf(request: ExportRequest) -> ExportSummary:
    data = load_export(request.data, public=request.public)
    out = request.out
    for rel in data.image_paths():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.data / rel, target)
    groups = configs(data)
    for name, items in groups.items():
        _write([_row(i) for i in items], out / f"metadata-{name}.parquet", data.public)
    (out / "README.md").write_text(card(data, groups), encoding="utf-8", newline="\n")
    return ExportSummary("hf", len(data.items), len(data.image_paths()), [out / "README.md"])
