# One tree-model measurement for bench/ab-trees.R, in its own process:
#   Rscript bench/r/trees-ab.R MODEL DATASET REPS WARMUP
# MODEL is "forest" (bench/r/forest.R's settings, fitted on every row) or
# "boost" (bench/r/boost.R's settings, fitted on the first 80%). Times the fit
# once, then predicting the first 100,000 training rows REPS times (the tree
# walk), and prints
# `BENCH {"fit_seconds": ..., "predict_seconds": ..., "prob_sum": ...}`;
# the smotelab that runs is the first one on R_LIBS.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(dirname(normalizePath(file)))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "forest-settings.R"))
source(file.path(BENCH_DIR, "r", "boost-settings.R"))

args <- worker_args()
df <- load_data_frame(args$dataset)
model <- switch(args$method,
  forest = {
    p <- ncol(df) - 1
    smotelab::model_forest(n_trees = forest_trees, mtry = floor(sqrt(p)), min_node_size = forest_min_node_size)
  },
  boost = {
    df <- df[seq_len(boost_train_rows(nrow(df))), ]
    s <- boost_settings
    smotelab::model_boost(n_rounds = s$n_rounds, learning_rate = s$learning_rate, max_depth = s$max_depth,
                          lambda = s$lambda, min_child_weight = s$min_child_weight)
  },
  stop("unknown model ", args$method, call. = FALSE)
)
invisible(gc())
pipeline <- smotelab::imb_pipeline(clf = model)
# CPU time (user + system, every thread) beside the wall clock: on a machine
# shared with other jobs it moves much less than wall time does.
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])
cpu0 <- cpu()
fitting <- time_median(function() generics::fit(pipeline, y ~ ., data = df, seed = 1, n_threads = 2), 1, args$warmup)
cpu1 <- cpu()
new_data <- df[seq_len(min(nrow(df), 1e5)), ]
predicting <- time_median(function() stats::predict(fitting$value, new_data, type = "prob", n_threads = 2)$.pred_1,
                          args$reps, FALSE)
cpu2 <- cpu()
emit(list(method = args$method, library = .libPaths()[1],
          smotelab = as.character(utils::packageVersion("smotelab")),
          fit_seconds = fitting$seconds, predict_seconds = predicting$seconds, predict_times = predicting$times,
          fit_cpu = cpu1 - cpu0, predict_cpu = (cpu2 - cpu1) / args$reps,
          prob_sum = sum(predicting$value)))
