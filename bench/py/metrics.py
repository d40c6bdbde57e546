"""One ROC-AUC + average-precision measurement in its own process:
    python3 bench/py/metrics.py METHOD DATASET REPS WARMUP
prints `BENCH {"seconds": ..., "auc": ..., "ap": ...}`."""
from common import args, emit, load, time_median

method, dataset, reps, warmup = args()
x, y = load(dataset)
score = x.reshape(-1)

if method == "baseline":
    emit({"method": method, "seconds": 0})
elif method == "sklearn":
    from sklearn.metrics import average_precision_score, roc_auc_score

    run = lambda: (roc_auc_score(y, score), average_precision_score(y, score))
    seconds, times, (auc, ap) = time_median(run, reps, warmup)
    emit({"method": method, "seconds": seconds, "times": times,
          "auc": float(auc), "ap": float(ap)})
else:
    raise SystemExit("unknown method " + method)
