test_that("every exported step and model constructor is in the element table", {
  exports <- getNamespaceExports("smotelab")
  constructors <- sort(grep("^(step|model)_", exports, value = TRUE))
  table <- smotelab:::element_types()
  registered <- vapply(table, function(e) {
    for (name in constructors) if (identical(e$constructor, getExportedValue("smotelab", name))) return(name)
    NA_character_
  }, character(1))
  expect_false(anyNA(registered))
  expect_setequal(registered, constructors)
})

test_that("each constructor makes an element of its own type, and samplers say their direction", {
  for (type in names(smotelab:::element_types())) {
    entry <- smotelab:::element_type(type)
    element <- entry$constructor()
    expect_identical(element$type, type)
    expect_true(inherits(element, c("smotelab_step", "smotelab_model")))
    takes_strategy <- "sampling_strategy" %in% names(formals(entry$constructor))
    expect_identical(!is.null(entry$sampling), takes_strategy)
  }
  expect_identical(smotelab:::element_type("random_under")$sampling, "under")
  expect_identical(smotelab:::element_type("smote")$sampling, "over")
})

test_that("an element type missing from the table is an internal error", {
  expect_error(smotelab:::new_step("no_such_step", list()), "not a pipeline element type")
  expect_error(smotelab:::new_model("no_such_model", list()), "not a pipeline element type")
})
