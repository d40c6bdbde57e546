#' Confusion matrix
#'
#' Counts each combination of true and predicted class. Rows are the true
#' classes and columns the predicted ones, as in scikit-learn's
#' `confusion_matrix()`.
#'
#' @inheritParams metric_vec
#' @return An object of class `smotelab_conf_mat`: a list with `table`, a 2 x 2
#'   integer table with dimnames `Truth` and `Prediction` (the levels of
#'   `truth`). It has `print()`, [tibble::as_tibble()] (columns `truth`,
#'   `prediction`, `n`) and [autoplot()] methods.
#' @family metrics
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos"))
#' cm <- confusion_matrix(truth, estimate)
#' cm
#' tibble::as_tibble(cm)
#' autoplot(cm)
confusion_matrix <- function(truth, estimate) {
  truth <- check_truth(truth)
  estimate <- check_estimate(estimate, truth)
  tab <- table(Truth = truth, Prediction = estimate)
  structure(list(table = tab), class = "smotelab_conf_mat")
}

#' @export
print.smotelab_conf_mat <- function(x, ...) {
  cat("<smotelab confusion matrix> ", sum(x$table), " rows\n\n", sep = "")
  print(x$table)
  invisible(x)
}

#' @importFrom tibble as_tibble
#' @export
as_tibble.smotelab_conf_mat <- function(x, ...) {
  df <- as.data.frame(x$table, responseName = "n", stringsAsFactors = TRUE)
  tibble::tibble(truth = df$Truth, prediction = df$Prediction, n = as.integer(df$n))
}

#' Plot a confusion matrix
#'
#' A heatmap of the counts, true classes on the vertical axis (first level at
#' the top) and predicted classes on the horizontal axis.
#'
#' @param object A `smotelab_conf_mat` from [confusion_matrix()].
#' @param ... Not used.
#' @return A ggplot object, which can be extended with `+`.
#' @family plots
#' @export
#' @examples
#' truth <- factor(c("neg", "neg", "pos", "pos", "neg", "pos"))
#' estimate <- factor(c("neg", "pos", "neg", "pos", "neg", "pos"))
#' autoplot(confusion_matrix(truth, estimate))
autoplot.smotelab_conf_mat <- function(object, ...) {
  df <- as_tibble.smotelab_conf_mat(object)
  ggplot2::ggplot(df, ggplot2::aes(x = .data$prediction, y = .data$truth, fill = .data$n)) +
    ggplot2::geom_tile(colour = "white") +
    ggplot2::geom_text(ggplot2::aes(label = .data$n), size = 5) +
    ggplot2::scale_y_discrete(limits = rev(levels(df$truth))) +
    ggplot2::scale_fill_gradient(low = "#f7fbff", high = "#2171b5") +
    ggplot2::labs(x = "Predicted class", y = "True class", fill = "Count") +
    ggplot2::coord_equal() +
    ggplot2::theme_minimal()
}
