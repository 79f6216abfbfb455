#!/usr/bin/env python3
"""Writes the truth files of these invented excerpts (scores written in prose or in flattened
indicator rows) in the corpus truth format, so ../shared/bench can inject score slips into them:

    python3 Tests/Fixtures/prose-scores/make_truth.py
    python3 ../shared/bench/relcheck.py --verify --seeds-dir Tests/Fixtures/prose-scores --truth-dir Tests/Fixtures/prose-scores

Each relation: (statement, check, [(line, literal, occurrence on the line)]). Every text and figure
here is invented."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def le(pairs):
    """score <= weight for each (score, weight) location pair."""
    return ' and '.join('n%d <= n%d' % (2 * i, 2 * i + 1) for i in range(len(pairs)))


def total(n):
    return ' + '.join('n%d' % i for i in range(n - 1)) + ' == n%d' % (n - 1)


SPECS = {
    'ps01': (2023, [
        ('each score <= its weight', None, [(6, '9.6', 1), (6, '10', 1), (7, '30', 2), (7, '30', 1), (8, '18', 1), (8, '20', 1),
                                            (9, '27.5', 1), (9, '30', 1), (10, '9', 1), (10, '10', 1)]),
        ('weights sum to 100', 'n0 + n1 + n2 + n3 + n4 == 100', [(6, '10', 1), (7, '30', 1), (8, '20', 1), (9, '30', 1), (10, '10', 1)]),
        ('scores sum to the total', None, [(6, '9.6', 1), (7, '30', 2), (8, '18', 1), (9, '27.5', 1), (10, '9', 1), (11, '94.1', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(11, '94.1', 1)]),
    ]),
    'ps02': (2023, [
        ('each score <= its weight', None, [(5, '9.5', 1), (5, '10', 1), (6, '20', 2), (6, '20', 1), (6, '14', 1), (6, '15', 1),
                                            (6, '9', 1), (6, '10', 1), (6, '5', 2), (6, '5', 1), (7, '18', 1), (7, '20', 1),
                                            (7, '8', 1), (7, '10', 1), (8, '9.2', 1), (8, '10', 1)]),
        ('得95%权重分: score = weight x rate', 'n0 == n1 * ~n2 / 100', [(5, '9.5', 1), (5, '10', 1), (5, '95', 2)]),
        ('得92%权重分: score = weight x rate', 'n0 == n1 * ~n2 / 100', [(8, '9.2', 1), (8, '10', 1), (8, '92', 2)]),
        ('weights sum to the full mark', None, [(5, '10', 1), (6, '20', 1), (6, '15', 1), (6, '10', 1), (6, '5', 1), (7, '20', 1),
                                                (7, '10', 1), (8, '10', 1), (10, '100', 1)]),
        ('scores sum to the total', None, [(5, '9.5', 1), (6, '20', 2), (6, '14', 1), (6, '9', 1), (6, '5', 2), (7, '18', 1),
                                           (7, '8', 1), (8, '9.2', 1), (10, '92.7', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(10, '92.7', 1)]),
    ]),
    'ps03': (2023, [
        ('weights sum to the full mark', None, [(5, '20', 1), (5, '20', 2), (5, '40', 1), (5, '20', 3), (5, '100', 1)]),
        ('scores sum to the stated score', None, [(5, '18', 1), (5, '19', 1), (5, '38', 1), (5, '17.5', 1), (5, '92.5', 1)]),
        ('scores sum to the total', None, [(5, '18', 1), (5, '19', 1), (5, '38', 1), (5, '17.5', 1), (5, '92.5', 2)]),
        ('each score <= its weight', None, [(5, '18', 1), (5, '20', 1), (5, '19', 1), (5, '20', 2), (5, '38', 1), (5, '40', 1),
                                            (5, '17.5', 1), (5, '20', 3)]),
        ('优 needs 90 or more', 'n0 >= 90 and n1 >= 90', [(5, '92.5', 1), (5, '92.5', 2)]),
    ]),
    'ps04': (2023, [
        ('决策 sub-weights', None, [(6, '5', 1), (7, '5', 1), (8, '5', 1), (5, '15', 1)]),
        ('决策 sub-scores', None, [(6, '5', 2), (7, '4', 1), (8, '5', 2), (5, '14', 1)]),
        ('过程 sub-weights', None, [(10, '10', 1), (11, '10', 1), (9, '20', 1)]),
        ('过程 sub-scores', None, [(10, '9.5', 1), (11, '9', 1), (9, '18.5', 1)]),
        ('产出 sub-weights', None, [(13, '20', 1), (14, '10', 1), (15, '10', 1), (12, '40', 1)]),
        ('产出 sub-scores', None, [(13, '20', 2), (14, '9', 1), (15, '9', 1), (12, '38', 1)]),
        ('效益 sub-weights', None, [(17, '15', 1), (18, '10', 1), (16, '25', 1)]),
        ('效益 sub-scores', None, [(17, '14', 1), (18, '9', 1), (16, '23', 1)]),
        ('top weights sum to 100', 'n0 + n1 + n2 + n3 == 100', [(5, '15', 1), (9, '20', 1), (12, '40', 1), (16, '25', 1)]),
        ('top scores sum to the total', None, [(5, '14', 1), (9, '18.5', 1), (12, '38', 1), (16, '23', 1), (20, '93.5', 1)]),
        ('each score <= its weight', None, [(5, '14', 1), (5, '15', 1), (7, '4', 1), (7, '5', 1), (9, '18.5', 1), (9, '20', 1),
                                            (10, '9.5', 1), (10, '10', 1), (11, '9', 1), (11, '10', 1), (14, '9', 1), (14, '10', 1),
                                            (15, '9', 1), (15, '10', 1), (16, '23', 1), (16, '25', 1), (17, '14', 1), (17, '15', 1),
                                            (18, '9', 1), (18, '10', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(20, '93.5', 1)]),
    ]),
    'ps05': (2023, [
        ('weights sum to the 合计 weight', None, [(2, '10', 1), (2, '20', 1), (2, '15', 1), (2, '15', 3), (2, '20', 3), (2, '20', 4),
                                                  (2, '100', 4)]),
        ('scores sum to the 合计 score', None, [(2, '9.85', 1), (2, '20', 2), (2, '15', 2), (2, '15', 4), (2, '18', 1), (2, '19', 1),
                                                (2, '96.85', 1)]),
        ('the stated score is the 合计 score', 'n0 == n1', [(2, '96.85', 1), (3, '96.85', 1)]),
        ('each score <= its weight', None, [(2, '9.85', 1), (2, '10', 1), (2, '20', 2), (2, '20', 1), (2, '15', 2), (2, '15', 1),
                                            (2, '15', 4), (2, '15', 3), (2, '18', 1), (2, '20', 3), (2, '19', 1), (2, '20', 4)]),
        ('预算执行率 scored as weight x rate', 'n0 == n1 * n2 / 100', [(2, '9.85', 1), (2, '10', 1), (2, '98.5', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(3, '96.85', 1)]),
    ]),
    'ps06': (2023, [
        ('the listed weights do not exceed 合计 (预算执行率 not listed)', 'n0 + n1 + n2 + n3 + n4 <= n5',
         [(2, '25', 1), (2, '25', 2), (2, '20', 1), (2, '10', 1), (2, '10', 2), (2, '100', 2)]),
    ]),
    'ps07': (2023, [
        ('weights sum to 100', 'n0 + n1 + n2 + n3 + n4 == 100', [(3, '10', 1), (4, '20', 1), (5, '10', 1), (6, '35', 1), (7, '25', 1)]),
        ('scores sum to the 合计 score', None, [(3, '9', 1), (4, '18.64', 1), (5, '10', 2), (6, '33.5', 1), (7, '23', 1), (8, '94.14', 1)]),
        ('weight - deduction = score', 'n0 - n1 == n2', [(3, '10', 1), (3, '1', 1), (3, '9', 1)]),
        ('按执行率计分: score = weight x rate', 'n0 == n1 * n2 / 100', [(4, '18.64', 1), (4, '20', 1), (4, '93.2', 1)]),
        ('each score <= its weight', None, [(3, '9', 1), (3, '10', 1), (6, '33.5', 1), (6, '35', 1), (7, '23', 1), (7, '25', 1)]),
        ('优秀 needs 90 or more', 'n0 >= 90', [(8, '94.14', 1)]),
    ]),
    'ps08': (2023, [
        ('weights sum to 总分', None, [(3, '15', 1), (3, '20', 1), (3, '40', 1), (3, '25', 1), (3, '100', 1)]),
        ('scores sum to 综合得分', None, [(3, '14.5', 1), (3, '17', 1), (3, '36', 1), (3, '22', 1), (3, '89.5', 1)]),
        ('each score <= its weight', None, [(3, '14.5', 1), (3, '15', 1), (3, '17', 1), (3, '20', 1), (3, '36', 1), (3, '40', 1),
                                            (3, '22', 1), (3, '25', 1)]),
        ('良 needs 80 to 90', 'n0 >= 80 and n0 < 90', [(3, '89.5', 1)]),
        ('过程 deduction = weight - score', 'n0 - n1 == n2', [(3, '20', 1), (3, '17', 1), (5, '3', 1)]),
        ('产出 deduction = weight - score', 'n0 - n1 == n2', [(3, '40', 1), (3, '36', 1), (6, '4', 1)]),
        ('效益 deduction = weight - score', 'n0 - n1 == n2', [(3, '25', 1), (3, '22', 1), (7, '3', 1)]),
    ]),
    'ps09': (2023, [
        ('weights sum to 100', 'n0 + n1 + n2 + n3 + n4 == 100', [(3, '10', 1), (4, '5', 1), (5, '40', 1), (6, '30', 1), (7, '15', 1)]),
        ('scores sum to the total', None, [(3, '9.92', 1), (4, '5', 2), (5, '38.8', 1), (6, '28', 1), (7, '14', 1), (8, '95.72', 1)]),
        ('each score <= its weight', None, [(3, '9.92', 1), (3, '10', 1), (5, '38.8', 1), (5, '40', 1), (6, '28', 1), (6, '30', 1),
                                            (7, '14', 1), (7, '15', 1)]),
        ('优秀 needs 90 or more', 'n0 >= 90', [(8, '95.72', 1)]),
    ]),
    'ps10': (2023, [
        ('weights sum to the full mark', None, [(3, '15', 1), (3, '20', 1), (3, '40', 1), (3, '25', 1), (3, '100', 1)]),
        ('scores sum to the total', None, [(3, '14', 1), (3, '19', 1), (3, '37', 1), (3, '23.5', 1), (3, '93.5', 1)]),
        ('each score <= its weight', None, [(3, '14', 1), (3, '15', 1), (3, '19', 1), (3, '20', 1), (3, '37', 1), (3, '40', 1),
                                            (3, '23.5', 1), (3, '25', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(3, '93.5', 1)]),
    ]),
    'ps11': (2023, [
        ('weights sum to 总分', None, [(2, '10', 1), (2, '20', 1), (2, '20', 3), (2, '10', 2), (2, '20', 5), (2, '20', 6), (2, '100', 2)]),
        ('scores sum to the total', None, [(2, '9.56', 1), (2, '20', 2), (2, '20', 4), (2, '10', 3), (2, '18', 1), (2, '18', 2),
                                           (2, '95.56', 1)]),
        ('each score <= its weight', None, [(2, '9.56', 1), (2, '10', 1), (2, '18', 1), (2, '20', 5), (2, '18', 2), (2, '20', 6)]),
        ('预算执行率 scored as weight x rate', 'n0 == n1 * n2 / 100', [(2, '9.56', 1), (2, '10', 1), (2, '95.6', 1)]),
    ]),
    'ps12': (2023, [
        ('weights sum to 100', 'n0 + n1 + n2 + n3 == 100', [(2, '20', 1), (3, '20', 1), (4, '35', 1), (5, '25', 1)]),
        ('scores sum to the total', None, [(2, '20', 2), (3, '18', 1), (4, '33', 1), (5, '24', 1), (6, '95', 1)]),
        ('each score <= its weight', None, [(3, '18', 1), (3, '20', 1), (4, '33', 1), (4, '35', 1), (5, '24', 1), (5, '25', 1)]),
        ('优 needs 90 or more', 'n0 >= 90', [(6, '95', 1)]),
    ]),
    'ps13': (2023, [
        ('weights sum to 100', 'n0 + n1 + n2 + n3 == 100', [(2, '10', 1), (2, '50', 1), (2, '30', 1), (2, '10', 2)]),
        ('scores sum to the total', None, [(2, '9.8', 1), (2, '48', 1), (2, '28', 1), (2, '9', 1), (2, '94.8', 1)]),
        ('each score <= its weight', None, [(2, '9.8', 1), (2, '10', 1), (2, '48', 1), (2, '50', 1), (2, '28', 1), (2, '30', 1),
                                            (2, '9', 1), (2, '10', 2)]),
        ('优 needs 90 or more', 'n0 >= 90', [(2, '94.8', 1)]),
    ]),
    'ps14': (2023, [
        ('weights sum to the 合计 weight', None, [(3, '10', 1), (4, '20', 1), (5, '20', 1), (6, '10', 1), (7, '20', 1), (8, '20', 1),
                                                  (9, '100', 1)]),
        ('scores sum to the 合计 score', None, [(3, '9.75', 1), (4, '20', 2), (5, '19', 1), (6, '10', 2), (7, '18', 1), (8, '19', 1),
                                                (9, '95.75', 1)]),
        ('each score <= its weight', None, [(3, '9.75', 1), (3, '10', 1), (5, '19', 1), (5, '20', 1), (7, '18', 1), (7, '20', 1),
                                            (8, '19', 1), (8, '20', 1)]),
        ('预算执行率 scored as weight x rate', 'n0 == n1 * n2 / 100', [(3, '9.75', 1), (3, '10', 1), (3, '97.5', 1)]),
    ]),
}


def main():
    for stem, (year, rels) in SPECS.items():
        relations = []
        for k, (statement, check, locs) in enumerate(rels, 1):
            if check is None:
                check = le(locs[::2]) if statement.startswith('each score') else total(len(locs))
            relations.append({
                'id': '%s-r%d' % (stem, k), 'category': 'score', 'lines': sorted({ln for ln, _, _ in locs}),
                'statement': statement, 'numbers': [lit for _, lit, _ in locs], 'holds': True,
                'locs': [[ln, occ] for ln, _, occ in locs], 'check': check,
            })
        truth = {'file': stem + '.txt', 'fiscal_year': year, 'issues': [], 'relations': relations, 'ambiguous': []}
        with open(os.path.join(HERE, stem + '.truth.json'), 'w', encoding='utf-8') as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write('\n')


if __name__ == '__main__':
    main()
