#pragma once
// The page templates (web/templates/*.mustache), loaded and checked once at start-up.
// Templates are logic-less Mustache with HTML-escaping {{x}} only. `{{>name}}` includes
// name.mustache; includes are resolved at load time, so rendering never parses.
#include <functional>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "core/error.h"


namespace tilti::web {

using Data = kainjow::mustache::basic_data<std::string>;

class TemplateSet {
 public:
  // Loads every "templates/<name>.mustache" among `files`. Errors (kInvalidInput) name the
  // file and line: a syntax error, an include of a missing template, a `{{{triple}}}` or `{{&x}}`
  // (unescaped output is not allowed), or a {{t.key}} message reference that `known_message`
  // rejects.
  static Result<std::unique_ptr<TemplateSet>> Load(
      const std::vector<embedded::File>& files,
      const std::function<bool(std::string_view key)>& known_message);
  ~TemplateSet();

  bool Has(std::string_view name) const;
  // Renders `name` with `page` in front of `messages` (the locale's {{t.*}} strings).
  // Thread-safe. Throws std::logic_error for an unknown name (a programming error).
  std::string Render(std::string_view name, const Data& page, const Data& messages) const;

 private:
  TemplateSet() = default;
  std::map<std::string, std::unique_ptr<kainjow::mustache::basic_mustache<std::string>>,
           std::less<>>
      templates_;
};

}  // namespace tilti::web
