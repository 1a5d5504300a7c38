"""Thread pools, one per purpose per process, for work that lets go of the GIL.

ONNX Runtime and most of numpy release the GIL while they compute, so on two cores a
question's safety screen can run beside its ranking, and a long text's windows can go
through the classifier at once: the caller waits for the slowest part instead of their sum.

A pool is made on first use in each process: a pool made before gunicorn forks its
workers would hand each worker threads that do not exist there. Plain Python: no Django.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["pool"]

_pools: dict[str, tuple[int, ThreadPoolExecutor]] = {}
_lock = threading.Lock()


def pool(name: str, threads: int) -> ThreadPoolExecutor:
    """This process's pool called ``name`` (made with ``threads`` threads on first use, and
    again after a fork). Tasks given to one pool must never wait on tasks of the same pool."""
    with _lock:
        made = _pools.get(name)
        if made is None or made[0] != os.getpid():
            made = (os.getpid(), ThreadPoolExecutor(threads, thread_name_prefix=name))
            _pools[name] = made
        return made[1]
