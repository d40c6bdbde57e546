"""References from imbalanced-learn's SMOTE variants, for test-sample-borderline.R,
test-sample-adasyn.R and test-sample-smote-nc.R.

Run with Debian's imbalanced-learn:  /usr/bin/python3 make-imblearn-variants.py
then:                                 Rscript make-imblearn-variants.R

On fixed data sets (stored with the results) this records
* the class counts after BorderlineSMOTE (both kinds), ADASYN and SMOTENC for
  several sampling_strategy forms;
* BorderlineSMOTE's danger mask of each class (its _in_danger_noise());
* ADASYN's number of new rows per seed row, computed as _adasyn.py does, and
  checked against the count of rows fit_resample() adds;
* SMOTENC's median standard deviation.
"""
import json
import warnings

import imblearn
import numpy as np
from imblearn.over_sampling import ADASYN, SMOTENC, BorderlineSMOTE

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261128)


def dataset(layout, shift):
    y = np.concatenate([[k] * v for k, v in layout.items()])
    X = rng.normal(size=(len(y), 2))
    for i, k in enumerate(layout):
        X[y == k] += shift * i
    return X, y


def resample(sampler, X, y):
    # imbalanced-learn 0.10's parameter validation wrongly refuses
    # "minority", which its samplers otherwise support; skip it.
    sampler._validate_params = lambda: None
    return sampler.fit_resample(X, y)


def counts(y):
    labels, n = np.unique(y, return_counts=True)
    return {str(l): int(c) for l, c in zip(labels, n)}


def adasyn_rows(X, y, cls, n_neighbors, n_samples):
    sampler = ADASYN(n_neighbors=n_neighbors)
    sampler._validate_estimator()
    nn = sampler.nn_.fit(X)
    nns = nn.kneighbors(X[y == cls], return_distance=False)[:, 1:]
    ratio = np.sum(y[nns] != cls, axis=1) / n_neighbors
    ratio /= np.sum(ratio)
    return np.rint(ratio * n_samples).astype(int)


layouts = {
    "binary": ({"neg": 160, "pos": 40}, 1.2),
    "three": ({"a": 120, "b": 50, "c": 30}, 1.0),
}
forms = {
    "binary": ["auto", "minority", "not majority", "all", 0.5, 0.8, {"pos": 100}],
    "three": ["auto", "minority", "not minority", "not majority", "all", {"b": 80, "c": 60}],
}
out = {"imblearn": imblearn.__version__, "datasets": {}}
for name, (layout, shift) in layouts.items():
    X, y = dataset(layout, shift)
    entry = {"x1": X[:, 0].tolist(), "x2": X[:, 1].tolist(), "y": y.tolist(), "cases": [], "danger": {},
             "adasyn_rows": {}}
    for m in (5, 10):
        sampler = BorderlineSMOTE(m_neighbors=m)
        sampler._validate_estimator()
        sampler.nn_m_.fit(X)
        entry["danger"][str(m)] = {
            str(c): sampler._in_danger_noise(sampler.nn_m_, X[y == c], c, y, kind="danger").tolist()
            for c in layout
        }
    for form in forms[name]:
        case = {"strategy": form, "form": "dict" if isinstance(form, dict) else
                ("number" if isinstance(form, float) else "string")}
        for kind in ("borderline-1", "borderline-2"):
            _, y_res = resample(BorderlineSMOTE(kind=kind, sampling_strategy=form, random_state=0), X, y)
            case[kind] = counts(y_res)
        _, y_res = resample(ADASYN(sampling_strategy=form, random_state=0), X, y)
        case["adasyn"] = counts(y_res)
        entry["cases"].append(case)
    # ADASYN per-row counts, for "auto" (every class but the majority grows).
    n_major = max(layout.values())
    for c, n in layout.items():
        if n == n_major:
            continue
        rows = adasyn_rows(X, y, c, 5, n_major - n)
        entry["adasyn_rows"][c] = rows.tolist()
    _, y_res = ADASYN(random_state=0).fit_resample(X, y)
    added = {k: v - layout[k] for k, v in counts(y_res).items()}
    assert all(added[c] == sum(r) for c, r in entry["adasyn_rows"].items())
    out["datasets"][name] = entry

# SMOTENC: one numeric column scaled up, one factor, one 0/1 column.
n = 150
y = np.array(["neg"] * 120 + ["pos"] * 30)
x1 = rng.normal(size=n) * 3 + (y == "pos") * 2
x2 = rng.normal(size=n)
colour = rng.choice(["red", "green", "blue"], size=n)
flag = rng.choice(["no", "yes"], size=n)
X = np.empty((n, 4), dtype=object)
X[:, 0], X[:, 1], X[:, 2], X[:, 3] = x1, colour, x2, flag
nc = {"x1": x1.tolist(), "x2": x2.tolist(), "colour": colour.tolist(), "flag": flag.tolist(), "y": y.tolist(),
      "cases": []}
for form in ["auto", "minority", 0.5, {"pos": 60}]:
    sampler = SMOTENC(categorical_features=[1, 3], sampling_strategy=form, random_state=0)
    _, y_res = resample(sampler, X, y)
    nc["cases"].append({"strategy": form, "form": "dict" if isinstance(form, dict) else
                        ("number" if isinstance(form, float) else "string"), "smote_nc": counts(y_res)})
    nc["median_std"] = float(sampler.median_std_)
out["smote_nc"] = nc

with open("imblearn-variants.json", "w") as f:
    json.dump(out, f, indent=1)
