# Entry: the balanced random forest, smotelab against imbalanced-learn.
# Writes bench/out/bench-ensembles.md. Run alone with `Rscript bench/bench-ensembles.R`.
# BENCH_MAX_ROWS=1e5 skips the 1e6-row dataset (imbalanced-learn needs many
# minutes there).
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "forest-settings.R"))

max_rows <- as.numeric(Sys.getenv("BENCH_MAX_ROWS", "Inf"))
sizes <- data.frame(n = c(1e5, 1e6), p = 20)
skipped <- sizes[sizes$n > max_rows, , drop = FALSE]
sizes <- sizes[sizes$n <= max_rows, , drop = FALSE]
ready <- smotelab_ready(c("fit", "imb_pipeline", "model_balanced_forest"))

fmt_count <- function(x) format(x, big.mark = ",", scientific = FALSE)

rows <- list()
notes <- character()
for (i in seq_len(nrow(sizes))) {
  n <- sizes$n[i]
  p <- sizes$p[i]
  # The forest entry's data sets: the same generator, seeds and files.
  dataset <- ensure_dataset(
    sprintf("forest-n%s-p%d", format(n, scientific = FALSE), p),
    n, p,
    seed = 500 + log10(n) + p, generate_forest
  )
  ensure_dataset(forest_test_name(dataset), forest_test_rows, p, seed = 600 + p, generate_forest)
  reps <- if (n <= 1e5) 3 else 1

  base_df <- run_r("forest.R", "baseline", dataset)
  base_py <- run_py("forest.py", "baseline", dataset)
  sm <- if (ready) run_r("forest.R", "balanced", dataset, reps, timeout = 3600)
  im <- run_py("forest.py", "imblearn", dataset, reps, timeout = 7200)

  agree <- function(res) {
    if (!measured(res)) {
      return("")
    }
    if (identical(res, sm)) {
      return(sprintf("AUC %.4f (reference)", res$auc))
    }
    if (!measured(sm)) {
      return(sprintf("AUC %.4f", res$auc))
    }
    sprintf("AUC %.4f (%+.4f)", res$auc, res$auc - sm$auc)
  }
  t_sm <- if (measured(sm)) sm$seconds else NA
  runs <- if (reps == 1) " (1 run)" else sprintf(" (median of %d)", reps)
  rows <- c(rows, list(
    result_row(paste0("smotelab `model_balanced_forest()`", runs), n, p, sm, base_df, t_sm, agree(sm)),
    result_row(
      paste0("imbalanced-learn `BalancedRandomForestClassifier(n_jobs = 2)`", runs), n, p, im, base_py,
      t_sm, agree(im)
    )
  ))
  notes <- c(notes, sprintf(
    "- n = %s, p = %d: %.1f%% positive in training, %.1f%% in the %s held-out rows. Data load alone (training and held-out rows): R %s MiB, numpy %s MiB.%s",
    fmt_count(n), p, 100 * mean(read_y(dataset)), 100 * mean(read_y(forest_test_name(dataset))),
    fmt_count(forest_test_rows), fmt_mib(base_df$rss_mib), fmt_mib(base_py$rss_mib),
    if (measured(sm) && measured(im)) {
      sprintf(
        " imbalanced-learn / smotelab: time %.1fx, peak RSS %.2fx.",
        im$seconds / sm$seconds, im$rss_mib / sm$rss_mib
      )
    } else {
      ""
    }
  ))
}

write_section("bench-ensembles", c(
  "## Balanced random forest",
  "",
  paste0(
    "The forest entry's data (standard normal features, an event that depends on six of them through ",
    "thresholds, products and squares, about 10:1). Both forests follow imbalanced-learn 0.10's defaults: ",
    "each of 100 trees under-samples the majority to the minority's size without replacement, then grows ",
    "fully (no minimum node size) on a bootstrap of those rows, trying `floor(sqrt(p))` features per node, ",
    "on 2 threads, seed 1. The time is the fit alone; AUC is measured on ", fmt_count(forest_test_rows),
    " held-out rows. The ratio is the method's time over smotelab's (above 1: smotelab is faster); ",
    "peak RSS is the whole process (R or Python, the data and the fit)."
  ),
  "",
  if (!ready) c("**smotelab was not measured**: its `model_balanced_forest()` was not installed when this ran.", ""),
  if (nrow(skipped)) {
    c(sprintf(
      "Skipped in this run (BENCH_MAX_ROWS = %s): %s.", format(max_rows),
      paste0("n = ", fmt_count(skipped$n), ", p = ", skipped$p, collapse = "; ")
    ), "")
  },
  md_table(table_header, rows),
  "",
  notes,
  load_note(),
  ""
))
