// Formatting helpers of the reports.
#include "report/report_format.h"

#include <catch2/catch.hpp>

#include "report/text_table.h"

using namespace leadscore::report;

TEST_CASE("report format: percentages, ratios and months", "[format]") {
  CHECK(fmt_percent(1, 3) == "33.3%");
  CHECK(fmt_percent(0, 0) == "-");
  CHECK(ratio(2, 3) == 0.6667);
  CHECK(ratio(1, 0) == 0);
  CHECK(month_label(2026 * 12 + 0) == "2026-01");
  CHECK(month_label(2026 * 12 + 11) == "2026-12");
  CHECK(leads_count(1) == "1 lead");
  CHECK(leads_count(0) == "0 leads");
}

TEST_CASE("report format: padding counts characters, not bytes", "[format]") {
  CHECK(display_width("Björn") == 5);
  CHECK(pad_right("Björn", 7) == "Björn  ");
  CHECK(pad_left("7", 3) == "  7");
}

TEST_CASE("report format: HTML escaping", "[format]") {
  CHECK(html_escape("<b>\"R&D\" 'x'</b>") == "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;");
}

TEST_CASE("text table: columns aligned, numbers to the right, no trailing spaces", "[format]") {
  TextTable t({TextTable::Align::kLeft, TextTable::Align::kRight, TextTable::Align::kLeft});
  t.add({"stage", "leads", ""});
  t.add({"MQL", "1234", "x"});
  CHECK(t.render() == "  stage  leads\n  MQL     1234  x\n");
}
