"""The `multipriv` command. Each stage has a command; `run` chains them on defaults (the main job). Commands
only parse options and print: the work is in the stages and in `multipriv.pipeline`.

Stages are imported inside commands so that `multipriv --help` stays fast. A `MultiPrivError` anywhere ends in
one line on stderr and exit status 2, never a traceback; an evaluation that ends with failed pairs exits with
status 3 and prints the command that retries them. Console output is text, never Rich markup (`cli_support`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from multipriv.cli_support import (
    EXIT_ERROR,
    EXIT_FAILED,
    ConsoleReporter,
    command_line,
    fail,
    failed_line,
    int_set,
    parse_shard,
    progress,
    say,
    show_warnings,
    summarise,
)
from multipriv.errors import MultiPrivError
from multipriv.world import population

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="MultiPriv: generate, run, score and report a benchmark of individual-level privacy reasoning in "
    "vision-language models. `multipriv run` is the main job on defaults.",
)

SeedOpt = Annotated[int, typer.Option(help="Seed: the same seed and version give byte-identical files.")]
PersonsOpt = Annotated[int, typer.Option(min=1, help="Core persons (each gets about ten linked images).")]
BackgroundOpt = Annotated[int, typer.Option(min=0, help="Background persons (one attribute-level image each).")]
ZhShareOpt = Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of Chinese-context persons.")]
LookalikeOpt = Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of persons drawn as look-alikes.")]


@app.command()
def world(
    out: Annotated[Path, typer.Option(help="Where to write the world file.")] = Path("world.json"),
    seed: SeedOpt = population.SEED,
    persons: PersonsOpt = population.PERSONS,
    background: BackgroundOpt = population.BACKGROUND,
    zh_share: ZhShareOpt = population.ZH_SHARE,
    lookalike: LookalikeOpt = population.LOOKALIKE_RATE,
) -> None:
    """Generate the synthetic population and its linkage graph as one validated file."""

    from multipriv.world.generate import WorldConfig, build_world
    from multipriv.world.io import save_world

    config = WorldConfig(seed=seed, persons=persons, background=background, zh_share=zh_share,
                         lookalike_rate=lookalike)
    with progress() as bar:
        task = bar.add_task("persons", total=persons + background)
        result = build_world(config, progress=lambda n: bar.advance(task, n))
    save_world(result, out)
    zh = sum(p.locale == "zh" for p in result.persons)
    looks = sum(p.lookalike is not None for p in result.persons)
    say(f"wrote {out}: {persons} core + {background} background persons "
        f"({zh} zh, {len(result.persons) - zh} en, {looks} look-alikes)")


@app.command("check-world")
def check_world(path: Path) -> None:
    """Validate a world file: schema version, fields and references."""
    from multipriv.world.io import load_world

    result = load_world(path)
    say(f"{path}: valid, {len(result.persons)} persons")


@app.command()
def render(
    world_path: Annotated[Path, typer.Option("--world", help="World file from `multipriv world`.")] = Path(
        "world.json"),
    out: Annotated[Path, typer.Option(help="Folder for images/ and annotations.json.")] = Path("rendered"),
    seed: SeedOpt = population.SEED,
    jobs: Annotated[int, typer.Option(min=1, help="Processes to render with.")] = 2,
    faces: Annotated[Path | None, typer.Option(help="Folder of face photos, one sub-folder per identity.")] = None,
    contact_sheet: Annotated[bool, typer.Option("--contact-sheet", help="Also write one sheet per person.")] = False,
) -> None:
    """Draw every person's faces and documents, with pixel-exact ground truth in annotations.json."""

    from multipriv.render.pipeline import render_world
    from multipriv.world.io import load_world

    loaded = load_world(world_path)
    with progress() as bar:
        task = bar.add_task("rendering", total=None)
        annotations = render_world(loaded, out, seed=seed, jobs=jobs, faces_dir=faces,
                                   progress=lambda done, total: bar.update(task, completed=done, total=total))
    say(f"wrote {len(annotations.images)} images and {out / 'annotations.json'}")
    if contact_sheet:
        from multipriv.render.contact_sheet import contact_sheets

        sheets = contact_sheets(out, annotations, out / "contact_sheets")
        say(f"wrote {len(sheets)} contact sheets to {out / 'contact_sheets'}")


