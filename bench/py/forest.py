"""One random-forest measurement in its own process:
    python3 bench/py/forest.py METHOD DATASET REPS WARMUP
fits on DATASET, predicts its held-out companion untimed and prints
`BENCH {"seconds": ..., "auc": ...}`. The hyperparameters are those of
bench/r/forest-settings.R; method "imblearn" is imbalanced-learn's
BalancedRandomForestClassifier with its defaults (bench-ensembles.R)."""
import math
import re

from common import args, emit, load, time_median

FOREST_TREES = 100
FOREST_MIN_NODE_SIZE = 10

method, dataset, reps, warmup = args()
x, y = load(dataset)
x_test, y_test = load(re.sub(r"-n[0-9]+-", "-test-", dataset))

if method == "baseline":
    emit({"method": method, "seconds": 0})
elif method == "sklearn":
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score

    p = x.shape[1]
    # ranger leaves a node of at most min.node.size rows unsplit; scikit-learn
    # splits a node of at least min_samples_split rows, hence the + 1.
    make = lambda: RandomForestClassifier(n_estimators=FOREST_TREES, max_features=int(math.floor(math.sqrt(p))),
                                          min_samples_split=FOREST_MIN_NODE_SIZE + 1, n_jobs=2, random_state=1)
    seconds, times, model = time_median(lambda: make().fit(x, y), reps, warmup)
    emit({"method": method, "seconds": seconds, "times": times,
          "auc": float(roc_auc_score(y_test, model.predict_proba(x_test)[:, 1]))})
elif method == "imblearn":
    import warnings

    from imblearn.ensemble import BalancedRandomForestClassifier
    from sklearn.metrics import roc_auc_score

    p = x.shape[1]
    # imbalanced-learn 0.10 warns that these defaults change in 0.13; they
    # are the ones measured (bench-ensembles.R), stated explicitly: the
    # majority under-sampled to the minority's size without replacement,
    # then a bootstrap, trees grown fully.
    warnings.filterwarnings("ignore", category=FutureWarning)
    make = lambda: BalancedRandomForestClassifier(
        n_estimators=FOREST_TREES, max_features=int(math.floor(math.sqrt(p))), sampling_strategy="auto",
        replacement=False, bootstrap=True, n_jobs=2, random_state=1)
    seconds, times, model = time_median(lambda: make().fit(x, y), reps, warmup)
    emit({"method": method, "seconds": seconds, "times": times,
          "auc": float(roc_auc_score(y_test, model.predict_proba(x_test)[:, 1]))})
else:
    raise SystemExit("unknown method " + method)
