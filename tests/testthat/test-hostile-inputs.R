# A hostile user's inputs to every public function (issue 11): each case must
# raise a classed `smotelab_error` or return the right value; none may crash
# R or return a silently wrong result. Regression tests for items 2-10 of the
# issue follow the table.

hostile_data <- function(n = 60, seed = 1) {
  set.seed(seed)
  data.frame(
    x1 = rnorm(n), x2 = rnorm(n),
    y = factor(rep(c("neg", "pos"), c(n - n %/% 4, n %/% 4)))
  )
}

with_names <- function(d, nms) {
  names(d) <- nms
  d
}

# Each case: an expression evaluated with `d` (the data above), `pipe` (a
# small pipeline) and `fo` (3 folds of d) in scope, which must raise a
# smotelab_error.
hostile_cases <- function() {
  list(
    # missing and non-finite values
    "NA predictor" = quote(smote(transform(d, x1 = replace(x1, 3, NA)), y, seed = 1)),
    "NaN predictor" = quote(adasyn(transform(d, x1 = replace(x1, 3, NaN)), y, seed = 1)),
    "Inf predictor" = quote(borderline_smote(transform(d, x1 = replace(x1, 3, Inf)), y, seed = 1)),
    "Inf predictor in fit" = quote(fit(pipe, y ~ ., transform(d, x2 = replace(x2, 1, -Inf)), seed = 1)),
    "NA outcome" = quote(smote(transform(d, y = replace(y, 1, NA)), y, seed = 1)),
    "NA at predict" = quote(predict(fit(pipe, y ~ ., d, seed = 1), transform(d, x1 = replace(x1, 2, NA)))),
    # empty, one row, one class
    "empty data" = quote(smote(d[0, ], y, seed = 1)),
    "empty data in fit" = quote(fit(pipe, y ~ ., d[0, ], seed = 1)),
    "one row" = quote(smote(d[1, ], y, seed = 1)),
    "one class" = quote(fit(pipe, y ~ ., d[d$y == "neg", ], seed = 1)),
    "one class resampled" = quote(random_oversample(droplevels(d[d$y == "neg", ]), y, seed = 1)),
    "one-row class" = quote(smote(d[c(1:40, 60), ], y, seed = 1)),
    # names
    "duplicate names, smote" = quote(smote(dup, y, seed = 1)),
    "duplicate names, borderline" = quote(borderline_smote(dup, y, seed = 1)),
    "duplicate names, adasyn" = quote(adasyn(dup, y, seed = 1)),
    "duplicate names, smote_nc" = quote(smote_nc(transform(dup, f = factor(rep(c("a", "b"), 30)), check.names = FALSE), y, # nolint: line_length_linter.
      seed = 1
    )),
    "duplicate names, random_oversample" = quote(random_oversample(dup, y, seed = 1)),
    "duplicate names, random_undersample" = quote(random_undersample(dup, y, seed = 1)),
    "duplicate names, fit" = quote(fit(pipe, y ~ ., dup, seed = 1)),
    "duplicate names, cross_validate" = quote(cross_validate(pipe, y ~ ., dup, folds = 3, seed = 1)),
    "duplicate names, split" = quote(split_stratified(dup, y, seed = 1)),
    "duplicate names, grid" = quote(grid_search(pipe, y ~ ., d,
      grid = data.frame(
        clf__C = 1, clf__C = 2,
        check.names = FALSE
      ),
      folds = 3, seed = 1
    )),
    "duplicate names, grid list" = quote(grid_search(pipe, y ~ ., d,
      grid = list(clf__C = 1, clf__C = 2), folds = 3,
      seed = 1
    )),
    "empty column name" = quote(smote(with_names(d, c("x1", "", "y")), y, seed = 1)),
    # column types
    "list column" = quote(smote(transform(d, l = I(as.list(x1))), y, seed = 1)),
    "Date column" = quote(fit(pipe, y ~ ., transform(d, when = as.Date("2020-01-01") + seq_len(60)), seed = 1)),
    "character predictor in smote" = quote(smote(transform(d, s = "a"), y, seed = 1)),
    "factor with NA as a level" = quote(fit(pipe, y ~ ., transform(d, f = addNA(factor(rep(c("a", NA), 30)))), seed = 1)), # nolint: line_length_linter.
    "complex column" = quote(fit(pipe, y ~ ., transform(d, z = complex(real = x1, imaginary = 1)), seed = 1)),
    # counts
    "huge count" = quote(smote(d, y, sampling_strategy = c(pos = 3e9), seed = 1)),
    "huge count, under" = quote(random_undersample(d, y, sampling_strategy = c(neg = 3e9), seed = 1)),
    "huge count, step" = quote(step_smote(sampling_strategy = c(pos = 3e9))),
    "fractional count" = quote(smote(d, y, sampling_strategy = c(pos = 20.5), seed = 1)),
    "negative count" = quote(random_oversample(d, y, sampling_strategy = c(pos = -1), seed = 1)),
    "fractional k" = quote(smote(d, y, k_neighbors = 2.5, seed = 1)),
    "huge k" = quote(smote(d, y, k_neighbors = 1e10, seed = 1)),
    "fractional folds" = quote(cross_validate(pipe, y ~ ., d, folds = 2.5, seed = 1)),
    # formulas
    "formula without intercept" = quote(fit(pipe, y ~ x1 - 1, d, seed = 1)),
    "formula 0 +" = quote(fit(pipe, y ~ 0 + x1 + x2, d, seed = 1)),
    "formula . - 1" = quote(cross_validate(pipe, y ~ . - 1, d, folds = 3, seed = 1)),
    "formula offset" = quote(fit(pipe, y ~ x2 + offset(x1), d, seed = 1)),
    "formula log" = quote(fit(pipe, y ~ log(abs(x1)), d, seed = 1)),
    # fold objects
    "NA fold id" = quote(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[1] <- NA), seed = 1)),
    "fold id out of range" = quote(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[2] <- 7L), seed = 1)), # nolint: line_length_linter.
    "fold id zero" = quote(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[2] <- 0L), seed = 1)),
    "fractional fold id" = quote(cross_validate(pipe, y ~ ., d,
      folds = within_folds(fo, repeat_1 <- repeat_1 + 0.5),
      seed = 1
    )),
    "empty fold" = quote(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[repeat_1 == 2] <- 1L), seed = 1)), # nolint: line_length_linter.
    "character fold ids" = quote(cross_validate(pipe, y ~ ., d,
      folds = within_folds(fo, repeat_1 <- as.character(repeat_1)),
      seed = 1
    )),
    "folds of another length" = quote(cross_validate(pipe, y ~ ., d[-1, ], folds = fo, seed = 1)),
    "folds with bad v" = quote(cross_validate(pipe, y ~ ., d, folds = structure(fo, v = NA), seed = 1)),
    # grids
    "grid with an unknown parameter" = quote(grid_search(pipe, y ~ ., d, grid = list(clf__nope = 1), folds = 3, seed = 1)), # nolint: line_length_linter.
    "empty grid" = quote(grid_search(pipe, y ~ ., d, grid = list(), folds = 3, seed = 1)),
    "grid with a bad value" = quote(grid_search(pipe, y ~ ., d, grid = list(clf__C = c(1, -1)), folds = 3, seed = 1)),
    # options and threads
    "NA thread option" = quote(withr::with_options(list(smotelab.threads = NA), smote(d, y, seed = 1))),
    "string threads" = quote(smote(d, y, seed = 1, n_threads = "2")),
    "bad env threads" = quote(withr::with_options(
      list(smotelab.threads = NULL),
      withr::with_envvar(c(SMOTELAB_THREADS = "abc"), smote(d, y, seed = 1))
    )),
    "NA seed" = quote(smote(d, y, seed = NA)),
    # metrics
    "NA probability" = quote(metrics_binary(d$y, replace(runif(60), 1, NA))),
    "metric length mismatch" = quote(roc_auc_vec(d$y, runif(59))),
    "metric one level" = quote(f1_vec(factor(rep("a", 10)), runif(10)))
  )
}

