"""One numpy-exact peer measurement in its own process:
    python3 bench/py/numpy_exact.py METHOD DATASET REPS WARMUP
prints `BENCH {"seconds": ..., ...}` with the same checksums as bench/r/numpy-exact.R.
The arguments repeat bench/r/numpy-exact-settings.R."""
from common import args, emit, load, time_median

method, dataset, reps, warmup = args()

MAKE_ARGS = dict(n_samples=1_000_000, n_features=20, n_informative=10, n_redundant=4, n_repeated=0,
                 n_clusters_per_class=2, weights=[0.9, 0.1], flip_y=0.01, class_sep=1.0, random_state=42)
SMOTE_SEED = 0


def checksums(x, y):
    return {"x_sum": float(x.sum()), "x_first": [float(v) for v in x[0]], "y_sum": float(y.sum())}


if method == "baseline_make":
    import sklearn.datasets  # noqa: F401
    emit({"method": method, "seconds": 0})
elif method == "baseline_smote":
    x, y = load(dataset)
    import imblearn  # noqa: F401
    emit({"method": method, "seconds": 0})
elif method == "make_classification":
    from sklearn.datasets import make_classification

    def run():
        x, y = make_classification(**MAKE_ARGS)
        return checksums(x, y)

    seconds, times, value = time_median(run, reps, warmup)
    emit(dict(method=method, seconds=seconds, times=times, **value))
elif method == "imblearn":
    from imblearn.over_sampling import SMOTE
    x, y = load(dataset)

    def run():
        x_res, _ = SMOTE(k_neighbors=5, random_state=SMOTE_SEED).fit_resample(x, y)
        new = x_res[x.shape[0]:]
        return dict(n_synthetic=int(new.shape[0]), **checksums(new, new[:, 0] * 0))

    seconds, times, value = time_median(run, reps, warmup)
    emit(dict(method=method, seconds=seconds, times=times, **value))
else:
    raise SystemExit("unknown method " + method)
