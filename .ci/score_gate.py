#!/usr/bin/env python3
"""Runs the corpus scorer on the release build over every scored folder and fails when a score falls
below the floor recorded in .ci/score-floor.json: core recall, all-issue recall, false positives,
mutants overall and per kind, over several mutation seeds. Each folder has floors of its own
(../shared/corpus: the three whole reports; ../shared/corpus/wild: the published excerpts;
Tests/Fixtures/prose-scores, `repo_dir`: invented excerpts that write their scores in prose;
Tests/Fixtures/genre-probes: invented whole reports of many genres, written one wording at a time)."""
import concurrent.futures
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, '..', 'shared')
SCORE = os.path.join(SHARED, 'bench', 'score.py')
LINTER = os.path.join(ROOT, '.build', 'release', 'jxlint') + ' check --format json'
LAST = re.compile(r'issues (\d+)/(\d+) recall \(core (\d+)/(\d+)\), (\d+) false positives, mutants (\d+)/(\d+) detected \((.*)\)')


def folder_path(folder):
    if folder.get('repo_dir'):
        return os.path.join(ROOT, folder['repo_dir'])
    return os.path.join(SHARED, folder.get('dir') or 'corpus')


def run(folder, seed, per_seed):
    args = [sys.executable, SCORE, '--linter', LINTER, '--mutate-seed', str(seed), '--per-seed', str(per_seed)]
    path = folder_path(folder)
    if folder.get('dir') or folder.get('repo_dir'):
        args += ['--seeds-dir', path, '--truth-dir', path]
    out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900).stdout
    last = out.strip().splitlines()[-1] if out.strip() else ''
    m = LAST.match(last)
    if not m:
        print(out)
        sys.exit('score gate: cannot read the scorer output')
    kinds = {k: (int(a), int(b)) for k, a, b in re.findall(r'(\w+) (\d+)/(\d+)', m.group(8))}
    return {'issues': int(m.group(1)), 'issues_total': int(m.group(2)), 'core': int(m.group(3)),
            'core_total': int(m.group(4)), 'fp': int(m.group(5)), 'mutants': int(m.group(6)),
            'mutants_total': int(m.group(7)), 'kinds': kinds, 'line': last}


def check(name, folder, results):
    failures = []
    for seed in folder['seeds']:
        r = results[(name, seed)]
        print('%s seed %d: %s' % (name, seed, r['line']))
        tag = '%s seed %d' % (name, seed)
        if r['core'] < folder.get('min_core', r['core_total']):
            failures.append('%s: core recall %d/%d' % (tag, r['core'], r['core_total']))
        if r['issues'] < folder['min_issues_found']:
            failures.append('%s: %d issues found < %d' % (tag, r['issues'], folder['min_issues_found']))
        if r['fp'] > folder['max_false_positives']:
            failures.append('%s: %d false positives > %d' % (tag, r['fp'], folder['max_false_positives']))
        share = r['mutants'] / max(1, r['mutants_total'])
        if share < folder['min_mutant_share']:
            failures.append('%s: mutants %.3f < %.3f' % (tag, share, folder['min_mutant_share']))
        for kind, (det, tot) in r['kinds'].items():
            if tot and det / tot < folder['min_kind_share'].get(kind, 0):
                failures.append('%s: %s mutants %d/%d < %.2f' % (tag, kind, det, tot, folder['min_kind_share'][kind]))
    return failures


def main():
    with open(os.path.join(HERE, 'score-floor.json'), encoding='utf-8') as fh:
        floors = json.load(fh)
    failures = []
    present = {}
    for name, folder in floors['folders'].items():
        if not os.path.isdir(folder_path(folder)):
            print('%s: folder not found, skipped' % name)
            continue
        present[name] = folder
    # every folder and seed is a scorer run of its own: as many at once as there are cores (the
    # runs only read), the results reported in the floors' order
    jobs = [(name, seed) for name, folder in present.items() for seed in folder['seeds']]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        futures = {job: pool.submit(run, present[job[0]], job[1], present[job[0]].get('per_seed', 30)) for job in jobs}
        results = {job: f.result() for job, f in futures.items()}
    for name, folder in present.items():
        failures += check(name, folder, results)
    if failures:
        print('score gate FAILED:\n  ' + '\n  '.join(failures))
        sys.exit(1)
    print('score gate: ok')


if __name__ == '__main__':
    main()
