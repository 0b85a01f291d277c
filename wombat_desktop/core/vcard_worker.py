"""A child process of `vcard_parallel`: vCard bytes on stdin, a pickled result on stdout."""

from __future__ import annotations

import pickle
import sys

from wombat_desktop.core.vcard import read_vcards


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else ""
    result = read_vcards(sys.stdin.buffer.read(), source=source)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
