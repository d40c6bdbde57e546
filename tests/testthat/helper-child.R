# Tests that run smotelab in a child R process (crashes, interrupts, stderr)
# need the package installed where the child looks: R CMD check sets
# _R_CHECK_PACKAGE_NAME_, and so may a developer running the tests against an
# installed copy.
skip_unless_child_sessions <- function() {
  skip_on_cran()
  skip_if_not_installed("callr")
  skip_if_not(nzchar(Sys.getenv("_R_CHECK_PACKAGE_NAME_")), "needs the installed package")
}
