"""Loading and compiling the ontology in a thread while spaCy parses the first documents.

Every build reads the ontology and compiles from it the lexicon, the
gazetteer's alias index, the event-trigger index and the SHACL shapes: about
25 ms of Python on this project's ontology, before the first document can be
annotated. None of it is needed to *parse* a document, and spaCy spends much
of its parse in numpy and Cython code that releases the GIL, so a
:class:`PendingOntology` does that work in a thread while the main thread
parses. The first stage that reads ``ctx.ontology``
(:class:`~historygraph.pipeline.Context`) waits for it.

The result is exactly what :func:`~historygraph.ontology.load_ontology`
followed by :func:`prepare` gives in the calling thread; an error (bad
Turtle) is raised, unchanged, by :meth:`PendingOntology.result`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path

from historygraph.errors import OntologyError
from historygraph.ontology import Ontology, load_ontology, ontology_digest, ontology_files


def prepare(ontology: Ontology) -> Ontology:
    """Compile now everything a build derives from ``ontology`` (each is kept with it)."""
    from historygraph.stages.entities import gazetteer_index, nationality_words
    from historygraph.stages.events import trigger_index
    from historygraph.validate import prepared_shapes
    from historygraph.view import warm_up

    ontology.lexicon  # noqa: B018 - compiled and kept
    gazetteer_index(ontology)
    nationality_words(ontology)
    trigger_index(ontology)
    prepared_shapes(ontology)
    warm_up(ontology.graph)
    return ontology


class PendingOntology:
    """An ontology being loaded and prepared in a daemon thread.

    ``digest`` is known at once (it names the ontology in cache keys);
    :meth:`result` waits for the ontology itself.
    """

    def __init__(self, dirs: Iterable[Path], cache_dir: Path | None = None) -> None:
        """Hash the files now (a missing folder or unreadable file fails here), then load in a thread.

        Raises:
            OntologyError: a folder is missing or a file cannot be read.
        """
        self.dirs = tuple(Path(d) for d in dirs)
        self.digest = ontology_digest(ontology_files(self.dirs))
        self._cache_dir = cache_dir
        self._ontology: Ontology | None = None
        #: seconds callers of :meth:`result` spent waiting for the thread
        self.waited = 0.0
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._load, name="historygraph-ontology", daemon=True
        )
        self._thread.start()

    def _load(self) -> None:
        from historygraph.build import gc_paused

        try:
            with gc_paused():  # parsing or unpickling makes many acyclic objects
                self._ontology = prepare(load_ontology(self.dirs, cache_dir=self._cache_dir))
        except BaseException as e:  # handed to the thread that calls result()
            self._error = e

    def done(self) -> bool:
        """Whether loading has finished (successfully or not)."""
        return not self._thread.is_alive()

    def result(self) -> Ontology:
        """Wait for the ontology; raise what loading raised.

        Raises:
            OntologyError: a file does not parse, or the files changed while loading.
        """
        if self._thread.is_alive():
            t0 = time.perf_counter()
            self._thread.join()
            self.waited += time.perf_counter() - t0
        if self._error is not None:
            raise self._error
        assert self._ontology is not None
        if self._ontology.digest != self.digest:
            raise OntologyError(
                f"{', '.join(map(str, self.dirs))}: the ontology changed during the build; build again"
            )
        return self._ontology
