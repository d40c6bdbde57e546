# Entry: SMOTE, smotelab against themis, smotefamily and imbalanced-learn.
# Writes bench/out/bench-smote.md. Run alone with `Rscript bench/bench-smote.R`.
# smotefamily is not in Debian: install it into a private library and put
# that library on R_LIBS (e.g. R_LIBS=/tmp/lib-smotelab:/tmp/lib-peers).
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

sizes <- expand.grid(p = c(10, 50), n = c(1e5, 1e6))
ready <- smotelab_ready("smote")
have_smotefamily <- requireNamespace("smotefamily", quietly = TRUE)
# smotelab and imbalanced-learn run 3 times at every size (a single run at
# 1e6 rows varied by a third between runs); themis and smotefamily (tens of
# seconds each at 1e5 rows) once. At 1e6 rows the R peers are stopped after
# `slow_timeout` seconds, which keeps the entry near 15 minutes: they take
# many minutes there. The R peers, whose target is a
# tenth of smotelab's speed, get at least `peer_factor` times smotelab's time,
# so that "did not finish in T s" still proves a ratio above 10.
slow_timeout <- 60
peer_factor <- 10.5

fmt_count <- function(x) format(x, big.mark = ",", scientific = FALSE)
mib <- function(bytes) bytes / 1024^2

rows <- list()
memory_rows <- list()
notes <- character()
for (i in seq_len(nrow(sizes))) {
  n <- sizes$n[i]
  p <- sizes$p[i]
  dataset <- ensure_dataset(sprintf("smote-n%s-p%d", format(n, scientific = FALSE), p),
                            n, p, seed = 300 + log10(n) + p, generate_smote)
  small <- n <= 1e5
  reps <- 3
  limit <- if (small) 900 else slow_timeout

  base_df <- run_r("smote.R", "baseline", dataset)
  base_py <- run_py("smote.py", "baseline", dataset)
  base_sm <- if (ready) run_r("smote.R", "baseline_smotelab", dataset)

  sm <- if (ready) run_r("smote.R", "smotelab", dataset, reps, timeout = 900)
  imb <- run_py("smote.py", "imblearn", dataset, reps, timeout = 900)
  peer_limit <- if (!small && measured(sm)) max(limit, ceiling(peer_factor * sm$seconds)) else limit
  themis <- run_r("smote.R", "themis", dataset, 1, timeout = peer_limit)
  family <- if (have_smotefamily) {
    run_r("smote.R", "smotefamily", dataset, 1, timeout = peer_limit)
  } else {
    list(error = "not installed")
  }

  agree <- function(res) {
    if (!measured(res)) return("")
    if (!measured(imb)) return(paste(fmt_count(res$n_synthetic), "synthetic"))
    if (identical(res, imb)) return(paste(fmt_count(res$n_synthetic), "synthetic (reference)"))
    same <- res$n_synthetic == imb$n_synthetic
    sprintf("%s synthetic (%s)", fmt_count(res$n_synthetic),
            if (same) "= imblearn" else paste("imblearn:", fmt_count(imb$n_synthetic)))
  }
  t_sm <- if (measured(sm)) sm$seconds else NA
  runs <- function(k) if (k == 1) " (1 run)" else ""
  rows <- c(rows, list(
    result_row(paste0("smotelab `smote(n_threads = 2)`", runs(reps)), n, p, sm, base_df, t_sm, agree(sm)),
    result_row("themis `smote(k = 5, over_ratio = 1)` (1 run)", n, p, themis,
               base_df, t_sm, agree(themis)),
    result_row("smotefamily `SMOTE(K = 5, dup_size = 0)` (1 run)", n, p, family,
               base_df, t_sm, agree(family)),
    result_row(paste0("imblearn `SMOTE(k_neighbors = 5)`", runs(reps)), n, p, imb, base_py, t_sm,
               agree(imb))
  ))

  y <- read_y(dataset)
  n_maj <- sum(y == 0)
  input <- n * p * 8
  output <- 2 * n_maj * p * 8
  if (measured(sm)) {
    over_data <- sm$rss_mib - base_df$rss_mib
    over_pkg <- if (measured(base_sm)) sm$rss_mib - base_sm$rss_mib else NA
    memory_rows <- c(memory_rows, list(c(
      fmt_count(n), p, sprintf("%.0f", mib(input)), sprintf("%.0f", mib(output)),
      fmt_mib(over_data), sprintf("%.2f", over_data / mib(input + output)),
      fmt_mib(over_pkg), sprintf("%.2f", over_pkg / mib(input + output))
    )))
  }
  notes <- c(notes, sprintf(
    paste0("- n = %s, p = %d: %s majority and %s minority rows, so %s synthetic rows ",
           "and %s rows out. Data load alone: R data frame %s MiB, numpy %s MiB%s."),
    fmt_count(n), p, fmt_count(n_maj), fmt_count(n - n_maj), fmt_count(n_maj - (n - n_maj)),
    fmt_count(2 * n_maj), fmt_mib(base_df$rss_mib), fmt_mib(base_py$rss_mib),
    if (measured(base_sm)) paste0(", R data frame with smotelab loaded ",
                                  fmt_mib(base_sm$rss_mib), " MiB") else ""
  ))
}

