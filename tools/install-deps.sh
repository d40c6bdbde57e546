#!/usr/bin/env bash
# A fresh Debian/Ubuntu machine with R -> everything smotelab needs.
# Debian's prebuilt r-cran-* packages first (fast), CRAN for what Debian lacks.
#   bash tools/install-deps.sh          # build, test, vignettes, demo, site
#   bash tools/install-deps.sh dev      # + make lint, make format, make coverage
#   bash tools/install-deps.sh bench    # + the peers timed in bench/
# Packages Debian lacks come from the CRAN mirror R is configured with (the
# `repos` option); when none is set, from the first mirror in R's own list.
set -euo pipefail

mode="${1:-check}"

# R packages: name in R -> Debian package.
r_pkgs=(Rcpp RcppEigen RcppParallel cli generics ggplot2 rlang tibble
        testthat knitr rmarkdown withr jsonlite pROC roxygen2 pkgbuild
        callr future future.apply
        shiny markdown checkmate backports renv learnr pkgdown rsconnect)
# learnr comes from CRAN; its dependencies above come from Debian first, so
# that CRAN does not pull a newer xfun that Debian's knitr cannot load.
# pkgdown checks the reference index in .ci/run; it needs rsconnect to list
# the learnr tutorial.
debian_name() { echo "r-cran-$(echo "$1" | tr '[:upper:]' '[:lower:]')"; }
# The tidymodels bridge (its tests and vignette). Debian has recipes, rsample,
# hardhat and themis, but older than CRAN's tune and parsnip need, and lacks
# the rest: those come from CRAN through tools/cran-upgrades.R below, which
# also upgrades the Debian ones that are too old. RcppArmadillo from Debian:
# CRAN's needs a newer Rcpp than Debian's, and tune's GauPro links to it.
r_pkgs+=(recipes rsample hardhat themis RcppArmadillo)
tidy_cran=(parsnip workflows tune yardstick dials)
if [ "$mode" = dev ]; then
  # lintr and covr from Debian; styler is not packaged there.
  r_pkgs+=(lintr covr styler)
fi
if [ "$mode" = bench ]; then
  # The R peers bench/ times. smotefamily is optional (its rows say "not
  # installed"): Debian lacks it, and from CRAN it would compile igraph.
  r_pkgs+=(glmnet bench ranger themis rsample)
fi

sys_pkgs=(pandoc r-base-dev)
if [ "$mode" = dev ]; then
  sys_pkgs+=(clang-format)
fi
if [ "$mode" = bench ]; then
  sys_pkgs+=(python3-sklearn python3-numpy python3-pandas python3-threadpoolctl
            python3-imblearn python3-xgboost libopenblas0-pthread time)
fi

missing_r=()
for p in "${r_pkgs[@]}" "${tidy_cran[@]}"; do
  Rscript -e "quit(status = !requireNamespace('$p', quietly = TRUE))" >/dev/null 2>&1 ||
    missing_r+=("$p")
done
missing_sys=()
for p in "${sys_pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing_sys+=("$p")
done

if [ ${#missing_r[@]} -eq 0 ] && [ ${#missing_sys[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_ok=0
if command -v apt-get >/dev/null 2>&1; then
  $SUDO apt-get update -qq && apt_ok=1
fi

debs=("${missing_sys[@]}")
cran=()
for p in "${missing_r[@]}"; do
  [[ " ${tidy_cran[*]} " == *" $p "* ]] && continue
  d=$(debian_name "$p")
  if [ $apt_ok -eq 1 ] && apt-cache show "$d" >/dev/null 2>&1; then
    debs+=("$d")
  else
    cran+=("$p")
  fi
done

if [ ${#debs[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${debs[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${debs[@]}"
fi
set_repos="repos <- getOption('repos', c(CRAN = '@CRAN@'))
    if (is.na(repos['CRAN']) || repos['CRAN'] %in% c('', '@CRAN@')) chooseCRANmirror(ind = 1, local.only = TRUE)"
if [ ${#cran[@]} -gt 0 ]; then
  echo "install-deps: from CRAN: ${cran[*]}"
  pkgs=$(printf "'%s'," "${cran[@]}")
  Rscript -e "$set_repos
    install.packages(c(${pkgs%,}), Ncpus = 2)"
fi
# The version-upgrade case: packages absent, plus installed ones too old for
# what is installed from CRAN (install.packages() alone would keep them).
upgrades=$(Rscript -e "$set_repos" -e "source('$(dirname "$0")/cran-upgrades.R')" \
  "${tidy_cran[@]}" recipes rsample hardhat)
if [ -n "$upgrades" ]; then
  echo "install-deps: from CRAN, new or upgraded:" $upgrades
  pkgs=$(printf "'%s'," $upgrades)
  Rscript -e "$set_repos
    install.packages(c(${pkgs%,}), Ncpus = 2)"
fi

still_missing=()
for p in "${r_pkgs[@]}" "${tidy_cran[@]}"; do
  Rscript -e "quit(status = !requireNamespace('$p', quietly = TRUE))" >/dev/null 2>&1 ||
    still_missing+=("$p")
done
if [ ${#still_missing[@]} -gt 0 ]; then
  echo "install-deps: could not install: ${still_missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"
