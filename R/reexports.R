#' @export
generics::fit

#' @export
ggplot2::autoplot
