#!/usr/bin/env python3
"""A real HPO trial for `paretokit sweep --command`: a support-vector
classifier on scikit-learn's bundled digits data set (Debian:
python3-sklearn; no download), tuned for accuracy vs training time vs model
size. The space (space.json) is conditional: gamma only for the kernels that
use it, degree only for the polynomial kernel; inactive variables are absent
from the configuration file.

    paretokit sweep --space data/examples/sklearn_digits/space.json \
        --command 'python3 data/examples/sklearn_digits/train.py {config_file}' \
        --objectives accuracy:max,train_ms:min,support_vectors:min --budget 100 --workers 4 --out runs/digits

The result goes to the trial folder's result.json ($PARETOKIT_TRIAL_DIR);
anything printed goes to the trial's stdout file.
"""
import json
import os
import sys
import time

from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC


def main():
    with open(sys.argv[1]) as f:
        config = json.load(f)
    X, y = load_digits(return_X_y=True)
    X = X / 16.0
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    n = int(len(X_train) * config.get("train_fraction", 1.0))
    X_train, y_train = X_train[:n], y_train[:n]

    params = {"kernel": config["kernel"], "C": config["C"]}
    if "gamma" in config:
        params["gamma"] = config["gamma"]
    if "degree" in config:
        params["degree"] = config["degree"]
    model = SVC(**params)
    start = time.perf_counter()
    model.fit(X_train, y_train)
    train_ms = (time.perf_counter() - start) * 1000.0
    accuracy = float(model.score(X_test, y_test))

    result = {"accuracy": accuracy, "train_ms": train_ms, "support_vectors": int(model.n_support_.sum())}
    print("config:", json.dumps(config), "->", json.dumps(result))
    trial_dir = os.environ.get("PARETOKIT_TRIAL_DIR")
    if trial_dir:
        with open(os.path.join(trial_dir, "result.json"), "w") as f:
            json.dump(result, f)
    else:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
