"""Class counts after imbalanced-learn's resamplers, for test-sample-strategy.R.

Run with Debian's imbalanced-learn:  /usr/bin/python3 make-imblearn-counts.py
then:                                 Rscript make-imblearn-counts.R
Every sampling_strategy form is tried on a few class layouts; a form that
imbalanced-learn rejects is recorded as an error. The counts come from
imblearn.utils.check_sampling_strategy, which defines the semantics, and are
checked against the samplers' fit_resample() wherever the sampler's parameter
validation accepts the form (imbalanced-learn 0.10's SMOTE and
RandomOverSampler wrongly refuse "minority" there).
"""
import json
import warnings

import imblearn
import numpy as np
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from imblearn.utils import check_sampling_strategy
from sklearn.utils._param_validation import InvalidParameterError

layouts = {
    "binary": {"neg": 300, "pos": 40},
    "binary_minority_first": {"a": 40, "b": 301},
    "three": {"a": 50, "b": 200, "c": 20},
    "three_tied": {"a": 100, "b": 100, "c": 30},
}
over = ["auto", "minority", "not minority", "not majority", "all", 0.2, 0.5, 0.75, 0.999, 1.0, 0.1]
under = ["auto", "majority", "not minority", "not majority", "all", 0.2, 0.5, 0.75, 1.0, 0.1]
dicts = {
    "binary": ({"pos": 150}, {"neg": 100}),
    "binary_minority_first": ({"a": 41, "b": 301}, {"b": 40}),
    "three": ({"a": 60, "c": 90}, {"b": 30, "a": 20}),
    "three_tied": ({"c": 100}, {"a": 30, "b": 31}),
}

rng = np.random.default_rng(20261127)
cases = []
for name, layout in layouts.items():
    y = np.concatenate([[k] * v for k, v in layout.items()])
    X = rng.normal(size=(len(y), 2))
    over_forms = over + [dicts[name][0]]
    under_forms = under + [dicts[name][1]]
    for direction, forms in (("over", over_forms), ("under", under_forms)):
        samplers = [SMOTE, RandomOverSampler] if direction == "over" else [RandomUnderSampler]
        for form in forms:
            try:
                target = check_sampling_strategy(form, y, direction + "-sampling")
                result = {k: int(v) for k, v in layout.items()}
                for k, v in target.items():
                    result[str(k)] = int(v) + (result[str(k)] if direction == "over" else 0)
            except ValueError:
                result = None
            for sampler in samplers:
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        _, y_res = sampler(sampling_strategy=form, random_state=0).fit_resample(X, y)
                    labels, counts = np.unique(y_res, return_counts=True)
                    assert result == {str(l): int(c) for l, c in zip(labels, counts)}
                except InvalidParameterError:
                    pass
                except ValueError:
                    assert result is None
            cases.append({
                "layout": name,
                "classes": list(layout.keys()),
                "counts": list(layout.values()),
                "direction": direction,
                "form": "dict" if isinstance(form, dict) else ("number" if isinstance(form, float) else "string"),
                "strategy": form,
                "error": result is None,
                "result": result,
            })

with open("imblearn-counts.json", "w") as f:
    json.dump({"imblearn": imblearn.__version__, "cases": cases}, f, indent=1)
