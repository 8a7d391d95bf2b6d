#include "cli/chunked_scoring.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "cli/field_binder.h"
#include "cli/ordered_work.h"
#include "input/chunk_splitter.h"
#include "input/csv_reader.h"
#include "input/json_lines_reader.h"
#include "leadscore/explanation.h"
#include "leadscore/values.h"

namespace leadscore::cli {

namespace {

// Messages kept per chunk; the rest are only counted (the reporter shows
// no more than these per run anyway).
constexpr size_t kKeptErrors = 100;
constexpr size_t kKeptWarnings = 20;

}  // namespace

struct ChunkedScoring::Input {
  size_t index = 0;  // among the readers given to run()
  std::string name;
  InputFormat format = InputFormat::kCsv;
  char delimiter = ',';
  std::vector<std::string> header;  // CSV
  std::optional<ChunkSplitter> splitter;
  std::vector<std::string> notes;   // warnings to show before its first chunk
};

struct ChunkedScoring::Task {
  const Input* input = nullptr;
  Chunk chunk;  // empty in a task that only carries messages
  std::vector<std::string> notes;  // warnings to show before the chunk's own messages
  std::string read_error;          // the input's read failure, shown after them
};

struct ChunkedScoring::Result {
  std::string output;
  struct Message {
    enum Kind : uint8_t { kWarning, kError, kWriterWarning } kind;
    std::string text;
    size_t same_from = 0;  // kWriterWarning: where the text stops naming the line
  };
  std::vector<Message> messages;  // in input order
  uint64_t hidden_errors = 0;
  uint64_t hidden_warnings = 0;
  uint64_t scored = 0;
  uint64_t rejected = 0;
  size_t input = 0;                  // index of the chunk's input
  std::vector<std::string> rejects;  // raw bytes of rejected records, when kept
  std::vector<int> never_seen;       // fields no record this worker bound so far had
  size_t kept_errors = 0;
  size_t kept_warnings = 0;

