# Reference values for smotelab's numpy-exact streams (options(smotelab.rng =
# "numpy")), from Debian's numpy 1.24, scikit-learn 1.2.1 and
# imbalanced-learn 0.10. Run by make-numpy-refs.R, which stores the output as
# numpy-refs.rds. Labels are 0/1 (or 0..K-1) integers, so that R's factor
# levels sort as numpy sorts the labels. Row numbers are 0-based.
import json
import sys

import imblearn
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (GridSearchCV, RepeatedStratifiedKFold,
                                     StratifiedKFold, cross_validate,
                                     train_test_split)
from sklearn.preprocessing import StandardScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert imblearn.__version__ == "0.10.0", imblearn.__version__

out = {"versions": {"numpy": np.__version__, "sklearn": sklearn.__version__,
                    "imblearn": imblearn.__version__}}


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


# Raw streams: each list is the first draws of a fresh RandomState(seed).
streams = []
for seed in [0, 1, 42, 12345, 2**32 - 1]:
    case = {"seed": seed,
            "random_sample": floats(np.random.RandomState(seed).random_sample(20)),
            "standard_normal": floats(np.random.RandomState(seed).standard_normal(21)),
            "permutation": ints(np.random.RandomState(seed).permutation(17)),
            "randint": []}
    for low, high in [(0, 1), (0, 2), (0, 7), (-3, 5), (0, 1000), (0, 2**31 + 5), (5, 2**40)]:
        case["randint"].append({"low": low, "high": high,
                                "draws": ints(np.random.RandomState(seed).randint(low, high, size=12))})
    streams.append(case)
out["streams"] = streams

# make_classification. Small cases are stored whole; the lesson's 3000 x 10
# as labels, column sums and a sample of rows.
mc_cases = [
    dict(n_samples=150, n_features=8, n_informative=3, n_redundant=2, n_repeated=2,
         n_clusters_per_class=2, weights=[0.8, 0.2], flip_y=0.05, class_sep=0.7, random_state=0),
    dict(n_samples=120, n_features=6, n_informative=2, n_redundant=1, n_repeated=1,
         n_clusters_per_class=2, weights=[0.7], flip_y=0.2, class_sep=2.0, random_state=123),
    dict(n_samples=100, n_features=12, n_informative=9, n_redundant=0, n_repeated=0,
         n_clusters_per_class=1, weights=[0.6, 0.4], flip_y=0.0, class_sep=1.5, random_state=2**32 - 1),
    dict(n_samples=60, n_features=33, n_informative=32, n_redundant=0, n_repeated=0,
         n_clusters_per_class=3, weights=[0.9, 0.1], flip_y=0.1, class_sep=1.0, random_state=5),
    dict(n_samples=101, n_features=5, n_informative=5, n_redundant=0, n_repeated=0,
         n_clusters_per_class=4, weights=[0.5, 0.3], flip_y=0.5, class_sep=1.0, random_state=99),
    dict(n_samples=50, n_features=3, n_informative=1, n_redundant=1, n_repeated=1,
         n_clusters_per_class=1, weights=[0.9, 0.1], flip_y=0.01, class_sep=1.0, random_state=3),
    dict(n_samples=200, n_features=10, n_informative=6, n_redundant=2, n_repeated=0,
         n_clusters_per_class=2, weights=[0.9, 0.1], flip_y=0.01, class_sep=1.0, random_state=42),
]
out["make_classification"] = []
for args in mc_cases:
    X, y = make_classification(**args)
    out["make_classification"].append({"args": args, "x": floats(X), "y": ints(y)})

lesson = dict(n_samples=3000, n_features=10, n_informative=6, n_redundant=2, n_repeated=0,
              n_clusters_per_class=2, weights=[0.9, 0.1], flip_y=0.01, class_sep=1.0)
sample_rows = [0, 1, 2, 3, 4, 5, 500, 1234, 2047, 2998, 2999]
out["make_classification_lesson"] = []
for seed in [42, 7]:
    X, y = make_classification(**lesson, random_state=seed)
    out["make_classification_lesson"].append({
        "args": dict(lesson, random_state=seed), "y": ints(y), "col_sums": floats(X.sum(axis=0)),
        "rows": [r + 1 for r in sample_rows], "x_rows": floats(X[sample_rows])})

X_lesson, y_lesson = make_classification(**lesson, random_state=42)

# train_test_split(stratify = y) and StratifiedKFold(shuffle = True).
rs = np.random.RandomState(2024)
y3 = rs.randint(0, 3, size=47)
y3[:3] = [2, 0, 1]  # first appearance is not label order
y_first1 = np.array([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0])
y_ties = np.repeat([0, 1, 2, 3], [5, 5, 5, 4])
splits = []
for y, test_size, seed in [(y_lesson, 0.25, 42), (y_lesson, 0.3, 0), (y3, 0.2, 7), (y3, 10, 1),
                           (y_first1, 0.5, 3), (y_ties, 0.25, 11), (y_ties, 0.3, 2**32 - 1)]:
    train, test = train_test_split(np.arange(len(y)), stratify=y, test_size=test_size, random_state=seed)
    splits.append({"y": ints(y), "test_size": test_size, "seed": seed, "train": ints(train), "test": ints(test)})
out["train_test_split"] = splits


