#' Cleaning under-samplers: Tomek links, edited nearest neighbours and kin
#'
#' Remove rows that a nearest-neighbour rule finds noisy or redundant, as
#' imbalanced-learn 0.10's cleaning samplers of the same names. They add no
#' row and, unlike [random_undersample()], do not aim at a class size: how
#' many rows go depends on the data.
#'
#' * `tomek_links()`: a Tomek link is a pair of rows of different classes,
#'   each the other's nearest neighbour; the rows of the classes to clean
#'   that are in a link are removed.
#' * `edited_nearest_neighbours()` (ENN): a row of a class to clean is removed
#'   when its `n_neighbors` nearest neighbours disagree with its class:
#'   `kind_sel = "all"` removes it if any neighbour is of another class,
#'   `"mode"` if the most common class among them is another (ties go to the
#'   first level).
#' * `repeated_edited_nearest_neighbours()`: ENN again on what the last pass
#'   kept, up to `max_iter` passes, until a pass removes nothing.
#' * `all_knn()`: ENN passes with 1, 2, ..., `n_neighbors` neighbours.
#'   Both repeated rules stop early, keeping that pass's result, when a class
#'   other than the original minority falls below the minority's original
#'   size (for `all_knn()`, unless `allow_minority = TRUE`) or a class loses
#'   every row; each pass re-reads `sampling_strategy` on the classes as they
#'   then are.
#' * `neighbourhood_cleaning_rule()`: removes the rows ENN with
#'   `kind_sel = "mode"` removes, and the rows of classes to clean, larger
#'   than `threshold_cleaning` times the data, that are among the
#'   `n_neighbors` nearest neighbours of a minority row its neighbours
#'   misclassify (`kind_sel` as in ENN).
#' * `one_sided_selection()`: for each class to clean but the minority,
#'   `n_seeds_S` random rows of the class and every minority row form a
#'   store; the class's other rows that the store classifies correctly with
#'   the `n_neighbors`-nearest-neighbour rule are removed; then Tomek links.
#' * `condensed_nearest_neighbour()`: Hart's rule. For each class to clean
#'   but the minority, a store starts with every minority row and `n_seeds_S`
#'   random rows of the class; the class's rows are visited in order, and
#'   each the store misclassifies joins it; passes repeat until one adds
#'   nothing. With `n_neighbors = 1` the kept rows classify every removed row
#'   correctly by its nearest neighbour.
#'
#' Neighbours are exact (squared Euclidean distance), found in parallel; a
#' row is never its own neighbour, while an exact duplicate of it is one at
#' distance 0; ties in distance go to the earlier row. Predictors must be
#' numeric: scale them first if their units differ.
#'
#' @section Differences from imbalanced-learn 0.10:
#' The kept rows are those of imbalanced-learn on data without exact
#' duplicates, except where it has a fault, which is corrected here:
#' * imbalanced-learn finds a row's neighbours by searching with the row
#'   itself and dropping the first one found, which with exact duplicates may
#'   be the duplicate; the row then counts itself as its own neighbour. Here
#'   a row is always left out of its own neighbours.
#' * Its `NeighbourhoodCleaningRule` with `kind_sel = "all"` tests the
#'   neighbours' class labels for being non-zero instead of for being the
#'   minority; here the minority is tested.
#' * Its `OneSidedSelection` and `CondensedNearestNeighbour` draw the seeds
#'   with replacement (a row drawn twice appears twice in the output); here
#'   they are distinct rows. Its `CondensedNearestNeighbour` makes one pass
#'   and compares positions within the class with row numbers of the data
#'   when it skips rows already in the store; here passes repeat until the
#'   store is stable.
#' * It returns rows grouped by class; here they stay in their original
#'   order.
#'
#' @inheritParams smote
#' @param sampling_strategy The classes a rule may clean: `"auto"` or
#'   `"not minority"` (every class but the minority), `"majority"`,
#'   `"not majority"`, `"all"`, or a character vector of class names. A
#'   single string that is one of those words means the word.
#' @param n_neighbors Number of nearest neighbours the rule looks at. ENN
#'   and its kin need more rows than `n_neighbors`.
#' @param kind_sel `"all"` or `"mode"`: how the neighbours must agree with a
#'   row for it to stay (see Details).
#' @param case_weights `NULL`, or case weights as in [smote()]: the kept
#'   rows keep theirs.
#' @return A tibble: the kept rows of `data`, in their original order, with
#'   all its columns (and the weight column, see `case_weights`).
#' @seealso [step_tomek_links()] and its siblings for use inside a pipeline;
#'   [near_miss()]; [smote_enn()] and [smote_tomek()].
#' @export
#' @examples
#' d <- make_imbalanced(n_samples = 300, n_features = 4, n_informative = 2, seed = 1)
#' table(d$class)
#' table(tomek_links(d, class, n_threads = 1)$class)
#' table(edited_nearest_neighbours(d, class, n_threads = 1)$class)
#' table(all_knn(d, class, n_threads = 1)$class)
#' table(condensed_nearest_neighbour(d, class, seed = 1, n_threads = 1)$class)
tomek_links <- function(data, outcome, sampling_strategy = "auto", n_threads = NULL, case_weights = NULL) {
  clean_rows(data, rlang::enquo(outcome), "tomek", sampling_strategy, list(), n_threads, case_weights)
}