within_folds <- function(fo, expr) {
  env <- list2env(as.list(fo))
  eval(substitute(expr), env)
  for (name in names(fo)) fo[[name]] <- env[[name]]
  fo
}

test_that("every hostile input raises a classed smotelab error (#11)", {
  d <- hostile_data()
  pipe <- imb_pipeline(clf = model_logistic())
  fo <- folds_stratified(d, y, v = 3, seed = 1)
  dup <- with_names(d, c("x1", "x1", "y"))
  cases <- hostile_cases()
  for (name in names(cases)) {
    err <- tryCatch(
      suppressWarnings(eval(cases[[name]])),
      error = function(e) e
    )
    expect(
      inherits(err, "smotelab_error"),
      sprintf(
        "Case '%s' gave %s: %s", name, paste(class(err), collapse = "/"),
        if (inherits(err, "condition")) conditionMessage(err) else "no error"
      )
    )
  }
})

test_that("duplicate column names are refused with a class that names them (#11)", {
  d <- with_names(hostile_data(), c("class", "class", "y"))
  expect_error(smote(d, y, seed = 1), "class", class = "smotelab_error_columns")
  expect_error(fit(imb_pipeline(clf = model_logistic()), y ~ ., d, seed = 1), class = "smotelab_error_columns")
  expect_snapshot(error = TRUE, smote(d, y, seed = 1))
})

