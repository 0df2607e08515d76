#include "exchange/atom.h"

#include "exchange/xml_text.h"

namespace tilti::exchange {

std::string WriteAtom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + XmlEscape(feed.lang) + "\">\n";
  out += "<id>" + XmlEscape(feed.id) + "</id>\n";
  out += "<title type=\"text\">" + XmlEscape(feed.title) + "</title>\n";
  out += "<updated>" + FormatRfc3339(feed.updated) + "</updated>\n";
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + XmlEscape(feed.self) + "\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(feed.alternate) + "\"/>\n";
  out += "<author><name>Tilti</name></author>\n";
  for (const AtomEntry& e : feed.entries) {
    out += "<entry>\n";
    out += "<id>" + XmlEscape(e.id) + "</id>\n";
    out += "<title type=\"text\">" + XmlEscape(e.title) + "</title>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(e.link) + "\"/>\n";
    out += "<published>" + FormatRfc3339(e.published) + "</published>\n";
    out += "<updated>" + FormatRfc3339(e.updated) + "</updated>\n";
    if (!e.category.empty()) out += "<category term=\"" + XmlEscape(e.category) + "\"/>\n";
    if (!e.summary.empty()) out += "<summary type=\"text\">" + XmlEscape(e.summary) + "</summary>\n";
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace tilti::exchange
