#include "input/json_object_parser.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>

#include "input/reader_limits.h"
#include "input/text_scan.h"

namespace leadscore {

namespace {

using Json = nlohmann::ordered_json;

// ordered_map's operator[] takes a key; these index its vector instead.
Json::object_t::value_type& member(Json::object_t& members, size_t i) {
  return *(members.begin() + static_cast<ptrdiff_t>(i));
}
const Json::object_t::value_type& member(const Json::object_t& members, size_t i) {
  return *(members.begin() + static_cast<ptrdiff_t>(i));
}

// Builds the document from SAX events, like nlohmann's own DOM parser, but
// stops past kMaxJsonDepth levels and appends object members without a
// lookup per key: ordered_map's lookup is linear, so an object with a million
// keys would take hours. Duplicate keys are merged afterwards instead.
class DomBuilder {
 public:
  explicit DomBuilder(Json& root) : root_(root) {}

  bool null() { return add(nullptr); }
  bool boolean(bool v) { return add(v); }
  bool number_integer(Json::number_integer_t v) { return add(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return add(v); }
  bool number_float(Json::number_float_t v, const Json::string_t& /*as_written*/) { return add(v); }
  bool string(Json::string_t& v) { return add(std::move(v)); }
  bool binary(Json::binary_t& v) { return add(Json::binary(std::move(v))); }
  bool start_object(std::size_t /*size*/) { return open(Json::value_t::object); }
  bool start_array(std::size_t /*size*/) { return open(Json::value_t::array); }
  bool key(Json::string_t& k) {
    auto& members = stack_.back()->get_ref<Json::object_t&>();
    members.emplace_back(std::move(k), nullptr);
    slot_ = &members.back().second;
    return true;
  }
  bool end_object() {
    merge_duplicates(stack_.back()->get_ref<Json::object_t&>());
    stack_.pop_back();
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*token*/, const Json::exception& ex) {
    error_position_ = position;
    error_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  size_t error_position() const { return error_position_; }
  const std::string& error() const { return error_; }

 private:
  template <typename Value>
  bool add(Value&& v) {
    place(Json(std::forward<Value>(v)));
    return true;
  }

  Json* place(Json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      auto& items = top.get_ref<Json::array_t&>();
      items.push_back(std::move(v));
      return &items.back();
    }
    *slot_ = std::move(v);
    return slot_;
  }

  bool open(Json::value_t type) {
    if (stack_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
      too_deep_ = true;
      return false;
    }
    // The parent is not touched while this child is open, so the pointer holds.
    stack_.push_back(place(Json(type)));
    return true;
  }

  // Keeps each key once, at its first position, with its last value (what
  // nlohmann's own parser does).
  static void merge_duplicates(Json::object_t& members) {
    const size_t n = members.size();
    if (n < 2) return;
    bool duplicate = false;
    if (n <= 32) {  // a sort costs more than pairwise checks below this
      for (size_t i = 0; i < n && !duplicate; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
          if (member(members, i).first == member(members, j).first) {
            duplicate = true;
            break;
          }
        }
      }
    } else {
      std::vector<size_t> order(n);
      std::iota(order.begin(), order.end(), size_t{0});
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return member(members, a).first < member(members, b).first;
      });
      for (size_t i = 1; i < n; ++i) {
        if (member(members, order[i - 1]).first == member(members, order[i]).first) {
          duplicate = true;
          break;
        }
      }
    }
    if (!duplicate) return;
    Json::object_t merged;
    std::map<std::string_view, size_t> where;
    for (auto& m : members) {
      const auto it = where.find(m.first);
      if (it != where.end()) {
        member(merged, it->second).second = std::move(m.second);
        continue;
      }
      merged.emplace_back(m.first, std::move(m.second));
      // Keys stay put in `members`, so views of them stay valid here.
      where.emplace(m.first, merged.size() - 1);
    }
    members.swap(merged);
  }

