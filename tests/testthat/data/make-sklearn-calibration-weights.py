"""Reference values from scikit-learn 1.2 with sample_weight, for
tests/testthat/test-calibrate-weights.R. Run with the system Python:

    /usr/bin/python3 make-sklearn-calibration-weights.py   # writes sklearn-calibration-weights.json

then `Rscript make-sklearn-calibration-weights.R` turns the JSON into
sklearn-calibration-weights.rds.

* `calibrators`: _sigmoid_calibration(scores, y, w) and
  IsotonicRegression(out_of_bounds = "clip").fit(scores, y, sample_weight = w)
  on score vectors (with ties) and positive weights, evaluated on new scores.
* `prefit`: a LogisticRegression (newton-cholesky, tight tol) fitted on
  `train` with its weights, calibrated with CalibratedClassifierCV(cv =
  "prefit") on `calib` with its weights, for both methods; the probabilities
  on `test`.
* `cv`: CalibratedClassifierCV(LogisticRegression(...), cv =
  StratifiedKFold(k) (no shuffling), ensemble = True).fit(X[fit], y[fit],
  sample_weight = w[fit]) for k = 3, 5 and both methods; the probabilities on
  `test`. scikit-learn calibrates the decision values of a logistic model.
"""
import json

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

rng = np.random.default_rng(20261206)

calibrators = []
y_c = (rng.uniform(size=300) < 0.3).astype(int)
p_c = np.clip(rng.beta(2, 5, 300) + 0.2 * y_c, 0, 1)
for name, scores, y in [
    ("continuous", rng.normal(size=150) + 0.8 * y_c[:150], y_c[:150]),
    ("ties", np.round(rng.normal(size=120), 1), (rng.uniform(size=120) < 0.4).astype(int)),
    ("probabilities", p_c[:200], y_c[:200]),
]:
    w = rng.uniform(0.1, 4.0, size=len(y))
    new = np.concatenate([np.linspace(scores.min() - 1, scores.max() + 1, 41), scores[:10]])
    a, b = _sigmoid_calibration(scores, y, w)
    iso = IsotonicRegression(out_of_bounds="clip").fit(scores, y, sample_weight=w)
    calibrators.append({
        "name": name, "scores": scores.tolist(), "y": y.tolist(), "w": w.tolist(), "new": new.tolist(),
        "a": float(a), "b": float(b),
        "sigmoid": (1.0 / (1.0 + np.exp(a * new + b))).tolist(),
        "isotonic": iso.predict(new).tolist(),
        "iso_x": iso.X_thresholds_.tolist(), "iso_y": iso.y_thresholds_.tolist(),
    })


def logistic():
    return LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000)


n = 1000
X = rng.normal(size=(n, 3))
logit = -2.0 + 1.5 * X[:, 0] - 1.0 * X[:, 1] + 0.8 * X[:, 2] ** 2
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
w = rng.uniform(0.2, 3.0, size=n)
train, calib, test = np.arange(0, 400), np.arange(400, 700), np.arange(700, n)
lr = logistic().fit(X[train], y[train], sample_weight=w[train])
prefit = {
    "X": X.tolist(), "y": y.tolist(), "w": w.tolist(), "train": (train + 1).tolist(),
    "calib": (calib + 1).tolist(), "test": (test + 1).tolist(),
    "decision_test": lr.decision_function(X[test]).tolist(),
}
for method in ["sigmoid", "isotonic"]:
    cal = CalibratedClassifierCV(lr, cv="prefit", method=method).fit(X[calib], y[calib], sample_weight=w[calib])
    prefit[method] = cal.predict_proba(X[test])[:, 1].tolist()

fit_rows = np.arange(0, 700)
cv = []
for k in [3, 5]:
    for method in ["sigmoid", "isotonic"]:
        cal = CalibratedClassifierCV(logistic(), cv=StratifiedKFold(k), method=method, ensemble=True)
        cal.fit(X[fit_rows], y[fit_rows], sample_weight=w[fit_rows])
        cv.append({"folds": k, "method": method, "prob": cal.predict_proba(X[test])[:, 1].tolist()})

with open("sklearn-calibration-weights.json", "w") as f:
    json.dump({
        "sklearn_version": sklearn.__version__, "calibrators": calibrators, "prefit": prefit,
        "fit": (fit_rows + 1).tolist(), "cv": cv,
    }, f)
