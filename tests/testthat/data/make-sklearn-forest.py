"""Reference trees of scikit-learn for the class-weight test in test-model-forest.R.

Run with Debian's scikit-learn:  /usr/bin/python3 make-sklearn-forest.py
then:                              Rscript make-sklearn-forest.R

A hand-made data set of 20 rows: x1 = 0..19 with the minority at 8, 11, 18
and 19, so the unweighted Gini stump cuts at 17.5 (isolating the pair at the
right end) while the balanced one cuts at 7.5 (everything left of the first
minority row); x2 is a fixed permutation that helps at depth 2. Trees are
fitted on all rows with every feature (RandomForestClassifier with
bootstrap=False and max_features=None grows exactly these trees), and the
reference is each row's leaf proportion and the normalised importances.
"""
import json

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier

x1 = np.arange(20, dtype=float)
x2 = np.array([3, 17, 8, 12, 0, 19, 5, 14, 9, 1, 16, 7, 11, 2, 18, 6, 13, 4, 15, 10], dtype=float)
y = np.zeros(20, dtype=int)
y[[8, 11, 18, 19]] = 1
X = np.column_stack([x1, x2])

cases = []
for depth in [1, 2]:
    for cw in [None, "balanced"]:
        m = DecisionTreeClassifier(max_depth=depth, class_weight=cw, random_state=0).fit(X, y)
        cases.append({
            "max_depth": depth,
            "class_weight": cw if cw else "none",
            "root_feature": int(m.tree_.feature[0]) + 1,
            "root_threshold": float(m.tree_.threshold[0]),
            "prob": m.predict_proba(X)[:, 1].tolist(),
            "importance": m.feature_importances_.tolist(),
        })

with open("sklearn-forest.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "x1": x1.tolist(), "x2": x2.tolist(), "y": y.tolist(),
               "cases": cases}, f)
