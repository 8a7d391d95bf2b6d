#include "rules/text_checks.h"

#include <cstdint>

namespace leadscore::rules_internal {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid.
size_t utf8_length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
  uint8_t c = b(0);
  if (c < 0x80) return 1;
  size_t n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
  if (c == 0xED && b(1) > 0x9F) return 0;  // surrogate
  if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && b(1) > 0x8F) return 0;  // beyond U+10FFFF
  return n;
}

}  // namespace

bool check_text(YamlContext& ctx, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  uint32_t line = 1, column = 1;
  bool at_indent = true;
  size_t errors_before = ctx.error_count();
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      column = 1;
      at_indent = true;
      ++i;
      continue;
    }
    size_t n = utf8_length(text, i);
    if (n == 0) {
      ctx.error(SourceLocation{line, column}, "the rules file is not valid UTF-8 here, expected UTF-8 text");
      return false;
    }
    if (c == '\0') {
      ctx.error(SourceLocation{line, column}, "the rules file contains a NUL byte, expected text");
      return false;
    }
    if (at_indent && c == '\t') {
      ctx.error(SourceLocation{line, column}, "tab character in indentation, expected spaces (YAML does not allow tabs)");
      at_indent = false;  // one report per line
    } else if (c != ' ' && c != '\r') {
      at_indent = false;
    }
    ++column;
    i += n;
  }
  return ctx.error_count() == errors_before;
}

}  // namespace leadscore::rules_internal
