"""Contact import at scale, side by side with a bare vobject parse of the same file.

    python bench/bench_import.py [--cards 10000 50000]

For each size: a mixed file (vCard 2.1 quoted-printable, 3.0 with Apple groups, 4.0 CJK with
tel: URIs, 3.0 with base64 photos; 3% duplicates of earlier cards, some exact, some near) is
generated; then, each in a fresh process so peak memory is its own:
- bare: ``vobject.readComponents`` over the decoded text;
- import: ``wombat import`` into a new SQLite database (read, plan, merge, bulk insert);
- duplicates: ``DuplicateService.find`` over the imported database, with recall of the
  injected near duplicates.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from wombat_desktop.core.demo_names import LATIN  # noqa: E402


def _name(i: int) -> tuple[str, str]:
    given, family = LATIN["english"][0] + LATIN["english"][1], LATIN["english"][2]
    return given[i % len(given)], f"{family[(i // len(given)) % len(family)]}{'' if i < 3000 else i // 3000}"


def _card(i: int, rng: random.Random) -> str:
    kind = i % 4
    if kind == 0:
        given, family = _name(i)
        return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
                f"ORG:Acme {i // 4};Sales\r\nTITLE:Manager\r\nTEL;TYPE=WORK,VOICE:+1 312 {200 + i // 10000:03d} {i % 10000:04d}\r\n"
                f"TEL;TYPE=CELL:+1 773 9{i % 1000000:06d}\r\nEMAIL;TYPE=INTERNET,HOME:p{i}@example.com\r\n"
                f"ADR;TYPE=WORK:;;{i} Main St;Springfield {i % 997};IL;62701;USA\r\nNOTE:Met at conf\\, 2020\r\n"
                f"item1.URL:http://example.com/{i}\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
                "BDAY:1980-04-12\r\nEND:VCARD\r\n")
    if kind == 1:
        return ("BEGIN:VCARD\r\nVERSION:2.1\r\n"
                f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller{i};J=C3=BCrgen\r\n"
                f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller{i}\r\n"
                f"TEL;CELL;PREF:+49 170 {i:07d}\r\nEMAIL;INTERNET;WORK:j{i}@example.de\r\n"
                "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jay;1;;;;;;;;;;;;;\r\n"
                "END:VCARD\r\n")
    if kind == 2:
        return (f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:山田 太郎{i}\r\nN:山田;太郎{i};;;\r\n"
                f"KIND:individual\r\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+81-3-{i:08d}\r\n"
                f"EMAIL;TYPE=work:t{i}@example.jp\r\nUID:urn:uuid:{i:08d}\r\nX-SOCIAL:twitter\r\n"
                "END:VCARD\r\n")
    photo = base64.b64encode(b"\xff\xd8\xff\xe0" + rng.randbytes(600)).decode()
    folded = "\r\n ".join(photo[j : j + 74] for j in range(0, len(photo), 74))
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person {i}\r\nN:Person{i};Photo;;;\r\n"
            f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEMAIL:ph{i}@example.com\r\n"
            "CATEGORIES:friends,work\r\nEND:VCARD\r\n")


def _near(i: int) -> str:
    """A near duplicate of card i (kind 0): a typo in the family name, another e-mail, no
    phone, the same company."""
    given, family = _name(i)
    family = family[:2] + family[3:] if len(family) > 4 else family + "e"
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
            f"ORG:Acme {i // 4}\r\nEMAIL:near.{i}@other.example\r\nEND:VCARD\r\n")


def make_file(path: Path, cards: int) -> dict[str, int]:
    rng = random.Random(cards)
    parts = [_card(i, rng) for i in range(cards)]
    dups = int(cards * 0.03)
    exact = near = 0
    for _ in range(dups):
        i = rng.randrange(cards)
        if rng.random() < 0.5:
            parts.append(_card(i, random.Random(i)))
            exact += 1
        else:
            parts.append(_near(i - i % 4))
            near += 1
    path.write_bytes("".join(parts).encode("utf-8"))
    return {"cards": len(parts), "exact": exact, "near": near}


def child_bare(path: str) -> None:
    import vobject

    text = Path(path).read_bytes().decode("utf-8")
    start = time.perf_counter()
    count = sum(1 for _ in vobject.readComponents(text, allowQP=True))
    _report({"seconds": time.perf_counter() - start, "count": count})


def child_import(path: str, url: str) -> None:
    from wombat_desktop.services.registry import build_services
    from wombat_desktop.storage.database import Database

    db = Database.open(url, Path(url.split(":///")[1]).parent / "backups")
    services = build_services(db)
    start = time.perf_counter()
    result = services.importing.import_paths([path])
    _report({"seconds": time.perf_counter() - start, **result.totals()})


def child_duplicates(url: str) -> None:
    from wombat_desktop.services.registry import build_services
    from wombat_desktop.storage.database import Database

    db = Database.open(url, Path(url.split(":///")[1]).parent / "backups")
    services = build_services(db)
    emails = {r["id"]: r["emails"][0] if r["emails"] else ""
              for r in services.contacts.export_rows(services.contacts.list_items())}
    start = time.perf_counter()
    pairs = services.duplicates.find()
    seconds = time.perf_counter() - start
    near_found = 0
    for p in pairs:
        a, b = sorted((emails.get(p.a, ""), emails.get(p.b, "")))
        if b.startswith("p") and a.startswith("near.") and a[5:].split("@")[0] == b[1:].split("@")[0]:
            near_found += 1
    _report({"seconds": seconds, "pairs": len(pairs), "near_found": near_found})


def _report(data: dict[str, object]) -> None:
    data["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(data))


def _run(*args: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return json.loads(line[7:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, nargs="+", default=[10_000, 50_000])
    args = parser.parse_args()
    for cards in args.cards:
        folder = Path(tempfile.mkdtemp(prefix="wombat-import-bench-"))
        path = folder / "mixed.vcf"
        made = make_file(path, cards)
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        bare = _run("--child-bare", str(path))
        imp = _run("--child-import", str(path), url)
        dup = _run("--child-duplicates", url)
        print(f"\n{made['cards']:,} cards ({made['exact']} exact and {made['near']} near "
              f"duplicates, {path.stat().st_size / 1e6:.0f} MB)")
        print(f"  bare vobject parse: {bare['seconds']:.1f} s, peak {bare['peak_rss_mb']:.0f} MB")
        ratio = float(imp["seconds"]) / float(bare["seconds"])  # type: ignore[arg-type]
        print(f"  wombat import:      {imp['seconds']:.1f} s ({ratio:.2f}x bare), "
              f"peak {imp['peak_rss_mb']:.0f} MB; new {imp['imported']:,}, "
              f"merged {imp['merged']:,}, to review {imp['to_review']:,}, errors {imp['errors']}")
        print(f"  duplicates over the database: {dup['seconds']:.1f} s, {dup['pairs']} pairs, "
              f"near duplicates found {dup['near_found']}/{made['near']}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-bare":
        child_bare(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-import":
        child_import(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-duplicates":
        child_duplicates(sys.argv[2])
    else:
        main()
