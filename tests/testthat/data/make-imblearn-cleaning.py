"""References from imbalanced-learn's cleaning and NearMiss under-samplers,
for test-sample-cleaning.R and test-sample-near-miss.R.

Run with Debian's imbalanced-learn:  /usr/bin/python3 make-imblearn-cleaning.py
then:                                 Rscript make-imblearn-cleaning.R

On fixed data sets (stored with the results) this records the set of rows
(0-based, sorted) that TomekLinks, EditedNearestNeighbours (both kind_sel),
RepeatedEditedNearestNeighbours, AllKNN, NeighbourhoodCleaningRule and
NearMiss (versions 1 to 3) keep, for several parameters. The data sets have
no exact duplicate rows: there imbalanced-learn may count a row as its own
neighbour, a fault smotelab does not copy (tested separately). `ties` has
integer coordinates, so many distances tie.

On `ties`, scikit-learn orders tied neighbours as its tree happens to hold
them, and smotelab by row number, so there imbalanced-learn runs with its
neighbour searches replaced by an exact search that orders ties by row
number (the row itself first): that checks that the rules on top of the
search are imbalanced-learn's. RepeatedEditedNearestNeighbours and AllKNN
are left out there: between passes imbalanced-learn regroups the rows by
class, so its row numbers, and with them its tie order, change, while
smotelab keeps the original row numbers.

NeighbourhoodCleaningRule with kind_sel="all" is recorded only where its
0.10 fault (it tests labels for being non-zero, not for being the minority)
does not change the answer: binary data whose minority is labelled 1.
"""
import json
import warnings

import imblearn
import imblearn.under_sampling._prototype_selection._tomek_links as tomek_module
import imblearn.utils._validation as validation_module
import numpy as np
from sklearn.neighbors import NearestNeighbors
from imblearn.under_sampling import (
    AllKNN,
    EditedNearestNeighbours,
    NearMiss,
    NeighbourhoodCleaningRule,
    RepeatedEditedNearestNeighbours,
    TomekLinks,
)

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261205)


def blobs(layout, shift, p):
    y = np.concatenate([[k] * v for k, v in layout.items()])
    X = rng.normal(size=(len(y), p))
    for i, k in enumerate(layout):
        X[y == k, 0] += shift * i
    return X, y


def ties():
    # Distinct points of a small integer grid: many equal distances.
    cells = np.array([(a, b) for a in range(12) for b in range(12)], dtype=float)
    pick = rng.choice(len(cells), size=110, replace=False)
    X = cells[pick]
    y = (X[:, 0] + rng.integers(0, 4, size=110) > 11).astype(int)
    return X, y


datasets = {
    "binary": blobs({0: 150, 1: 30}, 1.5, 2),
    "ties": ties(),
    "three": blobs({0: 90, 1: 60, 2: 25}, 1.2, 3),
    "wide": blobs({0: 200, 1: 40}, 1.0, 8),
}


def kept(sampler, X, y):
    sampler.fit_resample(X, y)
    return sorted(int(i) for i in sampler.sample_indices_)


def kept_rows(sampler, X, y):
    # RepeatedEditedNearestNeighbours's sample_indices_ can be wrong in 0.10
    # (it applies the last selection twice); find its returned rows instead.
    Xr, _ = sampler.fit_resample(X, y)
    rows = []
    for r in Xr:
        match = np.flatnonzero(np.all(X == r, axis=1))
        assert len(match) == 1
        rows.append(int(match[0]))
    return sorted(rows)


class IndexOrderedNeighbors(NearestNeighbors):
    """Exact neighbours, ties in distance broken by row number."""

    def kneighbors(self, X=None, n_neighbors=None, return_distance=True):
        k = n_neighbors or self.n_neighbors
        fit = self._fit_X
        d = np.sqrt(((X[:, None, :] - fit[None, :, :]) ** 2).sum(axis=2))
        idx = np.array([np.lexsort((np.arange(len(fit)), row))[:k] for row in d])
        dist = np.take_along_axis(d, idx, axis=1)
        return (dist, idx) if return_distance else idx


def index_ordered(on):
    cls = IndexOrderedNeighbors if on else NearestNeighbors
    tomek_module.NearestNeighbors = cls
    validation_module.NearestNeighbors = cls


