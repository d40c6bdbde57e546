# Entry: gradient-boosted trees, smotelab against xgboost (tree_method =
# "hist", Debian's python3-xgboost) and scikit-learn's
# HistGradientBoostingClassifier. Writes bench/out/bench-boost.md. Run alone
# with `Rscript bench/bench-boost.R`; BENCH_BOOST_SIZES="1e5" limits the row
# counts (a smoke run).
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "boost-settings.R"))

n_values <- as.numeric(strsplit(Sys.getenv("BENCH_BOOST_SIZES", "1e5,1e6"), ",", fixed = TRUE)[[1]])
sizes <- expand.grid(p = c(20, 50), n = n_values)
ready <- smotelab_ready(c("fit", "imb_pipeline", "model_boost", "roc_auc_vec"))

rows <- list()
notes <- character()
for (i in seq_len(nrow(sizes))) {
  n <- sizes$n[i]
  p <- sizes$p[i]
  dataset <- ensure_dataset(sprintf("boost-n%s-p%d", format(n, scientific = FALSE), p),
                            n, p, seed = 500 + log10(n) + p, generate_boost)
  small <- n <= 1e5
  reps <- if (small) 3 else 1

  base_df <- run_r("boost.R", "baseline", dataset)
  base_py <- run_py("boost.py", "baseline", dataset)
  sm <- if (ready) run_r("boost.R", "smotelab", dataset, reps, warmup = small)
  xgb <- run_py("boost.py", "xgboost_hist", dataset, reps, warmup = small)
  hgb <- run_py("boost.py", "sklearn_hgb", dataset, reps, warmup = small)

  ref <- if (measured(sm)) sm else xgb
  agree <- function(res) {
    if (!measured(res)) return("")
    if (identical(res, ref)) return(sprintf("AUC %.4f (reference)", res$roc_auc))
    sprintf("AUC %.4f (%+.4f)", res$roc_auc, res$roc_auc - ref$roc_auc)
  }
  t_sm <- if (measured(sm)) sm$seconds else NA
  runs <- if (reps == 1) " (1 run)" else ""
  rows <- c(rows, list(
    result_row(paste0("smotelab `model_boost()`", runs), n, p, sm, base_df, t_sm, agree(sm)),
    result_row(paste0("xgboost `hist`", if (measured(xgb)) paste0(" ", xgb$version), runs), n, p, xgb, base_py,
               t_sm, agree(xgb)),
    result_row(paste0("sklearn `HistGradientBoostingClassifier`", runs), n, p, hgb, base_py, t_sm, agree(hgb))
  ))
  notes <- c(notes, sprintf(
    "- n = %s, p = %d: %.1f%% events; data load alone: R data frame %s MiB, numpy %s MiB.",
    format(n, big.mark = ",", scientific = FALSE), p, 100 * mean(read_y(dataset)),
    fmt_mib(base_df$rss_mib), fmt_mib(base_py$rss_mib)
  ))
}

s <- boost_settings
write_section("bench-boost", c(
  "## Gradient-boosted trees",
  "",
  paste0("Synthetic data: standard normal features; the log-odds combine linear terms, a step, ",
         "an interaction and a sine of the first 10 features (the rest are noise), about 10:1 classes. ",
         "Every method fits the first 80% of the rows and is scored by ROC-AUC on the last 20%; only ",
         "the fit is timed, binning included (xgboost's fit builds its DMatrix). Hyperparameters, the same ",
         "everywhere: ", s$n_rounds, " rounds, learning rate ", s$learning_rate, ", depth ", s$max_depth,
         ", lambda ", s$lambda, ", 2 threads; xgboost `tree_method = \"hist\"`, `max_bin = 256`, ",
         "`min_child_weight = ", s$min_child_weight, "`, `base_score = 0.5`; smotelab ",
         "`model_boost()` (255 bins, the same loss, gain and leaf formulas); scikit-learn ",
         "`HistGradientBoostingClassifier(early_stopping = FALSE, max_leaf_nodes = None)` with the same ",
         "`max_depth` (it grows leaf-wise, so this bounds its trees as depth-wise growth does), ",
         "`l2_regularization = ", s$lambda, "` and its default `min_samples_leaf = 20`. These are ",
         "xgboost's default learning rate and depth; 100 rounds keep the 1e6-row runs short. ",
         "The ratio is the method's time over smotelab's (above 1: smotelab is faster); agreement is ",
         "the held-out ROC-AUC and its difference from smotelab's."),
  "",
  if (!ready) c(paste0("**smotelab was not measured**: `model_boost()` was not installed when this ran; ",
                       "agreement is shown against xgboost instead."), ""),
  md_table(table_header, rows),
  "",
  notes,
  load_note(),
  ""
))
