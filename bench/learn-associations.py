#!/usr/bin/env python3
"""Learns keyword-to-abstract term associations from train/abstract_keywords.jsonl (the only input)
and writes src/main/resources/search/associations.tsv: keyword bigram <TAB> abstract bigram <TAB> weight.
Han bigrams as the index's analyser makes them. Usage: learn-associations.py TRAIN_JSONL OUT_TSV"""
import json, math, re, sys, collections
han = re.compile(r'[\u4e00-\u9fff]+')
def bigrams(s):
    out = set()
    for run in han.findall(s):
        for i in range(len(run) - 1):
            out.add(run[i:i + 2])
    return out
co = collections.Counter(); dfk = collections.Counter(); dfa = collections.Counter(); n = 0
records = {}
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    # the upstream task lists each abstract twice (genuine and partly fake keywords): keep one, genuine first
    if r['abstract'] not in records or r.get('keywords_all_genuine'):
        records[r['abstract']] = r
for r in records.values():
    n += 1
    A = bigrams(r['abstract'])
    K = set()
    for k in r['keywords']:
        K |= bigrams(k)
    for a in A: dfa[a] += 1
    for k in K:
        dfk[k] += 1
        for a in A:
            if a != k:
                co[(k, a)] += 1
best = collections.defaultdict(list)
for (k, a), c in co.items():
    if c < 2 or dfa[a] < 3 or dfk[k] < 3:
        continue
    # how much more often a appears with k than without: lift with a floor, times idf of a
    p_a_given_k = c / dfk[k]
    p_a = dfa[a] / n
    lift = p_a_given_k / p_a
    if lift < 3 or p_a_given_k < 0.3:
        continue
    best[k].append((p_a_given_k * math.log(lift), a))
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write('# learned from train/abstract_keywords.jsonl by bench/learn-associations.py\n')
    for k in sorted(best):
        for w, a in sorted(best[k], reverse=True)[:5]:
            f.write(f'{k}\t{a}\t{w:.3f}\n')
print('records', n, 'keys', len(best), file=sys.stderr)
