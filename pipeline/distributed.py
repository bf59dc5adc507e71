"""Annotate a corpus on a Dask distributed cluster: each worker loads the pipeline once (a worker
plugin), documents are sent in chunks, and records come back to the same outputs as a local run."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from distributed.diagnostics.plugin import WorkerPlugin

from .annotate import OutputFolder, RunSummary, annotate_speech, meta_for, split_error
from .errors import XiuciError
from .io.readers import iter_speeches, read_speech

PLUGIN = "xiuci-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Dask worker plugin: load the xiuci pipeline once when the worker starts."""

    name = PLUGIN

    def __init__(self, model: Optional[str], segmenter: Optional[str]):
        self.model = model
        self.segmenter = segmenter

    def setup(self, worker):
        from . import load

        worker.xiuci_nlp = load(self.model, segmenter=self.segmenter)

    def teardown(self, worker):
        worker.xiuci_nlp = None


def annotate_chunk(paths: list[str], meta: dict) -> list[dict]:
    """Worker task: read and annotate files; a record, or {"error": (path, reason)} per file."""
    from distributed import get_worker

    nlp = get_worker().xiuci_nlp
    results = []
    for path in paths:
        try:
            speech = read_speech(path)
        except XiuciError as e:
            results.append({"error": split_error(e)})
            continue
        results.append(annotate_speech(nlp, speech, meta_for(meta, speech)))
    return results


def connect(address: str):
    """A Client for `host:port` / `tcp://…`, or a new LocalCluster for `local:N`."""
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            workers = int(address.split(":", 1)[1])
        except ValueError:
            raise XiuciError(f"--dask {address}: expected local:N with N the number of workers") from None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="20s"), None
    except OSError as e:
        raise XiuciError(f"cannot reach the Dask scheduler at {address} ({e})") from None


def run_dask(files: list[str], out: str | Path, address: str, *, model=None, segmenter=None, meta: Optional[dict] = None,
             html: bool = True, chunk: int = 4, progress=None) -> RunSummary:
    """`xiuci annotate --dask ADDRESS`: same outputs and resume behaviour as a local run."""
    from distributed import as_completed

    if "-" in files:
        raise XiuciError("stdin (-) cannot be sent to Dask workers: save it to a file first")
    folder = OutputFolder(out, html)
    todo = []
    for item in iter_speeches(files):  # read here only to skip what is done; workers read again
        if isinstance(item, XiuciError):
            folder.error(*split_error(item))
        elif not folder.is_done(item):
            todo.append(item.source)
    client, cluster = connect(address)
    try:
        client.register_plugin(PipelinePlugin(str(model) if model else None, segmenter), name=PLUGIN)
        chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        futures = [client.submit(annotate_chunk, c, meta or {}, pure=False) for c in chunks]
        for future in as_completed(futures):
            for result in future.result():
                if "error" in result:
                    folder.error(*result["error"])
                else:
                    folder.write(result)
                    if progress:
                        progress(result)
    finally:
        summary = folder.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
