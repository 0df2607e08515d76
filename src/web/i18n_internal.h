#pragma once
// Helpers shared by the i18n_*.cpp files; not part of the i18n API and not included by anyone
// else. Deliberately free of ICU headers so it stays usable from any i18n file.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace tilti::web::i18n::internal {

// A few interchangeable instances of a type that is not safe for concurrent use (ICU
// formatters and collators keep internal caches even in their const methods).
//
// With() lends one instance to the calling thread for the duration of `f`. A thread first
// tries the slot its id hashes to, then the others with try_lock, and only blocks when every
// slot is busy, so unrelated threads rarely wait. Instances are made lazily by `make` (so a
// pool costs one prototype plus only the clones that contention asked for); `make` may be
// called concurrently from different slots and must be safe for that — cloning from an
// immutable prototype is.
template <typename T, size_t kSlots = 4>
class Pool {
 public:
  using Factory = std::function<std::unique_ptr<T>()>;

  explicit Pool(Factory make) : make_(std::move(make)) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  template <typename F>
  decltype(auto) With(F&& f) const {
    const size_t home = HomeSlot();
    for (size_t i = 0; i < kSlots; ++i) {
      Slot& slot = slots_[(home + i) % kSlots];
      std::unique_lock lock(slot.mu, std::try_to_lock);
      if (lock.owns_lock()) return Use(slot, f);
    }
    Slot& slot = slots_[home];
    std::unique_lock lock(slot.mu);
    return Use(slot, f);
  }

 private:
  struct Slot {
    std::mutex mu;
    std::unique_ptr<T> object;  // guarded by mu; made on first use
  };

  template <typename F>
  decltype(auto) Use(Slot& slot, F& f) const {
    if (!slot.object) slot.object = make_();
    return f(*slot.object);
  }

  static size_t HomeSlot() {
    // libstdc++ hashes a thread id to its pthread_t, an aligned address whose low bits are
    // all zero; Fibonacci hashing spreads the high bits over the slots.
    uint64_t h = std::hash<std::thread::id>{}(std::this_thread::get_id());
    return static_cast<size_t>((h * 0x9E3779B97F4A7C15ull) >> 32) % kSlots;
  }

  Factory make_;
  mutable std::array<Slot, kSlots> slots_;
};

// The ICU locale id used to format for one of our locale codes. English readers of a Latvian
// service live in Europe: dates read "29 March 2026" (en-GB), not "March 29, 2026" (en-US).
inline std::string IcuLocaleId(std::string_view code) {
  if (code == "en") return "en-GB";
  return std::string(code);
}

}  // namespace tilti::web::i18n::internal
