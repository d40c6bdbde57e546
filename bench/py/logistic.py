"""One logistic-regression measurement in its own process:
    python3 bench/py/logistic.py METHOD DATASET REPS WARMUP
prints `BENCH {"seconds": ..., "coef": [intercept, x1, ..., xp], ...}`."""
import warnings

from common import args, emit, load, time_median

method, dataset, reps, warmup = args()
x, y = load(dataset)

if method == "baseline":
    emit({"method": method, "seconds": 0})
else:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    if method == "sklearn_lbfgs":
        # The default solver and tol; max_iter raised so that lbfgs stops on
        # its own criterion rather than the 100-iteration default.
        make = lambda: LogisticRegression(C=1.0, max_iter=100_000)
    elif method == "sklearn_lbfgs_tight":
        # The default solver asked for smotelab's precision: gtol 1e-10
        # (scipy then also stops when the objective stalls at rounding level).
        make = lambda: LogisticRegression(C=1.0, tol=1e-10, max_iter=100_000)
    elif method == "sklearn_newton_cholesky":
        make = lambda: LogisticRegression(C=1.0, solver="newton-cholesky",
                                          tol=1e-10, max_iter=1000)
    else:
        raise SystemExit("unknown method " + method)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        seconds, times, model = time_median(lambda: make().fit(x, y), reps, warmup)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    emit({
        "method": method,
        "seconds": seconds,
        "times": times,
        "coef": [float(model.intercept_[0])] + [float(c) for c in model.coef_[0]],
        "n_iter": int(model.n_iter_[0]),
        "converged": converged,
    })
