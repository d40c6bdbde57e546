"""Reference fits of scikit-learn's LogisticRegression for test-model-logistic.R.

Run with Debian's scikit-learn:  /usr/bin/python3 make-sklearn-logistic.py
then:                              Rscript make-sklearn-logistic.R
The solver is newton-cholesky with a tight tol: the default lbfgs stops far
from the optimum, and the tests compare optima.
"""
import json

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(20261127)
n, p = 600, 5
X = rng.normal(size=(n, p)) * np.array([1.0, 2.0, 0.5, 3.0, 1.0]) + np.array([0.0, 1.0, -2.0, 0.5, 0.0])
eta = -1.8 + X @ np.array([0.8, -0.4, 1.2, 0.1, 0.0])
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(int)

cases = []
for C in [0.01, 1.0, 100.0]:
    for cw in [None, "balanced"]:
        m = LogisticRegression(C=C, class_weight=cw, solver="newton-cholesky", tol=1e-12, max_iter=1000)
        m.fit(X, y)
        cases.append({
            "C": C,
            "class_weight": cw if cw else "none",
            "intercept": float(m.intercept_[0]),
            "coef": m.coef_[0].tolist(),
            "prob": m.predict_proba(X[:10])[:, 1].tolist(),
        })

with open("sklearn-logistic.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "X": X.tolist(), "y": y.tolist(), "cases": cases}, f)
