// Errors thrown by the core, in two families.
//
// A user_error is a problem with the user's data or request that the core is
// the first to see (a class too small for SMOTE inside a fold, a singular
// Newton system). It carries a kind from the closed list below, a headline
// and bullets. R's with_core() turns it into a condition of class
// smotelab_error_<kind>, whichever function led to it, so the R layer does not
// write the message again.
//
// An internal_error is a broken invariant: the R layer validates first, so
// reaching one is a bug, and R reports it as one.
//
// The glue hands R only an exception's type name and what(), so what() carries
// the fields, separated by kFieldSeparator (a control character no message
// contains): "smotelab", kind, headline, bullets. message() is the same text
// for people: the headline, then one line per bullet.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace smotelab {

// The kinds a user_error may have; R documents each in ?smotelab-conditions.
namespace kind {
inline constexpr const char* too_few_rows = "too_few_rows";  // a class or the data are too small for the method
inline constexpr const char* sampling = "sampling";          // sampling_strategy can't be met by these classes
inline constexpr const char* numeric = "numeric";            // a numerical procedure could not finish
inline constexpr const char* argument = "argument";          // an option that doesn't fit the data (mtry > columns)
inline constexpr const char* empty = "empty";                // no rows or no predictors to work on
inline constexpr const char* size = "size";                  // more rows or nodes than the method can index
inline constexpr const char* infinite = "infinite";          // a value that is not finite where numbers are needed
inline constexpr const char* levels = "levels";              // a class with no rows (e.g. in a training fold)
inline constexpr const char* damaged_fit = "damaged_fit";    // a stored fit that fails validation
inline constexpr const char* memory = "memory";              // the request needs more memory than there is
inline constexpr const char* type = "type";                  // predictors of a kind the method can't use
}  // namespace kind

inline constexpr char kFieldSeparator = '\x1f';

class user_error : public std::invalid_argument {
 public:
  user_error(const char* kind, std::string headline, std::vector<std::string> bullets = {})
      : std::invalid_argument(encode(kind, headline, bullets)),
        kind_(kind),
        headline_(std::move(headline)),
        bullets_(std::move(bullets)) {}

  const std::string& kind() const { return kind_; }
  const std::string& headline() const { return headline_; }
  const std::vector<std::string>& bullets() const { return bullets_; }

  std::string message() const {
    std::string out = headline_;
    for (const std::string& b : bullets_) out += "\n" + b;
    return out;
  }

 private:
  static std::string encode(const char* kind, const std::string& headline, const std::vector<std::string>& bullets) {
    std::string out = std::string("smotelab") + kFieldSeparator + kind + kFieldSeparator + headline;
    for (const std::string& b : bullets) out += kFieldSeparator + b;
    return out;
  }

  std::string kind_, headline_;
  std::vector<std::string> bullets_;
};

// A numerical procedure that could not finish (e.g. a singular system).
struct numeric_error : user_error {
  explicit numeric_error(std::string headline, std::vector<std::string> bullets = {})
      : user_error(kind::numeric, std::move(headline), std::move(bullets)) {}
};

struct internal_error : std::logic_error {
  using std::logic_error::logic_error;
};

[[noreturn]] inline void fail(const char* kind, std::string headline, std::vector<std::string> bullets = {}) {
  throw user_error(kind, std::move(headline), std::move(bullets));
}

inline void check(bool ok, const char* kind, const std::string& headline, std::vector<std::string> bullets = {}) {
  if (!ok) throw user_error(kind, headline, std::move(bullets));
}

// A check on a fit read back from R, which may have been edited or damaged.
inline void check_stored(bool ok, const std::string& headline) {
  if (!ok) throw user_error(kind::damaged_fit, headline, {"Refit the pipeline; a saved fit can't be repaired."});
}

// An invariant the caller guarantees; failing it is a bug.
inline void require(bool ok, const std::string& message) {
  if (!ok) throw internal_error(message);
}

}  // namespace smotelab
