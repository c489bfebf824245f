"""The inspect_ai task run by inspect itself, in process, against `multipriv serve-baseline oracle` over real HTTP:
inspect finds it by its registry name (`multipriv/multipriv`), the oracle scores 100%, each sample's metadata
holds its refusal label, and the log brought back with `import-results` scores to the same numbers."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog

from multipriv.baselines.serve import BaselineServer, make_server
from multipriv.export.import_results import import_results
from multipriv.export.inspect_export import TASK_FILE, export_inspect
from multipriv.export.registry import ExportRequest
from multipriv.score.runs import score_folder
from multipriv.tasks.schema import Item

CONDITION = "protective"  # the system-message path, the one a plain prompt would not exercise


def _items(root: Path) -> list[Item]:
    return [Item.model_validate_json(line) for line in (root / "items.jsonl").read_text("utf-8").splitlines()
            if line.strip()]


def _pick(items: list[Item]) -> list[Item]:
    """One item per (task, answer type, language): every scorer and prompt shape, few requests."""
    chosen: dict[tuple[int, str, str], Item] = {}
    for item in items:
        chosen.setdefault((item.task, item.answer_type.value, item.lang), item)
    return list(chosen.values())


@pytest.fixture(scope="module")
def server(small_build: Path) -> Iterator[BaselineServer]:
    srv = make_server("oracle", small_build, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def log(server: BaselineServer, small_build: Path, tmp_path_factory: pytest.TempPathFactory) -> EvalLog:
    host, port = server.server_address[:2]
    ids = [f"{item.id}:{CONDITION}" for item in _pick(_items(small_build))]
    home = tmp_path_factory.mktemp("inspect-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENAI_API_KEY", "not-needed")
        mp.setenv("XDG_DATA_HOME", str(home / "data"))  # inspect's traces, kept out of the user's home
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        logs = inspect_eval("multipriv/multipriv", task_args={"data": str(small_build), "condition": CONDITION},
                            model="openai/oracle", model_base_url=f"http://{host!s}:{port}/v1",
                            model_args={"responses_api": False}, sample_id=ids, display="none",
                            log_dir=str(tmp_path_factory.mktemp("inspect-logs")), max_connections=4)
    assert len(logs) == 1 and logs[0].status == "success", logs[0].error
    assert logs[0].samples is not None and len(logs[0].samples) == len(ids)
    return logs[0]


def test_oracle_scores_full_marks(log: EvalLog) -> None:
    assert log.results is not None
    metrics = {s.name: s.metrics["mean"].value for s in log.results.scores}
    assert metrics["score"] == 1.0 and metrics["correct"] == 1.0 and metrics["refused"] == 0.0


def test_refusal_is_in_each_samples_metadata(log: EvalLog) -> None:
    for sample in log.samples or []:
        assert sample.metadata["condition"] == CONDITION
        assert sample.metadata["refusal"] == "comply"
        assert sample.scores is not None
        assert (sample.scores["multipriv_scorer"].metadata or {})["refusal"] == sample.metadata["refusal"]


def test_imported_log_scores_the_same(log: EvalLog, small_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "runs" / "oracle"
    summary = import_results("inspect", Path(log.location), small_build, out)
    assert summary.answered == len(log.samples or []) and summary.failed == 0
    ours = {s.item_id: s for s in score_folder(out, {i.id: i for i in _items(small_build)}).scores}
    for sample in log.samples or []:
        assert sample.scores is not None
        theirs = sample.scores["multipriv_scorer"].metadata or {}
        mine = ours[sample.metadata["item_id"]]
        assert (mine.score, mine.correct, mine.refusal, mine.leak) == (
            theirs["score"], theirs["correct"], theirs["refusal"], theirs["leak"])


def test_exported_task_file_loads_the_build(small_build: Path, tmp_path: Path) -> None:
    summary = export_inspect(ExportRequest(small_build, tmp_path / "inspect"))
    task_file = tmp_path / "inspect" / TASK_FILE
    assert task_file in summary.files and str(small_build.absolute()) in task_file.read_text("utf-8")
    spec = importlib.util.spec_from_file_location("multipriv_inspect_test", task_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    task = module.multipriv_build(condition="adversarial", tasks="3")
    assert len(task.dataset) == sum(i.task == 3 for i in _items(small_build)) > 0
