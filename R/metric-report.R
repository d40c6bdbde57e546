#' Classification report
#'
#' Precision, recall, F1 and support for each class, then accuracy and the
#' macro and weighted averages, as scikit-learn's `classification_report()`.
#' Where a class is never predicted (or never present) its precision (or
#' recall) is 0 with a warning of class `smotelab_warning_zero_division`.
#'
#' @inheritParams metric_vec
#' @param digits Number of decimal places shown when printing.
#' @return A tibble of class `smotelab_report` with columns `class`,
#'   `precision`, `recall`, `f1` and `support` (integer): one row per level of
#'   `truth`, then `accuracy` (its value in `f1`, `precision` and `recall`
#'   `NA`), `macro avg` and `weighted avg` (weighted by support). Printing lays
#'   it out as scikit-learn's text report.
#' @family metrics
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos", "neg", "neg"))
#' estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos", "neg", "neg"))
#' classification_report(truth, estimate)
classification_report <- function(truth, estimate, digits = 2) {
  truth <- check_truth(truth)
  estimate <- check_estimate(estimate, truth)
  check_number_whole(digits, min = 0, max = 15, class = argument_error)
  lv <- levels(truth)
  counts <- with_core(
    metric_confusion_labels_cpp(as.integer(truth == lv[2]), as.integer(estimate == lv[2]))
  )
  scored <- with_core(metric_class_cpp(counts))
  support <- c(counts[["tn"]] + counts[["fp"]], counts[["tp"]] + counts[["fn"]])
  predicted <- c(counts[["tn"]] + counts[["fn"]], counts[["tp"]] + counts[["fp"]])
  warn_report_zero_division(lv, support, predicted)

  precision <- scored$class_precision
  recall <- scored$class_recall
  f1 <- scored$class_f1
  n <- sum(support)
  out <- tibble::tibble(
    class = c(lv, "accuracy", "macro avg", "weighted avg"),
    precision = c(precision, NA, mean(precision), sum(precision * support) / n),
    recall = c(recall, NA, mean(recall), sum(recall * support) / n),
    f1 = c(f1, scored$values[["accuracy"]], mean(f1), sum(f1 * support) / n),
    support = as.integer(c(support, n, n, n))
  )
  structure(out, digits = digits, class = c("smotelab_report", class(out)))
}

warn_report_zero_division <- function(levels, support, predicted) {
  bullets <- c(
    if (any(predicted == 0)) c("i" = "Precision is 0 for {.val {levels[predicted == 0]}}: never predicted."),
    if (any(support == 0)) c("i" = "Recall is 0 for {.val {levels[support == 0]}}: not present in {.arg truth}.")
  )
  if (length(bullets) == 0) {
    return(invisible())
  }
  warn_smotelab(
    c("Some class metrics have a zero denominator and are set to 0, as in scikit-learn.", bullets),
    "zero_division"
  )
}

#' @export
format.smotelab_report <- function(x, ...) {
  digits <- attr(x, "digits") %||% 2L
  width <- max(nchar(x$class), nchar("weighted avg"), digits)
  num <- function(v) ifelse(is.na(v), formatC("", width = 9), formatC(v, format = "f", digits = digits, width = 9))
  label <- formatC(x$class, width = width)
  rows <- paste0(
    label, " ", " ", num(x$precision), " ", num(x$recall), " ", num(x$f1), " ",
    formatC(x$support, width = 9)
  )
  columns <- formatC(c("precision", "recall", "f1-score", "support"), width = 9)
  header <- paste0(formatC("", width = width), " ", paste0(" ", columns, collapse = ""))
  n_class <- nrow(x) - 3
  c(header, "", rows[seq_len(n_class)], "", rows[-seq_len(n_class)])
}

#' @export
print.smotelab_report <- function(x, ...) {
  cat(format(x), sep = "\n")
  invisible(x)
}