imb_version <- local({
  v <- system2("env", c("-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE", "/usr/bin/python3", "-c",
                        shQuote("import imblearn; print(imblearn.__version__)")),
               stdout = TRUE, stderr = FALSE)
  if (length(v) == 1) v else "unknown"
})
pkg_version <- function(pkg) {
  if (requireNamespace(pkg, quietly = TRUE)) as.character(utils::packageVersion(pkg)) else "not installed"
}

write_section("bench-smote", c(
  "## SMOTE",
  "",
  paste0("Gaussian data: standard normal features, the minority class (exactly ",
         "`round(n / 11)` rows, so 10:1) shifted by 1 in every feature. Every method ",
         "oversamples the minority to the majority's size with 5 neighbours: smotelab ",
         "`smote(df, y, seed = 1, n_threads = 2)` (`sampling_strategy = \"auto\"`); themis ",
         sprintf("%s `smote(df, var = \"y\", k = 5, over_ratio = 1)`; ", pkg_version("themis")),
         if (have_smotefamily) {
           sprintf("smotefamily %s `SMOTE(X, target, K = 5, dup_size = 0)`; ", pkg_version("smotefamily"))
         } else {
           "smotefamily `SMOTE(X, target, K = 5, dup_size = 0)` (not installed, see below); "
         },
         sprintf("imbalanced-learn %s `SMOTE(k_neighbors = 5, random_state = 0).fit_resample(X, y)` ", imb_version),
         "(its defaults: scikit-learn's `NearestNeighbors`, one job, numpy on 2 OpenBLAS threads). ",
         "smotelab and imbalanced-learn: median of 3 runs at every size, no warm-up; themis and ",
         "smotefamily, which take tens of seconds, one run, and at 1e6 rows they are ",
         sprintf("stopped after %d s (\"did not finish\"), to keep the entry near 15 minutes; ",
                 slow_timeout),
         sprintf("themis and smotefamily are given at least %s times smotelab's time on the same data, ",
                 peer_factor),
         "so that their \"did not finish in T s\" still shows them more than 10 times slower. ",
         "Single runs are marked \"(1 run)\" and are less precise than medians. ",
         "Agreement is the number of synthetic rows, which must equal imbalanced-learn's. ",
         "The ratio is the method's time over smotelab's (above 1: smotelab is faster)."),
  "",
  if (!ready) c("**smotelab was not measured**: its `smote()` was not installed when this ran.", ""),
  md_table(table_header, rows),
  "",
  if (length(memory_rows) > 0) c(
    paste0("**Memory target** (smotelab's peak RSS increment at most twice input + output): ",
           "input is `n * p * 8` bytes, output `2 * n_majority * p * 8` bytes (the columns ",
           "of the returned tibble). The increment is taken over the R process that only ",
           "loads the data frame, and over the one that also loads the smotelab namespace ",
           "(so the package's own code and libraries are not counted against SMOTE)."),
    "",
    md_table(c("n", "p", "input (MiB)", "output (MiB)", "over data load (MiB)",
               "/ (input + output)", "over data + smotelab loaded (MiB)", "/ (input + output)"),
             memory_rows),
    ""
  ),
  notes,
  if (!have_smotefamily) {
    paste0("- smotefamily was not measured: it is not installed in this run's libraries ",
           "(with R 4.2.2 from Debian 12, `install.packages(\"smotefamily\")` fails because its ",
           "dependency dbscan is not available for that R).")
  },
  load_note(),
  ""
))
