"""The demo command: a new workspace holding the demo scenario, with users of each role."""

from __future__ import annotations

from forensiclog.cli.runner import Invocation, Output


def demo(run: Invocation) -> Output:
    from forensiclog.services.demo import build_demo

    result = build_demo(run.workspace_path)
    users = [{"name": u.name, "role": u.role, "password": u.password} for u in result.users]
    data = {"workspace": str(result.workspace), "users": users, "exchanges": list(result.exchanges)}
    lines = [f"demo workspace created at {result.workspace}"]
    lines += [f"  {u.name} ({u.role}), password {u.password}" for u in result.users]
    lines.append(f"exchange: {', '.join(result.exchanges)}")
    return Output(data, "\n".join(lines))
