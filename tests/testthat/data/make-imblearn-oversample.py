"""References from imbalanced-learn's ClusterCentroids, KMeansSMOTE and SMOTEN, and
scikit-learn's KMeans, for test-sample-cluster.R, test-sample-smoten.R and
test-kmeans (in test-sample-cluster.R).

Run with Debian's imbalanced-learn:  /usr/bin/python3 make-imblearn-oversample.py
then:                                 Rscript make-imblearn-oversample.R

On fixed data sets (stored with the results) this records
* the class counts after ClusterCentroids (soft and hard), KMeansSMOTE and SMOTEN
  for several sampling_strategy forms, and the counts each sampler was asked for
  (its sampling_strategy_); KMeansSMOTE rounds every cluster's share up, so its
  counts may exceed what it was asked for;
* the inertia of scikit-learn's KMeans (k-means++, n_init = 10) on several data
  sets and cluster counts, and its centres on well-separated blobs.
"""
import json
import warnings

import imblearn
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTEN, KMeansSMOTE
from imblearn.under_sampling import ClusterCentroids
from sklearn.cluster import KMeans, MiniBatchKMeans

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261205)


def counts(y):
    values, n = np.unique(y, return_counts=True)
    return {str(v): int(c) for v, c in zip(values, n)}


def form_of(strategy):
    if isinstance(strategy, dict):
        return "dict"
    return "number" if isinstance(strategy, float) else "string"


def resample(sampler, X, y):
    # imbalanced-learn 0.10's parameter validation wrongly refuses some
    # strategy strings its samplers otherwise support; skip it.
    sampler._validate_params = lambda: None
    X_res, y_res = sampler.fit_resample(X, y)
    return X_res, y_res, {str(k): int(v) for k, v in sampler.sampling_strategy_.items()}


out = {"imblearn": imblearn.__version__, "sklearn": sklearn.__version__}

# Numeric data: a binary and a three-class set of Gaussian blobs, the minority
# split into two groups so that k-means finds minority clusters.
def numeric(layout, centres):
    y = np.concatenate([[k] * v for k, v in layout.items()])
    X = rng.normal(size=(len(y), 2))
    for k, c in centres.items():
        idx = np.flatnonzero(y == k)
        for j, i in enumerate(idx):
            X[i] += c[j % len(c)]
    return X, y


numeric_sets = {
    "binary": numeric({"neg": 240, "pos": 60}, {"neg": [(0, 0)], "pos": [(5, 5), (-5, 5)]}),
    "three": numeric({"a": 200, "b": 70, "c": 40}, {"a": [(0, 0)], "b": [(6, 0)], "c": [(0, 6), (6, 6)]}),
}
forms = {
    "binary": ["auto", 0.5, 0.8, {"pos": 100}],
    "three": ["auto", "not minority", {"b": 100, "c": 90}],
}
under_forms = {
    "binary": ["auto", 0.5, {"neg": 150}],
    "three": ["auto", "majority", {"a": 50, "b": 45}],
}
out["numeric"] = {}
for name, (X, y) in numeric_sets.items():
    entry = {"x1": X[:, 0].tolist(), "x2": X[:, 1].tolist(), "y": y.tolist(), "under": [], "over": []}
    for form in under_forms[name]:
        case = {"strategy": form, "form": form_of(form)}
        for voting in ("soft", "hard"):
            _, y_res, asked = resample(ClusterCentroids(voting=voting, sampling_strategy=form, random_state=0), X, y)
            case[voting] = counts(y_res)
        case["asked"] = asked
        entry["under"].append(case)
    for form in forms[name]:
        case = {"strategy": form, "form": form_of(form)}
        km = MiniBatchKMeans(n_clusters=4, random_state=0, n_init=3)
        _, y_res, asked = resample(
            KMeansSMOTE(sampling_strategy=form, random_state=0, kmeans_estimator=km, cluster_balance_threshold=0.3),
            X, y)
        case["kmeans_smote"] = counts(y_res)
        case["asked"] = asked
        entry["over"].append(case)
    out["numeric"][name] = entry

# KMeans inertia on blobs (well separated) and on overlapping Gaussians.
out["kmeans"] = []
blob_centres = np.array([[0.0, 0.0, 0.0], [10.0, 0.0, 0.0], [0.0, 10.0, 0.0], [0.0, 0.0, 10.0]])
blobs = np.vstack([c + rng.normal(scale=0.5, size=(50, 3)) for c in blob_centres])
overlap = rng.normal(size=(400, 4))
for name, X, ks in (("blobs", blobs, [4]), ("overlap", overlap, [2, 5, 12])):
    for k in ks:
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
        out["kmeans"].append({"name": name, "x": X.tolist(), "k": k, "inertia": float(km.inertia_),
                              "centers": km.cluster_centers_.tolist()})

# Categorical data for SMOTEN: three columns whose level frequencies depend on
# the class.
n_neg, n_pos = 150, 40
y = np.array(["neg"] * n_neg + ["pos"] * n_pos)
colour = np.where(y == "neg", rng.choice(["red", "green", "blue"], size=len(y), p=[0.5, 0.3, 0.2]),
                  rng.choice(["red", "green", "blue"], size=len(y), p=[0.1, 0.3, 0.6]))
size = rng.choice(["S", "M", "L", "XL"], size=len(y))
shape = np.where(y == "neg", rng.choice(["round", "square"], size=len(y), p=[0.7, 0.3]),
                 rng.choice(["round", "square"], size=len(y), p=[0.2, 0.8]))
X = np.column_stack([colour, size, shape]).astype(object)
entry = {"colour": colour.tolist(), "size": size.tolist(), "shape": shape.tolist(), "y": y.tolist(), "cases": []}
for form in ["auto", 0.5, {"pos": 100}]:
    _, y_res, asked = resample(SMOTEN(sampling_strategy=form, random_state=0), X, y)
    entry["cases"].append({"strategy": form, "form": form_of(form), "smoten": counts(y_res), "asked": asked})
out["smoten"] = entry

with open("imblearn-oversample.json", "w") as f:
    json.dump(out, f, indent=1)
