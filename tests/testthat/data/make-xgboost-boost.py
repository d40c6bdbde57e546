"""xgboost's held-out ROC-AUC for each case of make-xgboost-boost.R.

Run by make-xgboost-boost.R with Debian's python3-xgboost 1.7. Every case
uses tree_method="hist", max_bin=256, base_score=0.5 (the 1.7 default that
model_boost() follows: the margin starts at 0), no row or column sampling,
gamma=0 and one thread.
"""
import json

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

with open("xgboost-boost-data.json") as f:
    spec = json.load(f)

aucs = []
for case in spec["cases"]:
    d = spec["datasets"][case["data"]]
    train = xgb.DMatrix(np.array(d["train"]["x"], dtype=float), label=np.array(d["train"]["y"]))
    test = xgb.DMatrix(np.array(d["test"]["x"], dtype=float))
    params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "max_bin": 256,
        "base_score": 0.5,
        "eta": case["learning_rate"],
        "max_depth": case["max_depth"],
        "lambda": case["lambda"],
        "min_child_weight": case["min_child_weight"],
        "scale_pos_weight": case["scale_pos_weight"],
        "nthread": 1,
        "seed": 1,
    }
    booster = xgb.train(params, train, num_boost_round=case["n_rounds"])
    aucs.append(float(roc_auc_score(np.array(d["test"]["y"]), booster.predict(test))))

with open("xgboost-boost.json", "w") as f:
    json.dump({"xgboost": xgb.__version__, "roc_auc": aucs}, f)
