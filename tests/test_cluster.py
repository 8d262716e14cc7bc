"""Extraction on a real Dask cluster (distributed.LocalCluster, two worker processes, loopback only):
the same results as the local pool, workers writing to a shared PostgreSQL library, a worker killed
mid-run, Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reader import service
from reader.batch import FileResult, runner
from reader.batch.workers import _load_and_analyse, loads
from reader.library import Library
from tests.support import corpus
from tests.support.dump import dump

distributed = pytest.importorskip("distributed", reason="the team extra (dask[distributed]) is not installed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    """An existing cluster, as `dask scheduler` + `dask worker` would give: reached by its address."""
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive")
    corpus.write(path, 16)
    (path / "broken.docx").write_bytes(b"not a zip at all")
    return path


def test_import_on_a_cluster_is_the_same_library_as_with_jobs(tmp_path, folder, cluster):
    with_jobs, with_dask = Library(tmp_path / "jobs.sqlite3"), Library(tmp_path / "dask.sqlite3")
    a = service.import_paths([folder], with_jobs, jobs=2)
    b = service.import_paths([folder], with_dask, dask=cluster.scheduler_address)
    assert (a.added, a.failed) == (b.added, b.failed) == (16, 1)
    assert dump(with_jobs) == dump(with_dask)  # ids and all: the client writes in input order


def test_workers_write_straight_to_a_server_library(tmp_path, folder, pg_url, cluster):
    server = Library(pg_url)
    local = Library(tmp_path / "jobs.sqlite3")
    progress: list[int] = []
    summary = service.import_paths([folder], server, dask=cluster.scheduler_address,
                                   progress=lambda done, total, name: progress.append(done))
    assert (summary.added, summary.skipped, summary.failed) == (16, 0, 1)
    assert progress[-1] == 17 and progress == sorted(progress)
    service.import_paths([folder], local, jobs=2)
    a, b = dump(server, ids=False), dump(local, ids=False)
    assert [x for x in a if x not in b] == [x for x in b if x not in a]
    again = service.import_paths([folder], server, dask=cluster.scheduler_address)
    assert (again.added, again.skipped) == (0, 16)
    assert server.check() == []


def test_each_worker_loads_the_model_once(folder, cluster):
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    with runner(None, dask=cluster.scheduler_address) as work:
        results = list(work.map(_load_and_analyse, paths))
        per_worker = work.client.run(loads)
    assert [r.path for r in results] == paths and all(r.analysis for r in results)
    assert sorted(per_worker.values()) == [1, 1]


def test_a_worker_killed_mid_run_has_its_articles_done_elsewhere(folder):
    paths = sorted(str(p) for p in folder.glob("*.txt")) * 2
    results: list[FileResult] = []
    with runner(None, dask="local:2") as work:
        pids = work.client.run(os.getpid)
        for n, result in enumerate(work.map(_load_and_analyse, paths)):
            results.append(result)
            if n == 2:
                os.kill(next(iter(pids.values())), signal.SIGKILL)
    assert [r.path for r in results] == paths
    assert all(r.analysis is not None for r in results)


def test_extract_json_lines_on_a_cluster(tmp_path, cluster):
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for n in range(6):
            f.write(json.dumps({"id": f"r{n}", "text": corpus.article(n)}) + "\n")
    outs = []
    for how in (["--jobs", "1"], ["--dask", cluster.scheduler_address]):
        out = tmp_path / f"out{len(outs)}.jsonl"
        subprocess.run([sys.executable, "-m", "reader", "extract", "--input-jsonl", str(source), "-o", str(out),
                        *how], check=True, timeout=300)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert [json.loads(line)["id"] for line in outs[0].splitlines()] == [f"r{n}" for n in range(6)]


def articles_in(db) -> int:
    """Articles in a library another process is writing: a plain read that waits out the writer's lock
    (0 while it has not made its tables yet). Opening a whole Library per poll was slow enough, and failed
    often enough under a writer, that a fast import finished between two polls."""
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_ctrl_c_stops_a_cluster_import_cleanly_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "many"
    corpus.write(folder, 150, parts=6)  # news-length: the import is still running when Ctrl+C comes
    db = tmp_path / "lib.sqlite3"
    cmd = [sys.executable, "-m", "reader", "import", str(folder), "--db", str(db), "--dask", "local:2"]
    # a shell without job control starts background jobs with Ctrl+C ignored, and Python then keeps it
    # ignored: give the import the terminal's default, as a user's shell does
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:  # wait until articles are being stored
        time.sleep(0.5)
        if articles_in(db) >= 3:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "run the import again to finish" in err
    library = Library(db)
    stored = library.counts()["articles"]
    assert 3 <= stored < 150 and library.check() == []
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "already in the library" in rerun.stderr
    assert Library(db).counts()["articles"] == 150
