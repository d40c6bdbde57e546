// Glue for the tree ensemble both tree models store: its vectors to and from
// a plain R list, so a fitted forest or booster survives saveRDS().
#include "glue-tree.h"

using Rcpp::List;
using Rcpp::Named;

List glue::trees_to_r(const smotelab::TreeEnsemble& trees) {
  return List::create(Named("n_features") = trees.n_features,
                      Named("tree_start") = Rcpp::IntegerVector(trees.tree_start.begin(), trees.tree_start.end()),
                      Named("feature") = Rcpp::IntegerVector(trees.feature.begin(), trees.feature.end()),
                      Named("left") = Rcpp::IntegerVector(trees.left.begin(), trees.left.end()),
                      Named("value") = Rcpp::NumericVector(trees.value.begin(), trees.value.end()));
}

// Trees read back from R are checked before any is walked, so an edited or
// damaged object gives an error rather than a crash.
smotelab::TreeEnsemble glue::trees_from_r(const List& trees) {
  smotelab::TreeEnsemble out;
  out.n_features = Rcpp::as<int>(trees["n_features"]);
  out.tree_start = Rcpp::as<std::vector<std::int32_t>>(trees["tree_start"]);
  out.feature = Rcpp::as<std::vector<std::int32_t>>(trees["feature"]);
  out.left = Rcpp::as<std::vector<std::int32_t>>(trees["left"]);
  out.value = Rcpp::as<std::vector<double>>(trees["value"]);
  smotelab::validate_trees(out);
  return out;
}
