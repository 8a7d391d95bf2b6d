#include "cli/ordered_work.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using leadscore::cli::OrderedWork;

namespace {

struct State {
  int tasks_done = 0;  // by this worker
};

// Work whose cost varies by task, so that results finish out of order.
int slow_square(int& task, State& state) {
  ++state.tasks_done;
  volatile int spin = 0;
  for (int i = 0; i < (task % 7) * 2000; ++i) spin = spin + 1;
  return task * task;
}

}  // namespace

TEST_CASE("results come back in task order for any number of jobs", "[ordered_work]") {
  for (size_t jobs : {1, 2, 8}) {
    OrderedWork<int, int, State> work(jobs, slow_square);
    int next = 0;
    std::vector<int> results;
    work.run([&]() -> std::optional<int> { return next < 500 ? std::optional<int>(next++) : std::nullopt; },
             [&](int& r) {
               results.push_back(r);
               return true;
             });
    REQUIRE(results.size() == 500);
    for (int i = 0; i < 500; ++i) CHECK(results[static_cast<size_t>(i)] == i * i);
  }
}

TEST_CASE("a consumer that says stop ends the run early", "[ordered_work]") {
  for (size_t jobs : {1, 2}) {
    OrderedWork<int, int, State> work(jobs, slow_square);
    int next = 0;
    std::vector<int> results;
    work.run([&]() -> std::optional<int> { return next < 1000 ? std::optional<int>(next++) : std::nullopt; },
             [&](int& r) {
               results.push_back(r);
               return results.size() < 10;
             });
    CHECK(results.size() == 10);
    CHECK(results.back() == 81);
    CHECK(next < 1000);  // the window bounds what was produced past the stop
  }
}

TEST_CASE("no tasks at all", "[ordered_work]") {
  OrderedWork<int, int, State> work(2, slow_square);
  int consumed = 0;
  work.run([]() -> std::optional<int> { return std::nullopt; }, [&](int&) { return ++consumed > 0; });
  CHECK(consumed == 0);
}

TEST_CASE("one job works beside the calling thread, which only produces and consumes", "[ordered_work]") {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> on_caller{0};
  OrderedWork<int, int, State> work(1, [&](int& task, State& state) {
    if (std::this_thread::get_id() == caller) ++on_caller;
    return slow_square(task, state);
  });
  int next = 0;
  size_t in_flight_max = 0;
  int consumed = 0;
  work.run(
      [&]() -> std::optional<int> {
        in_flight_max = std::max(in_flight_max, static_cast<size_t>(next - consumed));
        return next < 100 ? std::optional<int>(next++) : std::nullopt;
      },
      [&](int&) { return ++consumed > 0; });
  CHECK(consumed == 100);
  CHECK(on_caller == 0);
  CHECK(in_flight_max <= 3);  // memory stays bounded: three tasks per job at most
}

TEST_CASE("the same work runs twice", "[ordered_work]") {
  for (size_t jobs : {1, 2}) {
    OrderedWork<int, int, State> work(jobs, slow_square);
    for (int round = 0; round < 2; ++round) {
      int next = 0;
      int consumed = 0;
      work.run([&]() -> std::optional<int> { return next < 50 ? std::optional<int>(next++) : std::nullopt; },
               [&](int& r) {
                 CHECK(r == consumed * consumed);
                 return ++consumed < 30;
               });
      CHECK(consumed == 30);
    }
  }
}
