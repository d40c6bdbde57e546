"""One balanced-forest measurement in its own process:
    python3 bench/py/ensembles.py METHOD DATASET REPS WARMUP
fits imbalanced-learn's BalancedRandomForestClassifier on DATASET, predicts
its held-out companion untimed and prints `BENCH {"seconds": ..., "auc": ...}`.
The settings are those of bench/r/ensembles.R."""
import math
import re
import warnings

from common import args, emit, load, time_median

N_TREES = 100

method, dataset, reps, warmup = args()
x, y = load(dataset)
x_test, y_test = load(re.sub(r"-n[0-9]+-", "-test-", dataset))

if method == "baseline":
    emit({"method": method, "seconds": 0})
elif method == "imblearn":
    from imblearn.ensemble import BalancedRandomForestClassifier
    from sklearn.metrics import roc_auc_score

    # imbalanced-learn 0.10 warns that these defaults change in 0.13; they
    # are the ones measured, stated explicitly.
    warnings.filterwarnings("ignore", category=FutureWarning)
    p = x.shape[1]
    make = lambda: BalancedRandomForestClassifier(
        n_estimators=N_TREES, max_features=int(math.floor(math.sqrt(p))), sampling_strategy="auto",
        replacement=False, bootstrap=True, n_jobs=2, random_state=1)
    seconds, times, model = time_median(lambda: make().fit(x, y), reps, warmup)
    emit({"method": method, "seconds": seconds, "times": times,
          "auc": float(roc_auc_score(y_test, model.predict_proba(x_test)[:, 1]))})
else:
    raise SystemExit("unknown method " + method)
