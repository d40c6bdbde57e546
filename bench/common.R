# The bench harness, sourced by bench/run.R, the bench-*.R entries and the R
# workers in bench/r/. Sourcing it loads no package, so a worker's peak RSS
# holds only R, the data and the method under test.
#
# Before sourcing, the caller sets BENCH_DIR to the absolute path of bench/.

bench_path <- function(...) file.path(BENCH_DIR, ...)

# ---------------------------------------------------------------------------
# Data files, shared byte for byte by the R and Python workers.
#
# A dataset `name` is three files in bench/data/:
#   name.meta   text, one "key value" per line: n, p, seed, layout
#   name.x.f64  float64 little-endian, n * p values, ROW-MAJOR (row 1's p
#               values, then row 2's, ...): numpy reads it with
#               np.fromfile(f, "<f8").reshape(n, p), a C-contiguous array,
#               which is the layout scikit-learn converts to anyway
#   name.y.i32  int32 little-endian, n labels in {0, 1}
# A score dataset is the same with p = 1 (x holds the scores).

dataset_prefix <- function(name) bench_path("data", name)

read_meta <- function(name) {
  path <- paste0(dataset_prefix(name), ".meta")
  if (!file.exists(path)) {
    return(NULL)
  }
  kv <- strsplit(readLines(path), " ", fixed = TRUE)
  stats::setNames(lapply(kv, `[`, 2), vapply(kv, `[`, "", 1))
}

write_dataset <- function(name, x, y, n, p, seed) {
  stopifnot(length(x) == n * p, length(y) == n, all(y %in% c(0L, 1L)))
  dir.create(bench_path("data"), showWarnings = FALSE, recursive = TRUE)
  prefix <- dataset_prefix(name)
  writeBin(as.double(x), paste0(prefix, ".x.f64"), size = 8, endian = "little")
  writeBin(as.integer(y), paste0(prefix, ".y.i32"), size = 4, endian = "little")
  # The meta file is written last: its presence marks a complete dataset.
  writeLines(
    c(paste("n", format(n, scientific = FALSE)), paste("p", p),
      paste("seed", seed), "layout row-major"),
    paste0(prefix, ".meta")
  )
}

# Generates a dataset unless an identical one (same n, p, seed) is on disk.
ensure_dataset <- function(name, n, p, seed, generate) {
  meta <- read_meta(name)
  same <- !is.null(meta) &&
    identical(as.numeric(meta$n), as.numeric(n)) &&
    identical(as.numeric(meta$p), as.numeric(p)) &&
    identical(as.numeric(meta$seed), as.numeric(seed))
  if (!same) {
    message("bench: generating dataset ", name)
    set.seed(seed)
    d <- generate(n, p)
    write_dataset(name, d$x, d$y, n, p, seed)
  }
  name
}

# Well-conditioned logistic data: independent standard normal features, a
# fixed coefficient vector and an intercept that gives about 10:1 classes.
logistic_truth <- function(p) {
  list(intercept = -2.6, beta = 0.3 * seq(-1, 1, length.out = p))
}

generate_logistic <- function(n, p) {
  truth <- logistic_truth(p)
  x <- stats::rnorm(n * p)
  dim(x) <- c(p, n)
  eta <- truth$intercept + drop(crossprod(x, truth$beta))
  y <- as.integer(stats::runif(n) < stats::plogis(eta))
  list(x = x, y = y)
}

# Scores for a rare class (10%), rounded to 1e-6 so that ties occur.
generate_scores <- function(n, p) {
  y <- as.integer(stats::runif(n) < 0.1)
  score <- round(stats::plogis(-1 + 1.2 * y + stats::rnorm(n)), 6)
  list(x = score, y = y)
}

# SMOTE input: standard normal features, the minority (exactly round(n / 11)
# rows, so 10:1) shifted by 1 in every feature, rows in random order.
generate_smote <- function(n, p) {
  n_min <- round(n / 11)
  y <- sample(rep(0:1, c(n - n_min, n_min)))
  x <- stats::rnorm(n * p)
  dim(x) <- c(p, n)
  x[, y == 1] <- x[, y == 1] + 1
  list(x = x, y = y)
}

read_x <- function(name) {
  meta <- read_meta(name)
  n <- as.numeric(meta$n)
  p <- as.numeric(meta$p)
  x <- readBin(paste0(dataset_prefix(name), ".x.f64"), "double",
               n = n * p, size = 8, endian = "little")
  dim(x) <- c(p, n)
  x
}

read_y <- function(name) {
  n <- as.numeric(read_meta(name)$n)
  readBin(paste0(dataset_prefix(name), ".y.i32"), "integer",
          n = n, size = 4, endian = "little")
}

