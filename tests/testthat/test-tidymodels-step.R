test_that("step_resample() gives the rows smote() gives with the seed of a pipeline's first step", {
  skip_if_not_installed("recipes")
  d <- tidy_data()
  rec <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_smote(k_neighbors = 4, sampling_strategy = 0.75), seed = 7)
  baked <- recipes::bake(recipes::prep(rec), new_data = NULL)
  standalone <- smote(d, class, k_neighbors = 4, sampling_strategy = 0.75, seed = pipeline_step_seed_cpp(7, 0))
  expect_identical(columns_of(baked[names(d)]), columns_of(standalone))
  expect_identical(sum(baked$class == "minority"), as.integer(floor(0.75 * sum(d$class == "majority"))))
  other <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_smote(k_neighbors = 4, sampling_strategy = 0.75), seed = 8)
  expect_false(identical(recipes::bake(recipes::prep(other), new_data = NULL), baked))
})

test_that("step_resample() runs under-samplers and cleaning rules as their functions do", {
  skip_if_not_installed("recipes")
  d <- tidy_data()
  under <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_random_undersample(sampling_strategy = 0.5), seed = 3) |>
    recipes::prep() |>
    recipes::bake(new_data = NULL)
  ref <- random_undersample(d, class, sampling_strategy = 0.5, seed = pipeline_step_seed_cpp(3, 0))
  expect_identical(columns_of(under[names(d)]), columns_of(ref))
  tomek <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_tomek_links()) |>
    recipes::prep() |>
    recipes::bake(new_data = NULL)
  expect_identical(columns_of(tomek[names(d)]), columns_of(tomek_links(d, class)))
})

test_that("step_resample() is skipped on new data", {
  skip_if_not_installed("recipes")
  d <- tidy_data()
  prepped <- recipes::recipe(class ~ ., data = d[1:300, ]) |>
    step_resample(class, sampler = step_smote(), seed = 1) |>
    recipes::prep()
  expect_gt(nrow(recipes::bake(prepped, new_data = NULL)), 300)
  new <- recipes::bake(prepped, new_data = d[301:400, ])
  expect_identical(columns_of(new[names(d)]), columns_of(d[301:400, ]))
})

test_that("tidy() reports the outcome, the sampler, the seed and the training counts", {
  skip_if_not_installed("recipes")
  d <- tidy_data()
  rec <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_smote(k_neighbors = 3, sampling_strategy = 0.5), seed = 5, id = "res")
  untrained <- recipes::tidy(rec, number = 1)
  expect_identical(untrained$terms, "class")
  expect_identical(untrained$sampler, format(step_smote(k_neighbors = 3, sampling_strategy = 0.5)))
  expect_identical(untrained$seed, 5)
  expect_identical(untrained$id, "res")
  trained <- recipes::tidy(recipes::prep(rec), number = 1)
  expect_identical(trained$class, c("majority", "minority"))
  expect_identical(trained$n, as.vector(table(d$class)))
  expect_snapshot(recipes::prep(rec))
})

test_that("step_resample() declares smotelab and its tunable sampler parameters", {
  skip_if_not_installed("recipes")
  skip_if_not_installed("dials")
  skip_if_not_installed("tune")
  d <- tidy_data()
  step <- step_resample(recipes::recipe(class ~ ., data = d), class,
    sampler = step_smote(k_neighbors = tune::tune(), sampling_strategy = tune::tune())
  )$steps[[1]]
  expect_identical(recipes::required_pkgs(step), "smotelab")
  tun <- generics::tunable(step)
  expect_identical(tun$name, c("k_neighbors", "sampling_strategy"))
  expect_identical(vapply(tun$call_info, `[[`, "", "fun"), c("neighbors", "over_ratio"))
  adasyn <- step_resample(recipes::recipe(class ~ ., data = d), class, sampler = step_adasyn())$steps[[1]]
  expect_identical(generics::tunable(adasyn)$name, c("n_neighbors", "sampling_strategy"))
  expect_error(recipes::prep(step_resample(recipes::recipe(class ~ ., data = d), class,
    sampler = step_smote(k_neighbors = tune::tune())
  )))
})

test_that("errors of the core keep their smotelab class through prep()", {
  skip_if_not_installed("recipes")
  d <- tidy_data(n = 200)
  n_minority <- sum(d$class == "minority")
  rec <- recipes::recipe(class ~ ., data = d) |>
    step_resample(class, sampler = step_smote(k_neighbors = n_minority + 1))
  expect_error(recipes::prep(rec), class = "smotelab_error_too_few_rows")
})

