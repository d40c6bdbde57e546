# Hyperparameters and the train/test cut shared by the boosting entry and its
# workers (bench/py/boost.py repeats them; keep the two in step).
boost_settings <- list(n_rounds = 100, learning_rate = 0.3, max_depth = 6, lambda = 1, min_child_weight = 1)

# Rows are i.i.d., so the first 80% train and the last 20% are held out.
boost_train_rows <- function(n) floor(0.8 * n)