  void message(bool error, std::string text) {
    size_t& kept = error ? kept_errors : kept_warnings;
    if (kept < (error ? kKeptErrors : kKeptWarnings)) {
      ++kept;
      messages.push_back({error ? Message::kError : Message::kWarning, std::move(text)});
    } else {
      ++(error ? hidden_errors : hidden_warnings);
    }
  }
  // The writer's own warnings (an input column the output has no place for)
  // are few, one per column and worker: all are kept, and run() shows each
  // once, at its first place in input order.
  // Texts start "FILE:LINE: "; two workers meeting the same column name
  // different lines, so what follows the line is compared.
  void take_writer_warnings(std::vector<std::string>& warnings, const std::string& file) {
    for (std::string& w : warnings) {
      size_t from = w.compare(0, file.size(), file) == 0 ? file.size() : 0;
      if (from < w.size() && w[from] == ':') ++from;
      while (from < w.size() && w[from] >= '0' && w[from] <= '9') ++from;
      messages.push_back({Message::kWriterWarning, std::move(w), from});
    }
    warnings.clear();
  }
};

// Per-thread state, reused from chunk to chunk.
struct ChunkedScoring::Worker {
  std::optional<FieldBinder> binder;
  std::unique_ptr<ResultWriter> writer;
  std::vector<std::string_view> values;
  Verdict verdict;
  LeadScratch scratch;
  std::string ignored;
  // Output bytes per input byte in this worker's last chunk; 0 before its first.
  double output_ratio = 0;
};

ChunkedScoring::ChunkedScoring(const Scorer& scorer, ChunkedOptions options, Reporter& reporter)
    : scorer_(scorer), options_(std::move(options)), reporter_(reporter) {}

ChunkedScoring::~ChunkedScoring() = default;

bool ChunkedScoring::supports(const std::vector<std::unique_ptr<RecordReader>>& readers, OutputFormat format) {
  if (format == OutputFormat::kTable) return false;
  // JSON lines into CSV: the columns come from the first record scored,
  // which must not be a CSV input's header.
  const bool all_json_lines = std::all_of(readers.begin(), readers.end(), [](const auto& r) {
    return r->format() == InputFormat::kJsonLines;
  });
  for (const auto& r : readers) {
    if (r->format() == InputFormat::kCsv) continue;
    if (r->format() == InputFormat::kJsonLines && (format != OutputFormat::kCsv || all_json_lines)) continue;
    return false;
  }
  return true;
}

ChunkedScoring::Result ChunkedScoring::score_chunk(Task& task, Worker& w) const {
  const RuleSet& rules = scorer_.rules();
  const Input& in = *task.input;
  Result result;
  result.input = in.index;
  // Records come out as written plus their results (and explanations, about
  // 4 KiB a lead): room for that up front saves copying and faulting in a
  // growing buffer. Chunks of one file grow alike, so the last chunk's growth,
  // with some headroom, is the estimate.
  const size_t in_bytes = task.chunk.bytes.size();
  const double ratio = w.output_ratio > 0 ? w.output_ratio * 1.0625 : options_.writer.explain ? 8.0 : 1.5;
  result.output.reserve(static_cast<size_t>(static_cast<double>(in_bytes) * ratio) + 4096);
  const bool keep_rejects = static_cast<bool>(options_.on_reject);
  for (std::string& note : task.notes) result.message(false, std::move(note));
  if (!w.binder) {
    w.binder.emplace(rules);
    w.writer = make_writer(rules, options_.writer);
    // The writer learns the output's columns, which are the first input's
    // (whatever input this worker happens to start on); the header itself is
    // written once, by run().
    w.writer->begin(columns_, w.ignored);
  }
  if (!task.read_error.empty()) result.message(true, std::move(task.read_error));
  if (in_bytes == 0) {
    result.never_seen = w.binder->never_seen();
    return result;
  }
  auto reader = open_chunk_reader(task.chunk.bytes, in.format, in.delimiter, in.name, options_.input, &in.header);
  const uint64_t line0 = task.chunk.first_line - 1;
  InputRecord rec;
  RecordError err;
  for (;;) {
    ReadStatus status = reader->next(rec, err);
    if (status == ReadStatus::kEnd) break;
    if (status == ReadStatus::kRejected) {
      ++result.rejected;
      result.message(true, format_diagnostic(Diagnostic{in.name, line0 + err.line, err.column, Severity::kError,
                                                        err.message}));
      if (keep_rejects) result.rejects.push_back(std::move(err.raw));
      continue;
    }
    rec.line += line0;
    // One stable pointer per input, so per-header caches stay valid across chunks.
    if (in.format == InputFormat::kCsv) rec.names = &in.header;
    w.binder->bind(rec, w.values);
    scorer_.score(w.values, w.scratch, w.verdict);
    if (!w.verdict.bad_values.empty()) {
      for (const BadValue& b : w.verdict.bad_values) {
        result.message(options_.strict,
                       bad_value_message(in.name, rec.line, options_.strict, rules.fields[static_cast<size_t>(b.field)].name,
                                         trim(w.values[static_cast<size_t>(b.field)]), bad_value_text(rules, b, options_.strict)));
      }
      if (options_.strict) {
        ++result.rejected;
        if (keep_rejects) result.rejects.emplace_back(rec.raw);
        continue;
      }
    }
    ++result.scored;
    if (options_.writer.explain) {
      Explanation e = explain_deferred(scorer_, w.values, w.scratch, w.verdict);
      w.writer->write(ScoredLead{&rec, &w.verdict, &e, w.binder->id()}, result.output);
    } else {
      w.writer->write(ScoredLead{&rec, &w.verdict, nullptr, w.binder->id()}, result.output);
    }
    if (!w.writer->warnings().empty()) result.take_writer_warnings(w.writer->warnings(), in.name);
  }
  result.never_seen = w.binder->never_seen();
  if (in_bytes > 0) w.output_ratio = static_cast<double>(result.output.size()) / static_cast<double>(in_bytes);
  return result;
}

std::vector<std::string> ChunkedScoring::first_scored_names(const std::function<std::optional<Task>()>& next_task,
                                                             std::deque<Task>& peeked) const {
  // Read as score_chunk reads, quietly: the workers report what they meet.
  FieldBinder binder(scorer_.rules());
  std::vector<std::string_view> values;
  LeadScratch scratch;
  Verdict verdict;
  while (std::optional<Task> task = next_task()) {
    peeked.push_back(std::move(*task));
    const Task& t = peeked.back();
    const Input& in = *t.input;
    if (t.chunk.bytes.empty()) continue;  // messages only
    auto reader = open_chunk_reader(t.chunk.bytes, in.format, in.delimiter, in.name, options_.input, &in.header);
    InputRecord rec;
    RecordError err;
    for (ReadStatus status; (status = reader->next(rec, err)) != ReadStatus::kEnd;) {
      if (status == ReadStatus::kRejected) continue;
      binder.bind(rec, values);
      scorer_.score(values, scratch, verdict);
      if (options_.strict && !verdict.bad_values.empty()) continue;
      return *rec.names;
    }
  }
  return {};
}

void ChunkedScoring::run(std::vector<std::unique_ptr<RecordReader>> readers, const std::vector<std::string>& names,
                         const std::function<void(std::string_view)>& write) {
  const RuleSet& rules = scorer_.rules();
  // Explanations make a chunk's output several times its input: smaller
  // chunks keep the memory in flight about the same.
  const size_t chunk_bytes = options_.writer.explain ? size_t{1} << 18 : size_t{1} << 20;
  for (size_t i = 0; i < readers.size(); ++i) {
    auto in = std::make_unique<Input>();
    in->index = i;
    in->name = names[i];
    in->format = readers[i]->format();
    uint64_t offset = 0, line = 1;
    if (auto* csv = dynamic_cast<CsvReader*>(readers[i].get())) {
      in->delimiter = csv->delimiter();
      in->header = csv->header();
      // Fields no column provides are missing in every lead: say so once.
      FieldBinder probe(rules);
      InputRecord rec;
      rec.names = &in->header;
      rec.names_fixed = true;
      std::vector<std::string_view> values;
      probe.bind(rec, values);
      for (int f : probe.absent_in_header()) {
        const FieldSpec& spec = rules.fields[static_cast<size_t>(f)];
        std::string looked = "'" + spec.name + "'";
        for (const std::string& a : spec.from) looked += ", '" + a + "'";
        in->notes.push_back(in->name + ":1: warning: no column for field " + looked +
                            ", so it is missing in every lead of this input");
      }
      in->splitter.emplace(csv->release_rest(&offset, &line), offset, line, InputFormat::kCsv, chunk_bytes);
    } else {
      auto* jsonl = dynamic_cast<JsonLinesReader*>(readers[i].get());
      in->splitter.emplace(jsonl->release_rest(&offset, &line), offset, line, InputFormat::kJsonLines, chunk_bytes);
    }
    inputs_.push_back(std::move(in));
  }

  size_t current = 0;
  bool first_of_input = true;
  // What the reader has to say about an input (its notes, a read error)
  // travels in a task, so that it prints in input order, after the messages
  // of the chunks before it, however far ahead of the writer the reader is.
  auto next_task = [&]() -> std::optional<Task> {
    while (current < inputs_.size()) {
      Input& in = *inputs_[current];
      if (auto chunk = in.splitter->next()) {
        Task t{&in, std::move(*chunk), {}, {}};
        if (first_of_input) t.notes = std::move(in.notes);
        first_of_input = false;
        return t;
      }
      Task last{&in, {}, {}, {}};
      if (first_of_input) last.notes = std::move(in.notes);
      if (!in.splitter->error().empty()) {
        io_failed_ = true;
        last.read_error = in.name + ": error: " + in.splitter->error();
      }
      ++current;
      first_of_input = true;
      if (!last.notes.empty() || !last.read_error.empty()) return last;
    }
    return std::nullopt;
  };

  // The output opens with the first input's columns (CSV header, JSON '['):
  // for JSON lines into CSV, the keys of the first record that is scored,
  // as on the sequential path. The chunks read to find it are scored first.
  std::deque<Task> peeked;
  if (inputs_.empty()) {
    columns_.clear();
  } else if (options_.writer.format == OutputFormat::kCsv && inputs_.front()->format == InputFormat::kJsonLines) {
    columns_ = first_scored_names(next_task, peeked);
  } else {
    columns_ = inputs_.front()->header;
  }
  std::string opening;
  {
    auto writer = make_writer(rules, options_.writer);
    writer->begin(columns_, opening);
    write(opening);
  }
  auto produce = [&]() -> std::optional<Task> {
    if (peeked.empty()) return next_task();
    Task t = std::move(peeked.front());
    peeked.pop_front();
    return t;
  };
  JsonArrayJoin join(options_.writer.format == OutputFormat::kJson);
  std::set<std::string> writer_warnings_shown;
  std::vector<bool> seen(rules.fields.size(), false);  // by some record of some chunk
  auto consume = [&](Result& r) {
    for (Result::Message& m : r.messages) {
      if (m.kind == Result::Message::kError) reporter_.error(m.text);
      else if (m.kind == Result::Message::kWarning || writer_warnings_shown.insert(m.text.substr(m.same_from)).second) {
        reporter_.warning(m.text);
      }
    }
    reporter_.count_hidden(r.hidden_errors, r.hidden_warnings);
    scored_ += r.scored;
    rejected_ += r.rejected;
    for (const std::string& raw : r.rejects) options_.on_reject(r.input, raw);
    std::vector<bool> unseen(rules.fields.size(), false);
    for (int f : r.never_seen) unseen[static_cast<size_t>(f)] = true;
    for (size_t f = 0; f < unseen.size(); ++f) {
      if (!unseen[f]) seen[f] = true;
    }
    write(join(r.output));
    return true;
  };
  OrderedWork<Task, Result, Worker> work(options_.jobs, [this](Task& t, Worker& w) { return score_chunk(t, w); });
  work.run(produce, consume);
  // As on the sequential path: a JSON key no record has is likely misspelt.
  const bool any_json = std::any_of(inputs_.begin(), inputs_.end(),
                                    [](const auto& in) { return in->format != InputFormat::kCsv; });
  if (any_json) {
    for (size_t f = 0; f < seen.size(); ++f) {
      if (seen[f]) continue;
      reporter_.warning("leadscore: warning: no input record has field '" + rules.fields[f].name +
                        "', so it was missing in every lead");
    }
  }

  std::string closing;
  auto writer = make_writer(rules, options_.writer);
  writer->finish(closing);
  write(closing);
}

}  // namespace leadscore::cli
