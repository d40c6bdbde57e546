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
  out <- rmarkdown::render(file.path(dir, "checkpoint.Rmd"),
    output_dir = dir, intermediates_dir = dir,
    envir = new.env(parent = globalenv()), quiet = TRUE
  )
  html <- paste(readLines(out, warn = FALSE), collapse = "\n")

  # Each question is a learnr question block, with its exercise box after it.
  questions <- regmatches(html, gregexpr('data-label="[^"]+" class="tutorial-question', html))[[1]]
  expect_identical(
    sub('data-label="([^"]+)".*', "\\1", questions),
    c("q-accuracy", "q-leak", "q-strategy", "q-weight", "q-metric")
  )
  exercises <- regmatches(html, gregexpr('class="tutorial-exercise" data-label="[^"]+"', html))[[1]]
  expect_identical(
    sub('.*data-label="([^"]+)"', "\\1", exercises),
    c("ex-accuracy", "ex-leak", "ex-strategy", "ex-weight", "ex-metric")
  )
  stems <- c(
    "yet its recall on the minority class is low", "runs SMOTE on the whole data set",
    "than growing it to full balance", "libraries such as XGBoost offer",
    "twenty majority rows per minority row"
  )
  for (stem in stems) expect_true(grepl(stem, html, fixed = TRUE), info = stem)
})

test_that("the data of the tutorial's first question show the accuracy paradox", {
  # The question claims a high accuracy with a low recall; its code box must
  # show exactly that: an accuracy no better than always answering
  # "majority", and a minority recall far below it.
  source_file <- system.file("tutorials", "checkpoint", "checkpoint.Rmd", package = "smotelab")
  lines <- readLines(source_file, warn = FALSE)
  start <- grep("^```\\{r paradox-setup", lines)
  end <- start + which(grepl("^```$", lines[-seq_len(start)]))[1]
  env <- new.env(parent = asNamespace("smotelab"))
  withr::local_options(smotelab.threads = 2)
  eval(parse(text = lines[(start + 1):(end - 1)]), env)

  scores <- evaluate(env$nine_baseline, env$nine_split$test)
  value <- function(name) scores$.estimate[scores$.metric == name]
  majority_share <- mean(env$nine_split$test$class == "majority")
  expect_gt(majority_share, 0.85)
  expect_lt(abs(value("accuracy") - majority_share), 0.02)
  expect_lt(value("recall"), 0.3)
})
