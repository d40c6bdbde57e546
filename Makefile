# smotelab developer targets. `make demo` and `make check` work on a fresh
# Debian machine with R: each installs what is missing first.
#   make test      testthat only, against a copy installed in a temporary library
#   make lint      lintr on R/ and tests/ (config: .lintr); fails on any lint
#   make format    styler on R/ and tests/, clang-format on the C++ (.clang-format)
#   make coverage  covr: line coverage of R/ and of src/ + inst/include/
# `make deps-dev` installs what those four need (lintr, styler, covr, clang-format).
PKG     := smotelab
VERSION := $(shell sed -n 's/^Version: //p' DESCRIPTION)
TARBALL := $(PKG)_$(VERSION).tar.gz
RSCRIPT ?= Rscript
CLANG_FORMAT ?= clang-format
export SMOTELAB_THREADS ?= 2

# The C++ that `make format` touches; RcppExports.cpp is generated.
CPP_SOURCES = $(wildcard inst/include/smotelab/*.hpp) $(filter-out src/RcppExports.cpp,$(wildcard src/*.cpp)) \
              $(wildcard src/*.h) $(wildcard tests/cpp/*.cpp)

.PHONY: deps deps-dev deps-bench document install demo check sanitize bench test lint format coverage clean

deps:
	bash tools/install-deps.sh

deps-dev:
	bash tools/install-deps.sh dev

deps-bench:
	bash tools/install-deps.sh bench

document:
	$(RSCRIPT) -e 'Rcpp::compileAttributes(); roxygen2::roxygenise()'

# R compiles with -g, which leaves about 30 MB of debug information in the
# shared library; --strip drops it. `make check` keeps it: R CMD check reads
# the symbols to look for calls such as abort() and printf().
install: deps
	R CMD INSTALL --strip --no-multiarch .

demo: install
	$(RSCRIPT) tools/demo.R

# R CMD check exits non-zero on ERROR only; a WARNING fails here too.
# NOT_CRAN=true runs the snapshot tests, which testthat skips on CRAN.
check: deps
	rm -rf check && mkdir -p check
	cd check && R CMD build --no-manual .. && \
	  NOT_CRAN=true _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual $(TARBALL); \
	  rc=$$?; \
	  if grep -Eq '^Status:.*(ERROR|WARNING)' $(PKG).Rcheck/00check.log; then rc=1; fi; \
	  cat $(PKG).Rcheck/00check.log | tail -n 5; \
	  exit $$rc

sanitize:
	$(MAKE) -C tests/cpp

bench: deps-bench install
	$(RSCRIPT) bench/run.R

# The tests alone, without building the tarball, the vignettes or the manual:
# the package goes into a library that is removed afterwards, so the user's
# own library is never touched. --preclean: R does not track header changes,
# so objects left from an older build would be linked. R_LIBS passes that library on to the fresh R
# sessions some tests start, which they check for through the variable
# R CMD check sets.
test:
	@lib=$$(mktemp -d) && trap 'rm -rf "$$lib"' EXIT && \
	  echo "make test: installing into $$lib" && \
	  { R CMD INSTALL --preclean --no-multiarch --no-test-load -l "$$lib" . >"$$lib/install.log" 2>&1 || \
	    { cat "$$lib/install.log"; exit 1; }; } && \
	  cd tests && R_LIBS="$$lib$${R_LIBS:+:$$R_LIBS}" NOT_CRAN=true _R_CHECK_PACKAGE_NAME_=$(PKG) $(RSCRIPT) -e \
	    'testthat::test_dir("testthat", package = "$(PKG)", load_package = "installed", reporter = "summary", stop_on_failure = TRUE)'

# lintr 3.0 reads its configuration from .lintr. object_usage_linter is off
# there: R CMD check already reports undefined globals, and that linter cannot
# see the variables cli messages use inside "{...}".
lint:
	$(RSCRIPT) tools/lint.R

# Rewrites files in place: commit before running it.
format:
	$(RSCRIPT) tools/style.R
	$(CLANG_FORMAT) -i $(CPP_SOURCES)

coverage:
	NOT_CRAN=true $(RSCRIPT) tools/coverage.R

clean:
	rm -rf check demo-output tests/cpp/build src/*.o src/*.so
