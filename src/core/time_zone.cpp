#include "core/time_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

#include <utility>

// ICU lives in src/web/i18n* and the folding code (STYLE habit 4); zones other than Riga need
// its tz database, and every layer that evaluates opening hours (directory, store) needs them,
// so this one file is its home in core. Nothing ICU leaks out of the header.

namespace tilti {

struct TimeZone::Impl {
  std::string id;
  std::unique_ptr<icu::BasicTimeZone> zone;  // only const methods after construction
};

namespace {

using std::chrono::milliseconds;

std::shared_ptr<const TimeZone::Impl> LoadIcuZone(std::string_view iana_id) {
  if (iana_id.empty()) return nullptr;
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(iana_id.data(), static_cast<int32_t>(iana_id.size())));
  // Only ids of the tz database; createTimeZone would turn anything else into "Etc/Unknown"
  // (GMT) and a custom id ("GMT+3") into a fixed offset.
  icu::UnicodeString canonical;
  UBool is_system = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(id, canonical, is_system, status);
  if (U_FAILURE(status) || !is_system || canonical == UNICODE_STRING_SIMPLE("Etc/Unknown")) {
    return nullptr;
  }
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
  if (basic == nullptr) return nullptr;
  zone.release();
  auto impl = std::make_shared<TimeZone::Impl>();
  impl->id = std::string(iana_id);
  impl->zone.reset(basic);
  return impl;
}

CivilDateTime CivilOf(std::chrono::sys_seconds local) {
  const auto days = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{local - days};
  return CivilDateTime{.year = static_cast<int>(date.year()),
                       .month = static_cast<int>(unsigned{date.month()}),
                       .day = static_cast<int>(unsigned{date.day()}),
                       .hour = static_cast<int>(time.hours().count()),
                       .minute = static_cast<int>(time.minutes().count()),
                       .second = static_cast<int>(time.seconds().count()),
                       .weekday = static_cast<int>(std::chrono::weekday{days}.iso_encoding())};
}

}  // namespace

std::optional<TimeZone> TimeZone::Named(std::string_view iana_id) {
  if (iana_id == kRigaZoneId) return TimeZone{};
  return NamedFromIcuForTesting(iana_id);
}

std::optional<TimeZone> TimeZone::NamedFromIcuForTesting(std::string_view iana_id) {
  auto impl = LoadIcuZone(iana_id);
  if (!impl) return std::nullopt;
  return TimeZone(std::move(impl));
}

std::string_view TimeZone::id() const { return impl_ ? std::string_view(impl_->id) : kRigaZoneId; }

std::chrono::seconds TimeZone::UtcOffset(SysTime t) const {
  if (!impl_) return RigaUtcOffset(t);
  const CivilDateTime local = IcuToLocal(t);
  const auto local_seconds = std::chrono::sys_days{DateOf(local)} + std::chrono::hours{local.hour} +
                             std::chrono::minutes{local.minute} + std::chrono::seconds{local.second};
  return local_seconds - std::chrono::floor<std::chrono::seconds>(t);
}

CivilDateTime TimeZone::IcuToLocal(SysTime t) const {
  const auto ms = std::chrono::floor<milliseconds>(t);
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(static_cast<UDate>(ms.time_since_epoch().count()), false, raw, dst,
                         status);
  if (U_FAILURE(status)) raw = dst = 0;  // only for instants outside ICU's range
  const auto local = ms + milliseconds{raw + dst};
  return CivilOf(std::chrono::floor<std::chrono::seconds>(local));
}

SysTime TimeZone::IcuFromLocal(std::chrono::year_month_day date,
                               std::chrono::minutes since_midnight) const {
  const auto local = std::chrono::sys_days{date} + since_midnight;
  const auto local_ms = std::chrono::time_point_cast<milliseconds>(local);
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  // FORMER for both: the offset before the transition. In a gap that is the winter offset
  // (read as before the gap); in an overlap it is the summer offset (the first occurrence).
  impl_->zone->getOffsetFromLocal(static_cast<UDate>(local_ms.time_since_epoch().count()),
                                  UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
  if (U_FAILURE(status)) raw = dst = 0;
  return std::chrono::floor<std::chrono::seconds>(local_ms - milliseconds{raw + dst});
}

std::optional<TimeZone> TimeZoneCache::Get(std::string_view iana_id) {
  if (auto it = zones_.find(iana_id); it != zones_.end()) return it->second;
  return zones_.emplace(std::string(iana_id), TimeZone::Named(iana_id)).first->second;
}

}  // namespace tilti
