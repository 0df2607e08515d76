#pragma once
// Bookable resources and their bookings (migration 0013; the rules are bookings/slots.h).
//
// The person side is the event registration's (events/registration_rules): a private link whose
// token is stored only as SHA-256, a name or nickname, optionally a way to reach them, their
// language and needs. A slot row is created when someone first holds or books it; its `taken`
// counter (confirmed and pending parties) is changed only here, inside the caller's
// Database::Write transaction, which SQLite serialises (BEGIN IMMEDIATE), and the table's CHECK
// (taken <= capacity) refuses anything else: no interleaving of requests can book a slot twice
// or beyond its capacity (QUALITY.md R3), and a crash in the middle of a write leaves the whole
// transaction out (R2).
//
// Every write function runs inside Database::Write; reads take any connection.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bookings/resource_rules.h"
#include "bookings/slots.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/localized_text.h"
#include "events/registration_rules.h"
#include "store/manage_queries.h"
#include "store/sql.h"

namespace tilti::store {

struct ResourceView {
  std::string id, organization_id, location_id, library_slug;
  LocalizedText library_name, name, description, what_to_expect;
  bookings::ResourceKind kind = bookings::ResourceKind::kRoom;
  int capacity = 1;
  bookings::SlotRules rules;
  bool approval = false, is_sample = false;
  std::vector<bookings::ResourcePeriod> periods;  // own hours and quiet hours
  std::vector<std::string> languages;             // staff consult in these (ISO 639)
  std::vector<LocalizedText> features;            // accessibility, translated
  std::string last_modified;
};

std::optional<ResourceView> LoadResource(Connection& c, std::string_view id, const LocaleChain& chain);
// Every resource, by library (organisation slug) and in each library's order.
std::vector<ResourceView> AllResources(Connection& c, const LocaleChain& chain);
// The resources of a library (organisation slug), in their order.
std::vector<ResourceView> ResourcesOfLibrary(Connection& c, std::string_view slug,
                                             const LocaleChain& chain);

// --- Editing resources.

// The resource as stored (its source-language texts), for the edit form; nullopt if none.
std::optional<bookings::ResourceDraft> LoadResourceDraft(Connection& c, std::string_view id);
// Creates (empty `id`) or updates a resource of `organization_id` at `location_id`, with its
// hours, languages and features; texts in `source_locale`. Returns its id.
std::string SaveResource(Connection& c, std::string_view id, std::string_view organization_id,
                         std::string_view location_id, const bookings::ResourceDraft& d,
                         std::string_view source_locale, SysTime now);

// The language a resource's own texts are in ('lv' when there is no such resource).
std::string SourceLocaleOfResource(Connection& c, std::string_view id);

// One slot of a day as a visitor sees it.
struct SlotView {
  bookings::Slot slot;
  int free = 0;  // places nobody holds or booked
};

struct DayView {
  std::chrono::year_month_day date;
  bool hours_known = false;                // the location (or the resource) has hours
  bool closed = true;                      // nothing bookable that day
  std::optional<std::string> holiday_key;  // the public holiday that day
  std::optional<std::string> note;         // the library's note on a dated exception
  std::vector<SlotView> slots;             // within the booking window, in time order
};

// The slots of `date` at `now`: laid in the bookable ranges, within the booking window, without
// those overlapping a block or another start that is booked, each with its free places (the
// capacity minus bookings and live holds other than `except_hold`).
DayView SlotsOfDay(Connection& c, const ResourceView& r, std::chrono::year_month_day date,
                   SysTime now, std::string_view except_hold = "");

// How many free places each bookable date has (for the list of days), from today on.
struct DateFree {
  std::chrono::year_month_day date;
  int slots_free = 0;  // slots with at least one free place
  bool closed = true;
};
std::vector<DateFree> FreeDates(Connection& c, const ResourceView& r, SysTime now);

// --- Holding and booking.

inline constexpr std::chrono::minutes kHoldFor{10};

struct HoldRequest {
  SysTime starts_at{};
  int party_size = 1;
  std::string token_hash;                  // 64 hex digits
  std::optional<std::string> move_booking;  // the booking whose time this changes
};
// Holds a slot for kHoldFor. Errors: kNotFound (no such slot that day, or outside the booking
// window; field "start", "bookings.error.no_such_slot"), kConflict (not enough free places;
// "bookings.error.slot_taken"). Returns when the hold ends.
Result<SysTime> HoldSlot(Connection& c, const ResourceView& r, const HoldRequest& h, SysTime now);

struct HoldView {
  std::string resource_id;
  SysTime starts_at{}, ends_at{}, expires_at{};
  int party_size = 1;
  std::string answers;  // JSON of the form as last given, "" before
  std::optional<std::string> move_booking;
};
// A hold by its token's hash, expired or not (the caller says whether it still holds).
std::optional<HoldView> HoldByTokenHash(Connection& c, std::string_view hash);
// Keeps the visitor's answers with the hold (until it is confirmed or expires).
void SaveHoldAnswers(Connection& c, std::string_view hash, int party_size, std::string_view answers_json);

struct BookingRequest {
  std::string token_hash;  // of the new booking's private link
  events::RegistrationForm person;
  std::string target_group;                // a term code or ""
  std::optional<std::string> booked_by;    // the librarian's account, at the desk
};
// Turns a hold into a booking (confirmed, or pending when the resource needs approval). An
// expired hold still books when the places are still free. Errors: kNotFound (no such hold, or
// the slot is no longer offered: "bookings.error.no_such_slot"), kConflict ("bookings.error.slot_taken").
// Returns the booking's id. A hold that moves a booking cancels the old one in the same
// transaction.
Result<std::string> ConfirmHold(Connection& c, const ResourceView& r, std::string_view hold_hash,
                                const BookingRequest& b, SysTime now);

struct BookingView {
  std::string id, resource_id;
  SysTime starts_at{}, ends_at{};
  int party_size = 1;
  std::string name, contact, language, target_group;
  std::vector<std::string> needs;
  std::string note;
  std::string status;  // confirmed, pending, cancelled, declined
  std::string reason;
  std::optional<bool> came;
  bool at_desk = false;
  std::string created;
};
std::optional<BookingView> BookingByTokenHash(Connection& c, std::string_view hash);

// Cancels a confirmed or pending booking (frees its places). kNotFound when there is none such.
Status CancelBooking(Connection& c, std::string_view booking_id, std::string_view reason, SysTime now);
// Changes name, contact, language, needs and party size; a larger party needs free places
// (kConflict, field party_size, "bookings.error.no_room_for_party").
Status ChangeBooking(Connection& c, std::string_view booking_id, const events::RegistrationForm& form,
                     std::string_view target_group, SysTime now);

// --- The library's side.

// The bookings of a library's resources whose slot starts in [from, to), by start.
std::vector<BookingView> BookingsOfLibrary(Connection& c, std::string_view organization_id,
                                           SysTime from, SysTime to);
// The library a booking belongs to (for access checks), or nullopt.
std::optional<std::string> OrganizationOfBooking(Connection& c, std::string_view booking_id);
std::optional<std::string> OrganizationOfResource(Connection& c, std::string_view resource_id);

// Approves (pending -> confirmed) or declines with a reason (frees the places). kNotFound when
// the booking is not pending.
Status DecideBooking(Connection& c, std::string_view booking_id, bool approve,
                     std::string_view reason, SysTime now);
// Marks whether the person came (nullopt: not recorded). kNotFound unless confirmed.
Status MarkCame(Connection& c, std::string_view booking_id, std::optional<bool> came, SysTime now);

struct Block {
  std::string id, resource_id;
  SysTime starts_at{}, ends_at{};
  std::string reason;
};
std::string AddBlock(Connection& c, const Block& b, std::string_view by, SysTime now);
// Removes a block of the resource; kNotFound when it has no such block.
Status RemoveBlock(Connection& c, std::string_view resource_id, std::string_view block_id);
std::vector<Block> BlocksOfLibrary(Connection& c, std::string_view organization_id, SysTime from,
                                   SysTime to);

// Bookings ahead that no longer fit: the day is now closed (a holiday or exception was added),
// the hours changed so the slot is no longer laid, or a block covers it. For the librarian to
// contact the person; nothing is cancelled by itself.
struct AffectedBooking {
  BookingView booking;
  std::string why;  // message key: bookings.affected.closed, .hours, .blocked
};
std::vector<AffectedBooking> AffectedBookings(Connection& c, std::string_view organization_id,
                                              SysTime now);

// --- Retention and reports.

// Erases every booking whose slot ended before `cutoff` (and holds that expired before `now`):
// first counted into booking_tally by resource, month and target group, then deleted (the
// database runs with secure_delete, so the bytes are overwritten). Returns how many bookings
// were erased. The caller checkpoints the WAL afterwards so no copy stays there either.
int EraseOldBookings(Connection& c, SysTime cutoff, SysTime now);

struct UsageRow {
  std::string library_slug;
  LocalizedText library_name, resource_name;
  std::string resource_id, month, target_group;
  int64_t bookings = 0, people = 0, no_shows = 0;
};
// Confirmed bookings (live and erased) of slots in months [from_month, to_month] ("YYYY-MM"),
// by library, resource, month and target group, for the organisations of `scope`.
std::vector<UsageRow> BookingUsage(Connection& c, std::string_view from_month,
                                   std::string_view to_month, const OrganizationScope& scope,
                                   const LocaleChain& chain);

}  // namespace tilti::store
