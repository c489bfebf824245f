"""The linkage graph: who is linked to what, and so to whom.

Nodes are persons and attribute values; a value node shared by two persons (one employer, one home address)
is exactly the kind of link a model can follow to join records. Later stages add document nodes that show
values, so chained questions are paths in this graph and every hop is checkable.
"""

from __future__ import annotations

import networkx as nx

from multipriv.world.schema import World
from multipriv.world.taxonomy import BY_ID
from multipriv.world.values import values


def person_node(person_id: str) -> str:
    return f"person:{person_id}"


def value_node(attr_id: str, value_en: str) -> str:
    return f"value:{attr_id}:{value_en}"


def build_graph(world: World) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for person in world.persons:
        graph.add_node(person_node(person.id), kind="person", tier=person.tier, locale=person.locale)
    for person in world.persons:
        p_node = person_node(person.id)
        for attr_id, text in values(person).items():
            if attr_id == "relations":
                continue  # relations are person-to-person edges below
            v_node = value_node(attr_id, text.en)
            if v_node not in graph:
                graph.add_node(v_node, kind="value", attribute=attr_id, category=BY_ID[attr_id].category.value,
                               en=text.en, zh=text.zh)
            graph.add_edge(p_node, v_node, key=attr_id, kind="has")
            graph.add_edge(v_node, p_node, key=attr_id, kind="identifies")
        for rel in person.relations:
            graph.add_edge(p_node, person_node(rel.person_id), key=rel.kind, kind="relation")
        if person.lookalike:
            graph.add_edge(p_node, person_node(person.lookalike.of), key="lookalike", kind="lookalike",
                           shared=",".join(person.lookalike.shared))
    return graph


def shared_values(graph: nx.MultiDiGraph, a: str, b: str) -> set[str]:
    """Attribute ids whose value two persons share: the links that join their records."""
    a_vals = {v for _, v, d in graph.out_edges(person_node(a), data=True) if d["kind"] == "has"}
    b_vals = {v for _, v, d in graph.out_edges(person_node(b), data=True) if d["kind"] == "has"}
    return {graph.nodes[v]["attribute"] for v in a_vals & b_vals}
