"""Reference values from scikit-learn for the weighted metrics tested in
tests/testthat/test-metric-weighted.R. Run with the system Python that has
scikit-learn 1.2:

    /usr/bin/python3 make-weighted-metrics.py   # writes weighted-metrics.json

then `Rscript make-weighted-metrics.R` turns the JSON into weighted-metrics.rds.
Each case stores y (0/1, 1 = event), prob, the case weights w, the threshold
and every metric computed with sample_weight = w. Class predictions are event
iff prob > threshold. Specificity is the weighted recall of class 0 and the
G-mean is sqrt(recall * specificity) of the weighted recalls, as the
unweighted reference (make-sklearn-metrics.py) has it: imbalanced-learn
0.10's geometric_mean_score(average="binary", sample_weight=) does not
reduce to that product (on these cases it gives 0 or NaN where both recalls
are positive), so it is not used.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm

rng = np.random.default_rng(20261205)


def case(name, y, prob, w, threshold=0.5):
    y = np.asarray(y, dtype=int)
    prob = np.asarray(prob, dtype=float)
    w = np.asarray(w, dtype=float)
    pred = (prob > threshold).astype(int)
    vals = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals["accuracy"] = skm.accuracy_score(y, pred, sample_weight=w)
        vals["balanced_accuracy"] = skm.balanced_accuracy_score(y, pred, sample_weight=w)
        vals["precision"] = skm.precision_score(y, pred, labels=[0, 1], sample_weight=w)
        vals["recall"] = skm.recall_score(y, pred, labels=[0, 1], sample_weight=w)
        vals["specificity"] = skm.recall_score(y, pred, pos_label=0, labels=[0, 1], sample_weight=w)
        vals["f1"] = skm.f1_score(y, pred, labels=[0, 1], sample_weight=w)
        vals["mcc"] = skm.matthews_corrcoef(y, pred, sample_weight=w)
        vals["precision_macro"] = skm.precision_score(y, pred, average="macro", labels=[0, 1], sample_weight=w)
        vals["recall_macro"] = skm.recall_score(y, pred, average="macro", labels=[0, 1], sample_weight=w)
        vals["f1_macro"] = skm.f1_score(y, pred, average="macro", labels=[0, 1], sample_weight=w)
        vals["roc_auc"] = skm.roc_auc_score(y, prob, sample_weight=w)
        vals["pr_auc"] = skm.average_precision_score(y, prob, sample_weight=w)
        vals["brier"] = skm.brier_score_loss(y, prob, sample_weight=w, pos_label=1)
        vals["log_loss"] = skm.log_loss(y, prob, labels=[0, 1], sample_weight=w)
    vals["gmean"] = np.sqrt(vals["recall"] * vals["specificity"])
    return {
        "name": name,
        "y": y.tolist(),
        "prob": prob.tolist(),
        "w": w.tolist(),
        "threshold": threshold,
        "metrics": {k: float(v) for k, v in vals.items()},
    }


cases = []
n = 80
y = (rng.uniform(size=n) < 0.3).astype(int)
prob = np.clip(0.25 + 0.4 * y + rng.normal(0, 0.2, n), 0, 1)
cases.append(case("continuous", y, prob, rng.uniform(0.2, 3, n)))
# Tied scores: the weights change how much each tie counts.
cases.append(case("ties", y, rng.integers(0, 5, n) / 4.0, rng.gamma(2, 1, n), threshold=0.5))
cases.append(case("ties_low_threshold", y, rng.integers(0, 5, n) / 4.0, rng.gamma(2, 1, n), threshold=0.25))
# Survey-like weights: a few rows count a lot.
cases.append(case("survey", y, prob, np.where(rng.uniform(size=n) < 0.1, 25.0, 1.0)))
# Zero weights: those rows must count as if absent.
w0 = rng.uniform(0.5, 2, n)
w0[rng.uniform(size=n) < 0.2] = 0.0
cases.append(case("zeros", y, prob, w0))
# Probabilities at 0 and 1 exercise the log-loss clipping.
hard = prob.copy()
hard[:5] = 1 - y[:5]
hard[5:10] = y[5:10]
cases.append(case("clipped", y, hard, rng.uniform(0.2, 3, n)))

with open("weighted-metrics.json", "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "cases": cases}, f)
