# Entry: ROC-AUC and average precision, smotelab against pROC and scikit-learn.
# Writes bench/out/bench-metrics.md. Run alone with `Rscript bench/bench-metrics.R`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

sizes <- c(1e6, 1e7)
ready <- smotelab_ready(c("roc_auc_vec", "pr_auc_vec"))

abs_diff <- function(a, b, what) {
  if (!measured(a) || !measured(b) || is.null(a[[what]]) || is.null(b[[what]])) NA
  else abs(a[[what]] - b[[what]])
}

rows <- list()
notes <- character()
for (n in sizes) {
  dataset <- ensure_dataset(sprintf("scores-n%s", format(n, scientific = FALSE)),
                            n, 1, seed = 200 + log10(n), generate_scores)
  reps <- 3
  warmup <- n <= 1e6
  r <- function(method) run_r("metrics.R", method, dataset, reps, warmup)

  base_r <- run_r("metrics.R", "baseline", dataset)
  base_py <- run_py("metrics.py", "baseline", dataset)

  sm <- if (ready) r("smotelab")
  sm_auc <- if (ready) r("smotelab_auc")
  proc <- r("proc")
  sk <- run_py("metrics.py", "sklearn", dataset, reps, warmup)

  # Compared with smotelab; until it is measured, with scikit-learn.
  ref <- if (measured(sm)) sm else sk
  suffix <- if (measured(sm)) "" else " (vs sklearn)"
  both <- function(res) {
    paste0("AUC ", fmt_diff(abs_diff(res, ref, "auc")), ", AP ",
           fmt_diff(abs_diff(res, ref, "ap")), suffix)
  }
  t_both <- if (measured(sm)) sm$seconds else NA
  t_auc <- if (measured(sm_auc)) sm_auc$seconds else NA

  rows <- c(rows, list(
    result_row("smotelab `roc_auc_vec()` + `pr_auc_vec()`", n, 1, sm, base_r, t_both,
               if (measured(sm)) "reference" else ""),
    result_row("smotelab `roc_auc_vec()` alone", n, 1, sm_auc, base_r, t_auc,
               if (measured(sm_auc)) paste0("AUC ", fmt_diff(abs_diff(sm_auc, ref, "auc"))) else ""),
    result_row("pROC `roc()` + `auc()` (AUC alone)", n, 1, proc, base_r, t_auc,
               paste0("AUC ", fmt_diff(abs_diff(proc, ref, "auc")), suffix)),
    result_row("sklearn `roc_auc_score()` + `average_precision_score()`", n, 1, sk, base_py,
               t_both, if (identical(sk, ref)) "reference" else both(sk))
  ))
  y <- read_y(dataset)
  notes <- c(notes, sprintf(
    "- n = %s: %.1f%% positive, %s distinct scores. Data load alone: R %s MiB, numpy %s MiB.",
    format(n, big.mark = ",", scientific = FALSE), 100 * mean(y),
    format(length(unique(drop(read_x(dataset)))), big.mark = ","),
    fmt_mib(base_r$rss_mib), fmt_mib(base_py$rss_mib)
  ))
}

write_section("bench-metrics", c(
  "## ROC-AUC and average precision",
  "",
  paste0("Scores `plogis(-1 + 1.2 * y + N(0, 1))` rounded to 1e-6, so that many ",
         "scores are tied, with about 10% positives; truth is a factor with levels ",
         "`\"0\"`, `\"1\"` (event `\"1\"`). smotelab and scikit-learn compute ",
         "ROC-AUC and average precision (scikit-learn's step-wise sum) together. pROC has ",
         "no average precision, so pROC computes the ROC-AUC alone, and its ratio is ",
         "taken over smotelab's `roc_auc_vec()` alone; scikit-learn's ratio is taken over ",
         "smotelab's two functions together. Agreement is the absolute difference from ",
         "smotelab's value."),
  "",
  if (!ready) c(paste0("**smotelab was not measured**: its `roc_auc_vec()` and ",
                       "`pr_auc_vec()` were not installed when this ran. Agreement is ",
                       "shown against scikit-learn instead."), ""),
  md_table(table_header, rows),
  "",
  notes,
  load_note(),
  ""
))