#' @rdname tomek_links
#' @export
edited_nearest_neighbours <- function(data, outcome, n_neighbors = 3, kind_sel = c("all", "mode"),
                                      sampling_strategy = "auto", n_threads = NULL,
                                      case_weights = NULL) {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  params <- list(n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel)
  clean_rows(data, rlang::enquo(outcome), "enn", sampling_strategy, params, n_threads, case_weights)
}

#' @rdname tomek_links
#' @param max_iter Largest number of ENN passes.
#' @export
repeated_edited_nearest_neighbours <- function(data, outcome, n_neighbors = 3, kind_sel = c("all", "mode"),
                                               max_iter = 100, sampling_strategy = "auto", n_threads = NULL,
                                               case_weights = NULL) {
  check_count(n_neighbors)
  check_count(max_iter)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  params <- list(n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel, max_iter = as.integer(max_iter))
  clean_rows(data, rlang::enquo(outcome), "renn", sampling_strategy, params, n_threads, case_weights)
}

#' @rdname tomek_links
#' @param allow_minority If `TRUE`, `all_knn()` goes on when a class falls
#'   below the minority's original size.
#' @export
all_knn <- function(data, outcome, n_neighbors = 3, kind_sel = c("all", "mode"), allow_minority = FALSE,
                    sampling_strategy = "auto", n_threads = NULL,
                    case_weights = NULL) {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  check_bool(allow_minority, class = argument_error)
  params <- list(n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel, allow_minority = allow_minority)
  clean_rows(data, rlang::enquo(outcome), "all_knn", sampling_strategy, params, n_threads, case_weights)
}

#' @rdname tomek_links
#' @param threshold_cleaning A number in \[0, 1\]: a class is cleaned around
#'   misclassified minority rows only when it has more than this share of
#'   the rows.
#' @export
neighbourhood_cleaning_rule <- function(data, outcome, n_neighbors = 3, kind_sel = c("all", "mode"),
                                        threshold_cleaning = 0.5, sampling_strategy = "auto", n_threads = NULL,
                                        case_weights = NULL) {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  check_number_decimal(threshold_cleaning, min = 0, max = 1, class = argument_error)
  params <- list(
    n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel,
    threshold_cleaning = as.double(threshold_cleaning)
  )
  clean_rows(data, rlang::enquo(outcome), "ncr", sampling_strategy, params, n_threads, case_weights)
}

#' @rdname tomek_links
#' @param n_seeds_S Number of rows of each class to clean that start the
#'   store, drawn at random without replacement.
#' @export
one_sided_selection <- function(data, outcome, n_neighbors = 1,
                                n_seeds_S = 1, # nolint: object_name_linter.
                                sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                                case_weights = NULL) {
  params <- store_rule_params(n_neighbors, n_seeds_S, seed)
  clean_rows(data, rlang::enquo(outcome), "oss", sampling_strategy, params, n_threads, case_weights)
}

#' @rdname tomek_links
#' @export
condensed_nearest_neighbour <- function(data, outcome, n_neighbors = 1,
                                        n_seeds_S = 1, # nolint: object_name_linter.
                                        sampling_strategy = "auto", seed = NULL, n_threads = NULL,
                                        case_weights = NULL) {
  params <- store_rule_params(n_neighbors, n_seeds_S, seed)
  clean_rows(data, rlang::enquo(outcome), "cnn", sampling_strategy, params, n_threads, case_weights)
}

# One-sided selection and CNN both grow a store that starts from `n_seeds_S`
# random rows of each class they clean.
store_rule_params <- function(n_neighbors, n_seeds_S, seed, call = caller_env()) { # nolint: object_name_linter.
  check_count(n_neighbors, call = call)
  check_count(n_seeds_S, call = call)
  list(n_neighbors = as.integer(n_neighbors), n_seeds_S = as.integer(n_seeds_S), seed = resolve_seed(seed, call = call))
}

