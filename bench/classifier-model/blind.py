#!/usr/bin/env python3
"""Held-out check of the word model's training data and blend on every set today's rules never read
the misses of (bench/classifier-model/README.md, cls11): the two blind probes and the three older
probes' held-out halves, each scored by today's rules plus a model trained without it.

usage: blind.py DUMP.jsonl PROBES_DIR [--temperature T,...] [--floor F,...] [--weight W,...]
                [--pool base,cls,blind,held,...] [--alpha A] [--min-count N] [--row-weight N] [--check DEV.jsonl] [--not-check NOT.jsonl]

DUMP.jsonl: TextModelTraining's dump made with -Dacr.train.held=true. PROBES_DIR: the collect.py
outputs (each probe row's half). Pools (what the model is trained on, always without the set scored):
  base   what shipped until cls11: own sets 1-42 and holdout batches, test rows, the probes' tune halves
  cls    base + cls9's and cls10's hand-written sets
  blind  cls + the other blind probe
  own11  blind + cls11's set (bug fixes that also ask for tests, test requests about a bug)
  held   blind + the older probes' other held-out halves (for comparison; never shipped)
Also printed: the test rows cross-validated (5 folds) and how many of them, and of the --check prompts
(the dev prompts, never trained on), a model trained on the whole pool gets wrong (the tests check
both; the choice rule allows no miss; --not-check: prompts a test says are not of their "dimension",
counted among the check misses when read as it). --row-weight: each test row counted N times in training.
"""
import json, sys, zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cv import PROBES, train  # noqa: E402
from lopo import base_parser, decide, probe_halves  # noqa: E402

BLIND = ['blind-probe', 'blind-probe-2']


def group(r, half):
    """The set a row belongs to: a blind probe, a probe's half, cls9/cls10, test rows or own."""
    s = r['source']
    if s in BLIND:
        return s
    if ':' in s:
        return s.split(':')[0] + ' ' + half.get(r['id'], '')
    if s.startswith('cls11'):
        return 'cls11'
    if s.startswith('cls'):
        return 'cls'
    return 'rows' if s == 'test rows' else 'own'


POOLS = {
    'base': {'own', 'rows'} | {p + ' tune' for p in PROBES},
    'cls': {'own', 'rows', 'cls'} | {p + ' tune' for p in PROBES},
    'blind': {'own', 'rows', 'cls'} | {p + ' tune' for p in PROBES} | set(BLIND),
    'own11': {'own', 'rows', 'cls', 'cls11'} | {p + ' tune' for p in PROBES} | set(BLIND),
    'held': {'own', 'rows', 'cls'} | {p + ' tune' for p in PROBES} | set(BLIND) | {p + ' held' for p in PROBES},
}


def main():
    ap = base_parser()
    ap.add_argument('--pool', default='base,cls,blind')
    ap.add_argument('--check', help="TextModelTraining's -Dacr.train.checkdump (the dev prompts): never trained on, misses counted")
    ap.add_argument('--not-check', help='a checkdump of prompts the tests say are NOT their dimension (ClassifierSymptomsTest)')
    ap.add_argument('--row-weight', type=int, default=1, help='count each test row this many times in training')
    a = ap.parse_args()
    half = probe_halves(a.probes)
    rows = [json.loads(l) for l in open(a.dump)]
    for r in rows:
        r['group'] = group(r, half)
    # --row-weight: the test rows (hand-picked hard cases, the tests' contract) counted more than once
    rows += [dict(r, copy=True) for r in rows if r['group'] == 'rows' for _ in range(a.row_weight - 1)]
    checks = [json.loads(l) for l in open(a.check)] if a.check else []
    nots = [json.loads(l) for l in open(a.not_check)] if a.not_check else []
    targets = BLIND + [p + ' held' for p in PROBES]
    idx = {t: [i for i, r in enumerate(rows) if r['group'] == t] for t in targets}
    trows = [i for i, r in enumerate(rows) if r['group'] == 'rows' and 'copy' not in r]
    fold = {i: zlib.crc32(' '.join(rows[i]['words']).encode()) % 5 for i in trows}
    fold_of = lambda r: zlib.crc32(' '.join(r['words']).encode()) % 5 if r['group'] == 'rows' else None
    for pool in a.pool.split(','):
        keep = POOLS[pool]
        for t in map(float, a.temperature.split(',')):
            lps = {}
            for target in targets:
                m = train([r for r in rows if r['group'] in keep and r['group'] != target], a.alpha, a.min_count, t)
                lps[target] = {i: m(rows[i]) for i in idx[target]}
            cv = {}
            for f in range(5):
                m = train([r for i, r in enumerate(rows) if r['group'] in keep and fold_of(r) != f],
                          a.alpha, a.min_count, t)
                cv.update({i: m(rows[i]) for i in trows if fold[i] == f})
            full = train([r for r in rows if r['group'] in keep], a.alpha, a.min_count, t)
            for floor in map(float, a.floor.split(',')):
                for weight in map(float, a.weight.split(',')):
                    gate = weight * floor
                    ok = lambda i, lp: decide(rows[i]['rules'], lp, weight, floor, gate) == rows[i]['dimension']
                    figs = {tg: 100 * sum(ok(i, lps[tg][i]) for i in idx[tg]) / len(idx[tg]) for tg in targets}
                    rows_cv = 100 * sum(ok(i, cv[i]) for i in trows) / len(trows)
                    miss = sum(not ok(i, full(rows[i])) for i in trows)
                    dev = sum(decide(r['rules'], full(r), weight, floor, gate) != r['dimension'] for r in checks)
                    dev += sum(decide(r['rules'], full(r), weight, floor, gate) == r['dimension'] for r in nots)
                    blind = (figs[BLIND[0]] + figs[BLIND[1]]) / 2
                    held = sum(figs[p + ' held'] for p in PROBES) / 3
                    print(f'{pool:5} t {t:g} floor {floor:g} weight {weight:<4g} | '
                          + ' / '.join(f'{figs[tg]:.1f}' for tg in targets)
                          + f' | blind mean {blind:.2f} held mean {held:.2f} all5 {(2 * blind + 3 * held) / 5:.2f}'
                          + f' | rows cv {rows_cv:.1f} all-data misses: rows {miss} check {dev}', flush=True)


if __name__ == '__main__':
    main()
