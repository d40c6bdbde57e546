test_that("confusion_matrix() counts truth by prediction", {
  truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos", "neg"))
  estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos", "neg"))
  cm <- confusion_matrix(truth, estimate)
  expect_s3_class(cm, "smotelab_conf_mat")
  expect_identical(unname(unclass(cm$table)), matrix(c(3L, 1L, 1L, 2L), 2))
  expect_identical(names(dimnames(cm$table)), c("Truth", "Prediction"))
  expect_snapshot(print(cm))
  expect_invisible(print(cm))

  tb <- tibble::as_tibble(cm)
  expect_named(tb, c("truth", "prediction", "n"))
  expect_identical(tb$n, c(3L, 1L, 1L, 2L))
  expect_identical(as.character(tb$truth), c("neg", "pos", "neg", "pos"))
  expect_identical(as.character(tb$prediction), c("neg", "neg", "pos", "pos"))
})

test_that("confusion_matrix() keeps empty levels", {
  truth <- factor(c("a", "a"), levels = c("a", "b"))
  cm <- confusion_matrix(truth, c("a", "a"))
  expect_identical(sum(cm$table), 2L)
  expect_identical(dim(cm$table), c(2L, 2L))
})

test_that("autoplot() of a confusion matrix is a heatmap with the counts", {
  truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos", "neg"))
  estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos", "neg"))
  p <- autoplot(confusion_matrix(truth, estimate))
  expect_s3_class(p, "ggplot")
  built <- ggplot2::ggplot_build(p)
  tiles <- built$data[[1]]
  labels <- built$data[[2]]
  expect_identical(nrow(tiles), 4L)
  expect_identical(sort(as.integer(labels$label)), c(1L, 1L, 2L, 3L))
  # The true "neg" row is drawn at the top (y = 2), predicted "neg" on the left (x = 1).
  top_left <- labels[labels$x == 1 & labels$y == 2, ]
  expect_identical(as.integer(top_left$label), 3L)
  expect_s3_class(p + ggplot2::labs(title = "Baseline"), "ggplot")
})

test_that("confusion_matrix() validates its input", {
  expect_snapshot(error = TRUE, confusion_matrix(factor(c("a", "b")), factor(c("a", "c"))))
})
