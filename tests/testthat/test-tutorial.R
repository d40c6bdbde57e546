test_that("the checkpoint tutorial renders with its five questions", {
  skip_on_cran()
  skip_if_not_installed("learnr")
  skip_if_not_installed("rmarkdown")
  skip_if_not(rmarkdown::pandoc_available(), "pandoc is missing")
  source_dir <- system.file("tutorials", "checkpoint", package = "smotelab")
  expect_true(file.exists(file.path(source_dir, "checkpoint.Rmd")))

  # Render a copy, so nothing is written into the package.
  dir <- withr::local_tempdir()
  file.copy(file.path(source_dir, "checkpoint.Rmd"), dir)
  out <- rmarkdown::render(file.path(dir, "checkpoint.Rmd"), output_dir = dir, intermediates_dir = dir,
                           envir = new.env(parent = globalenv()), quiet = TRUE)
  html <- paste(readLines(out, warn = FALSE), collapse = "\n")

  # Each question is a learnr question block, with its exercise box after it.
  questions <- regmatches(html, gregexpr('data-label="[^"]+" class="tutorial-question', html))[[1]]
  expect_identical(sub('data-label="([^"]+)".*', "\\1", questions),
                   c("q-accuracy", "q-leak", "q-strategy", "q-weight", "q-metric"))
  exercises <- regmatches(html, gregexpr('class="tutorial-exercise" data-label="[^"]+"', html))[[1]]
  expect_identical(sub('.*data-label="([^"]+)"', "\\1", exercises),
                   c("ex-accuracy", "ex-leak", "ex-strategy", "ex-weight", "ex-metric"))
  stems <- c("yet its recall on the minority class is low", "runs SMOTE on the whole data set",
             "than growing it to full balance", "libraries such as XGBoost offer",
             "twenty majority rows per minority row")
  for (stem in stems) expect_true(grepl(stem, html, fixed = TRUE), info = stem)
})