  Json& root_;
  std::vector<Json*> stack_;
  Json* slot_ = nullptr;
  bool too_deep_ = false;
  size_t error_position_ = 0;
  std::string error_;
};

// "[json.exception.parse_error.101] parse error at line 1, column 4: syntax
// error while parsing value - invalid literal; last read: 'tru,'" -> the part
// after " - ", which says what was wrong.
std::string describe_parse_error(const std::string& what) {
  std::string_view text = what;
  if (const size_t colon = text.find(": "); colon != std::string_view::npos) {
    text.remove_prefix(colon + 2);
  }
  if (text.rfind("syntax error while parsing", 0) == 0) {
    if (const size_t dash = text.find(" - "); dash != std::string_view::npos) {
      text.remove_prefix(dash + 3);
    }
  }
  constexpr size_t kMaxDescription = 120;
  std::string out = truncated_copy(text, kMaxDescription);
  if (out.size() < text.size()) out += "...";
  return out;
}

const char* type_description(const Json& v) {
  switch (v.type()) {
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "a non-object value";
  }
}

}  // namespace

bool JsonObjectParser::parse(std::string_view text, InputRecord& out, std::string* message,
                             size_t* error_offset) {
  *error_offset = std::string_view::npos;
  object_ = nullptr;
  DomBuilder builder(object_);
  const bool ok = Json::sax_parse(text.data(), text.data() + text.size(), &builder,
                                  Json::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
  if (!ok) {
    if (builder.too_deep()) {
      *message = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                 " levels, expected at most " + std::to_string(kMaxJsonDepth);
    } else {
      *message =
          "invalid JSON: " + describe_parse_error(builder.error()) + ", expected a JSON object";
      // nlohmann counts the byte it stopped at, 1-based.
      const size_t position = builder.error_position();
      *error_offset = std::min(position > 0 ? position - 1 : 0, text.size());
    }
    object_ = nullptr;
    return false;
  }
  if (!object_.is_object()) {
    *message = std::string("found ") + type_description(object_) + ", expected a JSON object";
    *error_offset = text.find_first_not_of(" \t\r\n");
    return false;
  }

  const auto& members = object_.get_ref<const Json::object_t&>();
  names_.resize(members.size());
  out.values.clear();
  text_.clear();
  text_spans_.clear();
  for (size_t i = 0; i < members.size(); ++i) {
    names_[i].assign(member(members, i).first);
    const Json& v = member(members, i).second;
    switch (v.type()) {
      case Json::value_t::string:
        out.values.emplace_back(v.get_ref<const std::string&>());
        continue;
      case Json::value_t::boolean:
        out.values.emplace_back(v.get<bool>() ? "true" : "false");
        continue;
      case Json::value_t::null:
        out.values.emplace_back();
        continue;
      default:
        break;
    }
    // Text that needs storage: appended to text_, viewed once it is complete.
    text_spans_.emplace_back(i, text_.size());
    out.values.emplace_back();
    char digits[24];
    std::to_chars_result r{digits, std::errc()};
    if (v.type() == Json::value_t::number_integer) {
      r = std::to_chars(digits, digits + sizeof digits, v.get<Json::number_integer_t>());
      text_.append(digits, r.ptr);
    } else if (v.type() == Json::value_t::number_unsigned) {
      r = std::to_chars(digits, digits + sizeof digits, v.get<Json::number_unsigned_t>());
      text_.append(digits, r.ptr);
    } else {
      text_ += v.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
  }
  for (size_t k = 0; k < text_spans_.size(); ++k) {
    const size_t begin = text_spans_[k].second;
    const size_t end = k + 1 < text_spans_.size() ? text_spans_[k + 1].second : text_.size();
    out.values[text_spans_[k].first] = std::string_view(text_).substr(begin, end - begin);
  }
  out.names = &names_;
  out.names_fixed = false;
  out.names_serial = 0;
  out.delimiter = 0;
  out.object = &object_;
  out.compact = {};
  return true;
}

}  // namespace leadscore
