"""Reading a large vCard file on several cores.

vobject costs about 0.4 ms a card, nearly all of an import. A large file is cut at
``BEGIN:VCARD`` lines into one piece per core; each piece is read by `read_vcards` in its
own process (safe beside Qt's threads) and the results are joined with
card numbers, line numbers and sources exactly as a single reader would give them.
Workers are plain ``python -m wombat_desktop.core.vcard_worker`` processes (stdin in, pickle
out): nothing of the calling program is re-imported, and they are killed on cancel.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from wombat_desktop.core.errors import CancelledError
from wombat_desktop.core.phones import remember
from wombat_desktop.core.progress import CancelToken, ProgressFn
from wombat_desktop.core.vcard import CardError, VCardReadResult, read_vcards
from wombat_desktop.core.vcard_text import to_utf8_bytes

PARALLEL_FROM_BYTES = 2_000_000  # below this, starting processes costs more than it saves
# BEGIN and END lines; a safe cut is a BEGIN at nesting depth 0, so that no card (complete,
# truncated or nesting others) spans a cut and every piece reads as it would in one go.
_MARK = re.compile(rb"(?im)^[ \t]*(BEGIN|END):VCARD[ \t]*\r?$")
_BARE_CR = re.compile(rb"\r(?!\n)")
_SOURCE_NUMBER = re.compile(r"#\d+$")


def _pieces(data: bytes, count: int) -> list[tuple[int, bytes]]:
    """Cut ``data`` at card starts into about ``count`` pieces: (first line number, bytes)."""
    starts, depth = [], 0
    for mark in _MARK.finditer(data):
        if mark.group(1).upper() == b"BEGIN":
            if depth == 0:
                starts.append(mark.start())
            depth += 1
        else:
            depth = max(0, depth - 1)
    if len(starts) < count * 2:
        return [(0, data)]
    cuts = [0] + [starts[len(starts) * k // count] for k in range(1, count)] + [len(data)]
    cuts = sorted(set(cuts))
    pieces, line = [], 0
    for begin, end in zip(cuts, cuts[1:], strict=False):
        pieces.append((line, data[begin:end]))
        line += data.count(b"\n", begin, end)
    return pieces


def read_vcards_parallel(
    data: bytes, source: str = "", progress: ProgressFn | None = None,
    cancel: CancelToken | None = None, workers: int | None = None,
    min_bytes: int = PARALLEL_FROM_BYTES, region: str = "US",
) -> VCardReadResult:
    """`read_vcards`, on several processes when the file is large enough to gain from it.

    The workers also parse the cards' phone numbers for ``region`` (kept in the phone
    cache). Any trouble with the worker processes falls back to reading in this process.
    """
    workers = workers or min(os.cpu_count() or 1, 8)
    data = to_utf8_bytes(data)
    # Files with bare-CR line ends count lines differently: keep them on one reader.
    single = (workers < 2 or len(data) < min_bytes or _BARE_CR.search(data)
              or getattr(sys, "frozen", False))
    pieces = [] if single else _pieces(data, workers)
    if len(pieces) < 2:
        return read_vcards(data, source, progress, cancel)
    try:
        parts = _run_workers(pieces, source, region, progress, cancel)
    except CancelledError:
        raise
    except (OSError, pickle.UnpicklingError, EOFError, RuntimeError):
        return read_vcards(data, source, progress, cancel)
    return _join(parts, [line for line, _ in pieces])


def _run_workers(pieces: list[tuple[int, bytes]], source: str, region: str,
                 progress: ProgressFn | None, cancel: CancelToken | None
                 ) -> list[VCardReadResult]:
    command = [sys.executable, "-m", "wombat_desktop.core.vcard_worker", source, region]
    procs = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) for _ in pieces]
    outputs: list[bytes | None] = [None] * len(procs)
    try:
        with ThreadPoolExecutor(len(procs)) as feeders:
            futures = [feeders.submit(p.communicate, piece)
                       for p, (_line, piece) in zip(procs, pieces, strict=True)]
            while not all(f.done() for f in futures):
                if cancel is not None and cancel.cancelled:
                    for p in procs:
                        p.kill()
                    raise CancelledError("cancelled")
                if progress is not None:
                    progress(sum(f.done() for f in futures), len(futures), source)
                time.sleep(0.05)
            for i, f in enumerate(futures):
                outputs[i] = f.result()[0]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    if any(p.returncode != 0 for p in procs):
        raise RuntimeError("a vCard worker failed")
    results = []
    for out in outputs:
        result, parsed_region, parsed = pickle.loads(out or b"")
        remember(parsed, parsed_region)
        results.append(result)
    return results


def _join(parts: list[VCardReadResult], first_lines: list[int]) -> VCardReadResult:
    joined = VCardReadResult()
    for part, line_offset in zip(parts, first_lines, strict=True):
        offset = joined.found
        for draft in part.contacts:
            number = int(draft.source.rsplit("#", 1)[1]) + offset
            draft.source = _SOURCE_NUMBER.sub(f"#{number}", draft.source)
            joined.contacts.append(draft)
        joined.errors.extend(
            CardError(e.card + offset, e.line + line_offset if e.line else 0, e.message)
            for e in part.errors
        )
        joined.found += part.found
    return joined
