#!/usr/bin/env python3
"""Learns the common Han bigrams of scientific Chinese from train/ (abstracts, de-duplicated, and
titles; the only input) and writes src/main/resources/search/common-bigrams.txt: one bigram per
line, most frequent first. The index keeps, per record, the frequencies of every single Han
character and of these bigrams in a compact forward list, so that long queries can score their
common terms for a few thousand candidates without walking long posting lists (ADR 0066). The list
decides speed only, never scores: a common term missing from it is scored from its postings.
Usage: learn-common-terms.py TRAIN_DIR OUT_TXT [MIN_DF_FRACTION=0.001]"""
import json, re, sys, collections
han = re.compile(r'[\u4e00-\u9fff]+')
train, out = sys.argv[1], sys.argv[2]
min_df = float(sys.argv[3]) if len(sys.argv) > 3 else 0.001
texts = []
seen = set()
for name, key in (('abstract_keywords.jsonl', 'abstract'), ('title_category.jsonl', 'title')):
    for line in open(f'{train}/{name}', encoding='utf-8'):
        t = json.loads(line).get(key, '')
        if t and t not in seen:
            seen.add(t)
            texts.append(t)
df = collections.Counter()
for t in texts:
    grams = set()
    for run in han.findall(t):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    df.update(grams)
keep = sorted((g for g, c in df.items() if c >= min_df * len(texts)), key=lambda g: (-df[g], g))
with open(out, 'w', encoding='utf-8') as f:
    f.write(''.join(g + '\n' for g in keep))
print(f'{len(texts)} texts, {len(df)} distinct bigrams, {len(keep)} kept (df >= {min_df:.4f})', file=sys.stderr)
