# Entry: random forest, smotelab against ranger and scikit-learn.
# Writes bench/out/bench-forest.md. Run alone with `Rscript bench/bench-forest.R`.
# BENCH_MAX_ROWS=1e5 skips the 1e6-row datasets (a quick check of the entry);
# BENCH_FOREST_SIZES=1e6x50 runs only the sizes listed (rows x features,
# comma-separated), since the peers need up to an hour per 1e6-row set.
# scikit-learn runs up to BENCH_FOREST_SKLEARN_MAX_ROWS rows (default 1e5):
# at 1e6 rows its forest takes well over an hour.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "forest-settings.R"))

max_rows <- as.numeric(Sys.getenv("BENCH_MAX_ROWS", "Inf"))
sklearn_max_rows <- as.numeric(Sys.getenv("BENCH_FOREST_SKLEARN_MAX_ROWS", "1e5"))
sizes <- expand.grid(p = c(20, 50), n = c(1e5, 1e6))
size_name <- function(x) gsub("e\\+?0*", "e", x)   # "1e+06x50" -> "1e6x50"
size_names <- size_name(sprintf("%sx%d", format(sizes$n, scientific = TRUE), sizes$p))
chosen <- strsplit(Sys.getenv("BENCH_FOREST_SIZES", paste(size_names, collapse = ",")), ",", fixed = TRUE)[[1]]
keep <- sizes$n <= max_rows & size_names %in% size_name(chosen)
skipped <- sizes[!keep, , drop = FALSE]
sizes <- sizes[keep, , drop = FALSE]
ready <- smotelab_ready(c("fit", "imb_pipeline", "model_forest"))

fmt_count <- function(x) format(x, big.mark = ",", scientific = FALSE)

rows <- list()
notes <- character()
for (i in seq_len(nrow(sizes))) {
  n <- sizes$n[i]
  p <- sizes$p[i]
  dataset <- ensure_dataset(sprintf("forest-n%s-p%d", format(n, scientific = FALSE), p),
                            n, p, seed = 500 + log10(n) + p, generate_forest)
  ensure_dataset(forest_test_name(dataset), forest_test_rows, p, seed = 600 + p, generate_forest)
  reps <- if (n <= 1e5) 3 else 1

  base_df <- run_r("forest.R", "baseline", dataset)
  base_py <- run_py("forest.py", "baseline", dataset)
  sm <- if (ready) run_r("forest.R", "smotelab", dataset, reps, timeout = 3600)
  rg <- run_r("forest.R", "ranger", dataset, reps, timeout = 3600)
  sk <- if (n <= sklearn_max_rows) {
    run_py("forest.py", "sklearn", dataset, reps, timeout = 3600)
  } else {
    list(error = sprintf("not run above BENCH_FOREST_SKLEARN_MAX_ROWS = %s rows", fmt_count(sklearn_max_rows)))
  }

  ref <- if (measured(sm)) sm else rg
  agree <- function(res) {
    if (!measured(res)) return("")
    if (identical(res, ref)) return(sprintf("AUC %.4f (reference)", res$auc))
    sprintf("AUC %.4f (%+.4f)", res$auc, res$auc - ref$auc)
  }
  t_sm <- if (measured(sm)) sm$seconds else NA
  runs <- if (reps == 1) " (1 run)" else ""
  rows <- c(rows, list(
    result_row(paste0("smotelab `model_forest()`", runs), n, p, sm, base_df, t_sm, agree(sm)),
    result_row(paste0("ranger `probability = TRUE`", runs), n, p, rg, base_df, t_sm, agree(rg)),
    result_row(paste0("sklearn `RandomForestClassifier(n_jobs = 2)`", runs), n, p, sk, base_py, t_sm, agree(sk))
  ))
  notes <- c(notes, sprintf(
    "- n = %s, p = %d: %.1f%% positive in training, %.1f%% in the %s held-out rows. Data load alone (training and held-out rows): R %s MiB, numpy %s MiB.",
    fmt_count(n), p, 100 * mean(read_y(dataset)), 100 * mean(read_y(forest_test_name(dataset))),
    fmt_count(forest_test_rows), fmt_mib(base_df$rss_mib), fmt_mib(base_py$rss_mib)
  ))
}

write_section("bench-forest", c(
  "## Random forest",
  "",
  paste0("Synthetic data: standard normal features; the event depends on the first six through a ",
         "threshold, a product, a sine and squares (the rest are noise), with label noise, about 10:1. ",
         "Every forest has ", forest_trees, " trees, `mtry = floor(sqrt(p))` and nodes of at most ",
         forest_min_node_size, " rows left unsplit (ranger's `min.node.size = ", forest_min_node_size,
         "`, its default for probability forests; smotelab's `min_node_size`, which has ranger's meaning; ",
         "scikit-learn's `min_samples_split = ", forest_min_node_size + 1, "`), on 2 threads, seed 1. ",
         "ranger is a probability forest (`probability = TRUE`), as smotelab's and scikit-learn's forests ",
         "average leaf proportions. 100 trees keep the 1e6-row runs of the slow peers within tens of minutes; ",
         "larger forests gain a little AUC (about 0.003 with 400 trees at 1e5 x 20), equally for all. ",
         "The time is the fit alone; AUC is measured on ",
         fmt_count(forest_test_rows), " held-out rows from the same generator. The ratio is the method's ",
         "time over smotelab's (above 1: smotelab is faster); agreement is the held-out ROC-AUC and its ",
         "difference from smotelab's."),
  "",
  if (!ready) c(paste0("**smotelab was not measured**: its `model_forest()` was not installed when ",
                       "this ran. AUC differences are shown against ranger."), ""),
  if (nrow(skipped)) c(sprintf("Skipped in this run (BENCH_MAX_ROWS = %s, BENCH_FOREST_SIZES = %s): %s.", format(max_rows), paste(chosen, collapse = ","),
                               paste0("n = ", fmt_count(skipped$n), ", p = ", skipped$p, collapse = "; ")), ""),
  md_table(table_header, rows),
  "",
  notes,
  load_note(),
  ""
))
