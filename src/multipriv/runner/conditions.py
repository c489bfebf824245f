"""Prompt conditions: one record each, read by the runner (how a request is shaped), analysis (the role a
condition plays in the alignment rule) and the report (order, colour, marker).

A new condition is one `register_condition(ConditionSpec(...))` plus its text under `[conditions]` in both
template files (tasks/templates/*.toml), or in the record's own `texts` (as a registered task may bring its own
templates); nothing else names conditions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from multipriv.errors import MultiPrivError

Shape = Literal["none", "system", "prefix"]  # no change; the text as system prompt; the text before the prompt
Role = Literal["reference", "protection", "attack", "other"]  # in the alignment analysis


@dataclass(frozen=True)
class ConditionSpec:
    name: str
    order: int  # sort key in tables and plots
    shape: Shape
    colour: str  # plot colour
    marker: str  # matplotlib marker
    role: Role = "other"
    texts: tuple[str, str] | None = None  # (en, zh) text used when the templates have none under its name

    @property
    def template_key(self) -> str | None:
        """The key of the condition's text under `[conditions]` in the templates (None: it adds no text)."""
        return None if self.shape == "none" else self.name


REGISTRY: dict[str, ConditionSpec] = {}


def register_condition(spec: ConditionSpec) -> ConditionSpec:
    if spec.name in REGISTRY:
        raise ValueError(f"condition {spec.name!r} registered twice")
    REGISTRY[spec.name] = spec
    return spec


def unregister_condition(name: str) -> None:
    """For tests that add a condition for their own duration."""
    REGISTRY.pop(name, None)


register_condition(ConditionSpec("plain", 0, "none", "#5b7aa6", "o", "reference"))
register_condition(ConditionSpec("protective", 1, "system", "#3f9a5b", "s", "protection"))
register_condition(ConditionSpec("adversarial", 2, "prefix", "#c8513d", "^", "attack"))


def condition_names() -> tuple[str, ...]:
    """Every registered condition, in display order."""
    return tuple(s.name for s in sorted(REGISTRY.values(), key=lambda s: (s.order, s.name)))


def get_condition(name: str) -> ConditionSpec:
    try:
        return REGISTRY[name]
    except KeyError:
        raise MultiPrivError(f"unknown condition {name!r}; choose from {', '.join(condition_names())}") from None


def by_role(role: Role) -> str:
    """The (first) condition playing `role` in the alignment analysis."""
    for name in condition_names():
        if REGISTRY[name].role == role:
            return name
    raise MultiPrivError(f"no condition has the role {role!r}")


def sort_conditions(names: list[str]) -> list[str]:
    """Registered conditions first, in display order; unknown names (old runs) after them, by name."""
    known = condition_names()
    return [c for c in known if c in names] + sorted(c for c in set(names) if c not in known)
