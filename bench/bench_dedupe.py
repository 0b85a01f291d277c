"""Benchmark duplicate detection on synthetic address books.

Run: ``.venv/bin/python bench/bench_dedupe.py [sizes...]`` (default 10000 50000).
`make_dataset` and `evaluate` are also used by tests/unit/test_dedupe.py.
"""

from __future__ import annotations

import random
import sys
import time
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wombat_desktop.core.dedupe import (  # noqa: E402
    DedupeRecord,
    DuplicatePair,
    find_duplicates,
)


def _words(text: str) -> list[str]:
    return text.split()


GIVEN = _words("""
    James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia
    Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen José María Zoë François Chloé
    Renée Søren Björn Łukasz Małgorzata Jürgen Günter Ana Lucía Sofía Mateo Diego Hélène
    Amélie Inès Noémie Dvořák Tomáš Jiří Ölof Åsa Ingrid Lars Anders Mikael Pedro João Luís
    Miguel Ahmed Fatima Omar Leila Yusuf Aisha Raj Priya Arjun Ananya Vikram Kenji Yuki
    Hiroshi Akira Wei Ming Li Jun Hui Emma Olivia Ava Isabella Mia Noah Liam Ethan Lucas
    Mason Logan Oliver Elijah Aiden Grace Chloe Ella Lily Hannah Nora Ellie Benjamin Samuel
    Henry Alexander Sebastian Jack Owen Gabriel Carter Julian Wyatt Leo Isaac Levi Caleb
    Nathan Aaron Adrian Thiago Rafael Bruno Felipe André Matthäus Ségolène Agnès Désirée
    Zoltán Ferenc Ilona Katalin Dragan Đorđe Nikola Milica
""")
FAMILY = _words("""
    Smith Johnson Williams Brown Jones Miller Davis García Rodríguez Martínez Hernández
    López González Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Pérez Thompson
    White Harris Sánchez Clark Ramírez Lewis Robinson Walker Young Allen King Wright Scott
    Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
    Roberts Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch
    Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann
    Hartmann Lange Dubois Lefèvre Moreau Laurent Girard Bonnet Durand Lambert Fontaine
    Rousseau Vincent Müller Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski
    Zieliński Szymański Woźniak Dąbrowski Kozłowski Jensen Nielsen Hansen Pedersen Andersen
    Larsen Sørensen Rasmussen Jørgensen Petersen Kristiansen Ødegaard Håkansson Lindqvist
    Bergström Nyström Åberg Öberg Svensson Rossi Russo Ferrari Esposito Bianchi Romano
    Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo
    Lombardi Moretti Silva Santos Oliveira Souza Lima Pereira Carvalho Gomes Ribeiro Almeida
    Araújo Barbosa Patel Sharma Singh Kumar Gupta Khan Ali Hussain Tanaka Suzuki Takahashi
    Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto
    Inoue Kimura Hayashi Shimizu O'Brien O'Connor Murphy Kelly Walsh Byrne Ryan McCarthy
    Doyle Gallagher Kennedy Novák Svoboda Dvořák Černý Procházka Kučera Veselý Horváth Nagy
    Tóth Szabó Kovács Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos
    Mészáros Oláh Simon Rácz Fekete Ivanović Petrović Jovanović Đorđević Nikolić Marković
    Popović
""")
CJK_FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
CJK_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华"
WORDS = _words("""
    Acme Globex Initech Umbrella Stark Wayne Wonka Tyrell Cyberdyne Soylent Hooli Vandelay
    Aperture Massive Dynamic Oscorp Gringotts Monarch Prestige Pied Piper Nakatomi Zorg Blue
    Red Green North South Alpine Coastal Summit Pioneer Atlas Vertex Quantum Nova Orion Apex
    Delta Sigma Omega Lumen Nimbus Cedar Maple Oak Pine River Harbor Bridge Crown Falcon
    Eagle Lion Tiger Wolf Bear Fox Hawk Raven Swift Bright Clear Prime
""")
KINDS = ("Inc", "GmbH", "Ltd", "LLC", "Consulting", "Partners", "Labs", "Systems", "AG", "Group")
CITIES = _words("""
    Berlin München Hamburg Köln Paris Lyon Zürich Genève Wien London Manchester Madrid
    Sevilla Málaga Lisboa Porto Roma Milano Warszawa Kraków Łódź Praha Brno Budapest
    København Malmö Göteborg Oslo Helsinki Dublin Boston Chicago Seattle Austin Denver
    Portland Atlanta Miami Dallas Houston Phoenix Toronto Montréal Québec Vancouver Sydney
    Melbourne Tokyo Osaka Beijing Shanghai Shenzhen
""")


@dataclass(frozen=True, slots=True)
class Dataset:
    records: list[DedupeRecord]
    exact: set[tuple[int, int]]  # injected same-e-mail / same-phone / same-UID copies
    near: set[tuple[int, int]]  # injected name variants at the same company


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _typo(rng: random.Random, name: str) -> str:
    tokens = name.split()
    k = max(range(len(tokens)), key=lambda x: len(tokens[x]))
    t = tokens[k]
    if len(t) < 3:
        return name + "e"
    p = rng.randrange(1, len(t) - 1)
    op = rng.randrange(3)
    if op == 0:
        t = t[:p] + t[p + 1] + t[p] + t[p + 2:]  # transpose
    elif op == 1:
        t = t[:p] + rng.choice("aeiourstn") + t[p + 1:]  # substitute
    else:
        t = t[:p] + t[p + 1:]  # delete
    tokens[k] = t
    return " ".join(tokens)


