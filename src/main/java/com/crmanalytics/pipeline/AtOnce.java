package com.crmanalytics.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent pieces of a stage at the same time from the driver; Spark runs the jobs of
 * several threads side by side. Ingest's sources use it: an extract file is read by a single task,
 * so one source after the other left a core idle (1M initial ingest 452 s against 591 s). The
 * report's queries and writes were tried the same way and gained nothing measurable at 100k
 * (bench/README.md): where Spark already keeps both cores busy, it does not help. The threads are
 * started by the calling thread and so inherit its Spark job group.
 */
public final class AtOnce {
  private AtOnce() {}

  /**
   * Runs every task, at most {@code threads} at a time, and returns their results in the tasks'
   * order. Every task finishes before a failure is thrown: the first in the tasks' order, the later
   * ones attached to it as suppressed.
   *
   * @param name the threads' name, for thread dumps and logs
   */
  public static <T> List<T> run(String name, int threads, List<Supplier<T>> tasks) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, tasks.size())),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> running = tasks.stream().map(t -> pool.submit(t::get)).toList();
      List<T> results = new ArrayList<>(tasks.size());
      RuntimeException first = null;
      for (Future<T> f : running) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          RuntimeException failed =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
          if (first == null) {
            first = failed;
          } else if (first != failed) {
            first.addSuppressed(failed);
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + ": interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
