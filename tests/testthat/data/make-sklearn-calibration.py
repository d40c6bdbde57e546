"""Reference values from scikit-learn 1.2 for tests/testthat/test-metric-*.R
(Brier score, log loss), test-curve-calibration.R and
test-pipeline-calibrate.R. Run with the system Python:

    /usr/bin/python3 make-sklearn-calibration.py   # writes sklearn-calibration.json

then `Rscript make-sklearn-calibration.R` turns the JSON into
sklearn-calibration.rds.

* `metrics`: cases of y (0/1, 1 = event) and prob with brier_score_loss and
  log_loss (eps = "auto", the 1.2 default).
* `curves`: calibration_curve() for both strategies and several n_bins,
  including probabilities on bin edges and ties.
* `calibrators`: _sigmoid_calibration() and IsotonicRegression(out_of_bounds
  = "clip") fitted on score vectors (with ties) and evaluated on new scores.
* `prefit`: a LogisticRegression (newton-cholesky, tight tol) fitted on
  `train`, calibrated with CalibratedClassifierCV(cv = "prefit") on `calib`
  for both methods; the probabilities on `test`. scikit-learn calibrates the
  decision values of a model that has decision_function().
"""
import json

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss

rng = np.random.default_rng(20261205)


def metric_case(name, y, prob):
    y = np.asarray(y, dtype=int)
    prob = np.asarray(prob, dtype=float)
    return {
        "name": name,
        "y": y.tolist(),
        "prob": prob.tolist(),
        "brier": float(brier_score_loss(y, prob)),
        "log_loss": float(log_loss(y, prob)),
    }


y_rand = rng.integers(0, 2, 200)
metrics = [
    metric_case("random", y_rand, rng.uniform(size=200)),
    metric_case("informative", y_rand, np.clip(0.3 * y_rand + rng.uniform(size=200) * 0.7, 0, 1)),
    metric_case("extremes", [0, 1, 0, 1, 1, 0], [0.0, 1.0, 1e-20, 1 - 1e-17, 0.0, 1.0]),
    metric_case("ties", [0, 0, 1, 1, 0, 1, 0, 0], [0.5, 0.5, 0.5, 0.25, 0.25, 0.75, 0.1, 0.9]),
    metric_case("rare", (rng.uniform(size=500) < 0.05).astype(int), rng.beta(1, 12, 500)),
]

curves = []
y_c = (rng.uniform(size=300) < 0.3).astype(int)
p_c = np.clip(rng.beta(2, 5, 300) + 0.2 * y_c, 0, 1)
p_edges = np.array([0.0, 0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 0.7, 0.9, 1.0, 1.0, 0.45, 0.55, 0.25])
y_edges = np.array([0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1])
for name, y, p in [("beta", y_c, p_c), ("edges", y_edges, p_edges)]:
    for strategy in ["uniform", "quantile"]:
        for n_bins in [3, 5, 10]:
            prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy=strategy)
            curves.append({
                "name": name, "y": y.tolist(), "prob": p.tolist(), "strategy": strategy,
                "n_bins": n_bins, "prob_true": prob_true.tolist(), "prob_pred": prob_pred.tolist(),
            })

calibrators = []
for name, scores, y in [
    ("continuous", rng.normal(size=150) + 0.8 * y_c[:150], y_c[:150]),
    ("ties", np.round(rng.normal(size=120), 1), (rng.uniform(size=120) < 0.4).astype(int)),
    ("probabilities", p_c[:200], y_c[:200]),
]:
    new = np.concatenate([np.linspace(scores.min() - 1, scores.max() + 1, 41), scores[:10]])
    a, b = _sigmoid_calibration(scores, y)
    iso = IsotonicRegression(out_of_bounds="clip").fit(scores, y)
    calibrators.append({
        "name": name, "scores": scores.tolist(), "y": y.tolist(), "new": new.tolist(),
        "a": float(a), "b": float(b),
        "sigmoid": (1.0 / (1.0 + np.exp(a * new + b))).tolist(),
        "isotonic": iso.predict(new).tolist(),
        "iso_x": iso.X_thresholds_.tolist(), "iso_y": iso.y_thresholds_.tolist(),
    })

n = 900
X = rng.normal(size=(n, 3))
logit = -2.2 + 1.5 * X[:, 0] - 1.0 * X[:, 1] + 0.8 * X[:, 2] ** 2
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
train, calib, test = np.arange(0, 400), np.arange(400, 700), np.arange(700, n)
lr = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X[train], y[train])
prefit = {
    "X": X.tolist(), "y": y.tolist(), "train": (train + 1).tolist(), "calib": (calib + 1).tolist(),
    "test": (test + 1).tolist(), "decision_test": lr.decision_function(X[test]).tolist(),
}
for method in ["sigmoid", "isotonic"]:
    cal = CalibratedClassifierCV(lr, cv="prefit", method=method).fit(X[calib], y[calib])
    prefit[method] = cal.predict_proba(X[test])[:, 1].tolist()

with open("sklearn-calibration.json", "w") as f:
    json.dump({
        "sklearn_version": sklearn.__version__, "metrics": metrics, "curves": curves,
        "calibrators": calibrators, "prefit": prefit,
    }, f)