kfolds = []
for y, v, repeats, seed in [(y_lesson, 5, 1, 42), (y3, 3, 1, 7), (y_first1, 4, 1, 0), (y_ties, 4, 1, 5),
                            (y3, 3, 2, 11)]:
    if repeats == 1:
        cv = StratifiedKFold(n_splits=v, shuffle=True, random_state=seed)
    else:
        cv = RepeatedStratifiedKFold(n_splits=v, n_repeats=repeats, random_state=seed)
    ids = np.zeros((len(y), repeats), dtype=int)
    for s, (_, test) in enumerate(cv.split(np.zeros((len(y), 1)), y)):
        ids[test, s // v] = s % v
    kfolds.append({"y": ints(y), "v": v, "repeats": repeats, "seed": seed, "folds": ints(ids.T)})
out["stratified_kfold"] = kfolds

# The samplers. Inputs are stored with the outputs.
rs = np.random.RandomState(7)
X_small = np.vstack([rs.normal(size=(60, 3)), rs.normal(loc=1.5, size=(20, 3))])
y_small = np.repeat([0, 1], [60, 20])
X_multi = rs.normal(size=(70, 4))
y_multi = np.repeat([0, 1, 2], [40, 18, 12])
X_dup = np.vstack([rs.normal(size=(40, 2)), rs.normal(size=(6, 2)) + 2])
X_dup = np.vstack([X_dup, X_dup[40:43]])  # three minority rows twice
y_dup = np.repeat([0, 1, 1], [40, 6, 3])

smote_cases = []
for name, X, y, k, strategy, seed in [
    ("small", X_small, y_small, 5, "auto", 42), ("small", X_small, y_small, 3, 0.5, 0),
    ("multi", X_multi, y_multi, 4, "not majority", 7), ("multi", X_multi, y_multi, 2, {1: 30, 2: 25}, 3),
    ("dup", X_dup, y_dup, 3, "auto", 1)]:
    Xr, yr = SMOTE(k_neighbors=k, sampling_strategy=strategy, random_state=seed).fit_resample(X, y)
    assert np.array_equal(Xr[:len(y)], X)
    smote_cases.append({"x": floats(X), "y": ints(y), "k": k, "strategy": strategy, "seed": seed,
                        "x_new": floats(Xr[len(y):]), "y_new": ints(yr[len(y):])})
out["smote"] = smote_cases

# SMOTE on the lesson's training split: synthetic rows' column sums and a sample.
X_train, X_test, y_train, y_test = train_test_split(X_lesson, y_lesson, stratify=y_lesson, test_size=0.25,
                                                    random_state=42)
Xr, yr = SMOTE(random_state=42).fit_resample(X_train, y_train)
new = Xr[len(y_train):]
out["smote_lesson"] = {"n_new": int(len(new)), "col_sums": floats(new.sum(axis=0)),
                       "rows": [1, 2, 3, 100, 1000, int(len(new))], "x_rows": floats(new[[0, 1, 2, 99, 999, len(new) - 1]])}

# RandomOverSampler and RandomUnderSampler: the rows they return, 0-based.
random_cases = []
for X, y, strategy, seed, kinds in [(X_small, y_small, "auto", 42, ["over", "under"]),
                                    (X_small, y_small, 0.5, 0, ["over", "under"]),
                                    (X_multi, y_multi, "all", 7, ["over", "under"]),
                                    (X_multi, y_multi, "not minority", 9, ["over", "under"]),
                                    (X_multi, y_multi, {1: 25, 2: 30}, 3, ["over"]),
                                    (X_multi, y_multi, {0: 20, 2: 12}, 3, ["under"])]:
    case = {"y": ints(y), "strategy": strategy, "seed": seed}
    for kind in kinds:
        cls = RandomOverSampler if kind == "over" else RandomUnderSampler
        sampler = cls(sampling_strategy=strategy, random_state=seed)
        sampler.fit_resample(X, y)
        case[kind] = ints(sampler.sample_indices_)
    random_cases.append(case)
out["random"] = random_cases

# The lesson's pipeline in cross-validation and a grid search: the folds and
# every fit's SMOTE as imbalanced-learn draws them; logistic regression solved
# tightly, as smotelab solves it.
def lesson_pipe():
    return Pipeline([("scaler", StandardScaler()), ("smote", SMOTE(random_state=42)),
                     ("clf", LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000))])


cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
scores = cross_validate(lesson_pipe(), X_train, y_train, cv=cv, scoring=["roc_auc", "f1_macro", "recall_macro"])
out["cross_validate"] = {"x": floats(X_train), "y": ints(y_train),
                         "roc_auc": floats(scores["test_roc_auc"]), "f1_macro": floats(scores["test_f1_macro"]),
                         "recall_macro": floats(scores["test_recall_macro"])}
grid = {"smote__k_neighbors": [3, 7], "smote__sampling_strategy": [0.5, 1.0], "clf__C": [0.1, 10.0]}
gs = GridSearchCV(lesson_pipe(), grid, scoring="f1_macro", cv=cv).fit(X_train, y_train)
out["grid_search"] = {"params": [{k: float(v) for k, v in p.items()} for p in gs.cv_results_["params"]],
                      "mean": floats(gs.cv_results_["mean_test_score"]),
                      "best": {k: float(v) for k, v in gs.best_params_.items()},
                      "best_coef": floats(gs.best_estimator_.named_steps["clf"].coef_),
                      "best_intercept": float(gs.best_estimator_.named_steps["clf"].intercept_[0])}

json.dump(out, sys.stdout)
