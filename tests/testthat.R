library(testthat)
library(smotelab)

test_check("smotelab")
