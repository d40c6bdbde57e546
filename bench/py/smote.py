"""One SMOTE measurement in its own process:
    python3 bench/py/smote.py METHOD DATASET REPS WARMUP
prints `BENCH {"seconds": ..., "n_synthetic": ...}`."""
from common import args, emit, load, time_median

method, dataset, reps, warmup = args()
x, y = load(dataset)

if method == "baseline":
    emit({"method": method, "seconds": 0})
elif method == "imblearn":
    import imblearn
    from imblearn.over_sampling import SMOTE

    seconds, times, (x_res, _) = time_median(
        lambda: SMOTE(k_neighbors=5, random_state=0).fit_resample(x, y), reps, warmup)
    emit({
        "method": method,
        "seconds": seconds,
        "times": times,
        "n_synthetic": int(x_res.shape[0] - x.shape[0]),
        "imblearn": imblearn.__version__,
    })
else:
    raise SystemExit("unknown method " + method)
