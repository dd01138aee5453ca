package com.crmanalytics.contract;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every table of the warehouse, in the order {@code crm tables} lists them. */
public final class Tables {
  public static final List<TableContract> ALL =
      Stream.concat(
              Stream.of(
                  Orders.CONTRACT,
                  ServiceContacts.CONTRACT,
                  CampaignTouches.CONTRACT,
                  Customers.CONTRACT,
                  CustomerFeatures.CONTRACT,
                  CustomerSegments.CONTRACT,
                  CustomerValue.CONTRACT,
                  ProductAffinity.CONTRACT,
                  CustomerRecommendations.CONTRACT,
                  ModelRuns.CONTRACT,
                  ReportForecast.CONTRACT,
                  ReportTracking.CONTRACT,
                  ReportActions.CONTRACT),
              Stream.concat(
                  Reports.ALL.stream(),
                  Stream.of(Quarantine.CONTRACT, PipelineRuns.CONTRACT, Exports.CONTRACT)))
          .toList();

  private Tables() {}

  public static Optional<TableContract> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
