package com.crmanalytics.contract;

import java.util.List;

/** The columns every silver row carries about where it came from. */
public final class Lineage {
  public static final String BUSINESS_DATE = "business_date";
  public static final String SOURCE_FILE = "source_file";
  public static final String RUN_ID = "run_id";

  public static final List<Field> FIELDS =
      List.of(
          new Field(
              BUSINESS_DATE,
              Rules.DATE,
              true,
              "Business date of the extract that last wrote the row"),
          new Field(SOURCE_FILE, Rules.STRING, true, "File the row was read from"),
          new Field(RUN_ID, Rules.STRING, true, "Pipeline run that last wrote the row"));

  private Lineage() {}
}
