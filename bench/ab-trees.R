# Same-run A/B timing of the tree models for two installed builds of
# smotelab (e.g. main before and a branch after a refactor of the trees):
#   AB_LIB_A=/path/to/lib-a AB_LIB_B=/path/to/lib-b Rscript bench/ab-trees.R
# Each measurement is its own process (bench/r/trees-ab.R) with its build's
# library first on R_LIBS, and the two builds alternate A, B, A, B, ... so
# that load from other processes falls on both alike. AB_PAIRS (default 5)
# sets the pairs per case; AB_CASES picks cases by name (comma-separated,
# default all). Prints a Markdown table of medians, ranges and B / A ratios
# (of wall and of CPU time) of the fit and of predicting 100,000 training
# rows (median of 3 in each process), and checks that both builds predict the
# same probabilities.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))
source(file.path(BENCH_DIR, "r", "forest-settings.R"))
source(file.path(BENCH_DIR, "r", "boost-settings.R"))

libs <- c(A = Sys.getenv("AB_LIB_A"), B = Sys.getenv("AB_LIB_B"))
if (any(libs == "") || !all(file.exists(file.path(libs, "smotelab")))) {
  stop("set AB_LIB_A and AB_LIB_B to two libraries that hold smotelab", call. = FALSE)
}
pairs <- as.integer(Sys.getenv("AB_PAIRS", "5"))

# The bench entries' own datasets (same names, sizes and seeds), so the cases
# match rows of bench/RESULTS.md.
cases <- list(
  "boost 1e6 x 20" = list(model = "boost", dataset = ensure_dataset("boost-n1000000-p20", 1e6, 20,
                                                                    seed = 500 + 6 + 20, generate_boost)),
  "forest 1e5 x 20" = list(model = "forest", dataset = ensure_dataset("forest-n100000-p20", 1e5, 20,
                                                                      seed = 500 + 5 + 20, generate_forest)),
  "forest 1e6 x 20" = list(model = "forest", dataset = ensure_dataset("forest-n1000000-p20", 1e6, 20,
                                                                      seed = 500 + 6 + 20, generate_forest))
)
chosen <- strsplit(Sys.getenv("AB_CASES", paste(names(cases), collapse = ",")), ",", fixed = TRUE)[[1]]
cases <- cases[names(cases) %in% chosen]

runs <- list()
for (name in names(cases)) {
  case <- cases[[name]]
  for (k in seq_len(pairs)) {
    for (build in names(libs)) {
      old <- Sys.getenv("R_LIBS")
      Sys.setenv(R_LIBS = libs[[build]])
      res <- run_r("trees-ab.R", case$model, case$dataset, reps = 3,
                   label = paste("ab-trees", name, build, k), timeout = 1800)
      Sys.setenv(R_LIBS = old)
      if (!measured(res)) stop(name, " ", build, ": ", res$error, call. = FALSE)
      runs[[length(runs) + 1]] <- data.frame(case = name, build = build, pair = k, fit = res$fit_seconds,
                                             predict = res$predict_seconds, fit_cpu = res$fit_cpu,
                                             predict_cpu = res$predict_cpu, prob_sum = res$prob_sum,
                                             rss_mib = res$rss_mib)
      message(sprintf("  %s %s pair %d: fit %.3f s (CPU %.3f s), predict %.3f s (CPU %.3f s)", name, build, k,
                      res$fit_seconds, res$fit_cpu, res$predict_seconds, res$predict_cpu))
    }
  }
}
runs <- do.call(rbind, runs)

spread <- function(x) sprintf("%s (%s-%s)", fmt_num(stats::median(x)), fmt_num(min(x)), fmt_num(max(x)))
rows <- lapply(names(cases), function(name) {
  a <- runs[runs$case == name & runs$build == "A", ]
  b <- runs[runs$case == name & runs$build == "B", ]
  ratio <- function(v) sprintf("%.3f", stats::median(b[[v]]) / stats::median(a[[v]]))
  c(name, spread(a$fit), spread(b$fit), ratio("fit"), ratio("fit_cpu"),
    spread(a$predict), spread(b$predict), ratio("predict"), ratio("predict_cpu"),
    sprintf("%.0f / %.0f", stats::median(a$rss_mib), stats::median(b$rss_mib)),
    if (isTRUE(all.equal(a$prob_sum, b$prob_sum, tolerance = 0))) "yes" else "NO")
})
cat(md_table(c("case", "A fit s, median (range)", "B fit s", "B / A fit", "B / A fit CPU", "A predict s",
               "B predict s", "B / A predict", "B / A predict CPU", "peak RSS MiB A / B", "same predictions"), rows),
    sep = "\n")
cat("\n", sprintf("A = %s, B = %s; %d alternating pairs per case.", libs[["A"]], libs[["B"]], pairs), "\n", sep = "")
cat(load_note(), "\n")
out <- Sys.getenv("AB_OUT")
if (out != "") saveRDS(runs, out)
