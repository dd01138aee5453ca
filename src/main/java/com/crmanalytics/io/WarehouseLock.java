package com.crmanalytics.io;

import com.crmanalytics.error.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * One writer per warehouse: the file {@code <warehouse>/_crm_lock}, created atomically (fails if it
 * exists) by every command that writes, holding who (host, pid, run) and since when. Released on
 * {@link #close()} and by a shutdown hook; a lock left by a dead process on this host is taken over
 * with a warning. Atomic on local file systems (O_EXCL) and HDFS/ABFS (create without overwrite);
 * on S3 the create is check-then-write, so schedulers must also run one job at a time.
 */
public final class WarehouseLock implements AutoCloseable {
  /** The lock's file name under the warehouse root; never a table (tables are folders). */
  public static final String FILE_NAME = "_crm_lock";

  private static final String HOST = hostName();

  /**
   * Who holds the lock. {@code owner} says what runs, e.g. {@code run
   * 2026-11-22_20261124T010000_1a2b}.
   */
  public record Holder(String host, long pid, String owner, Instant since) {
    /** This process, now. */
    public static Holder current(String owner) {
      return new Holder(HOST, ProcessHandle.current().pid(), owner, Instant.now());
    }

    /** "run X (host h, pid 123)". */
    public String describe() {
      return owner + " (host " + host + ", pid " + pid + ")";
    }

    String text() {
      return "host=" + host + "\npid=" + pid + "\nowner=" + owner + "\nsince=" + since + "\n";
    }

    static Holder parse(String text) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
        return new Holder(
            p.getProperty("host", "?"),
            Long.parseLong(p.getProperty("pid", "-1").trim()),
            p.getProperty("owner", "?"),
            Instant.parse(p.getProperty("since", Instant.EPOCH.toString()).trim()));
      } catch (IOException | NumberFormatException | DateTimeParseException e) {
        return new Holder("?", -1, "unreadable lock content: " + text.strip(), Instant.EPOCH);
      }
    }

    /** True when the holder is a process of this host that no longer runs. */
    boolean deadOnThisHost() {
      return host.equals(HOST)
          && pid > 0
          && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final Holder holder;
  private final Runnable hook;
  private boolean released;

  private WarehouseLock(FileSystem fs, Path path, Holder holder) {
    this.fs = fs;
    this.path = path;
    this.holder = holder;
    this.hook = this::release;
    // Before Hadoop closes its file systems (priority 10) so that HDFS is still reachable.
    ShutdownHookManager.get().addShutdownHook(hook, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
  }

  /**
   * Takes the lock of the warehouse at {@code root} for {@code owner}, or fails with exit code 5
   * naming the holder and since when.
   *
   * @param warn receives the warning when a dead process's lock is taken over
   */
  public static WarehouseLock acquire(
      Configuration hadoop, String root, String owner, Consumer<String> warn) {
    Path path = new Path(root, FILE_NAME);
    Holder me = Holder.current(owner);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      fs.mkdirs(path.getParent());
      if (tryCreate(fs, path, me)) {
        return new WarehouseLock(fs, path, me);
      }
      String seen = read(fs, path);
      if (seen == null) {
        // Released between our create and our read: one more try decides.
        if (tryCreate(fs, path, me)) {
          return new WarehouseLock(fs, path, me);
        }
        seen = read(fs, path);
      }
      Holder other = Holder.parse(seen == null ? "" : seen);
      if (seen != null && other.deadOnThisHost()) {
        // Check-then-delete: only the content judged stale is removed; the create decides the
        // winner.
        if (seen.equals(read(fs, path))) {
          fs.delete(path, false);
        }
        if (tryCreate(fs, path, me)) {
          warn.accept(
              "took over the lock "
                  + path
                  + " left by "
                  + other.describe()
                  + " since "
                  + other.since()
                  + ": that process is no longer running");
          return new WarehouseLock(fs, path, me);
        }
        String now = read(fs, path);
        other = Holder.parse(now == null ? "" : now);
      }
      throw Errors.warehouseBusy(path.toString(), other.describe(), other.since().toString());
    } catch (IOException e) {
      throw Errors.lockFailure(path.toString(), e.getMessage(), e);
    }
  }

  /** Who holds the lock of the warehouse at {@code root} now, or null when it is free. */
  public static Holder holder(Configuration hadoop, String root) {
    Path path = new Path(root, FILE_NAME);
    try {
      String text = read(path.getFileSystem(hadoop), path);
      return text == null ? null : Holder.parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Holder holder() {
    return holder;
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    release();
    try {
      ShutdownHookManager.get().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run.
    }
  }

  /** Deletes the lock file if it is still ours. */
  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      String text = read(fs, path);
      if (text != null && text.equals(holder.text())) {
        if (isLocal(fs)) {
          Files.deleteIfExists(localFile(fs, path));
        } else {
          fs.delete(path, false);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "crm: warning: could not release the lock " + path + ": " + e.getMessage());
    }
  }

  /** Creates the file with our content; false if it already exists. */
  private static boolean tryCreate(FileSystem fs, Path path, Holder me) throws IOException {
    byte[] content = me.text().getBytes(StandardCharsets.UTF_8);
    if (isLocal(fs)) {
      // Hadoop's local create(overwrite=false) checks, then writes: O_EXCL is the atomic way.
      try (OutputStream out =
          Files.newOutputStream(
              localFile(fs, path), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(content);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false; // some stores report "exists" as a plain IOException
      }
      throw e;
    }
  }

  /** The lock file's content, or null if there is none. */
  private static String read(FileSystem fs, Path path) throws IOException {
    if (isLocal(fs)) {
      try {
        return Files.readString(localFile(fs, path), StandardCharsets.UTF_8);
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }
    try (InputStream in = fs.open(path)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static boolean isLocal(FileSystem fs) {
    return fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
  }

  private static java.nio.file.Path localFile(FileSystem fs, Path path) {
    return java.nio.file.Path.of(fs.makeQualified(path).toUri());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env != null ? env : "unknown-host";
    }
  }
}
