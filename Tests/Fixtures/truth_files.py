"""Writes a fixture folder's truth files in the corpus truth format (shared by the make_truth.py
scripts of the scored fixture folders)."""
import json
import os


def write(here, stem, year, relations):
    """relations: [(category, statement, check, [(line, literal, occurrence on the line)])]."""
    out = []
    for k, (category, statement, check, locs) in enumerate(relations, 1):
        out.append({
            'id': '%s-r%d' % (stem, k), 'category': category, 'lines': sorted({ln for ln, _, _ in locs}),
            'statement': statement, 'numbers': [lit for _, lit, _ in locs], 'holds': True,
            'locs': [[ln, occ] for ln, _, occ in locs], 'check': check,
        })
    truth = {'file': stem + '.txt', 'fiscal_year': year, 'issues': [], 'relations': out, 'ambiguous': []}
    with open(os.path.join(here, stem + '.truth.json'), 'w', encoding='utf-8') as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
