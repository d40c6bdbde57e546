test_that("pima has the documented shape, types and levels", {
  expect_s3_class(pima, "tbl_df")
  expect_equal(dim(pima), c(768L, 9L))
  expect_named(pima, c(
    "pregnant", "glucose", "pressure", "triceps",
    "insulin", "mass", "pedigree", "age", "diabetes"
  ))
  expect_true(all(vapply(pima[1:8], is.double, logical(1))))
  expect_s3_class(pima$diabetes, "factor")
  expect_equal(levels(pima$diabetes), c("neg", "pos"))
  expect_false(anyNA(pima))
})

test_that("pima has 268 positives of 768, about 35%", {
  expect_equal(as.vector(table(pima$diabetes)), c(500L, 268L))
  expect_equal(mean(pima$diabetes == "pos"), 268 / 768)
})

test_that("pima keeps the recorded zeros that the docs list as missing", {
  zeros <- colSums(pima[c("glucose", "pressure", "triceps", "insulin", "mass")] == 0)
  expect_equal(unname(zeros), c(5, 35, 227, 374, 11))
  expect_equal(sum(rowSums(pima[names(zeros)] == 0) > 0), 376L)
})
