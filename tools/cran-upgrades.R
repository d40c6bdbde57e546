# Prints the CRAN packages to install so that the packages named on the
# command line load: each one that is absent, and each installed dependency
# (Depends, Imports, LinkingTo, followed through the packages to install)
# whose version is below what a package to install requires.
# install.packages() alone keeps an installed dependency that is too old (say
# Debian's hardhat under CRAN's tune), and the new package then fails to load.
# Uses the `repos` option, as install-deps.sh sets it.
want <- commandArgs(trailingOnly = TRUE)
ap <- utils::available.packages()
base <- rownames(utils::installed.packages(priority = "base"))
installed_version <- function(p) tryCatch(utils::packageVersion(p), error = function(e) NULL)

todo <- want[vapply(want, function(p) is.null(installed_version(p)), logical(1))]
queue <- todo
done <- character()
while (length(queue)) {
  p <- queue[1]
  queue <- queue[-1]
  if (p %in% done) next
  done <- c(done, p)
  if (!p %in% rownames(ap)) stop("install-deps: ", p, " is not on CRAN")
  fields <- ap[p, c("Depends", "Imports", "LinkingTo")]
  deps <- trimws(unlist(strsplit(gsub("\n", " ", fields[!is.na(fields)]), ",")))
  for (d in deps[nzchar(deps)]) {
    name <- sub("[ (].*", "", d)
    if (name == "R" || name %in% base) next
    need <- regmatches(d, regexec(">=\\s*([0-9][0-9.-]*)", d))[[1]]
    have <- installed_version(name)
    too_old <- !is.null(have) && length(need) == 2 && have < package_version(need[2])
    if ((is.null(have) || too_old) && !name %in% todo) {
      todo <- c(todo, name)
      queue <- c(queue, name)
    }
  }
}
cat(todo, sep = "\n")
