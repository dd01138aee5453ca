package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A CSV or JSON Lines extract file: the header (CSV), then each block's bytes of the source. */
final class TextOutput implements ExtractGeneratorOutput {
  private final OutputStream stream;
  private final long header;

  TextOutput(Path file, Source source, ExtractFormat format) throws IOException {
    this.stream = ExtractGenerator.stream(file);
    if (format == ExtractFormat.csv) {
      StringBuilder sb = new StringBuilder();
      TextRows.csvHeader(sb, Layout.columns(source));
      stream.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      header = 1;
    } else {
      header = 0;
    }
  }

  @Override
  public long linesBefore() {
    return header;
  }

  @Override
  public void write(Block block, int slot) throws IOException {
    stream.write(block.bytes[slot]);
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
