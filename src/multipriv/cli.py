"""The `multipriv` command. Each stage has a command; `run` chains them on defaults (the main job).

Stages are imported inside commands so that `multipriv --help` stays fast. A `MultiPrivError` anywhere ends in
one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from multipriv.errors import MultiPrivError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
console = Console(stderr=True)

SeedOpt = Annotated[int, typer.Option(help="Seed: the same seed and version give byte-identical files.")]
PersonsOpt = Annotated[int, typer.Option(min=1, help="Core persons (each gets about ten linked images).")]
BackgroundOpt = Annotated[int, typer.Option(min=0, help="Background persons (one attribute-level image each).")]
ZhShareOpt = Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of Chinese-context persons.")]
LookalikeOpt = Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of persons drawn as look-alikes.")]


@app.command()
def world(
    out: Annotated[Path, typer.Option(help="Where to write the world file.")] = Path("world.json"),
    seed: SeedOpt = 0,
    persons: PersonsOpt = 40,
    background: BackgroundOpt = 700,
    zh_share: ZhShareOpt = 0.5,
    lookalike: LookalikeOpt = 0.25,
) -> None:
    """Generate the synthetic population and its linkage graph as one validated file."""
    from rich.progress import Progress

    from multipriv.world.generate import WorldConfig, build_world
    from multipriv.world.io import save_world

    config = WorldConfig(seed=seed, persons=persons, background=background, zh_share=zh_share,
                         lookalike_rate=lookalike)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("persons", total=persons + background)
        result = build_world(config, progress=lambda n: bar.advance(task, n))
    save_world(result, out)
    zh = sum(p.locale == "zh" for p in result.persons)
    looks = sum(p.lookalike is not None for p in result.persons)
    console.print(f"wrote {out}: {persons} core + {background} background persons "
                  f"({zh} zh, {len(result.persons) - zh} en, {looks} look-alikes)")


@app.command("check-world")
def check_world(path: Path) -> None:
    """Validate a world file: schema version, fields and references."""
    from multipriv.world.io import load_world

    result = load_world(path)
    console.print(f"{path}: valid, {len(result.persons)} persons")


@app.command()
def run(
    out: Annotated[Path, typer.Option(help="Folder for everything the main job writes.")] = Path("multipriv-out"),
    seed: SeedOpt = 0,
    persons: PersonsOpt = 40,
    background: BackgroundOpt = 700,
) -> None:
    """The main job on defaults: every stage that exists, one after the other."""
    out.mkdir(parents=True, exist_ok=True)
    world(out=out / "world.json", seed=seed, persons=persons, background=background, zh_share=0.5,
          lookalike=0.25)


def main() -> None:
    try:
        app()
    except MultiPrivError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