test_that("counts above R's integer range are refused, classed (#11)", {
  d <- hostile_data()
  expect_error(smote(d, y, sampling_strategy = c(pos = 3e9), seed = 1), class = "smotelab_error_sampling")
  expect_error(fit(imb_pipeline(smote = step_smote(sampling_strategy = c(pos = 3e9)), clf = model_logistic()),
    y ~ ., d,
    seed = 1
  ), class = "smotelab_error")
})

test_that("running out of memory in a resampler says so, with the size (#11)", {
  skip_unless_child_sessions()
  skip_if_not(.Platform$OS.type == "unix")
  script <- tempfile(fileext = ".R")
  writeLines(c(
    "library(smotelab)",
    "d <- data.frame(a = rnorm(50), b = rnorm(50), y = factor(rep(c('n', 'p'), c(40, 10))))",
    "e <- tryCatch(smote(d, y, sampling_strategy = c(p = 2e9), seed = 1, n_threads = 1), error = identity)",
    "cat(inherits(e, 'smotelab_error'), conditionMessage(e), sep = '\\n')"
  ), script)
  rscript <- file.path(R.home("bin"), "Rscript")
  command <- paste("ulimit -v 3000000;", shQuote(rscript), shQuote(script))
  out <- suppressWarnings(system2("bash", c("-c", shQuote(command)),
    stdout = TRUE, stderr = TRUE
  ))
  expect_identical(out[1], "TRUE")
  expect_match(paste(out, collapse = "\n"), "Could not allocate.*40 GB")
})

test_that("a formula that drops the intercept or adds an offset is refused, classed (#11)", {
  d <- hostile_data()
  pipe <- imb_pipeline(clf = model_logistic(C = Inf))
  expect_error(fit(pipe, y ~ x1 - 1, d, seed = 1), "intercept", class = "smotelab_error_formula")
  expect_error(fit(pipe, y ~ 0 + x1, d, seed = 1), "intercept", class = "smotelab_error_formula")
  expect_error(fit(pipe, y ~ x2 + offset(x1), d, seed = 1), "offset", class = "smotelab_error_formula")
  expect_equal(coef(fit(pipe, y ~ x1 + 1, d, seed = 1)), coef(fit(pipe, y ~ x1, d, seed = 1)))
})

