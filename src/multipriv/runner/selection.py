"""Which items a run sends: filters, order, limit and shard, and a one-line reason when nothing is left."""

from __future__ import annotations

from collections.abc import Sequence

from multipriv.errors import MultiPrivError
from multipriv.tasks.schema import Item


def select_items(items: Sequence[Item], *, tasks: set[int] | None = None, langs: set[str] | None = None,
                 limit: int | None = None, shard: tuple[int, int] | None = None) -> list[Item]:
    """Filter, sort by id, cut to `limit`, then keep shard i of n: deterministic, disjoint, covering."""
    chosen = sorted((it for it in items if (tasks is None or it.task in tasks) and (langs is None or it.lang in langs)),
                    key=lambda it: it.id)
    if limit is not None:
        chosen = chosen[:max(limit, 0)]
    if shard is not None:
        index, count = shard
        if count < 1 or not 0 <= index < count:
            raise MultiPrivError(f"bad shard {index}/{count}: need 0 <= i < n")
        chosen = chosen[index::count]
    return chosen


def nothing_selected(items: Sequence[Item], where: str, *, tasks: set[int] | None = None,
                     langs: set[str] | None = None, limit: int | None = None,
                     shard: tuple[int, int] | None = None) -> MultiPrivError:
    """Why a selection is empty, naming the filter that emptied it and what the build has instead."""
    if not items:
        return MultiPrivError(f"{where}: the build has no items")
    why = []
    if tasks is not None and not any(it.task in tasks for it in items):
        have = ",".join(str(t) for t in sorted({it.task for it in items}))
        why.append(f"--tasks {','.join(str(t) for t in sorted(tasks))} matches none (the build has tasks {have})")
    if langs is not None and not any(it.lang in langs for it in items):
        have = ", ".join(sorted({it.lang for it in items}))
        why.append(f"--lang {', '.join(sorted(langs))} matches none (the build has {have})")
    if not why and tasks is not None and langs is not None:
        why.append("no item has both the chosen task and language")
    if not why and limit is not None and limit < 1:
        why.append(f"--limit {limit}")
    if not why and shard is not None:
        why.append(f"shard {shard[0]}/{shard[1]} of this selection is empty (fewer items than shards)")
    return MultiPrivError(f"{where}: no items selected: " + "; ".join(why or ["the filters match none"]))
