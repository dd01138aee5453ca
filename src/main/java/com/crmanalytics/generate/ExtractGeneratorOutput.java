package com.crmanalytics.generate;

import java.io.Closeable;
import java.io.IOException;

/** One extract file being written by {@link ExtractGenerator}. */
interface ExtractGeneratorOutput extends Closeable {
  /** Lines already in the file before the first row (a CSV header). */
  long linesBefore();

  /** Appends the block's rows for one (folder, source) slot. */
  void write(Block block, int slot) throws IOException;

  @Override
  void close() throws IOException;
}
