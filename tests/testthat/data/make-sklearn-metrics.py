"""Reference values from scikit-learn for tests/testthat/test-metric-*.R and
test-curve-*.R. Run with the system Python that has scikit-learn 1.2:

    /usr/bin/python3 make-sklearn-metrics.py   # writes sklearn-metrics.json

then `Rscript make-sklearn-metrics.R` turns the JSON into sklearn-metrics.rds.
Each case stores y (0/1, 1 = event), prob, the threshold, every metric and
both curves. Class predictions are event iff prob > threshold, as
LogisticRegression.predict (decision > 0). Macro averages use labels=[0, 1].
Warnings are recorded by category so the tests can check that one is raised.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm

rng = np.random.default_rng(20240601)


def case(name, y, prob, threshold=0.5):
    y = np.asarray(y, dtype=int)
    prob = np.asarray(prob, dtype=float)
    pred = (prob > threshold).astype(int)
    out = {"name": name, "y": y.tolist(), "prob": prob.tolist(), "threshold": threshold}
    vals = {}
    warned = {}

    def record(key, fn):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                vals[key] = float(fn())
            except ValueError:
                vals[key] = None
            warned[key] = len(w) > 0

    record("accuracy", lambda: skm.accuracy_score(y, pred))
    record("balanced_accuracy", lambda: skm.balanced_accuracy_score(y, pred))
    record("precision", lambda: skm.precision_score(y, pred, labels=[0, 1]))
    record("recall", lambda: skm.recall_score(y, pred, labels=[0, 1]))
    record("specificity", lambda: skm.recall_score(y, pred, pos_label=0, labels=[0, 1]))
    record("f1", lambda: skm.f1_score(y, pred, labels=[0, 1]))
    record("mcc", lambda: skm.matthews_corrcoef(y, pred))
    record("precision_macro", lambda: skm.precision_score(y, pred, average="macro", labels=[0, 1]))
    record("recall_macro", lambda: skm.recall_score(y, pred, average="macro", labels=[0, 1]))
    record("f1_macro", lambda: skm.f1_score(y, pred, average="macro", labels=[0, 1]))
    record("roc_auc", lambda: skm.roc_auc_score(y, prob))
    record("pr_auc", lambda: skm.average_precision_score(y, prob))
    record("brier", lambda: skm.brier_score_loss(y, prob, pos_label=1))
    record("log_loss", lambda: skm.log_loss(y, prob, labels=[0, 1]))
    vals["gmean"] = float(np.sqrt(vals["recall"] * vals["specificity"]))
    warned["gmean"] = warned["recall"] or warned["specificity"]
    out["metrics"] = vals
    out["warned"] = warned

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, tpr, roc_thr = skm.roc_curve(y, prob, drop_intermediate=False)
        precision, recall, pr_thr = skm.precision_recall_curve(y, prob)
        report = skm.classification_report(y, pred, labels=[0, 1], output_dict=True)
    # NaN is not JSON: one-class ROC rates travel as null.
    nan_to_none = lambda a: [None if np.isnan(v) else float(v) for v in a]
    out["roc"] = {"threshold": roc_thr.tolist(), "fpr": nan_to_none(fpr), "tpr": nan_to_none(tpr)}
    out["pr"] = {"threshold": pr_thr.tolist(), "precision": precision.tolist(), "recall": recall.tolist()}
    out["report"] = report
    return out


cases = []
n = 60
y = rng.integers(0, 2, n)
cases.append(case("random", y, rng.uniform(size=n)))
y = (rng.uniform(size=n) < 0.3).astype(int)
cases.append(case("heavy_ties", y, rng.integers(0, 5, n) / 4.0))
cases.append(case("heavy_ties_low_threshold", y, rng.integers(0, 5, n) / 4.0, threshold=0.25))
cases.append(case("all_equal", y, np.full(n, 0.5)))
cases.append(case("all_equal_high", y, np.full(n, 0.7)))
cases.append(case("one_class_negative", np.zeros(20, dtype=int), rng.uniform(size=20)))
cases.append(case("one_class_positive", np.ones(20, dtype=int), rng.uniform(size=20)))
y = np.r_[np.zeros(25, dtype=int), np.ones(15, dtype=int)]
cases.append(case("perfect", y, np.r_[rng.uniform(0, 0.4, 25), rng.uniform(0.6, 1, 15)]))
cases.append(case("reversed", y, np.r_[rng.uniform(0.6, 1, 25), rng.uniform(0, 0.4, 15)]))
y = (rng.uniform(size=n) < 0.4).astype(int)
cases.append(case("integer_probs", y, rng.integers(0, 2, n).astype(float)))
cases.append(case("never_predicted", y, rng.uniform(0, 0.5, n)))
n = 1000
y = (rng.uniform(size=n) < 0.1).astype(int)
score = np.round(1 / (1 + np.exp(-(y * 1.5 + rng.normal(size=n) - 2))), 3)
cases.append(case("n1000", y, score))
cases.append(case("n1000_threshold", y, score, threshold=0.2))

with open("sklearn-metrics.json", "w") as f:
    json.dump({"sklearn_version": sklearn.__version__, "cases": cases}, f)
