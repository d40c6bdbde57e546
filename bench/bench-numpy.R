# Entry: numpy-exact streams (rng = "numpy"), smotelab against the Python code
# it reproduces: make_imbalanced() against scikit-learn's make_classification
# at 1e6 x 20, and smote() against imbalanced-learn's SMOTE at 1e6 rows.
# Writes bench/out/bench-numpy.md. Run alone with `Rscript bench/bench-numpy.R`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

reps <- 3
ready <- smotelab_ready(c("make_imbalanced", "smote")) &&
  "rng" %in% names(formals(smotelab::make_imbalanced))

# Both sides draw the same numbers, so their outputs agree to rounding: the
# agreement column shows the largest relative difference of the checksums
# (sum of all features, the first row) and whether the label or row counts
# are equal.
agreement <- function(res, ref) {
  if (!measured(res) || !measured(ref)) return("")
  rel <- function(a, b) max(abs(a - b) / pmax(1, abs(b)))
  d <- max(rel(res$x_sum, ref$x_sum), rel(res$x_first, ref$x_first))
  same <- function(a, b) isTRUE(all.equal(as.numeric(a), as.numeric(b), tolerance = 0))
  counts <- if (!is.null(ref$n_synthetic)) {
    if (same(res$n_synthetic, ref$n_synthetic)) "same synthetic count" else "synthetic counts differ"
  } else {
    if (same(res$y_sum, ref$y_sum)) "same number of minority labels" else "labels differ"
  }
  sprintf("checksums within %s, %s", format(signif(d, 2)), counts)
}

n_make <- 1e6
base_make_r <- run_r("numpy-exact.R", "baseline_make", "none")
base_make_py <- run_py("numpy_exact.py", "baseline_make", "none")
make_sm <- if (ready) run_r("numpy-exact.R", "make_imbalanced", "none", reps)
make_py <- run_py("numpy_exact.py", "make_classification", "none", reps)

smote_data <- ensure_dataset("numpy-smote-n1e6-p20", 1e6, 20, seed = 320, generate_smote)
base_smote_r <- run_r("numpy-exact.R", "baseline_smote", smote_data)
base_smote_py <- run_py("numpy_exact.py", "baseline_smote", smote_data)
smote_sm <- if (ready) run_r("numpy-exact.R", "smote", smote_data, reps)
smote_py <- run_py("numpy_exact.py", "imblearn", smote_data, reps)

t_make <- if (measured(make_sm)) make_sm$seconds else NA
t_smote <- if (measured(smote_sm)) smote_sm$seconds else NA
rows <- list(
  result_row("smotelab `make_imbalanced(rng = \"numpy\")`", n_make, 20, make_sm, base_make_r, t_make,
             agreement(make_sm, make_py)),
  result_row("scikit-learn `make_classification()`", n_make, 20, make_py, base_make_py, t_make,
             if (measured(make_py)) "reference" else ""),
  result_row("smotelab `smote(rng = \"numpy\", n_threads = 2)`", 1e6, 20, smote_sm, base_smote_r, t_smote,
             agreement(smote_sm, smote_py)),
  result_row("imblearn `SMOTE(k_neighbors = 5, random_state = 0)`", 1e6, 20, smote_py, base_smote_py, t_smote,
             if (measured(smote_py)) "reference" else "")
)

write_section("bench-numpy", c(
  "## numpy-exact streams",
  "",
  paste0("`rng = \"numpy\"` makes smotelab draw as numpy's legacy `RandomState` inside ",
         "scikit-learn and imbalanced-learn, so both sides compute the same output; the ",
         "agreement column compares checksums of it. The draws are serial on both sides; ",
         "smotelab's nearest neighbours and interpolation use 2 threads, scikit-learn's ",
         "`NearestNeighbors` its own OpenMP threads (2). Generator: `make_imbalanced(n_samples = 1e6, ",
         "n_features = 20, n_informative = 10, n_redundant = 4, weights = c(0.9, 0.1), flip_y = 0.01, ",
         "seed = 42, rng = \"numpy\")` (returning a tibble) against `make_classification(...same..., ",
         "random_state = 42)` (returning arrays). SMOTE: the SMOTE entry's data at 1e6 rows x 20 ",
         "features (10:1), smotelab `smote(df, y, seed = 0, rng = \"numpy\", n_threads = 2)` against ",
         "`SMOTE(k_neighbors = 5, random_state = 0).fit_resample(X, y)`. Median of ", reps, " runs, no warm-up. ",
         "The ratio is the method's time over smotelab's (above 1: smotelab is faster). ",
         "The baselines load the package (and, for SMOTE, the data) and nothing else. ",
         "This entry is usually run while other jobs share the machine's cores: the load ",
         "average below says how busy it was, and both sides were slowed alike."),
  "",
  if (!ready) c("**smotelab was not measured**: the installed smotelab has no `rng` argument.", ""),
  md_table(table_header, rows),
  "",
  load_note(),
  ""
))
