"""Extraction on a Dask cluster: the same tasks as the local pool (``batch.workers``), sent to Dask's
distributed scheduler. ``tcp://HOST:PORT`` uses a running cluster (``dask scheduler`` and
``dask worker``); ``local:N`` starts one of N worker processes on this machine, on loopback only.

Each worker process loads the model once, on its first task. A bounded window of tasks is in flight,
so an archive of millions of paths never sits in the scheduler at once. A worker that dies has its
tasks run again elsewhere by the scheduler; Ctrl-C cancels what is queued and closes the client.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from reader.batch.workers import Runner, task
from reader.model import UserError

log = logging.getLogger(__name__)
T = TypeVar("T")
IN_FLIGHT_PER_WORKER = 4


def _local_size(address: str) -> int:
    try:
        n = int(address.split(":", 1)[1])
    except (IndexError, ValueError):
        n = 0
    if n < 1:
        raise UserError(f"--dask {address}: say how many local workers, e.g. local:4")
    return n


class DaskRunner(Runner):
    def __init__(self, model: str | None, address: str) -> None:
        super().__init__(model, 1)
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UserError("--dask needs the team extra: pip install 'quote-reader[team]'") from exc
        self.address = address
        self.cluster: Any = None
        try:
            if address.startswith("local:"):
                with warnings.catch_warnings():  # its status page takes another port when 8787 is busy
                    warnings.filterwarnings("ignore", message="Port .* is already in use")
                    self.cluster = LocalCluster(n_workers=_local_size(address), threads_per_worker=1,
                                                processes=True, host="127.0.0.1", dashboard_address=None,
                                                silence_logs=logging.ERROR)
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

        todo = iter(enumerate(items))
        window = IN_FLIGHT_PER_WORKER * self.workers()
        index: dict[Any, int] = {}
        running = as_completed()

        def submit(count: int) -> None:
            for _ in range(count):
                nxt = next(todo, None)
                if nxt is None:
                    return
                n, item = nxt
                future = self.client.submit(task, fn, self.model, item, pure=False)
                index[future.key] = n
                running.add(future)

        done: dict[int, T] = {}
        wanted = 0
        submit(window)
        try:
            for future in running:
                n = index.pop(future.key)
                try:
                    result = future.result()
                except KilledWorker as exc:
                    raise UserError(f"the cluster lost every worker that tried one article ({exc}); "
                                    f"check the workers' memory") from exc
                future.release()
                submit(1)
                if not ordered:
                    yield result
                    continue
                done[n] = result
                while wanted in done:
                    yield done.pop(wanted)
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
