# Entry: logistic regression, smotelab against glm(), glmnet and scikit-learn.
# Writes bench/out/bench-logistic.md. Run alone with `Rscript bench/bench-logistic.R`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

p <- 20
sizes <- c(1e5, 1e6)
ready <- smotelab_ready(c("fit", "imb_pipeline", "model_logistic"))

max_abs_diff <- function(a, b) {
  if (!measured(a) || !measured(b)) NA else max(abs(a$coef - b$coef))
}

rows <- list()
notes <- character()
for (n in sizes) {
  dataset <- ensure_dataset(sprintf("logistic-n%s-p%d", format(n, scientific = FALSE), p),
                            n, p, seed = 100 + log10(n), generate_logistic)
  reps <- if (n <= 1e5) 5 else 3
  warmup <- n <= 1e5
  r <- function(method) run_r("logistic.R", method, dataset, reps, warmup)
  py <- function(method) run_py("logistic.py", method, dataset, reps, warmup)

  base_df <- run_r("logistic.R", "baseline", dataset)
  base_mat <- run_r("logistic.R", "baseline_matrix", dataset)
  base_py <- run_py("logistic.py", "baseline", dataset)

  sm_inf <- if (ready) r("smotelab_inf")
  sm_c1 <- if (ready) r("smotelab_c1")
  glm <- r("glm")
  lbfgs <- py("sklearn_lbfgs")
  lbfgs_tight <- py("sklearn_lbfgs_tight")
  newton <- py("sklearn_newton_cholesky")
  glmnet <- r("glmnet_c1")

  # Coefficients are compared with smotelab's; until smotelab is measured,
  # with the tightest peer (glm for C = Inf, newton-cholesky for C = 1).
  ref_inf <- if (measured(sm_inf)) sm_inf else glm
  ref_c1 <- if (measured(sm_c1)) sm_c1 else newton
  suffix_inf <- if (measured(sm_inf)) "" else " (vs glm)"
  suffix_c1 <- if (measured(sm_c1)) "" else " (vs newton-cholesky)"
  agree <- function(res, ref, suffix) {
    if (identical(res, ref)) "reference" else paste0(fmt_diff(max_abs_diff(res, ref)), suffix)
  }
  t_inf <- if (measured(sm_inf)) sm_inf$seconds else NA
  t_c1 <- if (measured(sm_c1)) sm_c1$seconds else NA

  rows <- c(rows, list(
    result_row("smotelab `model_logistic(C = Inf)`", n, p, sm_inf, base_df, t_inf,
               if (measured(sm_inf)) "reference" else ""),
    result_row("`glm(family = binomial)`", n, p, glm, base_df, t_inf,
               agree(glm, ref_inf, suffix_inf)),
    result_row("smotelab `model_logistic(C = 1)`", n, p, sm_c1, base_df, t_c1,
               if (measured(sm_c1)) "reference" else ""),
    result_row("sklearn `LogisticRegression()` (lbfgs, tol 1e-4)", n, p, lbfgs, base_py, t_c1,
               agree(lbfgs, ref_c1, suffix_c1)),
    result_row("sklearn `LogisticRegression(tol = 1e-10)` (lbfgs)", n, p, lbfgs_tight, base_py, t_c1,
               agree(lbfgs_tight, ref_c1, suffix_c1)),
    result_row("sklearn newton-cholesky, tol 1e-10", n, p, newton, base_py, t_c1,
               agree(newton, ref_c1, suffix_c1)),
    result_row("glmnet, alpha = 0, lambda = 1/(C n)", n, p, glmnet, base_mat, t_c1,
               agree(glmnet, ref_c1, suffix_c1))
  ))

  iters <- function(res) if (measured(res)) sprintf("%d iterations%s", res$n_iter,
                                                      if (isTRUE(res$converged)) "" else ", NOT converged") else "failed"
  notes <- c(notes, sprintf(
    paste0("- n = %s: %.1f%% positive. Data load alone: R data frame %s MiB, R matrix %s MiB, ",
           "numpy %s MiB. lbfgs: %s; lbfgs at tol 1e-10: %s; newton-cholesky: %s. max |glmnet - newton-cholesky| = %s, ",
           "while the C = 1 penalty moves the coefficients by %s from the unpenalised fit ",
           "(an agreement far below that confirms the objectives are the same)."),
    format(n, big.mark = ",", scientific = FALSE), 100 * mean(read_y(dataset)),
    fmt_mib(base_df$rss_mib), fmt_mib(base_mat$rss_mib), fmt_mib(base_py$rss_mib),
    iters(lbfgs), iters(lbfgs_tight), iters(newton), fmt_diff(max_abs_diff(glmnet, newton)),
    fmt_diff(max_abs_diff(ref_inf, ref_c1))
  ))
}

write_section("bench-logistic", c(
  "## Logistic regression",
  "",
  paste0("Synthetic data: ", p, " independent standard normal features, y drawn from a ",
         "logistic model (intercept -2.6, slopes 0.3 * seq(-1, 1)), about 10:1 classes. ",
         "Unpenalised fits (`C = Inf`) are timed against `glm()`; the scikit-learn ",
         "objective `0.5 * ||w||^2 + C * sum(logloss)` with `C = 1` (intercept not ",
         "penalised) against scikit-learn and against glmnet with `alpha = 0`, ",
         "`lambda = 1 / (C * n)`, `standardize = FALSE`, `thresh = 1e-14`: glmnet's ",
         "objective `sum(logloss) / n + lambda * ||w||^2 / 2` is scikit-learn's divided by `C * n`, ",
         "so both have the same minimiser. smotelab runs with `n_threads = 2`; the ",
         "Python peers on 2 OpenBLAS threads. Agreement is the largest absolute ",
         "difference of the 21 coefficients (intercept included) from smotelab's ",
         "fit with the same `C`. The ratio is the method's time over smotelab's ",
         "time for the same `C` (above 1: smotelab is faster). scikit-learn's default ",
         "solver appears twice: with its default `tol = 1e-4`, and asked for smotelab's precision ",
         "(`tol = 1e-10`); scipy's L-BFGS-B also stops once the objective changes by less than ",
         "64 machine epsilons, so the second row shows whether lbfgs can reach the same ",
         "coefficients at all (its agreement column)."),
  "",
  if (!ready) c(paste0("**smotelab was not measured**: its `fit()`, `imb_pipeline()` and ",
                       "`model_logistic()` were not installed when this ran. Agreement is ",
                       "shown against the named peer instead."), ""),
  md_table(table_header, rows),
  "",
  notes,
  load_note(),
  ""
))
