"""One boosting measurement in its own process:
    python3 bench/py/boost.py METHOD DATASET REPS WARMUP
fits on the first 80% of the rows, scores the last 20% and prints
`BENCH {"seconds": ..., "roc_auc": ...}`; only the fit is timed.

The hyperparameters are bench/r/boost-settings.R's: 100 rounds, learning rate
0.3, depth 6, lambda 1, min_child_weight 1, 2 threads.
"""
from common import args, emit, load, time_median

N_ROUNDS, LEARNING_RATE, MAX_DEPTH, LAMBDA, MIN_CHILD_WEIGHT = 100, 0.3, 6, 1.0, 1.0

method, dataset, reps, warmup = args()
x, y = load(dataset)
n_train = int(0.8 * len(y))
x_train, y_train, x_test, y_test = x[:n_train], y[:n_train], x[n_train:], y[n_train:]

if method == "baseline":
    emit({"method": method, "seconds": 0})
else:
    from sklearn.metrics import roc_auc_score

    if method == "xgboost_hist":
        import xgboost as xgb

        version = xgb.__version__
        # XGBClassifier.fit builds the DMatrix and its quantile sketch, the
        # counterpart of smotelab's binning, so both are inside the timing.
        make = lambda: xgb.XGBClassifier(
            n_estimators=N_ROUNDS, learning_rate=LEARNING_RATE, max_depth=MAX_DEPTH,
            reg_lambda=LAMBDA, min_child_weight=MIN_CHILD_WEIGHT, tree_method="hist",
            max_bin=256, base_score=0.5, n_jobs=2, random_state=1)
    elif method == "sklearn_hgb":
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier

        version = sklearn.__version__
        # HGB grows leaf-wise: with max_leaf_nodes=None and the same max_depth
        # it grows the same depth-limited trees; l2_regularization is lambda.
        make = lambda: HistGradientBoostingClassifier(
            max_iter=N_ROUNDS, learning_rate=LEARNING_RATE, max_depth=MAX_DEPTH,
            max_leaf_nodes=None, l2_regularization=LAMBDA, early_stopping=False,
            max_bins=255, random_state=1)
    else:
        raise SystemExit("unknown method " + method)

    seconds, times, model = time_median(lambda: make().fit(x_train, y_train), reps, warmup)
    auc = roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])
    emit({"method": method, "seconds": seconds, "times": times, "roc_auc": float(auc), "version": version})
