package com.crmanalytics.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(CompiledSpark.class)}: the test class runs with Spark's code generation on, as
 * the product does, and the JVM's session goes back to interpreted afterwards. For the tests over
 * the real data sets, where interpreting is about four times slower (see {@link
 * TestSpark#INTERPRETED}).
 */
public final class CompiledSpark implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    TestSpark.compiled(true);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestSpark.compiled(false);
  }
}
