#include "input/text_scan.h"

#include <cstring>

namespace leadscore {

namespace {

bool all_ascii(const unsigned char* p, size_t n) {
  uint64_t acc = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    acc |= word;
  }
  for (; i < n; ++i) acc |= p[i];
  return (acc & 0x8080808080808080ULL) == 0;
}

}  // namespace

size_t find_invalid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Nearly all lead data is ASCII: check that a word at a time first.
  if (all_ascii(p, n)) return std::string_view::npos;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      // Non-ASCII text is mostly ASCII still: step over it a word at a time.
      ++i;
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ULL) break;
        i += 8;
      }
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (i + k >= n || (p[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

TextPosition locate(std::string_view text, size_t offset, uint64_t first_line,
                    uint64_t first_column) {
  TextPosition pos{first_line, first_column};
  size_t line_begin = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < offset && text[i + 1] == '\n') ++i;
      ++pos.line;
      line_begin = i + 1;
      pos.column = 1;
    }
  }
  pos.column += offset - line_begin;
  return pos;
}

std::string_view first_csv_line(std::string_view text, bool* complete) {
  size_t begin = 0;
  while (begin < text.size() && (text[begin] == '\r' || text[begin] == '\n')) ++begin;
  bool quoted = false;
  for (size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: still right
    } else if (!quoted && (c == '\r' || c == '\n')) {
      *complete = true;
      return text.substr(begin, i - begin);
    }
  }
  *complete = false;
  return text.substr(begin);
}

char guess_delimiter(std::string_view line) {
  static constexpr char kCandidates[] = {',', ';', '\t', '|'};
  size_t counts[4] = {0, 0, 0, 0};
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    for (int k = 0; k < 4; ++k) {
      if (c == kCandidates[k]) ++counts[k];
    }
  }
  int best = 0;
  for (int k = 1; k < 4; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kCandidates[best];
}

std::string truncated_copy(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  // Back up over (at most three) continuation bytes so that the copy does not
  // end in the middle of a character.
  const size_t floor = limit >= 3 ? limit - 3 : 0;
  while (cut > floor && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut));
}

std::string plural(uint64_t count, std::string_view noun) {
  std::string out = std::to_string(count);
  out += ' ';
  out += noun;
  if (count != 1) out += 's';
  return out;
}

}  // namespace leadscore
