package com.crmanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AtOnceTest {
  @Test
  void theTasksRunAtTheSameTimeAndTheirResultsComeInTheTasksOrder() {
    // Each task waits until all three have started: this finishes only if they run at once.
    CountDownLatch started = new CountDownLatch(3);
    List<Supplier<String>> tasks = new ArrayList<>();
    for (String name : List.of("orders", "service", "campaigns")) {
      tasks.add(
          () -> {
            started.countDown();
            await(started);
            return name;
          });
    }
    assertThat(AtOnce.run("test", 3, tasks)).containsExactly("orders", "service", "campaigns");
  }

  @Test
  void noMoreThanTheGivenNumberRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Supplier<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      tasks.add(
          () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            return n;
          });
    }
    assertThat(AtOnce.run("test", 2, tasks)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void everyTaskFinishesBeforeTheFirstFailureInTheTasksOrderIsThrown() {
    ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();
    List<Supplier<String>> tasks =
        List.of(
            () -> {
              sleep(50); // fails last in time, first in order
              throw new IllegalArgumentException("orders failed");
            },
            () -> {
              finished.add("service");
              return "service";
            },
            () -> {
              throw new IllegalStateException("campaigns failed");
            },
            () -> {
              sleep(100);
              finished.add("customers");
              return "customers";
            });
    assertThatThrownBy(() -> AtOnce.run("test", 4, tasks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("orders failed")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s).hasMessage("campaigns failed")));
    assertThat(finished).containsExactlyInAnyOrder("service", "customers");
  }

  @Test
  void noTasksIsNoResults() {
    assertThat(AtOnce.<String>run("test", 4, List.of())).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("all tasks started").isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
