# Data and brute-force references shared by the SMOTE family's tests.

smote_data <- function(n_major = 200, n_minor = 30, p = 2, seed = 1) {
  withr::with_seed(seed, {
    x <- matrix(stats::rnorm((n_major + n_minor) * p), ncol = p, dimnames = list(NULL, paste0("x", seq_len(p))))
    d <- data.frame(x, class = factor(rep(c("majority", "minority"), c(n_major, n_minor))))
    d[d$class == "minority", 1:p] <- d[d$class == "minority", 1:p] + 2
    d
  })
}

# Nearest neighbours by brute force in R: order by (distance, row).
knn_reference <- function(ref, query, k, self = NULL) {
  n <- nrow(query)
  index <- matrix(0L, n, k)
  dist2 <- matrix(0, n, k)
  for (i in seq_len(n)) {
    d <- colSums((t(ref) - query[i, ])^2)
    rows <- seq_len(nrow(ref))
    if (!is.null(self) && !is.na(self[i])) {
      d <- d[-self[i]]
      rows <- rows[-self[i]]
    }
    o <- order(d, rows)[seq_len(k)]
    index[i, ] <- rows[o]
    dist2[i, ] <- d[o]
  }
  list(index = index, dist2 = dist2)
}

# For each synthetic row, is there a seed of its class and one of the seed's
# k nearest same-class neighbours with the row on the segment between them?
on_some_segment <- function(original, synthetic, cols, outcome, k, tol = 1e-10) {
  ok <- logical(nrow(synthetic))
  for (cls in unique(as.character(synthetic[[outcome]]))) {
    xc <- as.matrix(original[original[[outcome]] == cls, cols])
    nn <- knn_reference(xc, xc, k, self = seq_len(nrow(xc)))$index
    rows <- which(synthetic[[outcome]] == cls)
    for (r in rows) {
      z <- unlist(synthetic[r, cols])
      for (s in seq_len(nrow(xc))) {
        d <- t(xc[nn[s, ], , drop = FALSE]) - xc[s, ]
        off <- z - xc[s, ]
        len2 <- colSums(d^2)
        gap <- ifelse(len2 > 0, colSums(d * off) / len2, 0)
        resid <- sqrt(colSums((off - t(t(d) * gap))^2))
        if (any(gap >= 0 & gap < 1 & resid < tol)) {
          ok[r] <- TRUE
          break
        }
      }
    }
  }
  ok
}

# Is z on a segment from some row of `from` towards one of the rows of
# `to[[i]]` (the allowed neighbours of from[i, ]), at a gap in [0, max_gap)?
on_allowed_segment <- function(z, from, to, max_gap = 1, tol = 1e-10) {
  for (i in seq_len(nrow(from))) {
    d <- t(to[[i]]) - from[i, ]
    off <- z - from[i, ]
    len2 <- colSums(d^2)
    gap <- ifelse(len2 > 0, colSums(d * off) / len2, 0)
    resid <- sqrt(colSums((off - t(t(d) * gap))^2))
    if (any(gap >= 0 & gap < max_gap & resid < tol)) {
      return(TRUE)
    }
  }
  FALSE
}
