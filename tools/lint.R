# `make lint`: lintr on R/ and tests/ with the settings in .lintr; exits
# non-zero if there is any lint.
n <- 0
for (dir in c("R", "tests")) {
  lints <- lintr::lint_dir(dir)
  print(lints)
  n <- n + length(lints)
}
cat(n, "lints\n")
quit(status = as.integer(n > 0))
