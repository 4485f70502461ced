#!/usr/bin/env python3
"""Grouped cross-validation of the word model's blend with the rules (bench/classifier-model/README.md).

usage: cv.py DUMP.jsonl FIRST_DIR [--alpha A] [--min-count N] [--temperature T] [--floor C,...]
             [--weight W,...] [--model-without-rules]

DUMP.jsonl: TextModelTraining's -Dacr.train.dump (each training prompt: source, label, today's rule
scores, words); FIRST_DIR: first-sight.sh's output (the probes' tune halves scored by the rules
before each probe was read). Folds: own sets 1-42 by set number mod 5, each other own file, the dev
prompts, the test rows (5 folds by a hash of the words), and each probe repository. Each fold's
prompts get a model trained on every other fold. Prints, per floor and weight: accuracy of
rules + model on dev, own sets and rows with today's rules (which were fit to them), on the probes'
tune halves with the first-sight rules (the figure the weight is chosen on), and the misses of a
model trained on everything on the dev prompts and the test rows (what the tests will see).
"""
import argparse, collections, json, math, zlib
from pathlib import Path

DIMS = ['algorithm', 'bug_fixing', 'code_completion', 'code_generation', 'code_refactoring',
        'code_understanding', 'data_science', 'multi_language', 'test_generation']
PRIORITY = ['bug_fixing', 'test_generation', 'code_completion', 'multi_language', 'algorithm',
            'data_science', 'code_refactoring', 'code_understanding', 'code_generation']
PROBES = ['real-prompts', 'terse-probe', 'fresh-probe']


def features(r):
    w = r['words']
    f = set(w) | {a + ' ' + b for a, b in zip(w, w[1:])}
    if r['head']:
        f.add('^' + r['head'][0])
    return f


def train(rows, alpha, min_count, temperature):
    counts = {d: collections.Counter() for d in DIMS}
    prompts = collections.Counter()
    seen = collections.Counter()
    for r in rows:
        prompts[r['dimension']] += 1
        for x in features(r):
            counts[r['dimension']][x] += 1
            seen[x] += 1
    vocab = {x for x, n in seen.items() if n >= min_count}
    total = {d: sum(n for x, n in counts[d].items() if x in vocab) for d in DIMS}
    denominator = {d: math.log(total[d] + alpha * len(vocab)) for d in DIMS}

    def log_posterior(r):
        known = [x for x in features(r) if x in vocab]
        if not known:
            return None
        lp = []
        for d in DIMS:
            v = math.log((prompts[d] + 1) / (len(rows) + len(DIMS)))
            v += sum(math.log(counts[d][x] + alpha) - denominator[d] for x in known)
            lp.append(v / temperature)
        m = max(lp)
        z = math.log(sum(math.exp(v - m) for v in lp))
        return [v - m - z for v in lp]
    return log_posterior


def decide(rules, lp, weight, floor, with_rules_only):
    scores = list(rules)
    if lp is not None and (not with_rules_only or max(rules) > 0):
        scores = [s + weight * (max(v, -floor) + floor) for s, v in zip(scores, lp)]
    if max(scores) <= 0:
        return 'code_generation'
    return next(d for d in PRIORITY if scores[DIMS.index(d)] == max(scores))


def fold_of(r):
    s = r['source']
    if s.startswith('terse-prompts-'):
        return 'own%d' % (int(s[len('terse-prompts-'):].split('.')[0]) % 5)
    if s == 'test rows':
        return 'rows%d' % (zlib.crc32(' '.join(r['words']).encode()) % 5)
    return s


def kind_of(r):
    s = r['source']
    if s == 'dev-prompts':
        return 'dev'
    if s == 'test rows':
        return 'rows'
    return s.split(':')[0] if ':' in s else 'own'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dump'); ap.add_argument('first')
    ap.add_argument('--alpha', type=float, default=0.1)
    ap.add_argument('--min-count', type=int, default=3)
    ap.add_argument('--temperature', type=float, default=4)
    ap.add_argument('--floor', default='2')
    ap.add_argument('--weight', default='0,0.25,0.5,0.75,1')
    ap.add_argument('--model-without-rules', action='store_true',
                    help='let the model decide prompts no rule reads (acr does not)')
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.dump)]
    first = {}
    for p in PROBES:
        for l in open(Path(a.first) / f'first-{p}.jsonl'):
            o = json.loads(l)
            first[o['id']] = o['rules']
    for r in rows:
        r['fold'], r['kind'] = fold_of(r), kind_of(r)
    held = {}
    for f in sorted({r['fold'] for r in rows}):
        model = train([r for r in rows if r['fold'] != f], a.alpha, a.min_count, a.temperature)
        for i, r in enumerate(rows):
            if r['fold'] == f:
                held[i] = model(r)
    full = train(rows, a.alpha, a.min_count, a.temperature)
    print(f'alpha {a.alpha}, min count {a.min_count}, temperature {a.temperature}; {len(rows)} prompts')
    only = not a.model_without_rules
    for floor in map(float, a.floor.split(',')):
        for weight in map(float, a.weight.split(',')):
            acc = {}
            for k in ['dev', 'own', 'rows'] + ['1st:' + p for p in PROBES]:
                probe = k[4:] if k.startswith('1st:') else None
                idx = [i for i, r in enumerate(rows) if r['kind'] == (probe or k)]
                ok = sum(decide(first[rows[i]['id']] if probe else rows[i]['rules'], held[i], weight, floor, only)
                         == rows[i]['dimension'] for i in idx)
                acc[k] = 100 * ok / len(idx) if idx else float("nan")
            mean = sum(acc['1st:' + p] for p in PROBES) / len(PROBES)
            miss = collections.Counter(r['kind'] for r in rows if r['kind'] in ('dev', 'rows')
                                       and decide(r['rules'], full(r), weight, floor, only) != r['dimension'])
            print(f'floor {floor:g} weight {weight:<5g}' + ''.join(f' {k}={v:.1f}' for k, v in acc.items())
                  + f'  first-sight mean={mean:.2f}  trained-on-all misses: dev {miss["dev"]}, rows {miss["rows"]}')


if __name__ == '__main__':
    main()
