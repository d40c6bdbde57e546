# Registration with tidymodels packages that are installed (all in Suggests).
# The recipes and generics methods are registered by NAMESPACE's delayed
# S3method() entries; parsnip's engines live in parsnip's model registry,
# which exists only once parsnip is loaded: register now if it is, else when
# it loads.
.onLoad <- function(libname, pkgname) {
  if (isNamespaceLoaded("parsnip")) {
    register_parsnip_engines()
  } else {
    setHook(packageEvent("parsnip", "onLoad"), register_parsnip_engines)
  }
  invisible()
}
