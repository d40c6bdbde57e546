"""One cleaning-sampler measurement in its own process:
    python3 bench/py/cleaning.py METHOD DATASET REPS WARMUP
prints `BENCH {"seconds": ..., "n_out": ..., "n_minority": ...}`."""
from common import args, emit, load, time_median

method, dataset, reps, warmup = args()
x, y = load(dataset)

if method == "baseline":
    emit({"method": method, "seconds": 0})
else:
    import imblearn
    from imblearn.combine import SMOTEENN, SMOTETomek
    from imblearn.under_sampling import EditedNearestNeighbours, NearMiss, TomekLinks

    samplers = {
        "smote_enn": lambda: SMOTEENN(random_state=0, n_jobs=2),
        "smote_tomek": lambda: SMOTETomek(random_state=0, n_jobs=2),
        "tomek_links": lambda: TomekLinks(n_jobs=2),
        "edited_nearest_neighbours": lambda: EditedNearestNeighbours(n_jobs=2),
        "near_miss": lambda: NearMiss(n_jobs=2),
    }
    if method not in samplers:
        raise SystemExit("unknown method " + method)
    seconds, times, (_, y_res) = time_median(lambda: samplers[method]().fit_resample(x, y), reps, warmup)
    emit({
        "method": method,
        "seconds": seconds,
        "times": times,
        "n_out": int(y_res.shape[0]),
        "n_minority": int((y_res == 1).sum()),
        "imblearn": imblearn.__version__,
    })
