"""Drawing ``graph.html`` in a forked process while the build goes on.

With worker processes allowed (``--jobs`` > 1), ``build`` forks a child that
renders the view of the finished dataset into a temporary file while the parent
validates the graph and writes ``graph.trig``. The child inherits the dataset
through ``fork`` (nothing is pickled). Only when the build succeeds does the
parent move the file into place, so a failed build leaves the previous
``graph.html`` untouched, as a build without the child does.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from pathlib import Path
from typing import Any

from historygraph.errors import HistorygraphError

#: Below this many quads the view takes milliseconds; forking would cost more.
FORK_VIEW_MIN_QUADS = 20_000


def can_fork() -> bool:
    """Whether this platform can fork worker processes."""
    return "fork" in multiprocessing.get_all_start_methods()


class ForkedView:
    """``render_view(quads, ontology, output, title=title)`` running in a forked child."""

    def __init__(self, quads: Any, ontology: Any, output: Path, title: str) -> None:
        from historygraph.view import render_view  # imported before the fork

        self.output = Path(output)
        self.partial = self.output.with_name(f".{self.output.name}.{os.getpid()}.view")
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        reader = self._reader

        def child() -> None:
            reader.close()
            try:
                render_view(quads, ontology, self.partial, title=title)
                writer.send(("ok", ""))
            except HistorygraphError as e:
                writer.send(("error", str(e)))
            except BaseException:
                writer.send(("bug", traceback.format_exc()))
            finally:
                writer.close()

        self._process = context.Process(target=child, name="historygraph-view", daemon=True)
        self._process.start()
        writer.close()

    def finish(self) -> None:
        """Wait for the child and move its page into place.

        Raises:
            HistorygraphError: the view could not be drawn (nothing is moved).
        """
        try:
            status, detail = self._reader.recv()
        except EOFError:
            status, detail = "bug", f"the view process ended (exit status {self._process.exitcode})"
        finally:
            self._process.join()
            self._reader.close()
        if status != "ok":
            self.partial.unlink(missing_ok=True)
            if status == "error":
                raise HistorygraphError(detail)
            raise RuntimeError(f"drawing {self.output} failed:\n{detail}")
        self.partial.replace(self.output)

    def cancel(self) -> None:
        """Stop the child (if running) and delete its partial page."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._reader.close()
        self.partial.unlink(missing_ok=True)
        for leftover in self.partial.parent.glob(f".{self.partial.name}.*.tmp"):
            leftover.unlink(missing_ok=True)  # the atomic write the kill interrupted
