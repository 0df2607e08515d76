#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>

namespace tilti::web {
namespace {

namespace mst = kainjow::mustache;

int LineOf(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

Error TemplateError(std::string_view file, int line, std::string_view what) {
  return Error{ErrorCode::kInvalidInput,
               "templates/" + std::string(file) + ".mustache:" + std::to_string(line) + ": " +
                   std::string(what)};
}

// Inlines {{>name}} recursively. `stack` catches include cycles.
Result<std::string> Expand(const std::map<std::string, std::string, std::less<>>& sources,
                           const std::string& name, std::vector<std::string>& stack) {
  const std::string& text = sources.find(name)->second;
  static const std::regex include(R"(\{\{>\s*([A-Za-z0-9_]+)\s*\}\})");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), include);
       it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    std::string inc = m[1].str();
    int line = LineOf(text, m.position(0));
    if (!sources.contains(inc)) {
      return TemplateError(name, line, "includes unknown template \"" + inc + "\"");
    }
    if (std::find(stack.begin(), stack.end(), inc) != stack.end()) {
      return TemplateError(name, line, "include cycle through \"" + inc + "\"");
    }
    stack.push_back(inc);
    auto expanded = Expand(sources, inc, stack);
    stack.pop_back();
    if (!expanded.ok()) return expanded.error();
    out.append(text, last, m.position(0) - last);
    // An included file's final newline would end up inside inline markup ("<a>Name\n</a>").
    std::string body = std::move(expanded.value());
    if (!body.empty() && body.back() == '\n') body.pop_back();
    out += body;
    last = m.position(0) + m.length(0);
  }
  out.append(text, last);
  return out;
}

// Checks made on each template's own text, so errors point at its own lines.
std::optional<Error> CheckSource(const std::string& name, const std::string& text,
                                 const std::function<bool(std::string_view)>& known_message) {
  // Unescaped output only for script-safe JSON (web/json_ld.h), {{{name_json}}}, for SVG
  // made by the server from escaped parts (web/svg_chart.h), {{{name_svg}}}, and for HTML
  // made by web/markdown's RenderMarkdown (sanitised: no raw HTML, no unsafe links, no
  // images), {{{name_html}}}; a handler must give a *_html name nothing else.
  static const std::regex unescaped(R"(\{\{\{(?!\s*[A-Za-z0-9_.]+_(json|svg|html)\s*\}\}\})|\{\{\s*&)");
  std::smatch m;
  if (std::regex_search(text, m, unescaped)) {
    return TemplateError(name, LineOf(text, m.position(0)),
                         "unescaped output ({{{x}}} or {{&x}}) is only allowed for *_json, *_svg and *_html");
  }
  static const std::regex message_ref(R"(\{\{\s*[#^/]?\s*t\.([A-Za-z0-9_.]+)\s*\}\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), message_ref);
       it != std::sregex_iterator(); ++it) {
    std::string key = (*it)[1].str();
    if (!known_message(key)) {
      return TemplateError(name, LineOf(text, it->position(0)),
                           "message \"" + key + "\" is not in the catalogue");
    }
  }
  mst::mustache parsed(text);
  if (!parsed.is_valid()) {
    // kainjow reports "... at <offset>"; turn the offset into a line when present.
    std::string msg = parsed.error_message();
    int line = 1;
    std::smatch at;
    static const std::regex offset(R"(at (\d+))");
    if (std::regex_search(msg, at, offset)) line = LineOf(text, std::stoul(at[1].str()));
    return TemplateError(name, line, msg);
  }
  return std::nullopt;
}

}  // namespace

TemplateSet::~TemplateSet() = default;

Result<std::unique_ptr<TemplateSet>> TemplateSet::Load(
    const std::vector<embedded::File>& files,
    const std::function<bool(std::string_view)>& known_message) {
  std::map<std::string, std::string, std::less<>> sources;
  for (const auto& f : files) {
    constexpr std::string_view kDir = "templates/", kExt = ".mustache";
    if (!f.path.starts_with(kDir) || !f.path.ends_with(kExt)) continue;
    std::string name(f.path.substr(kDir.size(), f.path.size() - kDir.size() - kExt.size()));
    sources.emplace(name, std::string(f.bytes));
  }
  if (sources.empty()) {
    return Error{ErrorCode::kInvalidInput, "templates/: no *.mustache files found"};
  }
  std::unique_ptr<TemplateSet> set(new TemplateSet());
  for (const auto& [name, text] : sources) {
    if (auto e = CheckSource(name, text, known_message)) return *e;
  }
  for (const auto& [name, text] : sources) {
    std::vector<std::string> stack{name};
    auto expanded = Expand(sources, name, stack);
    if (!expanded.ok()) return expanded.error();
    auto parsed = std::make_unique<mst::mustache>(expanded.value());
    if (!parsed->is_valid()) return TemplateError(name, 1, parsed->error_message());
    set->templates_.emplace(name, std::move(parsed));
  }
  return set;
}

bool TemplateSet::Has(std::string_view name) const { return templates_.contains(name); }

std::string TemplateSet::Render(std::string_view name, const Data& page,
                                const Data& messages) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no template " + std::string(name));
  mst::context<std::string> ctx(&messages);
  ctx.push(&page);
  // kainjow's render is not const, but without partials or lambdas (we inline includes at
  // load and pass only plain data) it only reads the parsed tree, so concurrent renders are
  // safe; its only mutable member, the error message, is written on errors we ruled out at
  // load time.
  return it->second->render(ctx);
}

}  // namespace tilti::web