@app.command()
def build(
    out: Annotated[Path, typer.Option(help="Folder for the benchmark.")] = Path("multipriv-data"),
    seed: SeedOpt = population.SEED,
    persons: PersonsOpt = population.PERSONS,
    background: BackgroundOpt = population.BACKGROUND,
    zh_share: ZhShareOpt = population.ZH_SHARE,
    lookalike: LookalikeOpt = population.LOOKALIKE_RATE,
    split: Annotated[str | None, typer.Option(help="dev or test: disjoint seeds, never the same persons.")] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Processes to render with.")] = 2,
    faces: Annotated[Path | None, typer.Option(help="Folder of face photos, one sub-folder per identity.")] = None,
) -> None:
    """Build the benchmark: world, images, the nine tasks' items in both languages, manifest and card."""
    from rich.table import Table

    from multipriv.dataset.build import BuildConfig
    from multipriv.pipeline.steps import build_benchmark
    from multipriv.world.generate import WorldConfig

    if split not in (None, "dev", "test"):
        raise MultiPrivError(f"--split must be dev or test, not {split!r}")
    population = WorldConfig(seed=seed, persons=persons, background=background, zh_share=zh_share,
                             lookalike_rate=lookalike)
    config = BuildConfig(population, split=split, jobs=jobs, faces_dir=faces)  # type: ignore[arg-type]
    manifest = build_benchmark(config, out, ConsoleReporter())
    counts = manifest["counts"]
    table = Table(title=Text(f"MultiPriv benchmark in {out} ({manifest['images']} images, {counts['items']} items)"))
    table.add_column("task")
    table.add_column("items", justify="right")
    for task_id, n in counts["by_task"].items():
        table.add_row(Text(str(task_id)), str(n))
    for lang, n in counts["by_lang"].items():
        table.add_row(Text(f"language {lang}"), str(n))
    table.add_row("benign controls", str(counts["controls"]))
    Console().print(table)


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="A folder written by `multipriv build`.")],
    faces: Annotated[bool, typer.Option("--faces", help="Also measure every recorded face with dlib's face "
                                        "recogniser (extra `faces`); writes face_check.json and the card's "
                                        "face section.")] = False,
) -> None:
    """Check a build: checksums, schemas, that images decode and that every gold answer fits the annotations."""
    from multipriv.dataset.validate import validate as check

    if faces:
        from multipriv.dataset.face_embed import FaceRecogniser

        FaceRecogniser()  # a missing extra is one line before the slower checks
    manifest = check(path)
    say(f"{path}: valid ({manifest.get('images')} images, {manifest['counts']['items']} items)")
    if faces:
        from multipriv.dataset.face_report import table
        from multipriv.pipeline.steps import measure_faces

        Console().print(table(measure_faces(path, ConsoleReporter())))


@app.command()
def run(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="Folder for everything the main job writes.")] = Path("multipriv-out"),
    seed: SeedOpt = population.SEED,
    persons: PersonsOpt = population.PERSONS,
    background: BackgroundOpt = population.BACKGROUND,
) -> None:
    """The main job: build the default benchmark and a small dev split (or reuse valid ones), learn the floors'
    priors on the dev split, evaluate the offline baselines (random, constant, blind, oracle, ocr, ocr-rules),
    score them and write the report."""
    from multipriv.dataset.build import BuildConfig
    from multipriv.pipeline import MainJob, run_main_job
    from multipriv.world.generate import WorldConfig

    job = MainJob(out=out, build=BuildConfig(WorldConfig(seed=seed, persons=persons, background=background)))
    result = run_main_job(job, ConsoleReporter())
    summarise(result.summaries)
    say(f"wrote {result.report.html} and {result.report.summary}")
    if result.failed:  # the report shows what was answered; rerunning the main job retries the rest
        say(failed_line(result.summaries, command_line(ctx)))
        raise typer.Exit(EXIT_FAILED)


