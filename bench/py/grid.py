"""One grid-search measurement in its own process:
    python3 bench/py/grid.py METHOD DATASET REPS WARMUP
METHOD is baseline, sklearn_jobs1 or sklearn_jobs2 (GridSearchCV's n_jobs);
prints `BENCH {"seconds": ..., "best_k": ..., "best_ratio": ..., "best_C": ..., "best_f1": ...}`."""
from common import args, emit, load, time_median

method, dataset, reps, warmup = args()
x, y = load(dataset)

if method == "baseline":
    emit({"method": method, "seconds": 0})
else:
    jobs = {"sklearn_jobs1": 1, "sklearn_jobs2": 2}.get(method)
    if jobs is None:
        raise SystemExit("unknown method " + method)
    from imblearn.over_sampling import SMOTE
    from imblearn.pipeline import Pipeline
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold
    from sklearn.preprocessing import StandardScaler

    pipeline = Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(random_state=42)),
        ("clf", LogisticRegression(max_iter=1000)),
    ])
    param_grid = {
        "smote__k_neighbors": [3, 5, 7],
        "smote__sampling_strategy": [0.5, 0.75, 1.0],
        "clf__C": [0.1, 1, 10],
    }

    def search():
        gs = GridSearchCV(pipeline, param_grid, scoring="f1_macro", n_jobs=jobs,
                          cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=42))
        return gs.fit(x, y)

    seconds, times, gs = time_median(search, reps, warmup)
    emit({
        "method": method,
        "seconds": seconds,
        "times": times,
        "best_k": gs.best_params_["smote__k_neighbors"],
        "best_ratio": gs.best_params_["smote__sampling_strategy"],
        "best_C": gs.best_params_["clf__C"],
        "best_f1": float(gs.best_score_),
    })