# x1..xp as numeric columns and y as a factor with levels "0", "1".
load_data_frame <- function(name) {
  x <- read_x(name)
  cols <- lapply(seq_len(nrow(x)), function(j) x[j, ])
  rm(x)
  names(cols) <- paste0("x", seq_along(cols))
  cols$y <- factor(read_y(name), levels = 0:1, labels = c("0", "1"))
  df <- as.data.frame(cols)
  rm(cols)
  invisible(gc())
  df
}

# An n x p column-major matrix, the input glmnet takes.
load_matrix <- function(name) {
  x <- t(read_x(name))
  invisible(gc())
  list(x = x, y = read_y(name))
}

load_scores <- function(name) {
  list(
    score = drop(read_x(name)),
    truth = factor(read_y(name), levels = 0:1, labels = c("0", "1"))
  )
}

# ---------------------------------------------------------------------------
# Worker side: time a method in this process and print one JSON line.

worker_args <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  if (length(args) != 4) {
    stop("usage: <worker> METHOD DATASET REPS WARMUP(0/1)", call. = FALSE)
  }
  list(method = args[[1]], dataset = args[[2]],
       reps = as.integer(args[[3]]), warmup = args[[4]] == "1")
}

# Median wall time of `reps` runs of f(), after one untimed run if `warmup`.
# Returns the median and the value of the last run. `fresh`: collect the
# last run's garbage before each run, untimed, so that the process's peak
# memory is one run's own and not one run's plus the previous output R has
# not yet collected.
time_median <- function(f, reps, warmup, fresh = FALSE) {
  if (warmup) {
    f()
  }
  times <- numeric(reps)
  for (i in seq_len(reps)) {
    if (fresh) {
      invisible(gc())
    }
    start <- Sys.time()
    value <- f()
    times[i] <- as.numeric(difftime(Sys.time(), start, units = "secs"))
  }
  list(seconds = stats::median(times), times = times, value = value)
}

# A minimal JSON writer, so that workers load no package besides the one
# they time: numbers at full precision, vectors of length > 1 as arrays.
to_json <- function(x) {
  encode <- function(v) {
    if (is.list(v)) {
      return(to_json(v))
    }
    s <- if (is.character(v)) {
      paste0("\"", gsub("([\"\\\\])", "\\\\\\1", v), "\"")
    } else if (is.logical(v)) {
      ifelse(v, "true", "false")
    } else {
      ifelse(is.finite(v), sprintf("%.17g", v), "null")
    }
    if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
  }
  fields <- vapply(names(x), function(k) paste0("\"", k, "\":", encode(x[[k]])), "")
  paste0("{", paste(fields, collapse = ","), "}")
}

emit <- function(result) {
  cat("BENCH ", to_json(result), "\n", sep = "")
}

# ---------------------------------------------------------------------------
# Orchestrator side: run one worker in its own process under GNU time.

# R workers and smotelab get 2 threads; OpenBLAS keeps this environment's
# core-type settings, as R users here have them.
r_command <- function(script) {
  c("env", "OMP_NUM_THREADS=2", "OPENBLAS_NUM_THREADS=2", "SMOTELAB_THREADS=2",
    file.path(R.home("bin"), "Rscript"), bench_path("r", script))
}

# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, set in this environment, slow numpy's
# OpenBLAS down: the Python peers run without them, on 2 BLAS/OpenMP threads.
py_command <- function(script) {
  c("env", "-u", "OPENBLAS_CORETYPE", "-u", "OPENBLAS_L2_SIZE",
    "OMP_NUM_THREADS=2", "OPENBLAS_NUM_THREADS=2", "MKL_NUM_THREADS=2",
    "/usr/bin/python3", bench_path("py", script))
}

# Runs `command` + args under `/usr/bin/time -f %M` (peak RSS in KiB) and a
# timeout; returns the worker's JSON result with `rss_mib` added, or a list
# with `error` when the worker failed.
run_worker <- function(command, args, label, timeout = 900) {
  dir.create(bench_path("out", "logs"), showWarnings = FALSE, recursive = TRUE)
  rss_file <- tempfile("rss")
  on.exit(unlink(rss_file))
  log_file <- bench_path("out", "logs", paste0(gsub("[^A-Za-z0-9._-]", "_", label), ".log"))
  full <- c("timeout", timeout, "/usr/bin/time", "-f", "%M", "-o", rss_file,
            command, args)
  message("bench: ", label)
  record_load()
  out <- suppressWarnings(system2(full[[1]], shQuote(full[-1]),
                                  stdout = TRUE, stderr = log_file))
  status <- attr(out, "status")
  line <- grep("^BENCH ", out, value = TRUE)
  if ((!is.null(status) && status != 0) || length(line) != 1) {
    writeLines(out, paste0(log_file, ".stdout"))
    record_load()
    # timeout(1) exits with 124 when it had to stop the worker.
    if (identical(as.integer(status), 124L)) {
      return(list(error = sprintf("did not finish in %s s", timeout), timed_out = TRUE))
    }
    return(list(error = sprintf("failed (exit %s), see bench/out/logs/%s",
                                if (is.null(status)) 0 else status, basename(log_file))))
  }
  record_load()
  result <- jsonlite::fromJSON(sub("^BENCH ", "", line))
  rss_kib <- as.numeric(utils::tail(readLines(rss_file), 1))
  result$rss_mib <- rss_kib / 1024
  result
}

