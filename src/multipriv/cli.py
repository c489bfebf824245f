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
def render(
    world_path: Annotated[Path, typer.Option("--world", help="World file from `multipriv world`.")] = Path(
        "world.json"),
    out: Annotated[Path, typer.Option(help="Folder for images/ and annotations.json.")] = Path("rendered"),
    seed: SeedOpt = 0,
    jobs: Annotated[int, typer.Option(min=1, help="Processes to render with.")] = 2,
    faces: Annotated[Path | None, typer.Option(help="Folder of face photos, one sub-folder per identity.")] = None,
    contact_sheet: Annotated[bool, typer.Option("--contact-sheet", help="Also write one sheet per person.")] = False,
) -> None:
    """Draw every person's faces and documents, with pixel-exact ground truth in annotations.json."""
    from rich.progress import MofNCompleteColumn, Progress, TimeRemainingColumn

    from multipriv.render.pipeline import render_world
    from multipriv.world.io import load_world

    loaded = load_world(world_path)
    columns = (*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("rendering", total=None)
        annotations = render_world(loaded, out, seed=seed, jobs=jobs, faces_dir=faces,
                                   progress=lambda done, total: bar.update(task, completed=done, total=total))
    console.print(f"wrote {len(annotations.images)} images and {out / 'annotations.json'}")
    if contact_sheet:
        from multipriv.render.contact_sheet import contact_sheets

        sheets = contact_sheets(out, annotations, out / "contact_sheets")
        console.print(f"wrote {len(sheets)} contact sheets to {out / 'contact_sheets'}")


@app.command()
def build(
    out: Annotated[Path, typer.Option(help="Folder for the benchmark.")] = Path("multipriv-data"),
    seed: SeedOpt = 0,
    persons: PersonsOpt = 40,
    background: BackgroundOpt = 700,
    zh_share: ZhShareOpt = 0.5,
    lookalike: LookalikeOpt = 0.25,
    split: Annotated[str | None, typer.Option(help="dev or test: disjoint seeds, never the same persons.")] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Processes to render with.")] = 2,
    faces: Annotated[Path | None, typer.Option(help="Folder of face photos, one sub-folder per identity.")] = None,
) -> None:
    """Build the benchmark: world, images, the nine tasks' items in both languages, manifest and card."""
    from rich.progress import MofNCompleteColumn, Progress, TimeRemainingColumn
    from rich.table import Table

    from multipriv.dataset.build import BuildConfig, build_dataset

    if split not in (None, "dev", "test"):
        raise MultiPrivError(f"--split must be dev or test, not {split!r}")
    config = BuildConfig(seed=seed, persons=persons, background=background, zh_share=zh_share,
                         lookalike_rate=lookalike, split=split, jobs=jobs, faces_dir=faces)  # type: ignore[arg-type]
    columns = (*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("rendering", total=None)
        manifest = build_dataset(config, out, progress=lambda stage, done, total: bar.update(
            task, completed=done, total=total, description=stage))
    counts = manifest["counts"]
    table = Table(title=f"MultiPriv benchmark in {out} ({manifest['images']} images, {counts['items']} items)")
    table.add_column("task")
    table.add_column("items", justify="right")
    for task_id, n in counts["by_task"].items():
        table.add_row(task_id, str(n))
    for lang, n in counts["by_lang"].items():
        table.add_row(f"language {lang}", str(n))
    table.add_row("benign controls", str(counts["controls"]))
    Console().print(table)


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="A folder written by `multipriv build`.")]) -> None:
    """Check a build: checksums, schemas, that images decode and that every gold answer fits the annotations."""
    from multipriv.dataset.validate import validate as check

    manifest = check(path)
    console.print(f"{path}: valid ({manifest['images']} images, {manifest['counts']['items']} items)")


@app.command()
def run(
    out: Annotated[Path, typer.Option(help="Folder for everything the main job writes.")] = Path("multipriv-out"),
    seed: SeedOpt = 0,
) -> None:
    """The main job on defaults: every stage that exists, one after the other."""
    data = out / "data"
    if (data / "manifest.json").exists():
        from multipriv.dataset.validate import validate as check

        try:
            check(data)
            console.print(f"reusing the valid benchmark in {data}")
        except MultiPrivError as exc:
            console.print(f"rebuilding {data}: {exc}")
            build(out=data, seed=seed, persons=40, background=700, zh_share=0.5, lookalike=0.25, split=None,
                  jobs=2, faces=None)
    else:
        build(out=data, seed=seed, persons=40, background=700, zh_share=0.5, lookalike=0.25, split=None, jobs=2,
              faces=None)


@app.command()
def refusal(path: Annotated[Path, typer.Argument(help="JSONL with a `text` field per line (any model's outputs).")]
            ) -> None:
    """Label each response refuse / partial / comply (bilingual rules) and print one label per line."""
    from multipriv.score.refusal_cli import label_jsonl

    for label in label_jsonl(path):
        typer.echo(label)


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
