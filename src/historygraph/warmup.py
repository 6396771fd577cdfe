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

import gc
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from historygraph.errors import OntologyError
from historygraph.ontology import Ontology, load_ontology, ontology_digest, ontology_files

#: The GIL switch interval while the ontology thread runs (Python's default is 5 ms).
SWITCH_INTERVAL = 0.0002


def prepare(ontology: Ontology) -> Ontology:
    """Compile now everything a build derives from ``ontology`` (each is kept with it)."""
    from historygraph.stages.figures import first_words
    from historygraph.stages.mentions import head_phrase_anchors
    from historygraph.stages.names import capital_demonyms, gazetteer_index, nationality_words
    from historygraph.stages.triggers import trigger_index
    from historygraph.validate import prepared_shapes
    from historygraph.view import warm_up

    ontology.lexicon  # noqa: B018 - compiled and kept
    gazetteer_index(ontology)
    nationality_words(ontology)
    capital_demonyms(ontology)
    head_phrase_anchors(ontology)
    trigger_index(ontology)
    first_words(ontology)
    prepared_shapes(ontology)
    warm_up(ontology.graph)
    return ontology


class PendingOntology:
    """An ontology being loaded and prepared in a daemon thread.

    ``digest`` is known at once (it names the ontology in cache keys);
    :meth:`result` waits for the ontology itself.
    """

    def __init__(
        self, dirs: Iterable[Path], cache_dir: Path | None = None, *, freeze: bool = False
    ) -> None:
        """Hash the files now (a missing folder or unreadable file fails here), then load in a thread.

        With ``freeze``, the thread ends with :func:`gc.freeze` (unless something
        else in the process already froze objects; :attr:`froze` tells): the
        ontology's ~50,000 objects, like everything else alive then, are left out
        of the cyclic garbage collector's scans until the caller calls
        :meth:`unfreeze` (a build does at its end). They live as long as the build
        anyway; unfrozen, the collector would scan them twice as they age.

        Raises:
            OntologyError: a folder is missing or a file cannot be read.
        """
        self.dirs = tuple(Path(d) for d in dirs)
        self.digest = ontology_digest(ontology_files(self.dirs))
        self._cache_dir = cache_dir
        self._freeze = freeze
        #: whether this load called gc.freeze() (and :meth:`unfreeze` will undo it)
        self.froze = False
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

        # While both threads run, the interpreter hands the GIL over every 0.2 ms instead
        # of every 5 ms, so spaCy gets it back soon after each GIL-free stretch (matrix
        # products, the parser's C loops): 16-20 ms of the ~28 ms here hidden, not 12.
        previous = sys.getswitchinterval()
        sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
        try:
            with gc_paused():  # parsing or unpickling makes many acyclic objects
                self._ontology = prepare(load_ontology(self.dirs, cache_dir=self._cache_dir))
                if self._freeze and gc.get_freeze_count() == 0:
                    gc.freeze()
                    self.froze = True
        except BaseException as e:  # handed to the thread that calls result()
            self._error = e
        finally:
            sys.setswitchinterval(previous)

    def unfreeze(self) -> None:
        """Undo this load's :func:`gc.freeze` (after waiting for the thread); safe to call twice."""
        self._thread.join()
        if self.froze:
            gc.unfreeze()
            self.froze = False

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
