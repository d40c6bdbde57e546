#' @importFrom ggplot2 autoplot
#' @export
ggplot2::autoplot

#' @importFrom generics fit
#' @export
generics::fit
