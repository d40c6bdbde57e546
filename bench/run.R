# Runs every bench/bench-*.R entry (each in its own R process) and assembles
# bench/RESULTS.md from their sections and a description of the machine.
#   Rscript bench/run.R              # all entries
#   Rscript bench/run.R metrics      # only entries whose name contains "metrics"
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

started <- Sys.time()
load_at_start <- readLines("/proc/loadavg")
all_entries <- sort(list.files(BENCH_DIR, pattern = "^bench-.*\\.R$"))
only <- commandArgs(trailingOnly = TRUE)
entries <- if (length(only) > 0) all_entries[grepl(paste(only, collapse = "|"), all_entries)] else all_entries

# An entry left out by the filter keeps the section of its last run (from
# bench/out/, or else from the committed RESULTS.md), so that running one
# entry does not drop the others from RESULTS.md.
sections <- character()
for (entry in all_entries) {
  name <- sub("\\.R$", "", entry)
  section <- bench_path("out", paste0(name, ".md"))
  if (!entry %in% entries) {
    sections <- c(sections, kept_section(name) %||%
      c(section_marker(name), paste("##", name), "",
        sprintf("Not run yet: `Rscript bench/run.R %s`.", sub("^bench-", "", name)), ""))
    next
  }
  unlink(section)
  message("bench: entry ", entry)
  status <- system2(file.path(R.home("bin"), "Rscript"), shQuote(bench_path(entry)))
  sections <- c(sections, if (status == 0 && file.exists(section)) {
    readLines(section)
  } else {
    c(section_marker(name), paste("##", name), "", sprintf("The entry failed (exit status %d).", status), "")
  })
}

pkg_version <- function(pkg) {
  if (requireNamespace(pkg, quietly = TRUE)) as.character(utils::packageVersion(pkg)) else "not installed"
}
cpu <- sub("^model name\\s*:\\s*", "",
           grep("^model name", readLines("/proc/cpuinfo"), value = TRUE)[1])
mem_kib <- as.numeric(gsub("\\D", "", grep("^MemTotal", readLines("/proc/meminfo"), value = TRUE)))
py <- run_worker(py_command("info.py"), character(), "python info")
pools <- if (is.data.frame(py$threadpools)) {
  sprintf("%s (%s, %s threads) `%s`", py$threadpools$internal_api, py$threadpools$version,
          py$threadpools$num_threads, py$threadpools$filepath)
} else {
  "threadpoolctl not available"
}
smotelab_where <- if (requireNamespace("smotelab", quietly = TRUE)) {
  paste0(" (", find.package("smotelab"), ")")
} else {
  ""
}

machine <- c(
  "## Machine",
  "",
  sprintf("- Date: %s", format(started, "%Y-%m-%d %H:%M %Z")),
  sprintf("- CPU: %s, `nproc` = %s, %.0f GiB memory", cpu,
          system2("nproc", stdout = TRUE), mem_kib / 1024^2),
  sprintf("- OS: %s", utils::osVersion),
  sprintf("- %s; BLAS/LAPACK: `%s`", R.version.string, La_library()),
  sprintf(paste0("- R packages: smotelab %s%s, glmnet %s, pROC %s, themis %s, smotefamily %s, ",
                 "rsample %s, Rcpp %s, RcppParallel %s, RcppEigen %s"),
          pkg_version("smotelab"), smotelab_where, pkg_version("glmnet"), pkg_version("pROC"),
          pkg_version("themis"), pkg_version("smotefamily"), pkg_version("rsample"),
          pkg_version("Rcpp"), pkg_version("RcppParallel"), pkg_version("RcppEigen")),
  if (nzchar(Sys.getenv("BENCH_SMOTELAB_SOURCE"))) {
    paste0("- smotelab source: ", Sys.getenv("BENCH_SMOTELAB_SOURCE"))
  },
  if (measured(py)) {
    c(sprintf("- Python %s (`/usr/bin/python3`): numpy %s, scikit-learn %s, imbalanced-learn %s, threadpoolctl %s",
              py$python, py$numpy, py$sklearn, py$imblearn %||% "not installed",
              py$threadpoolctl %||% "not installed"),
      paste0("- Python thread pools: ", paste(pools, collapse = "; ")))
  } else {
    "- Python: info.py failed"
  },
  paste0("- Threads: smotelab `n_threads = 2`; every process runs with ",
         "`OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2`; Python without ",
         "`OPENBLAS_CORETYPE`/`OPENBLAS_L2_SIZE`."),
  if (!identical(entries, all_entries)) {
    sprintf("- This run: %s only; the other sections are from earlier runs (`bench/out/`, or the previous RESULTS.md).",
            paste(sub("\\.R$", "", entries), collapse = ", "))
  },
  sprintf("- Whole bench: %.1f minutes; `/proc/loadavg` at start `%s`, at end `%s`",
          as.numeric(difftime(Sys.time(), started, units = "mins")), load_at_start,
          readLines("/proc/loadavg")),
  ""
)

how <- c(
  "# smotelab benchmarks",
  "",
  paste0("Made by `make bench` (`Rscript bench/run.R`); see `bench/README.md` for the ",
         "method. Every number is the median wall time of several runs inside one fresh ",
         "process per method and size; peak RSS is that whole process's maximum resident ",
         "set (GNU `time -f %M`), and \"over data load\" subtracts the peak of a process ",
         "that only loads the same data the same way."),
  ""
)

writeLines(c(how, machine, sections), bench_path("RESULTS.md"))
message("bench: wrote ", bench_path("RESULTS.md"))