test_that("cross_validate() refuses fold ids that would leave rows unscored (#11)", {
  d <- hostile_data()
  pipe <- imb_pipeline(clf = model_logistic())
  fo <- folds_stratified(d, y, v = 3, seed = 1)
  expect_error(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[1] <- NA), seed = 1),
    "1 to 3",
    class = "smotelab_error_argument"
  )
  expect_error(cross_validate(pipe, y ~ ., d, folds = within_folds(fo, repeat_1[repeat_1 == 3] <- 1L), seed = 1),
    "fold 3",
    class = "smotelab_error_argument"
  )
  ok <- cross_validate(pipe, y ~ ., d, folds = fo, seed = 1)
  expect_identical(ok, cross_validate(pipe, y ~ ., d,
    folds = within_folds(fo, repeat_1 <- as.numeric(repeat_1)),
    seed = 1
  ))
})

test_that("an ordered outcome stays ordered through every over-sampler (#11)", {
  d <- hostile_data()
  d$y <- factor(d$y, ordered = TRUE)
  dn <- transform(d, f = factor(rep(c("a", "b", "c"), 20)))
  outs <- list(
    smote(d, y, seed = 1), borderline_smote(d, y, seed = 1), adasyn(d, y, seed = 1),
    smote_nc(dn, y, seed = 1), random_oversample(d, y, seed = 1)
  )
  for (out in outs) {
    expect_s3_class(out$y, c("ordered", "factor"), exact = TRUE)
    expect_identical(levels(out$y), levels(d$y))
    expect_identical(out$y[seq_len(nrow(d))], d$y)
  }
})

test_that("the fit print-out says 'stopped early' only when rounds were left (#11)", {
  d <- make_imbalanced(n_samples = 400, n_features = 4, n_informative = 2, n_redundant = 0, seed = 1)
  all_rounds <- fit(imb_pipeline(clf = model_boost(n_rounds = 3, early_stopping_rounds = 50)), class ~ ., d, seed = 1)
  expect_identical(all_rounds$state$model$rounds, 3L)
  expect_false(any(grepl("stopped early", format(all_rounds))))
  expect_true(any(grepl("ran all 3 rounds", format(all_rounds))))
  early <- fit(imb_pipeline(clf = model_boost(n_rounds = 500, learning_rate = 1, early_stopping_rounds = 2)), class ~ .,
    d,
    seed = 1
  )
  expect_lt(early$state$model$rounds, 500L)
  expect_true(any(grepl(paste0("stopped early after ", early$state$model$rounds, " of 500 rounds"), format(early))))
})

test_that("step_scale() makes the model independent of a feature's unit (#11)", {
  set.seed(10)
  n <- 200
  x1 <- rnorm(n)
  x2 <- rnorm(n)
  y <- factor(ifelse(x1 + rnorm(n) > 0.8, "pos", "neg"))
  pipe <- imb_pipeline(s = step_scale(), clf = model_logistic())
  ref <- fit(pipe, y ~ ., data.frame(x1, x2, y), seed = 1)
  ref_prob <- predict(ref, data.frame(x1, x2, y), type = "prob")$.pred_pos
  for (unit in c(1e-15, 1e-200, 1e200, 1e300)) {
    d <- data.frame(x1 = x1 * unit, x2, y)
    f <- fit(pipe, y ~ ., d, seed = 1)
    expect_equal(coef(f), coef(ref), tolerance = 1e-10, info = format(unit))
    expect_equal(predict(f, d, type = "prob")$.pred_pos, ref_prob, tolerance = 1e-10, info = format(unit))
  }
  # A column constant up to rounding is centred only, as in scikit-learn.
  d <- data.frame(x1 = 1e6 + x1 * 1e-12, x2, y)
  expect_equal(unname(coef(fit(pipe, y ~ ., d, seed = 1))["x1"]), 0)
})

