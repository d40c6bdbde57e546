"""Versions and the BLAS numpy runs on, as one JSON line for RESULTS.md."""
import json
import platform

import numpy
import sklearn

info = {
    "python": platform.python_version(),
    "numpy": numpy.__version__,
    "sklearn": sklearn.__version__,
}
try:
    import imblearn

    info["imblearn"] = imblearn.__version__
except ImportError:
    info["imblearn"] = None
try:
    import threadpoolctl

    info["threadpoolctl"] = threadpoolctl.__version__
    info["threadpools"] = [
        {k: pool.get(k) for k in ("user_api", "internal_api", "num_threads", "version", "filepath")}
        for pool in threadpoolctl.threadpool_info()
    ]
except ImportError:
    info["threadpoolctl"] = None
print("BENCH " + json.dumps(info), flush=True)
