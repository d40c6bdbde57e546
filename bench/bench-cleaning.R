# Entry: the cleaning under-samplers and SMOTE + cleaning, smotelab against
# imbalanced-learn (and themis where it has the method). Writes
# bench/out/bench-cleaning.md. Run alone with `Rscript bench/bench-cleaning.R`.
# BENCH_CLEANING_SIZES (e.g. "1e5") limits the row counts, 1e5 and 1e6 by
# default: imbalanced-learn needs about an hour per method at 1e6 rows.
# BENCH_CLEANING_METHODS (e.g. "near_miss,tomek_links") limits the methods;
# BENCH_CLEANING_PEER_FACTOR (default 10.5) is how many times smotelab's time
# a peer gets before it is stopped; BENCH_CLEANING_THEMIS=false leaves themis
# out (it did not finish in 600 s at 1e5 rows).
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

sizes <- as.numeric(strsplit(Sys.getenv("BENCH_CLEANING_SIZES", "1e5,1e6"), ",")[[1]])
p <- 20
methods <- list(
  smote_enn = list(label = "`smote_enn()`", peer = "`SMOTEENN(n_jobs=2)`", random = TRUE),
  smote_tomek = list(label = "`smote_tomek()`", peer = "`SMOTETomek(n_jobs=2)`", random = TRUE),
  tomek_links = list(label = "`tomek_links()`", peer = "`TomekLinks(n_jobs=2)`", themis = "themis_tomek"),
  edited_nearest_neighbours = list(
    label = "`edited_nearest_neighbours()`", peer = "`EditedNearestNeighbours(n_jobs=2)`"
  ),
  near_miss = list(label = "`near_miss()`", peer = "`NearMiss(n_jobs=2)`", themis = "themis_nearmiss")
)
only <- Sys.getenv("BENCH_CLEANING_METHODS")
if (nzchar(only)) methods <- methods[intersect(strsplit(only, ",")[[1]], names(methods))]
ready <- smotelab_ready(names(methods))
# smotelab runs 3 times at 1e5 rows and once at 1e6; the peers once. A peer
# is stopped after `peer_factor` times smotelab's time (at least
# `min_timeout` s), so "did not finish in T s" still proves the ratio.
peer_factor <- as.numeric(Sys.getenv("BENCH_CLEANING_PEER_FACTOR", "10.5"))
min_timeout <- 600
with_themis <- !identical(tolower(Sys.getenv("BENCH_CLEANING_THEMIS")), "false")

fmt_count <- function(x) format(x, big.mark = ",", scientific = FALSE)
mib <- function(bytes) bytes / 1024^2

rows <- list()
memory_rows <- list()
notes <- character()
for (n in sizes) {
  dataset <- ensure_dataset(sprintf("smote-n%s-p%d", format(n, scientific = FALSE), p),
    n, p,
    seed = 300 + log10(n) + p, generate_smote
  )
  reps <- if (n <= 1e5) 3 else 1
  base_df <- run_r("cleaning.R", "baseline", dataset)
  base_py <- run_py("cleaning.py", "baseline", dataset)
  base_sm <- if (ready) run_r("cleaning.R", "baseline_smotelab", dataset)
  for (name in names(methods)) {
    m <- methods[[name]]
    sm <- if (ready) run_r("cleaning.R", name, dataset, reps, timeout = 3600)
    t_sm <- if (measured(sm)) sm$seconds else NA
    limit <- if (measured(sm)) max(min_timeout, ceiling(peer_factor * sm$seconds)) else min_timeout
    imb <- run_py("cleaning.py", name, dataset, 1, timeout = limit)
    th <- if (!is.null(m$themis) && with_themis) run_r("cleaning.R", m$themis, dataset, 1, timeout = limit)
    agree <- function(res) {
      if (!measured(res)) {
        return("")
      }
      counts <- sprintf("%s rows out, %s minority", fmt_count(res$n_out), fmt_count(res$n_minority))
      if (!measured(imb) || identical(res, imb)) {
        return(counts)
      }
      same <- res$n_out == imb$n_out && res$n_minority == imb$n_minority
      paste0(counts, if (same) " (= imblearn)" else if (isTRUE(m$random)) " (random)" else " (imblearn differs)")
    }
    runs <- function(k) if (k == 1) " (1 run)" else ""
    rows <- c(rows, list(
      result_row(paste0("smotelab ", m$label, runs(reps)), n, p, sm, base_df, t_sm, agree(sm)),
      result_row(paste0("imblearn ", m$peer, " (1 run)"), n, p, imb, base_py, t_sm, agree(imb))
    ))
    if (!is.null(th)) {
      rows <- c(rows, list(result_row(
        paste0("themis `", sub("themis_", "", m$themis), "()` (1 run)"), n, p, th, base_df, t_sm, agree(th)
      )))
    }
    if (measured(sm)) {
      input <- n * p * 8
      output <- sm$n_out * p * 8
      over_data <- sm$rss_mib - base_df$rss_mib
      over_pkg <- if (measured(base_sm)) sm$rss_mib - base_sm$rss_mib else NA
      memory_rows <- c(memory_rows, list(c(
        m$label, fmt_count(n), sprintf("%.0f", mib(input)), sprintf("%.0f", mib(output)),
        fmt_mib(over_data), sprintf("%.2f", over_data / mib(input + output)),
        fmt_mib(over_pkg), sprintf("%.2f", over_pkg / mib(input + output))
      )))
    }
  }
  y <- read_y(dataset)
  notes <- c(notes, sprintf(
    "- n = %s: %s majority and %s minority rows. Data load alone: R data frame %s MiB, numpy %s MiB%s.",
    fmt_count(n), fmt_count(sum(y == 0)), fmt_count(sum(y == 1)), fmt_mib(base_df$rss_mib),
    fmt_mib(base_py$rss_mib),
    if (measured(base_sm)) paste0(", R data frame with smotelab loaded ", fmt_mib(base_sm$rss_mib), " MiB") else ""
  ))
}

