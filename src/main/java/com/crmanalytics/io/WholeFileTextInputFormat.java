package com.crmanalytics.io;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.TextInputFormat;

/**
 * Hadoop's text input (compressed files decoded by their extension: .gz, .bz2, .deflate, ...), one
 * split per file: a quoted field may continue on the next line, which a split boundary would cut,
 * and true line numbers come from counting the file's lines in order.
 */
public final class WholeFileTextInputFormat extends TextInputFormat {
  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return false;
  }
}
