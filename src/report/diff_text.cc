#include "report/diff_render.h"

#include "leadscore/rules.h"
#include "report/report_format.h"
#include "report/text_table.h"

namespace leadscore::report {

namespace {

constexpr Stage kStages[] = {Stage::kLead, Stage::kMql, Stage::kSql, Stage::kSao};
constexpr size_t kMaxCauses = 10;

std::string matrix(const StageDiff& d) {
  using Align = TextTable::Align;
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight, Align::kRight}, 0);
  t.add({"old \\ new", "Lead", "MQL", "SQL", "SAO", "total"});
  std::array<uint64_t, 4> column_totals{};
  for (Stage o : kStages) {
    std::vector<std::string> row{std::string(stage_name(o))};
    uint64_t total = 0;
    for (Stage n : kStages) {
      uint64_t c = d.matrix()[static_cast<size_t>(o)][static_cast<size_t>(n)];
      row.push_back(std::to_string(c));
      total += c;
      column_totals[static_cast<size_t>(n)] += c;
    }
    row.push_back(std::to_string(total));
    t.add(row);
  }
  std::vector<std::string> last{"total"};
  for (uint64_t c : column_totals) last.push_back(std::to_string(c));
  last.push_back(std::to_string(d.leads()));
  t.add(last);
  return t.render();
}

}  // namespace

std::string diff_text(const StageDiff& d, const DiffContext& ctx) {
  std::string out = "Stages under " + ctx.old_rules_file + " (old, rows) and " + ctx.new_rules_file +
                    " (new, columns), as of " + ctx.as_of + "\n";
  out += leads_count(d.leads()) + " from ";
  for (size_t i = 0; i < ctx.inputs.size(); ++i) out += (i ? ", " : "") + ctx.inputs[i];
  out += "\n\n" + matrix(d) + "\n";
  out += "Moved up: " + std::to_string(d.moved_up()) + " (" + fmt_percent(d.moved_up(), d.leads()) + ")" +
         "   moved down: " + std::to_string(d.moved_down()) + " (" + fmt_percent(d.moved_down(), d.leads()) + ")" +
         "   unchanged: " + std::to_string(d.unchanged()) + " (" + fmt_percent(d.unchanged(), d.leads()) + ")\n";
  out += "Score changed for " + std::to_string(d.score_changed()) + " of " + std::to_string(d.leads()) + " leads\n";
  if (d.moved_up() + d.moved_down() == 0) return out;

  using Align = TextTable::Align;
  TextTable t({Align::kLeft, Align::kRight});
  std::vector<StageDiff::Cause> causes = d.causes();
  for (size_t i = 0; i < causes.size() && i < kMaxCauses; ++i) t.add({causes[i].label, std::to_string(causes[i].leads)});
  if (causes.size() > kMaxCauses) t.add({"(" + std::to_string(causes.size() - kMaxCauses) + " more)", ""});
  if (d.gates_only()) t.add({"(stage gates only)", std::to_string(d.gates_only())});
  out += "\nWhat moved them (moved leads whose points from a criterion, or whose disqualification, changed)\n";
  return out + t.render();
}

}  // namespace leadscore::report
