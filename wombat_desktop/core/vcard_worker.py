"""A child process of `vcard_parallel`: vCard bytes on stdin, a pickled result on stdout."""

from __future__ import annotations

import pickle
import sys

from wombat_desktop.core.phones import normalize_phone, phone_key
from wombat_desktop.core.vcard import read_vcards


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else ""
    region = sys.argv[2] if len(sys.argv) > 2 else "US"
    result = read_vcards(sys.stdin.buffer.read(), source=source)
    # Parsing phone numbers is the next most costly step of an import: do it here, in
    # parallel, and hand the parsed numbers back with the cards.
    parsed = {}
    for draft in result.contacts:
        for phone in draft.phones:
            key = phone_key(phone.value)
            if key not in parsed:
                parsed[key] = normalize_phone(phone.value, region)
    payload = (result, region, parsed)
    sys.stdout.buffer.write(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    main()
