#' Random streams: smotelab's own, or numpy's for scikit-learn parity
#'
#' smotelab draws its random numbers from its own fast generator, split into
#' independent streams so that results do not depend on the number of threads.
#' With `options(smotelab.rng = "numpy")`, or `rng = "numpy"` in a call, the
#' functions below instead draw exactly as numpy's legacy `RandomState` does
#' (MT19937 seeded as `RandomState(seed)`, its 53-bit doubles, its polar
#' Gaussian, its bounded integers, shuffles and permutations), in the order
#' scikit-learn 1.2 and imbalanced-learn 0.10 make the draws, so that the
#' same seed gives the same data, split, folds and resampled rows as the
#' Python code with `random_state = seed`.
#'
#' @section What follows numpy:
#' * [make_imbalanced()] equals `make_classification(..., random_state = seed)`
#'   (with `n_classes = 2`, `weights` as given, the default `hypercube`,
#'   `shift`, `scale` and `shuffle`): the same features to rounding, in the
#'   same column order, and the same labels (0 is `majority`, 1 `minority`).
#' * [split_stratified()] returns the rows of
#'   `train_test_split(data, stratify = y, test_size = test_size, random_state = seed)`,
#'   in its order (the default keeps the original order). The test set has
#'   `ceiling(test_size * nrow(data))` rows exactly as Python computes it.
#' * [folds_stratified()] equals `StratifiedKFold(v, shuffle = True, random_state = seed)`;
#'   with `repeats > 1`, `RepeatedStratifiedKFold(n_splits = v, n_repeats = repeats, random_state = seed)`,
#'   whose repeats follow each other on one stream.
#' * [smote()], [random_oversample()], [random_undersample()] equal
#'   imbalanced-learn's `SMOTE`, `RandomOverSampler` and `RandomUnderSampler`
#'   with `random_state = seed`, row for row. Over-samplers return the
#'   original rows then the new ones by class, as both packages do;
#'   `random_undersample()` returns its rows in imbalanced-learn's order (by
#'   class, the rows of a shrunk class in the order drawn) instead of the
#'   original order.
#' * [fit()], [cross_validate()] and [grid_search()] run [step_smote()],
#'   [step_random_oversample()] and [step_random_undersample()] as an
#'   imbalanced-learn `Pipeline` with that `random_state` does: every fit (every
#'   fold, every grid point, the final refit) draws from a fresh
#'   `RandomState(seed)`. The folds come from [folds_stratified()] with the
#'   same seed, as `StratifiedKFold(shuffle = True, random_state = seed)`.
#'   Models, and the other resamplers ([borderline_smote()], [adasyn()],
#'   [smote_nc()] and their steps), keep smotelab's streams.
#'
#' Classes are taken in the order of the outcome's levels where
#' scikit-learn sorts the labels: the two agree when the levels are in sorted
#' order (for example `majority`/`minority`, or 0/1 labels). SMOTE's
#' neighbours are exact, ties going to the earlier row; scikit-learn's
#' `NearestNeighbors` (which imbalanced-learn asks for `k_neighbors + 1`
#' neighbours of each row, dropping the first, the row itself) may order
#' distinct rows at the same distance, or within rounding of it, otherwise.
#' So the outputs agree unless such ties occur among a row's nearest
#' neighbours, which continuous data practically never have. Exact duplicate
#' rows are no exception to the agreement: whichever copy either side lists,
#' its coordinates are the same.
#'
#' numpy's seeds are 32-bit: under `"numpy"`, `seed` must be `NULL` (a seed
#' drawn from R's generator) or a whole number in \[0, 2^32). The numpy
#' streams are serial; nearest neighbours and arithmetic still use threads.
#'
#' @section Options:
#' * `smotelab.rng`: `"smotelab"` (the default) or `"numpy"`; the default of
#'   every `rng` argument.
#'
#' @name smotelab-rng
#' @aliases smotelab.rng
#' @examples
#' d <- make_imbalanced(n_samples = 200, seed = 42, rng = "numpy")
#' # The same rows as Python's
#' # make_classification(n_samples=200, n_features=10, n_informative=6,
#' #   n_redundant=2, weights=[0.9, 0.1], flip_y=0.01, random_state=42)
#' head(d, 3)
#' old <- options(smotelab.rng = "numpy")
#' parts <- split_stratified(d, class, seed = 42)
#' nrow(parts$test)
#' options(old)
NULL

# `rng` argument > option smotelab.rng > "smotelab".
resolve_rng <- function(rng, call = caller_env()) {
  rng <- rng %||% getOption("smotelab.rng", "smotelab")
  if (!is.character(rng) || length(rng) != 1 || is.na(rng) || !rng %in% c("smotelab", "numpy")) {
    shown <- if (is.character(rng) && length(rng) == 1) {
      encodeString(rng, quote = '"')
    } else {
      cli::format_inline("{.obj_type_friendly {rng}}")
    }
    abort_smotelab(
      c("{.arg rng} must be {.val smotelab} or {.val numpy}, not {shown}.",
        "i" = "Its default is {.code getOption(\"smotelab.rng\")}, then {.val smotelab}."
      ),
      "argument",
      call = call
    )
  }
  rng
}

# Seeds for the stream `rng`: numpy's RandomState takes 32-bit integers.
resolve_rng_seed <- function(seed, rng, call = caller_env()) {
  if (rng != "numpy") {
    return(resolve_seed(seed, call = call))
  }
  if (is.null(seed)) {
    return(floor(stats::runif(1) * 2^32))
  }
  if (!is_whole_number(seed) || seed < 0 || seed >= 2^32) {
    abort_smotelab(
      c("{.arg seed} must be {.code NULL} or a whole number in [0, 2^32) with {.code rng = \"numpy\"}.",
        "i" = "numpy's {.code RandomState} takes 32-bit seeds."
      ),
      "argument",
      call = call
    )
  }
  as.double(seed)
}