@app.command("priors")
def priors(
    dev: Annotated[Path, typer.Option(help="A dev split from `multipriv build --split dev`.")] = Path(
        "multipriv-dev"),
    out: Annotated[Path, typer.Option(help="Where to write the priors file.")] = Path("priors.json"),
    min_count: Annotated[int, typer.Option(min=1, help="Dev items a blind key needs before it is used.")] = 5,
) -> None:
    """Learn the floors beside random on a dev split: `constant` (the best single answer per task) and `blind`
    (the best answer given the question, options and language only), for `eval --baselines constant,blind`."""
    from rich.table import Table

    from multipriv.pipeline.steps import learn_priors

    rows = learn_priors(dev, out, min_count).floors
    table = Table(title=Text(f"floors on the dev items of {dev} (in-sample), written to {out}"))
    for col in ("task", "items", "random", "constant", "blind"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(str(r.task), str(r.items), f"{r.random:.3f}", f"{r.constant:.3f}", f"{r.blind:.3f}")
    Console().print(table)
    if unparsed := sum(r.unparsed for r in rows):
        say(f"{unparsed} constant or blind answers were not read by the scorer")


@app.command("eval")
def eval_(
    ctx: typer.Context,
    data: Annotated[Path, typer.Option(help="A build from `multipriv build`.")] = Path("multipriv-data"),
    out: Annotated[Path, typer.Option(help="Run folder: one sub-folder per model.")] = Path("runs"),
    models: Annotated[Path | None, typer.Option(help="YAML or TOML file listing models.")] = None,
    model: Annotated[str | None, typer.Option(help="One model id (with --base-url for an OpenAI-compatible API).")]
    = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1")]
    = None,
    api_key_env: Annotated[str | None, typer.Option(help="Name of the variable holding the API key.")] = None,
    baselines: Annotated[str | None, typer.Option(
        help="Offline baselines, e.g. random,constant,blind,ocr,ocr-rules,oracle.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Requests in flight per model (with --model).")] = 8,
    conditions: Annotated[str, typer.Option(help="plain, protective, adversarial (comma-separated).")] = "plain",
    tasks: Annotated[str | None, typer.Option(help="Only these tasks, e.g. 3,6,7.")] = None,
    lang: Annotated[str | None, typer.Option(help="Only en or zh.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many items.")] = None,
    shard: Annotated[str | None, typer.Option(help="i/n: this machine's share of a split sweep.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue a killed run: only missing answers.")] = False,
    priors_file: Annotated[Path | None, typer.Option("--priors", help="Priors for constant,blind (`multipriv "
                                                     "priors`).")] = None,
    dev_data: Annotated[Path | None, typer.Option(help="Or a dev split to learn them from (into OUT/priors.json).")]
    = None,
) -> None:
    """Send the benchmark's items to models and store every answer (cached, resumable). Exit status 0 when
    every pair was answered, 3 when some failed (the command that retries them is printed), 2 on an error."""
    from multipriv.pipeline import EvalRequest, evaluate

    request = EvalRequest(data=data, out=out, models_file=models, model=model, base_url=base_url,
                          api_key_env=api_key_env, baselines=words(baselines), concurrency=concurrency,
                          conditions=words(conditions), tasks=frozen(int_set(tasks, "tasks")),
                          langs=frozenset({lang}) if lang else None, limit=limit, shard=parse_shard(shard),
                          resume=resume, priors_file=priors_file, dev_data=dev_data)
    summaries = evaluate(request, ConsoleReporter())
    if summarise(summaries):
        say(failed_line(summaries, command_line(ctx, ["--resume"])))
        raise typer.Exit(EXIT_FAILED)


@app.command()
def score(
    run_dir: Annotated[Path, typer.Argument(help="A run folder from `multipriv eval`.")],
    judge: Annotated[str | None, typer.Option(help="Name of a model in --judge-models to judge free-text misses."
                                              )] = None,
    judge_models: Annotated[Path | None, typer.Option(help="Models file holding the judge.")] = None,
    gold: Annotated[Path | None, typer.Option(help="The private build to score against (runs made on a public "
                                              "export); default: the build each run.json names.")] = None,
) -> None:
    """Re-score saved answers without calling any model; writes scores.jsonl next to each results.jsonl.

    With --judge, free-text answers the rules scored wrong go to an LLM judge (pinned prompt, cached calls)."""
    from multipriv.pipeline import find_judge, score_runs

    judge_spec = find_judge(judge, judge_models) if judge else None
    for scored in score_runs(run_dir, gold=gold, judge=judge_spec):
        run, summary = scored.run, scored.judge
        if summary is not None:
            say(f"{run.model}: judge saw {summary.judged} of {summary.total} answers "
                f"({summary.deterministic_share:.1%} decided by rules), turned {summary.overturned} right; "
                f"labelled {summary.refusal_judged} refusals the rules were unsure of, "
                f"changed {summary.refusal_changed}")
        say(f"{run.model}: {len(run.scores)} scored ({scored.correct} correct), {run.failed} without an answer")


@app.command()
def export(
    data: Annotated[Path, typer.Argument(help="A folder written by `multipriv build`.")],
    fmt: Annotated[str, typer.Option("--format", help="hf, inspect, lmms-eval or vlmevalkit.")],
    out: Annotated[Path, typer.Option(help="A new (or empty) folder for the export.")],
    public: Annotated[bool, typer.Option("--public", help="Questions and images only: no gold, hashes or "
                                         "scoring metadata (score answers with `multipriv score --gold`).")] = False,
) -> None:
    """Write a build in the layout of a harness people already run (Hugging Face datasets, inspect_ai,
    lmms-eval, VLMEvalKit); its scoring calls MultiPriv's scorer, so the numbers are `multipriv score`'s."""
    from multipriv.export.cli import run_export

    summary = run_export(data, fmt, out, public=public)
    say(f"wrote {summary.items} items and {summary.images} images as {summary.format}"
        f"{' (public)' if public else ''} to {out}; open {', '.join(str(f) for f in summary.files)}")


@app.command()
def report(
    run_dirs: Annotated[list[Path], typer.Argument(help="Run folders from `multipriv eval` (one or many).")],
    out: Annotated[Path, typer.Option(help="Folder for report.html, summary.md and tables/.")] = Path("report"),
) -> None:
    """Turn runs into findings: leaderboard, perception vs reasoning, alignment, language, risk ranking."""
    from multipriv.pipeline.steps import make_report

    paths = make_report(run_dirs, out)
    say(f"wrote {paths.html} and {paths.summary}")


@app.command("import-results")
def import_results(
    kind: Annotated[str, typer.Argument(help="inspect (a log), lmms-eval (a samples .jsonl) or vlmevalkit (a "
                                        "prediction .xlsx/.tsv).")],
    file: Annotated[Path, typer.Argument(help="The harness's output file.")],
    data: Annotated[Path, typer.Option(help="The build the harness's export was made from.")],
    out: Annotated[Path, typer.Option(help="Run folder to write, e.g. runs/MODEL.")],
    model: Annotated[str | None, typer.Option(help="Model name in reports (default: as the file names it).")]
    = None,
    condition: Annotated[str, typer.Option(help="Condition of replies whose file does not say.")] = "plain",
) -> None:
    """Bring replies from inspect_ai, lmms-eval or VLMEvalKit back as a run folder for `score` and `report`."""
    from multipriv.export.import_results import import_results as read_back

    summary = read_back(kind, file, data, out, model=model, condition=condition)
    say(f"{summary.model}: {summary.answered} replies, {summary.failed} without a reply -> {summary.out}; "
        f"next: multipriv score {summary.out}")


@app.command("serve-baseline")
def serve_baseline(
    name: Annotated[str, typer.Argument(help="random, constant, blind, oracle, ocr or ocr-rules.")],
    data: Annotated[Path, typer.Option(help="The build whose items the server answers.")] = Path("multipriv-data"),
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    priors_file: Annotated[Path | None, typer.Option("--priors", help="Priors for constant and blind (`multipriv "
                                                     "priors`).")] = None,
) -> None:
    """Expose an offline baseline as an OpenAI-compatible server (POST /v1/chat/completions)."""
    from multipriv.baselines.serve import serve_baseline_command

    serve_baseline_command(name, data, port, host, priors_file)


@app.command()
def refusal(path: Annotated[Path, typer.Argument(help="JSONL with a `text` field per line (any model's outputs).")]
            ) -> None:
    """Label each response refuse / partial / comply (bilingual rules) and print one label per line."""
    from multipriv.score.refusal_cli import label_jsonl

    for label in label_jsonl(path):
        typer.echo(label)


def words(text: str | None) -> tuple[str, ...]:
    """`a, b,c` as ("a", "b", "c")."""
    return tuple(w.strip() for w in (text or "").split(",") if w.strip())


def frozen(numbers: set[int] | None) -> frozenset[int] | None:
    return frozenset(numbers) if numbers else None


def main() -> None:
    show_warnings()
    try:
        app()
    except MultiPrivError as exc:
        fail(str(exc))
        sys.exit(EXIT_ERROR)
    except ModuleNotFoundError as exc:
        top = (exc.name or "").split(".")[0]
        extra = {"torch": "local", "transformers": "local", "anthropic": "anthropic", "pyarrow": "export",
                 "datasets": "export"}.get(top)
        hint = f'pip install -e ".[{extra}]"' if extra else "pip install -e ."
        fail(f"the package {exc.name!r} is missing; install it with: {hint}")
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
