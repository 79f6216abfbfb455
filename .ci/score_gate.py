#!/usr/bin/env python3
"""Runs the corpus scorer on the release build and fails when the score falls below the floor
recorded in .ci/score-floor.json (core recall, all-issue recall, false positives, mutants overall
and per kind, over several mutation seeds)."""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCORE = os.path.join(ROOT, '..', 'shared', 'bench', 'score.py')
LINTER = os.path.join(ROOT, '.build', 'release', 'jxlint') + ' check --format json'
LAST = re.compile(r'issues (\d+)/(\d+) recall \(core (\d+)/(\d+)\), (\d+) false positives, mutants (\d+)/(\d+) detected \((.*)\)')


def run(seed):
    out = subprocess.run([sys.executable, SCORE, '--linter', LINTER, '--mutate-seed', str(seed), '--per-seed', '30'],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600).stdout
    last = out.strip().splitlines()[-1]
    m = LAST.match(last)
    if not m:
        print(out)
        sys.exit('score gate: cannot read the scorer output')
    kinds = {k: (int(a), int(b)) for k, a, b in re.findall(r'(\w+) (\d+)/(\d+)', m.group(8))}
    return {'issues': int(m.group(1)), 'issues_total': int(m.group(2)), 'core': int(m.group(3)),
            'core_total': int(m.group(4)), 'fp': int(m.group(5)), 'mutants': int(m.group(6)),
            'mutants_total': int(m.group(7)), 'kinds': kinds, 'line': last}


def main():
    with open(os.path.join(HERE, 'score-floor.json'), encoding='utf-8') as fh:
        floor = json.load(fh)
    failures = []
    for seed in floor['seeds']:
        r = run(seed)
        print('seed %d: %s' % (seed, r['line']))
        if r['core'] < r['core_total']:
            failures.append('seed %d: core recall %d/%d' % (seed, r['core'], r['core_total']))
        if r['issues'] < floor['min_issues_found']:
            failures.append('seed %d: %d issues found < %d' % (seed, r['issues'], floor['min_issues_found']))
        if r['fp'] > floor['max_false_positives']:
            failures.append('seed %d: %d false positives > %d' % (seed, r['fp'], floor['max_false_positives']))
        share = r['mutants'] / max(1, r['mutants_total'])
        if share < floor['min_mutant_share']:
            failures.append('seed %d: mutants %.3f < %.3f' % (seed, share, floor['min_mutant_share']))
        for kind, (det, tot) in r['kinds'].items():
            if tot and det / tot < floor['min_kind_share'].get(kind, 0):
                failures.append('seed %d: %s mutants %d/%d < %.2f' % (seed, kind, det, tot, floor['min_kind_share'][kind]))
    if failures:
        print('score gate FAILED:\n  ' + '\n  '.join(failures))
        sys.exit(1)
    print('score gate: ok')


if __name__ == '__main__':
    main()
