"""Held-out ROC-AUC of imbalanced-learn's balanced ensembles, for test-model-ensembles.R.

Run with Debian's scikit-learn and imbalanced-learn:
    /usr/bin/python3 make-imblearn-ensembles.py
then:
    Rscript make-imblearn-ensembles.R

Two data sets from make_classification (10:1 and 20:1), each split in half,
stratified. The JSON keeps the rows themselves, so the R tests fit on the
same training rows and score the same held-out rows. For every case the
reference is the mean held-out ROC-AUC over random_state 0..9: the
ensembles are random, and their mean is what smotelab must match, not one
draw.
"""
import json
import warnings

import imblearn
import numpy as np
import sklearn
from imblearn.ensemble import (BalancedBaggingClassifier, BalancedRandomForestClassifier,
                               EasyEnsembleClassifier)
from imblearn.under_sampling import RandomUnderSampler
from imblearn.over_sampling import SMOTE
from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

# imbalanced-learn 0.10 warns that BalancedRandomForestClassifier's defaults
# will change in 0.13; the reference is 0.10's defaults on purpose.
warnings.filterwarnings("ignore", category=FutureWarning)
# scikit-learn 1.2 warns about its own joblib helper inside imbalanced-learn.
warnings.filterwarnings("ignore", category=UserWarning)

SEEDS = range(10)

# Each case: a name (the R test builds the matching smotelab model from it)
# and the imbalanced-learn model for a random_state.
CASES = {
    "brf_default": lambda s: BalancedRandomForestClassifier(n_estimators=100, random_state=s),
    "brf_all_replacement": lambda s: BalancedRandomForestClassifier(
        n_estimators=100, sampling_strategy="all", replacement=True, bootstrap=False, random_state=s),
    "brf_ratio": lambda s: BalancedRandomForestClassifier(n_estimators=100, sampling_strategy=0.5, random_state=s),
    "bagging_logistic": lambda s: BalancedBaggingClassifier(
        estimator=LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-10), n_estimators=10,
        random_state=s),
    "bagging_tree": lambda s: BalancedBaggingClassifier(
        estimator=DecisionTreeClassifier(), n_estimators=20, random_state=s),
    "bagging_tree_smote": lambda s: BalancedBaggingClassifier(
        estimator=DecisionTreeClassifier(), n_estimators=20, sampler=SMOTE(), random_state=s),
    "easy_ensemble": lambda s: EasyEnsembleClassifier(n_estimators=10, random_state=s),
    # smotelab's EasyEnsemble boosts its members by gradient boosting, not
    # AdaBoost: this is the like-for-like reference.
    "easy_ensemble_gb": lambda s: EasyEnsembleClassifier(
        n_estimators=10, estimator=GradientBoostingClassifier(n_estimators=50, max_depth=1, learning_rate=0.3),
        random_state=s),
}

datasets = []
for name, weights, seed in [("ratio_10", [0.91, 0.09], 11), ("ratio_20", [0.95, 0.05], 12)]:
    X, y = make_classification(n_samples=4000, n_features=8, n_informative=5, n_redundant=1,
                               weights=weights, flip_y=0.01, class_sep=0.8, random_state=seed)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, stratify=y, random_state=seed)
    auc = {}
    for case, make in CASES.items():
        values = []
        for s in SEEDS:
            model = make(s).fit(X_tr, y_tr)
            values.append(roc_auc_score(y_te, model.predict_proba(X_te)[:, 1]))
        auc[case] = float(np.mean(values))
        print(name, case, auc[case], np.std(values))
    datasets.append({"name": name, "X_train": X_tr.tolist(), "y_train": y_tr.tolist(),
                     "X_test": X_te.tolist(), "y_test": y_te.tolist(), "auc": auc})

with open("imblearn-ensembles.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "imblearn": imblearn.__version__, "seeds": list(SEEDS),
               "datasets": datasets}, f)
