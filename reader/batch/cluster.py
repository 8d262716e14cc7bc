"""Extraction on a Dask cluster: the same tasks as the local pool (``batch.workers``), sent to Dask's
distributed scheduler. ``tcp://HOST:PORT`` uses a running cluster (``dask scheduler`` and
``dask worker``); ``local:N`` starts one of N worker processes on this machine, on loopback only.

Each worker process loads the model once, on its first task. A bounded window of tasks is in flight,
so an archive of millions of paths never sits in the scheduler at once. A worker that dies has its
tasks run again elsewhere by the scheduler; Ctrl-C cancels what is queued and closes the client.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any, TypeVar
from uuid import uuid4

from reader.batch.workers import Runner, task
from reader.model import UserError

log = logging.getLogger(__name__)
T = TypeVar("T")
IN_FLIGHT_PER_WORKER = 3  # tasks per worker thread in flight


def _local_size(address: str) -> int:
    try:
        n = int(address.split(":", 1)[1])
    except (IndexError, ValueError):
        n = 0
    if n < 1:
        raise UserError(f"--dask {address}: say how many local workers, e.g. local:4")
    return n


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def each(fn: Callable[..., T], chunk: list[Any]) -> list[T]:
    return [fn(item) for item in chunk]


# How a local cluster's workers are set up: no sampling profiler in each worker (it costs the analysis
# a tenth of its speed), and no MALLOC_TRIM_THRESHOLD_ (fixing it turns off glibc's adaptive mmap
# threshold, and spaCy's large arrays then cost a page fault storm: 15% of the time in the kernel).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


class DaskRunner(Runner):
    chunk = 4  # articles per task: the scheduler's round trip is paid once per four

    def __init__(self, model: str | None, address: str) -> None:
        super().__init__(model, 1)
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UserError("--dask needs the team extra: pip install 'quote-reader[team]'") from exc
        self.address = address
        self.cluster: Any = None
        try:
            if address.startswith("local:"):
                before = os.environ.get("MALLOC_TRIM_THRESHOLD_")
                with warnings.catch_warnings(), dask.config.set(LOCAL_CONFIG):
                    # its status page takes another port when 8787 is busy
                    warnings.filterwarnings("ignore", message="Port .* is already in use")
                    self.cluster = LocalCluster(n_workers=_local_size(address), threads_per_worker=1,
                                                processes=True, host="127.0.0.1", dashboard_address=None,
                                                silence_logs=logging.CRITICAL)
                if before is None:  # the nanny sets its workers' variables in this process too
                    os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)
                self.client: Any = Client(self.cluster)
            else:
                self.client = Client(address, timeout="15s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise UserError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        log.info("Dask cluster %s: %d workers", address, self.workers())

    def workers(self) -> int:
        return sum(self.client.nthreads().values()) or 1

    def map(self, fn: Callable[..., T], items: Iterable[Any], ordered: bool = True) -> Iterator[T]:
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        workers = self.workers()
        size = self.chunk
        if isinstance(items, Sized):  # a short run: smaller tasks, so that no worker waits at the end
            size = max(1, min(self.chunk, len(items) // (workers * 8)))
        todo = iter(enumerate(_chunks(items, size)))
        window = IN_FLIGHT_PER_WORKER * workers
        index: dict[Any, int] = {}
        running = as_completed()

        def submit(count: int) -> None:
            for _ in range(count):
                nxt = next(todo, None)
                if nxt is None:
                    return
                n, chunk = nxt
                future = self.client.submit(task, each, self.model, fn, chunk, pure=False,
                                            key=f"quote-reader-{n}-{uuid4().hex}")
                index[future.key] = n
                running.add(future)

        done: dict[int, list[T]] = {}
        wanted = 0
        submit(window)
        try:
            for future in running:
                n = index.pop(future.key)
                try:
                    result: list[T] = future.result()
                except KilledWorker as exc:
                    raise UserError(f"the cluster lost every worker that tried one article ({exc}); "
                                    f"check the workers' memory") from exc
                future.release()
                submit(1)
                if not ordered:
                    yield from result
                    continue
                done[n] = result
                while wanted in done:
                    yield from done.pop(wanted)
                    wanted += 1
        finally:
            for future in list(running.futures):
                future.cancel()

    def close(self) -> None:
        client, self.client = getattr(self, "client", None), None
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
