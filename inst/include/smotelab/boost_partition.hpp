// Which training rows each node of the tree being grown holds (LightGBM's
// DataPartition).
//
// A node's rows are a contiguous, increasing run of positions in one of two
// row index buffers. Splitting a level moves the rows of every split node to
// the other buffer, stably and left child first, in two passes over blocks of
// rows: the first marks which way each row goes and counts the left rows per
// block, the second scatters. Between them, a prefix sum over blocks (in
// block order) gives every block its place in each child's run, so blocks
// scatter independently and the result does not depend on the schedule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "boost_types.hpp"

namespace smotelab {
namespace detail {

class RowPartition {
 public:
  // One split per node: rows whose byte in `column` is at most `bin` go left.
  struct Cut {
    Segment rows;
    const std::uint8_t* column;
    int bin;
  };

  // Where one block's rows went in the target buffer.
  struct Scattered {
    Segment left, right;
  };

  // The buffer a tree's root rows are written to before begin_tree().
  std::vector<std::uint32_t>& root_rows() { return rows_[0]; }

  void begin_tree() {
    rows_[1].resize(rows_[0].size());
    goes_left_.resize(rows_[0].size());
    current_ = 0;
  }

  std::uint32_t size() const { return static_cast<std::uint32_t>(rows_[0].size()); }
  // The buffer holding the rows of the level being split; children go to
  // the other one, target().
  int current() const { return current_; }
  const std::uint32_t* buffer(int which) const { return rows_[which].data(); }
  const std::uint32_t* target() const { return rows_[1 - current_].data(); }

  // Marks the rows of every cut node and lays out its children's runs.
  void plan(const std::vector<Cut>& cuts, const BlockRunner& run) {
    segments_.clear();
    level_rows_ = 0;
    for (const Cut& cut : cuts) {
      segments_.push_back(cut.rows);
      level_rows_ += cut.rows.end - cut.rows.begin;
    }
    blocks_of(segments_, blocks_);
    const std::size_t n_blocks = blocks_.size();
    const std::uint32_t* src = rows_[current_].data();
    n_left_.assign(n_blocks, 0);
    run(n_blocks, level_rows_, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const Block& blk = blocks_[b];
        const std::uint8_t* col = cuts[blk.job].column;
        const int bin = cuts[blk.job].bin;
        std::uint32_t count = 0;
        for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
          if (k + kPrefetchAhead < blk.end) __builtin_prefetch(col + src[k + kPrefetchAhead]);
          const std::uint8_t left = col[src[k]] <= bin;
          goes_left_[k] = left;
          count += left;
        }
        n_left_[b] = count;
      }
    });
    const std::size_t n_jobs = cuts.size();
    left_total_.assign(n_jobs, 0);
    for (std::size_t b = 0; b < n_blocks; ++b) left_total_[blocks_[b].job] += n_left_[b];
    left_pos_.resize(n_blocks);
    right_pos_.resize(n_blocks);
    std::vector<std::uint32_t> next_left(n_jobs), next_right(n_jobs);
    first_block_.assign(n_jobs + 1, 0);
    for (std::size_t k = 0; k < n_jobs; ++k) {
      next_left[k] = segments_[k].begin;
      next_right[k] = segments_[k].begin + left_total_[k];
    }
    for (std::size_t b = 0; b < n_blocks; ++b) {
      const std::uint32_t job = blocks_[b].job;
      left_pos_[b] = next_left[job];
      right_pos_[b] = next_right[job];
      next_left[job] += n_left_[b];
      next_right[job] += (blocks_[b].end - blocks_[b].begin) - n_left_[b];
      ++first_block_[job + 1];
    }
    for (std::size_t k = 0; k < n_jobs; ++k) first_block_[k + 1] += first_block_[k];
  }

  std::size_t n_blocks() const { return blocks_.size(); }
  std::size_t level_rows() const { return level_rows_; }
  std::uint32_t job(std::size_t b) const { return blocks_[b].job; }
  // Cut k's blocks are [first_block(k), first_block(k + 1)).
  std::size_t first_block(std::size_t k) const { return first_block_[k]; }
  Segment left_child(std::size_t k) const { return {segments_[k].begin, segments_[k].begin + left_total_[k]}; }
  Segment right_child(std::size_t k) const { return {segments_[k].begin + left_total_[k], segments_[k].end}; }
  bool left_smaller(std::size_t k) const {
    const Segment l = left_child(k), r = right_child(k);
    return l.end - l.begin <= r.end - r.begin;
  }

  // Moves block b's rows to their child's run in target(). The destination
  // is chosen by a select, not a branch: which way a row goes is a coin flip
  // to the branch predictor. Blocks write disjoint runs, so they may scatter
  // in parallel.
  Scattered scatter(std::size_t b) {
    const Block& blk = blocks_[b];
    const std::uint32_t* src = rows_[current_].data();
    std::uint32_t* dst = rows_[1 - current_].data();
    std::uint32_t l = left_pos_[b], r = right_pos_[b];
    for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
      const std::uint32_t left = goes_left_[k];
      dst[left ? l : r] = src[k];
      l += left;
      r += 1 - left;
    }
    return {{left_pos_[b], l}, {right_pos_[b], r}};
  }

  // After every block has scattered: the children's buffer becomes current.
  void end_level() { current_ = 1 - current_; }

 private:
  std::vector<std::uint32_t> rows_[2];
  std::vector<std::uint8_t> goes_left_;
  int current_ = 0;

  std::vector<Segment> segments_;
  std::size_t level_rows_ = 0;
  std::vector<Block> blocks_;
  std::vector<std::uint32_t> n_left_, left_total_, left_pos_, right_pos_;
  std::vector<std::size_t> first_block_;
};

}  // namespace detail
}  // namespace smotelab
