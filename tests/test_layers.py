"""The floor plan, checked: every module imports only its own stage and the stages before it, never a private
name of another package, and never loads a module of this project through `importlib` (plug-ins come through
entry points, declared in pyproject.toml)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "multipriv"
# Data flows down this list; `errors` and `jsonl` sit below every stage, the CLI on top of all of them.
STAGES = ("errors", "jsonl", "world", "render", "tasks", "dataset", "runner", "score", "baselines", "export",
          "analysis", "report", "pipeline", "cli_support", "cli")


def stage_of(module: str) -> str:
    part = module.split(".")[1] if module.count(".") else ""
    return part.removesuffix(".py")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, imported names, line) for every import in the file, function-level ones included."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
    return out


def test_every_module_has_a_stage() -> None:
    unknown = {stage_of(name) for name, _ in modules()} - set(STAGES) - {""}
    assert not unknown, f"packages missing from the floor plan: {sorted(unknown)}"


@pytest.mark.parametrize(("name", "path"), modules(), ids=[n for n, _ in modules()])
def test_imports_follow_the_stage_order(name: str, path: Path) -> None:
    own = stage_of(name)
    if not own:
        return
    bad = []
    for module, names, line in imports(path):
        if not module.startswith("multipriv."):
            continue
        other = stage_of(module)
        if STAGES.index(other) > STAGES.index(own):
            bad.append(f"line {line}: {module} ({other} comes after {own})")
        if other != own:
            bad += [f"line {line}: private {module}.{n}" for n in names if n.startswith("_")]
            bad += [f"line {line}: private module {module}" for part in module.split(".") if part.startswith("_")
                    and part != "__init__"]
    assert not bad, "\n".join(bad)


def hidden_loads(path: Path) -> list[tuple[str, int]]:
    """Modules of this project loaded through `importlib.import_module`, by literal or module-level constant."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                 for t in n.targets if isinstance(t, ast.Name)}
    found = []
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        if func is None or getattr(func, "attr", getattr(func, "id", "")) != "import_module" or not node.args:
            continue
        arg = node.args[0]
        target = arg.value if isinstance(arg, ast.Constant) else constants.get(getattr(arg, "id", ""))
        if isinstance(target, str) and target.startswith("multipriv"):
            found.append((target, node.lineno))
    return found


@pytest.mark.parametrize(("name", "path"), modules(), ids=[n for n, _ in modules()])
def test_no_hidden_loads_across_stages(name: str, path: Path) -> None:
    """`importlib.import_module("multipriv....")` of another stage hides a dependency from the checks above
    (a stage may load its own modules lazily, e.g. the task catalogue)."""
    bad = [f"line {line}: loads {target}" for target, line in hidden_loads(path)
           if stage_of(target) != stage_of(name)]
    assert not bad, "\n".join(bad)


def test_the_checks_see_a_violation(tmp_path: Path) -> None:
    """The walk finds function-level imports, so a late import against the order cannot slip through."""
    bad = tmp_path / "m.py"
    bad.write_text("def f():\n    from multipriv.report.render import x\n    from multipriv.world._p import _y\n")
    found = imports(bad)
    assert ("multipriv.report.render", ["x"], 2) in found and ("multipriv.world._p", ["_y"], 3) in found
    hidden = tmp_path / "h.py"
    hidden.write_text("import importlib\nTARGET = 'multipriv.report'\nimportlib.import_module(TARGET)\n")
    assert hidden_loads(hidden) == [("multipriv.report", 3)]
