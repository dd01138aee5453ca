package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalFiles} behaves as Hadoop's local file system where the warehouse needs it — created
 * files and folders get their permission, FileContext's rename without overwrite (Delta's commit)
 * refuses an existing target, links are still told apart — and the reference configuration installs
 * it for both Hadoop interfaces.
 */
class LocalFilesTest {
  @TempDir java.nio.file.Path tmp;

  private static Configuration conf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalFiles.FileSystem.class.getName());
    conf.set("fs.AbstractFileSystem.file.impl", LocalFiles.Fs.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  @Test
  void setsPermissionsWithoutAShell() throws IOException {
    FileSystem fs = FileSystem.get(tmp.toUri(), conf());
    assertThat(fs).isInstanceOf(LocalFiles.FileSystem.class);
    Path dir = new Path(tmp.resolve("a/b").toUri());
    assertThat(fs.mkdirs(dir, new FsPermission((short) 0750))).isTrue();
    Path file = new Path(dir, "f.txt");
    try (FSDataOutputStream out = fs.create(file)) {
      out.write("x".getBytes(StandardCharsets.UTF_8));
    }
    fs.setPermission(file, new FsPermission((short) 0640));
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b/f.txt"))))
        .isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))))
        .isEqualTo("rwxr-x---");
    assertThat(
            LocalFiles.posix(new FsPermission((short) 0755)).stream()
                .map(Enum::name)
                .sorted()
                .toList())
        .containsExactly(
            "GROUP_EXECUTE",
            "GROUP_READ",
            "OTHERS_EXECUTE",
            "OTHERS_READ",
            "OWNER_EXECUTE",
            "OWNER_READ",
            "OWNER_WRITE");
  }

  @Test
  void renameWithoutOverwriteRefusesAnExistingTargetAsDeltaCommitsNeed() throws IOException {
    FileContext fc = FileContext.getFileContext(tmp.toUri(), conf());
    Path a = new Path(tmp.resolve("a.json").toUri());
    Path b = new Path(tmp.resolve("b.json").toUri());
    for (Path p : new Path[] {a, b}) {
      try (FSDataOutputStream out =
          fc.create(p, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
        out.write(p.getName().getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThatThrownBy(() -> fc.rename(a, b, Options.Rename.NONE))
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    Path c = new Path(tmp.resolve("c.json").toUri());
    fc.rename(a, c, Options.Rename.NONE);
    assertThat(Files.readString(tmp.resolve("c.json"))).isEqualTo("a.json");
    assertThat(Files.exists(tmp.resolve("a.json"))).isFalse();
    assertThatThrownBy(() -> fc.rename(a, c, Options.Rename.NONE))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void linksAreStillToldApart() throws IOException {
    FileSystem fs = FileSystem.get(tmp.toUri(), conf());
    java.nio.file.Path target = Files.writeString(tmp.resolve("t.txt"), "t");
    java.nio.file.Path link = Files.createSymbolicLink(tmp.resolve("l.txt"), target);
    // Hadoop's own answer for a link (its readlink needs the path without the file: scheme)
    FileStatus linkStatus = fs.getFileLinkStatus(new Path(link.toString()));
    assertThat(linkStatus.isSymlink()).isTrue();
    FileStatus fileStatus = fs.getFileLinkStatus(new Path(target.toUri()));
    assertThat(fileStatus.isSymlink()).isFalse();
    assertThat(fileStatus.getLen()).isEqualTo(1L);
    assertThatThrownBy(() -> fs.getFileLinkStatus(new Path(tmp.resolve("none").toUri())))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void theReferenceConfigurationInstallsIt() {
    var spark = com.crmanalytics.config.ConfigLoader.load(null, false, java.util.Map.of()).spark();
    assertThat(spark)
        .containsEntry("spark.hadoop.fs.file.impl", LocalFiles.FileSystem.class.getName())
        .containsEntry(
            "spark.hadoop.fs.AbstractFileSystem.file.impl", LocalFiles.Fs.class.getName());
  }
}
