"""Models files in YAML and TOML; every mistake is one line naming the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipriv.errors import MultiPrivError
from multipriv.runner.models_file import load_models

YAML = """
defaults:
  base_url: http://127.0.0.1:8000/v1
  params: {temperature: 0}
models:
  - name: qwen2-vl-7b
    model: Qwen/Qwen2-VL-7B-Instruct
    params: {max_tokens: 256}
    concurrency: 32
  - name: gpt-4o
    base_url: https://api.openai.com/v1
    api_key_env: OPENAI_API_KEY
    price_in: 2.5
    price_out: 10
"""

TOML = """
[defaults]
base_url = "http://127.0.0.1:8000/v1"

[[models]]
name = "qwen2-vl-7b"
params = { temperature = 0, max_tokens = 256 }

[[models]]
name = "claude"
provider = "anthropic"
model = "claude-sonnet"
api_key_env = "ANTHROPIC_API_KEY"
"""


def test_yaml_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(YAML)
    qwen, gpt = load_models(path)
    assert qwen.model_id == "Qwen/Qwen2-VL-7B-Instruct" and qwen.base_url == "http://127.0.0.1:8000/v1"
    assert qwen.params == {"temperature": 0, "max_tokens": 256} and qwen.concurrency == 32
    assert gpt.model_id == "gpt-4o" and gpt.base_url == "https://api.openai.com/v1"
    assert gpt.api_key_env == "OPENAI_API_KEY" and gpt.params == {"temperature": 0} and gpt.price_out == 10


def test_toml_and_bare_yaml_list(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_text(TOML)
    qwen, claude = load_models(path)
    assert qwen.params == {"temperature": 0, "max_tokens": 256} and claude.provider == "anthropic"
    assert claude.base_url == "http://127.0.0.1:8000/v1"
    bare = tmp_path / "bare.yml"
    bare.write_text("- name: a\n- name: b\n  provider: oracle\n")
    assert [s.name for s in load_models(bare)] == ["a", "b"]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.yaml", "models:\n  - name: a\n    temprature: 0\n", r"models\[0\] \(a\): temprature: Extra inputs"),
    ("bad.yaml", "models:\n  - model: x\n", r"models\[0\]: name: Field required"),
    ("bad.yaml", "models:\n  - name: a\n  - name: a\n", r"models\[1\] \(a\): duplicate model name"),
    ("bad.yaml", "models: [name: a\n", r"not valid YAML"),
    ("bad.toml", "[[models]]\nname = \n", r"not valid TOML"),
    ("bad.toml", "[[models]]\nname = \"a\"\nconcurrency = \"many\"\n", r"models\[0\] \(a\): concurrency"),
    ("bad.yaml", "models: []\n", r"no models"),
    ("bad.yaml", "model:\n  - name: a\n", r"unknown top-level key"),
    ("bad.json", "{}", r"must end in .yaml"),
    ("bad.yaml", "models:\n  - name: a\n    concurrency: 0\n", r"concurrency must be >= 1"),
])
def test_bad_files_give_one_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(MultiPrivError, match=message) as info:
        load_models(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MultiPrivError, match="not found"):
        load_models(tmp_path / "nope.yaml")
