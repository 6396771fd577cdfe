"""Progress display for long builds (rich), on stderr, only where it helps."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from historygraph.extract import Progress


@contextmanager
def progress_reporter(enabled: bool = True) -> Iterator[Progress | None]:
    """A ``progress(done, total, name)`` callback drawing a rich progress bar.

    The bar appears for multi-document builds on a terminal; otherwise a line
    is printed every 10% (or nothing when ``enabled`` is false).
    """
    if not enabled:
        yield None
        return
    if sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as RichProgress,
        )

        with RichProgress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("", total=None)

            def update(done: int, total: int, name: str) -> None:
                if total > 1:
                    bar.update(task, completed=done, total=total, description=name)

            yield update
        return
    last = [-1]

    def lines(done: int, total: int, name: str) -> None:
        step = max(1, total // 10)
        if done == total or done // step != last[0]:
            last[0] = done // step
            print(f"[{done}/{total}] {name}", file=sys.stderr)

    yield lines
