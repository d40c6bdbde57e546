# Entry: the tidymodels bridge. prep() of a recipe with smotelab's
# step_resample(sampler = step_smote()) against themis's step_smote(), and
# tune_grid() of the lesson's grid with step_resample() and the smotelab
# logistic engine against themis's step_smote() and the glmnet engine.
# Writes bench/out/bench-tidymodels.md. Run alone with `Rscript bench/bench-tidymodels.R`.
BENCH_DIR <- local({
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  dirname(normalizePath(file))
})
source(file.path(BENCH_DIR, "common.R"))

ready <- smotelab_ready(c("step_resample", "step_smote"))
peers <- all(vapply(c("themis", "glmnet", "tune", "workflows", "parsnip", "yardstick"), requireNamespace,
                    logical(1), quietly = TRUE))
if (!peers) {
  write_section("bench-tidymodels", c("## tidymodels", "",
    "**Not measured**: themis, glmnet, tune, workflows, parsnip or yardstick is not installed.", ""))
  quit(save = "no")
}

prep_data <- ensure_dataset("smote-n100000-p20", 1e5, 20, seed = 300 + 5 + 20, generate_smote)
grid_data <- ensure_dataset("tidygrid-n2250-p10", 2250, 10, seed = 17, generate_smote)

sm_prep <- if (ready) run_r("tidymodels.R", "prep_smotelab", prep_data, 3, warmup = TRUE)
th_prep <- run_r("tidymodels.R", "prep_themis", prep_data, 1)
sm_grid <- if (ready) run_r("tidymodels.R", "grid_smotelab", grid_data, 1)
th_grid <- run_r("tidymodels.R", "grid_themis_glmnet", grid_data, 1)
base_prep <- run_r("tidymodels.R", "baseline", prep_data)
base_grid <- run_r("tidymodels.R", "baseline", grid_data)

value <- function(res, what) if (measured(res)) paste(what, fmt_num(res$value, 4)) else ""
t_prep <- if (measured(sm_prep)) sm_prep$seconds else NA
t_grid <- if (measured(sm_grid)) sm_grid$seconds else NA
rows <- list(
  result_row("`prep()` smotelab `step_resample(sampler = step_smote())` (median of 3)", 1e5, 20, sm_prep,
             base_prep, t_prep, value(sm_prep, "rows out")),
  result_row("`prep()` themis `step_smote()` (1 run)", 1e5, 20, th_prep, base_prep, t_prep,
             value(th_prep, "rows out")),
  result_row("`tune_grid()` 27 x 5: `step_resample()` + smotelab logistic engine (1 run)", 2250, 10, sm_grid,
             base_grid, t_grid, value(sm_grid, "best ROC-AUC")),
  result_row("`tune_grid()` 27 x 5: themis `step_smote()` + glmnet engine (1 run)", 2250, 10, th_grid,
             base_grid, t_grid, value(th_grid, "best ROC-AUC"))
)
ratio <- function(a, b) if (measured(a) && measured(b)) sprintf("%.1f", a$seconds / b$seconds) else "n/a"

write_section("bench-tidymodels", c(
  "## tidymodels bridge",
  "",
  paste0("`prep()` of a recipe whose one step balances the classes by SMOTE with 5 neighbours, on the ",
         "SMOTE entry's Gaussian data (1e5 rows x 20 features, 10:1), and `tune_grid()` of the lesson's ",
         "grid (SMOTE ratio 0.5, 0.75, 1; 3, 5, 7 neighbours; C = 0.1, 1, 10, as glmnet's lambda = 1 / (C n)) ",
         "over 5 stratified folds of 2,250 Gaussian rows x 10 features, scored by ROC-AUC. tune runs the ",
         "grid sequentially and, for both engines, fits one workflow per sampler setting and fold and predicts ",
         "the three penalties from it (tune's submodel trick): glmnet from its path, smotelab's ",
         "`multi_predict()` by fitting the other penalties on the rows the fit kept. ",
         sprintf("themis %s, glmnet %s, tune %s.", as.character(utils::packageVersion("themis")),
                 as.character(utils::packageVersion("glmnet")), as.character(utils::packageVersion("tune")))),
  "",
  md_table(table_header, rows),
  "",
  sprintf("- themis / smotelab: `prep()` %s x (target >= 50), `tune_grid()` %s x (target >= 3).",
          ratio(th_prep, sm_prep), ratio(th_grid, sm_grid)),
  paste0("- In `tune_grid()` the samplers and the models are a small part of the time: the rest goes to ",
         "tune's own machinery around every preprocessor and model (finalizing the recipe and the model ",
         "spec, scheduling the grid, joining predictions, computing metrics), the same for both sides. So the ",
         "grid's ratio stays near 1 however fast the step and the engine are; smotelab's speed shows in ",
         "`prep()`, not in the grid."),
  load_note(),
  ""
))