def _phone(rng: random.Random, n: int) -> tuple[str, str]:
    """A unique US number in two different spellings."""
    area, rest = 201 + n % 700, 2_000_000 + (n * 7919) % 7_000_000
    a, b = f"{rest:07d}"[:3], f"{rest:07d}"[3:]
    return rng.choice([f"+1 ({area}) {a}-{b}", f"{area}-{a}-{b}"]), f"({area}) {a} {b}"


def make_dataset(n: int, dup_rate: float = 0.03, seed: int = 7) -> Dataset:
    """*n* records of which about *dup_rate* are injected duplicates (half exact, half near)."""
    rng = random.Random(seed)
    companies = [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)}"
                 for _ in range(max(50, n // 20))]
    n_dups = int(n * dup_rate)
    records: list[DedupeRecord] = []
    alt_phone: dict[int, str] = {}
    for i in range(n - n_dups):
        if rng.random() < 0.05:
            given = rng.choice(CJK_GIVEN) + rng.choice(("", *CJK_GIVEN))
            family = rng.choice(CJK_FAMILY)
            name, email_local = family + given, f"user{i}"
        else:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            name = f"{given} {family}"
            email_local = _strip_accents(f"{given}.{family}{i}").lower().replace("'", "")
        phone, alt = _phone(rng, i)
        alt_phone[i] = alt
        records.append(DedupeRecord(
            id=i, name=name, given_name=given, family_name=family,
            organization=rng.choice(companies) if rng.random() < 0.8 else "",
            city=rng.choice(CITIES) if rng.random() < 0.7 else "",
            emails=(f"{email_local}@example.com",) if rng.random() < 0.85 else (),
            phones=(phone,) if rng.random() < 0.75 else (),
            uids=(f"uid-{i}",) if rng.random() < 0.3 else (),
        ))
    exact: set[tuple[int, int]] = set()
    near: set[tuple[int, int]] = set()
    originals = rng.sample(range(len(records)), n_dups)
    for k, src_id in enumerate(originals):
        src, new_id = records[src_id], n - n_dups + k
        if k % 2 == 0:  # exact: same e-mail, phone or UID, name as-is or accent-free
            options = [x for x in ("email", "phone", "uid") if getattr(src, x + "s")]
            if not options:
                options = ["phone"]
                src = records[src_id] = replace(src, phones=(_phone(rng, src_id)[0],))
            how = rng.choice(options)
            dup = DedupeRecord(
                id=new_id, name=rng.choice([src.name, _strip_accents(src.name)]),
                organization=src.organization if rng.random() < 0.5 else "",
                emails=(src.emails[0].upper(),) if how == "email" else (),
                phones=(alt_phone.get(src_id, src.phones[0]),) if how == "phone" else (),
                uids=src.uids if how == "uid" else (),
            )
            exact.add((src_id, new_id))
        else:  # near: a variant of the name at the same company, nothing else shared
            if not src.organization:
                src = records[src_id] = replace(src, organization=rng.choice(companies))
            variant = rng.randrange(3)
            if not src.name.isascii() and src.name[0] in CJK_FAMILY:
                name = f"{src.family_name} {src.given_name}"  # CJK: only spacing differs
            elif variant == 0:
                name = _strip_accents(src.name)
            elif variant == 1:
                name = f"{src.family_name}, {src.given_name}"
            else:
                name = _typo(rng, src.name)
            dup = DedupeRecord(id=new_id, name=name, organization=src.organization.upper()
                               if rng.random() < 0.3 else src.organization)
            near.add((src_id, new_id))
        records.append(dup)
    rng.shuffle(records)
    return Dataset(records, exact, near)


def evaluate(pairs: list[DuplicatePair], data: Dataset) -> dict[str, float]:
    """Recall of the injected pairs and the share of reported pairs that were injected."""
    found = {(p.a, p.b) for p in pairs}
    found_exact = {(p.a, p.b) for p in pairs if p.exact}
    truth = data.exact | data.near
    return {
        "exact_recall": len(data.exact & found_exact) / max(1, len(data.exact)),
        "near_recall": len(data.near & found) / max(1, len(data.near)),
        "precision": len(found & truth) / max(1, len(found)),
        "false_positives": len(found - truth),
        "pairs": len(pairs),
    }


def main(sizes: list[int]) -> None:
    for n in sizes:
        data = make_dataset(n)
        start = time.perf_counter()
        pairs = find_duplicates(data.records)
        elapsed = time.perf_counter() - start
        stats = evaluate(pairs, data)
        print(f"{n:>7} records: {elapsed:6.2f} s  exact recall {stats['exact_recall']:.3f}  "
              f"near recall {stats['near_recall']:.3f}  precision {stats['precision']:.3f}  "
              f"({stats['false_positives']} false positives of {stats['pairs']} pairs)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