# Other processes on the machine distort timings: the 1-minute load average is
# sampled around every measurement so that the results say how quiet it was.
bench_state <- new.env()
bench_state$loads <- numeric()

record_load <- function() {
  load1 <- as.numeric(strsplit(readLines("/proc/loadavg"), " ")[[1]][1])
  bench_state$loads <- c(bench_state$loads, load1)
}

load_note <- function() {
  loads <- bench_state$loads
  sprintf(paste0("- 1-minute load average around the measurements: %.2f to %.2f ",
                 "(%d cores; the bench itself accounts for up to 2, more means other ",
                 "processes competed for the cores and times are inflated)."),
          min(loads), max(loads), parallel::detectCores())
}

run_r <- function(script, method, dataset, reps = 1, warmup = FALSE, label = NULL, timeout = 900) {
  run_worker(r_command(script), c(method, dataset, reps, as.integer(warmup)),
             label %||% paste("R", script, method, dataset), timeout = timeout)
}

run_py <- function(script, method, dataset, reps = 1, warmup = FALSE, label = NULL, timeout = 900) {
  run_worker(py_command(script), c(method, dataset, reps, as.integer(warmup)),
             label %||% paste("py", script, method, dataset), timeout = timeout)
}

`%||%` <- function(a, b) if (is.null(a)) b else a

# smotelab counts as measurable once it is installed with every export needed.
smotelab_ready <- function(exports) {
  requireNamespace("smotelab", quietly = TRUE) &&
    all(exports %in% getNamespaceExports("smotelab"))
}

# ---------------------------------------------------------------------------
# Markdown.

fmt_num <- function(x, digits = 3) {
  if (is.null(x) || length(x) == 0 || is.na(x)) "n/a" else trimws(formatC(x, digits = digits, format = "g"))
}

fmt_mib <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x)) "n/a" else sprintf("%.0f", x)
}

md_table <- function(header, rows) {
  line <- function(cells) paste0("| ", paste(cells, collapse = " | "), " |")
  c(line(header), line(rep("---", length(header))), vapply(rows, line, ""))
}

# One row of an entry's table. `result` is a worker result (or NULL when
# not measured), `baseline` the matching data-load-only result, `ref_seconds`
# smotelab's time for the ratio, `agreement` a preformatted string.
result_row <- function(method, n, p, result, baseline, ref_seconds, agreement) {
  nf <- format(n, big.mark = ",", scientific = FALSE)
  if (is.null(result)) {
    return(c(method, nf, p, "not yet measured", "", "", "", ""))
  }
  if (!is.null(result$error)) {
    return(c(method, nf, p, result$error, "", "", "", ""))
  }
  inc <- if (is.null(baseline$rss_mib)) NA else result$rss_mib - baseline$rss_mib
  ratio <- if (is.null(ref_seconds) || is.na(ref_seconds)) NA else result$seconds / ref_seconds
  c(method, nf, p, fmt_num(result$seconds), fmt_mib(result$rss_mib), fmt_mib(inc),
    if (is.na(ratio)) "n/a" else sprintf("%.2f", ratio), agreement)
}

table_header <- c("method", "n", "p", "median s", "peak RSS (MiB)",
                  "over data load (MiB)", "ratio (time / smotelab)", "agreement")

# An entry's section starts with a marker naming the entry, so that run.R can
# find it again in RESULTS.md (see kept_section()).
section_marker <- function(entry) sprintf("<!-- section: %s -->", entry)

write_section <- function(entry, lines) {
  dir.create(bench_path("out"), showWarnings = FALSE, recursive = TRUE)
  writeLines(c(section_marker(entry), lines), bench_path("out", paste0(entry, ".md")))
}

# The section an entry wrote in its last run: bench/out/ (git-ignored) when
# this checkout ran it, otherwise the entry's part of the committed RESULTS.md,
# from its marker to the next one. NULL when neither has it.
kept_section <- function(entry) {
  out <- bench_path("out", paste0(entry, ".md"))
  if (file.exists(out)) return(readLines(out))
  results <- bench_path("RESULTS.md")
  if (!file.exists(results)) return(NULL)
  lines <- readLines(results)
  markers <- grep("^<!-- section: .* -->$", lines)
  start <- markers[lines[markers] == section_marker(entry)]
  if (length(start) != 1) return(NULL)
  end <- c(markers[markers > start], length(lines) + 1)[1] - 1
  lines[start:end]
}

fmt_diff <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x)) "n/a" else sprintf("%.1e", x)
}

# A worker result that exists and did not fail.
measured <- function(result) !is.null(result) && is.null(result$error)
