package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lock on the local file system, without Spark. */
class WarehouseLockTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir Path warehouse;
  private final List<String> warnings = new ArrayList<>();

  private WarehouseLock acquire(String owner) {
    return WarehouseLock.acquire(HADOOP, warehouse.toString(), owner, warnings::add);
  }

  @Test
  void aSecondTakerFailsWithExitCode5NamingHolderAndSince() {
    try (WarehouseLock first = acquire("run 2026-11-22_A")) {
      assertThat(warehouse.resolve(WarehouseLock.FILE_NAME)).exists();
      assertThatThrownBy(() -> acquire("run 2026-11-23_B"))
          .isInstanceOf(CrmException.class)
          .satisfies(
              e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.WAREHOUSE_BUSY))
          .hasMessageStartingWith("Warehouse busy: ")
          .hasMessageContaining(WarehouseLock.FILE_NAME)
          .hasMessageContaining("run 2026-11-22_A (host ")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("since " + first.holder().since());
    }
    assertThat(warehouse.resolve(WarehouseLock.FILE_NAME)).doesNotExist();
    try (WarehouseLock again = acquire("run 2026-11-23_B")) {
      assertThat(WarehouseLock.holder(HADOOP, warehouse.toString()).owner())
          .isEqualTo("run 2026-11-23_B");
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aDeadProcessesLockOnThisHostIsTakenOverWithAWarning() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = WarehouseLock.Holder.current("x").host();
    Files.writeString(
        warehouse.resolve(WarehouseLock.FILE_NAME),
        "host="
            + host
            + "\npid="
            + gone.pid()
            + "\nowner=run killed\nsince=2026-11-24T01:00:00Z\n");
    try (WarehouseLock lock = acquire("run new")) {
      assertThat(lock.holder().owner()).isEqualTo("run new");
    }
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("took over the lock")
        .contains("run killed (host " + host + ", pid " + gone.pid() + ")")
        .contains("since 2026-11-24T01:00:00Z")
        .contains("no longer running");
  }

  @Test
  void aLockHeldOnAnotherHostIsNeverTakenOver() throws IOException {
    Files.writeString(
        warehouse.resolve(WarehouseLock.FILE_NAME),
        "host=other-host.example\npid=1\nowner=run elsewhere\nsince=2026-11-24T01:00:00Z\n");
    assertThatThrownBy(() -> acquire("run new"))
        .hasMessageContaining(
            "run elsewhere (host other-host.example, pid 1) since 2026-11-24T01:00:00Z");
    assertThat(warnings).isEmpty();
  }

  @Test
  void closingReleasesOnlyOurOwnLock() throws IOException {
    WarehouseLock lock = acquire("run mine");
    // Someone removed our lock by hand and another run took it: closing must not delete theirs.
    Path file = warehouse.resolve(WarehouseLock.FILE_NAME);
    Files.delete(file);
    String theirs = "host=h\npid=1\nowner=run theirs\nsince=" + Instant.EPOCH + "\n";
    Files.writeString(file, theirs);
    lock.close();
    assertThat(file).hasContent(theirs.strip());
  }
}