test_that("SMOTE's neighbours do not depend on the scale of the data (#11)", {
  set.seed(10)
  n <- 200
  b <- data.frame(x1 = rnorm(n), x2 = rnorm(n), y = factor(ifelse(rnorm(n) > 0.8, "pos", "neg")))
  ref <- smote(b, y, seed = 1, n_threads = 1)
  for (unit in c(1e-170, 1e-300, 1e160, 1e300)) {
    s <- transform(b, x1 = x1 * unit, x2 = x2 * unit)
    for (algorithm in c("kd_tree", "brute_force")) {
      withr::local_options(smotelab.knn_algorithm = algorithm)
      got <- smote(s, y, seed = 1, n_threads = 1)
      expect_equal(got$x1 / unit, ref$x1, tolerance = 1e-12, info = paste(unit, algorithm))
      expect_equal(got$x2 / unit, ref$x2, tolerance = 1e-12, info = paste(unit, algorithm))
    }
  }
})

test_that("logistic regression at extreme scales equals glm(), coefficient times scale (#11)", {
  set.seed(10)
  n <- 200
  x1 <- rnorm(n)
  x2 <- rnorm(n)
  y <- factor(ifelse(x1 + rnorm(n) > 0.8, "pos", "neg"))
  ref <- stats::glm(y ~ x1 + x2, family = stats::binomial())
  for (unit in c(1e-300, 1e-200, 1e200, 1e300)) {
    d <- data.frame(x1 = x1 * unit, x2, y)
    f <- fit(imb_pipeline(clf = model_logistic(C = Inf)), y ~ ., d, seed = 1)
    got <- coef(f)
    expect_false(anyNA(got), info = format(unit))
    expect_equal(unname(got * c(1, unit, 1)), unname(coef(ref)), tolerance = 1e-7, info = format(unit))
  }
  # With C = 1 the penalty on a coefficient of order 1e-300 vanishes: the fit
  # equals one where that column alone is unpenalised, here at scale 1e30.
  big <- coef(fit(imb_pipeline(clf = model_logistic(C = 1)), y ~ ., data.frame(x1 = x1 * 1e300, x2, y), seed = 1))
  mid <- coef(fit(imb_pipeline(clf = model_logistic(C = 1)), y ~ ., data.frame(x1 = x1 * 1e30, x2, y), seed = 1))
  expect_equal(unname(big * c(1, 1e300, 1)), unname(mid * c(1, 1e30, 1)), tolerance = 1e-7)
})

test_that("matrix columns and NA choices are classed errors (#11, items 12-13)", {
  d <- hostile_data()
  pipe <- imb_pipeline(clf = model_logistic())
  m <- d
  m$m <- matrix(rnorm(120), 60)
  cases <- list(
    quote(smote(m, y, seed = 1)),
    quote(fit(pipe, y ~ ., m, seed = 1)),
    quote(model_logistic(class_weight = NA_character_)),
    quote(model_forest(class_weight = NA_character_)),
    quote(model_boost(eval_metric = NA_character_)),
    quote(grid_search(pipe, y ~ ., d, grid = list(clf__class_weight = c(NA, "balanced")), folds = 3, seed = 1))
  )
  for (case in cases) expect_error(eval(case), class = "smotelab_error")
})

test_that("the new families refuse bad choices with smotelab's classes (#13, #14)", {
  d <- make_imbalanced(n_samples = 200, seed = 2)
  expect_error(model_balanced_bagging(n_estimators = 3), class = "smotelab_error_argument")
  expect_error(calibrate(imb_pipeline(clf = model_logistic()), method = "beta"), class = "smotelab_error_argument")
  expect_error(calibration_curve(d$class, stats::runif(200), strategy = "kmeans"), class = "smotelab_error_argument")
  fitted <- fit(imb_pipeline(clf = model_logistic()), class ~ ., d, seed = 1)
  expect_error(plot_calibration(list(a = fitted), d, strategy = "kmeans"), class = "smotelab_error_argument")
})
