"""The pipeline: the main job and the flows that chain stages (build, priors, evaluate, score with a judge,
report), as functions a program can call. `cli.py` only parses options and prints what these return; progress
and messages come through a `Reporter`."""

from multipriv.pipeline.evaluation import EvalRequest, evaluate
from multipriv.pipeline.main_job import MainJob, MainJobResult, run_main_job
from multipriv.pipeline.reporter import QUIET, Reporter, Tick
from multipriv.pipeline.scoring import ScoredFolder, find_judge, score_runs

__all__ = ["QUIET", "EvalRequest", "MainJob", "MainJobResult", "Reporter", "ScoredFolder", "Tick", "evaluate",
           "find_judge", "run_main_job", "score_runs"]
