package com.crmanalytics.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(ProductSpark.class)}: the test class runs with the product's Spark settings
 * (code generation and adaptive execution on), and the JVM's session goes back to {@link
 * TestSpark#TINY_DATA} afterwards. For the tests over the real data sets, where interpreting is
 * about four times slower.
 */
public final class ProductSpark implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    TestSpark.productSettings(true);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestSpark.productSettings(false);
  }
}
