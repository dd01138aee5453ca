package com.crmanalytics.io;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without a shell command per file. Without Hadoop's
 * native library, which Maven cannot supply, {@link RawLocalFileSystem} sets a permission by
 * running {@code chmod} and tells a symbolic link by running {@code readlink}: a process forked
 * from the JVM for every data file, every Delta commit file, its checksum and every folder — about
 * 1,450 forks of ~10 ms in one run of the tiny test landing, whatever the data size. These classes
 * do the same through {@code java.nio.file} and are installed for the warehouse by the reference
 * configuration ({@code spark.hadoop.fs.file.impl} for Spark's reads and writes, {@code
 * spark.hadoop.fs.AbstractFileSystem.file.impl} for the FileContext that Delta's log store commits
 * with). Everything else is Hadoop's own code.
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** {@code fs.file.impl}: the checksummed local file system over {@link Raw}. */
  public static final class FileSystem extends LocalFileSystem {
    public FileSystem() {
      super(new Raw());
    }
  }

  /**
   * {@code fs.AbstractFileSystem.file.impl}: Hadoop's {@code LocalFs} over {@link Raw} (Hadoop
   * makes it through this constructor, by reflection).
   */
  public static final class Fs extends ChecksumFs {
    Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }
  }

  /** Hadoop's {@code RawLocalFs} (package-private there) over {@link Raw}. */
  static final class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, uri.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** {@link RawLocalFileSystem} with permissions and link checks through {@code java.nio}. */
  public static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if ((permission.toShort() & ~0777) != 0) {
        super.setPermission(p, permission); // a sticky bit: java.nio has no word for it
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    /**
     * Hadoop runs {@code readlink} to learn whether a path is a link (FileContext asks it of both
     * ends of every rename, so of every Delta commit); only a real link needs Hadoop's answer.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      File file = pathToFile(f);
      if (Files.isSymbolicLink(file.toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }
  }

  /** The nine permission bits as java.nio's set (FsPermission prints them as "rwxr-x---"). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(permission.toString());
  }
}
