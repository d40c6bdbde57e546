# `make coverage`: runs the testthat suite on a copy of the package built for
# coverage, then prints the line coverage of the R code (R/) and of the C++
# (the glue in src/ and the core in inst/include/, which the glue compiles).
# covr compiles in the directory it is given, so it gets a copy of the tree:
# the work tree keeps its own objects and can be edited meanwhile.
files <- tryCatch(
  system2("git", c("ls-files", "--cached", "--others", "--exclude-standard"), stdout = TRUE, stderr = FALSE),
  error = function(e) character(),
  warning = function(w) character()
)
if (length(files) == 0) {
  files <- list.files(".", recursive = TRUE, all.files = TRUE)
  files <- files[!grepl("^(\\.git|check|docs|tests/cpp/build)/|\\.(o|so|gcno|gcda)$", files)]
}
files <- files[file.exists(files)]
copy <- file.path(tempfile("smotelab-coverage-"), "smotelab")
for (dir in unique(dirname(files))) dir.create(file.path(copy, dir), recursive = TRUE, showWarnings = FALSE)
stopifnot(all(file.copy(files, file.path(copy, files))))
Sys.chmod(file.path(copy, c("configure", "cleanup")), "755")

cov <- covr::package_coverage(copy, type = "tests", quiet = TRUE)
lines <- covr::tally_coverage(cov, by = "line")
lines <- lines[!grepl("RcppExports", lines$filename), ]
part <- ifelse(startsWith(lines$filename, "R/"), "R/",
               ifelse(grepl("^(src|inst/include)/", lines$filename), "src/ + inst/include/", "other"))
report <- function(rows) sprintf("%6.2f%% of %5d lines", 100 * mean(rows$value > 0), nrow(rows))
cat("\nLine coverage by file\n")
for (f in sort(unique(lines$filename))) cat(sprintf("  %-45s %s\n", f, report(lines[lines$filename == f, ])))
cat("\nLine coverage (RcppExports excluded)\n")
for (p in c("R/", "src/ + inst/include/")) cat(sprintf("  %-22s %s\n", p, report(lines[part == p, ])))
cat(sprintf("  %-22s %s\n", "all", report(lines)))
unlink(dirname(copy), recursive = TRUE)
