package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A Parquet extract written row by row. Every column is an optional UTF-8 string, as in the text
 * formats, so values that ingest must refuse (bad rows) can be carried too; ingest parses them.
 */
final class ParquetOutput implements ExtractGeneratorOutput {
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory groups;
  private final String[] columns;

  ParquetOutput(Path file, Source source) throws IOException {
    this.columns = Layout.columns(source);
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (String c : columns) {
      schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c);
    }
    MessageType type = schema.named(source.id());
    this.groups = new SimpleGroupFactory(type);
    this.writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(type)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
  }

  @Override
  public long linesBefore() {
    return 0;
  }

  @Override
  public void write(Block block, int slot) throws IOException {
    for (String[] values : block.rows(slot)) {
      Group g = groups.newGroup();
      for (int i = 0; i < columns.length; i++) {
        if (values[i] != null && !values[i].isEmpty()) {
          g.append(columns[i], values[i]);
        }
      }
      writer.write(g);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
