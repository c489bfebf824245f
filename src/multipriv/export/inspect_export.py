"""`multipriv export --format inspect`: a small task file and README pointing at the inspect_ai task.

Why only a pointer: the task itself is `multipriv.export.inspect_task` (registered with inspect as
`multipriv/multipriv`), which reads the build directly, so there is nothing to convert; what a user needs is the
exact command and a file that pins this build's path. A public export carries its own prompts and images
instead (`samples.jsonl`, the lmms-eval export's docs without gold). This module does not import inspect_ai, so
the other export formats work without it installed.
"""

from __future__ import annotations

import json
from pathlib import Path

from multipriv.export.lmms_eval import doc, place
from multipriv.export.public import CONDITIONS, ExportItem, load_export
from multipriv.export.registry import ExportRequest, ExportSummary, exporter

TASK_FILE = "multipriv_inspect.py"
PUBLIC_SAMPLES = "samples.jsonl"  # what a public export holds instead of a build's items.jsonl

_TASK = '''"""MultiPriv as an inspect_ai task, pinned to one build. Run:

    inspect eval {task_file} --model openai/MODEL -T condition=plain

or, without this file: inspect eval multipriv/multipriv -T data={data} --model openai/MODEL
"""

from inspect_ai import Task, task

from multipriv.export.inspect_task import multipriv

DATA = {data!r}


@task
def multipriv_build(condition: str = "plain", tasks: str = "", lang: str = "") -> Task:
    return multipriv(data=DATA, condition=condition, tasks=tasks, lang=lang)
'''

_README = """# MultiPriv for inspect_ai

{about}
Needs `pip install "multipriv[export]"` (inspect-ai) where inspect runs; the task reads the folder `data` names.
(OpenAI-compatible servers without the Responses API: add `-M responses_api=false`.)

    inspect eval {task_file} --model openai/MODEL -T condition=plain
    inspect eval multipriv/multipriv -T data={data} -T condition=protective -T tasks=3,6 --model openai/MODEL

Conditions: {conditions}. Each sample's metadata holds the refusal label (`refusal`). With a build, the scores
are MultiPriv's own (`score`, `correct`, `refused`, `leak`): those of `multipriv score` on the same replies; a
public export has no gold, so it records `refused` only and the private build's owner scores the log.
Bring a log back for `multipriv report`:

    multipriv import-results inspect LOG.eval --data {data} --out runs/MODEL
"""


def _public_copy(request: ExportRequest, items: list[ExportItem], images: list[str]) -> Path:
    """samples.jsonl (prompts, no gold) and the images: what a public export needs instead of the build."""
    out = request.out.absolute()
    lines = [json.dumps(doc(i), ensure_ascii=False, sort_keys=True) + "\n" for i in items]
    (out / PUBLIC_SAMPLES).write_text("".join(lines), encoding="utf-8")
    for rel in images:
        place(request.data / rel, out / "images" / rel)
    return out


@exporter("inspect")
def export_inspect(request: ExportRequest) -> ExportSummary:
    """Writes OUT/multipriv_inspect.py and OUT/README.md; a public export also writes OUT/samples.jsonl and the
    images (no gold, hashes or seed), and its task reads those instead of the build."""
    data = load_export(request.data, public=True)
    images = data.image_paths()
    request.out.mkdir(parents=True, exist_ok=True)
    if request.public:
        root = str(_public_copy(request, data.items, images))
        about = f"Public export of {len(data.items)} items (no gold): inspect records replies and refusal labels."
    else:
        root = str(Path(request.data).absolute())
        about = f"Build: `{root}` ({len(data.items)} items, version {data.build.version}, seed {data.build.seed})."
    task_file = request.out / TASK_FILE
    task_file.write_text(_TASK.format(data=root, task_file=TASK_FILE), encoding="utf-8")
    readme = request.out / "README.md"
    readme.write_text(_README.format(about=about, data=root, task_file=TASK_FILE,
                                     conditions=", ".join(CONDITIONS)), encoding="utf-8")
    return ExportSummary("inspect", items=len(data.items), images=len(images), files=[task_file, readme])
