// Runs tasks on worker threads and hands their results back in task order,
// with a bounded number of tasks in flight so memory stays flat however long
// the input. The calling thread produces and consumes (reads and writes), so
// even one job scores while the previous chunk's output is being written:
// that write is a system call the worker need not wait for.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace leadscore::cli {

template <typename Task, typename Result, typename WorkerState>
class OrderedWork {
 public:
  using Produce = std::function<std::optional<Task>()>;         // caller's thread
  using Work = std::function<Result(Task&, WorkerState&)>;       // any worker
  using Consume = std::function<bool(Result&)>;                  // caller's thread, in order; false stops

  OrderedWork(size_t jobs, Work work) : jobs_(jobs < 1 ? 1 : jobs), work_(std::move(work)) {}

  void run(const Produce& produce, const Consume& consume) {
    const size_t window = jobs_ * 3;
    slots_.clear();
    slots_.resize(window);
    queue_.clear();  // a second run starts afresh
    queue_head_ = 0;
    closing_ = false;
    std::vector<std::thread> threads;
    for (size_t i = 0; i < jobs_; ++i) threads.emplace_back([this] { worker_loop(); });
    size_t next_task = 0, next_result = 0;
    bool more = true, stopped = false;
    while (!stopped && (more || next_result < next_task)) {
      // Keep the window full, then take the oldest result.
      while (more && next_task - next_result < window) {
        std::optional<Task> task = produce();
        if (!task) {
          more = false;
          break;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        Slot& s = slots_[next_task % window];
        s.task = std::move(task);
        s.state = SlotState::kQueued;
        queue_.push_back(next_task++);
        work_ready_.notify_one();
      }
      if (next_result == next_task) continue;
      std::unique_lock<std::mutex> lock(mutex_);
      Slot& s = slots_[next_result % window];
      result_ready_.wait(lock, [&] { return s.state == SlotState::kDone; });
      Result r = std::move(*s.result);
      s.result.reset();
      s.state = SlotState::kFree;
      lock.unlock();
      ++next_result;
      if (!consume(r)) stopped = true;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
      queue_.clear();
    }
    work_ready_.notify_all();
    for (std::thread& t : threads) t.join();
  }

 private:
  enum class SlotState { kFree, kQueued, kDone };
  struct Slot {
    SlotState state = SlotState::kFree;
    std::optional<Task> task;
    std::optional<Result> result;
  };

  void worker_loop() {
    WorkerState state;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [&] { return closing_ || queue_head_ < queue_.size(); });
      if (closing_) return;
      size_t index = queue_[queue_head_++];
      if (queue_head_ == queue_.size()) {
        queue_.clear();
        queue_head_ = 0;
      }
      Slot& s = slots_[index % slots_.size()];
      Task task = std::move(*s.task);
      s.task.reset();
      lock.unlock();
      Result r = work_(task, state);
      lock.lock();
      s.result = std::move(r);
      s.state = SlotState::kDone;
      result_ready_.notify_all();
    }
  }

  size_t jobs_;
  Work work_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::vector<Slot> slots_;
  std::vector<size_t> queue_;
  size_t queue_head_ = 0;
  bool closing_ = false;
};

}  // namespace leadscore::cli
