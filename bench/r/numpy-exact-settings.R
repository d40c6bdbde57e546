# The numpy-exact bench's settings, repeated in bench/py/numpy_exact.py: the
# generator's arguments (1e6 x 20 at the lesson's 9:1) and SMOTE's seed.
numpy_make_args <- list(n_samples = 1e6, n_features = 20, n_informative = 10, n_redundant = 4,
                        n_repeated = 0, n_clusters_per_class = 2, weights = c(0.9, 0.1), flip_y = 0.01,
                        class_sep = 1, seed = 42)
numpy_smote_seed <- 0
