# `make format`, R part: styler's tidyverse style on R/ and tests/. The
# generated R/RcppExports.R and the snapshots are left alone (styler takes
# those paths relative to the directory it styles), and so are the roxygen
# examples, which would otherwise differ from the man/ pages until the next
# roxygenise().
styler::cache_deactivate()
changed <- rbind(
  styler::style_dir("R", exclude_files = "RcppExports.R", include_roxygen_examples = FALSE),
  styler::style_dir("tests", exclude_dirs = "testthat/_snaps")
)
cat(sum(changed$changed), "R files restyled\n")