imb_version <- local({
  v <- system2("env", c(
    "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE", "/usr/bin/python3", "-c",
    shQuote("import imblearn; print(imblearn.__version__)")
  ), stdout = TRUE, stderr = FALSE)
  if (length(v) == 1) v else "unknown"
})
themis_version <- if (requireNamespace("themis", quietly = TRUE)) as.character(utils::packageVersion("themis"))

write_section("bench-cleaning", c(
  "## Cleaning under-samplers and SMOTE + cleaning",
  "",
  paste0(
    "The SMOTE entry's Gaussian data (20 standard normal features, the minority, `round(n / 11)` rows, ",
    "shifted by 1 in every feature): each method with its defaults, smotelab on 2 threads ",
    "(`seed = 1` where it draws), imbalanced-learn ", imb_version, " with `n_jobs=2` ",
    "(`random_state=0` where it draws; numpy on 2 OpenBLAS threads)",
    if (!is.null(themis_version)) paste0(", themis ", themis_version, " `tomek()` and `nearmiss(k = 3)`") else "",
    ". SMOTE-ENN and SMOTE-Tomek clean every class after SMOTE, as imbalanced-learn's defaults do. ",
    "smotelab: median of 3 runs at 1e5 rows, one run at 1e6; the peers one run, stopped after ",
    sprintf(
      "%s times smotelab's time (at least %d s): \"did not finish in T s\" then shows a ratio above %s. ",
      peer_factor, min_timeout, peer_factor
    ),
    "Agreement: the rows out; the deterministic rules must keep exactly imbalanced-learn's count ",
    "(the data have no ties), the SMOTE ones draw different random rows. ",
    "The ratio is the method's time over smotelab's (above 1: smotelab is faster). ",
    sprintf("Sizes run: %s.", paste(fmt_count(sizes), collapse = ", "))
  ),
  "",
  if (!ready) c("**smotelab was not measured**: its cleaning samplers were not installed when this ran.", ""),
  md_table(table_header, rows),
  "",
  if (length(memory_rows) > 0) {
    c(
      paste0(
        "**Memory target** (smotelab's peak RSS increment at most twice input + output): input is ",
        "`n * p * 8` bytes, output `rows out * p * 8` bytes. The increment is taken over the R process ",
        "that only loads the data frame, and over the one that also loads the smotelab namespace."
      ),
      "",
      md_table(
        c(
          "method", "n", "input (MiB)", "output (MiB)", "over data load (MiB)", "/ (input + output)",
          "over data + smotelab loaded (MiB)", "/ (input + output)"
        ),
        memory_rows
      ),
      ""
    )
  },
  notes,
  load_note(),
  ""
))
