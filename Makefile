# smotelab developer targets. `make demo` and `make check` work on a fresh
# Debian machine with R: each installs what is missing first.
PKG     := smotelab
VERSION := $(shell sed -n 's/^Version: //p' DESCRIPTION)
TARBALL := $(PKG)_$(VERSION).tar.gz
RSCRIPT ?= Rscript
export SMOTELAB_THREADS ?= 2

.PHONY: deps deps-bench document install demo check sanitize bench clean

deps:
	bash tools/install-deps.sh

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

clean:
	rm -rf check demo-output tests/cpp/build src/*.o src/*.so