# The body of the cleaning rules: validate, run `method` in the core, keep
# the rows it returns (1-based, in order).
clean_rows <- function(data, quo, method, sampling_strategy, params, n_threads, case_weights = NULL,
                       call = caller_env()) {
  weights <- sampler_weights(case_weights, data, call = call)
  data <- weights$data
  out <- resample_outcome(data, quo, call = call)
  x <- numeric_predictors(data, out$name, rlang::call_name(rlang::frame_call(call)), call = call)
  levels <- levels(out$y)
  check_sampling_strategy(sampling_strategy, "clean", levels = levels, call = call)
  n_threads <- resolve_threads(n_threads, call = call)
  keep <- with_core(
    cleaning_cpp(
      method, x, as.integer(out$y) - 1L, length(levels), sampling_to_core(sampling_strategy, levels), params,
      n_threads, knn_algorithm(), levels
    ),
    call = call
  )
  kept_rows(data, keep, weights, call)
}

#' Cleaning under-samplers as pipeline steps
#'
#' Remove rows from the training rows of each fit with [tomek_links()],
#' [edited_nearest_neighbours()], [repeated_edited_nearest_neighbours()],
#' [all_knn()], [neighbourhood_cleaning_rule()], [one_sided_selection()] or
#' [condensed_nearest_neighbour()]; at predict time the steps do nothing.
#' Each gives, on a training fold, the rows its function gives on that fold.
#'
#' @inheritParams tomek_links
#' @param sampling_strategy The classes to clean, for the pipeline's binary
#'   outcome: `"auto"`, `"majority"`, `"not minority"`, `"not majority"`,
#'   `"all"`, or class names.
#' @return A `smotelab_step` object for [imb_pipeline()].
#' @export
#' @examples
#' imb_pipeline(scale = step_scale(), enn = step_edited_nearest_neighbours(), clf = model_logistic())
step_tomek_links <- function(sampling_strategy = "auto") {
  cleaning_step("tomek_links", sampling_strategy)
}

#' @rdname step_tomek_links
#' @export
step_edited_nearest_neighbours <- function(n_neighbors = 3, kind_sel = "all", sampling_strategy = "auto") {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  cleaning_step("edited_nearest_neighbours", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel
  )
}

#' @rdname step_tomek_links
#' @export
step_repeated_edited_nearest_neighbours <- function(n_neighbors = 3, kind_sel = "all", max_iter = 100,
                                                    sampling_strategy = "auto") {
  check_count(n_neighbors)
  check_count(max_iter)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  cleaning_step("repeated_edited_nearest_neighbours", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel, max_iter = as.integer(max_iter)
  )
}

#' @rdname step_tomek_links
#' @export
step_all_knn <- function(n_neighbors = 3, kind_sel = "all", allow_minority = FALSE, sampling_strategy = "auto") {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  check_bool(allow_minority, class = argument_error)
  cleaning_step("all_knn", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel, allow_minority = allow_minority
  )
}

#' @rdname step_tomek_links
#' @export
step_neighbourhood_cleaning_rule <- function(n_neighbors = 3, kind_sel = "all", threshold_cleaning = 0.5,
                                             sampling_strategy = "auto") {
  check_count(n_neighbors)
  kind_sel <- check_choice(kind_sel, c("all", "mode"))
  check_number_decimal(threshold_cleaning, min = 0, max = 1, class = argument_error)
  cleaning_step("neighbourhood_cleaning_rule", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), kind_sel = kind_sel,
    threshold_cleaning = as.double(threshold_cleaning)
  )
}

#' @rdname step_tomek_links
#' @export
step_one_sided_selection <- function(n_neighbors = 1,
                                     n_seeds_S = 1, # nolint: object_name_linter.
                                     sampling_strategy = "auto") {
  check_count(n_neighbors)
  check_count(n_seeds_S)
  cleaning_step("one_sided_selection", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), n_seeds_S = as.integer(n_seeds_S)
  )
}

#' @rdname step_tomek_links
#' @export
step_condensed_nearest_neighbour <- function(n_neighbors = 1,
                                             n_seeds_S = 1, # nolint: object_name_linter.
                                             sampling_strategy = "auto") {
  check_count(n_neighbors)
  check_count(n_seeds_S)
  cleaning_step("condensed_nearest_neighbour", sampling_strategy,
    n_neighbors = as.integer(n_neighbors), n_seeds_S = as.integer(n_seeds_S)
  )
}

cleaning_step <- function(type, sampling_strategy, ..., call = caller_env()) {
  check_sampling_strategy(sampling_strategy, "clean", call = call)
  new_step(type, c(list(...), list(sampling_strategy = sampling_strategy)))
}
