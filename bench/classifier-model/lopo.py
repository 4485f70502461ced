#!/usr/bin/env python3
"""Leave-one-probe-out check of the word model and its blend (bench/classifier-model/README.md).

usage: lopo.py DUMP.jsonl PROBES_DIR [--temperature T,...] [--floor F,...] [--weight W,...]
               [--gate G,...] [--train tune|other-held|other-probes]

DUMP.jsonl: TextModelTraining's dump made with -Dacr.train.held=true (every labelled terse prompt,
both halves of each probe, with today's rule scores). PROBES_DIR: the collect.py outputs (for each
probe row's half). The figure is each probe's held-out half, never read while writing the rules,
scored by today's rules plus a model that never saw it:
  tune          the model trained on everything but the three held-out halves (what shipped until now)
  other-held    trained on everything but this probe's held-out half (the other probes' held halves in)
  other-probes  trained on everything but this probe, both halves (strict leave-one-probe-out)
--unread: the model decides prompts no rule reads too (they are "no signal" in acr).
gate: the rules' lead up to which the model is consulted (default: weight x floor, the most it adds).
Also printed: the own sets and the test rows, cross-validated as in cv.py, and how many test rows
a model trained on everything gets wrong (the tests check those rows).
"""
import argparse, collections, json, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cv import DIMS, PRIORITY, PROBES, train, fold_of, kind_of  # noqa: E402


UNREAD = False  # --unread: the model also decides prompts no rule reads (acr does not)


def decide(rules, lp, weight, floor, gate):
    scores = list(rules)
    ranked = sorted(rules, reverse=True)
    if lp is not None and (ranked[0] > 0 or UNREAD) and ranked[0] - ranked[1] <= gate:
        scores = [s + weight * (max(v, -floor) + floor) for s, v in zip(scores, lp)]
    if max(scores) <= 0:
        return 'code_generation'
    return next(d for d in PRIORITY if scores[DIMS.index(d)] == max(scores))


def base_parser():
    """The arguments lopo.py and blind.py share: the dump, the probes' collect.py outputs, the model and blend."""
    ap = argparse.ArgumentParser()
    ap.add_argument('dump'); ap.add_argument('probes')
    ap.add_argument('--alpha', type=float, default=0.1)
    ap.add_argument('--min-count', type=int, default=3)
    ap.add_argument('--temperature', default='4')
    ap.add_argument('--floor', default='4')
    ap.add_argument('--weight', default='0,0.5')
    return ap


def probe_halves(probes):
    """Each probe row's half (tune or held), from the collect.py outputs in PROBES_DIR."""
    half = {}
    for p in PROBES:
        for line in open(Path(probes) / f'{p}.jsonl'):
            o = json.loads(line)
            half[o['id']] = o['half']
    return half


def main():
    ap = base_parser()
    ap.add_argument('--gate', default='')
    ap.add_argument('--train', default='tune,other-held,other-probes')
    ap.add_argument('--unread', action='store_true', help='let the model decide prompts no rule reads')
    a = ap.parse_args()
    global UNREAD
    UNREAD = a.unread
    half = probe_halves(a.probes)
    rows = [json.loads(l) for l in open(a.dump)]
    for r in rows:
        r['fold'], r['kind'] = fold_of(r), kind_of(r)
        r['half'] = half.get(r['id'], '')
    held = {p: [i for i, r in enumerate(rows) if r['kind'] == p and r['half'] == 'held'] for p in PROBES}
    for t in map(float, a.temperature.split(',')):
        # the own sets and the test rows, cross-validated by fold (held-out halves never in training)
        cv = {}
        for f in sorted({rows[i]['fold'] for i in range(len(rows)) if rows[i]['kind'] in ('own', 'rows')}):
            m = train([r for r in rows if r['fold'] != f and r['half'] != 'held'], a.alpha, a.min_count, t)
            for i, r in enumerate(rows):
                if r['fold'] == f:
                    cv[i] = m(r)
        full = train(rows, a.alpha, a.min_count, t)
        models = {}
        for how in a.train.split(','):
            for p in PROBES:
                keep = {'tune': lambda r: r['half'] != 'held',
                        'other-held': lambda r: not (r['kind'] == p and r['half'] == 'held'),
                        'other-probes': lambda r: r['kind'] != p}[how]
                m = train([r for r in rows if keep(r)], a.alpha, a.min_count, t)
                models[how, p] = {i: m(rows[i]) for i in held[p]}
        for floor in map(float, a.floor.split(',')):
            for weight in map(float, a.weight.split(',')):
                for gate in ([float(g) for g in a.gate.split(',')] if a.gate else [weight * floor]):
                    own = [i for i in cv if rows[i]['kind'] == 'own']
                    trows = [i for i in cv if rows[i]['kind'] == 'rows']
                    acc = lambda idx, lps: 100 * sum(decide(rows[i]['rules'], lps[i], weight, floor, gate)
                                                     == rows[i]['dimension'] for i in idx) / len(idx)
                    miss = sum(decide(rows[i]['rules'], full(rows[i]), weight, floor, gate) != rows[i]['dimension']
                               for i in trows)
                    line = f't {t:g} floor {floor:g} weight {weight:<4g} gate {gate:<4g} own {acc(own, cv):.1f} rows {acc(trows, cv):.1f} all-data row misses {miss:<3d}'
                    for how in a.train.split(','):
                        figs = [acc(held[p], models[how, p]) for p in PROBES]
                        line += f' | {how}: ' + ' / '.join(f'{x:.1f}' for x in figs) + f' mean {sum(figs) / 3:.2f}'
                    print(line, flush=True)


if __name__ == '__main__':
    main()
