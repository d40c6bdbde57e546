"""What the course's own Python code gives for lessons 01-04 (scikit-learn, imbalanced-learn, xgboost).

Run with Debian's scikit-learn 1.2.1, imbalanced-learn 0.10 and xgboost 1.7:
    cd data-raw && /usr/bin/python3 course-refs.py
then:
    Rscript course-refs.R
The experiments are the course's: make_classification(3000 x 10, 6 informative,
2 redundant, weights 0.9/0.1, flip_y 0.01, random_state 42), a stratified 75/25
split (random_state 42), StandardScaler + LogisticRegression(max_iter = 1000)
(scikit-learn's default lbfgs, as the course runs it), SMOTE(random_state = 42)
inside an imblearn Pipeline, StratifiedKFold(5, shuffle, random_state 42);
lesson 04's RandomForestClassifier(200 trees) and XGBClassifier(300 rounds,
learning rate 0.05), each with SMOTE(0.75) or its own weighting.
"""
import json

import imblearn
import xgboost
import numpy as np
import sklearn
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from xgboost import XGBClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

X, y = make_classification(n_samples=3000, n_features=10, n_informative=6, n_redundant=2,
                           weights=[0.90, 0.10], flip_y=0.01, random_state=42)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)


def lr(**kw):
    return LogisticRegression(max_iter=1000, **kw)


def held_out(pipe):
    pipe.fit(X_train, y_train)
    pred = pipe.predict(X_test)
    prob = pipe.predict_proba(X_test)[:, 1]
    tn, fp, fn, tp = confusion_matrix(y_test, pred).ravel()
    return {
        "confusion": {"TN": int(tn), "FP": int(fp), "FN": int(fn), "TP": int(tp)},
        "accuracy": float((pred == y_test).mean()),
        "precision": float(precision_score(y_test, pred)),
        "recall": float(recall_score(y_test, pred)),
        "f1": float(f1_score(y_test, pred)),
        "roc_auc": float(roc_auc_score(y_test, prob)),
    }


lesson03 = {
    "baseline": held_out(Pipeline([("sc", StandardScaler()), ("clf", lr())])),
    "smote": held_out(ImbPipeline([("sc", StandardScaler()),
                                   ("smote", SMOTE(k_neighbors=5, sampling_strategy=0.75, random_state=42)),
                                   ("clf", lr())])),
    "class_weight": held_out(Pipeline([("sc", StandardScaler()), ("clf", lr(class_weight="balanced"))])),
    "smote_auto": held_out(ImbPipeline([("sc", StandardScaler()),
                                        ("smote", SMOTE(k_neighbors=5, random_state=42)),
                                        ("clf", lr())])),
}

pipe_smote = ImbPipeline([("scaler", StandardScaler()),
                          ("smote", SMOTE(k_neighbors=5, random_state=42)),
                          ("clf", lr())])
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
scoring = {"roc_auc": "roc_auc", "f1_macro": "f1_macro", "recall_macro": "recall_macro"}
res = cross_validate(pipe_smote, X_train, y_train, cv=cv, scoring=scoring)
lesson02_cv = {m: [float(v) for v in res["test_" + m]] for m in scoring}

grid = {"smote__k_neighbors": [3, 5, 7], "smote__sampling_strategy": [0.5, 0.75, 1.0], "clf__C": [0.1, 1.0, 10.0]}
gs = GridSearchCV(pipe_smote, grid, cv=cv, scoring="f1_macro", n_jobs=1)
gs.fit(X_train, y_train)
cvr = gs.cv_results_
lesson02_grid = {
    "best_params": {k: float(v) for k, v in gs.best_params_.items()},
    "best_score": float(gs.best_score_),
    "points": [
        {"k_neighbors": int(p["smote__k_neighbors"]), "sampling_strategy": float(p["smote__sampling_strategy"]),
         "C": float(p["clf__C"]), "mean": float(m), "folds": [float(cvr[f"split{i}_test_score"][j]) for i in range(5)]}
        for j, (p, m) in enumerate(zip(cvr["params"], cvr["mean_test_score"]))
    ],
}

spw = float(np.sum(y_train == 0) / np.sum(y_train == 1))
smote75 = lambda: SMOTE(sampling_strategy=0.75, random_state=42)
rf = lambda **kw: RandomForestClassifier(n_estimators=200, random_state=42, **kw)
xgb = lambda **kw: XGBClassifier(n_estimators=300, learning_rate=0.05, eval_metric="aucpr", random_state=42, **kw)
lesson04 = {
    "RF baseline": held_out(Pipeline([("clf", rf())])),
    "RF + SMOTE": held_out(ImbPipeline([("smote", smote75()), ("clf", rf())])),
    "RF balanced_subsample": held_out(Pipeline([("clf", rf(class_weight="balanced_subsample"))])),
    "GBT scale_pos_weight": held_out(Pipeline([("clf", xgb(scale_pos_weight=spw))])),
    "GBT + SMOTE": held_out(ImbPipeline([("smote", smote75()), ("clf", xgb())])),
}

out = {
    "versions": {"sklearn": sklearn.__version__, "imblearn": imblearn.__version__, "numpy": np.__version__,
                 "xgboost": xgboost.__version__},
    "train_counts": np.bincount(y_train).tolist(),
    "test_counts": np.bincount(y_test).tolist(),
    "lesson03": lesson03,
    "lesson04": lesson04,
    "lesson02_cv": lesson02_cv,
    "lesson02_grid": lesson02_grid,
}
with open("course-refs.json", "w") as f:
    json.dump(out, f, indent=1)
