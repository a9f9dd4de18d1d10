"""Checks on the broader/narrower hierarchy, shared by imports and broker edits."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def find_cycle(broader: Mapping[Node, Iterable[Node]]) -> list[Node] | None:
    """Return one cycle in a broader relation (as a path that ends where it starts), or None.

    `broader` maps each concept to the concepts it is narrower than. Iterative depth-first
    search, so that deep thesauri do not hit Python's recursion limit.
    """
    white, grey, black = 0, 1, 2
    colour: dict[Node, int] = {}
    for start in broader:
        if colour.get(start, white) != white:
            continue
        stack: list[tuple[Node, list[Node]]] = [(start, list(broader.get(start, ())))]
        path: list[Node] = [start]
        colour[start] = grey
        while stack:
            node, pending = stack[-1]
            if not pending:
                colour[node] = black
                stack.pop()
                path.pop()
                continue
            nxt = pending.pop()
            state = colour.get(nxt, white)
            if state == grey:
                return [*path[path.index(nxt) :], nxt]
            if state == white:
                colour[nxt] = grey
                path.append(nxt)
                stack.append((nxt, list(broader.get(nxt, ()))))
    return None