out = {"imblearn": imblearn.__version__, "datasets": {}}
runs = [(name, name, name == "ties") for name in datasets]
for name, source, ordered in runs:
    X, y = datasets[source]
    index_ordered(ordered)
    cases = []

    def add(method, params, rows):
        cases.append({"method": method, "params": params, "kept": rows})

    minority = min(set(y.tolist()), key=lambda c: (np.sum(y == c), c))
    for s in ["auto", "all", "not majority"]:
        add("tomek", {"sampling_strategy": s}, kept(TomekLinks(sampling_strategy=s), X, y))
    for k in [1, 3, 5]:
        for kind in ["all", "mode"]:
            add("enn", {"n_neighbors": k, "kind_sel": kind},
                kept(EditedNearestNeighbours(n_neighbors=k, kind_sel=kind), X, y))
    add("enn", {"n_neighbors": 3, "kind_sel": "all", "sampling_strategy": "all"},
        kept(EditedNearestNeighbours(sampling_strategy="all"), X, y))
    add("enn", {"n_neighbors": 4, "kind_sel": "mode", "sampling_strategy": "all"},
        kept(EditedNearestNeighbours(n_neighbors=4, kind_sel="mode", sampling_strategy="all"), X, y))
    for kind in ["all", "mode"] * (not ordered):
        add("renn", {"n_neighbors": 3, "kind_sel": kind},
            kept_rows(RepeatedEditedNearestNeighbours(kind_sel=kind), X, y))
    for kind in ["all", "mode"] * (not ordered):
        for allow in [False, True]:
            add("all_knn", {"n_neighbors": 3, "kind_sel": kind, "allow_minority": allow},
                kept(AllKNN(kind_sel=kind, allow_minority=allow), X, y))
    if not ordered:
        add("renn", {"n_neighbors": 3, "kind_sel": "all", "max_iter": 2},
            kept_rows(RepeatedEditedNearestNeighbours(max_iter=2), X, y))
        add("all_knn", {"n_neighbors": 5, "kind_sel": "all", "allow_minority": False},
            kept(AllKNN(n_neighbors=5), X, y))
    add("ncr", {"n_neighbors": 3, "kind_sel": "mode"},
        kept(NeighbourhoodCleaningRule(kind_sel="mode"), X, y))
    add("ncr", {"n_neighbors": 5, "kind_sel": "mode", "threshold_cleaning": 0.2},
        kept(NeighbourhoodCleaningRule(n_neighbors=5, kind_sel="mode", threshold_cleaning=0.2), X, y))
    if len(set(y.tolist())) == 2 and minority == 1:
        add("ncr", {"n_neighbors": 3, "kind_sel": "all"}, kept(NeighbourhoodCleaningRule(), X, y))
    for version in [1, 2, 3]:
        for k in [1, 3]:
            add("near_miss", {"version": version, "n_neighbors": k},
                kept(NearMiss(version=version, n_neighbors=k), X, y))
    add("near_miss", {"version": 1, "n_neighbors": 10}, kept(NearMiss(version=1, n_neighbors=10), X, y))
    add("near_miss", {"version": 2, "n_neighbors": 9}, kept(NearMiss(version=2, n_neighbors=9), X, y))
    add("near_miss", {"version": 3, "n_neighbors": 3, "n_neighbors_ver3": 1},
        kept(NearMiss(version=3, n_neighbors_ver3=1), X, y))
    if len(set(y.tolist())) == 2:
        add("near_miss", {"version": 1, "n_neighbors": 3, "sampling_strategy": 0.5},
            kept(NearMiss(version=1, sampling_strategy=0.5), X, y))
        add("near_miss", {"version": 3, "n_neighbors": 3, "sampling_strategy": 0.5},
            kept(NearMiss(version=3, sampling_strategy=0.5), X, y))
    else:
        add("near_miss", {"version": 2, "n_neighbors": 3, "sampling_strategy": {"1": 30}},
            kept(NearMiss(version=2, sampling_strategy={1: 30}), X, y))
    out["datasets"][name] = {"index_ordered_ties": ordered, "x": X.T.tolist(), "y": y.tolist(), "cases": cases}

with open("imblearn-cleaning.json", "w") as f:
    json.dump(out, f)