test_that("step_resample() refuses what is not a smotelab sampler, and factor predictors", {
  skip_if_not_installed("recipes")
  d <- tidy_data(n = 200)
  rec <- recipes::recipe(class ~ ., data = d)
  expect_snapshot(error = TRUE, {
    step_resample(rec, class, sampler = step_scale())
    step_resample(rec, class, sampler = model_logistic())
    step_resample(rec, class, sampler = recipes::step_normalize)
  })
  skip_if_not_installed("themis")
  expect_error(step_resample(rec, class, sampler = themis::step_smote(over_ratio = 1)), class = "smotelab_error_type")
  expect_snapshot(error = TRUE, step_resample(rec, class, sampler = themis::step_smote(over_ratio = 1)))
  d$group <- factor(rep(c("a", "b"), length.out = nrow(d)))
  expect_snapshot(error = TRUE, {
    recipes::prep(step_resample(recipes::recipe(class ~ ., data = d), class, sampler = step_smote()))
  })
})

test_that("step_resample() gives categorical samplers factor predictors and the rows their functions give", {
  skip_if_not_installed("recipes")
  d <- tidy_data(n = 300)
  withr::with_seed(1, {
    d$group <- factor(sample(c("a", "b", "c"), nrow(d), replace = TRUE))
    d$flag <- sample(c(TRUE, FALSE), nrow(d), replace = TRUE)
  })
  d <- d[c("x1", "group", "x2", "flag", "x3", "x4", "x5", "class")]
  seed <- pipeline_step_seed_cpp(9, 0)
  baked <- function(data, sampler) {
    rec <- recipes::recipe(class ~ ., data = data, strings_as_factors = FALSE)
    recipes::bake(recipes::prep(step_resample(rec, class, sampler = !!sampler, seed = 9)), new_data = NULL)
  }
  categorical <- d[c("group", "flag", "class")]
  cases <- list(
    list(step_smote_nc(k_neighbors = 4), smote_nc(d, class, k_neighbors = 4, seed = seed), d),
    list(step_smoten(), smoten(categorical, class, seed = seed), categorical),
    list(step_random_oversample(), random_oversample(d, class, seed = seed), d),
    list(step_random_undersample(), random_undersample(d, class, seed = seed), d),
    list(step_rose(), rose(d, class, seed = seed), d)
  )
  for (case in cases[1:4]) {
    got <- baked(case[[3]], case[[1]])
    expect_identical(columns_of(got[names(case[[3]])]), columns_of(case[[2]]), label = format(case[[1]]))
  }
  # The pipeline's ROSE and rose() make the same draws, but their smoothed
  # numeric columns can differ in the last bit or two (about 1e-16).
  got <- baked(d, step_rose())
  kept <- c("group", "flag", "class")
  expect_identical(columns_of(got[kept]), columns_of(cases[[5]][[2]][kept]))
  expect_equal(columns_of(got[names(d)]), columns_of(cases[[5]][[2]]), tolerance = 1e-12)
  synthetic <- baked(d, step_smote_nc())
  expect_gt(nrow(synthetic), nrow(d))
  expect_identical(levels(synthetic$group), c("a", "b", "c"))
  # A character column keeps its type.
  chr <- d
  chr$group <- as.character(chr$group)
  expect_identical(
    columns_of(baked(chr, step_smote_nc())[names(chr)]),
    columns_of(smote_nc(chr, class, seed = pipeline_step_seed_cpp(9, 0)))
  )
})

test_that("step_resample() refuses factor predictors for samplers that need numbers, naming the columns", {
  skip_if_not_installed("recipes")
  d <- tidy_data(n = 200)
  d$group <- factor(rep(c("a", "b"), length.out = nrow(d)))
  d$flag <- rep(c(TRUE, FALSE), length.out = nrow(d))
  for (sampler in list(step_smote(), step_tomek_links(), step_near_miss())) {
    rec <- step_resample(recipes::recipe(class ~ ., data = d), class, sampler = !!sampler)
    expect_error(recipes::prep(rec), class = "smotelab_error_type")
  }
  # smoten() needs categorical predictors only: the core's error keeps its class.
  only_numeric <- step_resample(recipes::recipe(class ~ ., data = d[c("x1", "x2", "class")]), class,
    sampler = step_smoten()
  )
  expect_error(recipes::prep(only_numeric), class = "smotelab_error")
})
