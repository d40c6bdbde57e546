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
    """Taken after the timing, as in the R worker."""
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

    seconds, times, (x, y) = time_median(lambda: make_classification(**MAKE_ARGS), reps, warmup)
    emit(dict(method=method, seconds=seconds, times=times, **checksums(x, y)))
elif method == "imblearn":
    from imblearn.over_sampling import SMOTE
    x, y = load(dataset)

    seconds, times, (x_res, _) = time_median(
        lambda: SMOTE(k_neighbors=5, random_state=SMOTE_SEED).fit_resample(x, y), reps, warmup)
    new = x_res[x.shape[0]:]
    emit(dict(method=method, seconds=seconds, times=times, n_synthetic=int(new.shape[0]),
              **checksums(new, new[:, 0] * 0)))
else:
    raise SystemExit("unknown method " + method)
