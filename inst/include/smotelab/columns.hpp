// A read-only view of a design as separate contiguous columns.
//
// R data frames store each column on its own, and copying them into one
// matrix costs a fresh allocation as large as the data. Models read rows in
// blocks anyway, so they gather each block from the columns into a small,
// reused buffer instead; a matrix is just another set of columns.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "errors.hpp"

namespace smotelab {

class Columns {
 public:
  Columns(std::vector<const double*> columns, Eigen::Index rows) : cols_(std::move(columns)), rows_(rows) {}

  // Views the columns of X, which must outlive the view.
  static Columns of(const Eigen::Ref<const Eigen::MatrixXd>& X) {
    std::vector<const double*> cols(static_cast<std::size_t>(X.cols()));
    for (Eigen::Index j = 0; j < X.cols(); ++j) cols[static_cast<std::size_t>(j)] = X.col(j).data();
    return Columns(std::move(cols), X.rows());
  }

  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return static_cast<Eigen::Index>(cols_.size()); }

  // Column j starts at pointers()[j].
  const std::vector<const double*>& pointers() const { return cols_; }

  Eigen::Map<const Eigen::VectorXd> col(Eigen::Index j) const {
    return Eigen::Map<const Eigen::VectorXd>(cols_[static_cast<std::size_t>(j)], rows_);
  }

  // Rows [first, first + count) of the columns `which` into out (count x which.size()).
  void gather(Eigen::Index first, Eigen::Index count, const std::vector<Eigen::Index>& which,
              Eigen::MatrixXd& out) const {
    out.resize(count, static_cast<Eigen::Index>(which.size()));
    for (std::size_t j = 0; j < which.size(); ++j)
      out.col(static_cast<Eigen::Index>(j)) = col(which[j]).segment(first, count);
  }

  // The listed rows of every column, as a matrix.
  Eigen::MatrixXd rows_of(const std::vector<Eigen::Index>& rows) const {
    Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), cols());
    for (Eigen::Index j = 0; j < cols(); ++j) {
      const double* in = cols_[static_cast<std::size_t>(j)];
      for (std::size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i), j) = in[rows[i]];
    }
    return out;
  }

  Eigen::MatrixXd to_matrix() const {
    Eigen::MatrixXd out(rows_, cols());
    for (Eigen::Index j = 0; j < cols(); ++j) out.col(j) = col(j);
    return out;
  }

  // Marks the view as already checked for NA, NaN and infinite values, so
  // that models need not read every value once more just to check them (the
  // R glue marks designs that R has checked).
  Columns& checked_finite() {
    checked_finite_ = true;
    return *this;
  }

  bool all_finite() const {
    if (checked_finite_) return true;
    for (Eigen::Index j = 0; j < cols(); ++j)
      if (!col(j).allFinite()) return false;
    return true;
  }

 private:
  std::vector<const double*> cols_;
  Eigen::Index rows_;
  bool checked_finite_ = false;
};

}  // namespace smotelab
