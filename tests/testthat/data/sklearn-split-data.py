# Reference values from scikit-learn 1.2 for the data and split families.
# Run by sklearn-split-data.R, which stores the output as sklearn-split-data.rds.
import json

import numpy as np
from sklearn.datasets import make_classification
from sklearn.model_selection import StratifiedKFold, train_test_split

out = {"make_classification": [], "train_test_split": [], "stratified_kfold": []}

# Class counts of make_classification without label noise: they depend only
# on n_samples, weights and n_clusters_per_class, not on the random draws.
for n, weights, clusters in [
    (3000, [0.9, 0.1], 2),
    (1001, [0.9, 0.1], 2),
    (1003, [0.7, 0.2], 3),
    (500, [0.95], 1),
    (777, [0.6, 0.15], 4),
    (20, [0.5, 0.3], 2),
]:
    _, y = make_classification(
        n_samples=n, n_features=10, n_informative=4, n_redundant=2,
        n_clusters_per_class=clusters, weights=weights, flip_y=0, random_state=0,
    )
    out["make_classification"].append({
        "n_samples": n, "weights": weights, "n_clusters_per_class": clusters,
        "counts": np.bincount(y, minlength=2).tolist(),
    })

# Test rows per class of a stratified train_test_split. Only cases whose
# counts do not depend on random tie-breaking are kept.
for counts, test_size in [
    ([500, 268], 0.25), ([500, 268], 0.1), ([90, 10], 0.3), ([7, 5], 0.5),
    ([1000, 37], 0.2), ([30, 3, 12], 0.25), ([51, 49], 17), ([13, 4, 9, 21], 0.4),
    ([2700, 300], 0.33), ([8, 3], 0.2),
]:
    y = np.repeat(np.arange(len(counts)), counts)
    x = np.zeros((len(y), 1))
    seen = set()
    for seed in range(20):
        _, _, _, y_test = train_test_split(x, y, test_size=test_size, stratify=y, random_state=seed)
        seen.add(tuple(np.bincount(y_test, minlength=len(counts)).tolist()))
    if len(seen) == 1:
        out["train_test_split"].append({
            "counts": counts, "test_size": test_size, "test_counts": list(seen.pop()),
        })

# Rows per fold and class of StratifiedKFold: the allocation is fixed; the
# shuffle only moves rows between folds within a class. Classes appear in
# label order, so scikit-learn's order of appearance is the level order.
for counts, v in [
    ([500, 268], 5), ([90, 10], 10), ([7, 5], 3), ([31, 3, 12], 3), ([13, 4, 9, 21], 4),
    ([2700, 300], 7), ([6, 6], 5),
]:
    y = np.repeat(np.arange(len(counts)), counts)
    folds = np.empty(len(y), dtype=int)
    for k, (_, test) in enumerate(StratifiedKFold(v, shuffle=True, random_state=1).split(y, y)):
        folds[test] = k
    table = [np.bincount(y[folds == k], minlength=len(counts)).tolist() for k in range(v)]
    out["stratified_kfold"].append({"counts": counts, "v": v, "table": table})

print(json.dumps(out))
