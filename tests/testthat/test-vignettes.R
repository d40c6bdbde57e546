# Each vignette is course material that a learner opens and knits on its own,
# so each must render in a fresh R session, not only after the others have
# run in the session R CMD build gives them (issue: pima.Rmd used `pima`
# before library(smotelab)).
installed_vignettes <- function() {
  doc <- system.file("doc", package = "smotelab")
  if (!nzchar(doc)) {
    return(character())
  }
  list.files(doc, pattern = "\\.Rmd$", full.names = TRUE)
}

render_fresh <- function(rmd, dir) {
  file.copy(rmd, dir)
  callr::r(
    function(input, dir) {
      rmarkdown::render(input,
        output_dir = dir, intermediates_dir = dir,
        envir = new.env(parent = globalenv()), quiet = TRUE
      )
    },
    args = list(input = file.path(dir, basename(rmd)), dir = dir),
    libpath = .libPaths(),
    env = c(callr::rcmd_safe_env(), SMOTELAB_THREADS = "2")
  )
}

test_that("every vignette knits on its own in a fresh session, free of Markdown accidents", {
  skip_on_cran()
  skip_if_not_installed("callr")
  skip_if_not_installed("rmarkdown")
  skip_if_not(rmarkdown::pandoc_available(), "pandoc is missing")
  vignettes <- installed_vignettes()
  skip_if(length(vignettes) == 0, "the installed package has no built vignettes")

  for (rmd in vignettes) {
    dir <- withr::local_tempdir()
    out <- render_fresh(rmd, dir)
    expect_true(file.exists(out), info = basename(rmd))
    html <- paste(readLines(out, warn = FALSE), collapse = "\n")
    # An inline number that starts a line followed by "." turns the rest of
    # the paragraph into a numbered list that starts at that number.
    starts <- regmatches(html, gregexpr('<ol start="[0-9]+"', html))[[1]]
    expect_identical(starts[starts != '<ol start="1"'], character(), info = basename(rmd))
    # Inline code that failed or printed a warning would show up as such.
    expect_false(grepl("## Error", html, fixed = TRUE), info = basename(rmd))
    expect_false(grepl("## Warning", html, fixed = TRUE), info = basename(rmd))
  }
})
