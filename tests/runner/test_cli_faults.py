"""Issue 13 through the real command line (a subprocess, as a user runs it): one line on stderr and exit status
2 for a problem to fix, 3 for a run that ended with failed pairs (with the command that retries them), 0 when
everything was answered; names and paths printed as they are, never read as markup."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from multipriv.tasks.schema import Item

from .conftest import KEY_ENV, OK, SECRET, Action, FakeServer, closed_port, run, spec_for

Dataset = tuple[Path, list[Item]]


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "multipriv.cli", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, KEY_ENV: SECRET, **(env or {})}, cwd=cwd)


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_paths_and_hints_print_as_text_not_markup(tmp_path: Path, dataset: Dataset) -> None:
    for name in ("x[/bold]", "x[dev]"):
        line = one_line_error(cli("validate", str(tmp_path / name)))
        assert f"{tmp_path / name}/manifest.json: no manifest" in line
    fake_sdk = tmp_path / "fake-sdk" / "anthropic"
    fake_sdk.mkdir(parents=True)
    (fake_sdk / "__init__.py").write_text("raise ImportError('simulated: not installed')\n", encoding="utf-8")
    models = tmp_path / "models.yaml"
    models.write_text("models:\n  - {name: claude, provider: anthropic, model: c}\n", encoding="utf-8")
    root, _ = dataset
    proc = cli("eval", "--data", str(root), "--out", str(tmp_path / "runs"), "--models", str(models),
               env={"PYTHONPATH": os.pathsep.join([str(fake_sdk.parent), os.environ.get("PYTHONPATH", "")])})
    assert "pip install 'multipriv[anthropic]'" in one_line_error(proc)


def test_failed_pairs_exit_3_with_the_command_that_retries_them(fake_server: FakeServer, dataset: Dataset,
                                                                 tmp_path: Path) -> None:
    root, _ = dataset
    fake_server.script = lambda prompt, n: Action("400") if prompt.startswith("Question 003") else OK
    out = tmp_path / "runs [x]"
    proc = cli("eval", "--data", str(root), "--out", str(out), "--model", "fake[bold]", "--base-url",
               fake_server.url, "--api-key-env", KEY_ENV)
    assert proc.returncode == 3, proc.stderr
    assert "fake[bold]: 19 answered, 1 failed" in proc.stderr and "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("1 of 20 answers failed (fake[bold]: 1); retry them with: ")
    command = last.split("retry them with: ", 1)[1]
    assert command == shlex.join(["multipriv", "eval", "--data", str(root), "--out", str(out), "--model",
                                  "fake[bold]", "--base-url", fake_server.url, "--api-key-env", KEY_ENV, "--resume"])
    fake_server.script = lambda prompt, n: OK
    sent = fake_server.count
    again = cli(*shlex.split(command)[1:])
    assert again.returncode == 0, again.stderr
    assert fake_server.count == sent + 1 and "fake[bold]: 20 answered, 0 failed" in again.stderr


def test_settings_that_cannot_work_end_before_anything_is_sent(fake_server: FakeServer, dataset: Dataset,
                                                                tmp_path: Path) -> None:
    root, _ = dataset
    common = ["eval", "--data", str(root), "--model", "m"]
    dead = one_line_error(cli(*common, "--out", str(tmp_path / "a"), "--base-url",
                              f"http://127.0.0.1:{closed_port()}/v1"))
    assert "model 'm': the first request failed after 1 attempt (connection error" in dead
    assert "nothing else was sent" in dead
    assert "is not an http(s) URL" in one_line_error(cli(*common, "--out", str(tmp_path / "b"), "--base-url",
                                                         "not a url"))
    empty = one_line_error(cli(*common, "--out", str(tmp_path / "c"), "--base-url", fake_server.url, "--tasks",
                               "12"))
    assert "no items selected: --tasks 12 matches none" in empty
    assert "--lang xx matches none" in one_line_error(cli(*common, "--out", str(tmp_path / "d"), "--base-url",
                                                          fake_server.url, "--lang", "xx"))
    assert fake_server.count == 0 and not list(tmp_path.rglob("results.jsonl"))


def test_tampered_builds_and_manifests_are_one_line(dataset: Dataset, tmp_path: Path) -> None:
    root, _ = dataset
    image = root / "images" / "img2.png"
    data = bytearray(image.read_bytes())
    data[-20] ^= 0x40
    image.write_bytes(bytes(data))
    line = one_line_error(cli("eval", "--data", str(root), "--out", str(tmp_path / "runs"), "--baselines", "oracle"))
    assert line == "error: images/img2.png: checksum mismatch (the file was changed or truncated)"
    assert one_line_error(cli("validate", str(root))) == line  # the very words of `validate`
    (root / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    line = one_line_error(cli("validate", str(root)))
    assert "manifest.json: not a MultiPriv manifest (a JSON list, not an object)" in line


def test_score_and_report_skip_damaged_lines_and_name_them(fake_server: FakeServer, dataset: Dataset,
                                                            tmp_path: Path, key_env: str) -> None:
    root, _ = dataset
    out = tmp_path / "runs"
    run(root, [spec_for(fake_server), spec_for(fake_server, name="other")], out)
    results = out / "fake" / "results.jsonl"
    lines = results.read_bytes().splitlines(keepends=True)
    results.write_bytes(b"".join(lines[:4]) + b"\xc3\x28 \xff\n" + b"".join(lines[5:]) + lines[5][:17])
    proc = cli("score", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"warning: {results}, line 5: skipped a line that is not UTF-8" in proc.stderr
    assert f"warning: {results}, line 21: skipped a truncated last line" in proc.stderr
    assert "fake: 19 scored" in proc.stderr and "other: 20 scored" in proc.stderr
    scores = out / "other" / "scores.jsonl"
    scores.write_bytes(scores.read_bytes()[:-25])
    report = cli("report", str(out), "--out", str(tmp_path / "report"))
    assert report.returncode == 0, report.stderr
    assert f"{scores}, line 20: skipped a truncated last line" in report.stderr
    assert "Traceback" not in report.stderr and (tmp_path / "report" / "report.html").is_file()
    damaged = scores.read_bytes()
    assert len(damaged.splitlines()) == 20 and not damaged.endswith(b"\n")  # the report wrote nothing there
    assert cli("score", str(out / "other")).returncode == 0  # `score` writes the file whole again
    rows = [json.loads(x) for x in scores.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 20  # the damaged score was scored again
